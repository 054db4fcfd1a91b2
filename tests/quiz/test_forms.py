"""Forms: parts by kind, numbering, seeded shuffles, and keys that follow the shuffles."""

from __future__ import annotations

from dataclasses import replace
from random import Random

import pytest

from quizgen.base.errors import QuizgenError
from quizgen.quiz.forms import LETTERS, PART_ORDER, make_forms, shuffled
from quizgen.quiz.model import Kind


def test_form_a_keeps_the_quiz_order(sample_quiz):
    (form,) = make_forms(sample_quiz, 1)
    assert form.label == "A"
    for part in form.parts:
        in_quiz = [item for item in sample_quiz.items if item.kind is part.kind]
        assert [e.item.id for e in part.entries] == [item.id for item in in_quiz]
        assert [e.item.options for e in part.entries] == [item.options for item in in_quiz]
        assert [e.item.pairs for e in part.entries] == [item.pairs for item in in_quiz]


def test_parts_follow_the_kind_order_and_numbers_run_on(skills_quiz):
    for form in make_forms(skills_quiz, 3):
        assert [p.kind for p in form.parts] == list(PART_ORDER)
        assert [p.letter for p in form.parts] == list(LETTERS[: len(PART_ORDER)])
        assert [e.number for e in form.entries] == list(range(1, len(skills_quiz.items) + 1))
        assert sorted(e.item.id for e in form.entries) == sorted(i.id for i in skills_quiz.items)
        assert form.points == sum(i.points for i in skills_quiz.items)


def test_forms_are_the_same_on_every_run(sample_quiz):
    assert make_forms(sample_quiz, 4) == make_forms(sample_quiz, 4)


def test_later_forms_shuffle_items_and_options(sample_quiz):
    a, b = make_forms(sample_quiz, 2)
    assert [e.item.id for e in a.entries] != [e.item.id for e in b.entries]
    options = {e.item.id: e.item.options for e in a.entries if e.item.options}
    for entry in b.entries:
        if entry.item.options:
            assert entry.item.options != options[entry.item.id]
            assert sorted(entry.item.options) == sorted(options[entry.item.id])


def test_every_key_letter_follows_its_form(sample_quiz):
    for form in make_forms(sample_quiz, 5):
        for entry in form.entries:
            item = entry.item
            if item.kind is Kind.MULTIPLE_CHOICE:
                assert item.options[LETTERS.index(entry.letter)] == item.answer
            elif item.kind is Kind.TRUE_FALSE:
                assert entry.letter == ("T" if item.answer else "F")
            elif item.kind is Kind.MATCHING:
                for (_, right), letter in zip(item.pairs, entry.matches, strict=True):
                    assert entry.right[LETTERS.index(letter)] == right
            else:
                assert entry.letter == ""


def test_matching_column_is_never_in_the_rows_order(sample_quiz):
    for form in make_forms(sample_quiz, 8):
        (entry,) = [e for e in form.entries if e.item.kind is Kind.MATCHING]
        assert list(entry.column) != sorted(entry.column)
        assert sorted(entry.column) == list(range(len(entry.item.pairs)))


def test_pair_evidence_moves_with_its_pair(sample_quiz):
    original = next(i for i in sample_quiz.items if i.kind is Kind.MATCHING)
    evidence = dict(zip(original.pairs, original.pair_evidence, strict=True))
    for form in make_forms(sample_quiz, 4):
        item = next(e.item for e in form.entries if e.item.kind is Kind.MATCHING)
        assert [evidence[p] for p in item.pairs] == list(item.pair_evidence)


def test_editing_one_item_leaves_the_other_shuffles_alone(sample_quiz):
    items = tuple(
        replace(i, prompt=i.prompt + " (edited)") if i.id == "q2" else i for i in sample_quiz.items
    )
    edited = replace(sample_quiz, items=items)
    for before, after in zip(make_forms(sample_quiz, 3), make_forms(edited, 3), strict=True):
        assert [e.item.options for e in before.entries] == [e.item.options for e in after.entries]
        assert [e.column for e in before.entries] == [e.column for e in after.entries]


def test_shuffled_differs_from_the_identity_unless_kept():
    rng = Random(1)
    for n in range(2, 7):
        for _ in range(20):
            assert shuffled(n, rng) != list(range(n))
    assert shuffled(5, rng, keep=True) == list(range(5))
    assert shuffled(1, rng) == [0]


@pytest.mark.parametrize("k", [0, 27])
def test_form_count_out_of_range_is_an_error(sample_quiz, k):
    with pytest.raises(QuizgenError, match="forms"):
        make_forms(sample_quiz, k)


def test_a_part_b_prints_in_its_part_a_part_right_after_it(skills_quiz):
    """A Part B (multiple choice) after a short-answer Part A stands with it, on every form."""
    items = tuple(replace(i, refers_to="q2") if i.refers_to else i for i in skills_quiz.items)
    quiz = replace(skills_quiz, items=items)
    for form in make_forms(quiz, 3):
        (short,) = [p for p in form.parts if p.kind is Kind.SHORT_ANSWER]
        ids = [e.item.id for e in short.entries]
        assert ids[ids.index("q2") + 1] == "q7"
        assert all(e.item.id != "q7" for p in form.parts if p is not short for e in p.entries)
