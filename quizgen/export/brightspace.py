"""D2L Brightspace question import CSV, written with the csv module.

The row blocks follow D2L's sample question-import file: each question starts with
``NewQuestion,<type>`` and goes on with ``ID``, ``Title``, ``QuestionText``, ``Points``,
``Difficulty``, its answer rows and ``Feedback``; every row is padded to five fields and an
empty row ends the block. Answer rows by type:

    MC   Option,<weight>,<text>,,<feedback>
    TF   TRUE,<weight>,<feedback>  and  FALSE,<weight>,<feedback>
    SA   InputBox,3,40  then  Answer,<weight>,<text>,,   (the fourth field would say "regexp")
    M    Scoring,EquallyWeighted  Choice,<n>,<left>  Match,<n>,<right>

The sample asks for the file to be saved as "CSV UTF-8", which is UTF-8 with a byte-order mark,
so the file carries one; quoting is RFC 4180 (fields with a comma, quote or line break are
quoted, quotes doubled), rows end in CRLF. D2L's help page on importing questions lists Fill in
the Blanks among the types a CSV cannot import, so a fill_blank item goes in as a short-answer
question whose text keeps the ``_____``, with a warning. A line break inside a field becomes a
space (tabs and the rest stay as they are): whether the importer reads quoted line breaks is
not documented.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable

from quizgen.export import Rendered, Settings
from quizgen.export.fields import accepted, carried, evidence_note, is_key, label
from quizgen.quiz.model import Difficulty, Item, Kind, Quiz

WIDTH = 5  # fields per row, as in D2L's sample file
DIFFICULTY = {Difficulty.EASY: 1, Difficulty.MEDIUM: 3, Difficulty.HARD: 5}
Row = list[object]


def _field(value: object) -> object:
    return " ".join(str(value).splitlines()) if isinstance(value, str) else value


def quiz_key(quiz: Quiz) -> str:
    """A short hash of the title and passage: question IDs of two quizzes never collide."""
    digest = hashlib.sha256("\n".join([quiz.title, *quiz.passage]).encode("utf-8"))
    return digest.hexdigest()[:8]


def _multiple_choice(item: Item) -> tuple[str, list[Row], list[str]]:
    rows: list[Row] = [["Option", 100 if is_key(item, o) else 0, o, "", ""] for o in item.options]
    return "MC", rows, []


def _short_answer(item: Item) -> tuple[str, list[Row], list[str]]:
    return "SA", [["InputBox", 3, 40], *(["Answer", 100, a] for a in accepted(item))], []


def _true_false(item: Item) -> tuple[str, list[Row], list[str]]:
    return (
        "TF",
        [["TRUE", 100 if item.answer is True else 0], ["FALSE", 0 if item.answer is True else 100]],
        [],
    )


def _fill_blank(item: Item) -> tuple[str, list[Row], list[str]]:
    kind, rows, _ = _short_answer(item)
    return (
        kind,
        rows,
        [
            f"{item.id}: fill_blank carried as a short-answer question (Brightspace's "
            "CSV import has no fill-in-the-blanks type); the text keeps its _____"
        ],
    )


def _matching(item: Item) -> tuple[str, list[Row], list[str]]:
    rows: list[Row] = [["Scoring", "EquallyWeighted"]]
    rows += [["Choice", n, left] for n, (left, _) in enumerate(item.pairs, 1)]
    rows += [["Match", n, right] for n, (_, right) in enumerate(item.pairs, 1)]
    return "M", rows, []


WRITERS: dict[Kind, Callable[[Item], tuple[str, list[Row], list[str]]]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _short_answer,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _fill_blank,
    Kind.MATCHING: _matching,
}


def block(item: Item, key: str) -> tuple[list[Row], list[str]]:
    """The rows of one question, and any warning about how it was carried."""
    kind, answers, warnings = WRITERS[item.kind](item)
    rows: list[Row] = [
        ["NewQuestion", kind],
        ["ID", f"quizgen-{key}-{item.id}"],
        ["Title", label(item)],
        ["QuestionText", item.prompt],
        ["Points", item.points],
        ["Difficulty", DIFFICULTY[item.difficulty]],
        *answers,
    ]
    if evidence_note(item):
        rows.append(["Feedback", evidence_note(item)])
    return [*rows, []], warnings


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as a Brightspace question-import CSV (UTF-8 with a byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    quiz, warnings = carried(quiz)
    for item in quiz.items:
        rows, lost = block(item, quiz_key(quiz))
        writer.writerows([_field(v) for v in row] + [""] * (WIDTH - len(row)) for row in rows)
        warnings += lost
    return Rendered(
        files=(("brightspace.csv", out.getvalue().encode("utf-8-sig")),), warnings=tuple(warnings)
    )
