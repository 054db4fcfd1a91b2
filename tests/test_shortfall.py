"""What could not be made of what was asked, in words: one line per count or kind short, saying
what was made of what was asked and why; nothing said when the quiz is what was asked for."""

from __future__ import annotations

import pytest

from quizgen import shortfall
from quizgen.items.select import Selection
from quizgen.quiz.model import Item, Kind, Passage

PASSAGE = Passage("A tale", ("Once upon a time " * 80,), file="tale.txt")
DEFAULT = tuple(Kind)


def items(**kinds: int) -> list[Item]:
    return [
        Item(id="", kind=Kind(kind), prompt=f"{kind} {n}")
        for kind, count in kinds.items()
        for n in range(count)
    ]


def selection(made, wanted, planned, lacking=0, matched=False) -> Selection:
    return Selection(made, wanted, planned, lacking, matched)


def test_nothing_is_said_when_the_quiz_is_what_was_asked_for():
    made = selection(items(multiple_choice=6, true_false=2), 8, {Kind.MULTIPLE_CHOICE: 6})
    kinds = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)
    assert shortfall.notes(made, PASSAGE, kinds, count_asked=True, kinds_asked=True) == []


def test_fewer_than_a_passage_usually_gives_is_said_with_why_even_unasked():
    """A passage that supports 3 good items gets 3, and the command says so."""
    few = selection(items(true_false=3), 12, {Kind.MULTIPLE_CHOICE: 8, Kind.TRUE_FALSE: 2})
    (line,) = shortfall.notes(few, PASSAGE, DEFAULT, count_asked=False, kinds_asked=False)
    assert line.startswith("tale.txt: made 3 items, fewer than the 12 a 320-word passage")
    assert "no more facts" in line and "does not pad" in line
    held = Selection(items(true_false=3), 12, {Kind.TRUE_FALSE: 2}, 0, False, held_back=9)
    (line,) = shortfall.notes(held, PASSAGE, DEFAULT, count_asked=False, kinds_asked=False)
    assert "reviewers would likely not hand out unchanged" in line


def test_a_count_the_passage_cannot_give_is_one_line_with_the_mix_and_why():
    made = selection(
        items(multiple_choice=3, short_answer=1, true_false=12, fill_blank=11),
        50,
        {Kind.MULTIPLE_CHOICE: 29, Kind.TRUE_FALSE: 10, Kind.FILL_BLANK: 10, Kind.MATCHING: 1},
    )
    (line,) = shortfall.notes(made, PASSAGE, DEFAULT, count_asked=True, kinds_asked=False)
    assert line.startswith(
        "tale.txt: made 27 items of the 50 asked (3 multiple choice, 1 short answer, "
        "12 true or false, 11 fill in the blank): the 320-word passage gives no more"
    )
    assert "does not pad" in line


def test_one_kind_asked_names_it_and_why():
    made = selection(items(multiple_choice=3), 10, {Kind.MULTIPLE_CHOICE: 10}, lacking=7)
    (line,) = shortfall.notes(
        made, PASSAGE, (Kind.MULTIPLE_CHOICE,), count_asked=True, kinds_asked=True
    )
    assert line.startswith("tale.txt: made 3 multiple-choice items of the 10 asked: the passage")
    assert "people, places, dates or numbers" in line and "short_answer" in line


def test_a_mix_made_up_by_another_kind_says_which():
    made = selection(
        items(multiple_choice=1, true_false=7),
        8,
        {Kind.MULTIPLE_CHOICE: 6, Kind.TRUE_FALSE: 2},
        lacking=4,
    )
    kinds = (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)
    (line,) = shortfall.notes(made, PASSAGE, kinds, count_asked=True, kinds_asked=True)
    assert line.startswith(
        "tale.txt: made 1 multiple-choice item of the 6 planned "
        "(7 true-or-false statements make up the 8): the passage names too few"
    )


def test_multiple_choice_and_short_answer_count_together_as_questions():
    made = selection(items(short_answer=1), 10, {Kind.MULTIPLE_CHOICE: 10}, lacking=3)
    kinds = (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER)
    (line,) = shortfall.notes(made, PASSAGE, kinds, count_asked=True, kinds_asked=True)
    assert line.startswith("tale.txt: made 1 question of the 10 asked: the passage has no more")


@pytest.mark.parametrize(
    ("kinds", "planned", "expected"),
    [
        (
            (Kind.MATCHING,),
            {Kind.MATCHING: 1},
            "tale.txt: could not make a matching exercise: the passage names fewer than three "
            "people with a role",
        ),
        (
            (Kind.MULTIPLE_CHOICE,),
            {Kind.MULTIPLE_CHOICE: 10},
            "tale.txt: could not make any multiple-choice items: the passage names too few other "
            "people, places, dates or numbers of the same kind to give its questions",
        ),
        (
            (Kind.TRUE_FALSE, Kind.FILL_BLANK),
            {Kind.TRUE_FALSE: 5, Kind.FILL_BLANK: 5},
            "tale.txt: could not make any true-or-false statements or any fill-in-the-blank "
            "sentences: the passage states no more facts",
        ),
    ],
)
def test_nothing_made_of_the_kinds_asked_says_which_and_why(kinds, planned, expected):
    made = selection([], 10, planned, lacking=2)
    assert shortfall.nothing(made, PASSAGE, kinds, kinds_asked=True).startswith(expected)


def test_nothing_made_of_every_kind_asks_whether_it_is_prose():
    made = selection([], 10, {Kind.MULTIPLE_CHOICE: 6, Kind.TRUE_FALSE: 2})
    assert shortfall.nothing(made, PASSAGE, DEFAULT, kinds_asked=False) == (
        "tale.txt: found nothing to ask about; is it a passage of English prose at least a "
        "paragraph long?"
    )


def test_one_matching_exercise_of_several_asked_says_a_quiz_has_one():
    made = selection(items(matching=1), 5, {Kind.MATCHING: 1}, matched=True)
    (line,) = shortfall.notes(made, PASSAGE, (Kind.MATCHING,), count_asked=True, kinds_asked=True)
    assert line == (
        "tale.txt: made 1 item of the 5 asked (1 matching): a quiz has one matching exercise, "
        "of up to six pairs"
    )


def test_a_quiz_of_the_skills_beyond_detail_says_what_they_need():
    from quizgen.quiz.model import Skill

    nothing_made = selection([], 15, {})
    line = shortfall.nothing(
        nothing_made, PASSAGE, DEFAULT, kinds_asked=False, skills=(Skill.CAUSE, Skill.SEQUENCE)
    )
    assert "supports no items of the skills asked for (cause, sequence)" in line
    assert "is it a passage of English prose" not in line
