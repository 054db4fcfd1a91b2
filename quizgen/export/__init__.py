"""Output formats: one module per format, one explicit registry, one driver.

A renderer is a pure function ``render(quiz, settings) -> Rendered``; nothing here writes
files (see :mod:`quizgen.base.files`). Modules are imported only when their format is used, so
commands that render nothing stay quick to start.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from quizgen.base.errors import QuizgenError
from quizgen.quiz.model import Quiz


@dataclass(frozen=True, slots=True)
class Settings:
    """Choices that shape rendered output but are not part of the quiz."""

    paper: str = "a4"  # a4 | letter
    forms: int = 1  # shuffled versions A, B, ... of the worksheet and key
    passage: bool = True  # print the passage on the worksheet
    templates: Path | None = None  # a teacher's own template folder, searched first
    word_bank: bool = False  # print a word bank above the fill-in-the-blank part


@dataclass(frozen=True, slots=True)
class Rendered:
    """What a renderer made.

    ``files`` are (suffix, content) pairs written as ``<stem>.<suffix>``; ``shared`` are
    (name, content) pairs written once into the output folder; ``warnings`` name items a
    format had to change or leave out.
    """

    files: tuple[tuple[str, str | bytes], ...]
    shared: tuple[tuple[str, str | bytes], ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: the module that renders it and what it is, in a line."""

    module: str
    summary: str
    files: str  # the file names it writes, for `quizgen formats`


FORMATS: dict[str, Format] = {  # name -> format; order as shown in `quizgen formats`
    "yaml": Format(
        "quizgen.export.yaml", "the quiz file (quizgen/1) to review and edit", "<stem>.quiz.yaml"
    ),
    "html": Format(
        "quizgen.export.html",
        "printable worksheet and answer key (HTML)",
        "<stem>.worksheet.html, <stem>.key.html (and <stem>.passage.html with --no-passage)",
    ),
    "pdf": Format(
        "quizgen.export.pdf",
        "printable worksheet and answer key (PDF)",
        "<stem>.worksheet.pdf, <stem>.key.pdf (and <stem>.passage.pdf with --no-passage)",
    ),
    "moodle": Format("quizgen.export.moodle", "Moodle XML question import", "<stem>.moodle.xml"),
    "gift": Format("quizgen.export.gift", "Moodle GIFT text import", "<stem>.gift.txt"),
    "canvas": Format(
        "quizgen.export.canvas",
        "Canvas QTI 1.2 package (Classic and New Quizzes)",
        "<stem>.canvas.zip",
    ),
    "qti21": Format("quizgen.export.qti21", "IMS QTI 2.1 content package", "<stem>.qti21.zip"),
    "blackboard": Format(
        "quizgen.export.blackboard",
        "Blackboard Learn upload (tab-delimited)",
        "<stem>.blackboard.txt",
    ),
    "brightspace": Format(
        "quizgen.export.brightspace", "D2L Brightspace question CSV", "<stem>.brightspace.csv"
    ),
    "kahoot": Format("quizgen.export.kahoot", "Kahoot spreadsheet import", "<stem>.kahoot.xlsx"),
    "quizlet": Format(
        "quizgen.export.quizlet", "Quizlet import (term TAB definition)", "<stem>.quizlet.txt"
    ),
    "anki": Format("quizgen.export.anki", "Anki deck", "<stem>.apkg"),
}

GROUPS: dict[str, tuple[str, ...]] = {  # names that stand for several formats
    "lms": (
        "moodle",
        "gift",
        "canvas",
        "qti21",
        "blackboard",
        "brightspace",
        "kahoot",
        "quizlet",
        "anki",
    ),
    "all": tuple(FORMATS),
}

DEFAULT_FORMATS = ("yaml", "html")


def parse_formats(spec: str | None, default: tuple[str, ...] = DEFAULT_FORMATS) -> tuple[str, ...]:
    """Turn 'html,lms' into format names in registry order; unknown names are an error."""
    if not spec:
        return default
    names: set[str] = set()
    for raw in spec.split(","):
        name = raw.strip().lower()
        if not name:
            continue
        if name in GROUPS:
            names.update(GROUPS[name])
        elif name in FORMATS:
            names.add(name)
        else:
            choices = ", ".join([*FORMATS, *GROUPS])
            raise QuizgenError(f"unknown format {name!r}; choose from: {choices}")
    return tuple(n for n in FORMATS if n in names)


def export(quiz: Quiz, fmt: str, settings: Settings = Settings()) -> Rendered:
    """Render a quiz in the named format.

    Every format but the quiz file itself cites paragraphs as the worksheet prints them (see
    :func:`as_printed`); the quiz file keeps its own count, headings included."""
    if fmt not in FORMATS:
        raise QuizgenError(f"unknown format {fmt!r}; choose from: {', '.join(FORMATS)}")
    module = importlib.import_module(FORMATS[fmt].module)
    return module.render(quiz if fmt == "yaml" else as_printed(quiz), settings)


def as_printed(quiz: Quiz) -> Quiz:
    """The quiz with each evidence's paragraph numbered as printed: headings are not numbered,
    so the quiz file's paragraph 3 after a subheading is printed, and cited, as 2. Evidence in
    a heading itself (an item a teacher wrote) cites paragraph 0, which the key calls the
    heading."""
    from dataclasses import replace

    from quizgen.read.reader import paragraph_numbers

    numbers = paragraph_numbers(quiz.passage)
    if all(n == k for k, n in enumerate(numbers, start=1)):
        return quiz

    def cite(evidence):
        if evidence is None or not 1 <= evidence.paragraph <= len(numbers):
            return evidence
        return replace(evidence, paragraph=numbers[evidence.paragraph - 1] or 0)

    items = tuple(
        replace(
            item,
            evidence=cite(item.evidence),
            pair_evidence=tuple(map(cite, item.pair_evidence)),
        )
        for item in quiz.items
    )
    return replace(quiz, items=items)
