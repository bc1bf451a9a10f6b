"""What every comparison table of the domain pages must do, whatever its domain: it is registered once; each of
its rows names the objective sections that teach it; a bad row fails with the file, the entry and the field; the
table renders one row per entry with its "Taught in" links, under a row anchor prefix no other table uses.
Domain-specific contents are in test_tables_domain2/3/4.py."""

from __future__ import annotations

import re

import pytest

from macros import tables
from macros.data import DataError, load_catalogue
from macros.models import anchor_for

from conftest import DATA, edit, mkdocs_build, url_for
from test_build import tiny_site
from test_tables_domain2 import DOMAIN2
from test_tables_domain3 import DOMAIN3
from test_tables_domain4 import DOMAIN4

CAT = load_catalogue(DATA)
#: table -> (its file, row anchor prefix, a field with a fixed set of values, the domain that teaches it)
TAUGHT = {
    **{n: (*v, 2) for n, v in DOMAIN2.items()},
    **{n: (*v, 3) for n, v in DOMAIN3.items()},
    **{n: (*v, 4) for n, v in DOMAIN4.items()},
}
#: a real objective of each domain, and one that does not exist
OBJECTIVES = {2: ("2.2.K6", "2.2.K99"), 3: ("3.1.K1", "3.1.K99"), 4: ("4.1.K1", "4.1.K99")}
#: the row anchor prefixes of the tables outside the registry (Domain 1, the catalogues, inference)
OTHER_PREFIXES = ["algo", "svc", "inf", "fmt", "store", "stream", "prep", "bias"]


def test_the_registry_holds_every_domain_table_once():
    assert set(TAUGHT) == set(tables.TAUGHT_TABLES)
    domains = [DOMAIN2, DOMAIN3, DOMAIN4]
    assert sum(len(d) for d in domains) == len(TAUGHT)  # no table is claimed by two domains


def test_row_anchor_prefixes_are_unique_across_all_tables():
    prefixes = [prefix for _, prefix, _, _ in TAUGHT.values()] + OTHER_PREFIXES
    assert len(prefixes) == len(set(prefixes))
    for name, (_, prefix, _, _) in TAUGHT.items():  # the prefix in the test is the one the table uses
        assert tables.TAUGHT_TABLES[name](getattr(CAT, name)[:1], CAT.outline, url_for).css.endswith(f" {prefix}")


@pytest.mark.parametrize("name", TAUGHT)
def test_every_row_is_taught_in_a_section_of_its_domain(name):
    domain = TAUGHT[name][3]
    for row in getattr(CAT, name):
        assert any(o.startswith(f"{domain}.") for o in row.objectives), f"{name} {row.id}: no Domain {domain} objective"


@pytest.mark.parametrize("name", TAUGHT)
def test_missing_field_names_file_entry_and_field(data_copy, name):
    file = TAUGHT[name][0]
    edit(data_copy / file, lambda rows: rows[1].pop("source"))
    with pytest.raises(DataError) as err:
        load_catalogue(data_copy)
    message = str(err.value)
    assert f"{file}: entry 2 (id " in message and "field 'source'" in message and "Field required" in message


@pytest.mark.parametrize("name", TAUGHT)
def test_unknown_objective_id_names_file_entry_and_field(data_copy, name):
    file, domain = TAUGHT[name][0], TAUGHT[name][3]
    real, unknown = OBJECTIVES[domain]
    edit(data_copy / file, lambda rows: rows[0].update(objectives=[real, unknown]))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 \(id '[a-z0-9-]+'\), field 'objectives': "
                                        rf"unknown objective id '{re.escape(unknown)}'"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", TAUGHT)
def test_a_row_must_name_an_objective(data_copy, name):
    file = TAUGHT[name][0]
    edit(data_copy / file, lambda rows: rows[0].update(objectives=[]))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 .*field 'objectives'"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", [n for n, (_, _, field, _) in TAUGHT.items() if field])
def test_value_outside_its_set_is_refused(data_copy, name):
    file, _, field, _ = TAUGHT[name]
    bad = ["sometimes"] if field == "fixes" else "sometimes"  # `fixes` is a list of values
    edit(data_copy / file, lambda rows: rows[0].update({field: bad}))
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 .*field '{field}"):
        load_catalogue(data_copy)


# the tables whose rows carry a status (models.StatusNoted): any status but the settled one needs a note
@pytest.mark.parametrize("file, status", [("distributed_training.yml", "no new versions"),
                                          ("cicd_services.yml", "closed to new customers"),
                                          ("monitor_types.yml", "closed to new customers")])
def test_a_status_other_than_the_settled_one_needs_a_note(data_copy, file, status):
    def unexplained(rows):
        rows[0]["status"] = status
        rows[0].pop("status_note", None)

    edit(data_copy / file, unexplained)
    with pytest.raises(DataError, match=rf"{re.escape(file)}: entry 1 .*needs a status_note"):
        load_catalogue(data_copy)


@pytest.mark.parametrize("name", TAUGHT)
def test_table_renders_every_row_with_taught_in_links(name):
    rows = getattr(CAT, name)
    prefix = TAUGHT[name][1]
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


def test_unknown_filter_fails_the_build(tmp_path):
    # every table macro is made by the same wrapper (macros/__init__.py), so one table stands for all
    config = tiny_site(tmp_path, '{{ cost_tools_table(colour="red") }}\n')
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "unknown filter(s) ['colour']" in build.output
