"""One table renderer, many filtered views (after pydantic's docs conversion table).

A `Table` holds typed rows and the columns to show; `.filtered(predicate)` returns another view of the
same rows. Rendering goes through one Jinja template with autoescape on, so any HTML in a data value is
shown as text, never interpreted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Generic, TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from .models import (
    Algorithm,
    BiasMetric,
    CICDService,
    ComputeFamily,
    CostTool,
    DataFormat,
    DeploymentStrategy,
    DeploymentTarget,
    EvaluationMetric,
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
    Remedy,
    ScalingMetric,
    ScalingPolicy,
    SecurityControl,
    Service,
    StorageOption,
    StreamingService,
    TaughtRow,
    TrainingOption,
    TuningStrategy,
    anchor_for,
)

R = TypeVar("R")

TEMPLATES = Path(__file__).parent / "templates"


def jinja_env() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    external: bool = False
    title: str | None = None


@dataclass(frozen=True)
class Badge:
    text: str
    kind: str  # css modifier: warning, danger, info


#: What a cell may hold: text, a link, a badge, a yes/no, or a list of those.
Cell = str | Link | Badge | bool | None | Sequence["Cell"]


@dataclass(frozen=True)
class Column(Generic[R]):
    header: str
    cell: Callable[[R], Cell]
    css: str = ""  # e.g. "nowrap" or "name"
    #: A detail column is not a table column: its prose goes into the row's expandable detail block,
    #: so the table keeps to the handful of columns that compare and fits its column (and the page).
    detail: bool = False


@dataclass(frozen=True)
class Table(Generic[R]):
    rows: tuple[R, ...]
    columns: tuple[Column[R], ...]
    caption: str = ""
    row_id: Callable[[R], str] | None = None
    css: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def compared(self) -> tuple[Column[R], ...]:
        return tuple(c for c in self.columns if not c.detail)

    @property
    def details(self) -> tuple[Column[R], ...]:
        return tuple(c for c in self.columns if c.detail)

    def filtered(self, predicate: Callable[[R], bool]) -> Table[R]:
        return replace(self, rows=tuple(r for r in self.rows if predicate(r)))

    def sorted(self, key: Callable[[R], object]) -> Table[R]:
        return replace(self, rows=tuple(sorted(self.rows, key=key)))

    def with_columns(self, headers: Iterable[str]) -> Table[R]:
        wanted = list(headers)
        by_header = {c.header: c for c in self.columns}
        missing = [h for h in wanted if h not in by_header]
        if missing:
            raise KeyError(f"unknown column(s) {missing}; columns are {list(by_header)}")
        columns = tuple(by_header[h] for h in wanted)
        if not columns or columns[0].detail:
            raise KeyError(f"the first column names the row and must be a table column, not {wanted[:1]}")
        return replace(self, columns=columns)

    def render(self, env: Environment | None = None) -> str:
        if not self.rows:
            raise ValueError(f"table {self.caption!r}: the filter left no rows (check the filter arguments)")
        env = env or jinja_env()
        rows = []
        for row in self.rows:
            cells = [_normalise(col.cell(row)) for col in self.compared]
            details = [(col.header, parts) for col in self.details if (parts := _normalise(col.cell(row), empty=[]))]
            rows.append({
                "id": self.row_id(row) if self.row_id else None,
                "label": " ".join(p if isinstance(p, str) else p.text for p in cells[0]),
                "cells": cells,
                "details": details,
            })
        html = env.get_template("table.html").render(table=self, columns=self.compared, rows=rows)
        # A blank line would end Markdown's raw-HTML block half-way through the table.
        return "\n".join(line for line in html.splitlines() if line.strip())


def _normalise(value: Cell, empty: list | None = None) -> list:
    """A cell as a flat list of parts the template knows: str, Link, Badge. An empty value becomes `empty`
    (a dash in a table cell; nothing at all in a detail block, which then leaves that entry out)."""
    empty = ["—"] if empty is None else empty
    if value is None or value == "":
        return list(empty)
    if isinstance(value, bool):
        return ["Yes" if value else "No"]
    if isinstance(value, (str, Link, Badge)):
        return [value]
    parts: list = []
    for item in value:
        parts.extend(_normalise(item, []))
    return parts or list(empty)


# --------------------------------------------------------------------------------------------- views
# `url_for(path_with_anchor)` turns a docs-relative target ("domain-1/task-1-1.md#1-1-k1" or
# "reference/services.md#svc-s3") into a URL relative to the page being rendered.

UrlFor = Callable[[str], str]


def source_link(url: str) -> Link:
    return Link("AWS docs", url, external=True)


def task_links(task_ids: Iterable[str], outline: Outline, url_for: UrlFor) -> list[Link]:
    links = []
    for task_id in task_ids:
        task = outline.task(task_id)
        # No title attribute: Material mounts a tooltip per [title], which costs ~1 ms each on a long table.
        links.append(Link(task_id, url_for(task.page)))
    return links


def objective_links(objective_ids: Iterable[str], outline: Outline, url_for: UrlFor) -> list[Link]:
    """Each objective id as a link to its section on its task page (`2.2.K6` -> task-2-2 page, `#2-2-k6`)."""
    links = []
    for objective_id in objective_ids:
        task = outline.task(outline.objective(objective_id).task_id)
        links.append(Link(objective_id, url_for(f"{task.page}#{anchor_for(objective_id)}")))
    return links


def former_names_badge(former_names: Sequence[str]) -> list[Badge]:
    """An info badge "formerly X, Y" for a renamed service, or nothing."""
    return [Badge("formerly " + ", ".join(former_names), "info")] if former_names else []


Spec = Sequence[tuple[str, "str | Callable[[R], Cell]", str]]


def attribute_table(rows: Sequence[R], caption: str, anchor_prefix: str, compare: Spec, detail: Spec = ()) -> Table[R]:
    """A table described by (header, attribute name or cell function, css) entries. `compare` are the
    table's columns, the first one naming the row; `detail` is the longer prose per row, shown in an
    expandable block under it (open in print). Every such table ends with the row's AWS source."""

    def cell(how: str | Callable[[R], Cell]) -> Callable[[R], Cell]:
        return how if callable(how) else (lambda row: getattr(row, how))

    columns = [Column(header, cell(how), css) for header, how, css in compare]
    columns.append(Column("Source", lambda row: source_link(row.source)))
    columns += [Column(header, cell(how), css, detail=True) for header, how, css in detail]
    return Table(
        rows=tuple(rows),
        caption=caption,
        row_id=lambda row: f"{anchor_prefix}-{row.id}",
        css=f"data-table {anchor_prefix}",
        columns=tuple(columns),
    )


def algorithms_table(rows: Sequence[Algorithm]) -> Table[Algorithm]:
    return attribute_table(rows, "SageMaker AI built-in algorithms", "algo", [
        ("Algorithm", "name", "name"),
        ("Learning", "learning_type", ""),
        ("Problem types", lambda a: ", ".join(a.problem_types), ""),
        ("Training input", lambda a: ", ".join(a.input_formats), ""),
        ("Instances", "instances", ""),
        ("Distributed", "distributed", ""),
        ("Incremental", "incremental", ""),
    ], detail=[
        ("Data", "data_type", ""),
        ("Key hyperparameters", lambda a: ", ".join(a.hyperparameters), ""),
        ("Exam cues", "exam_cues", ""),
        ("Note", "notes", ""),
    ])


STATUS_BADGE = {
    "closed to new customers": "warning",
    "end of support announced": "warning",
    "discontinued": "danger",
}


def service_name_cell(s: Service) -> list:
    parts: list = [s.name, *former_names_badge(s.former_names)]
    if s.status != "available":
        parts.append(Badge(s.status, STATUS_BADGE[s.status]))
    if not s.in_exam_guide:
        parts.append(Badge("not in the exam guide's list", "info"))
    return parts


def services_table(
    rows: Sequence[Service], outline: Outline, url_for: UrlFor, names: Mapping[str, str]
) -> Table[Service]:
    """`names` maps every service id to its name, so a filtered view still names the neighbours it links."""

    def confused(s: Service) -> list[Link]:
        return [Link(names[i], url_for(f"reference/services.md#svc-{i}")) for i in s.confused_with]

    return attribute_table(rows, "AWS services in scope for MLA-C01", "svc", [
        ("Service", service_name_cell, "name"),
        ("Category", "category", ""),
        ("What it does", "summary", ""),
        ("Tasks", lambda s: task_links(s.tasks, outline, url_for), ""),
    ], detail=[
        ("Pick it when", "pick_when", ""),
        ("Often confused with", confused, ""),
        ("What changed", "status_note", ""),
    ])


def inference_table(
    rows: Sequence[InferenceOption], outline: Outline | None = None, url_for: UrlFor | None = None
) -> Table[InferenceOption]:
    """With the outline and `url_for`, and rows that name objectives, the table gains a "Taught in" column."""
    taught = []
    if outline is not None and url_for is not None and any(row.objectives for row in rows):
        taught = [("Taught in", lambda row: objective_links(row.objectives, outline, url_for), "")]
    return attribute_table(rows, "SageMaker AI inference and hosting options", "inf", [
        ("Option", "name", "name"),
        ("Max payload", "max_payload", ""),
        ("Max processing time", "max_processing_time", ""),
        ("Scales to zero", "scales_to_zero", ""),
        ("You pay for", "cost_model", ""),
        *taught,
    ], detail=[
        ("What it is", "summary", ""),
        ("Scaling", "scaling", ""),
        ("Cold start", "cold_start", ""),
        ("Choose it when", "choose_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def formats_table(rows: Sequence[DataFormat]) -> Table[DataFormat]:
    return attribute_table(rows, "Data formats for ML on AWS", "fmt", [
        ("Format", "name", "name"),
        ("Layout", "layout", ""),
        ("Encoding", "encoding", ""),
        ("Schema", "schema_", ""),
    ], detail=[
        ("Compression and splitting", "compression_splitting", ""),
        ("In SageMaker AI", "sagemaker_ai", ""),
        ("Best for", "best_for", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def storage_table(rows: Sequence[StorageOption]) -> Table[StorageOption]:
    return attribute_table(rows, "Storage options for ML data", "store", [
        ("Storage", "name", "name"),
        ("Kind", "kind", ""),
        ("Access", "access", ""),
        ("Best for", "best_for", ""),
    ], detail=[
        ("Performance", "performance", ""),
        ("You pay for", "cost_model", ""),
        ("How training reads it", "training_access", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def streaming_table(rows: Sequence[StreamingService]) -> Table[StreamingService]:
    def name(row: StreamingService) -> list:
        return [row.name, *former_names_badge(row.former_names)]

    return attribute_table(rows, "Streaming ingestion services", "stream", [
        ("Service", name, "name"),
        ("Role", "role", ""),
        ("Latency", "latency", ""),
        ("Retention", "retention", ""),
    ], detail=[
        ("Capacity", "capacity", ""),
        ("Transforms", "transforms", ""),
        ("Best for", "best_for", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def prep_tools_table(rows: Sequence[PrepTool]) -> Table[PrepTool]:
    return attribute_table(rows, "Data preparation tools", "prep", [
        ("Tool", "name", "name"),
        ("Interface", "interface", ""),
        ("Scale", "scale", ""),
        ("Best for", "best_for", ""),
    ], detail=[
        ("Engine", "engine", ""),
        ("Strengths", "strengths", ""),
        ("Outputs", "outputs", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def bias_metrics_table(rows: Sequence[BiasMetric]) -> Table[BiasMetric]:
    def name(row: BiasMetric) -> str:
        return f"{row.name} ({row.abbr})"

    return attribute_table(rows, "SageMaker Clarify pre-training bias metrics", "bias", [
        ("Metric", name, "name"),
        ("What it measures", "measures", ""),
        ("Range", "range", ""),
        ("Labels", "label_type", ""),
    ], detail=[
        ("How to read it", "reading", ""),
        ("Example", "example", ""),
    ])


# --------------------------------------------------------------------------------------------- domain 2
# Every Domain 2, 3 and 4 table links each row to the objective sections that teach it ("Taught in"), so each table
# function takes the outline and `url_for` besides the rows. TAUGHT_TABLES below is the registry the macros
# are made from: a new table is a data file (data.ROW_FILES), a model and one function here.


def _taught_in(outline: Outline, url_for: UrlFor) -> tuple[str, Callable[[TaughtRow], Cell], str]:
    return ("Taught in", lambda row: objective_links(row.objectives, outline, url_for), "")


def tuning_strategies_table(rows: Sequence[TuningStrategy], outline: Outline, url_for: UrlFor) -> Table[TuningStrategy]:
    return attribute_table(rows, "SageMaker AI automatic model tuning strategies", "tune", [
        ("Strategy", "name", "name"),
        ("How it picks values", "picks", ""),
        ("Parallel jobs", "parallelism", ""),
        ("Early stopping", "early_stopping", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Strategy value in the API", "strategy", ""),
        ("Ranges and job count", "ranges", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def metrics_table(rows: Sequence[EvaluationMetric], outline: Outline, url_for: UrlFor) -> Table[EvaluationMetric]:
    def name(row: EvaluationMetric) -> str:
        return f"{row.name} ({row.abbr})" if row.abbr else row.name

    return attribute_table(rows, "Model evaluation metrics", "metric", [
        ("Metric", name, "name"),
        ("Problem", "problem", ""),
        ("Formula", "formula", ""),
        ("Range", "range", ""),
        ("Better", "better", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("What it measures", "measures", ""),
        ("Prefer it when", "prefer_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def posttraining_bias_metrics_table(
    rows: Sequence[PostTrainingBiasMetric], outline: Outline, url_for: UrlFor
) -> Table[PostTrainingBiasMetric]:
    def name(row: PostTrainingBiasMetric) -> str:
        return f"{row.name} ({row.abbr})"

    return attribute_table(rows, "SageMaker Clarify post-training bias metrics", "ptbias", [
        ("Metric", name, "name"),
        ("What it measures", "measures", ""),
        ("Range", "range", ""),
        ("No bias at", "ideal", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Formula", "formula", ""),
        ("How to read it", "reading", ""),
        ("Labels", "label_type", ""),
    ])


def remedies_table(rows: Sequence[Remedy], outline: Outline, url_for: UrlFor) -> Table[Remedy]:
    return attribute_table(rows, "Regularisation and fixes for overfitting, underfitting and forgetting", "remedy", [
        ("Remedy", "name", "name"),
        ("Fixes", lambda r: ", ".join(r.fixes), ""),
        ("How it works", "how", ""),
        ("Trade-off", "trade_off", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("On AWS", "on_aws", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def model_routes_table(rows: Sequence[ModelRoute], outline: Outline, url_for: UrlFor) -> Table[ModelRoute]:
    return attribute_table(rows, "Ways to get a model on AWS", "route", [
        ("Route", "name", "name"),
        ("You provide", "you_provide", ""),
        ("Effort", "effort", "nowrap"),
        ("Control", "control", "nowrap"),
        ("Time to value", "time_to_value", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("You pay for", "cost_model", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def distributed_training_table(
    rows: Sequence[TrainingOption], outline: Outline, url_for: UrlFor
) -> Table[TrainingOption]:
    def name(row: TrainingOption) -> list:
        return [row.name, *([Badge(row.status, "warning")] if row.status != "current" else [])]

    return attribute_table(rows, "Distributed training and ways to cut training time and cost", "train", [
        ("Option", name, "name"),
        ("What it splits or saves", "saves", ""),
        ("Pick it when", "pick_when", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Requirement or limit", "requirement", ""),
        ("Exam cues", "exam_cues", ""),
        ("What changed", "status_note", ""),
    ])


# --------------------------------------------------------------------------------------------- domain 3
# The same registry pattern: a data file, a model, and one function here.


def deployment_strategies_table(
    rows: Sequence[DeploymentStrategy], outline: Outline, url_for: UrlFor
) -> Table[DeploymentStrategy]:
    return attribute_table(rows, "Deployment strategies and rollback on SageMaker AI endpoints", "deploy", [
        ("Strategy", "name", "name"),
        ("Traffic shift", "traffic_shift", ""),
        ("Extra capacity", "extra_capacity", ""),
        ("Rollback", "rollback", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Baking period", "baking", ""),
        ("Setting in the API", "setting", ""),
        ("Limits", "limits", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def scaling_policies_table(rows: Sequence[ScalingPolicy], outline: Outline, url_for: UrlFor) -> Table[ScalingPolicy]:
    return attribute_table(rows, "Scaling SageMaker AI endpoints: policies and capacity modes", "scale", [
        ("Policy", "name", "name"),
        ("Triggered by", "trigger", ""),
        ("Applies to", "applies_to", ""),
        ("Cooldown", "cooldown", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("How capacity changes", "adjusts", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def scaling_metrics_table(rows: Sequence[ScalingMetric], outline: Outline, url_for: UrlFor) -> Table[ScalingMetric]:
    return attribute_table(rows, "CloudWatch metrics to scale SageMaker AI endpoints on", "smetric", [
        ("Metric", "name", "name"),
        ("Measures", "measures", ""),
        ("Use with", "use_with", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("In a policy", "in_policy", ""),
        ("Namespace", "namespace", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def orchestrators_table(rows: Sequence[Orchestrator], outline: Outline, url_for: UrlFor) -> Table[Orchestrator]:
    return attribute_table(rows, "Orchestrating ML workflows on AWS", "orch", [
        ("Service", "name", "name"),
        ("Orchestrates", "orchestrates", ""),
        ("Workflow written as", "defined_as", ""),
        ("Who runs the engine", "runs_on", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Role", "role", ""),
        ("ML integration", "ml_integration", ""),
        ("You pay for", "cost_model", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def deployment_targets_table(
    rows: Sequence[DeploymentTarget], outline: Outline, url_for: UrlFor
) -> Table[DeploymentTarget]:
    return attribute_table(rows, "Where to deploy a model: deployment targets", "target", [
        ("Target", "name", "name"),
        ("Ops effort", "ops_effort", "nowrap"),
        ("Control", "control", "nowrap"),
        ("Limits", "limits", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Scaling", "scaling", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def cicd_services_table(rows: Sequence[CICDService], outline: Outline, url_for: UrlFor) -> Table[CICDService]:
    def name(row: CICDService) -> list:
        return [row.name, *([Badge(row.status, STATUS_BADGE[row.status])] if row.status != "available" else [])]

    return attribute_table(rows, "CI/CD services for ML pipelines", "cicd", [
        ("Service", name, "name"),
        ("Role", "role", ""),
        ("What it runs", "runs", ""),
        ("Limits that decide questions", "limits", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
        ("What changed", "status_note", ""),
    ])


def iac_options_table(rows: Sequence[IaCOption], outline: Outline, url_for: UrlFor) -> Table[IaCOption]:
    return attribute_table(rows, "Infrastructure as code on AWS", "iac", [
        ("Option", "name", "name"),
        ("Written in", "language", ""),
        ("Abstraction", "abstraction", ""),
        ("Sharing values across stacks", "cross_stack", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Drift", "drift", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def compute_families_table(rows: Sequence[ComputeFamily], outline: Outline, url_for: UrlFor) -> Table[ComputeFamily]:
    return attribute_table(rows, "Compute for ML on SageMaker AI: instance families", "compute", [
        ("Family", "name", "name"),
        ("Instance types", "instance_types", ""),
        ("Training", "training", ""),
        ("Inference", "inference", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Processor", "processor", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


# --------------------------------------------------------------------------------------------- domain 4
# The same registry pattern: a data file, a model, and one function here.


def monitor_types_table(rows: Sequence[MonitorType], outline: Outline, url_for: UrlFor) -> Table[MonitorType]:
    def name(row: MonitorType) -> list:
        return [row.name, *([Badge(row.status, STATUS_BADGE[row.status])] if row.status != "available" else [])]

    return attribute_table(rows, "SageMaker Model Monitor: the four monitor types", "monitor", [
        ("Monitor type", name, "name"),
        ("Compares", "compares", ""),
        ("Baseline", "baseline", ""),
        ("Ground-truth labels", "labels_needed", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Output", "output", ""),
        ("Metric or statistic", "metric", ""),
        ("Catches", "catches", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
        ("What changed", "status_note", ""),
    ])


def observability_tools_table(
    rows: Sequence[ObservabilityTool], outline: Outline, url_for: UrlFor
) -> Table[ObservabilityTool]:
    return attribute_table(rows, "Monitoring and observability tools for ML systems", "obs", [
        ("Tool", "name", "name"),
        ("Answers", "answers", ""),
        ("Works on", "works_on", ""),
        ("Typical ML use", "ml_use", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Often confused with", "confused_with", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
        ("What changed", "changes", ""),
    ])


def cost_tools_table(rows: Sequence[CostTool], outline: Outline, url_for: UrlFor) -> Table[CostTool]:
    return attribute_table(rows, "Cost tools: analyze, alert, recommend, allocate", "cost", [
        ("Tool", "name", "name"),
        ("Answers", "answers", ""),
        ("Looks back or ahead", "time_frame", ""),
        ("Acts or reports", "acts", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Set up first", "setup", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def purchasing_options_table(
    rows: Sequence[PurchasingOption], outline: Outline, url_for: UrlFor
) -> Table[PurchasingOption]:
    return attribute_table(rows, "Purchasing options for ML compute", "buy", [
        ("Option", "name", "name"),
        ("Covers", "covers", ""),
        ("Commitment", "commitment", ""),
        ("Discount", "discount", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Interruption risk", "interruption", ""),
        ("Capacity held", "capacity", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


def security_controls_table(
    rows: Sequence[SecurityControl], outline: Outline, url_for: UrlFor
) -> Table[SecurityControl]:
    return attribute_table(rows, "Security controls for ML resources", "sec", [
        ("Control", "name", "name"),
        ("Layer", "layer", "nowrap"),
        ("Protects against", "protects_against", ""),
        ("Set where", "set_where", ""),
        _taught_in(outline, url_for),
    ], detail=[
        ("Limits and gotchas", "limits", ""),
        ("Pick it when", "pick_when", ""),
        ("Exam cues", "exam_cues", ""),
    ])


#: Catalogue field -> table function; the macro of each is `<field>_table` (macros/__init__.py).
TAUGHT_TABLES: dict[str, Callable[[Sequence, Outline, UrlFor], Table]] = {
    # Domain 2
    "tuning_strategies": tuning_strategies_table,
    "metrics": metrics_table,
    "posttraining_bias_metrics": posttraining_bias_metrics_table,
    "remedies": remedies_table,
    "model_routes": model_routes_table,
    "distributed_training": distributed_training_table,
    # Domain 3
    "deployment_strategies": deployment_strategies_table,
    "scaling_policies": scaling_policies_table,
    "scaling_metrics": scaling_metrics_table,
    "orchestrators": orchestrators_table,
    "deployment_targets": deployment_targets_table,
    "cicd_services": cicd_services_table,
    "iac_options": iac_options_table,
    "compute_families": compute_families_table,
    # Domain 4
    "monitor_types": monitor_types_table,
    "observability_tools": observability_tools_table,
    "cost_tools": cost_tools_table,
    "purchasing_options": purchasing_options_table,
    "security_controls": security_controls_table,
}
