"""MkDocs hooks (mkdocs.yml `hooks:`): what the macros plugin cannot do because it sees only Markdown.

- Show every mermaid diagram as the SVG drawn ahead of time (macros/diagrams.py), before print-site
  collects the page for the Print / PDF page.
- Give each row of a reference table its own search entry (macros/search_rows.py).
- Quiet the per-page INFO chatter of mermaid2 and macros, so `dev.py serve` shows what matters.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.utils import get_relative_url

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # MkDocs loads a hook as a lone file; the package sits beside it
    sys.path.insert(0, str(ROOT))

from macros import diagrams, search_rows, tables  # noqa: E402

for noisy in ("mkdocs.plugins.mermaid2.util", "mkdocs.plugins.mkdocs_macros.util"):
    logging.getLogger(noisy).setLevel(logging.WARNING)

log = logging.getLogger("mkdocs.hooks.diagrams")
_state: dict = {}


def on_config(config):
    root = Path(config.config_file_path).parent
    library = root / diagrams.LIBRARY
    if not library.is_file():
        raise PluginError(f"{diagrams.LIBRARY}: the vendored mermaid is missing (tools/vendor_mermaid.py)")
    _state.update(
        cache=root / diagrams.CACHE_DIR,
        version=diagrams.mermaid_version(library),
        url=diagrams.CACHE_DIR.relative_to("docs").as_posix() + "/",
        rows={},
        template=tables.jinja_env().get_template("diagram.html"),
    )
    return config


@event_priority(50)  # before print-site (priority 0) saves the page's HTML for the print page
def on_page_content(html, page, config, files):
    if 'class="mermaid"' not in html:
        return html
    # Page-relative, so it works under any site path; print-site rebases it for the print page.
    folder = get_relative_url(_state["url"] + "x", page.url)[:-1]
    result = diagrams.substitute(html, _state["cache"], _state["version"], folder, _state["template"])
    if result.missing:
        # INFO, not WARNING: while a contributor edits a diagram, `serve` draws it in the browser instead;
        # the test suite fails until `python3 dev.py diagrams` has drawn it.
        log.info("%s: %d diagram(s) not drawn ahead of time yet, run: python3 dev.py diagrams",
                 page.file.src_uri, len(result.missing))
    return result.html


@event_priority(-50)  # after the page is final, whatever other plugins did to it
def on_post_page(output, page, config):
    if page.file.src_uri.startswith("reference/"):
        _state["rows"][page.file.src_uri] = search_rows.table_rows(output, page.url)
    return output


@event_priority(-50)  # after Material's search plugin has written its index
def on_post_build(config):
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.is_file():
        return
    order = _state.get("order", [])
    rows = [r for src in sorted(_state["rows"], key=lambda s: order.index(s) if s in order else len(order))
            for r in _state["rows"][src]]
    index = search_rows.add_to_index(json.loads(index_file.read_text(encoding="utf-8")), rows)
    index_file.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_nav(nav, config, files):
    _state["order"] = [p.file.src_uri for p in nav.pages]  # a row shown on two pages is indexed from the first
    return nav
