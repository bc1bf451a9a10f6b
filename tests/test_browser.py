"""The built site in headless Chromium, served on 127.0.0.1. These never skip: without a browser they fail."""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "",
    "study-plan/",
    "domain-1/",
    "domain-1/task-1-1/",
    "reference/services/",
    "reference/algorithms/",
    "reference/inference/",
    "reference/glossary/",
    "coverage/",
    "practice/mock-exam/",
    "practice/flashcards/",
    "print_page/",
]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.requests = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    # Material draws diagrams into a closed shadow root; open it so the test can see the SVG.
    page.add_init_script(OPEN_SHADOW_ROOTS)
    yield page
    context.close()


OPEN_SHADOW_ROOTS = """
const attach = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (init) { return attach.call(this, { ...init, mode: "open" }); };
"""


def test_search_for_parquet_lands_on_task_1_1(page, base_url):
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially("Parquet", delay=50)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    page.wait_for_timeout(500)
    top = page.evaluate("[...document.querySelectorAll('.md-search-result__item')].slice(0, 3)"
                        ".map(li => li.querySelector('a').getAttribute('href'))")
    assert any("/domain-1/task-1-1/" in href for href in top), f"task 1.1 is in the top three: {top}"
    # A section result carries the query, and the page highlights it on arrival.
    section = page.locator(".md-search-result__item a[href*='task-1-1'][href*='h=parquet']").first
    section.click()
    page.wait_for_url("**/domain-1/task-1-1/**")
    page.locator("article mark").first.wait_for(timeout=10000)
    assert "parquet" in page.locator("article mark").first.inner_text().lower()


def test_diagrams_show_without_loading_mermaid(page, base_url):
    page.goto(base_url + "reference/inference/", wait_until="networkidle")  # first screen: inline SVG
    svg = page.locator("figure.diagram .diagram__sized svg")
    assert svg.is_visible() and svg.locator(".nodeLabel").count() > 5
    page.goto(base_url + "domain-1/task-1-1/", wait_until="networkidle")  # further down: images
    img = page.locator("figure.diagram img.diagram__light").first
    img.scroll_into_view_if_needed()
    assert img.is_visible() and img.evaluate("i => i.complete && Math.abs(i.naturalWidth - i.getAttribute('width')) <= 1")
    assert not page.locator("figure.diagram img.diagram__dark").first.is_visible()
    assert page.locator("figure.diagram details.diagram__text li").count() > 5, "a text version"
    assert not [u for u in page.requests if "mermaid" in u.rsplit("/", 1)[-1]], "a drawn diagram needs no mermaid"
    assert not [u for u in page.requests if u.endswith(".dark.svg")], "the hidden drawing is not fetched"
    assert not [u for u in page.requests if urlparse(u).hostname not in (None, "127.0.0.1")]


def test_dark_scheme_shows_dark_drawings(browser, base_url):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, color_scheme="dark")
    page = context.new_page()
    page.goto(base_url + "domain-1/task-1-1/", wait_until="networkidle")
    dark = page.locator("figure.diagram img.diagram__dark").first
    dark.scroll_into_view_if_needed()
    dark.evaluate("i => i.decode()")  # lazy: fetched once near the viewport
    image = dark.is_visible() and dark.evaluate("i => i.complete && Math.abs(i.naturalWidth - i.getAttribute('width')) <= 1")
    light_hidden = not page.locator("figure.diagram img.diagram__light").first.is_visible()
    page.goto(base_url + "reference/inference/", wait_until="networkidle")
    node_fill = page.evaluate("getComputedStyle(document.querySelector('figure.diagram .node rect')).fill")
    context.close()
    assert image and light_hidden
    assert node_fill != "rgb(255, 255, 255)" and node_fill, "the inline drawing takes the dark scheme's colours"


def test_full_size_link_opens_a_themed_standalone_svg(page, base_url):
    page.goto(base_url + "reference/data/")
    href = page.locator("figure.diagram figcaption a").first.get_attribute("href")
    page.goto(urljoin(page.url, href))
    fill = page.evaluate("getComputedStyle(document.querySelector('.node rect, .node polygon')).fill")
    assert fill not in ("", "none", "rgb(0, 0, 0)"), f"standalone diagram lost its theme colours ({fill})"


def test_a_diagram_not_drawn_yet_still_renders_in_the_browser(page, base_url):
    """While a contributor edits a diagram, its SVG is not cached yet: the lazy loader draws it instead."""
    def with_undrawn_diagram(route):
        html = route.fetch().text()
        start, end = html.index('<figure class="diagram">'), html.index("</figure>") + len("</figure>")
        undrawn = '<pre class="mermaid"><code>flowchart TD\n  A[Edited] --> B[Not drawn yet]</code></pre>'
        route.fulfill(body=html[:start] + undrawn + html[end:], content_type="text/html")

    page.route("**/reference/inference/", with_undrawn_diagram)
    page.goto(base_url + "reference/inference/")
    page.locator("div.mermaid svg").first.wait_for(timeout=15000)
    assert [u for u in page.requests if u.endswith("/assets/vendor/mermaid/mermaid.min.js")]
    assert not [u for u in page.requests if urlparse(u).hostname not in (None, "127.0.0.1")]


def test_diagram_renders_after_instant_navigation_without_a_cdn(page, base_url):
    page.goto(base_url + "reference/")
    # relative ("inference/"), or absolute once instant navigation has rewritten it
    page.locator("article a[href$='inference/']").first.click()
    page.wait_for_url("**/reference/inference/")
    page.locator("figure.diagram svg").first.wait_for(timeout=15000)
    outside = [u for u in page.requests if urlparse(u).hostname not in (None, "127.0.0.1")]
    assert outside == []


def test_print_page_has_every_diagram_drawn(page, base_url):
    page.goto(base_url + "print_page/", wait_until="networkidle")
    assert page.locator("pre.mermaid").count() == 0
    assert page.locator("figure.diagram").count() >= 6
    assert page.console_errors == []


def test_glossary_tooltip_appears_on_hover(page, base_url):
    page.goto(base_url + "domain-1/task-1-1/")
    page.locator("article abbr[title]").first.wait_for()
    # An abbreviation that sits on one line, so the pointer lands on it and nothing else.
    title = page.evaluate("""() => {
        const abbr = [...document.querySelectorAll('article p abbr[title]')].find(a => a.getClientRects().length === 1);
        abbr.setAttribute('data-test', 'tooltip');
        return abbr.getAttribute('title');
    }""")
    abbr = page.locator("abbr[data-test=tooltip]")
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    assert title.split(":")[0] in tooltip.inner_text()


def test_dark_mode_toggle_switches_scheme(page, base_url):
    page.goto(base_url)
    scheme = lambda: page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    seen = {scheme()}
    for _ in range(3):
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen.add(scheme())
    assert {"default", "slate"} <= seen


@pytest.mark.parametrize("path", PAGES)
def test_page_requests_nothing_from_other_hosts_and_logs_no_errors(page, base_url, path):
    page.goto(base_url + path, wait_until="networkidle")
    outside = [u for u in page.requests if urlparse(u).hostname not in (None, "127.0.0.1")]
    assert outside == [], f"requests to other hosts: {outside}"
    assert page.console_errors == [], page.console_errors


def test_no_tooltip_sticks_over_the_search_box_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.locator("label[for=__search]").first.tap()
    page.locator("input.md-search__input").fill("parquet")
    page.locator("button[type=reset]").tap()
    page.wait_for_timeout(500)
    tips = page.evaluate("[...document.querySelectorAll('.md-tooltip2, .md-tooltip')]"
                         ".filter(t => t.offsetParent && getComputedStyle(t).opacity !== '0').map(t => t.textContent)")
    context.close()
    assert tips == []
