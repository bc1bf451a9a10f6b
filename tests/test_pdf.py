"""The downloadable PDF (`python3 dev.py pdf`): cover, bookmarks, every objective, working internal links,
vector diagrams that are never split, and no heading or table caption left alone at the foot of a page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader

from conftest import DATA
from macros.data import load_catalogue

pytestmark = pytest.mark.browser  # made in headless Chromium

FOOTER = re.compile(r"\s*MLA-C01 Study Guide\s+(\d+) / (\d+)\s*$")


@pytest.fixture(scope="module")
def reader(pdf):
    return PdfReader(str(pdf))


def _page_texts(reader, mode: str) -> list[list[str]]:
    """Each page's lines of text, stripped, without the footer (checked on the way)."""
    out = []
    for number, page in enumerate(reader.pages, 1):
        lines = [" ".join(line.split()) for line in page.extract_text(extraction_mode=mode).splitlines()]
        lines = [line for line in lines if line]
        footer = FOOTER.fullmatch(" ".join(lines[-2:])) or FOOTER.fullmatch(lines[-1])
        assert footer and int(footer.group(1)) == number, f"page {number} has no 'n / total' footer"
        out.append(lines[:-2] if FOOTER.fullmatch(" ".join(lines[-2:])) else lines[:-1])
    return out


@pytest.fixture(scope="module")
def lines(reader) -> list[list[str]]:
    """Visible lines as laid out (layout mode leaves out text drawn off the page)."""
    return _page_texts(reader, "layout")


@pytest.fixture(scope="module")
def pages(reader) -> list[str]:
    """Each page's text in reading order, whitespace collapsed: a diagram's labels stay whole here."""
    return [" ".join(page) for page in _page_texts(reader, "plain")]


class _PrintPage(HTMLParser):
    """Headings and table captions of the print page, and the drawing of each diagram."""

    def __init__(self):
        super().__init__()
        self.blocks: list[str] = []  # headings and captions
        self.drawings: list[str] = []  # each diagram's full-size SVG file
        self._in: str | None = None
        self._text: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        cls = dict(attrs).get("class") or ""
        if tag == "figure" and "diagram" in cls:
            self._figure = True
        if tag == "a" and getattr(self, "_figure", False):
            self.drawings.append(dict(attrs)["href"])  # "Open the diagram full size"
            self._figure = False
        if tag in ("h1", "h2", "h3", "h4", "caption") and self._in is None:
            self._in, self._text = tag, []

    def handle_endtag(self, tag):
        if self._in in ("h1", "h2", "h3", "h4", "caption") and tag == self._in:
            text = " ".join("".join(self._text).replace("¶", "").split())
            if text:
                self.blocks.append(text)
            self._in = None

    def handle_data(self, data):
        if self._in:
            self._text.append(data)


@pytest.fixture(scope="module")
def print_page(site) -> _PrintPage:
    parser = _PrintPage()
    page = site / "print_page" / "index.html"
    parser.feed(page.read_text(encoding="utf-8"))
    # each diagram's labels, in drawing order, read from its SVG file
    parser.diagrams = [
        [" ".join(re.sub(r"<[^>]+>", " ", label).split())
         for label in re.findall(r'<span class="nodeLabel"[^>]*>(.*?)</span>', (page.parent / src).resolve().read_text(encoding="utf-8"), re.S)]
        for src in parser.drawings
    ]
    return parser


def test_pdf_has_a_cover_bookmarks_and_every_objective(reader, pages):
    assert len(pages) > 100
    assert "MLA-C01 Study Guide" in pages[0] and "Table of Contents" in pages[1]

    def count(outline):
        return sum(count(item) if isinstance(item, list) else 1 for item in outline)

    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert count(reader.outline) > 200, "bookmarks for pages, domains, tasks and objectives"
    assert any(t.startswith("Domain 1") for t in titles)
    text = " ".join(pages)
    missing = [o.id for o in load_catalogue(DATA).outline.objectives if o.id not in text]
    assert missing == [], f"objectives missing from the PDF: {missing}"


def test_pdf_internal_links_land_on_named_destinations(reader):
    destinations = reader.named_destinations
    internal = broken = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/Subtype") == "/Link" and "/Dest" in annot:
                internal += 1
                broken += str(annot["/Dest"]) not in destinations
    assert internal > 500, f"only {internal} internal links"
    assert broken == 0, f"{broken} internal links point nowhere"


def test_pdf_diagrams_are_vector_text_on_one_page(pages, print_page):
    assert len(print_page.diagrams) >= 6
    for labels in print_page.diagrams:
        first, last = labels[0], labels[-1]
        on = [i + 1 for i, text in enumerate(pages) if first in text and last in text]
        assert on, f"diagram '{first}' … '{last}' is split across pages or drawn as an image"


def test_no_heading_or_caption_is_last_on_a_page(lines, print_page):
    # A diagram label that happens to equal a heading elsewhere (a glossary term) is not a heading.
    labels = {label for diagram in print_page.diagrams for label in diagram}
    blocks = set(print_page.blocks) - labels
    first = next(i for i, page in enumerate(lines) if "The exam at a glance" in page)
    alone = []
    for number, page in enumerate(lines[first:-1], first + 1):
        if not page:
            continue
        # A heading wraps to two lines at most; a page holding nothing but a section's title is the
        # divider page print-site puts before each section, not a heading left behind.
        for tail in (page[-1], " ".join(page[-2:])):
            if tail in blocks and len(page) > (1 if tail == page[-1] else 2):
                alone.append((number, tail))
    assert alone == [], f"headings or captions left at the foot of a page: {alone[:10]}"
