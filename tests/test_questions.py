"""The question bank and the flashcards: the rules every question is held to, so that the domains written
later keep them, and the errors a bad question file gets (naming the file, the question and the field)."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from macros.data import DataError, load_catalogue
from macros.models import QUESTION_TYPES
from macros.practice import anki, bank, inline

from conftest import DATA

CAT = load_catalogue(DATA)
QUESTIONS = [q for f in CAT.questions.values() for q in f.questions]
CHOICE = [q for q in QUESTIONS if q.type == "multiple-choice"]
#: Domains whose questions are written; each objective of these has at least MIN_PER_OBJECTIVE questions.
WRITTEN_DOMAINS = [1, 2, 3, 4]
MIN_PER_OBJECTIVE = 2
#: No stored key position and no "the key is the longest option" above this share.
MAX_SHARE = 0.40


def test_domain_1_has_two_questions_per_objective_and_every_type():
    for domain in WRITTEN_DOMAINS:
        objectives = [o.id for t in CAT.outline.domains[domain - 1].tasks for o in t.objectives]
        counts = Counter(q.objectives[0] for q in QUESTIONS if q.objectives[0] in objectives)
        thin = {o: counts[o] for o in objectives if counts[o] < MIN_PER_OBJECTIVE}
        assert not thin, f"objectives with fewer than {MIN_PER_OBJECTIVE} questions: {thin}"
        mine = [q for q in QUESTIONS if q.task_id.startswith(f"{domain}.")]
        assert len(mine) >= MIN_PER_OBJECTIVE * len(objectives)
        assert {q.type for q in mine} == set(QUESTION_TYPES)


def test_a_case_study_has_three_or_more_questions():
    per_case = Counter(q.case for q in QUESTIONS if q.case)
    assert per_case and max(per_case.values()) >= 3, per_case
    for file in CAT.questions.values():
        for case in file.cases:
            assert per_case[case.id] >= 2, f"case {case.id} has only {per_case[case.id]} question"


def test_key_position_is_spread():
    """Options are shuffled on screen, but the print bank shows the stored order: no position may hold the
    key much more often than the others (multiple choice: 1 key of 4)."""
    positions = Counter(next(i for i, o in enumerate(q.options) if o.correct) for q in CHOICE)
    worst, count = positions.most_common(1)[0]
    assert count / len(CHOICE) <= MAX_SHARE, f"position {worst + 1} holds {count} of {len(CHOICE)} keys"
    for task, file in CAT.questions.items():  # and per file, once it has enough questions to count
        mc = [q for q in file.questions if q.type == "multiple-choice"]
        if len(mc) >= 10:
            top = Counter(next(i for i, o in enumerate(q.options) if o.correct) for q in mc).most_common(1)[0][1]
            assert top / len(mc) <= MAX_SHARE + 0.1, f"{task}: one position holds {top} of {len(mc)} keys"


def test_multiple_response_keys_are_not_the_first_options():
    """A multiple-response key that is always 'the first two' teaches a test-taker to lean to the top."""
    responses = [q for q in QUESTIONS if q.type == "multiple-response"]
    first = [q.id for q in responses if all(o.correct for o in q.options[: sum(o.correct for o in q.options)])]
    assert len(first) / len(responses) <= 0.25, f"keys are exactly the first options in {first}"


def test_the_key_is_not_given_away_by_length():
    longest = [q.id for q in CHOICE if max(q.options, key=lambda o: len(o.text)).correct]
    assert len(longest) / len(CHOICE) < MAX_SHARE, f"the key is the longest option in {longest}"


def test_every_option_says_why_and_no_option_gives_itself_away():
    for q in QUESTIONS:
        for option in getattr(q, "options", []):
            assert len(option.why.split()) >= 6, f"{q.id}: a 'why' that explains nothing: {option.why!r}"
            assert not re.search(r"\b(all|none) of the above\b", option.text, re.I), q.id


def test_stems_are_scenarios_that_ask_a_question():
    """Choice questions; an ordering or matching stem may be a one-line instruction."""
    for q in QUESTIONS:
        if q.type in ("multiple-choice", "multiple-response"):
            words = len(q.stem.split())
            assert words >= 18, f"{q.id}: a stem of {words} words is not a scenario"
            assert "?" in q.stem, f"{q.id}: the stem does not ask anything"


def test_multiple_response_stem_states_how_many():
    for q in QUESTIONS:
        if q.type == "multiple-response":
            n = sum(o.correct for o in q.options)
            assert f"(Select {['', '', 'TWO', 'THREE', 'FOUR'][n]}.)" in q.stem, q.id


def test_every_question_links_the_guide_and_aws():
    data = bank(CAT.outline, CAT.questions)
    for q in data["questions"]:
        assert q["sources"] and all(s["url"].startswith("https://") for s in q["sources"])
        for o in q["objectives"]:
            url = data["outline"]["objectives"][o]["url"]
            assert re.fullmatch(r"domain-\d/task-\d-\d/#\d-\d-[ks]\d+", url), url


def test_flashcards_cover_every_written_objective():
    for domain in WRITTEN_DOMAINS:
        objectives = {o.id for t in CAT.outline.domains[domain - 1].tasks for o in t.objectives}
        covered = {c.objective for cards in CAT.cards.values() for c in cards}
        assert objectives <= covered, sorted(objectives - covered)


def test_anki_file_has_headers_and_three_fields_per_card():
    text = anki(CAT.outline, CAT.cards, CAT.glossary, "https://example.org/guide/")
    lines = text.splitlines()
    assert lines[0] == "#separator:tab" and "#html:true" in lines and "#tags column:3" in lines
    notes = [line for line in lines if not line.startswith("#")]
    assert len(notes) == sum(len(c) for c in CAT.cards.values()) + len(CAT.glossary)
    assert all(line.count("\t") == 2 for line in notes)
    assert "https://example.org/guide/domain-1/task-1-1/#1-1-k1" in text


def test_inline_markup_is_escaped():
    assert inline("Use `a<b>` and **bold** & <script>") == "Use <code>a&lt;b&gt;</code> and <strong>bold</strong> &amp; &lt;script&gt;"


# ------------------------------------------------------------------ bad input


def broken(data_copy: Path, name: str, change) -> str:
    path = data_copy / name
    content = yaml.safe_load((DATA / name).read_text())  # each call breaks one thing in a clean copy
    change(content)
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True))
    try:
        with pytest.raises(DataError) as err:
            load_catalogue(data_copy)
    finally:
        shutil.copy(DATA / name, path)
    return str(err.value)


def test_two_keys_in_multiple_choice_names_file_question_and_field(data_copy):
    def change(c):
        q = next(q for q in c["questions"] if q["type"] == "multiple-choice")
        for o in q["options"][:2]:
            o["correct"] = True
        change.id = q["id"]

    message = broken(data_copy, "questions/1.1.yml", change)
    assert "questions/1.1.yml" in message and f"(id '{change.id}')" in message
    assert "field 'options'" in message and "exactly one correct" in message


def test_missing_why_and_unknown_type(data_copy):
    message = broken(data_copy, "questions/1.2.yml", lambda c: c["questions"][0]["options"][1].pop("why"))
    assert "question 1" in message and "field 'options.1.why'" in message and "Field required" in message
    message = broken(data_copy, "questions/1.2.yml", lambda c: c["questions"][0].update(type="true-false"))
    assert "question 1" in message and "'type'" in message


def test_multiple_response_must_say_how_many(data_copy):
    def change(c):
        q = next(q for q in c["questions"] if q["type"] == "multiple-response")
        q["stem"] = re.sub(r"\s*\(Select \w+\.\)", "", q["stem"])

    message = broken(data_copy, "questions/1.3.yml", change)
    assert "field 'stem'" in message and "Select" in message


def test_unknown_objective_case_and_duplicate_id(data_copy):
    message = broken(data_copy, "questions/1.1.yml", lambda c: c["questions"][0].update(objectives=["1.1.K99"]))
    assert "field 'objectives'" in message and "1.1.K99" in message
    message = broken(data_copy, "questions/1.1.yml", lambda c: c["questions"][0].update(case="no-such-case"))
    assert "field 'case'" in message and "no-such-case" in message
    message = broken(data_copy, "questions/1.2.yml", lambda c: c["questions"][1].update(id=c["questions"][0]["id"]))
    assert "field 'id'" in message and "already used" in message


def test_all_of_the_above_is_refused(data_copy):
    message = broken(data_copy, "questions/1.1.yml", lambda c: c["questions"][0]["options"][3].update(text="All of the above"))
    assert "question 1" in message and "all of the above" in message.lower()


def test_a_stray_file_and_a_bad_card(data_copy):
    (data_copy / "questions" / "extra.yml").write_text("questions: []\n")
    with pytest.raises(DataError, match=r"questions/extra.yml: expected one file per task"):
        load_catalogue(data_copy)
    (data_copy / "questions" / "extra.yml").unlink()
    message = broken(data_copy, "cards/1.1.yml", lambda c: c[0].update(objective="1.2.K1"))
    assert "cards/1.1.yml" in message and "entry 1" in message and "field 'objective'" in message
