"""Property-based tests (hypothesis): reading, quiz-file checking and generating never fail with
anything but a QuizgenError, and every quiz generated keeps the contract and exports.

QUIZGEN_FUZZ_EXAMPLES=500 runs a longer session (the default keeps the suite quick).
"""

from __future__ import annotations

import datetime
import os
import re
from functools import cache

import pytest
import yaml
from conftest import ROOT, SHARED, make_hostile_quiz, make_sample_quiz
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quizgen import pipeline
from quizgen.base.errors import QuizgenError
from quizgen.export import FORMATS, export
from quizgen.quiz import quizfile
from quizgen.read import reader

EXAMPLES = int(os.environ.get("QUIZGEN_FUZZ_EXAMPLES", "0"))
FAST = settings(
    max_examples=EXAMPLES or 100, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
PARSING = settings(FAST, max_examples=EXAMPLES or 40)  # a YAML parse costs tens of milliseconds
SLOW = settings(
    max_examples=EXAMPLES or 30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# PDF layout costs about a second a quiz: only in a long session, unless asked for
EXPORTS = tuple(f for f in FORMATS if f != "pdf" or EXAMPLES or os.environ.get("QUIZGEN_FUZZ_PDF"))


def raises_only_quizgen_error(call, *args):
    """Call, and let nothing but a QuizgenError (a message for the user) out."""
    try:
        result = call(*args)
    except QuizgenError as exc:
        assert str(exc).strip(), "a QuizgenError needs a message"
        event(f"refused: {_gist(str(exc))}")
        return None
    event("accepted")
    return result


def _gist(message: str) -> str:
    """A refusal's message without its particulars (names, numbers, positions)."""
    if message.startswith(("-", "fuzz", "quiz file")):
        message = message.split(": ", 1)[-1]
    return re.sub(r"U\+[0-9A-F]+|\d+|'[^']*'|\([^)]*\)", "…", message)[:60]


# --- without the model: reading and checking -----------------------------------------------

AWKWARD = (
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\r\n\t \u00a0\u00ad\u200b\u200d\u2028\u2029\ufeff"
    "\ud7ff\ue000\ufffd\U0001f600\u202e\u0301#:{}[]&*!|>'\"%@`-?,"
)
TEXT = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(AWKWARD), max_size=400)


@FAST
@given(TEXT | st.deferred(lambda: passages()))
def test_split_takes_any_text(text):
    passage = raises_only_quizgen_error(reader.split, text)
    if passage is not None:
        assert passage.paragraphs and all(p.strip() for p in passage.paragraphs)


@FAST
@given(
    st.binary(max_size=600)
    | TEXT.map(lambda t: t.encode("utf-16"))
    | TEXT.map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_read_bytes_takes_any_bytes(raw):
    raises_only_quizgen_error(reader.read_bytes, raw, "fuzz.txt")


@FAST
@given(TEXT)
def test_check_takes_any_text(text):
    raises_only_quizgen_error(quizfile.check, text)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | TEXT
    | st.dates(min_value=datetime.date(1, 1, 1))
    | st.binary(max_size=8)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.integers(), inner, max_size=4)
    ),
    max_leaves=12,
)


@cache
def _sample_data() -> dict:
    return quizfile.to_data(make_sample_quiz())


def _mutate(data, draw):
    """The data with one value somewhere inside replaced, added or removed."""
    if isinstance(data, dict) and data:
        key = draw(st.sampled_from(sorted(data, key=str)) | st.text(max_size=8))
        action = draw(st.sampled_from(["replace", "descend", "drop"]))
        copy = dict(data)
        if action == "drop":
            copy.pop(key, None)
        elif action == "descend" and key in copy:
            copy[key] = _mutate(copy[key], draw)
        else:
            copy[key] = draw(VALUES)
        return copy
    if isinstance(data, list) and data:
        n = draw(st.integers(0, len(data) - 1))
        copy = list(data)
        copy[n] = _mutate(copy[n], draw) if draw(st.booleans()) else draw(VALUES)
        return copy
    return draw(VALUES)


def _dump(data, flow: bool) -> str:
    """YAML text for fuzzed data, in block or flow style."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=flow)


@PARSING
@given(st.data(), st.booleans())
def test_check_takes_any_mutation_of_a_quiz_and_what_passes_exports(data, flow):
    mutated = _sample_data()
    for _ in range(data.draw(st.integers(1, 3))):
        mutated = _mutate(mutated, data.draw)
    result = raises_only_quizgen_error(quizfile.check, _dump(mutated, flow))
    event("valid" if result is not None and not result[1] else "invalid")
    if result is not None and not result[1]:
        quiz = quizfile.from_data(result[0])
        assert quizfile.check(quizfile.dump(quiz))[1] == []
        fmt = data.draw(st.sampled_from(EXPORTS))  # one a time keeps each example quick
        rendered = raises_only_quizgen_error(export, quiz, fmt)
        assert rendered is None or rendered.files, fmt


@PARSING
@given(st.data())
def test_check_takes_a_quiz_file_with_text_spliced_in(data):
    text = quizfile.dump(data.draw(st.sampled_from([make_sample_quiz(), make_hostile_quiz()])))
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 40))
    raises_only_quizgen_error(quizfile.check, text[:at] + data.draw(TEXT) + text[at + cut :])


# --- with the model: generating from random and adversarial text ----------------------------


@cache
def _sentences() -> tuple[str, ...]:
    """Sentences of real English from the seed and the shared passages, to build text from."""
    files = [ROOT / "seeds" / "drone-strike.txt", *sorted((SHARED / "passages").glob("*.txt"))]
    text = " ".join(p.read_text(encoding="utf-8") for p in files if p.is_file())
    return tuple(s for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if 4 < len(s) < 400)


NOISE = st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(AWKWARD), max_size=12)
CLOZE = re.compile(r"((?:\S+\s+){6})\S+")  # every seventh word a blank, as in a cloze test
SHAPES = {  # adversarial ways to lay sentences out
    "prose": lambda ss: " ".join(ss),
    "capitals": lambda ss: " ".join(ss).upper(),
    "lower": lambda ss: " ".join(ss).lower(),
    "no punctuation": lambda ss: re.sub(r"[^\w\s]", "", " ".join(ss)),
    "one long sentence": lambda ss: ", and ".join(s.rstrip(".!?") for s in ss * 6) + ".",
    "list": lambda ss: "\n".join(f"- {s}" for s in ss),
    "numbered": lambda ss: "\n".join(f"{n}. {s}" for n, s in enumerate(ss, 1)),
    "table": lambda ss: "\n".join(" | ".join(s.split()[:6]) for s in ss),
    "lines": lambda ss: "\n\n".join(ss),
    "quoted": lambda ss: " ".join(f"\u201c{s}\u201d he said." for s in ss),
    "cloze": lambda ss: CLOZE.sub(r"\1_____", " ".join(ss)),
}


@st.composite
def paragraphs(draw) -> str:
    """A paragraph: real sentences in an adversarial shape, with noise spliced in."""
    chosen = draw(st.lists(st.sampled_from(_sentences()), min_size=1, max_size=6))
    text = SHAPES[draw(st.sampled_from(sorted(SHAPES)))](chosen)
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(NOISE) + text[at:]
    return text


@st.composite
def passages(draw) -> str:
    """A passage: a few such paragraphs, a title perhaps; now and then random text."""
    if not _sentences() or draw(st.integers(0, 9)) == 0:
        return draw(st.text(min_size=0, max_size=600))
    title = draw(st.sampled_from(["", "A Title\n\n", "CHAPTER ONE\n\n", "1.\n\n"]))
    return title + "\n\n".join(draw(st.lists(paragraphs(), min_size=1, max_size=4)))


def _generate(text: str, seed: int):
    """Read text as the CLI reads standard input, and make a quiz of it."""
    passage = reader.read_bytes(text.encode("utf-8"), "-")
    return pipeline.generate(passage, pipeline.Config(seed=seed))


@pytest.mark.model
@SLOW
@given(passages(), st.integers(0, 2**31))
def test_generate_never_crashes_and_its_quizzes_keep_the_contract_and_export(text, seed):
    quiz = raises_only_quizgen_error(_generate, text, seed)
    if quiz is None:
        return
    assert quizfile.check(quizfile.dump(quiz))[1] == []
    for fmt in EXPORTS:
        assert export(quiz, fmt).files, fmt


@pytest.mark.model
def test_a_passage_with_blanks_of_its_own_gives_fill_blanks_with_one_blank():
    text = (
        "Maria Lopez opened a _____ bakery in Madrid in 1990, and she sold it to John Smith, "
        "a banker from London, in 2005."
    )
    quiz = _generate(text, 7)
    assert quizfile.check(quizfile.dump(quiz))[1] == []
