"""The quiz file contract: round trip, JSON Schema, validation that names lines and items."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from conftest import make_hostile_quiz, make_sample_quiz, make_skills_quiz

from quizgen.base.errors import QuizgenError
from quizgen.quiz import quizfile
from quizgen.quiz.model import Skill


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
        quizfile.load(write(tmp_path, "format: quizgen/1\ntitle: x: y\nitems: []\n"))


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


# --- the file forgives what it should and says what it must (issue 13) -----------------------

TEACHER_FILE = """\
format: quizgen/1
title: The Persian Wars
passage:
  - "The Greeks fought the Persians at Marathon in 490 BC. The Persians lost."
  - "Herodotus wrote the history of the wars."
items:
  - id: q1
    kind: short_answer
    prompt: Who fought the Greeks at Marathon?
    answer: the Persians
    evidence: {paragraph: 1, sentence: "The Greeks fought the Persians at Marathon in 490 BC."}
    rule: who-object
  - id: q99
    kind: multiple_choice
    prompt: Why do you think the Persians lost?
    options: [They were far from home, They had no ships, They were few]
    answer: They were far from home
"""


def problems_of(text: str) -> list[tuple[int, str, str]]:
    return [(p.line, p.item, p.message) for p in quizfile.check(text)[1]]


def test_a_teachers_own_item_needs_no_evidence():
    assert problems_of(TEACHER_FILE) == []
    quiz = quizfile.from_data(quizfile.check(TEACHER_FILE)[0])
    assert quiz.items[1].evidence is None and quiz.items[1].rule == ""


def test_an_item_a_template_made_keeps_its_evidence():
    text = TEACHER_FILE.replace(
        '    evidence: {paragraph: 1, sentence: "The Greeks fought the Persians at Marathon in '
        '490 BC."}\n',
        "",
    )
    ((line, item, message),) = problems_of(text)
    assert (line, item) == (7, "q1") and message.startswith("'evidence' is missing")
    assert "an item of your own has no 'rule'" in message


def test_a_teachers_evidence_must_match():
    text = TEACHER_FILE + '    evidence: {paragraph: 2, sentence: "Herodotus wrote a poem."}\n'
    assert problems_of(text) == [(18, "q99", "evidence sentence is not in paragraph 2")]


@pytest.mark.parametrize(
    ("line", "key", "where", "message"),
    [
        (10, "    acept: [Persia]", "q1", "unknown key 'acept' (did you mean 'accept'?)"),
        (10, "    anwser: Persia", "q1", "unknown key 'anwser' (did you mean 'answer'?)"),
        (
            10,
            "    hint: think of Iran",
            "q1",
            "unknown key 'hint'; a key for another purpose goes under a name that starts with "
            "'x-' (x-hint)",
        ),
        (3, "tittle: Wars", "", "unknown key 'tittle' (did you mean 'title'?)"),
    ],
)
def test_an_unknown_key_is_an_error_that_names_the_nearest_known_key(line, key, where, message):
    lines = TEACHER_FILE.splitlines()
    lines.insert(line - 1, key)
    assert problems_of("\n".join(lines) + "\n") == [(line, where, message)]


def test_an_unknown_key_inside_evidence_names_its_place():
    text = TEACHER_FILE.replace("sentence: ", "sentense: ")
    assert problems_of(text) == [
        (11, "q1", "evidence: unknown key 'sentense' (did you mean 'sentence'?)"),
        (11, "q1", "evidence: 'sentence' is missing"),
    ]


X_KEYS = """\
x-course: {code: HIST-7, term: 2}
source: {file: wars.txt, sha256: abc, words: 20, x-scanned: true}
generator: {version: 0.1.0, model: en_core_web_sm 3.8.0, seed: 7, x-run: 3}
"""


def test_x_keys_are_allowed_anywhere_and_kept():
    text = TEACHER_FILE.replace("passage:\n", X_KEYS + "passage:\n", 1).replace(
        '490 BC."}\n    rule', '490 BC.", x-checked: ms}\n    x-minutes: 2\n    rule', 1
    )
    assert problems_of(text) == []
    quiz = quizfile.from_data(quizfile.check(text)[0])
    assert dict(quiz.extra) == {"x-course": {"code": "HIST-7", "term": 2}}
    assert quiz.source.extra == (("x-scanned", True),) and quiz.generator.extra == (("x-run", 3),)
    assert quiz.items[0].evidence.extra == (("x-checked", "ms"),)
    assert quiz.items[0].extra == (("x-minutes", 2),)
    again = quizfile.check(quizfile.dump(quiz))
    assert again[1] == [] and quizfile.from_data(again[0]) == quiz


def test_the_keys_design_names_are_read_and_kept():
    """skill and refers_to (DESIGN.md) on a teacher's items; ordering's events are held by the
    round trip of the skills sample."""
    text = TEACHER_FILE + (
        "    skill: cause\n"
        "  - id: q100\n    kind: multiple_choice\n    prompt: Which sentence proves q1?\n"
        "    options: [The Persians lost., Herodotus wrote the history of the wars.]\n"
        "    answer: The Persians lost.\n    refers_to: q1\n"
    )
    assert problems_of(text) == []
    quiz = quizfile.from_data(quizfile.check(text)[0])
    assert quiz.items[1].skill is Skill.CAUSE
    assert quiz.items[2].refers_to == "q1"
    assert quizfile.from_data(quizfile.check(quizfile.dump(quiz))[0]) == quiz


def test_keys_that_are_not_text_or_come_twice_are_named():
    text = TEACHER_FILE.replace("    rule: who-object\n", "    rule: who-object\n    1: one\n")
    assert problems_of(text) == [
        (13, "q1", "the key 1 is read as a int, not text; put it in quotes")
    ]
    twice = TEACHER_FILE.replace("    rule: who-object\n", "    rule: who-object\n    answer: x\n")
    assert problems_of(twice) == [
        (
            13,
            "",
            "the key 'answer' is given twice (first on line 10); YAML would keep only this one",
        )
    ]


def test_a_text_read_as_a_mapping_says_to_quote_it():
    text = TEACHER_FILE.replace(
        "answer: the Persians\n",
        "answer: the Persians\n    accept:\n      - Persia: the old name\n",
    )
    ((line, item, message),) = problems_of(text)
    assert (line, item) == (12, "q1") and message.endswith("put the text in quotes")


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        (  # the issue's case: reported where the text starts, with the fix
            "    prompt: Herodotus wrote: who lost?\n",
            "line 9, column 28",
            'put the text in quotes: prompt: "Herodotus wrote: who lost?"',
        ),
        (
            "    accept:\n      - Herodotus said: the Persians: lost\n",
            "line 10, column 37",
            'put the text in quotes: - "Herodotus said: the Persians: lost"',
        ),
        (
            "    options: [the Persians, the Spartans\n",
            "line 9, column 14",
            "the '[' here is never closed with ']'",
        ),
        (
            "    evidence: {paragraph: 1\n",
            "line 9, column 15",
            "the '{' here is never closed with '}'",
        ),
        ('    prompt: "Who lost?\n', "line 9, column 13", "is this text's closing quote missing?"),
        ("    prompt: Who\n      lost: at Marathon?\n", "line 9, column 13", "runs on to line 10"),
        ("    answer: *\n", "line 9, column 13", "a text that starts with '*' must be in quotes"),
        ("\tanswer: x\n", "line 9, column 1", "a tab indents this line"),
    ],
)
def test_a_yaml_error_names_the_line_where_the_broken_text_starts(tmp_path, text, where, says):
    lines = TEACHER_FILE.splitlines(keepends=True)
    broken = "".join(lines[:8]) + text + "".join(lines[8:])
    with pytest.raises(QuizgenError, match=f"not valid YAML at {where}: .*{re.escape(says)}"):
        quizfile.load(write(tmp_path, broken))


def test_an_unclosed_bracket_is_reported_where_it_opens_not_where_the_file_ends(tmp_path):
    text = TEACHER_FILE.replace(
        "    options: [They were far from home, They had no ships, They were few]\n",
        "    options: [They were far from home, They had no ships, They were few\n",
    )
    assert text.splitlines()[15].startswith("    options: [")  # line 16
    with pytest.raises(QuizgenError, match=r"at line 16, column 14: the '\[' here is never closed"):
        quizfile.load(write(tmp_path, text))
    (problem,) = quizfile.validate(write(tmp_path, text))  # validate lists it as a problem
    assert str(problem).startswith("line 16: not valid YAML (column 14): the '[' here is never")


def test_the_schema_says_it_too_for_editors():
    import jsonschema

    schema = json.loads(quizfile.schema_text())
    item = schema["properties"]["items"]["items"]
    evidence = item["properties"]["evidence"]
    for closed in (schema, item, evidence, schema["properties"]["source"]):
        assert closed["additionalProperties"] is False
        assert list(closed["patternProperties"]) == ["^x-"]
    assert item["required"] == ["id", "kind", "prompt"]
    assert {"if": {"required": ["rule"]}, "then": {"required": ["evidence"]}} in item["allOf"]
    assert {"skill", "events", "event_evidence", "refers_to"} <= set(item["properties"])
    editor = jsonschema.Draft202012Validator(schema)
    data = quizfile.safe_load(TEACHER_FILE)
    assert list(editor.iter_errors(data)) == []
    data["items"][1]["acept"] = ["far"]
    data["items"][1]["x-note"] = "mine"
    (error,) = editor.iter_errors(data)
    assert error.validator == "additionalProperties" and "'acept'" in error.message


def test_a_teachers_items_show_no_evidence_anywhere(tmp_path):
    """Every format renders an item without evidence, and shows none for it."""
    from quizgen.export import FORMATS, export

    text = TEACHER_FILE.replace(
        '    evidence: {paragraph: 1, sentence: "The Greeks fought the Persians at Marathon in '
        '490 BC."}\n    rule: who-object\n',
        "",
    ) + (
        "  - id: q3\n    kind: matching\n    prompt: Match.\n"
        "    pairs: [[Greeks, won], [Persians, lost], [Herodotus, wrote]]\n"
        "  - id: q4\n    kind: fill_blank\n    prompt: The Persians _____.\n    answer: lost\n"
        "  - id: q5\n    kind: true_false\n    prompt: The Greeks won.\n    answer: true\n"
    )
    assert problems_of(text) == []
    quiz = quizfile.from_data(quizfile.check(text)[0])
    for fmt in FORMATS:
        for name, content in export(quiz, fmt).files:
            assert not EVIDENCE.search(shown_text(content)), (fmt, name)


EVIDENCE = re.compile(r"Paragraph \d+:")  # how every format words an item's evidence


def shown_text(content: str | bytes) -> str:
    """The text in an exported file: a zip's members (a deck's database among them), a PDF's
    text layer, or the text itself."""
    if isinstance(content, str):
        return content
    if content.startswith(b"%PDF"):
        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return " ".join(shown_text(archive.read(n)) for n in archive.namelist())
    return content.decode("utf-8", errors="replace")


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
