"""The ranker's features and model, on hand-built items (no spaCy)."""

from __future__ import annotations

import json

from quizgen.items import ranker
from quizgen.quiz.model import Evidence, Item, Kind

PASSAGE = (
    "The Nile is the longest river in Africa. It flows north through eleven countries.",
    "In 1858, John Speke reached Lake Victoria, which he named after Queen Victoria.",
    "Scholars argue that the floods made farming possible.",
)
CTX = ranker.context("The Nile", PASSAGE)


def item(
    prompt, answer, kind=Kind.MULTIPLE_CHOICE, options=(), evidence=PASSAGE[1], rule="who-subject"
):
    return Item(
        id="q1",
        kind=kind,
        prompt=prompt,
        answer=answer,
        options=options,
        evidence=Evidence(2, evidence),
        rule=rule,
    )


def test_a_question_is_described_by_its_kind_template_and_question_word():
    f = ranker.features(
        item(
            "Who reached Lake Victoria in 1858?",
            "John Speke",
            options=("John Speke", "Queen Victoria", "Lake Victoria", "Africa"),
        ),
        CTX,
    )
    assert f["kind=multiple_choice"] == 1.0
    assert f["rule=who-"] == 1.0
    assert f["wh=who"] == 1.0
    assert f["answer_shape=name"] == 1.0
    assert f["options_same_shape"] == 1.0
    assert f["answer_in_title"] == 0.0


def test_context_bound_hedged_personal_and_topic_answers_are_marked():
    f = ranker.features(
        item(
            "_____ made farming possible after the same floods.",
            "Nile",
            kind=Kind.FILL_BLANK,
            evidence=PASSAGE[2],
            rule="blank-name",
        ),
        CTX,
    )
    assert f["answer_in_title"] == 1.0
    assert f["hedged_evidence"] == 1.0
    assert f["hedge_kept"] == 0.0
    assert f["context_words"] >= 1
    assert f["blank_first"] == 1.0
    mine = ranker.features(item("What did I see in our town?", "a river"), CTX)
    assert mine["personal"] == 1.0


def test_stray_marks_and_lower_case_starts_are_marked():
    f = ranker.features(item(". at home and around the _____. . .", "world", Kind.FILL_BLANK), CTX)
    assert f["stray_marks"] == 1.0
    assert (
        ranker.features(item("that the torch was passed.", True, Kind.TRUE_FALSE), CTX)[
            "starts_lower"
        ]
        == 1.0
    )


def test_the_model_is_a_logistic_function_of_the_named_features(tmp_path):
    path = tmp_path / "ranker.json"
    path.write_text(
        json.dumps({"bias": -1.0, "threshold": 0.5, "weights": {"a": 2.0, "b": -1.0}}),
        encoding="utf-8",
    )
    model = ranker.load(path)
    assert model is not None and model.threshold == 0.5
    assert abs(model.probability({}) - 1 / (1 + 2.718281828**1)) < 1e-6
    assert model.probability({"a": 1.0}) > 0.5 > model.probability({"b": 1.0})
    assert model.probability({"unknown": 100.0}) == model.probability({})


def test_no_model_file_means_no_model(tmp_path):
    assert ranker.load(tmp_path / "missing.json") is None


def test_the_features_of_an_item_are_the_same_every_time():
    it = item("Who named Lake Victoria?", "John Speke", options=("John Speke", "A", "B", "C"))
    assert ranker.features(it, CTX) == ranker.features(it, CTX)


def test_a_date_is_its_own_shape_not_a_name():
    from quizgen.items.ranker import _case

    assert [_case(t) for t in ("November 2006", "mid-2015", "the 1990s", "22 February")] == [
        "date",
        "date",
        "date",
        "number",
    ]
    assert _case("Theresa May") == "name" and _case("1849") == "number"
