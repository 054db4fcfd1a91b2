"""End to end on the real pipeline: the seed and every shared work passage make quizzes that keep
the contract and the item-writing rules.

What must hold on every passage (the contract, keys in their evidence, no crash, determinism) is
asserted on every passage there is. Quality figures (items per 1,000 words, quizcheck's fault
rate, the mix of kinds) are measured by ``python -m quizgen.scorecard``; the tests hold them only
at the level the code has reached, on the passages ``tests/ratchet.json`` names, so a passage
added to the shared corpus never turns the suite red by itself. The shared passages and
quizcheck live in ../shared beside the project: without it only the seed is checked."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from quizgen import pipeline, scorecard
from quizgen.items import quality
from quizgen.quiz import quizfile
from quizgen.quiz.model import Kind
from quizgen.read import reader

pytestmark = pytest.mark.model

DEV = sorted((SHARED / "passages").glob("*.txt")) if (SHARED / "passages").is_dir() else []
PASSAGES = [ROOT / "seeds" / "drone-strike.txt", *DEV]
RATCHET = json.loads((ROOT / "tests" / "ratchet.json").read_text(encoding="utf-8"))
HELD = {name for group in ("seed", "work") for name in RATCHET[group]["passages"]}
ITEMS_FLOOR = 8  # items per 1,000 words, on average: fewer, better items, but a quiz's worth


@pytest.fixture(scope="module")
def quizzes():
    return {path.name: pipeline.generate(reader.read(path)) for path in PASSAGES}


@pytest.fixture(scope="module")
def held(quizzes):
    """The quizzes of the passages the ratchet names: the ones quality figures are held on."""
    return {name: quiz for name, quiz in quizzes.items() if Path(name).stem in HELD}


def items(quizzes, kind=None):
    for name, quiz in quizzes.items():
        for item in quiz.items:
            if kind is None or item.kind is kind:
                yield name, quiz, item


def test_every_quiz_keeps_the_contract(quizzes):
    for name, quiz in quizzes.items():
        assert quizfile.check(quizfile.dump(quiz))[1] == [], name


def test_enough_items_per_thousand_words(held):
    words = sum(quiz.words for quiz in held.values())
    assert 1000 * sum(len(quiz.items) for quiz in held.values()) / words >= ITEMS_FLOOR


def test_no_stem_gives_its_answer_and_every_key_is_in_its_evidence(quizzes):
    for name, _, item in items(quizzes):
        if item.kind in (Kind.MATCHING, Kind.TRUE_FALSE, Kind.ORDERING):
            continue
        assert not quality.contains_phrase(item.prompt.replace("_____", " "), item.answer), (
            name,
            item,
        )
        assert quality.contains_phrase(item.evidence.sentence, item.answer), (name, item)


def test_a_matching_item_is_worth_a_point_a_pair(quizzes):
    matched = list(items(quizzes, Kind.MATCHING))
    if not matched:
        pytest.skip(
            "no passage here gives a matching exercise (needs ../shared beside the project)"
        )
    for name, _, item in matched:
        assert item.points == len(item.pairs) >= 3, (name, item.id)


def test_fewer_than_asked_is_said_in_a_line_and_never_padded():
    from quizgen.text import nlp as nlp_module

    nlp = nlp_module.load()
    passage = reader.read(ROOT / "seeds" / "drone-strike.txt")
    docs = pipeline.parse(nlp, passage)

    def make(**config):
        return pipeline.make(passage, docs, pipeline.Config(**config), "model", nlp)

    assert make(count=6).notes == ()  # a quiz the passage fills: nothing to say
    many = make(count=200)
    assert len(many.quiz.items) < 200
    assert [note.split(": ", 1)[1].split(" (")[0] for note in many.notes] == [
        f"made {len(many.quiz.items)} items of the 200 asked"
    ]
    same = make(count=200, kinds=(Kind.MULTIPLE_CHOICE,))
    assert {i.kind for i in same.quiz.items} == {Kind.MULTIPLE_CHOICE}  # no other kind padded in
    (line,) = same.notes
    assert f"made {len(same.quiz.items)} multiple-choice items of the 200 asked: " in line


def test_no_two_items_share_a_prompt(quizzes):
    for name, quiz in quizzes.items():
        prompts = [quality.norm(i.prompt) for i in quiz.items]
        assert len(prompts) == len(set(prompts)), name


def test_options_differ_and_none_is_an_alias_of_the_key(quizzes):
    from quizgen.items.distract import overlaps

    for name, _, item in items(quizzes, Kind.MULTIPLE_CHOICE):
        assert len({quality.norm(o) for o in item.options}) == len(item.options), (name, item)
        for option in item.options:
            if option != item.answer:
                assert not overlaps(option, item.answer), (name, item)
                assert not any(overlaps(option, a) for a in item.accept), (name, item)


def test_every_false_statement_differs_from_every_sentence(quizzes):
    for name, quiz, item in items(quizzes, Kind.TRUE_FALSE):
        if item.answer is False:
            statement = quality.norm(item.prompt).rstrip(".")
            assert all(statement not in quality.norm(p) for p in quiz.passage), (name, item)


def test_the_mix_of_kinds(held):
    every = [item for _, _, item in items(held)]
    kinds = {item.kind for item in every}
    assert len(kinds) >= 4
    mc = [i for i in every if i.kind is Kind.MULTIPLE_CHOICE]
    # held where the code is (precision first: a question without three options that are
    # plausible and wrong is a short answer, one reviewers would likely reject is not asked,
    # nor one whose key is the passage's topic, 'Which city is the most densely populated
    # major city in the United States?' of New York); multiple choice is to be a third again
    # as options and stems improve
    questions = [i for i in every if i.kind in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER)]
    assert len(questions) >= len(every) / 6
    assert len(mc) >= len(every) / 18
    assert sum(len(i.options) == 4 for i in mc) >= 0.9 * len(mc)
    tf = [i for i in every if i.kind is Kind.TRUE_FALSE]
    assert 0.3 <= sum(i.answer is True for i in tf) / len(tf) <= 0.7


def test_key_positions_are_balanced(held):
    from collections import Counter

    # each quiz deals its keys over A to D: no place twice before every place has had one
    # (one more where options in date or number order allow no other)
    per_quiz: dict[str, Counter] = {}
    for name, _, item in items(held, Kind.MULTIPLE_CHOICE):
        per_quiz.setdefault(name, Counter())[item.options.index(item.answer)] += 1
    for name, places in per_quiz.items():
        assert max(places.values()) <= math.ceil(sum(places.values()) / 4) + 1, (name, places)
    positions = sum(per_quiz.values(), Counter())
    if sum(positions.values()) < 40:
        # over the quizzes of a folder the places add up at random where each quiz holds a
        # key or two (the seed alone without ../shared beside the project; 18 on the work
        # passages): the pooled share says little below forty
        pytest.skip(f"{sum(positions.values())} multiple-choice items: too few to judge pooled")
    assert max(positions.values()) / sum(positions.values()) <= 0.4


def test_quizcheck_finds_no_contract_error_and_no_more_faults_than_held(quizzes, tmp_path):
    quizcheck = scorecard.load_quizcheck()
    if quizcheck is None:
        pytest.skip("needs ../shared beside the project: quizcheck.py is not there")
    for group in ("seed", "work"):
        reports = []
        for name, quiz in quizzes.items():
            if Path(name).stem in RATCHET[group]["passages"]:
                path = tmp_path / f"{Path(name).stem}.quiz.yaml"
                path.write_text(quizfile.dump(quiz), encoding="utf-8")
                reports.append(quizcheck.check_file(path))
        total = quizcheck.summarize(reports)
        assert total["contract_errors"] == 0, [r.errors for r in reports if r.errors]
        assert total["fault_rate"] <= RATCHET[group]["max_fault_rate"], (
            group,
            {r.name: dict(r.examples) for r in reports if r.faults},
        )


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another_shuffle(quizzes):
    seed = PASSAGES[0]
    again = pipeline.generate(reader.read(seed))
    assert quizfile.dump(again) == quizfile.dump(quizzes[seed.name])
    other = pipeline.generate(reader.read(seed), pipeline.Config(seed=8))
    assert quizfile.dump(other) != quizfile.dump(again)


CHECK = sorted((SHARED / "passages" / "check").glob("*.txt"))


@pytest.mark.skipif(not CHECK, reason="needs ../shared beside the project: no check passages")
def test_every_check_passage_makes_a_quiz_that_keeps_the_contract():
    """Measured, never tuned to: only that each makes a valid quiz is asserted, by name."""
    for path in CHECK:
        quiz = pipeline.generate(reader.read(path))
        assert quiz.items and quizfile.check(quizfile.dump(quiz))[1] == [], path.name


def _keys(item) -> list[str]:
    """What an item's key is for the give-away checks: its answer, or its pairs' left sides."""
    if item.kind is Kind.TRUE_FALSE:
        return []
    if item.kind is Kind.MATCHING:
        return [left for left, _ in item.pairs]
    return [str(item.answer)]


def test_no_key_answers_more_than_two_items_and_no_sentence_asks_one_key_twice(quizzes):
    from collections import Counter

    for name, quiz in quizzes.items():
        keys = Counter(quality.norm(k) for i in quiz.items for k in _keys(i))
        assert max(keys.values(), default=0) <= 2, (name, keys.most_common(3))
        pairs = Counter(
            (quality.norm(i.evidence.sentence), quality.norm(k))
            for i in quiz.items
            if i.kind is not Kind.MATCHING
            for k in _keys(i)
        )
        assert max(pairs.values(), default=0) <= 1, (name, pairs.most_common(2))


def test_true_and_false_statements_are_about_even(held):
    tf = [item for _, _, item in items(held, Kind.TRUE_FALSE)]
    assert 0.4 <= sum(i.answer is True for i in tf) / len(tf) <= 0.6


def test_the_word_bank_adds_words_of_the_passage_none_of_them_a_key(quizzes):
    banked = 0
    for name, quiz in quizzes.items():
        keys = {quality.norm(str(i.answer)) for i in quiz.items if i.kind is Kind.FILL_BLANK}
        blanks = sum(i.kind is Kind.FILL_BLANK for i in quiz.items)
        assert len(quiz.word_bank) <= blanks, name
        text = quality.norm(" ".join(quiz.passage))
        for word in quiz.word_bank:
            assert quality.norm(word) not in keys and quality.norm(word) in text, (name, word)
        banked += bool(quiz.word_bank)
    assert banked >= len(quizzes) / 2
