"""Search finds the best section first: the words a learner types put the reference page or the section
that teaches it among the top three pages of results. Unwritten sections are not in the index."""

from __future__ import annotations

import json
import re

import pytest

from conftest import DATA, DOCS
from macros.data import load_catalogue
from macros.sections import scan_docs

pytestmark = pytest.mark.browser

# query -> a pattern that one of the first three result pages (or a section under them) must match
QUERIES = {
    "model monitor": r"reference/glossary/.*#model-monitor|domain-4/task-4-1/.*#4-1-",
    "XGBoost": r"reference/algorithms/",
    "real-time endpoint payload": r"reference/inference/",
    "serverless inference": r"reference/inference/",
    "batch transform": r"reference/inference/",
    "Parquet": r"domain-1/task-1-1/",
    "SMOTE": r"domain-1/task-1-3/",
    "Firehose": r"reference/(services|data)/",
    "Kinesis": r"reference/(services|data)/",
    "Comprehend": r"reference/(services|ai-services)/",
    "Textract": r"reference/(services|ai-services)/",
    # pre-training (data) or post-training (model) bias: either reference table or either teaching section
    "Clarify bias": r"domain-1/task-1-3/|reference/data/.*#(bias|pre-training-bias)"
                    r"|reference/model-development/.*#(ptbias|post-training-bias)|domain-2/task-2-3/.*#2-3-k4",
    "Hyperband": r"reference/model-development/.*#tune-hyperband|domain-2/task-2-2/",
    "disparate impact": r"reference/model-development/.*#ptbias-di|domain-2/task-2-3/",
    "warm pools": r"reference/model-development/.*#train-warm-pools|domain-2/task-2-2/",
    "hyperparameter tuning": r"domain-2/task-2-2/|reference/model-development/.*#tune",
    "F1 score": r"domain-2/task-2-3/|reference/model-development/.*#metric",
    # a SageMaker AI feature: its services row, its glossary entry or the section that teaches it
    "Model Registry": r"domain-2/task-2-2/.*#2-2-s9|reference/glossary/.*#model-registry"
                      r"|reference/services/.*#svc-sagemaker-ai",
    # Domain 4's comparison rows, or the section that teaches the choice
    "Savings Plans": r"reference/monitoring-security/.*#buy-|domain-4/task-4-2/.*#4-2-s10"
                     r"|reference/glossary/.*#sagemaker-savings-plans",
    "network isolation": r"reference/monitoring-security/.*#sec-network-isolation|domain-4/task-4-3/"
                         r"|reference/glossary/.*#network-isolation",
    "cost allocation tags": r"reference/monitoring-security/.*#cost-cost-allocation-tags|domain-4/task-4-2/.*#4-2-k6",
    "data drift": r"reference/glossary/.*#data-drift|domain-4/task-4-1/.*#4-1-k1",
    "CloudTrail": r"reference/monitoring-security/.*#(obs|sec)-cloudtrail|domain-4/task-4-2/.*#4-2-k3",
    "least privilege": r"domain-4/task-4-3/.*#4-3-(s1|k1)",
    "budget": r"reference/monitoring-security/.*#cost-budgets|reference/glossary/.*#aws-budgets|domain-4/task-4-2/",
    "VPC endpoint": r"reference/monitoring-security/.*#sec-interface-endpoints|domain-4/task-4-3/.*#4-3-k3"
                    r"|reference/glossary/.*#interface-vpc-endpoint",
    "mock exam": r"practice/mock-exam/",
    "practice questions": r"practice/",
    "flashcards anki": r"practice/flashcards/",
}


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url)
    yield page
    context.close()


def top_pages(page, query: str, n: int = 3) -> list[list[str]]:
    """The first n result pages, each as the hrefs of the page and its sections."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("Backspace")  # an empty query clears the list: results read below cannot be the previous query's
    page.wait_for_function("!document.querySelector('.md-search-result__item')", timeout=15000)
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    # The search worker answers each keystroke, and a large index answers slowly: wait until the results have
    # stopped changing (the answer to the whole query has landed), not a fixed time.
    read = """n => [...document.querySelectorAll('.md-search-result__item')].slice(0, n)
                    .map(li => [...li.querySelectorAll('a')].map(a => a.getAttribute('href')))"""
    previous, stable = None, 0
    for _ in range(40):
        page.wait_for_timeout(250)
        current = page.evaluate(read, n)
        stable = stable + 1 if current == previous else 0
        if stable >= 2:
            break
        previous = current
    return current


@pytest.mark.parametrize("query", QUERIES)
def test_query_puts_the_teaching_page_in_the_top_three(search_page, query):
    pages = top_pages(search_page, query)
    hrefs = [h for group in pages for h in group]
    assert any(re.search(QUERIES[query], h) for h in hrefs), f"{query!r}: top three were {pages}"


def test_exactly_the_written_sections_are_in_the_index(site):
    outline = load_catalogue(DATA).outline
    sections = scan_docs(DOCS, {o.id for o in outline.objectives})
    written = {o.anchor for o in outline.objectives if sections.get(o.id) and sections[o.id].status == "written"}
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = {m.group(1) for d in index["docs"] if (m := re.search(r"#([1-4]-[1-3]-[ks]\d+)$", d["location"]))}
    assert written, "some sections are written"
    assert indexed == written


def test_reference_table_rows_are_search_entries(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    rows = {d["location"]: d for d in index["docs"]}
    assert rows["reference/algorithms/#algo-xgboost"]["title"] == "XGBoost"
    assert "6 MB" in rows["reference/inference/#inf-real-time"]["text"]
    assert len([loc for loc in rows if loc.startswith("reference/services/#svc-")]) >= 88
    assert not [loc for loc in rows if loc.startswith("reference/ai-services/#svc-")], "each row is indexed once"


def test_table_rows_reads_rows_whatever_the_attribute_order():
    from macros import search_rows

    page = ('<tbody class="row-group">\n<tr id="algo-x"><th scope="row" class="name">X <span class="badge badge--info">'
            'formerly Y</span></th><td data-label="A">one &amp; two</td></tr><tr class="row-detail"><td><details>'
            '<summary>Exam cues</summary><dl><dt>Exam cues</dt><dd>"cue"</dd></dl></details></td></tr></tbody>'
            '<tbody class="row-group"><tr id="algo-z"><th class="name" scope="row">Z</th><td>three</td></tr></tbody>')
    rows = search_rows.table_rows(page, "reference/algorithms/")
    assert [(r.location, r.title) for r in rows] == [("reference/algorithms/#algo-x", "X"),
                                                     ("reference/algorithms/#algo-z", "Z")]
    assert rows[0].text == 'X formerly Y one & two Exam cues "cue"'
    index = {"docs": [{"location": "reference/algorithms/", "title": "A", "text": "", "boost": 3}]}
    search_rows.add_to_index(index, rows + [search_rows.RowEntry("reference/other/#algo-x", "X", "again")])
    assert [d["location"] for d in index["docs"]] == ["reference/algorithms/", "reference/algorithms/#algo-x",
                                                      "reference/algorithms/#algo-z"]
    assert index["docs"][1]["boost"] == 3


def test_search_index_loads_only_when_the_reader_searches(browser, base_url):
    """The index (the text of every page) is not fetched as a page loads, only once search is reached for."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(base_url + "reference/services/")
    page.wait_for_load_state("networkidle")
    assert not any(u.endswith("search/search_index.json") for u in requested)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Athena", delay=20)
    page.locator(".md-search-result__item a").first.wait_for(timeout=15000)
    assert any(u.endswith("search/search_index.json") for u in requested)
    context.close()
