"""Practice: the question bank and flashcards as the files the practice pages load, the printable bank,
and the Anki deck.

Plain functions of validated data; `macros/__init__.py` calls them. The browser side is
docs/assets/javascripts/practice/ (one module shared by the task quizzes, the mock exam, progress and
flashcards), which fetches what `bank()` and `deck()` return as JSON: only the pages that use them do.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlparse

from .models import Card, GlossaryTerm, Outline, QuestionFile

#: Where the build writes the practice files, relative to the site root.
FOLDER = "assets/practice"
BANK = f"{FOLDER}/bank.json"
CARDS = f"{FOLDER}/cards.json"
ANKI = "mla-c01-flashcards.txt"
#: The versioned localStorage key progress lives under (the JavaScript reads it from the bank file).
STORAGE_KEY = "mla-c01-practice/v1"
#: The real exam: 65 questions (50 scored, 15 unscored), 130 minutes.
EXAM_QUESTIONS = 65
EXAM_MINUTES = 130

_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


def inline(text: str) -> str:
    """Question text -> HTML: escaped, with `code` and **bold** as the only markup."""
    out = html.escape(" ".join(text.split()), quote=False)
    out = _CODE.sub(r"<code>\1</code>", out)
    return _BOLD.sub(r"<strong>\1</strong>", out)


def source_label(url: str) -> str:
    """A short readable name for an AWS documentation URL: 'sagemaker · xgboost'."""
    parsed = urlparse(url)
    parts = [p for p in parsed.path.split("/") if p and p not in ("latest", "dg", "userguide", "ug", "en_us")]
    if parts and "." in parts[-1]:
        parts[-1] = parts[-1].rsplit(".", 1)[0]
    if parsed.fragment:
        parts.append(parsed.fragment)
    shown = [parts[0], parts[-1]] if len(parts) > 1 else parts
    return " · ".join(p.replace("-", " ").replace("_", " ") for p in shown) or parsed.netloc


def objective_url(outline: Outline, objective_id: str) -> str:
    """Site-root-relative URL of an objective's section: 'domain-1/task-1-1/#1-1-k1'."""
    objective = outline.objective(objective_id)
    task = outline.task(objective.task_id)
    return task.page[: -len(".md")] + "/#" + objective.anchor


def _question(q, outline: Outline, domain_of: dict[str, int]) -> dict:
    item = {
        "id": q.id,
        "type": q.type,
        "task": q.task_id,
        "domain": domain_of[q.task_id],
        "objectives": q.objectives,
        "stem": inline(q.stem),
        "sources": [{"url": u, "label": source_label(u)} for u in q.sources],
    }
    if q.case:
        item["case"] = q.case
    if q.explanation:
        item["explanation"] = inline(q.explanation)
    if q.type in ("multiple-choice", "multiple-response"):
        item["options"] = [{"text": inline(o.text), "correct": o.correct, "why": inline(o.why)} for o in q.options]
    elif q.type == "ordering":
        item["steps"] = [{"text": inline(s.text), **({"why": inline(s.why)} if s.why else {})} for s in q.steps]
    else:
        item["pairs"] = [{"left": inline(p.left), "right": inline(p.right)} for p in q.pairs]
    return item


def outline_summary(outline: Outline, questions: dict[str, QuestionFile]) -> dict:
    """Domains, tasks and objectives with titles, URLs and question counts, for progress and the exam."""
    counts: dict[str, int] = {}
    for file in questions.values():
        for q in file.questions:
            counts[q.objectives[0]] = counts.get(q.objectives[0], 0) + 1
    return {
        "domains": [
            {
                "id": d.id,
                "title": d.title,
                "weight": d.weight,
                "tasks": [
                    {
                        "id": t.id,
                        "title": t.title,
                        "url": t.page[: -len(".md")] + "/",
                        "questions": len(questions[t.id].questions) if t.id in questions else 0,
                    }
                    for t in d.tasks
                ],
            }
            for d in outline.domains
        ],
        "objectives": {
            o.id: {"title": o.short_title, "url": objective_url(outline, o.id), "questions": counts.get(o.id, 0)}
            for o in outline.objectives
        },
    }


def bank(outline: Outline, questions: dict[str, QuestionFile], tasks: list[str] | None = None) -> dict:
    """The question bank (or the part of it for `tasks`) as the JSON the practice pages load."""
    domain_of = {t.id: t.domain_id for t in outline.tasks}
    chosen = [t for t in questions if tasks is None or t in tasks]
    return {
        "storageKey": STORAGE_KEY,
        "exam": {"questions": EXAM_QUESTIONS, "minutes": EXAM_MINUTES},
        "outline": outline_summary(outline, questions),
        "cases": {
            c.id: {"title": inline(c.title), "scenario": inline(c.scenario)}
            for t in chosen
            for c in questions[t].cases
        },
        "questions": [_question(q, outline, domain_of) for t in chosen for q in questions[t].questions],
    }


def _glossary_card(term: GlossaryTerm, outline: Outline) -> dict:
    task = outline.objective(term.objectives[0]).task_id if term.objectives else None
    front = f"{term.term} ({term.abbr})" if term.abbr and term.abbr not in term.term else term.term
    return {
        "id": f"glossary-{term.id}",
        "kind": "glossary",
        "task": task,
        "domain": int(task.split(".")[0]) if task else None,
        "front": inline(front),
        "back": inline(term.definition),
        "source": term.source,
        "url": f"reference/glossary/#{term.id}",
    }


def _cue_card(card: Card, outline: Outline) -> dict:
    task = card.objective.rsplit(".", 1)[0]
    return {
        "id": card.id,
        "kind": "cue",
        "task": task,
        "domain": int(task.split(".")[0]),
        "objective": card.objective,
        "front": inline(card.front),
        "back": inline(card.back),
        "source": card.source,
        "url": objective_url(outline, card.objective),
    }


def deck(outline: Outline, cards: dict[str, list[Card]], glossary: list[GlossaryTerm]) -> dict:
    """Flashcards: the cue cards of data/cards/ and one card per glossary term."""
    return {
        "storageKey": STORAGE_KEY,
        "outline": outline_summary(outline, {}),
        "cards": [_cue_card(c, outline) for t in cards for c in cards[t]]
        + [_glossary_card(g, outline) for g in glossary],
    }


def _anki_field(text_html: str) -> str:
    return text_html.replace("\t", " ").replace("\n", " ")


def anki(outline: Outline, cards: dict[str, list[Card]], glossary: list[GlossaryTerm], site_url: str) -> str:
    """A tab-separated file Anki imports (File > Import): front, back with its source, tags."""
    lines = ["#separator:tab", "#html:true", "#notetype:Basic", "#deck:MLA-C01 Study Guide", "#tags column:3"]
    for card in deck(outline, cards, glossary)["cards"]:
        link = f'<a href="{html.escape(site_url + card["url"])}">study guide</a>'
        source = f'<a href="{html.escape(card["source"])}">AWS documentation</a>'
        back = f'{card["back"]}<br><small>{link} · {source}</small>'
        tags = ["mla-c01", card["kind"]] + ([f'task-{card["task"]}', f'domain-{card["domain"]}'] if card["task"] else [])
        lines.append("\t".join([_anki_field(card["front"]), _anki_field(back), " ".join(tags)]))
    return "\n".join(lines) + "\n"
