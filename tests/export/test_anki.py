"""The Anki deck, imported into throwaway collections with Anki's own backend (PyPI `anki`)."""

from __future__ import annotations

import dataclasses
import io
import sqlite3
import time
import warnings
import zipfile
from html import unescape
from pathlib import Path

import pytest
from conftest import make_hostile_quiz, make_sample_quiz, make_skills_quiz
from lxml import html

from quizgen.export import Settings, anki
from quizgen.quiz.model import Kind, Quiz

collection = pytest.importorskip("anki.collection")
from anki.import_export_pb2 import IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS  # noqa: E402

QUIZZES = {"sample": make_sample_quiz, "hostile": make_hostile_quiz}
ALWAYS = collection.ImportAnkiPackageOptions(
    update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
)


@pytest.fixture
def col(tmp_path):
    """An empty Anki collection in a temporary folder."""
    store = collection.Collection(str(tmp_path / "collection.anki2"))
    yield store
    store.close()


def _apkg(quiz: Quiz) -> bytes:
    rendered = anki.render(quiz, Settings())
    assert [suffix for suffix, _ in rendered.files] == ["apkg"]
    return rendered.files[0][1]


def _import(col, quiz: Quiz, path: Path, options=None):
    """Import the quiz's deck; return the import log."""
    path.write_bytes(_apkg(quiz))
    request = collection.ImportAnkiPackageRequest(
        package_path=str(path), options=options or collection.ImportAnkiPackageOptions()
    )
    return col.import_anki_package(request).log


def _notes(col) -> dict[str, list[str]]:
    """Each note's fields, by its first field (the question)."""
    notes = [col.get_note(nid) for nid in col.find_notes("")]
    return {note.fields[0]: list(note.fields) for note in notes}


def _blocks(field: str) -> list[str]:
    """The text of each top-level div of an HTML field."""
    return [div.text_content() for div in html.fromstring(f"<section>{field}</section>")]


def _expected_notes(quiz: Quiz) -> int:
    return sum(len(i.pairs) if i.kind == Kind.MATCHING else 1 for i in quiz.items)


@pytest.mark.parametrize("name", QUIZZES)
def test_imports_one_card_per_item_and_per_pair(col, tmp_path, name):
    quiz = QUIZZES[name]()
    log = _import(col, quiz, tmp_path / "deck.apkg")
    assert len(log.new) == _expected_notes(quiz)
    assert col.note_count() == col.card_count() == _expected_notes(quiz)
    deck = next(d for d in col.decks.all_names_and_ids() if d.name != "Default")
    assert len(col.find_cards(f"did:{deck.id}")) == _expected_notes(quiz)


def test_fields_say_question_answer_and_evidence(col, tmp_path):
    _import(col, make_sample_quiz(), tmp_path / "deck.apkg")
    notes = _notes(col)
    mc = next(fields for question, fields in notes.items() if "Lake Victoria in 1858" in question)
    assert _blocks(mc[0]) == [
        "Who reached Lake Victoria in 1858?",
        "A. Richard Burton",
        "B. John Speke",
        "C. David Livingstone",
        "D. Samuel Baker",
    ]
    assert mc[1:] == [
        "B. John Speke",
        "Paragraph 2: In 1858, John Speke reached Lake "
        "Victoria, which he named after Queen Victoria.",
    ]
    assert notes["True or false: Floods came every winter."][1:] == [
        "False",
        "Paragraph 3: Floods came every summer.",
    ]
    assert notes["True or false: Ancient Egyptians farmed the land beside the Nile."][1] == "True"
    short = notes["How many countries does the Nile flow through?"]
    assert short[1] == "eleven<div>Also accepted:</div><ul><li>11</li></ul>"
    assert notes["The Nile is the longest river in _____."][1] == "Africa"
    assert notes["What does the passage say of Queen Victoria?"][1] == "gave the lake its name"
    assert (
        notes["What does the passage say of The Nile?"][2]
        == "Paragraph 1: The Nile is the longest river in Africa."
    )


def test_importing_twice_does_not_duplicate(col, tmp_path):
    quiz = make_sample_quiz()
    _import(col, quiz, tmp_path / "deck.apkg")
    log = _import(col, quiz, tmp_path / "deck.apkg")
    assert len(log.new) == 0
    assert len(log.duplicate) == _expected_notes(quiz)
    assert col.note_count() == _expected_notes(quiz)


def test_an_edited_quiz_updates_its_notes_in_place(col, tmp_path):
    """Guids stay with the item and only the edited note gets a new time, so only it updates."""
    quiz = make_sample_quiz()
    _import(col, quiz, tmp_path / "deck.apkg")
    edited = dataclasses.replace(
        quiz,
        items=(
            *quiz.items[:1],
            dataclasses.replace(quiz.items[1], answer="eleven (11)"),
            *quiz.items[2:],
        ),
    )
    assert len(_import(col, edited, tmp_path / "edited.apkg").new) == 0  # Anki's default
    _import(col, quiz, tmp_path / "deck.apkg", ALWAYS)  # back to the original, whatever it did
    log = _import(col, edited, tmp_path / "edited.apkg", ALWAYS)
    assert (len(log.new), len(log.updated)) == (0, 1)
    assert len(_import(col, edited, tmp_path / "edited.apkg", ALWAYS).updated) == 0
    assert col.note_count() == _expected_notes(quiz)
    answer = _notes(col)["How many countries does the Nile flow through?"][1]
    assert answer.startswith("eleven (11)")


def test_two_quizzes_share_a_collection(col, tmp_path):
    _import(col, make_sample_quiz(), tmp_path / "a.apkg")
    _import(col, make_hostile_quiz(), tmp_path / "b.apkg")
    assert col.note_count() == _expected_notes(make_sample_quiz()) + _expected_notes(
        make_hostile_quiz()
    )


def test_hostile_text_reads_back_intact(col, tmp_path):
    quiz = make_hostile_quiz()
    _import(col, quiz, tmp_path / "deck.apkg")
    notes = _notes(col)
    fronts = {unescape(question): fields for question, fields in notes.items()}
    mc, short, tf, blank, matching = quiz.items
    assert _blocks(next(q for q in notes if q.startswith("<div>")))[0] == mc.prompt
    assert unescape(fronts[short.prompt][1]).startswith(short.answer)
    assert _blocks(fronts[short.prompt][1]) == ["Also accepted:", *short.accept]
    assert fronts[f"True or false: {tf.prompt}"][1] == "True"
    assert unescape(fronts[blank.prompt][1]) == blank.answer
    for left, right in matching.pairs:
        assert unescape(fronts[f"What does the passage say of {left}?"][1]) == right
    evidence = f"Paragraph 1: {quiz.passage[0]}"
    assert {unescape(fields[2]) for fields in notes.values()} == {evidence}
    decks = {" ".join(d.name.split()) for d in col.decks.all_names_and_ids()}
    assert " ".join(quiz.title.split()) in decks  # Anki drops a tab from a deck name


def test_every_kind_is_carried_and_matching_warns():
    quiz = make_skills_quiz()
    assert {i.kind for i in quiz.items} == set(Kind)
    assert set(anki.CARDS) | {Kind.MATCHING, Kind.ORDERING} == set(Kind)
    assert anki.render(quiz, Settings()).warnings == (
        "q8: an ordering item, carried as matching (each event with its place: 1st, 2nd, ...)",
        "q6: matching item carried as 3 cards, one per pair",
        "q8: matching item carried as 3 cards, one per pair",
    )


def test_output_is_byte_identical_whatever_the_clock(monkeypatch):
    """Byte-identical for one SQLite and zlib build: no wall-clock time gets in."""
    first = _apkg(make_sample_quiz())
    monkeypatch.setattr(time, "time", lambda: 2_000_000_000.0)
    assert _apkg(make_sample_quiz()) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert archive.namelist() == ["collection.anki2", "media"]
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        database = archive.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(database)
    query = "SELECT mod FROM notes UNION SELECT mod FROM cards"
    stamps = [row[0] for row in connection.execute(query)]
    connection.close()
    assert all(anki.EPOCH <= stamp < anki.EPOCH + anki.SPAN for stamp in stamps)


def test_genanki_has_nothing_to_warn_about():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        anki.render(make_hostile_quiz(), Settings())
