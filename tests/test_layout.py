"""Every table on every page fits the box that shows it: on a 1366 px laptop, a 390 px phone, and printed on A4.

A table "fits" when it is no wider than the element that holds it (its scroll box, or the article) and has
nothing hidden to its right inside its own scroll area. Collapsed detail rows are opened first, as
Material does before printing, so what they hold is measured too. Diagrams must not shrink their labels
below 75% of the body text on a laptop.
"""

from __future__ import annotations

import pytest

from macros.diagrams import LABEL_PX

pytestmark = pytest.mark.browser

#: Printed page: A4 (210 mm) less the 12 mm side margins of the @page rule in extra.css, in CSS pixels.
A4_CONTENT_PX = round((210 - 2 * 12) / 25.4 * 96)

LAYOUTS = {
    "desktop-1366": dict(viewport={"width": 1366, "height": 900}),
    "phone-390": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
    "print-a4": dict(viewport={"width": A4_CONTENT_PX, "height": 1100}),
}

MEASURE = """() => {
  document.querySelectorAll('article details:not([open])').forEach(d => d.open = true);
  const out = [];
  const article = document.querySelector('article');
  document.querySelectorAll('article table').forEach((table, i) => {
    const box = table.parentElement.closest('.table-scroll, .md-typeset__scrollwrap, .md-typeset__table') || article;
    const width = table.getBoundingClientRect().width;
    const room = Math.min(box.clientWidth, article.clientWidth);
    const hidden = table.scrollWidth - table.clientWidth;
    if (width > room + 1 || hidden > 1) {
      const caption = table.caption ? table.caption.textContent : (table.querySelector('th') || table).textContent;
      out.push(`table ${i + 1} "${caption.trim().slice(0, 50)}": ${Math.round(width)}px wide in ${room}px` +
               (hidden > 1 ? `, ${hidden}px hidden in its own scroll` : ''));
    }
  });
  const page = document.documentElement.scrollWidth - window.innerWidth;
  if (page > 0) out.push(`the page scrolls sideways by ${page}px`);
  return out;
}"""


def all_pages(site) -> list[str]:
    return sorted(str(p.parent.relative_to(site)).replace(".", "") + "/" for p in site.rglob("index.html"))


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_table_fits_its_box(browser, base_url, site, layout):
    context = browser.new_context(**LAYOUTS[layout])
    page = context.new_page()
    if layout.startswith("print"):
        page.emulate_media(media="print")
    problems = []
    for path in all_pages(site):
        path = path.lstrip("/")
        page.goto(base_url + path, wait_until="load")
        problems += [f"{path or 'home'}: {p}" for p in page.evaluate(MEASURE)]
    context.close()
    assert not problems, f"{len(problems)} overflow(s) at {layout}:\n" + "\n".join(problems)



@pytest.mark.parametrize("width", [1220, 1366])  # 1220 px: the narrowest screen Material shows the tabs on
def test_every_header_tab_is_in_view(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    cut = page.evaluate("""() => {
      const list = document.querySelector('.md-tabs__list');
      const right = list.getBoundingClientRect().right;
      return [...list.querySelectorAll('.md-tabs__link')]
        .filter(a => a.getBoundingClientRect().right > right + 0.5).map(a => a.textContent.trim());
    }""")
    context.close()
    assert cut == [], f"header tabs cut off or scrolled out of view at {width} px: {cut}"

LABELS = """px => {
  const body = parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize);
  // the drawing shown: inline SVG (first screen) or the image for the current colour scheme
  const shown = [...document.querySelectorAll('article figure.diagram :is(.diagram__sized > svg, img)')]
    .filter(el => el.offsetParent || el.closest('.diagram__sized'));
  return shown.map((el, i) => {
    const own = el.tagName === 'IMG' ? el.naturalWidth : el.viewBox.baseVal.width;
    // an image's naturalWidth is the drawing's own size only if the SVG file states it
    const sized = el.tagName !== 'IMG' || (el.complete && Math.abs(el.naturalWidth - el.getAttribute('width')) <= 1);
    return {i: i + 1, body, label: px * el.getBoundingClientRect().width / own, loaded: sized,
            link: !!el.closest('figure').querySelector('figcaption a[href$=".svg"]')};
  });
}"""


def test_diagrams_are_legible_on_a_laptop_and_open_full_size(browser, base_url, site):
    context = browser.new_context(**LAYOUTS["desktop-1366"])
    page = context.new_page()
    problems, seen = [], 0
    for path in all_pages(site):
        path = path.lstrip("/")
        if path == "print_page/":
            continue
        page.goto(base_url + path, wait_until="load")
        page.wait_for_load_state("networkidle")
        for d in page.evaluate(LABELS, LABEL_PX):
            seen += 1
            if not d["loaded"] or d["label"] < 0.75 * d["body"] - 0.01:
                problems.append(f"{path}: diagram {d['i']} (loaded at its own size: {d['loaded']}) shows its labels at "
                                f"{d['label']:.1f}px against body text {d['body']:.1f}px")
            if not d["link"]:
                problems.append(f"{path}: diagram {d['i']} has no full-size link")
    context.close()
    assert seen >= 6, f"only {seen} pre-rendered diagrams found"
    assert not problems, "\n".join(problems)
