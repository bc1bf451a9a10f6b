"""mkdocs-macros entry point: load and validate data/ once, register the macros.

Rendering lives in the sibling modules (tables.py, render.py); this file only wires them to MkDocs.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from . import practice, render, tables
from .data import ROW_FILES, DataError, load_catalogue
from .sections import scan_docs


#: Search boost of a task or domain page with no objective written (1 is normal; reference pages have 3).
UNWRITTEN_SEARCH_BOOST = 0.2


def _page_url(target: str) -> str:
    """Docs-relative 'a/b.md#x' -> site-relative URL 'a/b/#x' (use_directory_urls)."""
    path, _, anchor = target.partition("#")
    if path.endswith("index.md"):
        url = path[: -len("index.md")]
    else:
        url = path[: -len(".md")] + "/"
    return url + (f"#{anchor}" if anchor else "")


def define_env(env) -> None:
    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    try:
        cat = load_catalogue(root / "data")
        sections = scan_docs(docs_dir, {o.id for o in cat.outline.objectives})
    except DataError as exc:
        raise PluginError(f"Bad study-guide data, the build stops here:\n{exc}") from exc
    outline = cat.outline
    jinja = tables.jinja_env()
    abbreviations = render.abbreviations(cat.glossary)
    repo_url = (env.conf.get("repo_url") or "").rstrip("/")
    edit_uri = env.conf.get("edit_uri") or ""
    service_names = {s.id: s.name for s in cat.services}

    def page_src() -> str:
        return env.page.file.src_uri

    def url_for(target: str) -> str:
        return get_relative_url(_page_url(target), env.page.url or ".")

    def edit_url() -> str | None:
        return f"{repo_url}/{edit_uri.strip('/')}/{page_src()}" if repo_url and edit_uri else None

    def _filter(rows, **criteria):
        for field, wanted in criteria.items():
            if wanted is None:
                continue
            wanted_set = set(wanted) if isinstance(wanted, (list, tuple, set)) else {wanted}
            rows = [
                r
                for r in rows
                if (set(v) & wanted_set if isinstance(v := getattr(r, field), list) else v in wanted_set)
            ]
        return rows

    @env.macro
    def objective(objective_id: str) -> str:
        """The heading, anchor and official statement of one objective (and a note if unwritten)."""
        return render.objective_section(
            outline.objective(objective_id), sections.get(objective_id), page_src(), edit_url()
        )

    def rank_low_if_unwritten(objectives) -> None:
        """A task or domain page with nothing written yet ranks below the pages that teach (Material's
        per-page search boost); its unwritten sections are already out of the index."""
        if not any(sections.get(o.id) and sections[o.id].status == "written" for o in objectives):
            env.page.meta.setdefault("search", {}).setdefault("boost", UNWRITTEN_SEARCH_BOOST)

    @env.macro
    def task_intro(task_id: str) -> str:
        task = outline.task(task_id)
        rank_low_if_unwritten(task.objectives)
        return render.task_intro(task, outline.domains[task.domain_id - 1], sections, page_src())

    @env.macro
    def domain_heading(domain_id: int) -> str:
        return render.domain_heading(outline.domains[int(domain_id) - 1])

    @env.macro
    def domains_summary() -> str:
        return render.domains_summary(outline, page_src())

    @env.macro
    def domain_tasks(domain_id: int) -> str:
        domain = outline.domains[int(domain_id) - 1]
        rank_low_if_unwritten([o for t in domain.tasks for o in t.objectives])
        return render.domain_tasks(domain, sections, page_src())

    @env.macro
    def coverage() -> str:
        return render.coverage(outline, sections, page_src())

    @env.macro
    def glossary() -> str:
        return render.glossary(cat.glossary, outline, page_src())

    @env.macro
    def algorithms_table(ids=None, data_type=None, learning_type=None, columns=None, caption=None) -> str:
        table = tables.algorithms_table(_filter(cat.algorithms, id=ids, data_type=data_type, learning_type=learning_type))
        return _finish(table, columns, caption)

    @env.macro
    def services_table(ids=None, category=None, ai_service=None, tasks=None, columns=None, caption=None) -> str:
        rows = _filter(cat.services, id=ids, category=category, ai_service=ai_service, tasks=tasks)
        table = tables.services_table(rows, outline, url_for, service_names).sorted(_service_sort_key)
        return _finish(table, columns, caption)

    @env.macro
    def inference_table(ids=None, kind=None, objectives=None, columns=None, caption=None, anchors=True) -> str:
        """`objectives=` keeps the rows taught by any of these objective ids; `anchors=False` drops the row ids
        (a second view of the same rows on one page)."""
        rows = _filter(cat.inference, id=ids, kind=kind, objectives=objectives)
        table = tables.inference_table(rows, outline, url_for)
        if not anchors:
            table = replace(table, row_id=None)
        return _finish(table, columns, caption)

    def _simple(name: str, render_table):
        def macro(ids=None, columns=None, caption=None) -> str:
            return _finish(render_table(_filter(getattr(cat, name), id=ids)), columns, caption)

        macro.__name__ = f"{name}_table"
        env.macro(macro, f"{name}_table")

    _simple("formats", tables.formats_table)
    _simple("storage", tables.storage_table)
    _simple("streaming", tables.streaming_table)
    _simple("prep_tools", tables.prep_tools_table)
    _simple("bias_metrics", tables.bias_metrics_table)

    def _taught(name: str, render_table):
        """A Domain 2, 3 or 4 table's macro: `ids=`, `objectives=` (rows taught by any of these objective ids),
        `columns=`, `caption=`, `anchors=False` (no row ids, for a second view of the same rows on one page),
        and any other field of the row model as a filter (`problem="regression"`, `fixes="overfitting"`)."""
        fields = set(ROW_FILES[name][1].model_fields)

        def macro(ids=None, objectives=None, columns=None, caption=None, anchors=True, **where) -> str:
            unknown = sorted(set(where) - fields)
            if unknown:
                raise TypeError(f"{name}_table(): unknown filter(s) {unknown}; filters are ids, objectives, "
                                f"columns, caption, anchors and the fields {sorted(fields)}")
            rows = _filter(getattr(cat, name), id=ids, objectives=objectives, **where)
            table = render_table(rows, outline, url_for)
            if not anchors:  # a second view of the same rows on one page: ids must stay unique
                table = replace(table, row_id=None)
            return _finish(table, columns, caption)

        macro.__name__ = f"{name}_table"
        env.macro(macro, f"{name}_table")

    for name, render_table in tables.TAUGHT_TABLES.items():
        _taught(name, render_table)

    # ------------------------------------------------------------------ practice

    questions, cards = cat.questions, cat.cards
    type_names = {"multiple-choice": "Multiple choice", "multiple-response": "Multiple response",
                  "ordering": "Ordering", "matching": "Matching"}

    @env.macro
    def practice_block(task_id: str) -> str:
        """The "Practice" section at the foot of a task page (the quiz mounts in it)."""
        task = outline.task(task_id)
        count = len(questions[task.id].questions) if task.id in questions else 0
        block = jinja.get_template("practice/quiz.html").render(
            task_id=task.id,
            count=count,
            progress_url=url_for("practice/progress.md"),
            printable_url=url_for("practice/questions.md") + f"#task-{task.id.replace('.', '-')}",
            exam_url=url_for("practice/mock-exam.md"),
            cards_url=url_for("practice/flashcards.md"),
        )
        exclude = "" if count else " data-search-exclude"
        return f"## Practice {{ #practice{exclude} }}\n\n{block}\n"

    @env.macro
    def question_bank() -> str:
        """Every question, task by task, then every answer and explanation (the printable bank)."""
        data = practice.bank(outline, questions)
        data["questions"] = [{"case": None, "options": None, "steps": None, "pairs": None, "explanation": None, **q}
                             for q in data["questions"]]  # the templates test these; StrictUndefined
        by_task: dict[str, list[dict]] = {}
        for q in data["questions"]:
            by_task.setdefault(q["task"], []).append(q)
        links = {o: {"url": url_for(v["url"].replace("/#", ".md#")), "title": v["title"]}
                 for o, v in data["outline"]["objectives"].items()}
        first_of_case, cases_seen = set(), set()  # a case's scenario is printed above its first question
        for q in data["questions"]:
            if q.get("case") and q["case"] not in cases_seen:
                cases_seen.add(q["case"])
                first_of_case.add(q["id"])
        shuffled_steps, shuffled_rights = {}, {}
        for q in data["questions"]:
            rng = random.Random(q["id"])
            if q["steps"]:
                order = list(q["steps"])
                while order == q["steps"]:
                    rng.shuffle(order)
                shuffled_steps[q["id"]] = order
            if q["pairs"]:
                rights = [p["right"] for p in q["pairs"]]
                shown = list(rights)
                while shown == rights:
                    rng.shuffle(shown)
                shuffled_rights[q["id"]] = shown
        keys = {q["id"]: ", ".join("ABCDEFGH"[i] for i, o in enumerate(q["options"]) if o["correct"])
                for q in data["questions"] if q["options"]}
        common = dict(cases=data["cases"], type_names=type_names, first_of_case=first_of_case,
                      shuffled_steps=shuffled_steps, shuffled_rights=shuffled_rights, keys=keys,
                      objective_links=links)
        parts, answers = [], []
        for task in outline.tasks:
            if task.id not in by_task:
                continue
            anchor = f"task-{task.id.replace('.', '-')}"
            parts += [f"## Task {task.id} {render.md_escape(task.title)} {{ #{anchor} }}", "",
                      jinja.get_template("practice/printable.html").render(questions=by_task[task.id], **common), ""]
            answers += [f"### Task {task.id} answers {{ #{anchor}-answers }}", "",
                        jinja.get_template("practice/answers.html").render(questions=by_task[task.id], **common), ""]
        if not parts:
            return "No questions yet.\n"
        return "\n".join(parts + ["## Answers and explanations { #answers }", ""] + answers)

    @env.macro
    def practice_tasks() -> str:
        """The practice hub's list: each task, its question count and a link to its quiz."""
        lines = ["| Task | Questions | Flashcards |", "| --- | ---: | ---: |"]
        link_to = render.md_link_from(page_src())
        for task in outline.tasks:
            count = len(questions[task.id].questions) if task.id in questions else 0
            deck = len(cards.get(task.id, []))
            link = link_to(task.page + "#practice" if count else task.page)
            lines.append(f"| [{task.id} {render.md_escape(task.title)}]({link}) | {count or '–'} | {deck or '–'} |")
        return "\n".join(lines) + "\n"

    @env.macro
    def exam() -> dict:
        """Counts for prose: {{ exam().objectives }} etc."""
        return {
            "domains": len(outline.domains),
            "tasks": len(outline.tasks),
            "objectives": len(outline.objectives),
            "services": len(cat.services),
            "algorithms": len(cat.algorithms),
            "glossary": len(cat.glossary),
            "questions": sum(len(f.questions) for f in questions.values()),
            "cards": sum(len(c) for c in cards.values()) + len(cat.glossary),
        }

    def _finish(table, columns, caption) -> str:
        if columns:
            table = table.with_columns(columns)
        if caption:
            table = replace(table, caption=caption)
        return table.render(jinja)

    env.variables["abbreviations"] = abbreviations
    env.variables["_practice_files"] = lambda: _practice_files(cat, env.conf.get("site_url") or "")


def _service_sort_key(service) -> str:
    name = service.name
    for prefix in ("Amazon ", "AWS "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name.casefold()


def _practice_files(cat, site_url: str) -> dict[str, str]:
    """Site-relative path -> content of the files the practice pages load, and the Anki deck."""
    dump = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))  # noqa: E731
    files = {
        practice.BANK: dump(practice.bank(cat.outline, cat.questions)),
        practice.CARDS: dump(practice.deck(cat.outline, cat.cards, cat.glossary)),
        practice.ANKI: practice.anki(cat.outline, cat.cards, cat.glossary, site_url),
    }
    for task_id in cat.questions:
        files[f"{practice.FOLDER}/{task_id}.json"] = dump(practice.bank(cat.outline, cat.questions, [task_id]))
    return files


def on_post_build(env) -> None:
    """Write the question bank, the flashcards and the Anki deck into the built site."""
    site = Path(env.conf["site_dir"])
    for relative, content in env.variables["_practice_files"]().items():
        target = site / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


def on_post_page_macros(env) -> None:
    """Append the glossary's abbreviation definitions so every page gets hover tooltips."""
    abbreviations = env.variables.get("abbreviations")
    if abbreviations:
        env.markdown = env.markdown + "\n\n" + abbreviations + "\n"
