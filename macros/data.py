"""Load and validate data/*.yml once, with errors that name the file, the entry and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .models import (
    QUESTION_TYPES,
    Algorithm,
    BiasMetric,
    Card,
    CICDService,
    ComputeFamily,
    CostTool,
    DataFormat,
    DeploymentStrategy,
    DeploymentTarget,
    EvaluationMetric,
    GlossaryTerm,
    IaCOption,
    InferenceOption,
    ModelRoute,
    MonitorType,
    ObservabilityTool,
    Orchestrator,
    Outline,
    PostTrainingBiasMetric,
    PrepTool,
    PurchasingOption,
    QuestionFile,
    Remedy,
    ScalingMetric,
    ScalingPolicy,
    SecurityControl,
    Service,
    StorageOption,
    StreamingService,
    TrainingOption,
    TuningStrategy,
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
    tuning_strategies: list[TuningStrategy]
    metrics: list[EvaluationMetric]
    posttraining_bias_metrics: list[PostTrainingBiasMetric]
    remedies: list[Remedy]
    model_routes: list[ModelRoute]
    distributed_training: list[TrainingOption]
    deployment_strategies: list[DeploymentStrategy]
    scaling_policies: list[ScalingPolicy]
    scaling_metrics: list[ScalingMetric]
    orchestrators: list[Orchestrator]
    deployment_targets: list[DeploymentTarget]
    cicd_services: list[CICDService]
    iac_options: list[IaCOption]
    compute_families: list[ComputeFamily]
    monitor_types: list[MonitorType]
    observability_tools: list[ObservabilityTool]
    cost_tools: list[CostTool]
    purchasing_options: list[PurchasingOption]
    security_controls: list[SecurityControl]
    questions: dict[str, QuestionFile]  # task id -> its practice questions (data/questions/<task>.yml)
    cards: dict[str, list[Card]]  # task id -> its flashcards (data/cards/<task>.yml)


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
    # Domain 2's comparison tables: each row names the objective sections that teach it.
    "tuning_strategies": ("tuning_strategies.yml", TuningStrategy),
    "metrics": ("metrics.yml", EvaluationMetric),
    "posttraining_bias_metrics": ("posttraining_bias_metrics.yml", PostTrainingBiasMetric),
    "remedies": ("remedies.yml", Remedy),
    "model_routes": ("model_routes.yml", ModelRoute),
    "distributed_training": ("distributed_training.yml", TrainingOption),
    # Domain 3's comparison tables, built the same way.
    "deployment_strategies": ("deployment_strategies.yml", DeploymentStrategy),
    "scaling_policies": ("scaling_policies.yml", ScalingPolicy),
    "scaling_metrics": ("scaling_metrics.yml", ScalingMetric),
    "orchestrators": ("orchestrators.yml", Orchestrator),
    "deployment_targets": ("deployment_targets.yml", DeploymentTarget),
    "cicd_services": ("cicd_services.yml", CICDService),
    "iac_options": ("iac_options.yml", IaCOption),
    "compute_families": ("compute_families.yml", ComputeFamily),
    # Domain 4's comparison tables, built the same way.
    "monitor_types": ("monitor_types.yml", MonitorType),
    "observability_tools": ("observability_tools.yml", ObservabilityTool),
    "cost_tools": ("cost_tools.yml", CostTool),
    "purchasing_options": ("purchasing_options.yml", PurchasingOption),
    "security_controls": ("security_controls.yml", SecurityControl),
}
FILES = {"outline": "outline.yml", **{key: name for key, (name, _) in ROW_FILES.items()}}
#: Folders with one file per task (`1.1.yml` …): the practice questions and the flashcards.
QUESTIONS_DIR = "questions"
CARDS_DIR = "cards"


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
    for key, (name, model) in ROW_FILES.items():  # every file whose rows name objectives: glossary, inference, Domains 2-4
        if "objectives" in model.model_fields:
            _check_refs(data_dir / name, rows[key], "objectives", objective_ids, "objective id")
    abbrs: dict[str, str] = {}
    for index, term in enumerate(glossary):
        if term.abbr:
            if term.abbr in abbrs:
                raise DataError(
                    f"{data_dir / FILES['glossary']}: entry {index + 1} (id {term.id!r}), field 'abbr': "
                    f"{term.abbr!r} is already used by {abbrs[term.abbr]!r}"
                )
            abbrs[term.abbr] = term.id
    questions = load_questions(data_dir / QUESTIONS_DIR, outline)
    cards = load_cards(data_dir / CARDS_DIR, outline)
    return Catalogue(outline=outline, **rows, questions=questions, cards=cards)


def _task_files(folder: Path, outline: Outline) -> list[tuple[str, Path]]:
    """The `<task id>.yml` files of a folder, in outline order; any other file there is an error."""
    if not folder.is_dir():
        return []
    task_ids = [t.id for t in outline.tasks]
    found = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".yml" or path.stem not in task_ids:
            raise DataError(f"{folder / path.name}: expected one file per task, named like 1.1.yml")
        found.append((path.stem, folder / path.name))
    return sorted(found, key=lambda item: task_ids.index(item[0]))


def _question_errors(errors: list[dict], path: Path, raw: dict) -> str:
    """pydantic errors of a question file as `data/questions/1.1.yml: question 4 (id '1.1-04'), field …`."""
    lines = []
    for err in errors:
        loc = list(err["loc"])
        where = "top level"
        if loc and loc[0] in ("questions", "cases") and len(loc) > 1 and isinstance(loc[1], int):
            kind, index = loc[0], loc[1]
            items = raw.get(kind) or []
            item = items[index] if index < len(items) else None
            ident = item.get("id") if isinstance(item, dict) else None
            where = f"{kind[:-1]} {index + 1}" + (f" (id {ident!r})" if ident is not None else "")
            loc = loc[2:]
            if kind == "questions" and loc and loc[0] in QUESTION_TYPES:
                loc = loc[1:]  # the discriminator pydantic puts in the path
        field = ".".join(str(p) for p in loc)
        message = err["msg"].removeprefix("Value error, ")
        if not field and ":" in message and message.split(":", 1)[0].isidentifier():
            field, message = message.split(":", 1)  # a model check that names its own field
            message = message.strip()
        lines.append(f"{path}: {where}" + (f", field {field!r}" if field else "") + f": {message}")
    return "\n".join(lines)


def load_questions(folder: Path, outline: Outline) -> dict[str, QuestionFile]:
    objectives = {o.id: o for o in outline.objectives}
    bank: dict[str, QuestionFile] = {}
    seen: dict[str, Path] = {}
    for task_id, path in _task_files(folder, outline):
        raw = read_yaml(path)
        if not isinstance(raw, dict):
            raise DataError(f"{path}: top level must be a mapping with 'questions:' (and optionally 'cases:')")
        try:
            parsed = QuestionFile.model_validate(raw)
        except ValidationError as exc:
            raise DataError(_question_errors(exc.errors(), path, raw)) from exc
        case_ids = {c.id for c in parsed.cases}
        used = {q.case for q in parsed.questions if q.case}
        for index, q in enumerate(parsed.questions):
            where = f"{path}: question {index + 1} (id {q.id!r})"
            if q.task_id != task_id:
                raise DataError(f"{where}, field 'id': must start with '{task_id}-' in this file")
            if q.id in seen:
                raise DataError(f"{where}, field 'id': already used in {seen[q.id]}")
            seen[q.id] = path
            for ref in q.objectives:
                if ref not in objectives:
                    raise DataError(f"{where}, field 'objectives': unknown objective id {ref!r}")
            if objectives[q.objectives[0]].task_id != task_id:
                raise DataError(f"{where}, field 'objectives': the first objective must be of task {task_id}")
            if q.case and q.case not in case_ids:
                raise DataError(f"{where}, field 'case': unknown case {q.case!r} (cases of this file: "
                                f"{sorted(case_ids) or 'none'})")
        for index, case in enumerate(parsed.cases):
            if case.id in seen:
                raise DataError(f"{path}: case {index + 1} (id {case.id!r}), field 'id': already used")
            seen[case.id] = path
            if case.id not in used:
                raise DataError(f"{path}: case {index + 1} (id {case.id!r}): no question uses it")
        bank[task_id] = parsed
    return bank


def load_cards(folder: Path, outline: Outline) -> dict[str, list[Card]]:
    objectives = {o.id for o in outline.objectives}
    deck: dict[str, list[Card]] = {}
    seen: set[str] = set()
    for task_id, path in _task_files(folder, outline):
        cards = load_rows(path, Card)
        for index, card in enumerate(cards):
            where = f"{path}: entry {index + 1} (id {card.id!r})"
            if not card.id.startswith(f"{task_id}-"):
                raise DataError(f"{where}, field 'id': must start with '{task_id}-' in this file")
            if card.id in seen:
                raise DataError(f"{where}, field 'id': already used in another file")
            seen.add(card.id)
            if card.objective not in objectives or not card.objective.startswith(task_id + "."):
                raise DataError(f"{where}, field 'objective': {card.objective!r} is not an objective of task {task_id}")
        deck[task_id] = cards
    return deck
