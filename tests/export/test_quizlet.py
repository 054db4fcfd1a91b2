"""Quizlet export: golden file, one card a line as term TAB definition, text that reads back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from quizgen.export import export
from quizgen.export.fields import one_line
from quizgen.quiz.model import Item, Kind, Quiz


def cards(quiz: Quiz) -> list[list[str]]:
    text = export(quiz, "quizlet").files[0][1]
    assert text.endswith("\n") and "\r" not in text
    return [line.split("\t") for line in text[:-1].split("\n")]


def expected_cards(item: Item) -> list[list[str]]:
    if item.kind is Kind.MATCHING:
        return [[one_line(left), one_line(right)] for left, right in item.pairs]
    if item.kind is Kind.TRUE_FALSE:
        return [[one_line(item.prompt), "True" if item.answer else "False"]]
    return [[one_line(item.prompt), one_line(item.answer)]]


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_one_card_a_line_term_tab_definition(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    got = cards(quiz)
    assert all(len(card) == 2 and all(card) for card in got)  # exactly one tab, no empty side
    assert got == [card for item in quiz.items for card in expected_cards(item)]


def test_what_a_card_cannot_hold_is_named(sample_quiz):
    assert export(sample_quiz, "quizlet").warnings == (
        "q1: the card shows the key; the other options are left out",
        "q2: the card shows the key; other accepted answers are left out",
        "q5: the card shows the key; other accepted answers are left out",
        "q6: one card per matched pair; the matching instruction is left out",
    )


def test_tabs_and_line_breaks_inside_fields_become_spaces(sample_quiz):
    item = replace(sample_quiz.items[1], prompt="How\tmany\ncountries?", answer="e\tn", accept=())
    assert cards(replace(sample_quiz, items=(item,))) == [["How many countries?", "e n"]]
