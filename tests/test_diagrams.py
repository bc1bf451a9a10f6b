"""Diagrams drawn ahead of time: every diagram of docs/ has its SVG cached, the build inlines it, and an
edited diagram that is not drawn yet is left for the browser rather than lost."""

from __future__ import annotations

from pathlib import Path

from macros import diagrams
from macros.tables import jinja_env

from conftest import DOCS, ROOT

VERSION = diagrams.mermaid_version(ROOT / diagrams.LIBRARY)
CACHE = ROOT / diagrams.CACHE_DIR


def test_every_diagram_is_drawn_and_no_stale_svg_is_left():
    wanted = diagrams.expected(DOCS, VERSION)
    assert len(wanted) >= 6
    missing = [src.splitlines()[1].strip() for k, src in wanted.items()
               if not all(f.is_file() for f in diagrams.files(CACHE, k).values())]
    assert not missing, f"diagrams not drawn yet, run: python3 dev.py diagrams\n{missing}"
    assert diagrams.stale(CACHE, wanted) == [], "SVGs no diagram uses: python3 dev.py diagrams deletes them"


def test_built_site_has_no_undrawn_diagram(site):
    pages = [p for p in site.rglob("*.html") if 'class="mermaid"' in p.read_text(encoding="utf-8")]
    assert pages == [], f"pages with a diagram left for the browser: {pages}"
    assert len(list((site / "assets" / "diagrams").glob("*.dark.svg"))) >= 6


def test_substitute_shows_drawn_diagrams_and_leaves_the_rest(tmp_path: Path):
    drawn, undrawn = "flowchart TD\n  A{Ready?} -->|yes| B[Ship it]\n", "flowchart TD\n  C --> D\n"
    name = diagrams.key(drawn, "v1")
    for f in diagrams.files(tmp_path, name).values():
        f.write_text('<svg id="x" viewBox="0 0 1000 400"></svg>')
    page = (f'<p>a</p><pre  class="mermaid"><code>{drawn}</code></pre>'
            f'<pre class="mermaid"><code>{undrawn}</code></pre>')
    result = diagrams.substitute(page, tmp_path, "v1", "../assets/diagrams/", jinja_env().get_template("diagram.html"))
    assert f'src="../assets/diagrams/{name}.svg" width="1000" height="400" style="min-width: 750px"' in result.html
    assert f'src="../assets/diagrams/{name}.dark.svg"' in result.html
    assert 'alt="Diagram starting from: Ready? (the text version follows)"' in result.html
    assert "<li>Ready? yes: Ship it</li>" in result.html
    assert result.used == [name] and result.missing == [undrawn]
    assert f'<pre class="mermaid"><code>{undrawn}</code></pre>' in result.html


def test_text_version_reads_shapes_and_labels():
    source = ('flowchart LR\n  A[Start] --> B{"Big file?"}\n  B -->|Yes| C(Pipe mode)\n  B -- no --> D\n'
              '  B -->|No| E([File mode])\n')
    assert diagrams.text_version(source) == [
        "Start → Big file?", "Big file? Yes: Pipe mode", "Big file? → D", "Big file? No: File mode"]


def test_key_depends_on_source_and_mermaid_build():
    assert diagrams.key("flowchart TD\n A-->B", "v1") == diagrams.key("flowchart TD\n A-->B\n", "v1")
    assert diagrams.key("flowchart TD\n A-->B", "v1") != diagrams.key("flowchart TD\n A-->C", "v1")
    assert diagrams.key("flowchart TD\n A-->B", "v1") != diagrams.key("flowchart TD\n A-->B", "v2")


def test_sources_in_markdown_dedents_fences_inside_blocks():
    md = "text\n\n```mermaid\nflowchart TD\n  A --> B\n```\n\n!!! note\n\n    ```mermaid\n    flowchart LR\n      X --> Y\n    ```\n"
    assert diagrams.sources_in_markdown(md) == ["flowchart TD\n  A --> B\n", "flowchart LR\n  X --> Y\n"]
