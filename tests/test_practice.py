"""The practice pages in headless Chromium: a task page's quiz (all four question types, by keyboard), the
mock exam (flag, pause, reload, results), progress (marks, export, import, reset, damaged data), flashcards,
and that only the pages that use the question bank load it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

AXE = Path(__import__("axe_playwright_python").__file__).parent / "axe.min.js"
KEY = "mla-c01-practice/v1"


@pytest.fixture(scope="module")
def bank(site) -> dict:
    return json.loads((site / "assets/practice/bank.json").read_text(encoding="utf-8"))


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    page.errors = []
    page.requests = []
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: page.requests.append(r.url))
    return page


def open_quiz(page, base_url, task="1.1"):
    page.goto(f"{base_url}domain-{task[0]}/task-{task.replace('.', '-')}/")
    assert not any("/assets/practice/" in u for u in page.requests), "the quiz loaded before it neared the screen"
    page.locator("#practice").scroll_into_view_if_needed()
    page.wait_for_selector("[data-practice='quiz'][data-ready]")
    page.get_by_label("All at once").check()
    return page.locator(".quiz__item")


def item_for(items, question_id):
    return items.filter(has=items.page.locator(f"[data-question='{question_id}']"))


def answer(item, q, right=True):
    """Answer one question in the page, with the keyboard where the type allows."""
    if q["type"] in ("multiple-choice", "multiple-response"):
        for i, option in enumerate(q["options"]):
            if option["correct"] == right:
                item.locator(f"input[value='{i}']").check()
                if q["type"] == "multiple-choice":
                    break
    elif q["type"] == "ordering":
        texts = [re.sub(r"<[^>]+>", "", s["text"]) for s in q["steps"]]
        for position, text in enumerate(texts):  # selection sort with the Up buttons, by keyboard
            while True:
                shown = [t.strip() for t in item.locator(".pq__step-text").all_inner_texts()]
                now = next(i for i, t in enumerate(shown) if t.startswith(text[:30]))
                if now == position:
                    break
                item.locator(".pq__step").nth(now).locator(".pq__move").first.focus()
                item.page.keyboard.press("Enter")
    else:
        for i, pair in enumerate(q["pairs"]):
            item.locator("select").nth(i).select_option(label=re.sub(r"<[^>]+>", "", pair["right"]))


def test_quiz_answers_every_type_by_keyboard_and_explains(page, base_url, bank):
    items = open_quiz(page, base_url)
    questions = [q for q in bank["questions"] if q["task"] == "1.1"]
    assert items.count() == len(questions)
    assert any("/assets/practice/1.1.json" in u for u in page.requests)
    assert not any(u.endswith("/assets/practice/bank.json") for u in page.requests), "a task page loads only its task"
    for kind in ("multiple-choice", "multiple-response", "ordering", "matching"):
        q = next(q for q in questions if q["type"] == kind)
        item = item_for(items, q["id"])
        answer(item, q)
        item.get_by_role("button", name="Check answer").click()
        feedback = item.locator(".pq__feedback")
        assert feedback.is_visible()
        assert feedback.evaluate("el => el === document.activeElement"), "focus moves to the feedback"
        assert "Right." in feedback.inner_text(), (kind, feedback.inner_text()[:300])
        assert feedback.locator("a[href*='#1-1-']").count() >= 1, "links the section that teaches it"
        assert feedback.locator("a[href^='https://docs.aws.amazon.com'], a[href^='https://aws.amazon.com']").count() >= 1
        if q.get("options"):
            assert feedback.locator(".pq__why").count() == len(q["options"]), "every option explained"
    assert page.locator(".quiz__score").inner_text() == f"4 of {len(questions)} checked · 4 right"
    assert not page.errors


def test_quiz_wrong_answer_and_empty_check(page, base_url, bank):
    items = open_quiz(page, base_url, "1.2")
    q = next(q for q in bank["questions"] if q["task"] == "1.2" and q["type"] == "multiple-choice")
    item = item_for(items, q["id"])
    item.get_by_role("button", name="Check answer").click()
    error = item.locator(".pq__error")
    assert error.is_visible() and error.get_attribute("role") == "alert"
    assert item.locator("fieldset").get_attribute("aria-describedby") == error.get_attribute("id")
    wrong = next(i for i, o in enumerate(q["options"]) if not o["correct"])
    item.locator(f"input[value='{wrong}']").check()
    assert not error.is_visible()
    item.get_by_role("button", name="Check answer").click()
    text = item.locator(".pq__feedback").inner_text()
    assert "Not quite." in text and "YOUR CHOICE, WRONG" in text.upper() and "RIGHT ANSWER" in text.upper()
    item.get_by_role("button", name="Try this one again").click()
    assert item_for(items, q["id"]).get_by_role("button", name="Check answer").is_visible()


def test_one_at_a_time_navigation(page, base_url):
    page.goto(f"{base_url}domain-1/task-1-3/")
    page.locator("#practice").scroll_into_view_if_needed()
    page.wait_for_selector("[data-practice='quiz'][data-ready]")
    page.get_by_label("One at a time").check()
    assert page.locator(".quiz__item:visible").count() == 1
    page.get_by_role("button", name="Next question").click()
    assert "Question 2 of" in page.locator(".quiz__item:visible .pq__meta").inner_text()
    assert page.evaluate("document.activeElement.classList.contains('pq__legend')")


def axe_violations(page, selector=None):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("sel => axe.run(sel ? document.querySelector(sel) : document, {resultTypes: ['violations']})", selector)
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_in_quiz_and_exam(page, base_url, bank, scheme):
    page.emulate_media(color_scheme=scheme)
    items = open_quiz(page, base_url)
    for q in [q for q in bank["questions"] if q["task"] == "1.1"][:3]:
        answer(item_for(items, q["id"]), q, right=q["type"] != "multiple-choice")
        item_for(items, q["id"]).get_by_role("button", name="Check answer").click()
    assert axe_violations(page, ".practice") == []
    page.goto(f"{base_url}practice/mock-exam/")
    page.get_by_role("button", name="Start the exam").click()
    page.get_by_role("button", name="Question list").click()
    assert axe_violations(page, ".practice") == []


def test_phone_quiz_fits_and_buttons_are_big_enough(browser, base_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{base_url}domain-1/task-1-1/")
    page.locator("#practice").scroll_into_view_if_needed()
    page.wait_for_selector("[data-practice='quiz'][data-ready]")
    page.get_by_label("All at once").check()
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, f"the page scrolls sideways: {wide}px"
    small = page.evaluate("""[...document.querySelectorAll('.practice button:not([hidden]), .practice select')]
        .filter(b => b.offsetParent).map(b => b.getBoundingClientRect()).filter(r => r.height < 24).length""")
    assert small == 0
    context.close()


@pytest.mark.parametrize("path", ["practice/mock-exam/", "practice/flashcards/", "practice/progress/"])
def test_practice_apps_fit_a_phone(browser, base_url, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(base_url + path)
    page.wait_for_selector("[data-practice][data-ready]")
    if "mock-exam" in path:
        page.get_by_role("button", name="Start the exam").click()
        page.get_by_role("button", name="Question list").click()
    over = page.evaluate("""[...document.querySelectorAll('.practice *')].filter(e => e.getBoundingClientRect().right > 391)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    assert over == [], f"wider than the phone: {over}"
    context.close()


def test_mock_exam_flag_pause_reload_and_results(page, base_url, bank):
    page.goto(f"{base_url}practice/mock-exam/")
    page.wait_for_selector("[data-practice='exam'][data-ready]")
    assert any(u.endswith("/assets/practice/bank.json") for u in page.requests)
    intro = page.locator(".practice").inner_text()
    domain_1 = sum(1 for q in bank["questions"] if q["domain"] == 1)
    expected = min(18, domain_1) + sum(min(n, sum(1 for q in bank["questions"] if q["domain"] == d)) for d, n in ((2, 17), (3, 14), (4, 16)))
    if expected < 65:
        assert f"A full exam today has {expected} questions" in intro, "a short bank is said plainly"
    page.get_by_role("button", name="Start the exam").click()
    clock = page.locator(".exam__time")
    assert clock.inner_text().startswith(f"{expected * 2 // 60}:"), clock.inner_text()
    # Answer question 1 right, flag question 2, leave the rest.
    first_id = page.locator(".exam__stage [data-question]").get_attribute("data-question")
    q1 = next(q for q in bank["questions"] if q["id"] == first_id)
    answer(page.locator(".exam__stage"), q1)
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Flag for review").check()
    page.get_by_role("button", name="Pause").click()
    assert page.locator(".exam__stage").is_hidden()
    paused_at = clock.inner_text()
    page.wait_for_timeout(1500)
    assert clock.inner_text() == paused_at, "a paused clock does not run"
    page.reload()
    page.wait_for_selector("[data-practice='exam'][data-ready]")
    assert page.get_by_role("button", name="Resume").is_visible(), "a reload resumes the exam, paused"
    page.get_by_role("button", name="Resume").click()
    assert page.get_by_label("Flag for review").is_checked(), "the flag survived the reload"
    page.get_by_role("button", name="Question list").click()
    jump = page.locator(".exam__jump").first
    assert "answered" in jump.get_attribute("aria-label") and "not answered" not in jump.get_attribute("aria-label")
    assert "flagged" in page.locator(".exam__jump").nth(1).get_attribute("aria-label")
    page.get_by_role("button", name="Review and submit").click()
    assert "Flagged for review" in page.locator(".practice").inner_text()
    page.get_by_role("button", name="Submit the exam").click()
    result = page.locator(".practice").inner_text()
    assert f"1 of {expected} right" in result
    assert "Score by domain" in result and "Score by task" in result and "720" in result
    assert page.locator(".exam__reread a").count() >= 1
    assert page.locator(".exam__review > li").count() == expected
    page.get_by_label("Show only the questions I missed").check()
    assert page.locator(".exam__review > li").count() == expected - 1
    assert not page.errors


def test_progress_marks_export_import_reset(page, base_url, bank, tmp_path):
    items = open_quiz(page, base_url)
    q = next(q for q in bank["questions"] if q["task"] == "1.1" and q["type"] == "multiple-choice")
    answer(item_for(items, q["id"]), q)
    item_for(items, q["id"]).get_by_role("button", name="Check answer").click()
    page.reload()
    mark = page.locator(f"[id='{q['objectives'][0].replace('.', '-').lower()}'] + .progress-mark-line")
    mark.wait_for()
    assert "1 of 1 right" in mark.inner_text()
    page.goto(f"{base_url}coverage/")
    page.locator(".progress-mark").first.wait_for()
    page.goto(f"{base_url}practice/progress/")
    page.wait_for_selector("[data-practice='progress'][data-ready]")
    text = page.locator(".practice").inner_text()
    in_task = sum(1 for x in bank["questions"] if x["task"] == "1.1")
    assert f"1 of {len(bank['questions'])}" in text and f"1 of {in_task}" in text
    with page.expect_download() as download:
        page.get_by_role("button", name="Export to a file").click()
    saved = tmp_path / "progress.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["answers"][q["id"]]["ok"] is True
    page.get_by_role("button", name="Reset…").click()
    page.get_by_role("button", name="Yes, reset my progress").click()
    assert "has been reset" in page.locator(".practice__notice").inner_text()
    assert "Nothing answered yet" in page.locator(".practice").inner_text()
    page.set_input_files("#progress-import", str(saved))
    page.wait_for_function("document.querySelector('.practice__notice').textContent.includes('Imported')")
    assert "1 of" in page.locator(".progress__total").inner_text()
    bad = tmp_path / "bad.json"
    bad.write_text('{"version": 99}')
    page.set_input_files("#progress-import", str(bad))
    page.wait_for_function("document.querySelector('.practice__notice').textContent.includes('Could not import')")
    assert "1 of" in page.locator(".progress__total").inner_text(), "a bad import changes nothing"


@pytest.mark.parametrize("stored", ['{"version": 0, "answers": []}', "not json at all", '{"version": 1, "answers": {"x": 3}}'])
def test_damaged_or_old_progress_is_reset_with_a_message(page, base_url, stored):
    page.goto(base_url)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    for path in ("practice/progress/", "practice/mock-exam/"):
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
        page.goto(base_url + path)
        page.wait_for_selector("[data-practice][data-ready]")
        assert "could not be read" in page.locator(".practice__notice").first.inner_text()
        assert json.loads(page.evaluate("k => localStorage.getItem(k)", KEY))["version"] == 1
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, stored])
    page.goto(f"{base_url}domain-1/task-1-1/")
    page.wait_for_timeout(500)
    assert not page.errors


def test_flashcards_filter_and_review_loop(page, base_url, site):
    deck = json.loads((site / "assets/practice/cards.json").read_text(encoding="utf-8"))
    page.goto(f"{base_url}practice/flashcards/")
    page.wait_for_selector("[data-practice='cards'][data-ready]")
    page.get_by_label("Task").select_option("1.2")
    page.get_by_label("Include glossary terms").uncheck()
    count = sum(1 for c in deck["cards"] if c["task"] == "1.2" and c["kind"] == "cue")
    assert page.locator(".cards__status").inner_text().startswith(f"{count} cards to review")
    front = page.locator(".card__front").inner_text()
    assert any(re.sub(r"<[^>]+>", "", c["front"]) == front for c in deck["cards"] if c["task"] == "1.2")
    page.get_by_role("button", name="Show the answer").click()
    page.get_by_role("button", name="Good").click()
    assert page.locator(".card__side").first.inner_text().startswith(f"{count - 1} to go")
    page.get_by_role("button", name="Show the answer").click()
    page.get_by_role("button", name="Again").click()
    assert page.locator(".card__side").first.inner_text().startswith(f"{count - 1} to go"), "an 'again' card stays"
    page.reload()
    page.wait_for_selector("[data-practice='cards'][data-ready]")
    page.get_by_label("Task").select_option("1.2")
    page.get_by_label("Include glossary terms").uncheck()
    assert page.locator(".cards__status").inner_text().startswith(f"{count - 1} cards to review"), "'good' is remembered"
    assert "not due yet" in page.locator(".cards__status").inner_text()


def test_anki_deck_is_published(site):
    text = (site / "mla-c01-flashcards.txt").read_text(encoding="utf-8")
    assert text.startswith("#separator:tab") and text.count("\n") > 100


def test_pages_without_practice_load_none_of_it(page, base_url):
    page.goto(f"{base_url}reference/services/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in page.requests if "/assets/practice/" in u or "/javascripts/practice/" in u]


def test_printable_bank_puts_answers_at_the_end(page, base_url, bank):
    page.goto(f"{base_url}print_page/")
    text = page.locator("article").inner_text()
    first_question = text.index(re.sub(r"<[^>]+>", "", bank["questions"][0]["stem"])[:60])
    answers = text.index("Answers and explanations")
    assert first_question < answers
    assert text.count("Answer: ") >= sum(1 for q in bank["questions"] if q.get("options"))
    assert text.index("Answer: ") > answers, "no answer beside its question"
