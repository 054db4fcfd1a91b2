"""Anki deck (.apkg) built with genanki: a note per item, and a note per pair of a matching item.

Ids are stable, so importing an edited quiz again finds its notes instead of duplicating them:
the note type's id comes from a fixed name, the deck's from the quiz's identity (title and
source hash), each note's guid from that identity and the item id. genanki writes into an
in-memory SQLite database with a fixed timestamp, and the zip has fixed dates, so the same quiz
gives the same bytes. Every text is HTML-escaped: Anki fields are HTML.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import sqlite3
import zipfile
from html import escape

import genanki

from quizgen.export import Rendered, Settings
from quizgen.model import Evidence, Item, Kind, Quiz

MODEL_NAME = "quizgen reading question"
# 1980-01-01 UTC: the modification time of every note and card, and the start of their ids.
# Anki's import updates a note only when the package's copy is newer, so a fixed time means a
# re-import never overwrites a teacher's edits in Anki; to push an edited quiz over older
# notes, choose "Update notes: Always" in Anki's import options.
TIMESTAMP = 315532800
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.evidence { margin-top: 1em; font-size: 16px; color: #555; }"""


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as an Anki package; matching items become one note per pair, with a warning."""
    identity = _identity(quiz)
    model = _model()
    deck = genanki.Deck(_stable_id(identity), quiz.title,
                        description="".join(f"<p>{escape(p)}</p>" for p in quiz.passage))
    warnings = []
    for item in quiz.items:
        for note in _notes(item, identity, model):
            deck.add_note(note)
        if item.kind is Kind.MATCHING:
            warnings.append(f"{item.id}: matching item carried as {len(item.pairs)} cards, "
                            "one per pair")
    return Rendered(files=(("apkg", _package(deck)),), warnings=tuple(warnings))


def _identity(quiz: Quiz) -> str:
    """What names this quiz across edits: its title and its source's hash (or passage)."""
    source = quiz.source.sha256 if quiz.source else "\n".join(quiz.passage)
    return f"{quiz.title}\x1f{source}"


def _stable_id(text: str) -> int:
    """An id in the range genanki recommends for models and decks, from a hash of ``text``."""
    digest = int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")
    return (1 << 30) + digest % (1 << 30)


def _model() -> genanki.Model:
    """The note type: Question on the front; Answer and Evidence on the back."""
    return genanki.Model(
        _stable_id(MODEL_NAME), MODEL_NAME,
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Evidence"}],
        templates=[{
            "name": "Card 1",
            "qfmt": "{{Question}}",
            "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}'
                    '<div class="evidence">{{Evidence}}</div>',
        }],
        css=CSS,
    )


def _package(deck: genanki.Deck) -> bytes:
    """The .apkg bytes: genanki's collection database and an empty media list, zipped."""
    connection = sqlite3.connect(":memory:")
    start = TIMESTAMP * 1000
    genanki.Package(deck).write_to_db(connection.cursor(), TIMESTAMP, itertools.count(start))
    connection.commit()
    database = connection.serialize()
    connection.close()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in (("collection.anki2", database), ("media", b"{}")):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform, so the bytes agree
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


# --- notes ---------------------------------------------------------------------------------


def _notes(item: Item, identity: str, model: genanki.Model) -> list[genanki.Note]:
    """The item's notes: one, or one per pair for a matching item."""
    tags = [item.kind.value, item.difficulty.value]
    if item.kind is Kind.MATCHING:
        return [genanki.Note(model=model, fields=fields, tags=tags,
                             guid=genanki.guid_for(identity, item.id, n))
                for n, fields in enumerate(_pair_fields(item), start=1)]
    fields = [FRONTS[item.kind](item), _answer(item), _evidence(item.evidence)]
    return [genanki.Note(model=model, fields=fields, tags=tags,
                         guid=genanki.guid_for(identity, item.id))]


def _evidence(evidence: Evidence | None) -> str:
    if evidence is None:
        return ""
    return escape(f"Paragraph {evidence.paragraph}: {evidence.sentence}")


def _norm(text: str) -> str:
    """Text as the quiz file's validator compares it: case, spacing and apostrophes folded."""
    return " ".join(text.replace("\u2019", "'").split()).casefold()


def _multiple_choice_front(item: Item) -> str:
    options = "".join(f"<div>{letter}. {escape(option)}</div>"
                      for letter, option in zip(LETTERS, item.options, strict=False))
    return f"<div>{escape(item.prompt)}</div>{options}"


def _true_false_front(item: Item) -> str:
    return escape(f"True or false: {item.prompt}")


def _prompt_front(item: Item) -> str:
    return escape(item.prompt)


FRONTS = {
    Kind.MULTIPLE_CHOICE: _multiple_choice_front,
    Kind.SHORT_ANSWER: _prompt_front,
    Kind.TRUE_FALSE: _true_false_front,
    Kind.FILL_BLANK: _prompt_front,
}


def _answer(item: Item) -> str:
    """The key as the back shows it: 'B. John Speke', 'False', or the text and what else counts."""
    if item.kind is Kind.TRUE_FALSE:
        return "True" if item.answer is True else "False"
    if item.kind is Kind.MULTIPLE_CHOICE:
        keys = [_norm(option) for option in item.options]
        index = keys.index(_norm(str(item.answer)))
        return escape(f"{LETTERS[index]}. {item.options[index]}")
    answers: dict[str, str] = {}
    for answer in (str(item.answer), *item.accept):
        answers.setdefault(answer.strip().casefold(), answer)
    key, *others = answers.values()
    also = "".join(f"<li>{escape(other)}</li>" for other in others)
    return escape(key) + (f"<div>Also accepted:</div><ul>{also}</ul>" if others else "")


def _pair_fields(item: Item) -> list[list[str]]:
    """Question, Answer and Evidence fields for each pair of a matching item."""
    proofs = [*item.pair_evidence, *[item.evidence] * len(item.pairs)]  # the item's as fallback
    return [[escape(f"What does the passage say of {left}?"), escape(right), _evidence(proof)]
            for (left, right), proof in zip(item.pairs, proofs, strict=False)]
