"""What a teacher may type, through every LMS format, read back the way each LMS reads it
(issue 13): Moodle's ``*`` wildcard, its XML reader dropping white space between entities,
``format_string`` stripping tags from names and matching answers, GIFT reading a leading
``[html]`` as a format and not carrying ``->`` in a left side; and the same traps in the other
formats (Canvas and QTI 2.1 response matching, Blackboard's tab fields, Brightspace's CSV,
Kahoot's cells, Quizlet's cards, Anki's fields, where ``[sound:…]`` would play a sound).

Each format has a reader that parses its file the way its LMS does (Moodle's text handling in
tests/moodle_reading.py, gift-pegjs, the IMS XSDs, Anki's backend, openpyxl, a CSV reader)
and gives back, for each item, what a student sees and what would be marked right; the test
compares that with the teacher's quiz, never with strings quizgen meant to write.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl
import pytest
from lxml import etree
from lxml import html as lxml_html
from moodle_reading import (
    answer_shown,
    category_names,
    php_trim,
    read_xml,
    shown,
    shown_name,
    wildcard_matches,
)
from qti_zip import assert_valid, html_text, schema, unpack

from quizgen.export import GROUPS, Rendered, canvas, export, qti21
from quizgen.export.fields import label, one_line
from quizgen.quiz.model import Evidence, Generator, Item, Kind, Quiz

TESTS = Path(__file__).resolve().parent.parent
NODE = shutil.which("node")
GIFT_PEGJS = TESTS / ".node" / "node_modules" / "gift-pegjs"

PASSAGE = (
    "The board in the classroom said a*b, and the footnote sign was a star.",
    "Between a and b stood the signs > and <, and the note read x <= y & y >= z.",
)
TITLE = "Signs: x <= y & a > < b"


def make_teacher_quiz() -> Quiz:
    """A teacher's own edits: each of the five traps Moodle's importer showed, in every place a
    teacher may type it (keys, options, names, left and right sides, the title)."""
    ev = Evidence(1, PASSAGE[0])
    items = (
        # 1. '*' is Moodle's wildcard in a short answer ('=*' accepts anything)
        Item("w1", Kind.SHORT_ANSWER, "Which sign marks a footnote?", "*", accept=("asterisk",)),
        Item("w2", Kind.SHORT_ANSWER, "What did the board say?", "a*b", evidence=ev),
        Item("w3", Kind.FILL_BLANK, "The code on the door was _____ today.", "**"),
        Item(
            "w4",
            Kind.MULTIPLE_CHOICE,
            "Which sign is the wildcard?",
            "*",
            options=("*", "=*", "a*b", "-1"),
        ),
        # 2. white space between two entities is dropped by Moodle's XML reader
        Item(
            "s1",
            Kind.SHORT_ANSWER,
            "Which signs stand between a and b?",
            "a > < b",
            accept=("& &",),
        ),
        Item(
            "s2",
            Kind.MULTIPLE_CHOICE,
            "Is a > < b & & c?",
            "a > < b",
            options=("a > < b", "& &", "< >"),
            evidence=Evidence(2, PASSAGE[1]),
        ),
        # 3. format_string strips tags from question names and matching answers
        Item(
            "t1",
            Kind.MATCHING,
            "Match x <= y & y >= z.",
            pairs=(("first", "x <= y & y >= z"), ("second", "a > < b"), ("third", "& &")),
        ),
        # 4. GIFT reads a leading [html], [plain], [moodle] or [markdown] as a format
        Item(
            "g1",
            Kind.MULTIPLE_CHOICE,
            "Which is in italics?",
            "[html]<i>fmt</i>",
            options=("[html]<i>fmt</i>", "[plain]text", "[moodle]m", "[markdown]**b**"),
        ),
        Item(
            "g2", Kind.SHORT_ANSWER, "What does the tag say?", "[html]x", accept=("[markdown]*y",)
        ),
        Item(
            "g3",
            Kind.MATCHING,
            "Match the marks.",
            pairs=(("[html]<i>fmt</i>", "italic"), ("[markdown]**b**", "bold"), ("[plain]p", "p")),
        ),
        Item("g4", Kind.TRUE_FALSE, "The bell says [sound:bell.mp3] [latex]x^2[/latex].", True),
        # 5. '->' in a matching left side: GIFT cannot carry it
        Item(
            "a1",
            Kind.MATCHING,
            "Match each arrow.",
            pairs=(("a -> b", "an arrow"), ("c", "see"), ("d", "dee")),
        ),
    )
    return Quiz(
        title=TITLE,
        passage=PASSAGE,
        items=items,
        generator=Generator("0.1.0", "en_core_web_sm 3.8.0", 5),
    )


CASES = {  # the five Moodle findings -> the items that carry each
    "1 '*' wildcard in a short answer": ("w1", "w2", "w3", "w4"),
    "2 white space between entities": ("s1", "s2", ""),
    "3 tags stripped from names and matching answers": ("t1", "s2", ""),
    "4 leading [html] format marker (and Anki's [sound:])": ("g1", "g2", "g3", "g4"),
    "5 '->' in a matching left side": ("a1",),
}
WILDCARD_PROBES = {"w1": "anything at all", "w2": "aQQQb", "w3": "x"}  # must not be marked right


@dataclass
class Back:
    """What an LMS makes of one item (or, under the id '', of the quiz's title)."""

    texts: list[str] = field(default_factory=list)  # what a student (or the teacher) sees
    right: list[str] = field(default_factory=list)  # the options marked right, as shown
    pairs: list[tuple[str, str]] = field(default_factory=list)  # matching, as paired
    typed: Callable[[str], bool] | None = None  # whether a typed response is marked right


def _casefold_equal(stored: list[str]) -> Callable[[str], bool]:
    """Exact matching, case ignored and the response trimmed: how Canvas, Blackboard and
    Brightspace mark a typed answer (none has a wildcard)."""
    keys = {s.strip().casefold() for s in stored}
    return lambda response: response.strip().casefold() in keys


# --- Moodle XML: its reader's text handling, then format_string and the wildcard ---------


def read_moodle(data: bytes) -> dict[str, Back]:
    root, kept = read_xml(data)

    def text(element: etree._Element, path: str = "") -> str:
        return php_trim(kept[element.find(f"{path}/text" if path else "text")])

    out: dict[str, Back] = {}
    for question in root.findall("question"):
        kind = question.get("type")
        if kind == "category":
            out[""] = Back(texts=category_names(text(question, "category")))
            continue
        name = shown_name(text(question, "name"))
        back = Back(texts=[name, html_text(text(question, "questiontext"))])
        answers = question.findall("answer")
        if kind == "multichoice":
            options = [html_text(text(a)) for a in answers]
            back.texts += options
            back.right = [
                o for o, a in zip(options, answers, strict=True) if a.get("fraction") == "100"
            ]
        elif kind == "shortanswer":
            stored = [text(a) for a in answers]
            back.texts += [answer_shown(s) for s in stored]
            back.typed = lambda r, stored=stored: any(wildcard_matches(r, s) for s in stored)
        elif kind == "truefalse":
            back.right = [text(a) for a in answers if a.get("fraction") == "100"]
        else:
            back.pairs = [
                (html_text(text(sub)), shown(text(sub, "answer")))
                for sub in question.findall("subquestion")
            ]
        out[name.split(" ", 1)[0]] = back
    return out


# --- GIFT: gift-pegjs, then what Moodle shows of each part and how it marks -------------


def _gift_shown(part: dict) -> str:
    """A text gift-pegjs read with its format: plain shows as it is, any other as HTML."""
    return part["text"] if part["format"] == "plain" else html_text(part["text"])


def read_gift(data: bytes) -> dict[str, Back]:
    if NODE is None or not GIFT_PEGJS.is_dir():
        pytest.skip("gift-pegjs is not installed (tests/run.sh installs it)")
    done = subprocess.run(
        [NODE, str(TESTS / "gift_parse.js")],
        input=data.decode("utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, f"gift-pegjs refused the file: {done.stderr}"
    out: dict[str, Back] = {}
    for question in json.loads(done.stdout):
        if question["type"] == "Category":
            raw = question["title"].replace("\\\\", "\\")
            out[""] = Back(texts=category_names(raw))
            continue
        name = shown_name(question["title"])
        back = Back(texts=[name, _gift_shown(question["stem"])])
        choices = question.get("choices") or []
        if question["type"] == "MC":
            options = [_gift_shown(c["text"]) for c in choices]
            back.texts += options
            back.right = [o for o, c in zip(options, choices, strict=True) if c["isCorrect"]]
        elif question["type"] == "Short":
            stored = [_gift_shown(c["text"]) for c in choices]  # Moodle keeps only the text
            back.texts += [answer_shown(s) for s in stored]
            back.typed = lambda r, stored=stored: any(wildcard_matches(r, s) for s in stored)
        elif question["type"] == "TF":
            back.right = ["true" if question["isTrue"] else "false"]
        else:
            back.pairs = [
                (_gift_shown(p["subquestion"]), shown(p["subanswer"]))
                for p in question["matchPairs"]
            ]
        out[name.split(" ", 1)[0]] = back
    return out


# --- Canvas (QTI 1.2) and QTI 2.1: schema-valid, then scored as their response rules say ---


def read_canvas(data: bytes) -> dict[str, Back]:
    files = unpack(data)
    name = next(n for n in files if n.endswith(".xml") and "/" in n and "meta" not in n)
    assert_valid(schema("qti12/ims_qtiasiv1p2.xsd"), files[name], name)
    ns = {"q": canvas.QTI}
    root = etree.fromstring(files[name])
    meta = etree.fromstring(next(v for n, v in files.items() if n.endswith("assessment_meta.xml")))
    out = {"": Back(texts=[root.find("q:assessment", ns).get("title"), meta.findtext("{*}title")])}
    for item in root.iterfind(".//q:item", ns):
        presentation = item.find("q:presentation", ns)
        back = Back(texts=[html_text(presentation.findtext("q:material/q:mattext", "", ns))])
        labels = {
            lab.get("ident"): lab.findtext("q:material/q:mattext", "", ns)
            for lab in presentation.iterfind(".//q:response_label", ns)
        }
        scoring = item.findall("q:resprocessing/q:respcondition", ns)
        if presentation.find("q:response_str", ns) is not None:
            stored = [v.text for c in scoring for v in c.iterfind("q:conditionvar/q:varequal", ns)]
            back.texts += stored
            back.typed = _casefold_equal(stored)
        elif presentation.find("q:response_lid/q:material", ns) is not None:  # matching
            right = {
                v.get("respident"): v.text
                for c in scoring
                for v in c.iterfind("q:conditionvar/q:varequal", ns)
            }
            for response in presentation.iterfind("q:response_lid", ns):
                left = response.findtext("q:material/q:mattext", "", ns)
                back.pairs.append((left, labels[right[response.get("ident")]]))
        else:
            back.texts += list(labels.values())
            back.right = [
                labels[v.text]
                for c in scoring
                if c.findtext("q:setvar", "", ns) == "100"
                for v in c.iterfind("q:conditionvar/q:varequal", ns)
            ]
        out[item.get("title")] = back
    return out


def read_qti21(data: bytes) -> dict[str, Back]:
    files = unpack(data)
    xsd = schema("imsqti/qtiv2p1/imsqti_v2p1.xsd")
    ns = {"q": qti21.QTI}
    test = etree.fromstring(files[qti21.TEST_FILE])
    out = {"": Back(texts=[test.get("title")])}
    for ref in test.iterfind(".//q:assessmentItemRef", ns):
        assert_valid(xsd, files[ref.get("href")], ref.get("href"))
        item = etree.fromstring(files[ref.get("href")])
        correct = [v.text for v in item.iterfind(".//q:correctResponse/q:value", ns)]
        back = Back()
        choice = item.find(".//q:choiceInteraction", ns)
        match = item.find(".//q:matchInteraction", ns)
        entry = item.find(".//q:textEntryInteraction", ns)
        if choice is not None:
            options = {c.get("identifier"): c.text for c in choice.iterfind("q:simpleChoice", ns)}
            back.texts = [choice.findtext("q:prompt", "", ns), *options.values()]
            back.right = [options[c] for c in correct]
        elif match is not None:
            left, right = (
                {c.get("identifier"): c.text for c in s.iterfind("q:simpleAssociableChoice", ns)}
                for s in match.iterfind("q:simpleMatchSet", ns)
            )
            back.texts = [match.findtext("q:prompt", "", ns)]
            back.pairs = [(left[a], right[b]) for a, b in (c.split() for c in correct)]
        else:
            paragraph = entry.getparent()
            if paragraph.getparent().get("class") == "question":  # short_answer: prompt above
                prompt = paragraph.getparent().findtext("q:p", "", ns)
            else:  # fill_blank: the box stands in the sentence
                prompt = f"{paragraph.text or ''}_____{entry.tail or ''}"
            keys = [e.get("mapKey") for e in item.iterfind(".//q:mapEntry", ns)]
            back.texts = [prompt, *keys]
            folded = {k.casefold() for k in keys}  # caseSensitive="false"; nothing trimmed
            back.typed = lambda r, folded=folded: r.casefold() in folded
        out[item.get("title")] = back
    return out


# --- the tab, comma and spreadsheet formats ------------------------------------------------


def read_blackboard(data: bytes, quiz: Quiz) -> dict[str, Back]:
    """Blackboard splits each line at its tabs; the rows follow the quiz's items."""
    rows = [line.split("\t") for line in data.decode("utf-8").splitlines()]
    out = {}
    for item, (kind, prompt, *rest) in zip(quiz.items, rows, strict=True):
        back = Back(texts=[prompt])
        if kind == "MC":
            back.texts += rest[0::2]
            back.right = [
                t for t, mark in zip(rest[0::2], rest[1::2], strict=True) if mark == "correct"
            ]
        elif kind == "FIB":
            back.texts += rest
            back.typed = _casefold_equal(rest)
        elif kind == "MAT":
            back.pairs = list(zip(rest[0::2], rest[1::2], strict=True))
        else:
            back.right = rest
        out[item.id] = back
    return out


def read_brightspace(data: bytes) -> dict[str, Back]:
    """D2L's importer reads RFC 4180 CSV: a block of rows per NewQuestion."""
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    out: dict[str, Back] = {}
    back, lefts, answers = Back(), {}, []
    for row in rows:
        head, *rest = row or [""]
        if head == "NewQuestion":
            back, lefts, answers = Back(), {}, []
        elif head == "ID":
            out[rest[0].rsplit("-", 1)[1]] = back
        elif head in ("Title", "QuestionText"):
            back.texts.append(rest[0])
        elif head == "Option":
            back.texts.append(rest[1])
            back.right += [rest[1]] if rest[0] == "100" else []
        elif head == "Answer":
            answers.append(rest[1])
            back.texts.append(rest[1])
            back.typed = _casefold_equal(answers)
        elif head == "Choice":
            lefts[rest[0]] = rest[1]
        elif head == "Match":
            back.pairs.append((lefts[rest[0]], rest[1]))
        elif head in ("TRUE", "FALSE") and rest[0] == "100":
            back.right = [head.lower()]
    return out


def read_kahoot(data: bytes, quiz: Quiz) -> dict[str, Back]:
    """The sheet as openpyxl (and Kahoot's importer) reads it: every text cell a string."""
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [c for row in sheet.iter_rows(min_row=8) for c in row[1:6] if c.value is not None]
    assert {c.data_type for c in cells} == {"s"}, "a cell would be read as a formula or number"
    by_prompt = {one_line(i.prompt): i.id for i in quiz.items}
    out = {"": Back(texts=[sheet.cell(2, 2).value])}
    for row in sheet.iter_rows(min_row=9, values_only=True):
        question, *answers = row[1:6]
        answers = [a for a in answers if a is not None]
        out[by_prompt[question]] = Back(texts=[question, *answers], right=[answers[row[7] - 1]])
    return out


def read_quizlet(data: bytes, quiz: Quiz) -> dict[str, Back]:
    """Quizlet's import: a card per line, the term before the tab, the definition after."""
    cards = [line.split("\t") for line in data.decode("utf-8").splitlines()]
    assert all(len(card) == 2 for card in cards)
    out, at = {}, 0
    for item in quiz.items:
        count = len(item.pairs) if item.kind is Kind.MATCHING else 1
        mine, at = cards[at : at + count], at + count
        if item.kind is Kind.MATCHING:
            out[item.id] = Back(pairs=[(term, definition) for term, definition in mine])
        else:
            out[item.id] = Back(texts=mine[0], right=[mine[0][1]])
    assert at == len(cards)
    return out


def _blocks(fragment: str) -> list[str]:
    """The text of an Anki field's top-level parts: its loose text and each div or list item."""
    root = lxml_html.fragment_fromstring(fragment, create_parent="section")
    parts = [root.text or ""] + [e.text_content() for e in root.iter("div", "li")]
    return [p for p in parts if p]


def read_anki(data: bytes, quiz: Quiz) -> dict[str, Back]:
    """The deck imported by Anki's own backend; each card rendered as Anki renders it."""
    collection = pytest.importorskip("anki.collection")
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        deck = Path(folder) / "deck.apkg"
        deck.write_bytes(data)
        col = collection.Collection(str(Path(folder) / "collection.anki2"))
        try:
            col.import_anki_package(collection.ImportAnkiPackageRequest(package_path=str(deck)))
            notes = sorted((col.get_note(nid) for nid in col.find_notes("")), key=lambda n: n.id)
            for note in notes:
                card = note.cards()[0]
                assert card.question_av_tags() == [] and card.answer_av_tags() == [], (
                    "Anki would play or speak part of the card"
                )
                assert "class=latex" not in card.question() + card.answer(), "Anki typesets it"
            names = [d.name for d in col.decks.all_names_and_ids() if d.name != "Default"]
            out[""] = Back(texts=names)
            at = 0
            for item in quiz.items:
                count = len(item.pairs) if item.kind is Kind.MATCHING else 1
                mine, at = notes[at : at + count], at + count
                out[item.id] = _anki_back(item, [[_blocks(f) for f in n.fields] for n in mine])
        finally:
            col.close()
    return out


def _anki_back(item: Item, notes: list[list[list[str]]]) -> Back:
    """One item's notes (fields as blocks) as texts, the key, or pairs."""
    if item.kind is Kind.MATCHING:
        ask = re.compile(r"What does the passage say of (.*)\?")
        return Back(pairs=[(ask.fullmatch(q[0]).group(1), a[0]) for q, a, _ in notes])
    (question, answer, _evidence) = notes[0]
    if item.kind is Kind.MULTIPLE_CHOICE:
        unlettered = [re.sub(r"^[A-Z]\. ", "", b) for b in question[1:]]
        return Back(texts=[question[0], *unlettered], right=[re.sub(r"^[A-Z]\. ", "", answer[0])])
    if item.kind is Kind.TRUE_FALSE:
        return Back(texts=[question[0].removeprefix("True or false: ")], right=answer)
    return Back(texts=[question[0], answer[0], *answer[2:]])


# --- every LMS format, one reader each -----------------------------------------------------

READERS: dict[str, Callable[[bytes, Quiz], dict[str, Back]]] = {
    "moodle": lambda data, quiz: read_moodle(data),
    "gift": lambda data, quiz: read_gift(data),
    "canvas": lambda data, quiz: read_canvas(data),
    "qti21": lambda data, quiz: read_qti21(data),
    "blackboard": read_blackboard,
    "brightspace": lambda data, quiz: read_brightspace(data),
    "kahoot": read_kahoot,
    "quizlet": read_quizlet,
    "anki": read_anki,
}
NAMED = {"moodle", "gift", "brightspace"}  # formats that give a question the item's label
TYPED = {"moodle", "gift", "canvas", "qti21", "blackboard", "brightspace"}  # mark typed answers
TITLED = {"moodle", "gift", "canvas", "qti21", "kahoot", "anki"}  # carry the quiz's title
LEFT_OUT = {  # format -> the items it cannot carry (each with a warning)
    "gift": {"a1"},
    "kahoot": {"w1", "w2", "w3", "s1", "t1", "g2", "g3", "a1"},
}


def read_back(fmt: str, quiz: Quiz) -> tuple[Rendered, dict[str, Back]]:
    """The format's file for the quiz, and what its LMS makes of each item."""
    rendered = export(quiz, fmt)
    data = rendered.files[0][1]
    return rendered, READERS[fmt](data.encode("utf-8") if isinstance(data, str) else data, quiz)


def expected_texts(fmt: str, item: Item) -> list[str]:
    """The teacher's texts of an item that the format shows (as one line each)."""
    texts = [label(item)] if fmt in NAMED else []
    if item.kind is not Kind.MATCHING or fmt not in {"quizlet", "anki"}:
        texts.append(item.prompt)
    if item.kind is Kind.MULTIPLE_CHOICE and fmt != "quizlet":
        texts += item.options
    if item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK):
        texts += [str(item.answer)] + ([] if fmt == "quizlet" else list(item.accept))
    return [one_line(t) for t in texts]


def test_every_lms_format_has_a_reader():
    assert set(READERS) == set(GROUPS["lms"]), "a new format needs its LMS reader here"


@pytest.mark.parametrize("fmt", GROUPS["lms"])
def test_a_teachers_text_comes_back_as_typed(fmt):
    quiz = make_teacher_quiz()
    rendered, back = read_back(fmt, quiz)
    left_out = LEFT_OUT.get(fmt, set())
    assert set(back) - {""} == {i.id for i in quiz.items} - left_out
    for iid in left_out:
        assert any(w.startswith(f"{iid}: left out") for w in rendered.warnings), iid
    if fmt in TITLED:
        assert one_line(TITLE) in back[""].texts
    for item in quiz.items:
        if item.id in left_out:
            continue
        got = back[item.id]
        shown_texts = [one_line(t) for t in got.texts]
        for text in expected_texts(fmt, item):
            assert text in shown_texts, f"{fmt} {item.id}: {text!r} came back as {shown_texts}"
        if item.kind is Kind.MULTIPLE_CHOICE:
            assert [one_line(r) for r in got.right] == [one_line(item.answer)], (fmt, item.id)
        if item.kind is Kind.MATCHING:
            assert got.pairs == [(one_line(a), one_line(b)) for a, b in item.pairs], (fmt, item.id)
        if fmt in TYPED and item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK):
            for answer in (str(item.answer), *item.accept):
                assert got.typed(answer), f"{fmt} {item.id}: {answer!r} is marked wrong"
            if item.id in WILDCARD_PROBES:
                probe = WILDCARD_PROBES[item.id]
                assert not got.typed(probe), f"{fmt} {item.id}: {probe!r} is marked right"


def test_gift_says_how_to_keep_an_item_with_an_arrow_in_a_left_side():
    rendered = export(make_teacher_quiz(), "gift")
    (warning,) = [w for w in rendered.warnings if w.startswith("a1:")]
    assert "'a -> b'" in warning and "'a → b'" in warning and "moodle format" in warning
