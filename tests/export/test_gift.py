"""GIFT export: golden file, and a parse by gift-pegjs (npm) whose result, as Moodle goes on to
show and mark it (tests/moodle_reading.py), must match the quiz."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from moodle_reading import answer_shown, shown, shown_name, wildcard_matches

from quizgen.export import export
from quizgen.export.fields import accepted, evidence_note, is_key, label, one_line
from quizgen.quiz.model import BLANK, Item, Kind, Quiz

TESTS = Path(__file__).resolve().parent.parent
PARSER = TESTS / "gift_parse.js"
GIFT_PEGJS = TESTS / ".node" / "node_modules" / "gift-pegjs"
NODE = shutil.which("node")

needs_node = pytest.mark.skipif(
    NODE is None,
    reason="node is not installed, so gift-pegjs cannot run (tests/run.sh installs nodejs)",
)


def gift(quiz: Quiz) -> str:
    return export(quiz, "gift").files[0][1]


def parse(text: str) -> list[dict]:
    """What gift-pegjs makes of a GIFT file."""
    assert GIFT_PEGJS.is_dir(), (
        "gift-pegjs is missing: npm install --prefix tests/.node "
        "--no-audit --no-fund gift-pegjs@1.0.2 (tests/run.sh does it)"
    )
    done = subprocess.run(
        [NODE, str(PARSER)],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, f"gift-pegjs refused the file:\n{done.stderr}\n{text}"
    return json.loads(done.stdout)


def moodle_category(raw: str) -> list[str]:
    """The category names Moodle takes from a $CATEGORY: line.

    qformat_gift turns only an escaped backslash back on this line; qformat_default's
    split_category_path splits at single slashes and turns '//' into '/'.
    """
    raw = raw.replace("\\\\", "\\")
    return [shown(part.replace("//", "/").strip()) for part in re.split(r"(?<!/)/(?!/)", raw)]


def squash(text: str) -> str:
    return "".join(text.split())


def test_layout(sample_quiz):
    blocks = gift(sample_quiz).rstrip("\n").split("\n\n")
    assert blocks[0] == "$CATEGORY: The Nile"
    assert len(blocks) == 1 + len(sample_quiz.items)
    for block, item in zip(blocks[1:], sample_quiz.items, strict=True):
        assert block.startswith(f"::{item.id} ")


def check_question(parsed: dict, item: Item) -> None:
    """One parsed question against the item it came from."""
    assert shown_name(parsed["title"]) == label(item)
    assert parsed["stem"]["format"] == "plain"
    assert parsed["globalFeedback"]["text"] == one_line(evidence_note(item))
    if item.kind is Kind.FILL_BLANK:
        assert squash(parsed["stem"]["text"]) == squash(item.prompt)
    else:
        assert parsed["stem"]["text"] == one_line(item.prompt)
    choices = parsed.get("choices", [])
    if item.kind is Kind.MULTIPLE_CHOICE:
        assert parsed["type"] == "MC"
        assert [c["text"]["text"] for c in choices] == [one_line(o) for o in item.options]
        assert {c["text"]["format"] for c in choices} == {"plain"}
        assert [c["isCorrect"] for c in choices] == [is_key(item, o) for o in item.options]
    elif item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK):
        assert parsed["type"] == "Short"
        stored = [c["text"]["text"] for c in choices]  # '*' is Moodle's wildcard
        assert [answer_shown(a) for a in stored] == [one_line(a) for a in accepted(item)]
        assert all(
            wildcard_matches(one_line(a), s) for a, s in zip(accepted(item), stored, strict=True)
        )
        assert all(c["isCorrect"] and c["weight"] in (None, 100) for c in choices)
    elif item.kind is Kind.TRUE_FALSE:
        assert parsed["type"] == "TF"
        assert parsed["isTrue"] is item.answer
    else:
        assert parsed["type"] == "Matching"
        pairs = parsed["matchPairs"]
        assert [(p["subquestion"]["text"], shown(p["subanswer"])) for p in pairs] == [
            (one_line(left), one_line(right)) for left, right in item.pairs
        ]
        assert {p["subquestion"]["format"] for p in pairs} == {"plain"}


@needs_node
@pytest.mark.parametrize("quiz_name", ["sample_quiz", "hostile_quiz"])
def test_gift_pegjs_reads_back_the_quiz(quiz_name, request):
    quiz = request.getfixturevalue(quiz_name)
    parsed = parse(gift(quiz))
    assert parsed[0]["type"] == "Category"
    assert moodle_category(parsed[0]["title"]) == [one_line(quiz.title)]
    assert len(parsed) == 1 + len(quiz.items)
    for question, item in zip(parsed[1:], quiz.items, strict=True):
        check_question(question, item)


@needs_node
def test_fill_blank_is_missing_word_form(sample_quiz):
    item = next(i for i in sample_quiz.items if i.kind is Kind.FILL_BLANK)
    assert "[plain]The Nile is the longest river in {\n=Africa\n" in gift(sample_quiz)
    assert parse(gift(replace(sample_quiz, items=(item,))))[1]["hasEmbeddedAnswers"] is True


@needs_node
@pytest.mark.parametrize("prompt", [f"{BLANK} reached Lake Victoria.", f"Lake Victoria: {BLANK}"])
def test_fill_blank_at_an_edge_keeps_its_blank(sample_quiz, prompt):
    item = Item(id="b1", kind=Kind.FILL_BLANK, prompt=prompt, answer="John Speke")
    parsed = parse(gift(replace(sample_quiz, items=(item,))))[1]
    assert parsed["stem"]["text"] == prompt
    assert [c["text"]["text"] for c in parsed["choices"]] == ["John Speke"]


@needs_node
def test_answers_that_look_like_weights_keep_their_text(sample_quiz):
    short = Item(id="w1", kind=Kind.SHORT_ANSWER, prompt="Discount?", answer="%50% off")
    choice = Item(
        id="w2",
        kind=Kind.MULTIPLE_CHOICE,
        prompt="Discount?",
        answer="none",
        options=("none", "%25% off"),
    )
    parsed = parse(gift(replace(sample_quiz, items=(short, choice))))
    assert [(c["text"]["text"], c["weight"]) for c in parsed[1]["choices"]] == [("%50% off", 100)]
    assert [(c["text"]["text"], c["weight"]) for c in parsed[2]["choices"]] == [
        ("none", None),
        ("%25% off", 0),
    ]


@pytest.mark.parametrize(
    "item",
    [
        Item(id="x1", kind=Kind.SHORT_ANSWER, prompt="Arrow?", answer="a -> b"),
        Item(
            id="x2",
            kind=Kind.MATCHING,
            prompt="Match.",
            pairs=(("a -> b", "1"), ("c", "2"), ("d", "3")),
        ),
        Item(id="x3", kind=Kind.MATCHING, prompt="Match.", pairs=(("a", "1"), ("b", "2"))),
    ],
)
def test_items_gift_cannot_carry_are_left_out_with_a_warning(sample_quiz, item):
    rendered = export(replace(sample_quiz, items=(sample_quiz.items[0], item)), "gift")
    assert f"::{item.id} " not in rendered.files[0][1]
    assert [w for w in rendered.warnings if w.startswith(f"{item.id}: left out")]


def test_category_line_doubles_slashes_and_backslashes_only(sample_quiz):
    quiz = replace(sample_quiz, title="Rivers/Lakes {1} \\ x")
    assert gift(quiz).splitlines()[0] == "$CATEGORY: Rivers//Lakes {1} \\\\ x"
