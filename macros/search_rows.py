"""Search entries for the rows of the reference tables.

Material's search indexes a page by its headings, so a table of 88 services is one long section in which
"Model Monitor" is a few words among thousands, and it ranks below any page that mentions the name twice.
Each row of a data table on a reference page gets an entry of its own instead: titled with the row's name
(the first cell), holding the row's text, and pointing at the row's anchor (`#svc-sagemaker-model-monitor`).
A row that several reference pages show (Services A–Z and AI services compared) is indexed once, from the
first page in the navigation.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Attribute order is not fixed: mkdocs-mermaid2 re-serialises some pages with BeautifulSoup.
_GROUP = re.compile(r'<tbody\b[^>]*\bclass="row-group"[^>]*>(.*?)</tbody>', re.S)
_ID = re.compile(r'<tr\b[^>]*\bid="([^"]+)"')
_HEAD = re.compile(r'<th\b[^>]*\bscope="row"[^>]*>(.*?)</th>', re.S)
_SUMMARY = re.compile(r"<summary>.*?</summary>", re.S)
_BADGE = re.compile(r'<span class="badge[^"]*">.*?</span>', re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class RowEntry:
    location: str  # page URL + "#" + row id
    title: str
    text: str


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def table_rows(page_html: str, page_url: str) -> list[RowEntry]:
    """The data-table rows of one page's HTML, as search entries."""
    out = []
    for group in _GROUP.findall(page_html):
        row_id, head = _ID.search(group), _HEAD.search(group)
        if not row_id or not head:
            continue
        title = _text(_BADGE.sub("", head.group(1)))
        body = _text(_SUMMARY.sub("", group[head.end():]))
        out.append(RowEntry(f"{page_url}#{row_id.group(1)}", title, f"{_text(head.group(1))} {body}"))
    return out


def add_to_index(index: dict, rows: list[RowEntry]) -> dict:
    """Append row entries to Material's search_index.json data, each row id once (first page wins), with
    the boost of the page the row sits on."""
    boosts = {doc["location"]: doc.get("boost") for doc in index["docs"] if "#" not in doc["location"]}
    seen = set()
    for row in rows:
        page, _, anchor = row.location.partition("#")
        if anchor in seen:
            continue
        seen.add(anchor)
        entry = {"location": row.location, "title": row.title, "text": row.text}
        if boosts.get(page) is not None:
            entry["boost"] = boosts[page]
        index["docs"].append(entry)
    return index
