#!/usr/bin/env python3
"""Screenshots of built pages for a visual check: desktop, 390 px phone, dark mode and the print page.

    python3 dev.py build && .venv/bin/python tools/screenshots.py [page-path ...]

Writes PNGs to bench/screenshots/. Uses the system Chromium (or Playwright's) like the browser tests.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from conftest import launch_chromium, serve_site  # noqa: E402

OUT = ROOT / "bench" / "screenshots"
DEFAULT_PAGES = ["", "domain-1/task-1-1/", "reference/services/", "reference/inference/", "coverage/"]


def main(pages: list[str]) -> None:
    from playwright.sync_api import sync_playwright

    server, base = serve_site(ROOT / "site")
    OUT.mkdir(parents=True, exist_ok=True)
    views = {
        "desktop": dict(viewport={"width": 1366, "height": 900}),
        "mobile": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
        "dark": dict(viewport={"width": 1366, "height": 900}, color_scheme="dark"),
    }
    with sync_playwright() as p:
        browser = launch_chromium(p)
        for view, options in views.items():
            context = browser.new_context(**options)
            page = context.new_page()
            for target in pages:
                page.goto(base + target, wait_until="networkidle")
                page.wait_for_timeout(800)
                name = (target.strip("/").replace("/", "_") or "home") + f"-{view}.png"
                page.screenshot(path=OUT / name, full_page=False)
                print(OUT / name)
            context.close()
        page = browser.new_page(viewport={"width": 1000, "height": 1300})
        page.goto(base + "print_page/", wait_until="networkidle")
        page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=30000)
        page.emulate_media(media="print")
        page.screenshot(path=OUT / "print_page.png")
        page.pdf(path=OUT / "guide.pdf", format="A4", print_background=True)
        print(OUT / "print_page.png", OUT / "guide.pdf")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(sys.argv[1:] or DEFAULT_PAGES)
