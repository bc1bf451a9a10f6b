"""The build: the real site builds with --strict and zero warnings; bad data or a broken macro stops it."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from conftest import DATA, ROOT, mkdocs_build


def test_strict_build_has_zero_warnings(site_build):
    assert site_build.returncode == 0, site_build.output[-3000:]
    assert site_build.warnings == [], "\n".join(site_build.warnings)


def test_build_makes_every_page(site):
    for page in ("index.html", "404.html", "print_page/index.html", "coverage/index.html", "search/search_index.json"):
        assert (site / page).is_file(), page
    for domain in range(1, 5):
        assert (site / f"domain-{domain}/index.html").is_file()
    assert len(list(site.glob("domain-*/task-*/index.html"))) == 12


def tiny_site(tmp_path: Path, page: str) -> Path:
    """A minimal project using our real macros module and a copy of data/."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(page)
    for stub in ("coverage.md", "contributing.md", "reference/index.md"):  # targets of the "not written" note
        (tmp_path / "docs" / stub).parent.mkdir(exist_ok=True)
        (tmp_path / "docs" / stub).write_text("# Stub\n")
    shutil.copytree(DATA, tmp_path / "data")
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: tiny\n"
        "plugins:\n"
        "  - macros:\n"
        "      module_name: macros\n"
        "      on_error_fail: true\n"
        "      on_undefined: strict\n"
        "markdown_extensions: [abbr, attr_list, admonition, md_in_html]\n"
    )
    return tmp_path / "mkdocs.yml"


def test_tiny_site_builds(tmp_path):
    config = tiny_site(tmp_path, '{{ objective("1.1.K1") }}\n')
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode == 0, build.output
    html = (tmp_path / "site" / "index.html").read_text()
    assert 'id="1-1-k1"' in html


def test_bad_data_stops_the_build_with_a_clear_message(tmp_path):
    config = tiny_site(tmp_path, "# Hello\n")
    path = tmp_path / "data" / "algorithms.yml"
    rows = yaml.safe_load(path.read_text())
    rows[0]["instances"] = "TPU"
    path.write_text(yaml.safe_dump(rows))
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "data/algorithms.yml: entry 1" in build.output and "field 'instances'" in build.output
    assert not (tmp_path / "site" / "index.html").exists(), "nothing half-built"


def test_malformed_yaml_stops_the_build(tmp_path):
    config = tiny_site(tmp_path, "# Hello\n")
    (tmp_path / "data" / "glossary.yml").write_text("- id: x\n  term: [unclosed\n")
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "data/glossary.yml: malformed YAML at line" in build.output


def test_macro_error_fails_the_build(tmp_path):
    config = tiny_site(tmp_path, '{{ objective("9.9.K9") }}\n')
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "9.9.K9" in build.output


def test_undefined_variable_fails_the_build(tmp_path):
    config = tiny_site(tmp_path, "{{ no_such_macro_or_variable }}\n")
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0


def test_same_objective_on_two_pages_fails_the_build(tmp_path):
    config = tiny_site(tmp_path, '{{ objective("1.1.K1") }}\n')
    (tmp_path / "docs" / "other.md").write_text('{{ objective("1.1.K1") }}\n')
    build = mkdocs_build(config, tmp_path / "site")
    assert build.returncode != 0
    assert "already has a section in docs/index.md" in build.output


def test_pages_offer_edit_report_and_last_updated(site):
    html = (site / "domain-1/task-1-1/index.html").read_text()
    assert 'rel="edit"' in html and "/edit/main/docs/domain-1/task-1-1.md" in html
    assert "issues/new?template=content-error.yml" in html and "page=https%3A//" in html
    assert "Report an error on this page" in html
    assert "md-source-file" in html, "last-updated date"
    assert 'class="md-path"' in html, "breadcrumbs"
    assert html.count("md-footer__link--") == 2, "previous and next page links"
    assert "content.code.copy" in (site / "index.html").read_text(), "copy buttons on code blocks"


def test_no_page_loads_assets_from_another_host(site):
    import re

    offenders = []
    for page in site.rglob("*.html"):
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page.read_text(encoding="utf-8")):
            if re.search(r'\b(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag and "rel=\"alternate\"" not in tag:
                offenders.append(f"{page.relative_to(site)}: {tag}")
    assert offenders == [], "\n".join(offenders[:20])


def test_site_publishes_no_raw_templates(site):
    assert [p.relative_to(site) for p in site.rglob("*.tpl")] == []
