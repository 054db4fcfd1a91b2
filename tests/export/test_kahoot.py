"""Kahoot export: golden cell values, byte-identical renders, and Kahoot's limits."""

from __future__ import annotations

import io
import time
from dataclasses import replace

import openpyxl
import pytest

from quizgen.export import export
from quizgen.export.fields import one_line
from quizgen.export.kahoot import HEADER, HEADER_ROW
from quizgen.quiz.model import Item, Kind, Quiz

TIME_LIMITS = {5, 10, 20, 30, 60, 90, 120, 240}


def xlsx(quiz: Quiz) -> bytes:
    return export(quiz, "kahoot").files[0][1]


def cells(data: bytes) -> list[tuple]:
    """Every row of the sheet as openpyxl reads it back."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return list(sheet.iter_rows(values_only=True))


def questions(quiz: Quiz) -> list[tuple]:
    return cells(xlsx(quiz))[HEADER_ROW:]


def mc(options: tuple[str, ...], answer: str, prompt: str = "Who reached Lake Victoria?") -> Item:
    return Item(id="k1", kind=Kind.MULTIPLE_CHOICE, prompt=prompt, answer=answer, options=options)


def test_same_quiz_same_bytes(sample_quiz):
    first = xlsx(sample_quiz)
    time.sleep(2.1)  # zip stamps have two-second steps; a clock stamp would show by now
    assert xlsx(sample_quiz) == first


def test_template_layout(sample_quiz):
    rows = cells(xlsx(sample_quiz))
    assert rows[1][1] == "The Nile"
    assert rows[HEADER_ROW - 1][1:] == HEADER
    assert [row[0] for row in rows[HEADER_ROW:]] == [1, 2, 3]


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_limits_hold(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    for _, question, *answers, seconds, correct in questions(quiz):
        answers = [a for a in answers if a is not None]
        assert len(question) <= 120
        assert 2 <= len(answers) <= 4 and all(len(a) <= 75 for a in answers)
        assert seconds in TIME_LIMITS
        assert 1 <= correct <= len(answers)


def test_hostile_text_reads_back(hostile_quiz):
    (_, question, *answers, _, correct), (_, statement, *tf, _, truth) = questions(hostile_quiz)
    choice = hostile_quiz.items[0]
    assert question == one_line(choice.prompt)
    assert [a for a in answers if a] == [one_line(o) for o in choice.options]
    assert answers[correct - 1] == one_line(choice.answer)
    assert (statement, tf[:2], truth) == (
        one_line(hostile_quiz.items[2].prompt),
        ["True", "False"],
        1,
    )


def test_only_multiple_choice_and_true_false_go_in(sample_quiz):
    rendered = export(sample_quiz, "kahoot")
    assert [row[1] for row in questions(sample_quiz)] == [
        i.prompt for i in sample_quiz.items if i.kind in (Kind.MULTIPLE_CHOICE, Kind.TRUE_FALSE)
    ]
    assert [w.split(":")[0] for w in rendered.warnings] == ["q2", "q5", "q6"]


def test_more_than_four_options_keep_the_key_and_three_distractors(sample_quiz):
    item = mc(("Burton", "Baker", "Speke", "Livingstone", "Grant", "Stanley"), "Speke")
    rendered = export(replace(sample_quiz, items=(item,)), "kahoot")
    row = cells(rendered.files[0][1])[HEADER_ROW]
    assert row[2:6] == ("Burton", "Baker", "Speke", "Livingstone") and row[7] == 3
    assert rendered.warnings == (
        "k1: kept the key and 3 of 5 distractors (Kahoot takes 4 answers)",
    )


def test_long_distractors_go_first_then_are_cut_at_a_word(sample_quiz):
    long = "a distractor that goes on " * 4
    item = mc((long + "one", "Speke", long + "two", "Baker", "Burton", "Grant"), "Speke")
    rendered = export(replace(sample_quiz, items=(item,)), "kahoot")
    assert cells(rendered.files[0][1])[HEADER_ROW][2:6] == ("Speke", "Baker", "Burton", "Grant")
    item = mc((long + "one", "Speke"), "Speke")
    rendered = export(replace(sample_quiz, items=(item,)), "kahoot")
    cut = cells(rendered.files[0][1])[HEADER_ROW][2]
    assert len(cut) <= 75 and cut.endswith("…")
    assert long.startswith(cut[:-1]) and long[len(cut) - 1] == " "  # whole words only
    assert rendered.warnings == ("k1: a distractor was cut to 75 characters",)


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (
            mc(("Speke", "Baker"), "Speke", prompt="Who " + "really " * 20 + "reached it?"),
            "the question is over 120 characters",
        ),
        (mc(("Speke " * 14, "Baker"), "Speke " * 14), "the key is over 75 characters"),
        (
            mc(("Speke", "a " * 40 + "x", "a " * 40 + "y"), "Speke"),
            "two answers would read the same",
        ),
    ],
)
def test_items_that_cannot_fit_are_left_out(sample_quiz, item, reason):
    rendered = export(replace(sample_quiz, items=(item,)), "kahoot")
    assert questions(replace(sample_quiz, items=(item,))) == []
    assert len(rendered.warnings) == 1 and reason in rendered.warnings[0]
    assert rendered.warnings[0].startswith("k1: left out")


def test_text_that_looks_like_a_formula_stays_text(sample_quiz):
    item = mc(("=1+1", "=SUM(A1:A2)"), "=1+1", prompt='=HYPERLINK("x")?')
    assert questions(replace(sample_quiz, items=(item,)))[0][1:4] == (
        '=HYPERLINK("x")?',
        "=1+1",
        "=SUM(A1:A2)",
    )


def test_time_limit_grows_with_reading(sample_quiz):
    short = mc(("Speke", "Baker"), "Speke", prompt="Who?")
    wordy = mc(("Speke " * 12, "Baker " * 12), "Speke " * 12, prompt="Who " + "then " * 22 + "?")
    assert questions(replace(sample_quiz, items=(short,)))[0][6] == 20
    assert questions(replace(sample_quiz, items=(wordy,)))[0][6] == 30
