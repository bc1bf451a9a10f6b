"""Find the objective sections in docs/ and judge how far each is written.

A section starts at a `{{ objective("1.1.K1") }}` line and runs to the next objective line or the next
level-1/level-2 heading. Its explanation is the prose before its "On the exam" admonition; code, diagrams,
macro lines, HTML tags and link targets do not count as words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .data import DataError

#: The floor: an objective counts as written once its explanation reaches this many words.
WORD_FLOOR = 150

OBJECTIVE_CALL = re.compile(r"""\{\{\s*objective\(\s*["']([^"']+)["']\s*\)\s*\}\}""")
SECTION_END = re.compile(r"^#{1,2}\s", re.M)
ON_THE_EXAM = re.compile(r"""^[!?]{3}\+?\s+[\w-]+\s+"On the exam"\s*$""", re.M)
SOURCES = re.compile(r"""^[!?]{3}\+?\s+[\w-]+\s+"Sources"\s*$""", re.M)
AWS_LINK = re.compile(r"\]\((https://(?:docs\.aws\.amazon\.com|aws\.amazon\.com)/[^)\s]+)\)")
FENCE = re.compile(r"^(```|~~~).*?^\1\s*$", re.M | re.S)
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.\-/]*")

Status = Literal["written", "draft", "not started"]


@dataclass(frozen=True)
class Section:
    objective_id: str
    page: str  # path relative to docs/
    words: int
    has_exam: bool
    aws_sources: int

    @property
    def status(self) -> Status:
        if self.words >= WORD_FLOOR and self.has_exam and self.aws_sources > 0:
            return "written"
        return "draft" if self.words > 0 or self.has_exam or self.aws_sources else "not started"


def count_words(markdown: str) -> int:
    text = FENCE.sub(" ", markdown)
    text = OBJECTIVE_CALL.sub(" ", text)
    text = re.sub(r"\{[{%#].*?[}%#]\}", " ", text, flags=re.S)  # any other Jinja
    text = re.sub(r"<[^>]+>", " ", text)  # HTML tags (their text stays)
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    text = re.sub(r"\{\s*[#.][^}]*\}", " ", text)  # attr_list
    return len(WORD.findall(text))


def parse_sections(markdown: str, page: str) -> list[Section]:
    calls = list(OBJECTIVE_CALL.finditer(markdown))
    sections = []
    for index, call in enumerate(calls):
        end = calls[index + 1].start() if index + 1 < len(calls) else len(markdown)
        body = markdown[call.end() : end]
        heading = SECTION_END.search(body)
        if heading:
            body = body[: heading.start()]
        exam = ON_THE_EXAM.search(body)
        sources = SOURCES.search(body)
        explanation = body[: exam.start()] if exam else body
        if sources and (not exam or sources.start() < exam.start()):
            explanation = body[: sources.start()]
        source_part = body[sources.start() :] if sources else ""
        sections.append(
            Section(
                objective_id=call.group(1),
                page=page,
                words=count_words(explanation),
                has_exam=bool(exam),
                aws_sources=len(AWS_LINK.findall(source_part)),
            )
        )
    return sections


def scan_docs(docs_dir: Path, known_ids: set[str]) -> dict[str, Section]:
    """Every objective section in docs/, keyed by objective id. Unknown or repeated ids are errors."""
    docs_dir = Path(docs_dir)
    found: dict[str, Section] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        page = path.relative_to(docs_dir).as_posix()
        for section in parse_sections(path.read_text(encoding="utf-8"), page):
            if section.objective_id not in known_ids:
                raise DataError(
                    f"docs/{page}: objective({section.objective_id!r}) names no objective in data/outline.yml"
                )
            if section.objective_id in found:
                raise DataError(
                    f"docs/{page}: objective {section.objective_id!r} already has a section in "
                    f"docs/{found[section.objective_id].page}"
                )
            found[section.objective_id] = section
    return found
