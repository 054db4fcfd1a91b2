"""Blackboard Learn "Upload Questions": a tab-delimited text file, one question per line.

The layout follows Blackboard's help page "Upload Questions" (Original and Ultra course view):
a TXT file with fields separated by TAB, no header row, no blank lines, one question per row,
the question type in the first field, and the answer words (correct, incorrect, true, false) in
English. The rows used here:

    MC   TAB question (TAB answer TAB correct|incorrect)...
    TF   TAB question TAB true|false
    FIB  TAB question (TAB accepted answer)...
    MAT  TAB question (TAB answer TAB matching text)...

SR (``SR TAB question TAB sample answer``, in the type table that university guides copy from
that page) is Blackboard's "Short Answer" question, which those guides list among the types
graded by hand; it carries a sample answer, not a key. A short_answer item goes out as FIB
instead, which Blackboard grades itself against every accepted answer, as the quiz's key
intends. Every kind has a native row, so this format converts nothing and warns about nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from quizgen.export import Rendered, Settings
from quizgen.export.fields import accepted, carried, is_key, one_line
from quizgen.quiz.model import Item, Kind, Quiz


def _multiple_choice(item: Item) -> list[str]:
    fields = ["MC", item.prompt]
    for option in item.options:
        fields += [option, "correct" if is_key(item, option) else "incorrect"]
    return fields


def _fill_in(item: Item) -> list[str]:
    return ["FIB", item.prompt, *accepted(item)]


def _true_false(item: Item) -> list[str]:
    return ["TF", item.prompt, "true" if item.answer is True else "false"]


def _matching(item: Item) -> list[str]:
    return ["MAT", item.prompt, *(side for pair in item.pairs for side in pair)]


WRITERS: dict[Kind, Callable[[Item], list[str]]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _fill_in,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _fill_in,
    Kind.MATCHING: _matching,
}


def line(item: Item) -> str:
    """One item as one upload line; a tab or line break inside a field becomes a space."""
    return "\t".join(one_line(field) for field in WRITERS[item.kind](item))


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as a Blackboard upload file."""
    quiz, warnings = carried(quiz)
    return Rendered(
        files=(("blackboard.txt", "".join(line(i) + "\n" for i in quiz.items)),),
        warnings=tuple(warnings),
    )
