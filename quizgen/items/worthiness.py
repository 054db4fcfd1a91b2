"""Answers worth asking: how likely a reader who writes questions would ask about a span.

Of all the phrases a passage holds, people who write reading questions ask about some far more
than others: a date, a number, the name of what a sentence is about, the rare term a paragraph
explains, rather than a common word the passage repeats in passing. A logistic model learned
from human questions on passages (their answer spans; see ``quizgen.train_worthiness``) turns a
span's description into that likelihood. The description reads only the span's text, the
sentence it stands in and the passage (never the parser's internals), so a key can be described
the same way when it is made, when it is judged and when it is read back from a quiz file.
Applying the model needs nothing but the standard library: weights and a table of how common
words are ship as ``data/worthiness.json``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quizgen.items import quality

MODEL = Path(__file__).resolve().parent / "data" / "worthiness.json"

MONTHS = (
    "january february march april may june july august september october november december"
).split()
NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred hundreds thousand thousands million millions billion billions first second third "
    "half dozen".split()
)
PREPOSITIONS = frozenset(
    "of in on at by for from with to into about as after before during since until under over "
    "between through against among within without".split()
)
COPULAS = frozenset("is was are were be been became becomes called named known".split())
DETERMINERS = frozenset("the a an this that these those his her its their our".split())
YEAR = re.compile(r"^(?:in |the )?(?:1[0-9]|20)\d{2}s?$")
DIGIT = re.compile(r"\d")
MONEY = re.compile(r"[$£€¥]|\b(?:dollars?|pounds?|euros?)\b", re.I)
PERCENT = re.compile(r"%|\bper ?cent\b", re.I)
WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Setting:
    """What the description reads of the passage, built once per passage."""

    paragraphs: tuple[str, ...]
    title_words: frozenset[str]
    counts: dict[str, int]  # how often each word occurs in the passage


def setting(title: str, paragraphs: Sequence[str]) -> Setting:
    counts: dict[str, int] = {}
    for paragraph in paragraphs:
        for word in quality.words(paragraph):
            counts[word] = counts.get(word, 0) + 1
    stop = quality.EMPTY_WORDS | {"of", "and", "in", "on", "to", "for", "a", "s"}
    title_words = frozenset(w for w in quality.words(title) if w not in stop)
    return Setting(tuple(paragraphs), title_words, counts)


def _shape(span: str, words: list[str]) -> str:
    if YEAR.match(span.strip().lower()):
        return "year"
    if PERCENT.search(span):
        return "percent"
    if MONEY.search(span):
        return "money"
    if any(w in MONTHS for w in words) and DIGIT.search(span):
        return "date"
    if DIGIT.search(span) or any(w in NUMBER_WORDS for w in words):
        return "number"
    tokens = span.split()
    capitals = sum(t[:1].isupper() for t in tokens)
    if capitals and capitals * 2 >= len(tokens):
        return "name"
    if capitals:
        return "mixed"
    return "lower"


def features(
    span: str, sentence: str, paragraph: int, where: Setting, table: dict[str, int]
) -> dict[str, float]:
    """The span (a phrase of ``sentence``, in paragraph ``paragraph`` counted from 1) described
    for the model: name -> value (absent names are 0)."""
    span = span.strip()
    words = quality.words(span)
    content = [w for w in words if w not in quality.EMPTY_WORDS and w not in PREPOSITIONS]
    f: dict[str, float] = {f"shape={_shape(span, words)}": 1.0}
    f["words"] = math.log1p(len(words))
    f["one_word"] = float(len(words) == 1)
    f["long"] = float(len(words) > 4)
    f["empty"] = float(not content)
    f["starts_the"] = float(bool(words) and words[0] in DETERMINERS)
    f["has_and"] = float("and" in words or "," in span)
    head = content[-1] if content else ""
    if head:
        mentions = where.counts.get(head, 0)
        f["head_mentions"] = math.log1p(mentions)
        f["head_once"] = float(mentions <= 1)
        common = table.get(head, 0)
        f["head_common"] = math.log1p(common)
        f["head_unlisted"] = float(common == 0)
        f["rarest_common"] = math.log1p(min(table.get(w, 0) for w in content))
        f["head_long_word"] = float(len(head) >= 9)
    f["in_title"] = float(bool(set(content) & where.title_words))
    f["all_in_title"] = float(bool(content) and set(content) <= where.title_words)
    # where it stands in its sentence, and what stands just before and after it
    sent_words = quality.words(sentence)
    f["sentence_words"] = math.log1p(len(sent_words))
    f["share_of_sentence"] = len(words) / max(1, len(sent_words))
    at = sentence.find(span)
    if at < 0:
        at = sentence.lower().find(span.lower())
    if at >= 0:
        before, after = sentence[:at].rstrip(), sentence[at + len(span) :].lstrip()
        f["position"] = at / max(1, len(sentence))
        f["sentence_start"] = float(not before.strip("\"“'‘("))
        f["sentence_end"] = float(not after.strip(".!?\"”'’)"))
        prev = quality.words(before.split()[-1]) if before.split() else []
        last = prev[-1] if prev else ""
        nxt = quality.words(after.split()[0]) if after.split() else []
        first = nxt[0] if nxt else ""
        f["after_preposition"] = float(last in PREPOSITIONS)
        f["after_of"] = float(last == "of")
        f["after_copula"] = float(last in COPULAS)
        f["after_comma"] = float(before.endswith(","))
        f["in_brackets"] = float(before.endswith("(") or after.startswith(")"))
        f["before_comma"] = float(after.startswith(","))
        f["before_verb"] = float(first in COPULAS or first.endswith("ed"))
        f["before_of"] = float(first == "of")
        f["before_preposition"] = float(first in PREPOSITIONS and first != "of")
    else:
        f["not_found"] = 1.0
    # where the sentence stands in the passage
    text = where.paragraphs[paragraph - 1] if 0 < paragraph <= len(where.paragraphs) else ""
    start = text.find(sentence[:40]) if sentence else -1
    f["first_sentence"] = float(start == 0)
    f["paragraph_position"] = (paragraph - 1) / max(1, len(where.paragraphs) - 1)
    f["first_paragraph"] = float(paragraph == 1)
    return f


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model over named features, and the table of how common words are."""

    weights: dict[str, float]
    bias: float
    common: dict[str, int]  # word -> in how many of a set of reference passages it occurs

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def worth(self, span: str, sentence: str, paragraph: int, where: Setting) -> float:
        """How likely a question writer would ask about the span."""
        return self.probability(features(span, sentence, paragraph, where, self.common))


@cache
def load(path: Path = MODEL) -> Model | None:
    """The shipped model, or None where none has been trained yet."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(dict(data["weights"]), float(data["bias"]), dict(data["common"]))
