"""The quiz file contract: round trip, JSON Schema, validation that names lines and items."""

import json
from pathlib import Path

import pytest
from conftest import make_hostile_quiz, make_sample_quiz

from quizgen.base.errors import QuizgenError
from quizgen.quiz import quizfile


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.quiz.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [make_sample_quiz, make_hostile_quiz])
def test_round_trip_is_exact(tmp_path: Path, make):
    quiz = make()
    path = write(tmp_path, quizfile.dump(quiz))
    assert quizfile.validate(path) == []
    assert quizfile.load(path) == quiz


def test_file_names_its_schema_and_the_schema_is_json():
    text = quizfile.dump(make_sample_quiz())
    assert text.startswith("# yaml-language-server: $schema=quizgen-1.schema.json\n")
    schema = json.loads(quizfile.schema_text())
    assert schema["properties"]["items"]["items"]["properties"]["kind"]["enum"] == [
        "multiple_choice",
        "short_answer",
        "true_false",
        "fill_blank",
        "matching",
    ]


def test_unknown_kind_names_item_and_line(tmp_path: Path):
    text = quizfile.dump(make_sample_quiz()).replace("kind: short_answer", "kind: essay")
    problems = quizfile.validate(write(tmp_path, text))
    assert any(p.item == "q2" and "kind" in p.message for p in problems)
    line = text.splitlines().index("  kind: essay") + 1
    assert any(p.line == line for p in problems)


def test_missing_key_names_the_key(tmp_path: Path):
    text = quizfile.dump(make_sample_quiz()).replace("  answer: eleven\n", "")
    problems = quizfile.validate(write(tmp_path, text))
    assert any(p.item == "q2" and "answer" in p.message for p in problems)


def test_answer_must_be_one_of_the_options(tmp_path: Path):
    text = quizfile.dump(make_sample_quiz()).replace("answer: John Speke", "answer: Burton")
    problems = quizfile.validate(write(tmp_path, text))
    assert [p.item for p in problems] == ["q1"]


def test_evidence_must_be_in_its_paragraph(tmp_path: Path):
    text = quizfile.dump(make_sample_quiz()).replace(
        "sentence: Floods came every summer.", "sentence: Floods came every spring."
    )
    problems = quizfile.validate(write(tmp_path, text))
    assert any(p.item == "q3" and "not in paragraph 3" in p.message for p in problems)


def test_broken_yaml_names_line_and_column(tmp_path: Path):
    with pytest.raises(QuizgenError, match=r"not valid YAML at line 2, column 9"):
        quizfile.validate(write(tmp_path, "format: quizgen/1\ntitle: x: y\nitems: []\n"))


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path):
    marker = tmp_path / "ran"
    text = (
        f"format: quizgen/1\ntitle: !!python/object/apply:os.system ['touch {marker}']\n"
        "passage: [a]\nitems: []\n"
    )
    with pytest.raises(QuizgenError, match="refused"):
        quizfile.load(write(tmp_path, text))
    assert not marker.exists()


def test_load_raises_with_the_first_problem(tmp_path: Path):
    text = quizfile.dump(make_sample_quiz()).replace("kind: short_answer", "kind: essay")
    with pytest.raises(QuizgenError, match="item q2"):
        quizfile.load(write(tmp_path, text))


def test_option_sources_and_alternatives_round_trip(tmp_path: Path):
    """A wrong option's source and the next-best options are kept for review; the review
    page's own shape (a list of texts) is valid too."""
    from dataclasses import replace

    quiz = make_sample_quiz()
    mc = next(i for i in quiz.items if i.kind.value == "multiple_choice")
    wrong = [o for o in mc.options if o != mc.answer]
    kept = replace(
        mc,
        sources=tuple((o, "paragraph 2") for o in wrong),
        alternatives=(("Mungo Park", "paragraph 3"),),
    )
    quiz = replace(quiz, items=tuple(kept if i is mc else i for i in quiz.items))
    path = tmp_path / "q.quiz.yaml"
    path.write_text(quizfile.dump(quiz), encoding="utf-8")
    assert quizfile.validate(path) == []
    assert quizfile.load(path) == quiz
    data = quizfile.to_data(quiz)
    data["items"][0]["alternatives"] = ["Mungo Park"]
    assert quizfile._schema_problems(data, None) == []
    assert quizfile._item(data["items"][0]).alternatives == (("Mungo Park", ""),)
