"""Anki deck (.apkg) built with genanki: a note per item, and a note per pair of a matching item.

Ids are stable, so importing an edited quiz again finds its notes instead of duplicating them:
the note type's id comes from a fixed name, the deck's from the quiz's identity (title and
source hash), each note's guid from that identity and the item id. No clock is read: a note's
modification time is a fingerprint of its content (see ``_content_time``), genanki writes into
an in-memory SQLite database and the zip has fixed dates, so the same quiz gives the same bytes.
Every text is HTML-escaped: Anki fields are HTML. Its ``[`` is written ``&#91;`` too: Anki reads
``[sound:…]``, ``[anki:tts]…`` and ``[latex]…`` in a card as media, speech and LaTeX, whatever
the note type, and no other escape stops it.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import sqlite3
import zipfile
from collections.abc import Callable
from html import escape as _escape

import genanki

from quizgen.export import Rendered, Settings
from quizgen.export.fields import accepted, carried, is_key
from quizgen.quiz.model import Evidence, Item, Kind, Quiz

MODEL_NAME = "quizgen reading question"
EPOCH = 315532800  # 1980-01-01 UTC: note and card ids count from here, content times too
SPAN = 1 << 28  # content times fall within about 8.5 years of EPOCH
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; }
.evidence { margin-top: 1em; font-size: 16px; color: #555; }"""


def escape(text: str) -> str:
    """Text as an Anki field holds it: HTML-escaped, no ``[`` to start a tag of Anki's own."""
    return _escape(text).replace("[", "&#91;")


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """The quiz as an Anki package; matching items become one note per pair, with a warning."""
    quiz, warnings = carried(quiz)
    identity = _identity(quiz)
    model = _model()
    deck = genanki.Deck(
        _stable_id(identity),
        quiz.title,
        description="".join(f"<p>{escape(p)}</p>" for p in quiz.passage),
    )
    for item in quiz.items:
        for note in _notes(item, identity, model):
            deck.add_note(note)
        if item.kind is Kind.MATCHING:
            warnings.append(
                f"{item.id}: matching item carried as {len(item.pairs)} cards, one per pair"
            )
    return Rendered(files=(("apkg", _package(deck, model)),), warnings=tuple(warnings))


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
        _stable_id(MODEL_NAME),
        MODEL_NAME,
        fields=[{"name": "Question"}, {"name": "Answer"}, {"name": "Evidence"}],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Question}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Answer}}'
                '<div class="evidence">{{Evidence}}</div>',
            }
        ],
        css=CSS,
    )


def _content_time(*texts: str) -> int:
    """A modification time that changes when, and only when, the content does.

    Anki's import matches notes by guid and skips one whose time equals the stored copy's, so
    an edited item must carry another time; the clock would also do that, but would make every
    export differ. A fingerprint is not ordered like a clock, though: to apply an edited quiz
    over an earlier import, choose "Update notes: Always" in Anki's import options (the default
    "If newer" applies only the edits whose fingerprint happens to be larger).
    """
    digest = hashlib.sha256("\x1f".join(texts).encode("utf-8")).digest()
    return EPOCH + int.from_bytes(digest[:8], "big") % SPAN


class _Note(genanki.Note):
    """A genanki note whose note and cards take their time from the content, not the package."""

    def write_to_db(self, cursor, timestamp, deck_id, id_gen):
        """Write the note and its cards, timed by their fields and tags."""
        stamp = _content_time(self.guid, *self.fields, *self.tags)
        super().write_to_db(cursor, stamp, deck_id, id_gen)


def _package(deck: genanki.Deck, model: genanki.Model) -> bytes:
    """The .apkg bytes: genanki's collection database and an empty media list, zipped."""
    connection = sqlite3.connect(":memory:")
    stamp = _content_time(repr(model))  # the note type's time, so a changed one updates too
    genanki.Package(deck).write_to_db(connection.cursor(), stamp, itertools.count(EPOCH * 1000))
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
    return WRITERS[item.kind](item, identity, model)


def _card_notes(item: Item, identity: str, model: genanki.Model) -> list[genanki.Note]:
    """One note, its front and back as CARDS says for the item's kind."""
    tags = [item.kind.value, item.difficulty.value, *([item.skill.value] if item.skill else [])]
    front, back = CARDS[item.kind]
    fields = [front(item), back(item), _evidence(item.evidence)]
    return [_Note(model=model, fields=fields, tags=tags, guid=genanki.guid_for(identity, item.id))]


def _pair_notes(item: Item, identity: str, model: genanki.Model) -> list[genanki.Note]:
    """A matching item: a note per pair."""
    tags = [item.kind.value, item.difficulty.value]
    return [
        _Note(model=model, fields=fields, tags=tags, guid=genanki.guid_for(identity, item.id, n))
        for n, fields in enumerate(_pair_fields(item), start=1)
    ]


def _evidence(evidence: Evidence | None) -> str:
    if evidence is None:
        return ""
    return escape(f"Paragraph {evidence.paragraph}: {evidence.sentence}")


def _multiple_choice_front(item: Item) -> str:
    options = "".join(
        f"<div>{letter}. {escape(option)}</div>"
        for letter, option in zip(LETTERS, item.options, strict=False)
    )
    return f"<div>{escape(item.prompt)}</div>{options}"


def _multiple_choice_back(item: Item) -> str:
    """The lettered key: 'B. John Speke'."""
    index = [is_key(item, option) for option in item.options].index(True)
    return escape(f"{LETTERS[index]}. {item.options[index]}")


def _true_false_front(item: Item) -> str:
    return escape(f"True or false: {item.prompt}")


def _true_false_back(item: Item) -> str:
    return "True" if item.answer is True else "False"


def _prompt_front(item: Item) -> str:
    return escape(item.prompt)


def _typed_back(item: Item) -> str:
    """The key, then the other accepted answers that differ from it by more than case."""
    answers: dict[str, str] = {}
    for answer in accepted(item):
        answers.setdefault(answer.casefold(), answer)
    key, *others = answers.values()
    also = "".join(f"<li>{escape(other)}</li>" for other in others)
    return escape(key) + (f"<div>Also accepted:</div><ul>{also}</ul>" if others else "")


CARDS = {  # kind -> (front, back); a matching item has a card per pair instead
    Kind.MULTIPLE_CHOICE: (_multiple_choice_front, _multiple_choice_back),
    Kind.SHORT_ANSWER: (_prompt_front, _typed_back),
    Kind.TRUE_FALSE: (_true_false_front, _true_false_back),
    Kind.FILL_BLANK: (_prompt_front, _typed_back),
}

WRITERS: dict[Kind, Callable[[Item, str, genanki.Model], list[genanki.Note]]] = {
    Kind.MULTIPLE_CHOICE: _card_notes,
    Kind.SHORT_ANSWER: _card_notes,
    Kind.TRUE_FALSE: _card_notes,
    Kind.FILL_BLANK: _card_notes,
    Kind.MATCHING: _pair_notes,
}


def _pair_fields(item: Item) -> list[list[str]]:
    """Question, Answer and Evidence fields for each pair of a matching item."""
    proofs = [*item.pair_evidence, *[item.evidence] * len(item.pairs)]  # the item's as fallback
    return [
        [escape(f"What does the passage say of {left}?"), escape(right), _evidence(proof)]
        for (left, right), proof in zip(item.pairs, proofs, strict=False)
    ]
