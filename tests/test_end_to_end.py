"""End to end on the real pipeline: the seed and every dev passage make quizzes that keep the
contract and the item-writing rules (the same properties ../shared/tools/quizcheck.py checks)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from conftest import ROOT, SHARED

from quizgen import pipeline
from quizgen.items import quality
from quizgen.quiz import quizfile
from quizgen.quiz.model import Kind
from quizgen.read import reader

pytestmark = pytest.mark.model

DEV = sorted((SHARED / "passages").glob("*.txt")) if (SHARED / "passages").is_dir() else []
PASSAGES = [ROOT / "seeds" / "drone-strike.txt", *DEV]


@pytest.fixture(scope="module")
def quizzes():
    return {path.name: pipeline.generate(reader.read(path)) for path in PASSAGES}


def items(quizzes, kind=None):
    for name, quiz in quizzes.items():
        for item in quiz.items:
            if kind is None or item.kind is kind:
                yield name, quiz, item


def test_every_quiz_keeps_the_contract(quizzes):
    for name, quiz in quizzes.items():
        assert quizfile.check(quizfile.dump(quiz))[1] == [], name


def test_enough_items_per_thousand_words(quizzes):
    for name, quiz in quizzes.items():
        assert 1000 * len(quiz.items) / quiz.words >= 12, name


def test_no_stem_gives_its_answer_and_every_key_is_in_its_evidence(quizzes):
    for name, _, item in items(quizzes):
        if item.kind in (Kind.MATCHING, Kind.TRUE_FALSE):
            continue
        assert not quality.contains_phrase(item.prompt.replace("_____", " "), item.answer), (
            name,
            item,
        )
        assert quality.contains_phrase(item.evidence.sentence, item.answer), (name, item)


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


def test_the_mix_of_kinds(quizzes):
    every = [item for _, _, item in items(quizzes)]
    kinds = {item.kind for item in every}
    assert len(kinds) >= 4
    mc = [i for i in every if i.kind is Kind.MULTIPLE_CHOICE]
    assert len(mc) >= len(every) / 3
    assert sum(len(i.options) == 4 for i in mc) >= 0.9 * len(mc)
    tf = [i for i in every if i.kind is Kind.TRUE_FALSE]
    assert 0.3 <= sum(i.answer is True for i in tf) / len(tf) <= 0.7


def test_key_positions_are_balanced(quizzes):
    from collections import Counter

    positions = Counter(
        item.options.index(item.answer) for _, _, item in items(quizzes, Kind.MULTIPLE_CHOICE)
    )
    assert max(positions.values()) / sum(positions.values()) <= 0.4


def _quizcheck():
    path = SHARED / "tools" / "quizcheck.py"
    if not path.exists():
        pytest.skip("quizcheck.py is not beside the project")
    spec = importlib.util.spec_from_file_location("quizcheck", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quizcheck_finds_no_contract_error_and_few_faults(quizzes, tmp_path: Path):
    quizcheck = _quizcheck()
    reports = []
    for name, quiz in quizzes.items():
        path = tmp_path / f"{name}.quiz.yaml"
        path.write_text(quizfile.dump(quiz), encoding="utf-8")
        reports.append(quizcheck.check_file(path))
    total = quizcheck.summarize(reports)
    assert total["contract_errors"] == 0, [r.errors for r in reports]
    assert total["fault_rate"] <= 0.05, {r.name: dict(r.examples) for r in reports if r.faults}


def test_the_same_seed_gives_the_same_quiz_and_another_seed_another_shuffle(quizzes):
    seed = PASSAGES[0]
    again = pipeline.generate(reader.read(seed))
    assert quizfile.dump(again) == quizfile.dump(quizzes[seed.name])
    other = pipeline.generate(reader.read(seed), pipeline.Config(seed=8))
    assert quizfile.dump(other) != quizfile.dump(again)
