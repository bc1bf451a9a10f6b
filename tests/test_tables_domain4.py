"""Domain 4's comparison tables: five data files whose rows name the objective sections that teach them.

Each file holds what the issue asks for; every table links its rows to Domain 4 sections; the macros filter by
id, objective and field; the reference page shows every table. What every such table must do (registered once,
bad rows refused, one rendered row per entry with its "Taught in" links, a row anchor prefix of its own) is in
test_taught_tables.py."""

from __future__ import annotations

import re

from macros import tables
from macros.data import ROW_FILES, load_catalogue

from conftest import DATA, DOCS, ROOT, mkdocs_build, url_for
from test_build import tiny_site
from test_tables_domain2 import DOMAIN2
from test_tables_domain3 import DOMAIN3

CAT = load_catalogue(DATA)

#: catalogue field -> (file, row anchor prefix, a field that must be one of a fixed set of values)
DOMAIN4 = {
    "monitor_types": ("monitor_types.yml", "monitor", "labels_needed"),
    "observability_tools": ("observability_tools.yml", "obs", "signal"),
    "cost_tools": ("cost_tools.yml", "cost", "role"),
    "purchasing_options": ("purchasing_options.yml", "buy", "kind"),
    "security_controls": ("security_controls.yml", "sec", "layer"),
}


def test_every_domain4_table_is_registered_once_and_loaded():
    assert set(DOMAIN4) <= set(tables.TAUGHT_TABLES)  # the whole registry is checked in test_taught_tables.py
    assert not set(DOMAIN4) & (set(DOMAIN2) | set(DOMAIN3))
    for name, (file, _, _) in DOMAIN4.items():
        assert ROW_FILES[name][0] == file
        assert getattr(CAT, name), f"{file} has no rows"


def test_the_tables_hold_what_the_issue_asks_for():
    monitors = {r.id: r for r in CAT.monitor_types}
    assert set(monitors) == {"data-quality", "model-quality", "bias-drift", "feature-attribution-drift"}
    # which types need ground-truth labels: the question the exam asks most
    assert {i for i, r in monitors.items() if r.labels_needed} == {"model-quality", "bias-drift"}
    assert "statistics.json" in monitors["data-quality"].baseline and "constraints.json" in monitors["data-quality"].baseline
    assert "NDCG" in monitors["feature-attribution-drift"].metric and "0.9" in monitors["feature-attribution-drift"].metric
    assert all("violation" in r.output.lower() and "CloudWatch" in r.output for r in CAT.monitor_types)
    # Model Monitor (and Clarify) no longer take new customers: every row says so
    assert {r.status for r in CAT.monitor_types} == {"closed to new customers"}

    assert {"cloudwatch-metrics", "cloudwatch-alarms", "cloudwatch-dashboards", "cloudwatch-logs", "logs-insights",
            "lambda-insights", "x-ray", "cloudtrail", "eventbridge", "config"} <= {r.id for r in CAT.observability_tools}
    metrics = next(r for r in CAT.observability_tools if r.id == "cloudwatch-metrics")
    for name in ("ModelLatency", "OverheadLatency", "Invocations", "Invocation4XXErrors", "Invocation5XXErrors"):
        assert name in metrics.ml_use, name

    costs = {r.id: r for r in CAT.cost_tools}
    assert {"cost-explorer", "budgets", "billing-console", "data-exports", "trusted-advisor", "cost-anomaly-detection",
            "compute-optimizer", "cost-allocation-tags"} <= set(costs)
    assert "IAM policy" in costs["budgets"].acts and "SCP" in costs["budgets"].acts  # budget actions
    assert "activate" in costs["cost-allocation-tags"].setup
    assert {r.role for r in CAT.cost_tools} == {"analyze", "alert", "recommend", "allocate"}

    buy = {r.id: r for r in CAT.purchasing_options}
    assert {"on-demand", "ec2-spot", "managed-spot-training", "reserved-instances", "sagemaker-savings-plans",
            "compute-savings-plans", "ec2-instance-savings-plans", "training-plans",
            "ec2-capacity-reservations", "bedrock-provisioned-throughput"} <= set(buy)
    assert "not SageMaker AI" in buy["compute-savings-plans"].covers  # the trap the table exists to show
    assert "90%" in buy["managed-spot-training"].discount
    assert "two-minute" in buy["ec2-spot"].interruption

    controls = {r.id: r for r in CAT.security_controls}
    assert {"iam-identity-policies", "resource-policies", "role-manager", "kms-at-rest", "encryption-in-transit",
            "inter-container-encryption", "security-groups", "network-acls", "interface-endpoints",
            "s3-gateway-endpoint", "network-isolation", "vpc-only-studio", "notebook-root-access", "macie", "cloudtrail",
            "config"} <= set(controls)
    assert {r.layer for r in CAT.security_controls} == {
        "identity and access", "data protection", "network", "detection and audit"}


def test_every_row_is_taught_in_a_domain4_section():
    for name in DOMAIN4:
        for row in getattr(CAT, name):
            assert any(o.startswith("4.") for o in row.objectives), f"{name} {row.id}: no Domain 4 objective"
    taught = {o for name in DOMAIN4 for row in getattr(CAT, name) for o in row.objectives}
    # the objectives the issue names for the tables each have at least one row
    assert {"4.1.K1", "4.1.K2", "4.1.S1", "4.1.S3", "4.2.K2", "4.2.K3", "4.2.K5", "4.2.K6", "4.2.S1", "4.2.S2",
            "4.2.S3", "4.2.S4", "4.2.S7", "4.2.S9", "4.2.S10", "4.3.K1", "4.3.K2", "4.3.K3", "4.3.S1", "4.3.S3",
            "4.3.S5"} <= taught


def test_compare_columns_stay_few_and_prose_goes_to_details():
    """GOV.UK's advice (design.md §4): a handful of compared columns; long prose in the row's detail block."""
    for name in DOMAIN4:
        table = tables.TAUGHT_TABLES[name](getattr(CAT, name), CAT.outline, url_for)
        assert len(table.compared) <= 6, f"{name}: {[c.header for c in table.compared]}"
        assert [c.header for c in table.compared][-2:] == ["Taught in", "Source"], name
        headers = [c.header for c in table.details]
        assert "Exam cues" in headers and "Pick it when" in headers, name


def test_labels_column_reads_yes_or_no():
    html = tables.monitor_types_table(CAT.monitor_types, CAT.outline, url_for).render()
    cells = re.findall(r'<td data-label="Ground-truth labels"[^>]*>(\w+)</td>', html)
    assert sorted(cells) == ["No", "No", "Yes", "Yes"]


def test_closed_monitor_types_carry_a_badge():
    html = tables.monitor_types_table(CAT.monitor_types, CAT.outline, url_for).render()
    assert html.count('badge--warning">closed to new customers<') == len(CAT.monitor_types)



def test_macros_filter_by_objective_and_field(tmp_path):
    page = "\n\n".join([
        '{{ monitor_types_table(labels_needed=True, columns=["Monitor type", "Baseline", "Taught in"]) }}',
        '{{ security_controls_table(layer="network") }}',
        '{{ cost_tools_table(ids=["budgets"], caption="Budgets") }}',
        '{{ purchasing_options_table(objectives="3.2.K1") }}',
        '{{ observability_tools_table(signal="logs", anchors=False, caption="Logs again") }}',
    ]) + "\n"
    config = tiny_site(tmp_path, page)
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "index.html").read_text()
    assert html.count('<tr id="monitor-') == len([r for r in CAT.monitor_types if r.labels_needed])
    assert html.count('<tr id="sec-') == len([r for r in CAT.security_controls if r.layer == "network"])
    assert html.count('<tr id="cost-') == 1 and "Budgets (1)" in html
    assert html.count('<tr id="buy-') == len([r for r in CAT.purchasing_options if "3.2.K1" in r.objectives])
    logs = [r for r in CAT.observability_tools if r.signal == "logs"]
    assert html.count('<tr id="obs-') == 0 and f"Logs again ({len(logs)})" in html  # a second view, no row ids



def test_reference_page_shows_every_domain4_table_and_is_in_the_nav():
    page = (DOCS / "reference" / "monitoring-security.md").read_text()
    for name in DOMAIN4:
        assert f"{{{{ {name}_table() }}}}" in page, name
    assert "boost: 1.5" in page  # see the page's front matter: a higher boost crowds out "model monitor" results
    assert "../domain-4/task-4-1.md#4-1-s1" in page and "../domain-4/task-4-3.md#4-3-k3" in page
    nav = (ROOT / "mkdocs.yml").read_text()
    assert nav.index("reference/deployment.md") < nav.index("reference/monitoring-security.md")
    assert nav.index("reference/monitoring-security.md") < nav.index("reference/glossary.md")
    assert "(monitoring-security.md)" in (DOCS / "reference" / "index.md").read_text()
