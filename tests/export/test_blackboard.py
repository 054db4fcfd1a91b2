"""Blackboard upload export: golden file and the rules of Blackboard's "Upload Questions" page."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.export import export
from quizgen.export.fields import accepted, is_key, one_line
from quizgen.quiz.model import Item, Kind, Quiz

TYPES = {
    Kind.MULTIPLE_CHOICE: "MC",
    Kind.SHORT_ANSWER: "FIB",
    Kind.TRUE_FALSE: "TF",
    Kind.FILL_BLANK: "FIB",
    Kind.MATCHING: "MAT",
}


def upload(quiz: Quiz) -> str:
    return export(quiz, "blackboard").files[0][1]


def expected_fields(item: Item) -> list[str]:
    """The fields Blackboard's documented row for the item's type holds, in order."""
    head = [TYPES[item.kind], item.prompt]
    if item.kind is Kind.MULTIPLE_CHOICE:
        rest = [f for o in item.options for f in (o, "correct" if is_key(item, o) else "incorrect")]
    elif item.kind is Kind.TRUE_FALSE:
        rest = ["true" if item.answer else "false"]
    elif item.kind is Kind.MATCHING:
        rest = [side for pair in item.pairs for side in pair]
    else:
        rest = accepted(item)
    return [one_line(f) for f in head + rest]


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_one_line_per_question_no_header_no_blank_lines(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    text = upload(quiz)
    assert text.endswith("\n") and "\r" not in text
    lines = text[:-1].split("\n")
    assert len(lines) == len(quiz.items)
    assert all(line.strip() for line in lines)
    assert [line.split("\t")[0] for line in lines] == [TYPES[i.kind] for i in quiz.items]


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_fields_follow_the_documented_rows_and_read_back(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    for line, item in zip(upload(quiz)[:-1].split("\n"), quiz.items, strict=True):
        fields = line.split("\t")
        assert fields == expected_fields(item)  # also: no tab hid inside a field
        if item.kind is Kind.MULTIPLE_CHOICE:
            assert fields[3::2].count("correct") == 1
            assert set(fields[3::2]) <= {"correct", "incorrect"}


def test_tabs_and_line_breaks_inside_fields_become_spaces(sample_quiz):
    prompt = "How many\tcountries\n does the Nile\r\nflow through?"
    item = replace(sample_quiz.items[1], prompt=prompt)
    assert (
        upload(replace(sample_quiz, items=(item,))).split("\t")[1]
        == "How many countries does the Nile flow through?"
    )


def test_short_answer_is_auto_graded_fill_in_the_blank_not_sr(sample_quiz):
    short = next(i for i in sample_quiz.items if i.kind is Kind.SHORT_ANSWER)
    assert (
        upload(replace(sample_quiz, items=(short,)))
        == "FIB\tHow many countries does the Nile flow through?\televen\t11\n"
    )
    assert export(sample_quiz, "blackboard").warnings == ()
