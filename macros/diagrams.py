"""Diagrams drawn ahead of time: each mermaid diagram's SVG is rendered once (`python3 dev.py diagrams`,
which drives headless Chromium over the vendored mermaid) and kept in docs/assets/diagrams/ under a name
derived from its source. At build time `substitute()` swaps every `<pre class="mermaid">` whose SVG is
cached for that SVG, inline, so a page with a diagram loads no diagram JavaScript at all, the printed
page and the PDF get vector drawings, and a contributor builds without Node or a browser.

A diagram whose source changed and was not re-rendered yet stays a `<pre class="mermaid">`, which the
lazy loader still draws in the browser (handy while editing with `dev.py serve`); the test suite fails
until its SVG is cached, so what lands is always pre-rendered.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

#: Bump when the rendering setup changes (mermaid config, theme CSS, fonts), so every SVG is redrawn.
RENDER_VERSION = "1"
CACHE_DIR = Path("docs/assets/diagrams")
LIBRARY = Path("docs/assets/vendor/mermaid/mermaid.min.js")
#: Legibility floor: a diagram is never drawn smaller than this share of its natural size, so its 16 px
#: labels stay at 12 px or more, 75% of the body text on a laptop. A wider diagram keeps that minimum
#: width and scrolls sideways inside its own box; every diagram links to its full-size SVG file.
MIN_SCALE = 0.75

#: What mkdocs-mermaid2's custom fence writes: the diagram source as it is, not HTML-escaped.
_PRE = re.compile(r'<pre\s+(?:id="[^"]*"\s+)?class="mermaid"><code>(.*?)</code></pre>', re.S)
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```mermaid[ \t]*\n(?P<body>.*?)^(?P=indent)```[ \t]*$", re.S | re.M)
_WIDTH = re.compile(r'max-width:\s*([\d.]+)px')


def key(source: str, mermaid_version: str) -> str:
    """The cache name of a diagram: its source (trimmed), the mermaid version and our render setup."""
    digest = hashlib.sha256(f"{RENDER_VERSION}\n{mermaid_version}\n{source.strip()}".encode()).hexdigest()
    return digest[:16]


def mermaid_version(library: Path) -> str:
    """Names the vendored mermaid build by its content, so updating it redraws every diagram."""
    return hashlib.sha256(library.read_bytes()).hexdigest()[:12]


def sources_in_markdown(text: str) -> list[str]:
    """The mermaid fences of a Markdown page, dedented, as MkDocs hands them to the page's HTML."""
    out = []
    for m in _FENCE.finditer(text):
        indent = len(m.group("indent"))
        out.append("".join(line[indent:] if line.strip() else line.lstrip(" \t")
                           for line in m.group("body").splitlines(keepends=True)))
    return out


def natural_width(svg: str) -> float:
    found = _WIDTH.search(svg)
    return float(found.group(1)) if found else 0.0


@dataclass
class Substitution:
    html: str
    used: list[str]
    missing: list[str]


def substitute(page_html: str, cache: Path, version: str, full_size_url: str) -> Substitution:
    """Replace every cached diagram in a page's HTML with its SVG in a <figure>. `full_size_url` is the
    URL of the cache folder as seen from the page (ends with '/')."""
    used: list[str] = []
    missing: list[str] = []

    def swap(match: re.Match) -> str:
        source = match.group(1)
        name = key(source, version)
        svg_file = cache / f"{name}.svg"
        if not svg_file.is_file():
            missing.append(source)
            return match.group(0)
        used.append(name)
        svg = svg_file.read_text(encoding="utf-8")
        return (
            f'<figure class="diagram">{svg}'
            f'<figcaption><a href="{full_size_url}{name}.svg">Open the diagram full size</a></figcaption></figure>'
        )

    return Substitution(_PRE.sub(swap, page_html), used, missing)


def expected(docs_dir: Path, version: str) -> dict[str, str]:
    """Every diagram of the docs, by cache name."""
    return {key(src, version): src for md in sorted(docs_dir.rglob("*.md")) for src in
            sources_in_markdown(md.read_text(encoding="utf-8"))}


def stale(cache: Path, wanted: Iterable[str]) -> list[Path]:
    """Cached SVGs that no diagram uses any more."""
    keep = set(wanted)
    return sorted(p for p in cache.glob("*.svg") if p.stem not in keep)
