"""Domain 2's comparison tables: six data files whose rows name the objective sections that teach them.

Each file holds what the issue asks for; the macros filter by id, objective and field. What every such table
must do (bad rows refused, one rendered row per entry with its "Taught in" links) is in test_taught_tables.py."""

from __future__ import annotations

import pytest

from macros import tables
from macros.data import ROW_FILES, DataError, load_catalogue

from conftest import DATA, edit, mkdocs_build, url_for
from test_build import tiny_site

CAT = load_catalogue(DATA)

#: catalogue field -> (file, row anchor prefix, a field that must be one of a fixed set of values)
DOMAIN2 = {
    "tuning_strategies": ("tuning_strategies.yml", "tune", "strategy"),
    "metrics": ("metrics.yml", "metric", "better"),
    "posttraining_bias_metrics": ("posttraining_bias_metrics.yml", "ptbias", None),
    "remedies": ("remedies.yml", "remedy", "fixes"),
    "model_routes": ("model_routes.yml", "route", "effort"),
    "distributed_training": ("distributed_training.yml", "train", "status"),
}


def test_every_domain2_table_is_registered_and_loaded():
    assert set(DOMAIN2) <= set(tables.TAUGHT_TABLES)  # Domains 3 and 4 share the registry (test_tables_domain3/4.py)
    for name, (file, _, _) in DOMAIN2.items():
        assert ROW_FILES[name][0] == file
        assert getattr(CAT, name), f"{file} has no rows"


def test_the_tables_hold_what_the_issue_asks_for():
    assert {r.strategy for r in CAT.tuning_strategies} == {"Random", "Bayesian", "Grid", "Hyperband"}
    # all thirteen post-training metrics AWS lists, by the code Clarify reports
    assert [r.abbr for r in CAT.posttraining_bias_metrics] == [
        "DPPL", "DI", "DCAcc", "DCR", "SD", "RD", "DAR", "DRR", "AD", "TE", "CDDPL", "FT", "GE"]
    names = {r.id for r in CAT.metrics}
    assert {"accuracy", "precision", "recall", "specificity", "f1", "roc-auc", "pr-auc", "log-loss",
            "mse", "rmse", "mae", "r2"} <= names
    assert {"classification", "regression", "forecasting"} == {r.problem for r in CAT.metrics}
    assert {f for r in CAT.remedies for f in r.fixes} == {"overfitting", "underfitting", "catastrophic forgetting"}
    assert {"ai-service", "bedrock", "jumpstart", "built-in", "script-mode", "byoc"} <= {r.id for r in CAT.model_routes}
    assert {"smddp", "smp", "managed-spot", "warm-pools", "hyperpod"} <= {r.id for r in CAT.distributed_training}


def test_duplicate_objective_in_a_row_is_refused(data_copy):
    edit(data_copy / "metrics.yml", lambda rows: rows[0].update(objectives=["2.3.K1", "2.3.K1"]))
    with pytest.raises(DataError, match=r"metrics\.yml: entry 1 .*listed twice"):
        load_catalogue(data_copy)


def test_taught_in_links_point_to_the_task_page_of_each_objective():
    links = tables.objective_links(["2.1.K2", "2.3.S1"], CAT.outline, url_for)
    assert [(link.text, link.href) for link in links] == [
        ("2.1.K2", "/domain-2/task-2-1.md#2-1-k2"),
        ("2.3.S1", "/domain-2/task-2-3.md#2-3-s1"),
    ]


def test_closed_or_frozen_option_carries_a_badge():
    html = tables.distributed_training_table(CAT.distributed_training, CAT.outline, url_for).render()
    assert 'badge--warning">no new versions<' in html


def test_macros_filter_by_objective_and_field(tmp_path):
    page = "\n\n".join([
        '{{ metrics_table(problem="regression", columns=["Metric", "Formula", "Taught in"], caption="Regression") }}',
        '{{ remedies_table(fixes="catastrophic forgetting") }}',
        '{{ tuning_strategies_table(ids=["grid"]) }}',
        '{{ distributed_training_table(objectives="2.2.K3") }}',
        '{{ tuning_strategies_table(ids=["grid"], anchors=False, caption="Again") }}',
    ]) + "\n"
    config = tiny_site(tmp_path, page)
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "index.html").read_text()
    regression = [r.id for r in CAT.metrics if r.problem == "regression"]
    assert html.count('<tr id="metric-') == len(regression) and "Regression (" in html
    assert all(f'id="metric-{i}"' in html for i in regression)
    forgetting = [r.id for r in CAT.remedies if "catastrophic forgetting" in r.fixes]
    assert html.count('<tr id="remedy-') == len(forgetting)
    assert html.count('<tr id="tune-') == 1 and 'id="tune-grid"' in html  # the second view has no row ids
    assert "Again (1)" in html
    assert html.count('<tr id="train-') == len([r for r in CAT.distributed_training if "2.2.K3" in r.objectives])
