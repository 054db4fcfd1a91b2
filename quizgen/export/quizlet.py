"""Quizlet import text: one flashcard per line, term TAB definition.

A tab ends the term and a line break ends the card, so neither may appear inside a field: both
become spaces. A card holds a prompt (or a fill-in sentence with its blank) and the key; a
matching item becomes one card per pair. Whatever a card cannot hold (options, other accepted
answers, a matching instruction) is named in a warning.
"""

from __future__ import annotations

from collections.abc import Callable

from quizgen.export import Rendered, Settings
from quizgen.export.fields import carried, one_line
from quizgen.quiz.model import Item, Kind, Quiz

Card = tuple[str, str]


def _multiple_choice(item: Item) -> tuple[list[Card], list[str]]:
    return [(item.prompt, str(item.answer))], [
        f"{item.id}: the card shows the key; the other options are left out"
    ]


def _written(item: Item) -> tuple[list[Card], list[str]]:
    """short_answer and fill_blank: the key is the definition."""
    lost = [f"{item.id}: the card shows the key; other accepted answers are left out"]
    return [(item.prompt, str(item.answer))], lost if item.accept else []


def _true_false(item: Item) -> tuple[list[Card], list[str]]:
    return [(item.prompt, "True" if item.answer is True else "False")], []


def _matching(item: Item) -> tuple[list[Card], list[str]]:
    return list(item.pairs), [
        f"{item.id}: one card per matched pair; the matching instruction is left out"
    ]


WRITERS: dict[Kind, Callable[[Item], tuple[list[Card], list[str]]]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _written,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _written,
    Kind.MATCHING: _matching,
}


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as Quizlet flashcards."""
    lines: list[str] = []
    quiz, warnings = carried(quiz)
    for item in quiz.items:
        cards, lost = WRITERS[item.kind](item)
        lines += [f"{one_line(term)}\t{one_line(definition)}\n" for term, definition in cards]
        warnings += lost
    return Rendered(files=(("quizlet.txt", "".join(lines)),), warnings=tuple(warnings))
