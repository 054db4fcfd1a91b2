"""`quizgen facts`: the passage in order, each sentence with the items it gave, chosen or not and
why in words; --verbose adds the facts and every template's outcome."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT

from quizgen import pipeline, report
from quizgen.read import reader

pytestmark = pytest.mark.model

SEED = str(ROOT / "seeds" / "drone-strike.txt")


@pytest.fixture(scope="module")
def printed():
    lines: list[str] = []
    report.print_facts(SEED, echo=lines.append)
    verbose: list[str] = []
    report.print_facts(SEED, verbose=True, echo=verbose.append)
    return lines, verbose


def test_sentences_come_in_passage_order_with_the_paragraph_numbers_printed(printed):
    lines, _ = printed
    numbers = [int(m.group(1)) for line in lines if (m := re.match(r"¶ (\d+): ", line))]
    assert numbers == sorted(numbers) and numbers[0] == 1  # the subheading is no paragraph 1


def test_every_item_of_the_quiz_is_shown_once_by_its_printed_number(printed):
    lines, _ = printed
    quiz = pipeline.generate(reader.read(SEED))
    chosen = [line for line in lines if line.startswith("  chosen ")]
    shown = [int(re.search(r"item (\d+),", line).group(1)) for line in chosen]
    pairs = sum(len(item.pairs) for item in quiz.items)
    assert sorted(set(shown)) == list(range(1, len(quiz.items) + 1))
    assert len(shown) == len(quiz.items) - sum(1 for i in quiz.items if i.pairs) + pairs
    for item in quiz.items:
        if not item.pairs:
            assert any(item.prompt in line for line in chosen), item.id


def test_a_question_left_out_says_why_in_words_and_template_detail_waits_for_verbose(printed):
    lines, verbose = printed
    left_out = [line for line in lines if line.startswith(("  not chosen ", "  dropped "))]
    assert left_out
    for line in left_out:
        assert re.search(r"\): \S", line), line  # the reason, after the question and its answer
    body = "\n".join(lines)
    assert "label" not in body and "who-subject" not in body and " -> " not in body
    detail = "\n".join(verbose)
    assert "who-subject: " in detail and "no: " in detail and "clause: " in detail
    assert len(verbose) > len(lines)
