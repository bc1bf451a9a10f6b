"""Load and validate data/*.yml once, with errors that name the file, the entry and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    Algorithm,
    BiasMetric,
    DataFormat,
    GlossaryTerm,
    InferenceOption,
    Outline,
    PrepTool,
    Service,
    StorageOption,
    StreamingService,
)

M = TypeVar("M", bound=BaseModel)


class DataError(Exception):
    """A data file is missing, malformed or does not match its model. The message is for a contributor."""


class DisplayPath(type(Path())):
    """A path that prints relative to the working directory when it can (data/x.yml, not /home/…/data/x.yml)."""

    def __str__(self) -> str:
        try:
            return Path.relative_to(Path(super().__str__()), Path.cwd()).as_posix()
        except ValueError:
            return super().__str__()


def read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise DataError(f"{path}: file not found")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DataError(f"{path}: malformed YAML{where}: {problem}") from exc


def _describe(errors: list[dict], path: Path, rows: list | None = None) -> str:
    """Turn pydantic errors into lines such as `data/x.yml: entry 3 (id 'xgboost'), field 'source': …`."""
    lines = []
    for err in errors:
        loc = list(err["loc"])
        where = ""
        if rows is not None and loc and isinstance(loc[0], int):
            index = loc.pop(0)
            row = rows[index] if index < len(rows) else None
            ident = row.get("id") if isinstance(row, dict) else None
            where = f"entry {index + 1}" + (f" (id {ident!r})" if ident is not None else "")
        field = ".".join(str(p) for p in loc)
        parts = [p for p in (where, f"field {field!r}" if field else "") if p]
        lines.append(f"{path}: {', '.join(parts) or 'top level'}: {err['msg']}")
    return "\n".join(lines)


def load_model(path: Path, model: type[M]) -> M:
    """A file whose top level is one mapping (the outline)."""
    raw = read_yaml(path)
    if not isinstance(raw, dict):
        raise DataError(f"{path}: top level must be a mapping, got {type(raw).__name__}")
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        raise DataError(_describe(exc.errors(), path)) from exc


def load_rows(path: Path, model: type[M]) -> list[M]:
    """A file whose top level is a list of rows, each with a unique `id`."""
    raw = read_yaml(path)
    if not isinstance(raw, list) or not raw:
        raise DataError(f"{path}: top level must be a non-empty list of entries")
    rows: list[M] = []
    errors: list[dict] = []
    for index, item in enumerate(raw):
        if not isinstance(item, dict):
            errors.append({"loc": (index,), "msg": f"entry must be a mapping, got {type(item).__name__}"})
            continue
        try:
            rows.append(model.model_validate(item))
        except ValidationError as exc:
            errors.extend({"loc": (index, *e["loc"]), "msg": e["msg"]} for e in exc.errors())
    if errors:
        raise DataError(_describe(errors, path, raw))
    seen: dict[str, int] = {}
    for index, row in enumerate(rows):
        ident = getattr(row, "id")
        if ident in seen:
            raise DataError(
                f"{path}: entry {index + 1} (id {ident!r}), field 'id': duplicate of entry {seen[ident] + 1}"
            )
        seen[ident] = index
    return rows


@dataclass(frozen=True)
class Catalogue:
    """Everything in data/, validated and cross-checked."""

    outline: Outline
    algorithms: list[Algorithm]
    services: list[Service]
    inference: list[InferenceOption]
    glossary: list[GlossaryTerm]
    formats: list[DataFormat]
    storage: list[StorageOption]
    streaming: list[StreamingService]
    prep_tools: list[PrepTool]
    bias_metrics: list[BiasMetric]


#: Every list-of-rows file in data/ and the model its rows must match (the outline is loaded on its own).
ROW_FILES: dict[str, tuple[str, type]] = {
    "algorithms": ("algorithms.yml", Algorithm),
    "services": ("services.yml", Service),
    "inference": ("inference.yml", InferenceOption),
    "glossary": ("glossary.yml", GlossaryTerm),
    "formats": ("formats.yml", DataFormat),
    "storage": ("storage.yml", StorageOption),
    "streaming": ("streaming.yml", StreamingService),
    "prep_tools": ("prep_tools.yml", PrepTool),
    "bias_metrics": ("bias_metrics.yml", BiasMetric),
}
FILES = {"outline": "outline.yml", **{key: name for key, (name, _) in ROW_FILES.items()}}


def _check_refs(path: Path, rows: list, field: str, known: set[str], what: str) -> None:
    for index, row in enumerate(rows):
        for ref in getattr(row, field):
            if ref not in known:
                raise DataError(
                    f"{path}: entry {index + 1} (id {row.id!r}), field {field!r}: unknown {what} {ref!r}"
                )


def load_catalogue(data_dir: Path) -> Catalogue:
    data_dir = DisplayPath(data_dir)
    outline = load_model(data_dir / FILES["outline"], Outline)
    rows = {key: load_rows(data_dir / name, model) for key, (name, model) in ROW_FILES.items()}
    services, glossary = rows["services"], rows["glossary"]

    task_ids = {t.id for t in outline.tasks}
    objective_ids = {o.id for o in outline.objectives}
    _check_refs(data_dir / FILES["services"], services, "tasks", task_ids, "task id")
    _check_refs(data_dir / FILES["services"], services, "confused_with", {s.id for s in services}, "service id")
    _check_refs(data_dir / FILES["glossary"], glossary, "objectives", objective_ids, "objective id")
    abbrs: dict[str, str] = {}
    for index, term in enumerate(glossary):
        if term.abbr:
            if term.abbr in abbrs:
                raise DataError(
                    f"{data_dir / FILES['glossary']}: entry {index + 1} (id {term.id!r}), field 'abbr': "
                    f"{term.abbr!r} is already used by {abbrs[term.abbr]!r}"
                )
            abbrs[term.abbr] = term.id
    return Catalogue(outline=outline, **rows)
