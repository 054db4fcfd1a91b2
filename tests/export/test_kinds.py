"""Every format handles every item kind: its WRITERS table has a writer for each, and each LMS
format carries the item or names it in a warning."""

from __future__ import annotations

import html
import importlib
import io
from dataclasses import replace

import openpyxl
import pytest

from quizgen.export import FORMATS as REGISTRY
from quizgen.export import export
from quizgen.export.fields import one_line
from quizgen.quiz.model import Item, Kind, Quiz

FORMATS = ("moodle", "gift", "blackboard", "brightspace", "kahoot", "quizlet")
# formats that render the whole quiz through the quiz file or a page template, not item by item
WHOLE_QUIZ = {"yaml", "html", "pdf"}


@pytest.mark.parametrize("fmt", REGISTRY)
def test_every_exporter_has_a_writer_for_every_kind(fmt):
    """One table name in every exporter, WRITERS: kind -> what writes an item of it."""
    module = importlib.import_module(REGISTRY[fmt].module)
    if fmt in WHOLE_QUIZ:
        assert not hasattr(module, "WRITERS"), (
            f"{fmt} writes items one by one: drop it from WHOLE_QUIZ"
        )
        return
    # ordering reaches every format as matching (export.fields.carried), with a warning
    expected = set(Kind) - {Kind.ORDERING}
    assert set(getattr(module, "WRITERS", {})) == expected, f"{fmt}: WRITERS must cover every Kind"


def text_of(quiz: Quiz, fmt: str) -> str:
    """All the text a rendered file holds, however it is stored."""
    content = export(quiz, fmt).files[0][1]
    if fmt == "kahoot":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return "\n".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content
    return html.unescape(text) if fmt == "moodle" else text


def carried(item: Item, text: str) -> bool:
    """Whether the item's own words (its prompt, or its first pair) are in the file."""
    marks = [item.prompt, *(item.pairs[0] if item.pairs else ())]
    return any(one_line(mark) in text for mark in marks)


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("fmt", FORMATS)
def test_each_kind_is_carried_or_named_in_a_warning(skills_quiz, fmt, kind):
    item = next(i for i in skills_quiz.items if i.kind is kind)
    quiz = replace(skills_quiz, items=(item,))
    warnings = export(quiz, fmt).warnings
    assert all(w.startswith(f"{item.id}: ") for w in warnings)
    assert carried(item, text_of(quiz, fmt)) or any("left out" in w for w in warnings)


def test_the_skills_sample_covers_every_kind(skills_quiz):
    assert {i.kind for i in skills_quiz.items} == set(Kind)


@pytest.mark.parametrize("fmt", [*FORMATS, "canvas", "qti21", "anki"])
def test_ordering_goes_as_matching_and_part_b_names_part_a(skills_quiz, fmt):
    rendered = export(skills_quiz, fmt)
    assert any(w.startswith("q8: an ordering item, carried as matching") for w in rendered.warnings)
    if fmt in FORMATS:
        text = text_of(skills_quiz, fmt)
        assert "Part A is q1" in one_line(text) or fmt == "kahoot"
        assert "Ancient Egyptians farmed the land beside the river" in text or fmt == "kahoot"


def test_a_part_b_that_quotes_its_part_a_is_not_repeated():
    from quizgen.export.fields import with_part_a
    from quizgen.quiz.model import Item, Kind

    part_a = Item(
        id="q3", kind=Kind.SHORT_ANSWER, prompt="Why did the council close it?", answer="x"
    )
    quoting = Item(
        id="q4",
        kind=Kind.MULTIPLE_CHOICE,
        prompt='Part B: ... question q3, "Why did the council close it?"',
        answer="a",
        options=("a", "b"),
        refers_to="q3",
    )
    assert with_part_a(quoting, part_a) == quoting
