"""Typed models for every file in data/.

One file, one concern, one model. Each row that states a fact carries a `source`: an https URL on an
AWS documentation host, so a reader can check it. Validation runs when the build starts
(macros.define_env); a bad file stops the build with a message naming the file, the entry and the field.
"""

from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal
from urllib.parse import urlparse

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

# --------------------------------------------------------------------------------------------- shared

#: Hosts we accept as a source: AWS's own documentation, product and whitepaper sites.
AWS_SOURCE_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com", "repost.aws", "sagemaker.readthedocs.io")


def _aws_url(value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme != "https" or not parsed.netloc:
        raise ValueError(f"must be an https:// URL, got {value!r}")
    host = parsed.netloc.lower()
    if not any(host == h or host.endswith("." + h) for h in AWS_SOURCE_HOSTS):
        raise ValueError(f"must link AWS documentation ({', '.join(AWS_SOURCE_HOSTS)}), got host {host!r}")
    return value


SourceUrl = Annotated[str, AfterValidator(_aws_url)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]
TaskId = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[1-9]$")]
ObjectiveId = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[1-9]\.[KS][1-9][0-9]?$")]


class Strict(BaseModel):
    """Base for data rows: unknown fields are errors (a typo must not pass silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------------------------- outline

EXPECTED_DOMAINS = 4
EXPECTED_TASKS = 12
EXPECTED_OBJECTIVES = 133


class Objective(Strict):
    id: ObjectiveId
    text: Text
    title: Text | None = None  # optional override of the heading derived from `text`

    @property
    def kind(self) -> Literal["knowledge", "skill"]:
        return "knowledge" if self.id.split(".")[2].startswith("K") else "skill"

    @property
    def task_id(self) -> str:
        return self.id.rsplit(".", 1)[0]

    @property
    def anchor(self) -> str:
        return anchor_for(self.id)

    @property
    def short_title(self) -> str:
        """The heading: the statement up to its "(for example, …)" list, unless `title` overrides it."""
        if self.title:
            return self.title
        return re.split(r"\s*\(for example", self.text, maxsplit=1)[0].strip()


def anchor_for(objective_id: str) -> str:
    """`1.1.K1` -> `1-1-k1`: the stable anchor of an objective section."""
    return objective_id.replace(".", "-").lower()


class Task(Strict):
    id: TaskId
    title: Text
    objectives: list[Objective] = Field(min_length=1)

    @property
    def domain_id(self) -> int:
        return int(self.id.split(".")[0])

    @property
    def page(self) -> str:
        """Path of the task page, relative to docs/."""
        return f"domain-{self.domain_id}/task-{self.id.replace('.', '-')}.md"

    @model_validator(mode="after")
    def _numbering(self) -> Task:
        for kind in "KS":
            ids = [o.id for o in self.objectives if o.id.split(".")[2][0] == kind]
            expected = [f"{self.id}.{kind}{n}" for n in range(1, len(ids) + 1)]
            if ids != expected:
                raise ValueError(f"task {self.id}: objective ids must be {expected}, got {ids}")
        return self


class Domain(Strict):
    id: int = Field(ge=1, le=EXPECTED_DOMAINS)
    title: Text
    weight: int = Field(gt=0, le=100)
    tasks: list[Task] = Field(min_length=1)

    @property
    def folder(self) -> str:
        return f"domain-{self.id}"

    @model_validator(mode="after")
    def _task_ids(self) -> Domain:
        expected = [f"{self.id}.{n}" for n in range(1, len(self.tasks) + 1)]
        got = [t.id for t in self.tasks]
        if got != expected:
            raise ValueError(f"domain {self.id}: task ids must be {expected}, got {got}")
        return self


class Exam(Strict):
    code: Text
    name: Text
    source: SourceUrl


class Outline(Strict):
    exam: Exam
    domains: list[Domain]

    @property
    def tasks(self) -> list[Task]:
        return [t for d in self.domains for t in d.tasks]

    @property
    def objectives(self) -> list[Objective]:
        return [o for t in self.tasks for o in t.objectives]

    def task(self, task_id: str) -> Task:
        for t in self.tasks:
            if t.id == task_id:
                return t
        raise KeyError(f"unknown task id {task_id!r}")

    def objective(self, objective_id: str) -> Objective:
        for o in self.objectives:
            if o.id == objective_id:
                return o
        raise KeyError(f"unknown objective id {objective_id!r}")

    @model_validator(mode="after")
    def _shape(self) -> Outline:
        problems = []
        if [d.id for d in self.domains] != list(range(1, EXPECTED_DOMAINS + 1)):
            problems.append(f"domains must be 1..{EXPECTED_DOMAINS}, got {[d.id for d in self.domains]}")
        total = sum(d.weight for d in self.domains)
        if total != 100:
            problems.append(f"domain weights must sum to 100, got {total}")
        if len(self.tasks) != EXPECTED_TASKS:
            problems.append(f"expected {EXPECTED_TASKS} tasks, got {len(self.tasks)}")
        ids = [o.id for o in self.objectives]
        if len(ids) != EXPECTED_OBJECTIVES:
            problems.append(f"expected {EXPECTED_OBJECTIVES} objectives, got {len(ids)}")
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            problems.append(f"duplicate objective ids {dupes}")
        for t in self.tasks:
            stray = [o.id for o in t.objectives if o.task_id != t.id]
            if stray:
                problems.append(f"task {t.id} holds objectives of another task: {stray}")
        for d in self.domains:
            stray = [t.id for t in d.tasks if t.domain_id != d.id]
            if stray:
                problems.append(f"domain {d.id} holds tasks of another domain: {stray}")
        if problems:
            raise ValueError("; ".join(problems))
        return self


# --------------------------------------------------------------------------------------------- algorithms

DataType = Literal["tabular", "text", "image", "time series"]


class Algorithm(Strict):
    id: Slug
    name: Text
    learning_type: Literal["supervised", "unsupervised", "self-supervised"]
    problem_types: list[Text] = Field(min_length=1)
    data_type: DataType
    input_formats: list[Text] = Field(min_length=1)
    instances: Literal["CPU", "GPU", "CPU or GPU"]
    distributed: bool
    incremental: bool
    hyperparameters: list[Text] = Field(min_length=1)
    exam_cues: Text
    notes: Text | None = None
    source: SourceUrl


# --------------------------------------------------------------------------------------------- services

ServiceCategory = Literal[
    "Analytics",
    "Application Integration",
    "Cloud Financial Management",
    "Compute",
    "Containers",
    "Database",
    "Developer Tools",
    "Internet of Things",
    "Machine Learning",
    "Management and Governance",
    "Media",
    "Migration and Transfer",
    "Networking and Content Delivery",
    "Security, Identity, and Compliance",
    "Storage",
]

ServiceStatus = Literal["available", "closed to new customers", "end of support announced", "discontinued"]


class StatusNoted(Strict):
    """A row with an availability status: any status but the settled one must say what changed (and when)."""

    settled: ClassVar[str] = "available"
    status: ServiceStatus = "available"
    status_note: Text | None = None

    @model_validator(mode="after")
    def _status_explained(self) -> StatusNoted:
        if self.status != self.settled and not self.status_note:
            raise ValueError(f"status {self.status!r} needs a status_note saying what changed and when")
        return self


class Service(StatusNoted):
    id: Slug
    name: Text
    former_names: list[Text] = []
    exam_guide_name: Text | None = None  # only where the appendix's name is neither `name` nor a former name
    category: ServiceCategory
    summary: Text
    pick_when: Text
    confused_with: list[Slug] = []
    ai_service: bool = False
    #: False for a service the guide teaches that the exam guide's in-scope appendix does not list
    #: (Amazon Forecast, for one: the guide teaches its status because older material still uses it).
    in_exam_guide: bool = True
    tasks: list[TaskId] = Field(min_length=1)
    source: SourceUrl


# --------------------------------------------------------------------------------------------- inference


class InferenceOption(Strict):
    id: Slug
    name: Text
    kind: Literal["deployment option", "hosting variant"]
    summary: Text
    max_payload: Text
    max_processing_time: Text
    scaling: Text
    scales_to_zero: bool
    cold_start: Text
    cost_model: Text
    choose_when: Text
    exam_cues: Text
    #: The objective sections that teach the row (the table's "Taught in" links); optional, checked against the outline.
    objectives: list[ObjectiveId] = []
    source: SourceUrl


# --------------------------------------------------------------------------------------------- glossary


class GlossaryTerm(Strict):
    id: Slug
    term: Text
    abbr: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]$")] | None = None
    definition: Text
    objectives: list[ObjectiveId] = []
    source: SourceUrl


# --------------------------------------------------------------------------------------------- domain 1 tables


class DataFormat(Strict):
    id: Slug
    name: Text
    layout: Literal["row", "columnar"]
    encoding: Literal["text", "binary"]
    schema_: Text = Field(alias="schema")
    compression_splitting: Text
    sagemaker_ai: Text  # which built-in algorithms / services read it
    best_for: Text
    exam_cues: Text
    source: SourceUrl


class StorageOption(Strict):
    id: Slug
    name: Text
    kind: Literal["object", "file", "block", "database", "warehouse"]
    access: Text
    performance: Text
    cost_model: Text
    training_access: Text  # how SageMaker AI training reads it
    best_for: Text
    exam_cues: Text
    source: SourceUrl


class StreamingService(Strict):
    id: Slug
    name: Text
    former_names: list[Text] = []
    role: Text
    latency: Text
    capacity: Text
    retention: Text
    transforms: Text
    best_for: Text
    exam_cues: Text
    source: SourceUrl


class PrepTool(Strict):
    id: Slug
    name: Text
    interface: Text
    engine: Text
    scale: Text
    strengths: Text
    outputs: Text
    best_for: Text
    exam_cues: Text
    source: SourceUrl


class BiasMetric(Strict):
    id: Slug
    abbr: Text
    name: Text
    measures: Text
    range: Text
    reading: Text
    label_type: Text
    example: Text
    source: SourceUrl


# --------------------------------------------------------------------------------------------- domain 2 tables


class TaughtRow(Strict):
    """A row of a comparison table that the guide teaches: what it compares, the objective sections that teach
    it (each must exist in the outline; the table links them in its "Taught in" column) and the AWS page
    behind it."""

    id: Slug
    objectives: list[ObjectiveId] = Field(min_length=1)
    source: SourceUrl

    @model_validator(mode="after")
    def _objectives_once(self) -> TaughtRow:
        if len(set(self.objectives)) != len(self.objectives):
            raise ValueError(f"objectives: an objective is listed twice in {self.objectives}")
        return self


class TuningStrategy(TaughtRow):
    name: Text
    strategy: Literal["Random", "Bayesian", "Grid", "Hyperband"]  # the API's Strategy value
    picks: Text  # how it chooses the next hyperparameter values
    parallelism: Text
    early_stopping: Text
    ranges: Text  # which ranges it accepts and how many jobs it runs
    pick_when: Text
    exam_cues: Text


class EvaluationMetric(TaughtRow):
    name: Text
    abbr: Text | None = None
    problem: Literal["classification", "regression", "forecasting"]
    measures: Text
    formula: Text  # plain text, no Markdown or LaTeX
    range: Text
    better: Literal["higher", "lower"]
    prefer_when: Text
    exam_cues: Text


class PostTrainingBiasMetric(TaughtRow):
    abbr: Text
    name: Text
    measures: Text
    formula: Text
    range: Text
    ideal: Text  # the value that means no measured bias
    reading: Text
    label_type: Text


Fix = Literal["overfitting", "underfitting", "catastrophic forgetting"]


class Remedy(TaughtRow):
    name: Text
    fixes: list[Fix] = Field(min_length=1)
    how: Text
    trade_off: Text
    on_aws: Text  # where the knob is on AWS (hyperparameter or feature names)
    exam_cues: Text


#: An ordinal scale, so a table of routes reads from least to most.
Level = Literal["lowest", "low", "medium", "high", "highest"]


class ModelRoute(TaughtRow):
    name: Text
    you_provide: Text
    effort: Level
    control: Level
    time_to_value: Text
    cost_model: Text
    pick_when: Text
    exam_cues: Text


class TrainingOption(TaughtRow, StatusNoted):
    settled: ClassVar[str] = "current"
    name: Text
    saves: Text  # what it splits across machines, or what it saves (time, cost, start-up)
    pick_when: Text
    requirement: Text  # what it needs, or the limit that decides questions
    exam_cues: Text
    status: Literal["current", "no new versions"] = "current"


# --------------------------------------------------------------------------------------------- domain 3 tables
# Same pattern as Domain 2: each row names the objective sections that teach it (TaughtRow).


class DeploymentStrategy(TaughtRow):
    """A way to put a new model version on a SageMaker AI endpoint, or to test it there against the current one."""

    name: Text
    kind: Literal["update", "test"]  # update: replaces the current version; test: compares versions side by side
    traffic_shift: Text  # how requests move to the new version
    extra_capacity: Text  # instances needed on top of the current fleet while it runs
    rollback: Text  # what rolls it back, and how far
    baking: Text  # the evaluation period and what is watched during it
    setting: Text  # where it is set in the API
    limits: Text  # the numbers and exclusions that decide questions
    pick_when: Text
    exam_cues: Text


class ScalingPolicy(TaughtRow):
    """A way to change the capacity of a SageMaker AI endpoint (or to leave it fixed)."""

    name: Text
    trigger: Text  # what starts a scaling action
    applies_to: Text  # which SageMaker AI resources accept it
    cooldown: Text
    adjusts: Text  # how capacity changes when it fires
    pick_when: Text
    exam_cues: Text


class ScalingMetric(TaughtRow):
    """An Amazon CloudWatch metric a SageMaker AI scaling policy can track."""

    name: Text  # the CloudWatch metric name
    namespace: Text
    measures: Text
    use_with: Text  # the endpoint types it fits
    in_policy: Text  # predefined metric type, or a customized metric specification
    pick_when: Text
    exam_cues: Text


class Orchestrator(TaughtRow):
    """A service that runs, triggers or releases ML workflows."""

    name: Text
    role: Literal["workflow orchestrator", "event trigger", "release pipeline"]
    orchestrates: Text
    defined_as: Text  # how a workflow is written
    runs_on: Text  # who runs the engine
    ml_integration: Text
    cost_model: Text | None = None
    pick_when: Text
    exam_cues: Text


class DeploymentTarget(TaughtRow):
    """A place to run a model in production."""

    name: Text
    ops_effort: Level
    control: Level
    limits: Text
    scaling: Text
    pick_when: Text
    exam_cues: Text


class CICDService(TaughtRow, StatusNoted):
    """A developer tool in an ML CI/CD pipeline."""

    name: Text
    role: Text
    runs: Text  # what it runs or deploys
    limits: Text  # the settings and numbers that decide questions
    pick_when: Text
    exam_cues: Text


class IaCOption(TaughtRow):
    """A way to write infrastructure as code on AWS."""

    name: Text
    language: Text
    abstraction: Text
    cross_stack: Text  # how one stack uses values from another
    drift: Text  # how changes made outside the code are found
    pick_when: Text
    exam_cues: Text


class ComputeFamily(TaughtRow):
    """A group of SageMaker AI instance types (ml.*) that share a processor and a purpose."""

    name: Text
    instance_types: Text  # the ml.* families, as the SageMaker AI API lists them
    processor: Text
    training: Text  # fit for training jobs
    inference: Text  # fit for hosting
    pick_when: Text
    exam_cues: Text


# --------------------------------------------------------------------------------------------- domain 4 tables
# Same pattern again: each row names the objective sections that teach it (TaughtRow).


class MonitorType(TaughtRow, StatusNoted):
    """One of SageMaker Model Monitor's four monitor types."""

    name: Text
    compares: Text  # what the scheduled job compares with what
    baseline: Text  # which job produces the baseline, and its files
    labels_needed: bool  # needs ground-truth labels merged with the captured predictions
    metric: Text  # the metric or statistic a violation is judged on
    output: Text  # what a run produces: violations report, CloudWatch metrics
    catches: Text  # the kind of drift it shows
    pick_when: Text
    exam_cues: Text


class ObservabilityTool(TaughtRow):
    """A monitoring, logging, tracing or audit tool an ML engineer uses to watch and troubleshoot a system."""

    name: Text
    signal: Literal["metrics", "logs", "traces", "API calls", "events", "resource configuration", "business data"]
    answers: Text  # the question it answers
    works_on: Text  # the data it reads
    ml_use: Text  # the typical ML use
    confused_with: Text  # the neighbour it is mistaken for, and the difference
    pick_when: Text
    exam_cues: Text
    changes: Text | None = None  # a status change worth knowing (a closed feature, an SDK in maintenance)


class CostTool(TaughtRow):
    """An AWS tool for seeing, allocating, forecasting or limiting cost."""

    name: Text
    role: Literal["analyze", "alert", "recommend", "allocate"]
    answers: Text  # the question it answers
    time_frame: Text  # looks back, forecasts, or both
    acts: Text  # whether it can act on resources or only reports
    setup: Text  # what must be done before it helps
    pick_when: Text
    exam_cues: Text


class PurchasingOption(TaughtRow):
    """A way to pay for compute (or model capacity) on AWS."""

    name: Text
    kind: Literal["pay as you go", "interruptible", "commitment discount", "capacity reservation"]
    covers: Text  # the services and usage it applies to
    commitment: Text  # term and what is committed
    discount: Text  # only numbers AWS states
    interruption: Text  # interruption risk
    capacity: Text  # whether capacity is held for you
    pick_when: Text
    exam_cues: Text


class SecurityControl(TaughtRow):
    """A control that protects ML data, models or endpoints."""

    name: Text
    layer: Literal["identity and access", "data protection", "network", "detection and audit"]
    protects_against: Text
    set_where: Text  # where it is configured (API field, policy, console)
    limits: Text  # the gotchas and numbers that decide questions
    pick_when: Text
    exam_cues: Text


# --------------------------------------------------------------------------------------------- practice

QuestionId = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[1-9]-[0-9]{2,3}$")]  # "1.1-07"
CardId = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[1-9]-c[0-9]{2,3}$")]  # "1.1-c07"

#: The words the exam uses to say how many options to pick in a multiple-response question.
NUMBER_WORDS = {2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE"}
#: Options that let a candidate answer without knowing the topic; the exam has none.
GIVEAWAY_OPTION = re.compile(r"\b(all|none|both|neither) of the (above|options|answers)\b", re.IGNORECASE)


class Case(Strict):
    """A case-study scenario shared by several questions."""

    id: Slug
    title: Text
    scenario: Text


class Option(Strict):
    text: Text
    correct: bool = False
    why: Text  # why this option is right or wrong, in this scenario

    @model_validator(mode="after")
    def _no_giveaway(self) -> Option:
        if GIVEAWAY_OPTION.search(self.text):
            raise ValueError(f"'{GIVEAWAY_OPTION.search(self.text).group(0)}' is not an option the exam uses")
        return self


class Step(Strict):
    text: Text
    why: Text | None = None


class Pair(Strict):
    left: Text
    right: Text


class _Question(Strict):
    id: QuestionId
    objectives: list[ObjectiveId] = Field(min_length=1, max_length=3)
    case: Slug | None = None
    stem: Text
    sources: list[SourceUrl] = Field(min_length=1)
    explanation: Text | None = None

    @property
    def task_id(self) -> str:
        return self.id.split("-")[0]


class MultipleChoice(_Question):
    type: Literal["multiple-choice"]
    options: list[Option] = Field(min_length=4, max_length=4)

    @model_validator(mode="after")
    def _one_key(self) -> MultipleChoice:
        keys = sum(o.correct for o in self.options)
        if keys != 1:
            raise ValueError(f"options: a multiple-choice question has exactly one correct option, got {keys}")
        return self


class MultipleResponse(_Question):
    type: Literal["multiple-response"]
    options: list[Option] = Field(min_length=5, max_length=8)

    @model_validator(mode="after")
    def _keys_and_count(self) -> MultipleResponse:
        keys = sum(o.correct for o in self.options)
        if keys < 2 or keys > len(self.options) - 2:
            raise ValueError(f"options: a multiple-response question has 2 or more correct options and "
                             f"at least 2 wrong ones, got {keys} correct of {len(self.options)}")
        word = NUMBER_WORDS[keys]
        if f"Select {word}." not in self.stem:
            raise ValueError(f"stem: must say how many to pick, as the exam does: '(Select {word}.)'")
        return self


class Ordering(_Question):
    type: Literal["ordering"]
    steps: list[Step] = Field(min_length=3, max_length=7)  # in the right order; the page shuffles them
    explanation: Text

    @model_validator(mode="after")
    def _distinct(self) -> Ordering:
        texts = [s.text for s in self.steps]
        if len(set(texts)) != len(texts):
            raise ValueError("steps: two steps have the same text")
        return self


class Matching(_Question):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=3, max_length=6)
    explanation: Text

    @model_validator(mode="after")
    def _distinct(self) -> Matching:
        for side in ("left", "right"):
            values = [getattr(p, side) for p in self.pairs]
            if len(set(values)) != len(values):
                raise ValueError(f"pairs: two pairs have the same '{side}'")
        return self


Question = Annotated[MultipleChoice | MultipleResponse | Ordering | Matching, Field(discriminator="type")]
QUESTION_TYPES = ("multiple-choice", "multiple-response", "ordering", "matching")


class QuestionFile(Strict):
    """data/questions/<task>.yml"""

    cases: list[Case] = []
    questions: list[Question] = Field(min_length=1)


class Card(Strict):
    """A flashcard of data/cards/<task>.yml: a cue on the front, the decision on the back."""

    id: CardId
    objective: ObjectiveId
    front: Text
    back: Text
    source: SourceUrl
