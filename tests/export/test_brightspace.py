"""Brightspace CSV export: golden file, D2L's documented row blocks, RFC 4180 read-back."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest

from quizgen.export import export
from quizgen.export.fields import accepted, is_key, label
from quizgen.quiz.model import Item, Kind, Quiz

TYPES = {
    Kind.MULTIPLE_CHOICE: "MC",
    Kind.SHORT_ANSWER: "SA",
    Kind.TRUE_FALSE: "TF",
    Kind.FILL_BLANK: "SA",
    Kind.MATCHING: "M",
}
HEAD = ["NewQuestion", "ID", "Title", "QuestionText", "Points", "Difficulty"]
BOM = b"\xef\xbb\xbf"


def csv_bytes(quiz: Quiz) -> bytes:
    return export(quiz, "brightspace").files[0][1]


def rows(quiz: Quiz) -> list[list[str]]:
    data = csv_bytes(quiz)
    assert data.startswith(BOM)
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def blocks(quiz: Quiz) -> list[list[list[str]]]:
    """The rows of each question, from its NewQuestion row up to the empty row that ends it."""
    out: list[list[list[str]]] = []
    for row in rows(quiz):
        if row[0] == "NewQuestion":
            out.append([])
        if any(row):
            out[-1].append(row)
    return out


def answer_rows(block: list[list[str]], *names: str) -> list[list[str]]:
    return [row for row in block if row[0] in names]


def test_rfc4180_framing(hostile_quiz):
    text = csv_bytes(hostile_quiz).decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert '"q1 What did <b>Tom & ""Jerry""</b>' in text  # quoted, quotes doubled
    assert all(len(row) == 5 for row in rows(hostile_quiz))


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_blocks_follow_the_documented_layout(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    got = blocks(quiz)
    assert len(got) == len(quiz.items)
    ids = [block[1][1] for block in got]
    assert len(set(ids)) == len(ids)
    for block, item in zip(got, quiz.items, strict=True):
        assert [row[0] for row in block[:6]] == HEAD
        assert block[0][1] == TYPES[item.kind]
        assert block[2][1] == label(item)
        assert block[3][1] == item.prompt  # read back intact, tab and all
        assert block[4][1] == str(item.points)
        assert 1 <= int(block[5][1]) <= 10


def check_answers(block: list[list[str]], item: Item) -> None:
    if item.kind is Kind.MULTIPLE_CHOICE:
        options = answer_rows(block, "Option")
        assert [row[2] for row in options] == list(item.options)
        assert [row[1] for row in options] == [
            "100" if is_key(item, o) else "0" for o in item.options
        ]
    elif item.kind is Kind.TRUE_FALSE:
        weights = {row[0]: row[1] for row in answer_rows(block, "TRUE", "FALSE")}
        assert weights == (
            {"TRUE": "100", "FALSE": "0"} if item.answer else {"TRUE": "0", "FALSE": "100"}
        )
    elif item.kind is Kind.MATCHING:
        choices = {row[1]: row[2] for row in answer_rows(block, "Choice")}
        matches = {row[1]: row[2] for row in answer_rows(block, "Match")}
        assert [(choices[n], matches[n]) for n in choices] == list(item.pairs)
    else:
        assert answer_rows(block, "InputBox")
        answers = answer_rows(block, "Answer")
        assert [row[2] for row in answers] == accepted(item)
        assert {row[1] for row in answers} == {"100"}


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_answers_read_back(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    for block, item in zip(blocks(quiz), quiz.items, strict=True):
        check_answers(block, item)


def test_fill_blank_becomes_short_answer_with_a_warning(sample_quiz):
    assert export(sample_quiz, "brightspace").warnings == (
        "q5: fill_blank carried as a short-answer question (Brightspace's CSV import has no "
        "fill-in-the-blanks type); the text keeps its _____",
    )


def test_line_breaks_inside_fields_become_spaces(sample_quiz):
    item = replace(sample_quiz.items[1], prompt="How many\ncountries?")
    block = blocks(replace(sample_quiz, items=(item,)))[0]
    assert block[3][1] == "How many countries?"


def test_ids_differ_between_quizzes(sample_quiz, hostile_quiz):
    assert blocks(sample_quiz)[0][1][1] != blocks(hostile_quiz)[0][1][1]
