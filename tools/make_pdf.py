#!/usr/bin/env python3
"""The whole guide as one PDF: `python3 dev.py pdf` (after a strict build into site/).

Opens the Print / PDF page of the built site in headless Chromium, served on 127.0.0.1 under site_url's
path, opens every collapsed detail row (as Material does before printing) and prints it to A4 with
page numbers and PDF bookmarks from the headings. Diagrams are SVG (inline or as images), so they print
as vectors with real text.
Writes site/<extra.pdf of mkdocs.yml>, which the home page and the Print page link to.

    python3 tools/make_pdf.py [--site site] [--out path.pdf]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import launch_chromium, mkdocs_config, serve_site  # noqa: E402

FOOTER = (
    '<div style="width:100%;font-size:8px;color:#555;font-family:Arial,sans-serif;padding:0 12mm;'
    'display:flex;justify-content:space-between"><span>{title}</span>'
    '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>'
)


def pdf_name() -> str:
    return mkdocs_config()["extra"]["pdf"]


def make_pdf(site: Path, out: Path, browser=None) -> dict:
    """Print site/print_page/ to `out` with `browser` (a Playwright Chromium; one is started if None);
    returns what it measured."""
    server, base = serve_site(site)
    start = time.perf_counter()
    try:
        if browser is not None:
            _print(browser, base + "print_page/", out)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                own = launch_chromium(p)
                _print(own, base + "print_page/", out)
                own.close()
    finally:
        server.shutdown()
    return {"seconds": round(time.perf_counter() - start, 1), "bytes": out.stat().st_size}


def _print(browser, url: str, out: Path) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url, wait_until="networkidle")
    # A diagram not drawn ahead of time is drawn by the browser: wait for it rather than print its code.
    page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=60000)
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.emulate_media(media="print")
    out.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(
        path=str(out),
        format="A4",
        print_background=True,
        prefer_css_page_size=True,
        outline=True,
        tagged=True,
        display_header_footer=True,
        header_template="<span></span>",
        footer_template=FOOTER.format(title=mkdocs_config()["site_name"]),
    )
    page.close()
    if errors:
        raise RuntimeError("the print page logged errors: " + "; ".join(errors))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    if not (args.site / "print_page" / "index.html").is_file():
        sys.exit(f"make_pdf: {args.site}/print_page/ not found; build the site first (python3 dev.py build)")
    out = args.out or args.site / pdf_name()
    result = make_pdf(args.site, out)
    print(f"make_pdf: wrote {out} ({result['bytes'] / 1e6:.1f} MB) in {result['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
