"""The data files and their models: the real data validates; each kind of bad input is refused with a
message that names the file, the entry and the field."""

from __future__ import annotations

import pytest
import yaml

from macros.data import DataError, load_catalogue, load_rows
from macros.models import Algorithm, Service, anchor_for

from conftest import DATA, edit


def test_real_data_loads():
    cat = load_catalogue(DATA)
    outline = cat.outline
    assert [d.weight for d in outline.domains] == [28, 26, 22, 24]
    assert len(outline.tasks) == 12
    assert len(outline.objectives) == 133
    assert outline.objectives[0].id == "1.1.K1" and outline.objectives[-1].id == "4.3.S5"
    assert [len(t.objectives) for t in outline.tasks] == [10, 9, 9, 9, 17, 11, 13, 11, 12, 7, 16, 9]


def test_anchor_is_derived_from_id():
    assert anchor_for("1.1.K1") == "1-1-k1"
    assert anchor_for("2.2.S4") == "2-2-s4"


def test_short_title_stops_before_examples():
    cat = load_catalogue(DATA)
    assert cat.outline.objective("1.1.K1").short_title == "Data formats and ingestion mechanisms"


def test_missing_field_names_file_entry_and_field(data_copy):
    edit(data_copy / "algorithms.yml", lambda rows: rows[0].pop("source"))
    with pytest.raises(DataError) as err:
        load_catalogue(data_copy)
    message = str(err.value)
    assert "algorithms.yml" in message and "entry 1" in message and "'source'" in message
    assert "Field required" in message


def test_wrong_type_is_refused(data_copy):
    edit(data_copy / "algorithms.yml", lambda rows: rows[0].update(distributed="sometimes"))
    with pytest.raises(DataError, match=r"algorithms\.yml: entry 1 \(id '[a-z0-9-]+'\), field 'distributed'"):
        load_catalogue(data_copy)


def test_unknown_field_is_refused(data_copy):
    edit(data_copy / "inference.yml", lambda rows: rows[0].update(max_paylaod="6 MB"))
    with pytest.raises(DataError, match=r"inference\.yml: entry 1 .*field 'max_paylaod'"):
        load_catalogue(data_copy)


def test_unknown_objective_id_is_refused(data_copy):
    edit(data_copy / "glossary.yml", lambda rows: rows[0].update(objectives=["9.9.K9"]))
    with pytest.raises(DataError, match=r"glossary\.yml: entry 1 .*field 'objectives"):
        load_catalogue(data_copy)


def test_objective_id_of_a_task_that_does_not_exist_is_refused(data_copy):
    edit(data_copy / "glossary.yml", lambda rows: rows[0].update(objectives=["1.1.K99"]))
    with pytest.raises(DataError, match=r"glossary\.yml: entry 1 .*field 'objectives': unknown objective id '1\.1\.K99'"):
        load_catalogue(data_copy)


def test_unknown_task_id_is_refused(data_copy):
    edit(data_copy / "services.yml", lambda rows: rows[0].update(tasks=["4.9"]))
    with pytest.raises(DataError, match=r"services\.yml: entry 1 .*field 'tasks': unknown task id '4\.9'"):
        load_catalogue(data_copy)


def test_unknown_confused_with_is_refused(data_copy):
    edit(data_copy / "services.yml", lambda rows: rows[0].update(confused_with=["no-such-service"]))
    with pytest.raises(DataError, match=r"field 'confused_with': unknown service id 'no-such-service'"):
        load_catalogue(data_copy)


def test_duplicate_id_is_refused(data_copy):
    edit(data_copy / "algorithms.yml", lambda rows: rows.append(dict(rows[0])))
    with pytest.raises(DataError, match=r"algorithms\.yml: entry \d+ \(id '[a-z0-9-]+'\), field 'id': duplicate of entry 1"):
        load_catalogue(data_copy)


def test_duplicate_objective_id_in_outline_is_refused(data_copy):
    def dupe(doc):
        objectives = doc["domains"][0]["tasks"][0]["objectives"]
        objectives[1]["id"] = objectives[0]["id"]

    edit(data_copy / "outline.yml", dupe)
    with pytest.raises(DataError, match=r"outline\.yml: field 'domains\.0\.tasks\.0'.*objective ids must be"):
        load_catalogue(data_copy)


def test_weights_must_sum_to_100(data_copy):
    edit(data_copy / "outline.yml", lambda doc: doc["domains"][0].update(weight=29))
    with pytest.raises(DataError, match="weights must sum to 100, got 101"):
        load_catalogue(data_copy)


def test_missing_objective_is_refused(data_copy):
    edit(data_copy / "outline.yml", lambda doc: doc["domains"][3]["tasks"][2]["objectives"].pop())
    with pytest.raises(DataError, match="expected 133 objectives, got 132"):
        load_catalogue(data_copy)


def test_malformed_yaml_names_the_line(data_copy):
    path = data_copy / "services.yml"
    path.write_text(path.read_text() + "\n- id: broken\n  name: [unclosed\n")
    with pytest.raises(DataError, match=r"services\.yml: malformed YAML at line \d+"):
        load_catalogue(data_copy)


def test_missing_file_is_an_error_not_a_log_line(data_copy):
    (data_copy / "glossary.yml").unlink()
    with pytest.raises(DataError, match=r"glossary\.yml: file not found"):
        load_catalogue(data_copy)


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://docs.aws.amazon.com/sagemaker/latest/dg/xgboost.html", "https"),
        ("https://example.com/xgboost", "AWS documentation"),
        ("docs.aws.amazon.com/sagemaker", "https"),
    ],
)
def test_source_must_be_an_aws_https_url(tmp_path, url, reason):
    path = tmp_path / "algorithms.yml"
    row = yaml.safe_load((DATA / "algorithms.yml").read_text())[0]
    path.write_text(yaml.safe_dump([{**row, "source": url}]))
    with pytest.raises(DataError, match=reason):
        load_rows(path, Algorithm)


def test_status_other_than_available_needs_a_note(tmp_path):
    path = tmp_path / "services.yml"
    row = yaml.safe_load((DATA / "services.yml").read_text())[0]
    row = {**row, "status": "discontinued"}
    row.pop("status_note", None)
    path.write_text(yaml.safe_dump([row]))
    with pytest.raises(DataError, match="needs a status_note"):
        load_rows(path, Service)


def test_every_row_of_every_table_file_has_a_source():
    from macros.data import ROW_FILES

    assert len(ROW_FILES) == 28  # 15 of Domains 1-2 and the catalogues, 8 of Domain 3, 5 of Domain 4
    for name, _ in ROW_FILES.values():
        for index, row in enumerate(yaml.safe_load((DATA / name).read_text()), 1):
            assert str(row.get("source", "")).startswith("https://"), f"{name} entry {index} has no source URL"
