"""Moodle GIFT: a text file of questions, one block per item, a blank line between blocks.

What Moodle's importer does with a file (question/format/gift/format.php, qformat_gift) fixes
the details here:

- A backslash escapes ``~ = # { } :`` and itself; Moodle swaps escaped characters out before it
  parses and back after, so escaping is safe everywhere (titles, question text, answers,
  feedback) and is done everywhere.
- The ``$CATEGORY:`` line is the exception: Moodle puts its escapes back only as far as ``\\\\``
  is concerned, so there only the backslash is doubled; ``/`` separates category levels and a
  literal one is written ``//``.
- ``[plain]`` before the question text makes Moodle show every part as plain text, so ``<b>``
  in a passage reads as ``<b>``, not as bold. Moodle also reads a leading ``[html]``,
  ``[plain]``, ``[moodle]`` or ``[markdown]`` of each answer and left side as its format, and
  no escape stops it: such a text gets a ``[plain]`` of its own before it.
- A short answer's ``*`` is Moodle's wildcard and is written ``\\*`` (fields.moodle_literal);
  question names, matching answers and the category are shown through ``format_string``,
  which strips tags, so their ``<`` is written ``&lt;`` (fields.moodle_shown).
- ``text {=a =b} text`` is the missing-word form: Moodle replaces the braces with ``_____``
  and makes a short-answer question, exactly a fill_blank item.
- An answer that starts like a weight (``%50%``) would be read as one, so such answers carry
  an explicit weight first. ``->`` cannot be escaped and makes Moodle read a matching question,
  so an item whose short answers, or whose matching left sides, hold it is left out with a
  warning that says how to keep it; so is a matching item with fewer than three pairs, which
  Moodle's matching question refuses (it needs two questions and three answers).
"""

from __future__ import annotations

import re
from collections.abc import Callable

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
from quizgen.quiz.model import BLANK, Item, Kind, Quiz

SPECIAL = re.compile(r"([~=#{}:\\])")
WEIGHT_LIKE = re.compile(r"%-*[0-9]{1,2}\.?[0-9]*%")  # Moodle's answer-weight pattern
MATCH_ARROW = "->"
MIN_PAIRS = 3
PLAIN = "[plain]"  # the format marker that keeps a text that starts with '[' as it is


def escape(text: str) -> str:
    """Text on one line (each whitespace run one space) with GIFT's special characters escaped."""
    return SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def category(title: str) -> str:
    """The ``$CATEGORY:`` line naming the quiz (see the module note on its escaping)."""
    shown = moodle_shown(one_line(title))
    return "$CATEGORY: " + shown.replace("\\", "\\\\").replace("/", "//")


def _plain(text: str) -> str:
    """An answer or left side, escaped, that Moodle will not read a format marker from."""
    return escape(f"{PLAIN}{text}" if text.startswith("[") else text)


def _answer(mark: str, text: str, weight: int) -> str:
    """One answer line; a text that looks like a weight gets its real weight written first."""
    text = one_line(text)
    explicit = f"%{weight}%" if WEIGHT_LIKE.match(text) else ""
    return f"{mark}{explicit}{_plain(text)}"


def _braces(item: Item, answers: list[str]) -> str:
    feedback = evidence_note(item)
    lines = [*answers, f"####{escape(one_line(feedback))}"] if feedback else answers
    return "{\n" + "".join(line + "\n" for line in lines) + "}"


def _question(item: Item, answers: list[str]) -> str:
    """Title, question text as plain text, then the answers in braces."""
    title, text = escape(moodle_shown(label(item))), escape(one_line(item.prompt))
    return f"::{title}::[plain]{text} {_braces(item, answers)}"


def _multiple_choice(item: Item) -> str:
    # Moodle reads no weight after '=' here, so only wrong answers need the weight guard
    return _question(
        item,
        [
            "=" + _plain(one_line(option)) if is_key(item, option) else _answer("~", option, 0)
            for option in item.options
        ],
    )


def _short_answer(item: Item) -> str:
    return _question(item, [_answer("=", moodle_literal(a), 100) for a in accepted(item)])


def _true_false(item: Item) -> str:
    return _question(item, ["T" if item.answer is True else "F"])


def _fill_blank(item: Item) -> str:
    """The missing-word form, the braces standing where the blank was.

    With nothing before the blank (gift-pegjs cannot read ``[plain]{``) or nothing after it
    (Moodle then drops the blank from the text), the prompt keeps its ``_____`` and the answers
    follow it, which Moodle imports as the same short-answer question.
    """
    before, _, after = item.prompt.partition(BLANK)
    answers = [_answer("=", moodle_literal(a), 100) for a in accepted(item)]
    if not (before.strip() and after.strip()):
        return _question(item, answers)
    return (
        f"::{escape(moodle_shown(label(item)))}::[plain]{escape(before.lstrip())}"
        f"{_braces(item, answers)}"
        f"{escape(after.rstrip())}"
    )


def _matching(item: Item) -> str:
    return _question(
        item,
        [
            f"={_plain(one_line(left))} -> {escape(moodle_shown(one_line(right)))}"
            for left, right in item.pairs
        ],
    )


WRITERS: dict[Kind, Callable[[Item], str]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _short_answer,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _fill_blank,
    Kind.MATCHING: _matching,
}


def refusal(item: Item) -> str:
    """Why GIFT cannot carry the item ('' when it can)."""
    if item.kind is Kind.MATCHING and len(item.pairs) < MIN_PAIRS:
        return f"{item.id}: left out: Moodle's matching question needs at least {MIN_PAIRS} pairs"
    arrows = [left for left, _ in item.pairs if MATCH_ARROW in left]
    if item.kind is Kind.MATCHING and arrows:
        return (
            f"{item.id}: left out: the left side {one_line(arrows[0])!r} holds '->', which GIFT "
            f"cannot escape; write it another way in the quiz file (say "
            f"{one_line(arrows[0]).replace(MATCH_ARROW, '→')!r}) and export again, or import "
            "the moodle format, which carries it as it is"
        )
    arrows = [a for a in accepted(item) if MATCH_ARROW in a]
    if item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK) and arrows:
        return (
            f"{item.id}: left out: the accepted answer {one_line(arrows[0])!r} holds '->', "
            "which GIFT cannot escape (Moodle would read a matching question); import the "
            "moodle format, which carries it as it is, or take that answer out of the quiz file"
        )
    return ""


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as a GIFT file: the category line, then one block per item."""
    quiz, warnings = carried(quiz)
    blocks = [category(quiz.title)]
    for item in quiz.items:
        why = refusal(item)
        if why:
            warnings.append(why)
        else:
            blocks.append(WRITERS[item.kind](item))
    return Rendered(files=(("gift.txt", "\n\n".join(blocks) + "\n"),), warnings=tuple(warnings))
