"""The ``yaml`` format: the quiz file (quizgen/1) a teacher reviews and edits, and its schema."""

from __future__ import annotations

from quizgen.export import Rendered, Settings
from quizgen.quiz import quizfile
from quizgen.quiz.model import Quiz


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz file, and the JSON schema file it names, written once beside it."""
    return Rendered(
        files=(("quiz.yaml", quizfile.dump(quiz)),),
        shared=((quizfile.SCHEMA_FILE, quizfile.schema_text()),),
    )
