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
        f.write_text('<svg id="x" width="1000" height="400" viewBox="0 0 1000 400"><style>svg:root{--a:1}</style></svg>')
    fence = f'<pre  class="mermaid"><code>{drawn}</code></pre>'
    template = jinja_env().get_template("diagram.html")
    # in the first screen: inline SVG, with the page's colours (the file's resolved ones removed)
    top = diagrams.substitute(f"<p>a</p>{fence}<pre class=\"mermaid\"><code>{undrawn}</code></pre>",
                              tmp_path, "v1", "../assets/diagrams/", template)
    assert '<div class="diagram__sized" style="min-width: 750px; max-width: 1000px"><svg id="x"' in top.html
    assert "svg:root" not in top.html and "<img" not in top.html
    assert top.used == [name] and top.missing == [undrawn]
    assert f'<pre class="mermaid"><code>{undrawn}</code></pre>' in top.html
    # further down: images, light and dark
    lower = diagrams.substitute("<p>" + "word " * diagrams.FIRST_SCREEN_CHARS + "</p>" + fence,
                                tmp_path, "v1", "../assets/diagrams/", template)
    assert f'src="../assets/diagrams/{name}.svg" width="1000" height="400" style="min-width: 750px"' in lower.html
    assert f'src="../assets/diagrams/{name}.dark.svg"' in lower.html
    assert 'alt="Diagram starting from: Ready? (the text version follows)"' in lower.html
    for html in (top.html, lower.html):
        assert "<li>Ready? yes: Ship it</li>" in html
        assert f'<a href="../assets/diagrams/{name}.svg">Open the diagram full size</a>' in html


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
