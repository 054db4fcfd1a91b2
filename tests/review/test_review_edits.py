"""The review page's edits as pure functions of the quiz file's data (no app, no file)."""

from __future__ import annotations

import pytest
from review_quiz import Q1_ALTERNATIVES, quiz_data

from quizgen.review.edits import (
    ALTERNATIVES,
    MAX_TEXT,
    SOURCES,
    Draft,
    EditError,
    alternative_texts,
    apply,
    clean,
    lines,
    next_id,
)
from quizgen.review.page import find_sentence, passage_view


@pytest.fixture
def draft() -> Draft:
    return Draft(quiz_data())


def ids(draft: Draft) -> list[str]:
    return [i["id"] for i in draft.written()["items"]]


def test_an_edit_never_changes_the_draft_it_was_given(draft):
    before = repr(draft)
    for op, args in [
        ("prompt", {"item": "q1", "value": "Who?"}),
        ("swap", {"item": "q1", "index": 0, "value": "Mungo Park"}),
        ("pair", {"item": "q6", "index": 0, "side": 0, "value": "Speke"}),
        ("drop", {"item": "q2"}),
        ("move", {"item": "q2", "by": 1}),
        ("add", {"item": "", "kind": "short_answer", "prompt": "Why?", "answer": "floods"}),
    ]:
        apply(draft, op, args)
    assert repr(draft) == before


def test_drop_and_keep_leave_the_item_in_the_draft(draft):
    dropped = apply(draft, "drop", {"item": "q3"})
    assert "q3" not in ids(dropped) and len(dropped.data["items"]) == 6
    assert ids(apply(dropped, "keep", {"item": "q3"})) == ids(draft)


def test_an_item_of_your_own_has_no_rule_and_no_evidence(draft):
    added = apply(
        draft,
        "add",
        {
            "item": "q1",
            "kind": "multiple_choice",
            "prompt": "Which lake?",
            "answer": "Victoria",
            "options": "Tana\nChad\nAlbert",
        },
    )
    new = added.data["items"][1]
    assert new["id"] == "q7" and "rule" not in new and "evidence" not in new
    assert sorted(new["options"]) == ["Albert", "Chad", "Tana", "Victoria"]
    assert new["answer"] == "Victoria" and new["options"].index("Victoria") == 6 % 4
    assert "skill" not in new  # the quiz file has no skills yet
    with_skill = apply(
        draft,
        "add",
        {
            "item": "",
            "kind": "true_false",
            "prompt": "It floods.",
            "answer": "true",
            "skill": "cause",
        },
        new_skill=True,
    )
    assert with_skill.data["items"][-1]["skill"] == "cause"


def test_swap_puts_the_old_option_in_reserve_in_the_reserves_shape(draft):
    swapped = apply(draft, "swap", {"item": "q1", "index": 3, "value": "Henry Stanley"})
    q1 = swapped.data["items"][0]
    assert q1["options"][3] == "Henry Stanley"
    assert q1[ALTERNATIVES] == ["Samuel Baker", "Mungo Park"]
    data = quiz_data()
    data["items"][0][ALTERNATIVES] = [{"text": "Mungo Park", "source": "paragraph 9"}]
    swapped = apply(Draft(data), "swap", {"item": "q1", "index": 0, "value": "Mungo Park"})
    assert swapped.data["items"][0][ALTERNATIVES] == [{"text": "Richard Burton"}]
    assert swapped.data["items"][0]["options"][0] == "Mungo Park"


def test_where_an_option_came_from_follows_it_through_swaps_rewording_and_short_answer():
    data = quiz_data()
    q1 = data["items"][0]
    q1[ALTERNATIVES] = [{"text": "Mungo Park", "source": "paragraph 9"}]
    q1[SOURCES] = {q1["options"][0]: "paragraph 2"}
    old = q1["options"][0]
    swapped = apply(Draft(data), "swap", {"item": "q1", "index": 0, "value": "Mungo Park"})
    item = swapped.data["items"][0]
    assert item[SOURCES] == {"Mungo Park": "paragraph 9"}
    assert item[ALTERNATIVES] == [{"text": old, "source": "paragraph 2"}]
    reworded = apply(swapped, "option", {"item": "q1", "index": 0, "value": "Park"})
    assert reworded.data["items"][0][SOURCES] == {"Park": "paragraph 9"}
    short = apply(reworded, "short_answer", {"item": "q1"})
    assert SOURCES not in short.data["items"][0]


def test_alternatives_are_read_from_texts_or_mappings_and_never_repeat_an_option():
    item = {"options": ["A", "B"], ALTERNATIVES: ["a", "C", {"text": "D"}, {"x": 1}, 5, None]}
    assert alternative_texts(item) == ["C", "D", "5"]
    assert alternative_texts({"options": ["A"]}) == []
    assert alternative_texts({ALTERNATIVES: "not a list"}) == []
    assert Q1_ALTERNATIVES == alternative_texts(quiz_data()["items"][0])


def test_text_from_the_page_is_one_clean_line():
    assert clean("  a\tb\nc\u2028d\x00e ", "prompt") == "a b c d e"
    with pytest.raises(EditError) as error:
        clean(" \n ", "prompt")
    assert error.value.field == "prompt"
    with pytest.raises(EditError):
        clean("x" * (MAX_TEXT + 1), "prompt")
    with pytest.raises(EditError):
        clean(["a list"], "prompt")
    assert lines("a\n\nb\nA\n", "accept") == ["a", "b"]
    with pytest.raises(EditError):
        lines(["x"] * 51, "accept")


def test_next_id_is_past_the_highest():
    assert next_id({"items": [{"id": "q2"}, {"id": "q10"}, {"id": "intro"}]}) == "q11"
    assert next_id({"items": [{"id": "a"}]}) == "q1"


def test_evidence_is_found_as_the_validator_compares_it():
    paragraph = "Iran\u2019s   top commander was killed. Then  more."
    assert find_sentence(paragraph, "IRAN'S top commander was killed.") == (0, 34)
    assert find_sentence(paragraph, "Then more.") == (35, len(paragraph))
    assert find_sentence(paragraph, "Not there.") is None
    assert find_sentence(paragraph, "") is None


def test_overlapping_evidence_is_cut_into_segments(draft):
    view = passage_view(draft)
    second = view[1]
    assert "".join(s["text"] for s in second["segments"]) == draft.data["passage"][1]
    assert second["segments"][0]["marks"]  # q1 and q6 both cite the whole paragraph
    first = view[0]
    marks = [s["marks"] for s in first["segments"]]
    assert marks == ["e1-0-40", "", "e1-41-81"]  # two sentences, each cited, the space not
