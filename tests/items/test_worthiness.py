"""The model of answers worth asking, on hand-built spans (no spaCy)."""

from __future__ import annotations

import json
import math

from quizgen.items import ranker, worthiness
from quizgen.quiz.model import Evidence, Item, Kind

PASSAGE = (
    "The Nile is the longest river in Africa. It flows north through eleven countries.",
    "In 1858, John Speke reached Lake Victoria, which he named after Queen Victoria.",
    "Scholars argue that the floods made farming possible.",
)
WHERE = worthiness.setting("The Nile", PASSAGE)
TABLE = {"river": 30, "countries": 25, "scholars": 4}


def describe(span, sentence=PASSAGE[1], paragraph=2):
    return worthiness.features(span, sentence, paragraph, WHERE, TABLE)


def test_a_span_is_described_by_its_shape_length_and_place():
    f = describe("1858")
    assert f["shape=year"] == 1.0
    assert f["after_preposition"] == 1.0
    assert f["first_sentence"] == 1.0
    assert f["position"] > 0
    name = describe("John Speke")
    assert name["shape=name"] == 1.0 and name["before_verb"] == 1.0
    assert name["words"] == math.log1p(2)
    assert describe("eleven countries", PASSAGE[0], 1)["shape=number"] == 1.0


def test_what_the_passage_and_the_table_say_of_the_head_word():
    f = describe("the longest river", PASSAGE[0], 1)
    assert f["head_common"] == math.log1p(30) and f["head_unlisted"] == 0.0
    assert f["starts_the"] == 1.0 and f["after_copula"] == 1.0
    assert describe("Lake Victoria")["head_mentions"] == math.log1p(2)
    assert describe("the Nile", PASSAGE[0], 1)["in_title"] == 1.0
    assert describe("farming", PASSAGE[2], 3)["head_unlisted"] == 1.0


def test_a_span_missing_from_its_sentence_says_so():
    assert describe("the Amazon")["not_found"] == 1.0


def test_the_shipped_model_loads_and_gives_probabilities():
    model = worthiness.load()
    assert model is not None and model.weights and model.common
    data = json.loads(worthiness.MODEL.read_text(encoding="utf-8"))
    assert data["report"]["cv_auc"] > 0.6
    for span in ("1858", "John Speke", "which", "Lake Victoria"):
        assert 0.0 < model.worth(span, PASSAGE[1], 2, WHERE) < 1.0


def test_a_year_or_a_name_is_worth_more_than_an_empty_word():
    model = worthiness.load()
    assert model is not None
    empty = model.worth("which", PASSAGE[1], 2, WHERE)
    assert model.worth("1858", PASSAGE[1], 2, WHERE) > empty
    assert model.worth("John Speke", PASSAGE[1], 2, WHERE) > empty


def test_applying_the_model_is_plain_arithmetic_on_its_weights():
    model = worthiness.Model({"one_word": 1.0, "shape=year": 2.0}, -1.0, {})
    f = worthiness.features("1858", PASSAGE[1], 2, WHERE, {})
    assert model.probability(f) == 1.0 / (1.0 + math.exp(-2.0))


def test_the_same_span_is_described_the_same_way():
    assert describe("Queen Victoria") == describe("Queen Victoria")
    model = worthiness.load()
    assert model is not None
    one = model.worth("Queen Victoria", PASSAGE[1], 2, WHERE)
    assert one == model.worth(
        "Queen Victoria", PASSAGE[1], 2, worthiness.setting("The Nile", PASSAGE)
    )


def test_the_ranker_reads_the_keys_worth():
    ctx = ranker.context("The Nile", PASSAGE)
    question = Item(
        id="q1",
        kind=Kind.SHORT_ANSWER,
        prompt="Who reached Lake Victoria in 1858?",
        answer="John Speke",
        evidence=Evidence(2, PASSAGE[1]),
        rule="who-subject",
    )
    f = ranker.features(question, ctx)
    assert 0.0 < f["key_worth"] < 1.0
    assert f["key_worth"] == ranker.worth(question, ctx)
    statement = Item(
        id="q2",
        kind=Kind.TRUE_FALSE,
        prompt="John Speke reached Lake Victoria in 1858.",
        answer=True,
        evidence=Evidence(2, PASSAGE[1]),
        rule="tf-fact",
    )
    assert "key_worth" not in ranker.features(statement, ctx)
    assert ranker.load().weights.get("key_worth", 0.0) != 0.0
