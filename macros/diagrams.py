"""Diagrams drawn ahead of time: each mermaid diagram is rendered once (`python3 dev.py diagrams`, which
drives headless Chromium over the vendored mermaid) to two SVG files, light and dark, kept in
docs/assets/diagrams/ under a name derived from its source. At build time `substitute()` swaps every
`<pre class="mermaid">` whose SVGs exist for a figure: inline SVG when the diagram is in the page's first
screen, otherwise the image for the reader's colour scheme; with a text version of the diagram and a link
to it full size. So a page with a diagram loads no diagram JavaScript, the PDF gets vector drawings with
real text, and a contributor builds without Node or a browser.

Measured alternatives (README, Speed): loading mermaid in the page held the diagram page at a Lighthouse
score of 78. Inline SVG everywhere cost the task page about 0.6 s of first paint, because the browser lays
out the whole drawing before painting. Images everywhere made the diagram at the top of a page its
largest paint, landing about a second after the text.

A diagram whose source changed and was not re-rendered yet stays a `<pre class="mermaid">`, which the
lazy loader still draws in the browser (handy while editing with `dev.py serve`); the test suite fails
until its SVG is cached, so what lands is always pre-rendered.
"""

from __future__ import annotations

import hashlib
import math
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
_VIEWBOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')
#: A diagram with less text than this above it is in the first screen of the page (see substitute()).
FIRST_SCREEN_CHARS = 800
_TAG = re.compile(r"<[^>]+>")
_ROOT_STYLE = re.compile(r"<style>svg:root\{[^}]*\}</style>")
#: Mermaid's label size (its default fontSize), which MIN_SCALE keeps legible.
LABEL_PX = 16


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


def natural_size(svg: str) -> tuple[float, float]:
    found = _VIEWBOX.search(svg)
    if not found:
        raise ValueError("an SVG from mermaid without a viewBox")
    return float(found.group(1)), float(found.group(2))


def files(cache: Path, name: str) -> dict[str, Path]:
    """The two drawings of a diagram, by colour scheme."""
    return {"light": cache / f"{name}.svg", "dark": cache / f"{name}.dark.svg"}


_NODE = re.compile(r"\b([A-Za-z]\w*)\s*(\[\[|\[\(|\(\[|\(\(|\[|\(|\{\{|\{|>)(.+?)(\]\]|\)\]|\]\)|\)\)|\]|\)|\}\}|\})")
_EDGE = re.compile(r"^\s*(?P<a>[A-Za-z]\w*).*?(?:-->|==>|-\.->)\s*(?:\|(?P<label>[^|]*)\|\s*)?(?P<b>[A-Za-z]\w*)")


def text_version(source: str) -> list[str]:
    """The diagram's steps in words, one per arrow ("Question? Yes: Answer"), for a reader who cannot see
    the drawing: mermaid flowchart syntax, node shapes and edge labels."""
    names: dict[str, str] = {}
    for m in _NODE.finditer(source):
        names.setdefault(m.group(1), " ".join(m.group(3).strip().strip('"').split()))
    steps = []
    for line in source.splitlines():
        m = _EDGE.match(line)
        if m:
            a, b = names.get(m.group("a"), m.group("a")), names.get(m.group("b"), m.group("b"))
            label = (m.group("label") or "").strip()
            steps.append(f"{a} {label}: {b}" if label else f"{a} → {b}")
    return steps


@dataclass
class Substitution:
    html: str
    used: list[str]
    missing: list[str]


def substitute(page_html: str, cache: Path, version: str, folder_url: str, template) -> Substitution:
    """Replace every drawn diagram in a page's HTML with its figure (`template`: macros/templates/
    diagram.html). `folder_url` is the URL of the cache folder as seen from the page (ends with '/').

    A diagram in the first screen (less than FIRST_SCREEN_CHARS of text above it) is inlined as SVG, so
    it is painted with the text around it; as an image it would be the page's largest paint and land
    later. Further down, diagrams are images, so the first paint does not wait on laying them out."""
    used: list[str] = []
    missing: list[str] = []

    def swap(match: re.Match) -> str:
        source = match.group(1)
        name = key(source, version)
        drawings = files(cache, name)
        if not all(f.is_file() for f in drawings.values()):
            missing.append(source)
            return match.group(0)
        used.append(name)
        light = drawings["light"].read_text(encoding="utf-8")
        width, height = natural_size(light)
        above = len(" ".join(_TAG.sub(" ", page_html[: match.start()]).split()))
        return template.render(
            light=f"{folder_url}{drawings['light'].name}", dark=f"{folder_url}{drawings['dark'].name}",
            inline=inline_svg(light) if above < FIRST_SCREEN_CHARS else None,
            width=round(width), height=round(height), min_width=math.ceil(MIN_SCALE * width),
            alt=f"Diagram starting from: {first.group(3).strip()} (the text version follows)"
            if (first := _NODE.search(source)) else "Diagram (the text version follows)",
            steps=text_version(source),
        )

    return Substitution(_PRE.sub(swap, page_html), used, missing)


def inline_svg(svg: str) -> str:
    """A drawing for use inside a page: without the colours resolved for the file, so the page's own
    scheme variables apply (light or dark); the page's CSS sizes it."""
    return _ROOT_STYLE.sub("", svg, count=1)


def expected(docs_dir: Path, version: str) -> dict[str, str]:
    """Every diagram of the docs, by cache name."""
    return {key(src, version): src for md in sorted(docs_dir.rglob("*.md")) for src in
            sources_in_markdown(md.read_text(encoding="utf-8"))}


def stale(cache: Path, wanted: Iterable[str]) -> list[Path]:
    """Cached SVGs that no diagram uses any more."""
    keep = {f for name in wanted for f in files(cache, name).values()}
    return sorted(p for p in cache.glob("*.svg") if p not in keep)
