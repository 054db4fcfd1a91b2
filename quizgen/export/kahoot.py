"""Kahoot's quiz spreadsheet (.xlsx), written with openpyxl, byte for byte the same every time.

The layout is Kahoot's quiz spreadsheet template as spreadsheet tools that read and write it
describe it: a title block above, the header in row 8, one question per row from row 9, with
the question number in column A and then

    B Question - max 120 characters      C-F Answer 1-4 - max 75 characters
    G Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs
    H Correct answer(s) - choose at least one     (the answer's number, 1-4)

The sheet takes quiz questions only: multiple_choice (2 to 4 answers) and true_false (the two
answers True and False). Every other kind, and any item that cannot be made to fit, is left out
with a warning. Fitting follows one rule: the question and its key are never changed, because
cutting them can change what is asked or what is right; a question over 120 characters or a key
over 75 leaves the item out. Distractors are fair game: with more than four options the key
stays with three distractors, those that fit first, and a distractor over 75 characters is cut
at a word boundary with an ellipsis, as long as the answers stay distinct.

The time limit is the shortest allowed one that covers reading the question and its answers at
a slow classroom pace plus a moment to choose. openpyxl stamps the workbook and every zip entry
with the current time; both are pinned, so the same quiz gives the same bytes.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass
from zipfile import ZIP_DEFLATED, ZipFile, ZipInfo

from openpyxl import Workbook
from openpyxl.cell import Cell
from openpyxl.writer.excel import ExcelWriter

from quizgen.export import Rendered, Settings
from quizgen.export.fields import carried, clip, is_key, one_line
from quizgen.quiz.model import Item, Kind, Quiz

QUESTION_LIMIT = 120
ANSWER_LIMIT = 75
MAX_ANSWERS = 4
TIME_LIMITS = (5, 10, 20, 30, 60, 90, 120, 240)
SECONDS_PER_WORD = 0.4  # 150 words a minute: reading aloud pace, slow enough for a class
SECONDS_TO_CHOOSE = 10
HEADER_ROW = 8
HEADER = (
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
)
PINNED = datetime.datetime(2000, 1, 1)  # the workbook's created and modified stamps
ZIP_TIME = (2000, 1, 1, 0, 0, 0)  # every zip entry's stamp


@dataclass(frozen=True, slots=True)
class Question:
    """One spreadsheet row: the question, its answers, and which answer is right (from 1)."""

    text: str
    answers: tuple[str, ...]
    correct: int

    @property
    def seconds(self) -> int:
        """The shortest allowed time limit that covers reading everything and choosing."""
        words = len(" ".join([self.text, *self.answers]).split())
        needed = words * SECONDS_PER_WORD + SECONDS_TO_CHOOSE
        return next((s for s in TIME_LIMITS if s >= needed), TIME_LIMITS[-1])


def _distractors(item: Item) -> list[str]:
    """The options to keep besides the key: those that fit first, at most three."""
    others = [o for o in item.options if not is_key(item, o)]
    return sorted(others, key=lambda o: len(one_line(o)) > ANSWER_LIMIT)[: MAX_ANSWERS - 1]


def _multiple_choice(item: Item) -> tuple[Question | None, list[str]]:
    text = one_line(item.prompt)
    if len(text) > QUESTION_LIMIT:
        return None, [f"{item.id}: left out: the question is over {QUESTION_LIMIT} characters"]
    if len(one_line(item.answer)) > ANSWER_LIMIT:
        return None, [f"{item.id}: left out: the key is over {ANSWER_LIMIT} characters"]
    kept = _distractors(item)
    options = [o for o in item.options if is_key(item, o) or o in kept]
    answers = [clip(one_line(o), ANSWER_LIMIT) for o in options]
    if len({a.casefold() for a in answers}) < len(answers):
        return None, [
            f"{item.id}: left out: shortened to {ANSWER_LIMIT} characters, "
            "two answers would read the same"
        ]
    notes = []
    if len(item.options) > MAX_ANSWERS:
        notes.append(
            f"{item.id}: kept the key and {len(kept)} of {len(item.options) - 1} "
            f"distractors (Kahoot takes {MAX_ANSWERS} answers)"
        )
    if any(len(one_line(o)) > ANSWER_LIMIT for o in options):
        notes.append(f"{item.id}: a distractor was cut to {ANSWER_LIMIT} characters")
    correct = next(n for n, o in enumerate(options, 1) if is_key(item, o))
    return Question(text, tuple(answers), correct), notes


def _true_false(item: Item) -> tuple[Question | None, list[str]]:
    text = one_line(item.prompt)
    if len(text) > QUESTION_LIMIT:
        return None, [f"{item.id}: left out: the statement is over {QUESTION_LIMIT} characters"]
    return Question(text, ("True", "False"), 1 if item.answer is True else 2), []


def _left_out(item: Item) -> tuple[Question | None, list[str]]:
    return None, [
        f"{item.id}: left out: Kahoot's spreadsheet takes multiple-choice and "
        f"true/false questions, not {item.kind.value}"
    ]


WRITERS: dict[Kind, Callable[[Item], tuple[Question | None, list[str]]]] = {
    Kind.MULTIPLE_CHOICE: _multiple_choice,
    Kind.SHORT_ANSWER: _left_out,
    Kind.TRUE_FALSE: _true_false,
    Kind.FILL_BLANK: _left_out,
    Kind.MATCHING: _left_out,
}


def question(item: Item) -> tuple[Question | None, list[str]]:
    """The item as a Kahoot question (None when it is left out), and the warnings it earns."""
    return WRITERS[item.kind](item)


def _text_cell(cell: Cell, value: str) -> None:
    """Store text as text: openpyxl would make a formula of a value that starts with '='."""
    cell.value = value
    cell.data_type = "s"


def workbook(title: str, questions: list[Question]) -> Workbook:
    """The template's sheet filled in: title block, header row, one row per question."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    _text_cell(sheet.cell(2, 2), one_line(title))
    for column, text in enumerate(HEADER, 2):
        _text_cell(sheet.cell(HEADER_ROW, column), text)
    for number, q in enumerate(questions, 1):
        row = HEADER_ROW + number
        sheet.cell(row, 1).value = number
        for column, text in enumerate([q.text, *q.answers], 2):
            _text_cell(sheet.cell(row, column), text)
        sheet.cell(row, 7).value = q.seconds
        sheet.cell(row, 8).value = q.correct
    book.properties.creator = "quizgen"
    book.properties.created = book.properties.modified = PINNED
    return book


def _pinned(data: bytes) -> bytes:
    """The same zip with every entry stamped ZIP_TIME: openpyxl stamps them with the clock."""
    out = io.BytesIO()
    with ZipFile(io.BytesIO(data)) as source, ZipFile(out, "w", ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(ZipInfo(info.filename, ZIP_TIME), source.read(info), ZIP_DEFLATED)
    return out.getvalue()


def xlsx(book: Workbook) -> bytes:
    """The workbook's bytes, with no trace of when they were made."""
    buffer = io.BytesIO()
    ExcelWriter(book, ZipFile(buffer, "w", ZIP_DEFLATED)).save()  # Workbook.save would restamp
    return _pinned(buffer.getvalue())


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as a Kahoot spreadsheet; the warnings name every item changed or left out."""
    questions: list[Question] = []
    quiz, warnings = carried(quiz)
    for item in quiz.items:
        q, notes = question(item)
        questions += [q] if q else []
        warnings += notes
    return Rendered(
        files=(("kahoot.xlsx", xlsx(workbook(quiz.title, questions))),), warnings=tuple(warnings)
    )
