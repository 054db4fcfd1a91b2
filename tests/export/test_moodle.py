"""Moodle XML export: golden file, well-formed XML, the import rules, and text that reads back
as Moodle's reader keeps it and Moodle shows it (tests/moodle_reading.py)."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest
from lxml import etree
from moodle_reading import answer_shown, php_trim, read_xml, shown, shown_name, wildcard_matches

from quizgen.export import export
from quizgen.export.fields import accepted, evidence_note, is_key, label, one_line
from quizgen.quiz.model import Item, Kind, Quiz

# Moodle's grade list (question/engine/bank.php, fraction_options_full), in percent
GRADES = {
    100,
    90,
    83.33333,
    80,
    75,
    70,
    66.66667,
    60,
    50,
    40,
    33.33333,
    30,
    25,
    20,
    16.66667,
    14.28571,
    12.5,
    11.11111,
    10,
    5,
    0,
}
GRADES |= {-g for g in GRADES}
QTYPES = {
    Kind.MULTIPLE_CHOICE: "multichoice",
    Kind.SHORT_ANSWER: "shortanswer",
    Kind.TRUE_FALSE: "truefalse",
    Kind.FILL_BLANK: "shortanswer",
    Kind.MATCHING: "matching",
}


READ: dict[etree._Element, str] = {}  # element -> the text Moodle's reader keeps of it


def moodle(quiz: Quiz) -> etree._Element:
    root, texts = read_xml(export(quiz, "moodle").files[0][1].encode("utf-8"))
    READ.update(texts)
    return root


def text_of(element: etree._Element, path: str = "") -> str:
    """qformat_xml::getpath(..., '#', 'text', 0, '#', true): the text, trimmed."""
    return php_trim(READ[element.find(f"{path}/text" if path else "text")])


def category_names(path: str) -> list[str]:
    """Moodle's reading of a category path (qformat_default::split_category_path), each level
    as the question bank shows it (format_string)."""
    return [shown(part.replace("//", "/").strip()) for part in re.split(r"(?<!/)/(?!/)", path)]


def from_html(fragment: str) -> str:
    """The text an HTML field shows: paragraph tags dropped, entities decoded."""
    return html.unescape(re.sub(r"</?p>", "", fragment))


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_one_question_per_item_after_the_category(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    root = moodle(quiz)
    assert root.tag == "quiz"
    questions = root.findall("question")
    assert len(questions) == 1 + len(quiz.items)
    assert questions[0].get("type") == "category"
    assert category_names(text_of(questions[0], "category")) == [one_line(quiz.title)]
    assert [q.get("type") for q in questions[1:]] == [QTYPES[i.kind] for i in quiz.items]


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_every_fraction_is_on_the_grade_list(quiz_name, request):
    root = moodle(request.getfixturevalue(quiz_name))
    fractions = [a.get("fraction") for a in root.iter("answer") if a.get("fraction") is not None]
    assert fractions
    assert all(float(f) in GRADES for f in fractions)


def check_question(question: etree._Element, item: Item) -> None:
    """One question's text, answers and feedback against the item, as Moodle would read them."""
    assert shown_name(text_of(question, "name")) == label(item)
    assert question.find("questiontext").get("format") == "html"
    assert from_html(text_of(question, "questiontext")) == item.prompt
    assert from_html(text_of(question, "generalfeedback")) == evidence_note(item)
    answers = question.findall("answer")
    if item.kind is Kind.MULTIPLE_CHOICE:
        assert [from_html(text_of(a)) for a in answers] == list(item.options)
        assert [a.get("fraction") == "100" for a in answers] == [
            is_key(item, o) for o in item.options
        ]
    elif item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK):
        stored = [text_of(a) for a in answers]  # plain text, '*' Moodle's wildcard
        assert [answer_shown(a) for a in stored] == accepted(item)
        assert all(
            wildcard_matches(typed, a) for typed, a in zip(accepted(item), stored, strict=True)
        )
        assert {a.get("fraction") for a in answers} == {"100"}
    elif item.kind is Kind.TRUE_FALSE:
        right = next(text_of(a) for a in answers if a.get("fraction") == "100")
        assert right == ("true" if item.answer else "false")
        assert sorted(text_of(a) for a in answers) == ["false", "true"]
    else:
        subs = question.findall("subquestion")
        assert [(from_html(text_of(s)), shown(text_of(s, "answer"))) for s in subs] == list(
            item.pairs
        )


@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_text_reads_back_intact(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    root = moodle(quiz)
    category = root.find("question")
    assert from_html(text_of(category, "info")) == "".join(quiz.passage)
    for question, item in zip(root.findall("question")[1:], quiz.items, strict=True):
        check_question(question, item)


def test_hostile_markup_stays_text(hostile_quiz):
    questiontext = text_of(moodle(hostile_quiz).findall("question")[1], "questiontext")
    assert "<b>" not in questiontext and "&lt;b&gt;" in questiontext


def test_text_xml_would_escape_is_written_whole_in_cdata(sample_quiz):
    """Moodle's reader drops the chunks of white space between entities; CDATA it keeps whole."""
    item = Item(id="c1", kind=Kind.SHORT_ANSWER, prompt="Sign?", answer="a > < b", accept=("& &",))
    data = export(replace(sample_quiz, items=(item,)), "moodle").files[0][1]
    assert "<text><![CDATA[a > < b]]></text>" in data and "<text><![CDATA[& &]]></text>" in data
    root = moodle(replace(sample_quiz, items=(item,)))
    assert [text_of(a) for a in root.findall("question")[1].findall("answer")] == ["a > < b", "& &"]


def test_a_cdata_end_in_the_text_splits_the_section_as_moodle_does(sample_quiz):
    item = Item(id="c2", kind=Kind.SHORT_ANSWER, prompt="End?", answer="x ]]> <y>")
    data = export(replace(sample_quiz, items=(item,)), "moodle").files[0][1]
    assert "<![CDATA[x ]]]]><![CDATA[> <y>]]>" in data
    question = moodle(replace(sample_quiz, items=(item,))).findall("question")[1]
    assert text_of(question, "answer") == "x ]]> <y>"


def test_matching_needs_three_pairs(sample_quiz):
    two = Item(id="m2", kind=Kind.MATCHING, prompt="Match.", pairs=(("a", "1"), ("b", "2")))
    rendered = export(replace(sample_quiz, items=(sample_quiz.items[0], two)), "moodle")
    root = etree.fromstring(rendered.files[0][1].encode("utf-8"))
    assert len(root.findall("question")) == 2
    assert rendered.warnings == ("m2: left out: Moodle's matching question needs at least 3 pairs",)


def test_control_characters_do_not_break_the_xml(sample_quiz):
    item = replace(sample_quiz.items[1], prompt="How many\x0c countries\x00?")
    question = moodle(replace(sample_quiz, items=(item,))).findall("question")[1]
    assert from_html(text_of(question, "questiontext")) == "How many  countries ?"


def test_category_path_escapes_slashes(sample_quiz):
    root = moodle(replace(sample_quiz, title="Rivers/Lakes"))
    assert text_of(root.find("question"), "category") == "Rivers//Lakes"
