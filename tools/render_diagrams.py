#!/usr/bin/env python3
"""Draw every mermaid diagram of docs/ to SVG, ahead of time: `python3 dev.py diagrams`.

Each diagram is rendered once in headless Chromium with the vendored mermaid, Material's own diagram
theme and the guide's diagram font, and saved twice, with the theme's colours resolved for the light and
the dark scheme: docs/assets/diagrams/<key>.svg and <key>.dark.svg, where the key hashes the diagram's
source and the mermaid build. The build (macros/hooks.py) shows them as images. Only missing SVGs are drawn (`--force` redraws all);
SVGs that no diagram uses any more are deleted. Commit the folder with the page you changed.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from macros import diagrams  # noqa: E402

import material  # noqa: E402

MATERIAL = Path(material.__file__).parent / "templates" / "assets"

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
{links}
</head>
<body dir="ltr" data-md-color-scheme="default" data-md-color-primary="deep-purple" data-md-color-accent="orange">
<div class="md-typeset" id="stage" style="width: 688px"></div>
<script src="{mermaid}"></script>
</body></html>
"""

RENDER = """async ({items, themeCSS, labelPx}) => {
  const font = getComputedStyle(document.body).getPropertyValue('--md-mermaid-font-family').trim();
  mermaid.initialize({
    startOnLoad: false, themeCSS, fontFamily: font, fontSize: labelPx,
    // Compact flowcharts: labels wrap at 150 px and nodes sit closer, so trees stay narrow enough to
    // read in a 688 px column (macros/diagrams.py explains the legibility floor).
    flowchart: {nodeSpacing: 25, rankSpacing: 35, wrappingWidth: 150, padding: 8},
    sequence: {actorFontSize: '16px', messageFontSize: '16px', noteFontSize: '16px'},
  });
  // The theme's CSS variables, resolved in one colour scheme: an SVG shown as an image sees no page CSS.
  const resolve = (svg, scheme) => {
    document.body.setAttribute('data-md-color-scheme', scheme);
    const names = [...new Set(svg.match(/--md-[\\w-]+/g) || [])];
    const style = getComputedStyle(document.body);
    return names.map(n => `${n}:${style.getPropertyValue(n).trim()}`).filter(v => !v.endsWith(':'));
  };
  const out = {};
  for (const [key, source] of items) {
    document.body.setAttribute('data-md-color-scheme', 'default');
    const {svg} = await mermaid.render('diagram-' + key, source, document.getElementById('stage'));
    out[key] = {svg, light: resolve(svg, 'default'), dark: resolve(svg, 'slate')};
  }
  return out;
}"""


def theme_css() -> str:
    """Material's mermaid theme, as its bundle passes it to mermaid.initialize()."""
    bundle = next((MATERIAL / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    found = re.search(r'"(\.node circle,[^"]*)"', bundle)
    if not found:
        sys.exit("render_diagrams: Material's mermaid theme CSS not found in its bundle (Material upgraded?)")
    return found.group(1)


def finish(svg: str, variables: list[str]) -> str:
    """Mermaid's SVG as a file of its own: its natural size as width and height (mermaid writes 100%, which
    leaves an image without an intrinsic size), and the theme's variables resolved for one colour scheme
    under `svg:root` (the SVG is the document when shown as an image or opened full size)."""
    width, height = diagrams.natural_size(svg)
    svg = re.sub(r'(<svg\b[^>]*?) width="100%"', rf'\1 width="{width:g}" height="{height:g}"', svg, count=1)
    svg = re.sub(r'(<svg\b[^>]*?) style="max-width: [\d.]+px;"', r"\1", svg, count=1)
    style = "<style>svg:root{" + ";".join(variables) + "}</style>"
    return re.sub(r"(<svg\b[^>]*>)", lambda m: m.group(1) + style, svg, count=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="redraw every diagram")
    args = parser.parse_args()

    cache = ROOT / diagrams.CACHE_DIR
    version = diagrams.mermaid_version(ROOT / diagrams.LIBRARY)
    wanted = diagrams.expected(ROOT / "docs", version)
    todo = {k: s for k, s in wanted.items() if args.force or not all(f.is_file() for f in diagrams.files(cache, k).values())}
    for old in diagrams.stale(cache, wanted):
        old.unlink()
        print(f"removed {old.relative_to(ROOT)} (no diagram uses it)")
    if not todo:
        print(f"render_diagrams: all {len(wanted)} diagrams are drawn")
        return 0

    from conftest import launch_chromium
    from playwright.sync_api import sync_playwright

    css = [next((MATERIAL / "stylesheets").glob(f"{n}.*.min.css")) for n in ("main", "palette")]
    css.append(ROOT / "docs/assets/stylesheets/extra.css")
    links = "\n".join(f'<link rel="stylesheet" href="{p.as_uri()}">' for p in css)
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        page_file = Path(tmp) / "render.html"
        page_file.write_text(PAGE.format(links=links, mermaid=(ROOT / diagrams.LIBRARY).as_uri()), encoding="utf-8")
        browser = launch_chromium(p)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(page_file.as_uri())
        page.wait_for_function("typeof mermaid !== 'undefined'")
        drawn = page.evaluate(RENDER, {"items": list(todo.items()), "themeCSS": theme_css(), "labelPx": diagrams.LABEL_PX})
        browser.close()
    if errors:
        sys.exit("render_diagrams: " + "; ".join(errors))
    for name, result in drawn.items():
        for scheme, target in diagrams.files(cache, name).items():
            target.write_text(finish(result["svg"], result[scheme]) + "\n", encoding="utf-8")
        width, height = diagrams.natural_size(result["svg"])
        print(f"drew {name} ({width:.0f} x {height:.0f} px, light and dark): {todo[name].splitlines()[1].strip()[:60]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
