"""The quiz file contract: round trip, JSON Schema, validation that names lines and items."""

import json
from pathlib import Path

import pytest
from conftest import make_hostile_quiz, make_sample_quiz, make_skills_quiz

from quizgen.base.errors import QuizgenError
from quizgen.quiz import quizfile


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "q.quiz.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("make", [make_sample_quiz, make_hostile_quiz, make_skills_quiz])
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
        "ordering",
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


def test_skill_ordering_and_refers_to_are_written_and_checked(tmp_path: Path):
    text = quizfile.dump(make_skills_quiz())
    assert "skill: evidence" in text and "refers_to: q1" in text and "events:" in text
    assert quizfile.validate(write(tmp_path, text)) == []
    bad = text.replace("skill: sequence", "skill: guessing")
    assert any("skill" in p.message for p in quizfile.validate(write(tmp_path, bad)))
    bad = text.replace("refers_to: q1", "refers_to: q99")
    assert any(
        "names no earlier item" in p.message for p in quizfile.validate(write(tmp_path, bad))
    )
    bad = text.replace("- It flows north through eleven countries.", "- It flows south.")
    assert any(
        "copied from the passage" in p.message for p in quizfile.validate(write(tmp_path, bad))
    )


def test_an_ordering_item_needs_its_events(tmp_path: Path):
    text = quizfile.dump(make_skills_quiz())
    start = text.index("  events:")
    end = text.index("  event_evidence:")
    problems = quizfile.validate(write(tmp_path, text[:start] + text[end:]))
    assert any(p.item == "q8" and "events" in p.message for p in problems)
