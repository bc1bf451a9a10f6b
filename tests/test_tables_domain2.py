"""Domain 2's comparison tables: six data files whose rows name the objective sections that teach them.

Each file validates; a bad row fails with the file, the entry and the field; each table renders one row per
entry with its "Taught in" links to the objective sections; the macros filter by id, objective and field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from macros import tables
from macros.data import ROW_FILES, DataError, load_catalogue
from macros.models import anchor_for

from conftest import DATA, mkdocs_build
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


def url_for(target: str) -> str:
    return "/" + target


@pytest.fixture
def data_copy(tmp_path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def edit(path: Path, change) -> None:
    rows = yaml.safe_load(path.read_text())
    change(rows)
    path.write_text(yaml.safe_dump(rows, sort_keys=False, allow_unicode=True))


def test_every_domain2_table_is_registered_and_loaded():
    assert set(DOMAIN2) <= set(tables.TAUGHT_TABLES)  # Domain 3's tables share the registry (test_tables_domain3.py)
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


def test_every_row_is_taught_in_a_domain2_section():
    for name in DOMAIN2:
        for row in getattr(CAT, name):
            assert any(o.startswith("2.") for o in row.objectives), f"{name} {row.id}: no Domain 2 objective"


@pytest.mark.parametrize("name", DOMAIN2)
def test_missing_field_names_file_entry_and_field(data_copy, name):
    file = DOMAIN2[name][0]
    edit(data_copy / file, lambda rows: rows[1].pop("source"))
    with pytest.raises(DataError) as err:
        load_catalogue(data_copy)
    message = str(err.value)
    assert f"{file}: entry 2 (id " in message and "field 'source'" in message and "Field required" in message


@pytest.mark.parametrize("name", DOMAIN2)
def test_unknown_objective_id_names_file_entry_and_field(data_copy, name):
    file = DOMAIN2[name][0]
    edit(data_copy / file, lambda rows: rows[0].update(objectives=["2.2.K6", "2.2.K99"]))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 \(id '[a-z0-9-]+'\), field 'objectives': "
                                        r"unknown objective id '2\.2\.K99'"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", DOMAIN2)
def test_a_row_must_name_an_objective(data_copy, name):
    file = DOMAIN2[name][0]
    edit(data_copy / file, lambda rows: rows[0].update(objectives=[]))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 .*field 'objectives'"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", [n for n, (_, _, field) in DOMAIN2.items() if field])
def test_value_outside_its_set_is_refused(data_copy, name):
    file, _, field = DOMAIN2[name]
    bad = ["sometimes"] if field == "fixes" else "sometimes"
    edit(data_copy / file, lambda rows: rows[0].update({field: bad}))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 .*field '{field}"):
        load_catalogue(data_copy)


def test_duplicate_objective_in_a_row_is_refused(data_copy):
    edit(data_copy / "metrics.yml", lambda rows: rows[0].update(objectives=["2.3.K1", "2.3.K1"]))
    with pytest.raises(DataError, match=r"metrics\.yml: entry 1 .*listed twice"):
        load_catalogue(data_copy)


def test_status_other_than_current_needs_a_note(data_copy):
    edit(data_copy / "distributed_training.yml", lambda rows: rows[0].update(status="no new versions"))
    with pytest.raises(DataError, match=r"distributed_training\.yml: entry 1 .*needs a status_note"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", DOMAIN2)
def test_table_renders_every_row_with_taught_in_links(name):
    rows = getattr(CAT, name)
    prefix = DOMAIN2[name][1]
    html = tables.TAUGHT_TABLES[name](rows, CAT.outline, url_for).render()
    assert html.count(f'<tr id="{prefix}-') == len(rows)
    assert html.count('rel="noopener">AWS docs</a>') == len(rows)
    assert html.count('data-label="Taught in"') == len(rows)
    assert '<th scope="col">Taught in</th>' in html
    for row in rows:
        for objective_id in row.objectives:
            task = CAT.outline.task(objective_id.rsplit(".", 1)[0])
            assert f'<a href="/{task.page}#{anchor_for(objective_id)}">{objective_id}</a>' in html
    assert "\n\n" not in html  # a blank line would end Markdown's raw-HTML block


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


def test_unknown_filter_fails_the_build(tmp_path):
    config = tiny_site(tmp_path, '{{ metrics_table(colour="red") }}\n')
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "unknown filter(s) ['colour']" in build.output
