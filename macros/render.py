"""Markdown renderers for the outline: objective headings, task and domain overviews, coverage, glossary.

Plain functions of data -> Markdown, unit-tested without MkDocs. Links come out as Markdown links to
.md files, so MkDocs' own link and anchor validation checks every one of them.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable

from .models import Domain, GlossaryTerm, Objective, Outline, Task, anchor_for
from .sections import WORD_FLOOR, Section

#: Status labels with Material icons (inline SVG through pymdownx.emoji: no emoji font needed on the reader's side).
STATUS_ICON = {
    "written": ":material-check-circle:{ .status .status--written } written",
    "draft": ":material-pencil-circle:{ .status .status--draft } draft",
    "not started": ":material-circle-outline:{ .status .status--todo } not started",
    "missing": ":material-alert-circle:{ .status .status--missing } missing",
}

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")


def md_escape(text: str) -> str:
    """Text from data, safe inside Markdown: no HTML, no accidental emphasis, links or table cells."""
    return _MD_SPECIAL.sub(r"\\\1", html.unescape(text)).replace("&", "&amp;")


def md_link_from(page_src: str):
    """Return a function turning a docs-relative target ('a/b.md#x') into a link relative to page_src."""
    base = posixpath.dirname(page_src)

    def link(target: str) -> str:
        path, _, anchor = target.partition("#")
        rel = posixpath.relpath(path, base or ".") if path else ""
        return rel + (f"#{anchor}" if anchor else "")

    return link


def objective_section(
    objective: Objective, section: Section | None, page_src: str, edit_url: str | None
) -> str:
    """Heading with the stable anchor, the official statement, and an honest note if not written yet."""
    link = md_link_from(page_src)
    kind = "Knowledge of" if objective.kind == "knowledge" else "Skills in"
    status = section.status if section else "not started"
    # An unwritten section holds only the official statement and a "not written yet" note: keep it out
    # of the search index, so a search lands on a section that teaches.
    exclude = "" if status == "written" else " data-search-exclude"
    lines = [
        f"### {objective.id} {md_escape(objective.short_title)} {{ #{objective.anchor} .objective{exclude} }}",
        "",
        f'<p class="objective-statement"><span class="objective-kind">Exam guide · {kind}</span> '
        f"{html.escape(objective.text)}</p>",
        "",
    ]
    if status != "written":
        words = section.words if section else 0
        help_link = f"[write it]({edit_url})" if edit_url else "write it"
        lines += [
            '!!! warning "Not written yet"',
            "",
            f"    This objective's explanation has {words} of the {WORD_FLOOR} words a section needs "
            f"(with **On the exam** and AWS **Sources**). Until it is written, study it from the AWS "
            f"documentation and the [reference tables]({link('reference/index.md')}). You can "
            f"{help_link}: see [how to add an explanation]({link('contributing.md')}) and the "
            f"[coverage page]({link('coverage.md')}).",
            "",
        ]
    return "\n".join(lines)


def _status_of(objective: Objective, sections: dict[str, Section]) -> str:
    section = sections.get(objective.id)
    return section.status if section else "missing"


def task_intro(task: Task, domain: Domain, sections: dict[str, Section], page_src: str) -> str:
    link = md_link_from(page_src)
    written = sum(_status_of(o, sections) == "written" for o in task.objectives)
    lines = [
        f"# Task {task.id}: {md_escape(task.title)}",
        "",
        f"Part of [Domain {domain.id}: {md_escape(domain.title)}]({link(domain.folder + '/index.md')}) "
        f"({domain.weight}% of the scored content). {len(task.objectives)} objectives, "
        f"{written} written.",
        "",
        '??? abstract "The objectives of this task"',
        "",
        "    | Id | Objective | Status |",
        "    | --- | --- | --- |",
    ]
    for o in task.objectives:
        lines.append(
            f"    | [{o.id}](#{o.anchor}) | {md_escape(o.short_title)} | {STATUS_ICON[_status_of(o, sections)]} |"
        )
    lines.append("")
    return "\n".join(lines)


def domain_heading(domain: Domain) -> str:
    return "\n".join([
        f"# Domain {domain.id}: {md_escape(domain.title)}",
        "",
        f"**{domain.weight}%** of the scored content · {len(domain.tasks)} tasks · "
        f"{sum(len(t.objectives) for t in domain.tasks)} objectives.",
        "",
    ])


def domains_summary(outline: Outline, page_src: str, scored_questions: int = 50) -> str:
    """Domains with weight, the share of the scored questions it implies, and links to their tasks."""
    link = md_link_from(page_src)
    lines = ["| Domain | Weight | ≈ scored questions | Tasks |", "| --- | ---: | ---: | --- |"]
    for d in outline.domains:
        tasks = " · ".join(f"[{t.id} {md_escape(t.title)}]({link(t.page)})" for t in d.tasks)
        lines.append(
            f"| [{d.id}. {md_escape(d.title)}]({link(d.folder + '/index.md')}) | {d.weight}% | "
            f"{round(scored_questions * d.weight / 100)} | {tasks} |"
        )
    return "\n".join(lines) + "\n"


def domain_tasks(domain: Domain, sections: dict[str, Section], page_src: str) -> str:
    link = md_link_from(page_src)
    lines = [
        "| Task | Knowledge | Skills | Written |",
        "| --- | ---: | ---: | ---: |",
    ]
    for t in domain.tasks:
        k = sum(o.kind == "knowledge" for o in t.objectives)
        written = sum(_status_of(o, sections) == "written" for o in t.objectives)
        lines.append(
            f"| [Task {t.id}: {md_escape(t.title)}]({link(t.page)}) | {k} | {len(t.objectives) - k} | "
            f"{written} / {len(t.objectives)} |"
        )
    lines.append("")
    return "\n".join(lines)


def coverage(outline: Outline, sections: dict[str, Section], page_src: str) -> str:
    link = md_link_from(page_src)
    objectives = outline.objectives
    counts = {s: 0 for s in STATUS_ICON}
    for o in objectives:
        counts[_status_of(o, sections)] += 1
    summary = " · ".join(f"{STATUS_ICON[s]}: **{n}**" for s, n in counts.items() if n)
    lines = [
        f"**{counts['written']} of {len(objectives)}** objectives written "
        f"({round(100 * counts['written'] / len(objectives))}%). {summary}",
        "",
    ]
    for domain in outline.domains:
        lines += [f"## Domain {domain.id}: {md_escape(domain.title)}", ""]
        for task in domain.tasks:
            lines += [
                f"### Task {task.id}: {md_escape(task.title)}",
                "",
                "| Objective | Statement | Words | Status |",
                "| --- | --- | ---: | --- |",
            ]
            for o in task.objectives:
                section = sections.get(o.id)
                target = f"{task.page}#{o.anchor}" if section else task.page
                words = section.words if section else 0
                lines.append(
                    f"| [{o.id}]({link(target)}) | {md_escape(o.text)} | {words} | "
                    f"{STATUS_ICON[_status_of(o, sections)]} |"
                )
            lines.append("")
    return "\n".join(lines)


def glossary(terms: Iterable[GlossaryTerm], outline: Outline, page_src: str) -> str:
    link = md_link_from(page_src)
    lines: list[str] = []
    letter = None
    for term in sorted(terms, key=lambda t: t.term.casefold()):
        first = term.term[0].upper()
        if first != letter:
            letter = first
            # not a one-letter id: the print page's id rewriting mangles those
            lines += [f"## {letter} {{ #letter-{letter.lower()} }}", ""]
        abbr = f" ({md_escape(term.abbr)})" if term.abbr else ""
        lines += [f"### {md_escape(term.term)}{abbr} {{ #{term.id} }}", "", md_escape(term.definition), ""]
        refs = [f"[{o}]({link(outline.task(o.rsplit('.', 1)[0]).page + '#' + anchor_for(o))})" for o in term.objectives]
        meta = [f"[AWS source]({term.source})"]
        if refs:
            meta.insert(0, "Objectives: " + ", ".join(refs))
        lines += [" · ".join(meta), ""]
    return "\n".join(lines)


def abbreviations(terms: Iterable[GlossaryTerm]) -> str:
    """Markdown abbreviation definitions (`*[RMSE]: …`) for hover tooltips on every page."""
    lines = []
    for term in terms:
        if term.abbr:
            text = " ".join(f"{term.term}: {term.definition}".split())
            lines.append(f"*[{term.abbr}]: {text}")
    return "\n".join(lines)
