"""The renderers as plain functions: tables, objective sections, section scanning, glossary."""

from __future__ import annotations

import pytest

from macros import render, tables
from macros.data import load_catalogue
from macros.models import Algorithm, Service
from macros.sections import WORD_FLOOR, Section, count_words, parse_sections

from conftest import DATA, url_for

CAT = load_catalogue(DATA)


def make_service(**changes) -> Service:
    base = CAT.services[0].model_dump()
    return Service.model_validate({**base, **changes})


def test_html_in_data_values_is_escaped():
    evil = make_service(summary='<script>alert("x")</script> & <b>bold</b>', confused_with=[])
    html = tables.services_table([evil], CAT.outline, url_for, {s.id: s.name for s in CAT.services}).render()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html


def test_table_renders_one_row_per_entry_with_anchor_and_source():
    table = tables.algorithms_table(CAT.algorithms)
    html = table.render()
    assert html.count("<tr id=\"algo-") == len(CAT.algorithms)
    assert html.count('rel="noopener">AWS docs</a>') == len(CAT.algorithms)
    assert "\n\n" not in html  # a blank line would end Markdown's raw-HTML block


def test_filtered_view_keeps_only_matching_rows():
    table = tables.algorithms_table(CAT.algorithms).filtered(lambda a: a.data_type == "tabular")
    assert table.rows and all(a.data_type == "tabular" for a in table.rows)
    assert len(table.rows) < len(CAT.algorithms)


def test_empty_filter_is_an_error_not_an_empty_table():
    table = tables.algorithms_table(CAT.algorithms).filtered(lambda a: False)
    with pytest.raises(ValueError, match="the filter left no rows"):
        table.render()


def test_column_selection_rejects_unknown_columns():
    with pytest.raises(KeyError, match="unknown column"):
        tables.algorithms_table(CAT.algorithms).with_columns(["Algorithm", "Colour"])


def test_booleans_render_as_yes_no():
    row = CAT.algorithms[0]
    html = tables.algorithms_table([row]).with_columns(["Algorithm", "Distributed", "Incremental"]).render()
    assert html.count(">Yes<") + html.count(">No<") == 2


def test_status_badge_for_closed_services():
    closed = make_service(status="closed to new customers", status_note="Closed since 2025.")
    html = tables.services_table([closed], CAT.outline, url_for, {s.id: s.name for s in CAT.services}).render()
    assert 'badge--warning">closed to new customers<' in html


def test_objective_section_has_anchor_statement_and_honest_note():
    objective = CAT.outline.objective("2.1.K1")
    md = render.objective_section(objective, None, "domain-2/task-2-1.md", "https://example.invalid/edit")
    assert md.startswith("### 2.1.K1 Capabilities and appropriate uses of ML algorithms")
    assert "{ #2-1-k1 .objective data-search-exclude }" in md  # unwritten: not in the search index
    assert objective.text in md
    assert '!!! warning "Not written yet"' in md
    assert "](../coverage.md)" in md and "](../contributing.md)" in md


def test_written_objective_has_no_note():
    objective = CAT.outline.objective("1.1.K1")
    section = Section("1.1.K1", "domain-1/task-1-1.md", WORD_FLOOR, True, 2)
    assert section.status == "written"
    md = render.objective_section(objective, section, "domain-1/task-1-1.md", None)
    assert "Not written yet" not in md
    assert "{ #1-1-k1 .objective }" in md  # written: searchable


SAMPLE = '''
{{ objective("1.1.K1") }}

Parquet is a columnar format. ''' + "word " * 160 + '''

```mermaid
flowchart TD
  A[these words] --> B[do not count]
```

!!! tip "On the exam"

    - cue -> answer

!!! quote "Sources"

    - [Parquet](https://docs.aws.amazon.com/athena/latest/ug/columnar-storage.html)

{{ objective("1.1.K2") }}

Only a few words here.

## Skills
'''


def test_sections_are_parsed_and_judged():
    first, second = parse_sections(SAMPLE, "domain-1/task-1-1.md")
    assert first.objective_id == "1.1.K1" and first.status == "written"
    assert first.words == 165 and first.aws_sources == 1
    assert second.objective_id == "1.1.K2" and second.status == "draft" and second.words == 5


def test_section_without_sources_is_not_written():
    text = SAMPLE.replace("https://docs.aws.amazon.com/athena/latest/ug/columnar-storage.html", "https://example.com")
    assert parse_sections(text, "x.md")[0].status == "draft"


def test_word_count_ignores_code_links_and_markup():
    assert count_words("Two words [link text](https://docs.aws.amazon.com/a/b.html) `x`") == 5
    assert count_words("```python\nprint('nothing here counts')\n```") == 0


def test_md_escape_neutralises_markup():
    assert render.md_escape("a|b *c* <d>") == r"a\|b \*c\* \<d\>"


def test_abbreviations_come_from_glossary():
    md = render.abbreviations(CAT.glossary)
    abbreviated = [t for t in CAT.glossary if t.abbr]
    assert abbreviated and md.count("\n") == len(abbreviated) - 1
    assert all(line.startswith("*[") and "]: " in line for line in md.splitlines())


def test_coverage_lists_every_objective():
    md = render.coverage(CAT.outline, {}, "coverage.md")
    for objective in CAT.outline.objectives:
        assert f"[{objective.id}](" in md
    assert "**0 of 133** objectives written" in md


def test_relative_links_from_nested_pages():
    link = render.md_link_from("domain-1/task-1-1.md")
    assert link("coverage.md") == "../coverage.md"
    assert link("domain-1/task-1-2.md#1-2-k1") == "task-1-2.md#1-2-k1"
    assert link("reference/services.md#svc-s3") == "../reference/services.md#svc-s3"
