"""Where the shipped templates are: inside the installed package, or beside it in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # quizgen/, above base/


@cache
def templates_dir() -> Path:
    """The ``templates/`` folder: question templates (YAML) and output templates (Jinja2)."""
    for candidate in (_PACKAGE / "_templates", _PACKAGE.parent / "templates"):
        if (candidate / "questions").is_dir():
            return candidate
    raise FileNotFoundError("quizgen's templates folder is missing from this installation")


def questions_dir() -> Path:
    """The shipped question templates."""
    return templates_dir() / "questions"


def output_dir() -> Path:
    """The shipped output templates (worksheet, key, template-shaped formats)."""
    return templates_dir() / "output"
