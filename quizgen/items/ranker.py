"""The ranker: how likely reviewers are to hand an item out unchanged, learned from their verdicts.

Every made item is described by features a reviewer's verdict depends on, read from the item's
own text, its template, its evidence and the passage (never from the parser's internals, so a
labelled item can be described again whenever the features change: see ``quizgen.train_ranker``). A
logistic model, trained on reviewers' verdicts and shipped as a small JSON file, turns them into
a probability; selection keeps only items above the model's threshold: fewer items rather than
bad ones. Applying it needs nothing but the standard library.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from quizgen.items import quality, worthiness
from quizgen.quiz.model import BLANK, Item, Kind

MODEL = Path(__file__).resolve().parent / "data" / "ranker.json"
# how much a key's worth (how likely a question writer would ask about it, 0 to 1) counts beside
# the ranker's acceptance when selection orders the items the ranker keeps; an item without a
# key to weigh (a statement) counts as of middling worth
WORTH_WEIGHT = 2.0
WORTH_DEFAULT = 0.5

WH = (
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "where",
    "when",
    "why",
    "how many",
    "how much",
    "how long",
    "how",
)
HEDGES = re.compile(
    r"\b(?:argu\w*|assum\w*|suggest\w*|believ\w*|claim\w*|think\w*|thought|may|might|could|"
    r"perhaps|possibly|(?:it is|it's|it was) possible|probabl[ey]|likely|according to|seem\w*|"
    r"reportedly|allegedly|estimat\w*|propos\w*|if|unless|whether|either)\b",
    re.I,
)
REPORTING = re.compile(r"\b(?:said|says|say|told|tells|wrote|writes|stated|states|added|asked)\b")
PERSONAL = re.compile(r"\b(?:i|me|my|mine|we|us|our|ours|you|your|yours)\b", re.I)
NEGATION = re.compile(r"\b(?:not|never|no|none|nobody|nothing)\b|n't\b", re.I)
DEFINITE = re.compile(r"(?:^|\s)(?:the|this|that|these|those|such|both|each) ([a-z][a-z-]+)")
CONTEXT = re.compile(
    r"\b(?:the same|the other|the former|the latter|the result|the following|the above|"
    r"such|both|another|also|too|again|then|there|here|later|earlier|above|below)\b",
    re.I,
)
STRAY = re.compile(r"^[\W_]|[.!?,;:]\s*[.!?,;:]|\.\s\.|\(\s*$|^\s*[*•\-–]|\[|\]")
REMNANT = re.compile(
    r"^(?:(?:in|from|of|across|to|by|with|at|on|for) )?(?:who|what|where|when|how|why|which|whose|"
    r"whom|exactly what)\b[^?]*$",
    re.I,
)
CONNECTIVE = re.compile(
    r"^(?:however|but|and|so|thus|also|instead|still|yet|then|therefore|in contrast|in addition|"
    r"for example|for instance|as a result|in fact|moreover|meanwhile|similarly|likewise|again|"
    r"finally|later|soon|afterwards)\b",
    re.I,
)
DANGLING = frozenset(
    "the a an of and or but to with that which by for as his her its their is was be not than "
    "in on at from too also alone again instead example addition however then".split()
)
PRONOUN_START = re.compile(
    r"^(?:[A-Z][\w ,]*, )?(?:he|she|it|they|his|her|its|their|this|these)\b", re.I
)
DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{3,}(?:—|--| - )")
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)*")
CROSSED = (
    "long_answer",
    "answer_empty",
    "answer_in_title",
    "context_bound",
    "definite_phrases",
    "hedged_evidence",
    "negation_dropped",
    "name_not_in_evidence",
    "evidence_pronoun",
    "answer_shape=lower",
    "answer_shape=name",
    "answer_shape=number",
    "answer_shape=date",
    "dangling_end",
    "repeated_name",
    "rare_stem_words",
    "answer_mentions",
    "definite_from_before",
)
NUMBER = re.compile(r"^\s*(?:[$£€]?\d[\d,.]*%?|\d{4}s?)\s*$")
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_WORDS = re.compile(  # 'November 2006', '22 February', 'mid-2015', 'the 1990s'
    rf"\b{MONTH}\s+\d|\b\d{{1,2}}\s+{MONTH}\b|\b\d{{4}}s?\b|\b\d{{1,2}}(?:st|nd|rd|th) century\b"
)
RULE_FAMILIES = (
    "who-",
    "what-",
    "where-",
    "when-",
    "how-many",
    "how-much",
    "why-",
    "tf-fact",
    "tf-swap",
    "tf-negation",
    "tf-negative",
    "blank-name",
    "blank-number",
    "blank-term",
    "blank-verb",
    "blank-",
    "match",
)


def _family(rule: str) -> str:
    return next((f for f in RULE_FAMILIES if rule.startswith(f)), "other")


def _wh(prompt: str) -> str:
    low = prompt.lower()
    return next((w for w in WH if low.startswith(w + " ") or f", {w} " in low), "none")


def _words(text: str) -> list[str]:
    return quality.words(text)


def _case(text: str) -> str:
    """The shape of an option: a name, a number, a date ('November 2006', 'mid-2015'), or
    lower-case words."""
    text = text.strip()
    if NUMBER.match(text) or re.match(r"^\d", text):
        return "number"
    if DATE_WORDS.search(text):
        return "date"
    if text[:1].isupper() or any(w[:1].isupper() for w in text.split()[1:]):
        return "name"
    return "lower"


@dataclass(frozen=True, slots=True)
class Context:
    """What the features read of the passage, built once per passage."""

    title_words: frozenset[str]
    counts: dict[str, int]  # how often each word occurs in the passage
    paragraphs: int
    first: dict[str, int]  # the paragraph (from 1) each word first occurs in
    where: worthiness.Setting  # what the model of answers worth asking reads of the passage


def context(title: str, paragraphs: Sequence[str]) -> Context:
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for number, paragraph in enumerate(paragraphs, 1):
        for word in _words(paragraph):
            counts[word] = counts.get(word, 0) + 1
            first.setdefault(word, number)
    stop = quality.EMPTY_WORDS | {"of", "and", "in", "on", "to", "for", "a", "s"}
    title_words = frozenset(w for w in _words(title) if w not in stop)
    where = worthiness.setting(title, paragraphs)
    return Context(title_words, counts, len(paragraphs), first, where)


def worth(item: Item, ctx: Context) -> float | None:
    """How likely a question writer would ask about the item's key (None: no key to weigh)."""
    model = worthiness.load()
    if model is None or not isinstance(item.answer, str) or not item.answer or not item.evidence:
        return None
    if item.kind not in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER, Kind.FILL_BLANK):
        return None
    return model.worth(item.answer, item.evidence.sentence, item.evidence.paragraph, ctx.where)


def features(item: Item, ctx: Context) -> dict[str, float]:
    """The item described for the model: name -> value (absent names are 0)."""
    prompt = item.prompt
    answer = item.answer if isinstance(item.answer, str) else ""
    evidence = item.evidence.sentence if item.evidence else ""
    f: dict[str, float] = {f"kind={item.kind.value}": 1.0, f"rule={_family(item.rule)}": 1.0}
    if item.kind in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER):
        f[f"wh={_wh(prompt)}"] = 1.0
    stem = prompt.replace(BLANK, " ")
    pw, aw, ew = _words(stem), _words(answer), _words(evidence)
    f["prompt_words"] = math.log1p(len(pw))
    f["answer_words"] = math.log1p(len(aw))
    f["evidence_words"] = math.log1p(len(ew))
    f["prompt_share_of_evidence"] = len(pw) / max(1, len(ew))
    f["long_prompt"] = float(len(pw) > 20)
    f["long_answer"] = float(len(aw) > 4)
    if answer:
        f[f"answer_shape={_case(answer)}"] = 1.0
        f["answer_in_title"] = float(bool(set(aw) & ctx.title_words))
        f["answer_echoes_stem"] = sum(w in pw for w in aw) / max(1, len(aw))
        content = [w for w in aw if w not in quality.EMPTY_WORDS]
        f["answer_empty"] = float(not content)
        mentions = min((ctx.counts.get(w, 0) for w in content), default=0)
        f["answer_mentions"] = math.log1p(mentions)
        w = worth(item, ctx)
        if w is not None:
            f["key_worth"] = w
    f["context_bound"] = float(quality.context_bound(stem))
    f["vague_pronoun"] = float(quality.vague_pronoun(stem))
    f["context_words"] = float(len(CONTEXT.findall(stem)))
    f["definite_phrases"] = float(len(DEFINITE.findall(stem)))
    # 'the challenge', 'the structure': a definite noun the passage brought up in an earlier
    # paragraph points back at text the item does not show
    here = item.evidence.paragraph if item.evidence else 1
    f["definite_from_before"] = float(
        sum(ctx.first.get(noun, here) < here for noun in DEFINITE.findall(stem.lower()))
    )
    f["personal"] = float(bool(PERSONAL.search(quality.outside_quotes(stem))))
    f["negation"] = float(bool(NEGATION.search(stem)))
    f["evidence_negation"] = float(bool(NEGATION.search(evidence)))
    f["hedged_evidence"] = float(bool(HEDGES.search(evidence)))
    f["hedge_kept"] = float(bool(HEDGES.search(stem)))
    f["reported_evidence"] = float(bool(REPORTING.search(evidence)))
    f["quoted_evidence"] = float(any(q in evidence for q in '"“”'))
    f["stray_marks"] = float(bool(STRAY.search(prompt.strip())))
    f["starts_lower"] = float(prompt[:1].islower())
    f["first_paragraph"] = float(bool(item.evidence) and item.evidence.paragraph == 1)
    rare = [w for w in pw if w not in quality.EMPTY_WORDS and ctx.counts.get(w, 0) <= 1]
    f["rare_stem_words"] = len(rare) / max(1, len(pw))
    if item.kind is Kind.MULTIPLE_CHOICE and item.options:
        wrong = [o for o in item.options if o != answer]
        shape = _case(answer)
        f["options_same_shape"] = sum(_case(o) == shape for o in wrong) / max(1, len(wrong))
        lengths = [len(_words(o)) or 1 for o in item.options]
        f["options_length_spread"] = math.log(max(lengths) / min(lengths))
        f["options_in_stem"] = sum(
            any(w in pw for w in _words(o) if w not in quality.EMPTY_WORDS) for o in wrong
        ) / max(1, len(wrong))
        f["options_rare"] = sum(
            min((ctx.counts.get(w, 0) for w in _words(o)), default=0) == 0 for o in wrong
        ) / max(1, len(wrong))
        f["options_the"] = float(len({o.lower().startswith("the ") for o in item.options}) > 1)
    if item.kind is Kind.FILL_BLANK:
        f["blank_first"] = float(prompt.lstrip().startswith(BLANK))
        f["blank_last"] = float(prompt.rstrip(" .!?").endswith(BLANK))
    if item.kind is Kind.TRUE_FALSE:
        f["statement_true"] = float(item.answer is True)
        f["statement_wh_start"] = float(_wh(prompt) != "none")
    if item.kind is not Kind.MULTIPLE_CHOICE and item.kind is not Kind.SHORT_ANSWER:
        f["remnant"] = float(
            bool(REMNANT.match(prompt.strip()))
            or bool(re.match(r"^\w+(?: \w+)?, ", prompt) and _wh(prompt.split(",")[0]) != "none")
        )
    last = pw[-1] if pw else ""
    f["dangling_end"] = float(last in DANGLING)
    f["negation_dropped"] = float(bool(NEGATION.search(evidence)) and not NEGATION.search(stem))
    f["evidence_pronoun"] = float(bool(PRONOUN_START.match(evidence.strip())))
    f["evidence_connective"] = float(bool(CONNECTIVE.match(evidence.strip())))
    f["dateline"] = float(bool(DATELINE.match(evidence.strip())))
    names = [n for n in NAME.findall(stem) if n.split()[0].lower() not in quality.EMPTY_WORDS]
    f["name_not_in_evidence"] = float(any(n not in evidence for n in names))
    heads = [n.split()[-1] for n in names]
    f["repeated_name"] = float(len(heads) != len(set(heads)))
    f["title_overlap"] = len(set(pw) & ctx.title_words) / max(1, len(ctx.title_words))
    for name in CROSSED:
        if f.get(name):
            f[f"{item.kind.value}:{name}"] = f[name]
    return f


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model over named features, and the threshold selection keeps items above."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@cache
def load(path: Path = MODEL) -> Model | None:
    """The shipped model, or None where none has been trained yet."""
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))
