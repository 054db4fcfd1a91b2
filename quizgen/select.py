"""Rank candidate questions and select a quiz: about one item per 70 words, spread over the
paragraphs, one item per fact, a mix of kinds, the key's position balanced.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from dataclasses import replace

from quizgen import distract, quality
from quizgen.analysis import Analysis
from quizgen.model import Difficulty, Evidence, Item, Kind, Passage
from quizgen.rules import Candidate

WORDS_PER_ITEM = 70
MIN_ITEMS = 10
MAX_PER_SENTENCE = 2


def target_count(passage: Passage, count: int | None) -> int:
    """How many items to make: as asked, else one per 70 words and at least 10."""
    if count:
        return count
    return max(MIN_ITEMS, round(passage.words / WORDS_PER_ITEM))


def evidence_of(candidate: Candidate) -> Evidence:
    """The paragraph (from 1) and the verbatim sentence that prove a candidate's key."""
    return Evidence(paragraph=candidate.paragraph + 1, sentence=candidate.sentence.text.strip())


def accepted(candidate: Candidate) -> list[str]:
    """Other answers to mark right: the entity's other names, the key without an article."""
    out: dict[str, None] = {}
    key = candidate.answer
    if candidate.cluster is not None and candidate.answer_label == "PERSON":
        for name in candidate.cluster.names:
            if quality.norm(name) != quality.norm(key):
                out.setdefault(name, None)
    first, _, rest = key.partition(" ")
    if first.lower() in {"the", "a", "an"} and rest:
        out.setdefault(rest, None)
    parsed = distract.parse_number(key)
    if parsed is not None:
        value, form = parsed
        if value == int(value) and 0 <= value < 100:
            other = str(int(value)) if form == "words" else distract.number_words(int(value))
            if quality.norm(other) != quality.norm(key):
                out.setdefault(other, None)
    return list(out)


def score(candidate: Candidate, analysis: Analysis, n_options: int) -> float:
    """How good a candidate is likely to be: template reliability, salience, length, options."""
    s = candidate.template.weight
    if candidate.cluster is not None:
        s += 0.05 * math.log1p(candidate.cluster.salience)
    words = len(candidate.prompt.split())
    s -= 0.01 * max(0, words - 18)
    s -= 0.01 * max(0, len(candidate.sentence) - 40)
    if n_options >= 3:
        s += 0.1
    if candidate.sentence.root.dep_ == "ROOT" and candidate.fact and \
            candidate.sentence.start == candidate.fact[1]:
        s += 0.0
    return s


def difficulty(candidate: Candidate) -> Difficulty:
    """Easy: a named answer to a who/where/when question in a short sentence; hard: why."""
    if candidate.answer_label in {"CAUSE", "PURPOSE"}:
        return Difficulty.HARD
    if len(candidate.sentence) > 35:
        return Difficulty.HARD if candidate.answer_label in {"", "CARDINAL"} else Difficulty.MEDIUM
    if candidate.cluster is not None or candidate.answer_label in {"DATE"}:
        return Difficulty.EASY
    return Difficulty.MEDIUM


def _sound(candidate: Candidate) -> bool:
    accept = tuple(accepted(candidate))
    return not quality.prompt_faults(candidate.prompt, candidate.answer,
                                     candidate.sentence.text, accept)


def _spread(ranked: list[tuple[float, Candidate, list[str]]], n: int, paragraphs: int,
            ) -> list[tuple[float, Candidate, list[str]]]:
    """Pick the best candidates, at most a fair share per paragraph in a first pass."""
    share = max(1, math.ceil(n / max(1, paragraphs)))
    chosen: list[tuple[float, Candidate, list[str]]] = []
    facts: set[tuple] = set()
    prompts: set[str] = set()
    answers: Counter = Counter()
    per_paragraph: Counter = Counter()
    per_sentence: Counter = Counter()
    for limit in (share, share + 1, n):
        for entry in ranked:
            if len(chosen) == n:
                return chosen
            _, c, _ = entry
            key = quality.norm(c.prompt)
            sent = (c.paragraph, c.sentence.start)
            if entry in chosen or c.fact in facts or key in prompts:
                continue
            if per_paragraph[c.paragraph] >= limit or per_sentence[sent] >= MAX_PER_SENTENCE:
                continue
            if answers[quality.norm(c.answer)] >= 1 and limit == share:
                continue
            chosen.append(entry)
            facts.add(c.fact)
            prompts.add(key)
            answers[quality.norm(c.answer)] += 1
            per_paragraph[c.paragraph] += 1
            per_sentence[sent] += 1
    return chosen


def _place_key(key: str, wrong: list[str], position: int, natural: bool) -> list[str]:
    options = [*wrong, key]
    if natural:
        parsed = [distract.parse_number(o) for o in options]
        if all(parsed):
            return sorted(options, key=lambda o: distract.parse_number(o)[0])
        years = [distract._YEAR.search(o) for o in options]
        if all(years):
            return sorted(options, key=lambda o: int(distract._YEAR.search(o).group(1)))
    others = list(wrong)
    position = min(position, len(others))
    return [*others[:position], key, *others[position:]]


def select(candidates: list[Candidate], analysis: Analysis, passage: Passage, config) -> list[Item]:
    """The quiz's items, in passage order, numbered q1, q2, ..."""
    rng = random.Random(config.seed)
    n = target_count(passage, config.count)
    ranked = []
    for c in candidates:
        if not _sound(c):
            continue
        wrong = []
        if Kind.MULTIPLE_CHOICE in c.template.kinds and Kind.MULTIPLE_CHOICE in config.kinds:
            wrong = distract.distractors(c.answer, c.answer_label, analysis, c.cluster,
                                         random.Random(f"{config.seed}:{c.prompt}"),
                                         avoid=[c.prompt])
        ranked.append((score(c, analysis, len(wrong)), c, wrong))
    ranked.sort(key=lambda e: (-e[0], e[1].paragraph, e[1].sentence.start, e[1].prompt))
    chosen = _spread(ranked, n, len(passage.paragraphs))
    chosen.sort(key=lambda e: (e[1].paragraph, e[1].sentence.start, e[1].fact))
    positions = list(range(4))
    rng.shuffle(positions)
    items: list[Item] = []
    mc_count = 0
    for _, c, wrong in chosen:
        accept = tuple(accepted(c))
        common = dict(prompt=c.prompt, answer=c.answer, evidence=evidence_of(c),
                      difficulty=difficulty(c), rule=c.template.id)
        if len(wrong) >= 3 and Kind.MULTIPLE_CHOICE in config.kinds:
            position = positions[mc_count % 4]
            if mc_count % 4 == 3:
                rng.shuffle(positions)
            natural = c.answer_label in {"CARDINAL", "DATE", "QUANTITY", "MONEY"}
            options = tuple(_place_key(c.answer, wrong[:3], position, natural))
            mc_count += 1
            items.append(Item(id="", kind=Kind.MULTIPLE_CHOICE, options=options, **common))
        elif Kind.SHORT_ANSWER in config.kinds and Kind.SHORT_ANSWER in c.template.kinds:
            items.append(Item(id="", kind=Kind.SHORT_ANSWER, accept=accept, **common))
    return [replace(item, id=f"q{i}") for i, item in enumerate(items, 1)]
