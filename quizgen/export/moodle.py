"""Moodle XML question import, built with lxml.

What Moodle's importer does with a file (question/format/xml/format.php, qformat_xml) fixes the
details here:

- ``<quiz>`` holds ``<question type="...">`` elements; the first is ``type="category"``,
  whose ``<category><text>`` is a path of names split at ``/`` (a literal ``/`` is ``//``).
  Without a leading ``$course$``-style context Moodle files it under the category the teacher
  imports into. Its ``<info>`` carries the passage, so the questions travel with their text.
- Question text, general feedback, multiple-choice answers and matching sub-questions are
  HTML (``format="html"``): the text is HTML-escaped first. Short answers and matching answers
  are plain text.
- Moodle's XML reader (lib/xmlize.php) drops every piece of character data that is only white
  space, and the XML parser cuts text at each entity: ``<text>a &gt; &lt; b</text>`` comes back
  ``a >< b``. So a text that XML would escape goes in a CDATA section, which comes back whole,
  as Moodle's own exporter writes it (a ``]]>`` inside splits into two sections, as there).
- Question names, matching answers and the category are shown through ``format_string``,
  which strips tags: they are written with ``<`` as ``&lt;`` (fields.moodle_shown). A short
  answer's ``*`` is Moodle's wildcard and is written ``\\*`` (fields.moodle_literal).
- An answer's ``fraction`` must be on Moodle's grade list (question/engine/bank.php,
  fraction_options_full); only 100 and 0 are used here.
- ``truefalse`` answers are the words ``true`` and ``false``, the right one at 100.
- fill_blank becomes ``shortanswer`` with the ``_____`` left in the text: the question Moodle's
  own GIFT importer makes from a missing-word item, graded on any accepted answer. (Cloze would
  need its own escaping inside ``{1:SHORTANSWER:...}`` and gives nothing more for one gap.)
- Moodle's matching question needs at least two questions and three answers
  (qtype_match's edit form); a matching item with fewer than three pairs is left out with a
  warning.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from lxml import etree

from quizgen.export import Rendered, Settings
from quizgen.export.fields import (
    accepted,
    carried,
    evidence_note,
    is_key,
    label,
    moodle_literal,
    moodle_shown,
    one_line,
)
from quizgen.quiz.model import Item, Kind, Quiz

RIGHT, WRONG = "100", "0"  # both on Moodle's grade list
MIN_PAIRS = 3
PENALTY = {Kind.TRUE_FALSE: "1"}  # Moodle's GIFT importer gives true/false a full penalty
DEFAULT_PENALTY = "0.3333333"
# what XML 1.0 cannot hold, and U+FDD0, a noncharacter kept for marking where a CDATA
# section splits (Unicode reserves noncharacters for a program's own use)
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufdcf\ufdd1-\ufffd\U00010000-\U0010ffff]")
ESCAPED = re.compile("[&<>]")  # what lxml writes as an entity in text
CDATA_END = "]]>"
CDATA_SPLIT = "\ufdd0"  # becomes ']]><![CDATA[' once the tree is written


def _clean(text: str) -> str:
    """Text without the control characters XML 1.0 cannot hold (e.g. a form feed from a PDF)."""
    return NOT_XML.sub(" ", str(text))


def _whole(text: str) -> str | etree.CDATA:
    """Text as Moodle's reader takes it whole: in a CDATA section when XML would escape any of
    it, a ``]]>`` split across two sections (``]]]]><![CDATA[>``)."""
    if not ESCAPED.search(text):
        return text
    return etree.CDATA(text.replace(CDATA_END, f"]]{CDATA_SPLIT}>"))


def _html(text: str) -> str:
    return html.escape(_clean(text))


def _text(
    parent: etree._Element, tag: str, text: str, fmt: str | None = None, **attrs: str
) -> etree._Element:
    """Append ``<tag format=...><text>text</text></tag>`` and return the new element."""
    element = etree.SubElement(parent, tag, attrs)
    if fmt:
        element.set("format", fmt)
    etree.SubElement(element, "text").text = _whole(_clean(text))
    return element


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{_html(t)}</p>" for t in texts if t)


def _question(root: etree._Element, item: Item, qtype: str) -> etree._Element:
    """The parts every question has: name, text, evidence as general feedback, grade."""
    question = etree.SubElement(root, "question", type=qtype)
    _text(question, "name", moodle_shown(label(item)))
    _text(question, "questiontext", _paragraphs([item.prompt]), "html")
    _text(question, "generalfeedback", _paragraphs([evidence_note(item)]), "html")
    etree.SubElement(question, "defaultgrade").text = str(item.points)
    etree.SubElement(question, "penalty").text = PENALTY.get(item.kind, DEFAULT_PENALTY)
    etree.SubElement(question, "hidden").text = "0"
    if item.skill is not None:  # the reading skill, as a question-bank tag
        tag = etree.SubElement(etree.SubElement(question, "tags"), "tag")
        etree.SubElement(tag, "text").text = item.skill.value
    return question


def _answer(question: etree._Element, text: str, fraction: str, fmt: str) -> None:
    answer = _text(question, "answer", text, fmt, fraction=fraction)
    _text(answer, "feedback", "", "html")


def _multiple_choice(root: etree._Element, item: Item) -> None:
    question = _question(root, item, "multichoice")
    for tag, value in (("single", "true"), ("shuffleanswers", "true"), ("answernumbering", "abc")):
        etree.SubElement(question, tag).text = value
    for option in item.options:
        _answer(question, _html(option), RIGHT if is_key(item, option) else WRONG, "html")


def _short_answer(root: etree._Element, item: Item) -> None:
    question = _question(root, item, "shortanswer")
    etree.SubElement(question, "usecase").text = "0"  # case does not matter
    for text in accepted(item):
        _answer(question, moodle_literal(text), RIGHT, "moodle_auto_format")


def _true_false(root: etree._Element, item: Item) -> None:
    question = _question(root, item, "truefalse")
    for word, value in (("true", True), ("false", False)):
        _answer(question, word, RIGHT if item.answer is value else WRONG, "moodle_auto_format")


def _matching(root: etree._Element, item: Item) -> None:
    question = _question(root, item, "matching")
    etree.SubElement(question, "shuffleanswers").text = "true"
    for left, right in item.pairs:
        sub = _text(question, "subquestion", _html(left), "html")
        _text(sub, "answer", moodle_shown(right))


WRITERS: dict[Kind, Callable[[etree._Element, Item], None]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _short_answer,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _short_answer,
    Kind.MATCHING: _matching,
}


def _category(root: etree._Element, quiz: Quiz) -> None:
    """The category question first: named after the quiz, the passage as its description."""
    question = etree.SubElement(root, "question", type="category")
    _text(question, "category", moodle_shown(one_line(quiz.title)).replace("/", "//"))
    _text(question, "info", _paragraphs(list(quiz.passage)), "html")


def refusal(item: Item) -> str:
    """Why Moodle cannot take the item ('' when it can)."""
    if item.kind is Kind.MATCHING and len(item.pairs) < MIN_PAIRS:
        return f"{item.id}: left out: Moodle's matching question needs at least {MIN_PAIRS} pairs"
    return ""


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as a Moodle XML file: the category, then one question per item."""
    root = etree.Element("quiz")
    _category(root, quiz)
    quiz, warnings = carried(quiz)
    for item in quiz.items:
        why = refusal(item)
        if why:
            warnings.append(why)
        else:
            WRITERS[item.kind](root, item)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    text = xml.decode("utf-8").replace(CDATA_SPLIT, "]]><![CDATA[")
    return Rendered(files=(("moodle.xml", text),), warnings=tuple(warnings))
