"""Domain 3's comparison tables: eight data files whose rows name the objective sections that teach them, plus the
inference options, which gained optional "Taught in" links.

Each file holds what the issue asks for; the macros filter by id, objective and field; the reference page shows
every table. What every such table must do (bad rows refused, one rendered row per entry with its "Taught in"
links) is in test_taught_tables.py."""

from __future__ import annotations

import pytest

from macros import tables
from macros.data import ROW_FILES, DataError, load_catalogue

from conftest import DATA, DOCS, ROOT, edit, mkdocs_build, url_for
from test_build import tiny_site
from test_tables_domain2 import DOMAIN2

CAT = load_catalogue(DATA)

#: catalogue field -> (file, row anchor prefix, a field that must be one of a fixed set of values)
DOMAIN3 = {
    "deployment_strategies": ("deployment_strategies.yml", "deploy", "kind"),
    "scaling_policies": ("scaling_policies.yml", "scale", None),
    "scaling_metrics": ("scaling_metrics.yml", "smetric", None),
    "orchestrators": ("orchestrators.yml", "orch", "role"),
    "deployment_targets": ("deployment_targets.yml", "target", "ops_effort"),
    "cicd_services": ("cicd_services.yml", "cicd", "status"),
    "iac_options": ("iac_options.yml", "iac", None),
    "compute_families": ("compute_families.yml", "compute", None),
}


def test_every_domain3_table_is_registered_once_and_loaded():
    assert set(DOMAIN3) <= set(tables.TAUGHT_TABLES)  # the whole registry is checked in test_taught_tables.py
    assert not set(DOMAIN2) & set(DOMAIN3)
    for name, (file, _, _) in DOMAIN3.items():
        assert ROW_FILES[name][0] == file
        assert getattr(CAT, name), f"{file} has no rows"


def test_the_tables_hold_what_the_issue_asks_for():
    strategies = {r.id for r in CAT.deployment_strategies}
    assert {"blue-green-all-at-once", "blue-green-canary", "blue-green-linear", "rolling",
            "shadow-test", "ab-testing"} <= strategies
    assert {r.kind for r in CAT.deployment_strategies} == {"update", "test"}
    assert {"target-tracking", "step-scaling", "scheduled", "fixed", "scale-to-zero-inference-components",
            "scale-to-zero-async", "serverless-on-demand", "serverless-provisioned-concurrency"} <= {
        r.id for r in CAT.scaling_policies}
    metric_names = {r.name for r in CAT.scaling_metrics}
    assert {"InvocationsPerInstance", "ModelLatency", "CPUUtilization", "GPUUtilization",
            "ApproximateBacklogSizePerInstance", "ConcurrentRequestsPerModel"} <= metric_names
    assert {"sagemaker-pipelines", "step-functions", "mwaa", "kubeflow-eks", "eventbridge", "codepipeline"} <= {
        r.id for r in CAT.orchestrators}
    assert {"sagemaker-endpoints", "eks", "ecs", "lambda", "ec2", "edge"} <= {r.id for r in CAT.deployment_targets}
    assert {"codepipeline", "codebuild", "codedeploy"} <= {r.id for r in CAT.cicd_services}
    assert {"cloudformation", "cdk"} <= {r.id for r in CAT.iac_options}
    assert {"general-purpose", "compute-optimized", "memory-optimized", "gpu-p", "gpu-g", "inferentia",
            "trainium"} <= {r.id for r in CAT.compute_families}
    # the inference options the Domain 3 pages lean on are all there, each linked to a section
    assert {"real-time", "serverless", "asynchronous", "batch-transform", "multi-model", "multi-container",
            "inference-components"} <= {r.id for r in CAT.inference}
    assert all(r.objectives for r in CAT.inference)


def test_rows_name_the_numbers_that_decide_questions():
    by_id = {r.id: r for r in CAT.deployment_strategies}
    assert "50%" in by_id["blue-green-canary"].limits
    assert "10 to 50%" in by_id["blue-green-linear"].limits
    assert "5 to 50%" in by_id["rolling"].limits
    assert "30 days" in by_id["shadow-test"].limits
    cicd = {r.id: r for r in CAT.cicd_services}
    assert "2,160 minutes" in cicd["codebuild"].limits
    policies = {r.id: r for r in CAT.scaling_policies}
    assert "step scaling" in policies["scale-to-zero-inference-components"].trigger


def test_unknown_field_is_refused(data_copy):
    edit(data_copy / "scaling_policies.yml", lambda rows: rows[0].update(cooldwon="300 s"))
    with pytest.raises(DataError, match=r"scaling_policies\.yml: entry 1 .*field 'cooldwon'"):
        load_catalogue(data_copy)


def test_inference_objectives_are_checked_against_the_outline(data_copy):
    edit(data_copy / "inference.yml", lambda rows: rows[0].update(objectives=["3.1.K99"]))
    with pytest.raises(DataError, match=r"inference\.yml: entry 1 .*field 'objectives': unknown objective id"):
        load_catalogue(data_copy)


def test_compare_columns_stay_few_and_prose_goes_to_details():
    """GOV.UK's advice (design.md §4): a handful of compared columns; long prose in the row's detail block."""
    for name in DOMAIN3:
        table = tables.TAUGHT_TABLES[name](getattr(CAT, name), CAT.outline, url_for)
        assert len(table.compared) <= 6, f"{name}: {[c.header for c in table.compared]}"
        headers = [c.header for c in table.details]
        assert "Exam cues" in headers and "Pick it when" in headers, name


def test_inference_table_shows_taught_in_only_when_given_the_outline():
    plain = tables.inference_table(CAT.inference).render()
    assert "Taught in" not in plain
    linked = tables.inference_table(CAT.inference, CAT.outline, url_for).render()
    assert linked.count('data-label="Taught in"') == len(CAT.inference)
    assert '<a href="/domain-3/task-3-1.md#3-1-s4">3.1.S4</a>' in linked


def test_a_closed_service_carries_a_badge():
    rows = [r.model_copy(update={"status": "closed to new customers", "status_note": "Closed."})
            for r in CAT.cicd_services[:1]]
    html = tables.cicd_services_table(rows, CAT.outline, url_for).render()
    assert 'badge--warning">closed to new customers<' in html


def test_macros_filter_by_objective_and_field(tmp_path):
    page = "\n\n".join([
        '{{ deployment_strategies_table(kind="test", columns=["Strategy", "Traffic shift", "Taught in"]) }}',
        '{{ orchestrators_table(role="workflow orchestrator") }}',
        '{{ scaling_metrics_table(ids=["backlog-size-per-instance"], caption="Async") }}',
        '{{ compute_families_table(objectives="3.1.S1") }}',
        '{{ inference_table(objectives="3.1.S4", caption="Several models") }}',
        '{{ inference_table(ids=["serverless"], anchors=False, caption="Again") }}',
    ]) + "\n"
    config = tiny_site(tmp_path, page)
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "index.html").read_text()
    tests_ = [r.id for r in CAT.deployment_strategies if r.kind == "test"]
    assert html.count('<tr id="deploy-') == len(tests_)
    orchestrators = [r.id for r in CAT.orchestrators if r.role == "workflow orchestrator"]
    assert html.count('<tr id="orch-') == len(orchestrators)
    assert html.count('<tr id="smetric-') == 1 and "Async (1)" in html
    assert html.count('<tr id="compute-') == len([r for r in CAT.compute_families if "3.1.S1" in r.objectives])
    several = [r.id for r in CAT.inference if "3.1.S4" in r.objectives]
    assert html.count('<tr id="inf-') == len(several)  # the second view of serverless has no row ids
    assert "Again (1)" in html



def test_reference_page_shows_every_domain3_table_and_is_in_the_nav():
    page = (DOCS / "reference" / "deployment.md").read_text()
    for name in DOMAIN3:
        assert f"{{{{ {name}_table() }}}}" in page, name
    assert "boost: 1.5" in page  # see the page's front matter: 2 pushed "model monitor" off its pages
    nav = (ROOT / "mkdocs.yml").read_text()
    assert nav.index("reference/model-development.md") < nav.index("reference/deployment.md")
    assert "(deployment.md)" in (DOCS / "reference" / "index.md").read_text()
