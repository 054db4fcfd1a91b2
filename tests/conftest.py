"""Shared fixtures: hand-built quizzes (no spaCy), so exporter tests never depend on a model."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from quizgen.quiz.model import Difficulty, Evidence, Generator, Item, Kind, Quiz, Source

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
SHARED = ROOT.parent / "shared"  # passages and tools beside the project; tests that need it say so


def shown_text(text: str) -> str:
    """Text read back from a PDF or a page as a reader sees it: compatibility characters folded
    (NFKC: the ligature 'ﬂ' a PDF's text layer may carry is 'fl'), white space folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


PASSAGE = (
    "The Nile is the longest river in Africa. It flows north through eleven countries.",
    "In 1858, John Speke reached Lake Victoria, which he named after Queen Victoria.",
    "Ancient Egyptians farmed the land beside the river. Floods came every summer.",
)


def make_sample_quiz(passage: tuple[str, ...] = PASSAGE) -> Quiz:
    """A quiz that holds every item kind, built by hand."""
    p = passage
    items = (
        Item(
            id="q1",
            kind=Kind.MULTIPLE_CHOICE,
            prompt="Who reached Lake Victoria in 1858?",
            answer="John Speke",
            options=("Richard Burton", "John Speke", "David Livingstone", "Samuel Baker"),
            evidence=Evidence(2, p[1]),
            difficulty=Difficulty.EASY,
            rule="who-subject",
        ),
        Item(
            id="q2",
            kind=Kind.SHORT_ANSWER,
            prompt="How many countries does the Nile flow through?",
            answer="eleven",
            accept=("11",),
            evidence=Evidence(1, "It flows north through eleven countries."),
            rule="how-many",
        ),
        Item(
            id="q3",
            kind=Kind.TRUE_FALSE,
            prompt="Floods came every winter.",
            answer=False,
            evidence=Evidence(3, "Floods came every summer."),
            difficulty=Difficulty.MEDIUM,
            rule="tf-swap",
        ),
        Item(
            id="q4",
            kind=Kind.TRUE_FALSE,
            prompt="Ancient Egyptians farmed the land beside the Nile.",
            answer=True,
            evidence=Evidence(3, "Ancient Egyptians farmed the land beside the river."),
            rule="tf-fact",
        ),
        Item(
            id="q5",
            kind=Kind.FILL_BLANK,
            prompt="The Nile is the longest river in _____.",
            answer="Africa",
            accept=("africa",),
            evidence=Evidence(1, "The Nile is the longest river in Africa."),
            difficulty=Difficulty.HARD,
            rule="blank-entity",
        ),
        Item(
            id="q6",
            kind=Kind.MATCHING,
            prompt="Match each name with what the passage says of it.",
            pairs=(
                ("John Speke", "reached Lake Victoria"),
                ("Queen Victoria", "gave the lake its name"),
                ("The Nile", "the longest river in Africa"),
            ),
            evidence=Evidence(2, p[1]),
            pair_evidence=(
                Evidence(2, p[1]),
                Evidence(2, p[1]),
                Evidence(1, "The Nile is the longest river in Africa."),
            ),
            rule="matching-roles",
        ),
    )
    return Quiz(
        title="The Nile",
        passage=passage,
        items=items,
        source=Source("nile.txt", "0" * 64, sum(len(x.split()) for x in passage)),
        generator=Generator("0.1.0", "en_core_web_sm 3.8.0", 7),
    )


# text every format must escape: markup, GIFT specials, CSV/TSV separators, CDATA ends, accents
HOSTILE = '<b>Tom & "Jerry"</b> it\'s {x} ~ = # : \\ ]]> \ttab café naïve'


def make_hostile_quiz() -> Quiz:
    """A quiz whose every text field carries characters some format must escape."""
    para = f"{HOSTILE} said the cat. The mouse ran to {HOSTILE}."
    ev = Evidence(1, para)
    items = (
        Item(
            id="q1",
            kind=Kind.MULTIPLE_CHOICE,
            prompt=f"What did {HOSTILE} say?",
            answer=f"{HOSTILE} a",
            options=(f"{HOSTILE} a", f"{HOSTILE} b", f"{HOSTILE} c"),
            evidence=ev,
            rule="r<1>",
        ),
        Item(
            id="q2",
            kind=Kind.SHORT_ANSWER,
            prompt=f"Who is {HOSTILE}?",
            answer=HOSTILE,
            accept=(f"{HOSTILE}!",),
            evidence=ev,
        ),
        Item(
            id="q3",
            kind=Kind.TRUE_FALSE,
            prompt=f"The cat said {HOSTILE}.",
            answer=True,
            evidence=ev,
        ),
        Item(
            id="q4",
            kind=Kind.FILL_BLANK,
            prompt=f"The mouse ran to _____ and {HOSTILE}.",
            answer=HOSTILE,
            evidence=ev,
        ),
        Item(
            id="q5",
            kind=Kind.MATCHING,
            prompt=f"Match {HOSTILE}.",
            pairs=(
                (f"{HOSTILE} 1", "one & <one>"),
                (f"{HOSTILE} 2", "two {2}"),
                (f"{HOSTILE} 3", "three ]]> 3"),
            ),
            evidence=ev,
        ),
    )
    return Quiz(
        title=f"Title {HOSTILE}",
        passage=(para,),
        items=items,
        generator=Generator("0.1.0", "en_core_web_sm 3.8.0", 3),
    )


@pytest.fixture
def sample_quiz() -> Quiz:
    return make_sample_quiz()


@pytest.fixture
def hostile_quiz() -> Quiz:
    return make_hostile_quiz()
