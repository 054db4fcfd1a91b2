"""Rank candidates and select a quiz: about one item per 70 words, spread over the paragraphs,
one item per fact, a mix of kinds, the key's position and the true/false share balanced.
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import chain

from quizgen.base.folding import fold_typography, fold_words
from quizgen.items import distract, quality, ranker, skills, variants
from quizgen.items.rules import Candidate
from quizgen.quiz.model import Difficulty, Evidence, Item, Kind, Label, Passage, Skill
from quizgen.text import lexicon
from quizgen.text.analysis import Analysis, person_like, placed, shown_a_person, text_of
from quizgen.text.extract import Clause, Quote, Role
from quizgen.text.lexicon import PLACE_TYPES, date_key, place_kind

WORDS_PER_ITEM = 70
MIN_ITEMS = 10
MAX_PER_SENTENCE = 2
# the share of a quiz each kind gets, when the passage allows; questions take the rest
SHARES = {Kind.TRUE_FALSE: 0.2, Kind.FILL_BLANK: 0.2}
# filling up a quiz short of questions, statements and blanks may each take up to this share
# of it, not more: fewer items rather than a quiz of true/false alone
MAX_FILL_SHARE = 0.35
# up to the floor of a thin passage (a story, a speech), one kind may take half of the quiz:
# its true/false statements are what the panels accept most
FLOOR_FILL_SHARE = 0.5
# a quiz the ranker leaves shorter than this is filled up to it with items reviewers more
# likely keep than not (above LOWER_THRESHOLD), best first; a passage with fewer still gets
# what it has, and the command says so
FLOOR_PER_1000_WORDS = 6
FLOOR_ITEMS = 5
LOWER_THRESHOLD = 0.5
NUMERIC = {Label.CARDINAL, Label.DATE, Label.DURATION, Label.QUANTITY, Label.MONEY}


def target_count(passage: Passage, count: int | None) -> int:
    """How many items to make: as asked, else one per 70 words and at least 10."""
    if count:
        return count
    return max(MIN_ITEMS, round(passage.words / WORDS_PER_ITEM))


def evidence_of(candidate: Candidate | Role) -> Evidence:
    """The paragraph (from 1) and the verbatim sentence that prove a fact."""
    return Evidence(paragraph=candidate.paragraph + 1, sentence=text_of(candidate.sentence).strip())


def same_thing(name: str, key: str) -> bool:
    """Whether another name of a place or a thing is surely the key's: the same words without
    'the', or its initials ('ECB' and 'the European Central Bank'). A name with a word more is
    often another thing ('the Gold Dome' beside the yearbook 'Dome', 'North America' beside
    'America'), unlike a person's name with a first name or title more."""

    def words(text: str) -> list[str]:
        ws = fold_typography(text).casefold().split()
        return ws[1:] if ws[:1] == ["the"] else ws

    a, b = words(name), words(key)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    initials = "".join(w[0] for w in long if w not in {"of", "and", "for"})
    return len(short) == 1 and len(long) > 1 and short[0] == initials


def accepted(candidate: Candidate, analysis: Analysis | None = None) -> list[str]:
    """Other answers to mark right: the entity's other names, digits or words for a number,
    the key without its article, the acronym the passage gives a name (or the name an
    acronym stands for)."""
    out: dict[str, None] = {}
    key = candidate.answer
    if candidate.cluster is not None and candidate.answer_label is Label.PERSON:
        for name in candidate.cluster.names:
            out.setdefault(name, None)
        surname = family_name(key, candidate.cluster, analysis)
        if surname is not None:
            out.setdefault(surname, None)
    first, _, rest = key.partition(" ")
    if first.lower() in {"the", "a", "an"} and rest:
        out.setdefault(rest, None)
    if analysis is not None:
        for other in spelled_out(key, analysis):
            out.setdefault(other, None)
    amount, unit = key, ""
    if candidate.answer_label is Label.DURATION:
        amount, _, unit = key.rpartition(" ")  # 'three years': 3 years is right too
    ordinal = distract.ordinal_other_form(key)
    if ordinal is not None:
        out.setdefault(ordinal, None)
    parsed = distract.parse_number(amount)
    if parsed is not None:
        value, form = parsed
        if value == int(value) and 0 <= value < 100:
            other = str(int(value)) if form == "words" else distract.number_words(int(value))
            out.setdefault(f"{other} {unit}".strip(), None)
    return [a for a in out if fold_typography(a) != fold_typography(key)]


def family_name(key: str, cluster, analysis: Analysis | None) -> str | None:
    """A person's family name alone ('Pasteur' for 'Louis Pasteur', 'Watson' for 'Dr.
    Watson'), which a teacher marks right too: the key two or three capitalized words, the
    last not shared with any other person the passage names ('Nicolas Chopin' beside
    'Fryderyk Chopin': neither is asked by 'Chopin' alone) nor a word the passage writes in
    lower case ('the Little Match Girl' beside 'the girl')."""
    words = key.split()
    if not 2 <= len(words) <= 3 or analysis is None:
        return None
    if not all(w[:1].isupper() and re.fullmatch(r"[\w.'\u2019-]+", w) for w in words):
        return None
    last = words[-1]
    if last.endswith(".") or fold_words(last) in {fold_words(w) for w in words[:-1]}:
        return None  # 'John F.': no family name
    if re.search(r"['\u2019]s$", words[0]) or lexicon.looks_like_organization(key):
        return None  # "Destiny's Child": no person's name
    if not _shown_a_person(words[0], cluster, analysis):
        return None  # 'the Annual Grammy Awards', 'Turkey Trot' the tagger took for people
    if last not in lexicon.family_names() and any(
        t.text == last.lower() for doc in analysis.docs for t in doc
    ):
        return None  # 'the Little Match Girl' of a passage that says 'the girl': a word alone
    for other in analysis.clusters_of("PERSON"):
        if other is cluster:
            continue
        if any(
            fold_words(n.split()[-1]) == fold_words(last) and fold_words(n) != fold_words(key)
            for n in other.names
        ):
            return None
    return last


def _shown_a_person(first: str, cluster, analysis: Analysis) -> bool:
    """Whether the passage shows a name is a person's (:func:`shown_a_person`), or a title
    or a known given name begins it ('Mr. Bennet', 'Louis Pasteur')."""
    if first.lower().rstrip(".") in lexicon.TITLE_WORDS or lexicon.given_name_gender(first):
        return True
    return cluster is not None and shown_a_person(cluster, analysis)


def spelled_out(key: str, analysis: Analysis) -> list[str]:
    """The acronym of a name the passage spells out beside it, or the name an acronym stands
    for ('European Central Bank (ECB)'), of the key with or without its 'the'."""
    first, _, rest = key.partition(" ")
    forms = (key, rest) if first.lower() == "the" and rest else (key,)
    return [other for form in forms for other in analysis.acronyms().get(fold_words(form), [])]


OPTIONS_BONUS = 0.35  # a question with three good wrong options makes a multiple-choice item
SHORTLIST = 4  # options are looked for among this many candidates per item the quiz needs


def score(candidate: Candidate) -> float:
    """How good a candidate is likely to be: template reliability, salience, length (the
    options bonus is added once options have been looked for)."""
    s = candidate.template.weight
    if candidate.cluster is not None:
        s += 0.05 * math.log1p(candidate.cluster.salience)
    s -= 0.015 * max(0, len(candidate.prompt.split()) - 16)
    s -= 0.005 * max(0, len(candidate.sentence) - 40)
    if getattr(candidate.clause, "source", "main") in {"reported", "advcl"}:
        s -= 0.1
    return s


def difficulty(candidate: Candidate) -> Difficulty:
    """Easy: a named answer to a who/where/when question in a short sentence; hard: why."""
    if candidate.answer_label in {Label.CAUSE, Label.PURPOSE}:
        return Difficulty.HARD
    if len(candidate.sentence) > 35:
        return Difficulty.MEDIUM if candidate.cluster is not None else Difficulty.HARD
    if candidate.cluster is not None or candidate.answer_label in {Label.DATE, Label.DURATION}:
        return Difficulty.EASY
    return Difficulty.MEDIUM


def sound(candidate: Candidate) -> bool:
    """No fault a careful teacher would catch in the stem, key or evidence."""
    return not quality.prompt_faults(
        candidate.prompt, candidate.answer, text_of(candidate.sentence), tuple(accepted(candidate))
    )


@dataclass
class Entry:
    """A candidate with its score; its wrong options are found when first needed."""

    score: float
    candidate: Candidate
    analysis: Analysis
    seed: int

    @cached_property
    def ranked(self) -> list[distract.Option]:
        """Wrong options of the key's type, plausible and distinct, best first: three to offer
        (perhaps fewer), then the next-best kept for review."""
        c = self.candidate
        rng = random.Random(f"{self.seed}:{c.prompt}")
        if c.answer_label:
            said = distract.relation(_root(c.answer_tokens)) if c.answer_tokens else None
            return distract.wrong_options(
                c.answer, c.answer_label, self.analysis, c.cluster, rng, [c.prompt], said=said
            )
        # a common noun phrase: others of the passage shaped like it
        return distract.phrase_options(
            c.answer,
            c.answer_tokens,
            self.analysis,
            rng,
            person=c.template.condition("person", False) is True,
            avoid=[c.prompt],
        )

    @cached_property
    def wrong(self) -> list[str]:
        """The wrong options to offer (perhaps fewer than three)."""
        return [o.text for o in self.ranked[:3]]

    @cached_property
    def ref(self) -> tuple:
        """(paragraph, sentence start, fact, answer): what the ledger keeps of it."""
        c = self.candidate
        clause = (c.paragraph, c.sentence.start, getattr(c.clause, "verb", c.sentence.root).i)
        return c.paragraph, c.sentence.start, clause, fold_typography(c.answer)


def _imperative(sentence) -> bool:
    """'Let both sides join ...', 'Ask not what ...': a sentence whose main verb is a bare
    command with no subject of its own."""
    root = sentence.root
    return root.tag_ == "VB" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children
    )


@dataclass
class FactEntry:
    """A clause or quotation to state as true or false, with the questions asked of it."""

    fact: Clause | Quote
    entries: list[Entry]
    score: float

    def true_text(self) -> str | None:
        """The fact stated plainly; none of a claim someone reports ('Others say ...', 'Cox
        complained that ...') nor of an appeal ('Let both sides ...'): the passage does not
        say either is so."""
        if isinstance(self.fact, Quote):
            name = next((e.candidate.answer for e in self.entries), None)
            return variants.quote_statement(self.fact, name) if name else None
        if self.fact.source == "reported" or _imperative(self.fact.sentence):
            return None
        return variants.statement(self.fact)

    @cached_property
    def ref(self) -> tuple:
        """(paragraph, sentence start, fact, answer), as the ledger keeps it."""
        f = self.fact
        return (
            f.paragraph,
            f.sentence.start,
            (f.paragraph, f.sentence.start, f.verb.i),
            fold_typography(self.true_text() or ""),
        )


def _root(tokens):
    """The token of a span that heads the others."""
    inside = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in inside or t.head is t), tokens[-1])


def fact_entries(facts, entries: list[Entry]) -> list[FactEntry]:
    """Every clause and quotation, best first, with the question entries made from it."""
    by_fact: dict[int, list[Entry]] = {}
    for entry in entries:
        by_fact.setdefault(id(entry.candidate.clause), []).append(entry)
    out = []
    for fact in [*facts.clauses, *facts.quotes]:
        mine = by_fact.get(id(fact), [])
        if isinstance(fact, Quote) and not mine:
            continue
        named = (
            any(p.cluster is not None for p in getattr(fact, "parts", ()))
            or getattr(getattr(fact, "subject", None), "cluster", None) is not None
        )
        score = (
            0.5 + 0.1 * named + 0.1 * bool(mine) - 0.1 * (getattr(fact, "source", "main") != "main")
        )
        out.append(FactEntry(fact, mine, score))
    out.sort(key=lambda f: (-f.score, f.fact.paragraph, f.fact.sentence.start, f.fact.verb.i))
    return out


# a blank's key that opens with one of these is one of many phrases that fit the blank
BLANK_QUANTIFIERS = frozenset(
    {"many", "much", "some", "most", "several", "few", "all", "both", "each"}
)
MAX_PER_KEY = 2  # a key that answers three items makes the quiz about one thing


@dataclass(slots=True)
class Ledger:
    """What the quiz already tests: facts, prompts, answers, sentences, paragraphs, and each
    item's sentence, prompt and key, to check every pair of items for give-aways."""

    clauses: set = field(default_factory=set)
    prompts: set = field(default_factory=set)
    keys: set = field(default_factory=set)  # (paragraph, sentence, answer)
    answers: Counter = field(default_factory=Counter)
    sentences: Counter = field(default_factory=Counter)
    paragraphs: Counter = field(default_factory=Counter)
    items: list = field(default_factory=list)  # (paragraph, sentence, prompt, key or None)
    kinds: Counter = field(default_factory=Counter)  # (kind, paragraph)
    blanks: Counter = field(default_factory=Counter)  # the keys of fill-in-the-blank items

    def allows(
        self,
        ref: tuple,
        prompt: str,
        share: int,
        *,
        strict: bool,
        key: str | None = None,
        kind: Kind | None = None,
    ) -> bool:
        """Whether an item on this fact may join: new fact, new prompt, not the same answer
        from the same sentence (one item would give the other away), a key not yet used for
        two items, room left, and no item it gives away or that gives it away."""
        paragraph, sentence, fact, answer = ref
        if fact in self.clauses or fold_typography(prompt) in self.prompts:
            return False
        if (paragraph, sentence, answer) in self.keys:
            return False
        if self.sentences[(paragraph, sentence)] >= (1 if strict else MAX_PER_SENTENCE):
            return False
        if self.paragraphs[paragraph] >= share:
            return False
        if key is not None and self.answers[_identity(key)] >= _most_items(key, kind):
            return False
        if key is not None and self.blanks[_identity(key)]:
            return False  # a word a blank asks for, printed in another item, fills the blank
        if strict and self.answers[answer]:
            return False
        if strict and kind is not None and self.kinds[(kind, paragraph)]:
            return False  # first, each kind spread over the paragraphs
        return not (prompt and self.gives_away(paragraph, sentence, prompt, key))

    def gives_away(self, paragraph: int, sentence: int, prompt: str, key: str | None) -> bool:
        """Whether a new item and one already taken answer each other: from one sentence, the
        one's key stands in the other's stem; from two, that and the stems say the same."""
        for p, s, other, other_key in self.items:
            same = (p, s) == (paragraph, sentence)
            if same and _same_fact(prompt, other):
                return True
            if key is not None and _answers(prompt, key, other, same_sentence=same):
                return True  # the new item's key stands in the stem taken before
            if other_key is not None and _answers(other, other_key, prompt, same_sentence=same):
                return True  # the key taken before stands in the new item's stem
        return False

    def add(
        self,
        ref: tuple,
        prompt: str,
        count: int = 1,
        key: str | None = None,
        kind: Kind | None = None,
    ) -> None:
        """Record an item (or with ``count=-1``, forget one)."""
        paragraph, sentence, fact, answer = ref
        if kind is not None:
            self.kinds[(kind, paragraph)] += count
        if key is not None and kind is Kind.FILL_BLANK:
            self.blanks[_identity(key)] += count
        record = (paragraph, sentence, prompt, key)
        if count > 0:
            self.clauses.add(fact)
            self.prompts.add(fold_typography(prompt))
            self.keys.add((paragraph, sentence, answer))
            self.items.append(record)
        else:
            self.clauses.discard(fact)
            self.prompts.discard(fold_typography(prompt))
            self.keys.discard((paragraph, sentence, answer))
            if record in self.items:
                self.items.remove(record)
        self.answers[answer] += count
        if key is not None and _identity(key) != answer:
            self.answers[_identity(key)] += count
        self.sentences[(paragraph, sentence)] += count
        self.paragraphs[paragraph] += count

    def remove(
        self, ref: tuple, prompt: str, key: str | None = None, kind: Kind | None = None
    ) -> None:
        """Forget an item recorded with ``add``."""
        self.add(ref, prompt, count=-1, key=key, kind=kind)

    def use_up(self, sentences: list[tuple[int, int]]) -> None:
        """Take these sentences (paragraph, start) for good: an item made of them all (the
        events of an ordering by dates) leaves no other item to ask of any ('When did the club
        win promotion?' beside the ordering tells one of its dates)."""
        for where in sentences:
            self.sentences[where] += MAX_PER_SENTENCE

    def add_pairs(self, pairs, evidence) -> None:
        """Record a matching item: each pair as an item of its sentence whose key is its left."""
        for (left, right), fact in zip(pairs, evidence, strict=True):
            ref = (fact.paragraph, fact.sentence.start, ("pair", left), fold_typography(left))
            self.add(ref, f"{left}: {right}", key=left)


def _name_like(key: str) -> bool:
    """'Teddy Tzanetos', 'Tzanetos': every word capitalised, no digit."""
    words = key.split()
    return bool(words) and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in key)


def _identity(key: str) -> str:
    """What two keys share when they name one thing: a name by its last word ('Teddy
    Tzanetos' and 'Tzanetos' are one person), anything else by its folded text, an article
    before either left out."""
    words = key.split()
    if len(words) > 1 and words[0].lower() in {"the", "a", "an"}:
        key = " ".join(words[1:])  # 'the Tortoise' and 'Tortoise', 'the nephew' and 'nephew'
    folded = fold_typography(key)
    return folded.split()[-1] if _name_like(key) else folded


def _most_items(key: str, kind: Kind | None = None) -> int:
    """How many items may have this key: one for a name (a second item on the same person
    cues the first), a date or a number (two 'When ...?' items keyed '1817' offer each other's
    answer), or a blank (the word a blank asks for, printed in another item, fills it);
    anything else MAX_PER_KEY."""
    if _name_like(key) or any(c.isdigit() for c in key) or kind is Kind.FILL_BLANK:
        return 1
    return MAX_PER_KEY


def _same_fact(one: str, other: str) -> bool:
    """Two stems from one sentence that say the same: most content words of the shorter are in
    the longer ('Fifty degrees below zero meant _____ odd degrees of frost.' and the statement
    'Fifty degrees below zero meant seventy-five odd degrees of frost.')."""
    a = {w for w in quality.words(one) if len(w) > 3}
    b = {w for w in quality.words(other) if len(w) > 3}
    small = min(len(a), len(b))
    return small > 0 and len(a & b) >= 0.6 * small


def _answers(stem: str, key: str, other: str, *, same_sentence: bool) -> bool:
    """Whether ``other`` (an item's stem) gives away the key of the item asking ``stem``."""
    if not quality.contains_phrase(other, key):
        return False
    if same_sentence:
        return True
    # from another sentence, only when it also says most of what the stem asks about
    asked = {w for w in quality.words(stem) if len(w) > 3} - set(quality.words(key))
    said = set(quality.words(other))
    return bool(asked) and len(asked & said) >= 0.6 * len(asked)


def _key(item: Item) -> str | None:
    """The key an item's give-aways are checked by: a true/false statement has none."""
    return None if item.kind is Kind.TRUE_FALSE else str(item.answer)


def _passes(n: int, paragraphs: int) -> list[tuple[int, bool]]:
    share = max(1, math.ceil(n / max(1, paragraphs)))
    return [(share, True), (share + 1, False), (n + 1, False)]


class Builder:
    """Turns ranked entries into items of each kind, keeping the ledger."""

    def __init__(
        self,
        entries: list[Entry],
        analysis: Analysis,
        passage: Passage,
        config,
        parse=None,
        *,
        ranked: bool = False,
    ):
        self.entries = entries
        self.analysis = analysis
        self.passage = passage
        self.config = config
        self.ledger = Ledger()
        self.rng = random.Random(config.seed)
        self.positions: list[int] = []
        self.tf = Counter()
        self.relaxed = False  # once the quiz runs short, balance gives way to count
        self.parse = parse  # re-parses a generated stem; None skips the check
        self.checked: dict[tuple[str, bool], bool] = {}  # (stem, is a question) -> reads well
        self.pending: list[tuple[str, bool]] = []  # stems the item being made awaits
        # the learned ranker: an item reviewers would likely reject is not offered at all
        self.model = ranker.load() if ranked else None
        self.threshold = self.model.threshold if self.model else 0.0
        self.context = ranker.context(passage.title, passage.paragraphs)
        self.topic = variants.topic_text(analysis, passage.title)  # no blank's key
        self.held_back: Counter = Counter()  # kind -> items the ranker kept out of the quiz
        self.feature_cache: dict[tuple, dict[str, float]] = {}  # see features
        self.sound_statements: dict[tuple, str | None] = {}  # (statement, evidence, true)
        self.blank_of: dict[str, variants.SentenceBlank] = {}  # a blank item's prompt -> its blank

    def by_likelihood(self, pool: list, preview) -> list:
        """The pool, the entries whose items reviewers would most likely keep first (the
        ranker's verdict on each item as it would be made), ties in the pool's own order.

        Among the items the ranker would keep (at or above its threshold), those whose keys a
        question writer would more likely ask about come first: the order goes by acceptance
        and the key's worth together (``ranker.WORTH_WEIGHT``); the items below the threshold
        follow, by acceptance alone."""
        if self.model is None:
            return pool
        scored = []
        for k, entry in enumerate(pool):
            item = preview(entry)
            if item is None:
                scored.append((1, 0.0, k, entry))
                continue
            feats = self.features(item)
            p = self.model.probability(feats)
            if p >= self.threshold:
                worth = feats.get("key_worth", ranker.WORTH_DEFAULT)
                scored.append((0, -(p + ranker.WORTH_WEIGHT * worth), k, entry))
            else:
                scored.append((1, -p, k, entry))
        scored.sort(key=lambda t: (t[0], t[1], t[2]))
        return [entry for *_, entry in scored]

    def features(self, item: Item) -> dict[str, float]:
        """The ranker's features of an item, worked out once per item's content (a pool is
        offered to each pass of the selection again)."""
        key = (item.kind, item.prompt, str(item.answer), item.options, item.rule, item.evidence)
        found = self.feature_cache.get(key)
        if found is None:
            found = self.feature_cache[key] = ranker.features(item, self.context)
        return found

    def preview_question(self, entry: Entry) -> Item | None:
        """The question an entry would make, without side effects: multiple choice where its
        options are already known to be enough, else a short answer."""
        c = entry.candidate
        wrong = entry.wrong if "ranked" in entry.__dict__ else []
        mc = len(wrong) >= 3 and Kind.MULTIPLE_CHOICE in c.template.kinds
        return Item(
            id="",
            kind=Kind.MULTIPLE_CHOICE if mc else Kind.SHORT_ANSWER,
            prompt=c.prompt,
            answer=c.answer,
            options=(*wrong[:3], c.answer) if mc else (),
            evidence=evidence_of(c),
            rule=c.template.id,
        )

    def preview_statement(self, fact: FactEntry) -> Item | None:
        """The true statement of a fact, as true_false() would state it."""
        text = fact.true_text()
        if text is None:
            return None
        return Item(
            id="",
            kind=Kind.TRUE_FALSE,
            prompt=text,
            answer=True,
            evidence=evidence_of(fact.fact),
            rule="tf-fact",
        )

    def likely_kept(self, item: Item) -> bool:
        """Whether reviewers would likely hand the item out unchanged (the ranker's verdict)."""
        if self.model is None:
            return True
        if self.model.probability(self.features(item)) >= self.threshold:
            return True
        self.held_back[item.kind] += 1
        if item.kind is Kind.TRUE_FALSE:
            self.tf[item.answer] -= 1  # true_false() counted it when it made it
        return False

    def reads_well(self, text: str, *, question: bool) -> bool:
        """Whether a generated stem reads as a well-formed question or statement.

        A stem not yet re-parsed counts as reading well for now: ``take`` re-parses the stems
        of the items it took in one batch (one at a time costs three times as much per
        text), then drops those that do not and takes others in their place."""
        if self.parse is None:
            return True
        stem = (text, question)
        if stem not in self.checked:
            self.pending.append(stem)
            return True
        return self.checked[stem]

    def take(self, want: int, make, pool=None) -> list[Item]:
        """Up to ``want`` items made from the pool (the ranked entries by default), fairest
        spread over the paragraphs first; every stem re-parsed and found well formed."""
        items: list[Item] = []
        pool = self.entries if pool is None else pool
        while True:
            tried = self._fill(items, want, make, pool)
            stems = list(dict.fromkeys(s for _, _, pending in tried for s in pending))
            if not stems:
                return items
            self.checked.update(zip(stems, _well_formed(self.parse, stems), strict=True))
            bad = [(i, e) for i, e, pending in tried if not all(self.checked[s] for s in pending)]
            if not bad:
                return items
            for item, entry in bad:  # undo them, and fill their places
                items.remove(item)
                self.ledger.remove(entry.ref, item.prompt, _key(item), item.kind)
                if item.kind is Kind.TRUE_FALSE:
                    self.tf[item.answer] -= 1

    def _fill(self, items: list[Item], want: int, make, pool) -> list[tuple[Item, object, list]]:
        """Add items to ``items`` until there are ``want``; (item, entry, stems it awaits)."""
        tried = []
        for share, strict in _passes(want, len(self.passage.paragraphs)):
            for entry in pool:
                if len(items) >= want:
                    return tried
                if not self.ledger.allows(entry.ref, "", share, strict=strict):
                    continue
                self.pending = []
                made = make(entry)
                if made is None or not self.ledger.allows(
                    entry.ref, made.prompt, share, strict=strict, key=_key(made), kind=made.kind
                ):
                    continue
                if not self.likely_kept(made):
                    continue
                self.ledger.add(entry.ref, made.prompt, key=_key(made), kind=made.kind)
                items.append(made)
                if self.pending:
                    tried.append((made, entry, self.pending))
        return tried

    def _key_position(self) -> int:
        if not self.positions:
            self.positions = [0, 1, 2, 3]
            self.rng.shuffle(self.positions)
        return self.positions.pop()

    def question(self, entry: Entry) -> Item | None:
        """A multiple-choice item where three good wrong options exist, else short answer."""
        c = entry.candidate
        kinds = self.config.kinds
        if "topic word" in variants.key_faults(c.answer, self.topic):
            return None  # 'What was delayed by Nintendo?' -> 'Twilight Princess': the topic
        if not self.reads_well(c.prompt, question=True):
            return None
        common = dict(
            id="",
            prompt=c.prompt,
            answer=c.answer,
            evidence=evidence_of(c),
            difficulty=difficulty(c),
            rule=c.template.id,
            skill=c.template.skill,
        )
        if (
            len(entry.wrong) >= 3
            and Kind.MULTIPLE_CHOICE in kinds
            and Kind.MULTIPLE_CHOICE in c.template.kinds
        ):
            options = order_options(
                c.answer, entry.wrong[:3], self._key_position(), natural=c.answer_label in NUMERIC
            )
            return Item(
                kind=Kind.MULTIPLE_CHOICE,
                options=tuple(options),
                sources=tuple((o.text, o.source) for o in entry.ranked[:3]),
                alternatives=tuple((o.text, o.source) for o in entry.ranked[3:6]),
                **common,
            )
        if Kind.SHORT_ANSWER in kinds and Kind.SHORT_ANSWER in c.template.kinds:
            accept = tuple(accepted(c, self.analysis))
            return Item(kind=Kind.SHORT_ANSWER, accept=accept, **common)
        return None

    def true_false(self, fact: FactEntry) -> Item | None:
        """A statement of the fact, true or made false, keeping the two about even; every
        statement whole and standing on its own, a false one decidably false."""
        evidence = text_of(fact.fact.sentence)
        if self.analysis.speech() or variants.remark(fact.fact, self.analysis):
            return None  # a speech's claims, a story's moral: no fact to call true or false
        if variants.lonely(fact.fact, self.analysis):
            return None  # 'The art was not mastered': which art?
        if variants.continues_argument(fact.fact):
            return None  # the claim an argument in the sentence before goes on making

        def sound(text: str | None, *, true: bool) -> str | None:
            if text is None:
                return None
            key = (text, evidence, true)
            if key not in self.sound_statements:  # a fact is offered to each pass again
                made = variants.without_connective(text)
                faulty = quality.context_bound(made) or variants.statement_faults(
                    made, evidence, true=true
                )
                self.sound_statements[key] = None if faulty else made
            return self.sound_statements[key]

        want_true = self.tf[True] < self.tf[False]  # a false one first: they are the scarcer
        text, answer, rule = None, True, "tf-fact"
        if not want_true:
            swaps = (
                ("tf-swap", s.text)
                for e in fact.entries
                if e.candidate.answer_label in variants.SWAPPABLE
                for w in e.wrong
                if (s := variants.false_statement(e.candidate, w, self.analysis))
            )
            negative = (
                ("tf-negative", variants.negative_statement(fact.fact))
                for _ in (1,)
                # 'The Country Mouse did not sit down': it sits down twice in the fable
                if not (
                    isinstance(fact.fact, Clause) and skills.told_again(fact.fact, self.analysis)
                )
            )
            rule, text = next(
                ((r, t) for r, t in chain(swaps, negative) if sound(t, true=False)), (rule, None)
            )
            text = sound(text, true=False)
            if text is None and (not self.relaxed or self.tf[True] - self.tf[False] >= 2):
                return None  # a false one is due: leave this fact for a true one later
            answer = text is None
        if text is None:
            text, rule = sound(fact.true_text(), true=True), "tf-fact"
        if text is None or not self.reads_well(text, question=False):
            return None
        self.tf[answer] += 1
        return Item(
            id="",
            kind=Kind.TRUE_FALSE,
            prompt=text,
            answer=answer,
            evidence=evidence_of(fact.fact),
            rule=rule,
            difficulty=Difficulty.EASY if answer else Difficulty.MEDIUM,
        )

    def sentence_blank(self, blank: variants.SentenceBlank) -> Item | None:
        """A sentence of the passage with one meaningful span blanked."""
        words = blank.answer.split()
        if blank.label is Label.TERM and words[0].lower() in BLANK_QUANTIFIERS:
            return None  # 'Many modern nations': 'some countries' fits the blank as well
        if quality.opens_like_question(blank.prompt):
            return None  # '“Why, it's you, _____!”' reads as a question
        accept = []
        if blank.cluster is not None:
            accept += [
                n
                for n in blank.cluster.names
                if fold_typography(n) != fold_typography(blank.answer)
                and (blank.cluster.label == "PERSON" or same_thing(n, blank.answer))
            ]
            if blank.cluster.label == "PERSON":
                surname = family_name(blank.answer, blank.cluster, self.analysis)
                accept += [surname] if surname is not None else []
        accept += spelled_out(blank.answer, self.analysis)  # 'ECB'
        ordinal = distract.ordinal_other_form(blank.answer)
        if ordinal is not None:
            accept.append(ordinal)  # 'nineteenth' or '19th'
        parsed = distract.parse_number(blank.answer)
        if parsed and parsed[0] == int(parsed[0]) and 0 <= parsed[0] < 100:
            other = (
                str(int(parsed[0]))
                if parsed[1] == "words"
                else distract.number_words(int(parsed[0]))
            )
            accept.append(other)
        self.blank_of[blank.prompt] = blank
        return Item(
            id="",
            kind=Kind.FILL_BLANK,
            prompt=blank.prompt,
            answer=blank.answer,
            accept=tuple(
                dict.fromkeys(
                    a for a in accept if fold_typography(a) != fold_typography(blank.answer)
                )
            ),
            evidence=Evidence(blank.paragraph + 1, blank.sentence.text.strip()),
            difficulty=Difficulty.EASY if blank.label is Label.NAME else Difficulty.MEDIUM,
            rule=blank.rule,
        )

    def cloze_choice(self, item: Item) -> Item | None:
        """A sentence blank of a name, a number or a date as a multiple-choice item: the
        sentence, then 'Which answer belongs in the blank?', its wrong options those a question
        about the same key would get (others of the key's kind from the passage, none the
        passage says the same of); None where three are not found or the stem runs long."""
        blank = self.blank_of.get(item.prompt)
        if blank is None or blank.label not in (Label.NAME, Label.NUMBER):
            return None
        label = blank.cluster.label if blank.cluster is not None else blank.entity
        if label not in CLOZE_LABELS or (label in PLACE_TYPES and not place_kind(blank.answer)):
            return None  # a place of a kind the lexicon knows: a city among cities
        if label == "PERSON" and (
            placed(blank.cluster) or not person_like(blank.cluster, self.analysis)
        ):
            return None  # a town the tagger took for a person would get people beside it
        if len(item.prompt.split()) + len(CLOZE_QUESTION.split()) > CLOZE_MOST_WORDS:
            return None
        # the sentence in quotation marks; one that quotes speech keeps its own marks alone
        quoted = QUOTE_MARKS & set(item.prompt)
        prompt = (
            f"{item.prompt} {CLOZE_QUESTION}"
            if quoted
            else f"\u201c{item.prompt}\u201d {CLOZE_QUESTION}"
        )
        doc = blank.sentence.doc
        end = blank.key_start + len(blank.answer.split())
        root = doc[blank.key_start : min(end, blank.sentence.end)].root
        ranked = distract.wrong_options(
            blank.answer,
            label,
            self.analysis,
            blank.cluster,
            random.Random(f"{self.config.seed}:{item.prompt}"),
            [item.prompt],
            said=distract.relation(root),
        )
        if len(ranked) < 3:
            return None
        wrong = [o.text for o in ranked[:3]]
        natural = label in {"CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY"}
        options = order_options(blank.answer, wrong, self._key_position(), natural=natural)
        made = replace(
            item,
            kind=Kind.MULTIPLE_CHOICE,
            prompt=prompt,
            options=tuple(options),
            accept=(),
            sources=tuple((o.text, o.source) for o in ranked[:3]),
            alternatives=tuple((o.text, o.source) for o in ranked[3:6]),
            rule=f"{item.rule}-choice",
        )
        if self.model is not None and self.model.probability(self.features(made)) < self.threshold:
            return None  # 'two, three, four, five' for '_____ basic components'
        return made

    def fill_blank(self, entry: Entry) -> Item | None:
        """The fact with its key (a name, number or date) blanked."""
        c = entry.candidate
        made = variants.blank_key(c, self.topic)
        if made is None or quality.prompt_faults(made.prompt, made.answer, c.sentence.text):
            return None
        accept = tuple(accepted(c, self.analysis)) if made.answer == c.answer else ()
        return Item(
            id="",
            kind=Kind.FILL_BLANK,
            prompt=made.prompt,
            answer=made.answer,
            accept=accept,
            evidence=evidence_of(c),
            difficulty=Difficulty.MEDIUM,
            rule=made.rule,
        )


REPARSE_PIPES = {"tok2vec", "tagger", "parser", "senter", "morphologizer", "transformer"}


MC_SHARE = 1 / 3  # the share of a quiz multiple choice is made up to from sentence blanks
CLOZE_QUESTION = "Which answer belongs in the blank?"
# the keys whose wrong options are of the key's kind: people, places of a known kind,
# numbers and dates (organizations and titles are tagged too loosely for a sentence's slot)
CLOZE_LABELS = {"PERSON", "GPE", "LOC", "CARDINAL", "DATE", "QUANTITY", "MONEY", "PERCENT"}
QUOTE_MARKS = {"\u201c", "\u201d", '"'}
CLOZE_MOST_WORDS = 40  # a multiple-choice stem's length, the sentence and the question


def cloze(builder: Builder, blanks: list[Item], most: int) -> list[Item]:
    """The blanks, up to ``most`` of them (the best first) made multiple choice where they can
    be, in their places."""
    out = []
    for item in blanks:
        made = builder.cloze_choice(item) if most > 0 else None
        if made is not None:
            most -= 1
        out.append(made or item)
    return out


def _well_formed(nlp, stems: list[tuple[str, bool]]) -> list[bool]:
    """Tag and parse short generated texts in one batch, without the entity recognizer (and
    without the attribute ruler: the checks read tags), and check each reads as it should."""
    texts = [text for text, _ in stems]
    if hasattr(nlp, "select_pipes"):
        keep = [p for p in nlp.pipe_names if p in REPARSE_PIPES]
        with nlp.select_pipes(enable=keep):
            docs = list(nlp.pipe(texts, batch_size=64))
    else:
        docs = [nlp(text) for text in texts]
    return [
        quality.wellformed_question(doc) if question else quality.wellformed_statement(doc)
        for doc, (_, question) in zip(docs, stems, strict=True)
    ]


def balance_positions(
    ordered: list[Item], second: list[tuple[Item, Item]], rng: random.Random
) -> tuple[list[Item], list[tuple[Item, Item]]]:
    """The key of each multiple-choice item of the quiz at the next of the places A to D,
    dealt from a shuffled four at a time, so that no letter answers more than its share. Where
    the options stand in the order of their numbers or dates, the wrong ones are chosen again
    from the item's best six to put the key there (as near as they allow). Part B, whose
    sentences keep the passage's order, keeps its own. The Part A of a two-part item is
    replaced in ``second`` too."""
    places: list[int] = []
    out, renamed = [], {}
    for item in ordered:
        if item.kind is not Kind.MULTIPLE_CHOICE or item.refers_to or len(item.options) < 2:
            out.append(item)
            continue
        if not places:
            places = [0, 1, 2, 3]
            rng.shuffle(places)
        made = _placed(item, places.pop())
        renamed[id(item)] = made
        out.append(made)
    return out, [(renamed.get(id(a), a), b) for a, b in second]


def _placed(item: Item, place: int) -> Item:
    """The item with its key at the place (see balance_positions)."""
    key = str(item.answer)
    wrong = [o for o in item.options if o != key]
    pool = [distract.Option(t, s) for t, s in (*item.sources, *item.alternatives)]
    if _order_value(key) is not None and all(_order_value(o) is not None for o in item.options):
        chosen = _placing(key, pool, place) if len(pool) >= 3 else None
        if chosen is None:
            return item
        rest = [o for o in pool if o not in chosen]
        return replace(
            item,
            options=tuple(order_options(key, [o.text for o in chosen], place, natural=True)),
            sources=tuple((o.text, o.source) for o in chosen),
            alternatives=tuple((o.text, o.source) for o in rest[:3]),
        )
    place = min(place, len(wrong))
    return replace(item, options=(*wrong[:place], key, *wrong[place:]))


def _order_value(text: str):
    """Where an option stands in the natural order of numbers, dates or lengths of time, as
    order_options sorts them; None for text of no such order."""
    number = distract.parse_number(text)
    if number:
        return (0, number[0])
    date = date_key(text)
    if date:
        return (1, date)
    length = distract.duration_amount(text)
    return (2, length) if length is not None else None


def _placing(key: str, pool: list, position: int) -> list | None:
    """Three wrong options from the pool (best first) that put the key, once the four are in
    their natural order, at the given place or as near it as the pool allows: years sorted
    with the key always earliest would teach students to pick the first. None when the
    options have no natural order."""
    value = _order_value(key)
    values = [_order_value(o.text) for o in pool]
    if value is None or any(v is None or v[0] != value[0] for v in values):
        return None
    below = [o for o, v in zip(pool, values, strict=True) if v < value]
    above = [o for o, v in zip(pool, values, strict=True) if v > value]
    feasible = [k for k in range(4) if k <= len(below) and 3 - k <= len(above)]
    if not feasible:
        return None
    k = min(feasible, key=lambda k: (abs(k - position), k))
    chosen = {id(o) for o in [*below[:k], *above[: 3 - k]]}
    return [o for o in pool if id(o) in chosen]


def order_options(key: str, wrong: list[str], position: int, *, natural: bool) -> list[str]:
    """Numbers and years in order; other options with the key at the given position."""
    options = [*wrong, key]
    if natural:
        numbers = [distract.parse_number(o) for o in options]
        if all(numbers):
            return sorted(options, key=lambda o: distract.parse_number(o)[0])
        dates = [date_key(o) for o in options]
        if all(dates):
            return sorted(options, key=date_key)
        lengths = [distract.duration_amount(o) for o in options]
        if all(length is not None for length in lengths):
            return sorted(options, key=lambda o: distract.duration_amount(o) or 0)
    position = min(position, len(wrong))
    return [*wrong[:position], key, *wrong[position:]]


def _plan(n: int, kinds: tuple[Kind, ...]) -> dict[Kind, int]:
    plan = {kind: round(n * share) for kind, share in SHARES.items() if kind in kinds}
    if Kind.MATCHING in kinds:
        plan[Kind.MATCHING] = 1
    questions = {Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER} & set(kinds)
    if not questions:  # only statements and blanks asked for: share the whole quiz
        others = [k for k in plan if k is not Kind.MATCHING]
        for k in others:
            plan[k] = math.ceil((n - plan.get(Kind.MATCHING, 0)) / len(others))
    return plan


@dataclass(frozen=True, slots=True)
class Selection:
    """The items chosen, and what was aimed at, so that the pipeline can say what it could not
    make and why (selection words nothing)."""

    items: list[Item]
    wanted: int  # items aimed at in all
    planned: dict[Kind, int]  # each kind's share of them; the questions' under one key (below)
    lacking_options: int  # questions whose wrong options were looked for and fell short of three
    matched: bool  # a matching set was found (when one was planned)
    held_back: int = 0  # items made but kept out as ones reviewers would likely reject


def select(
    candidates: list[Candidate], facts, analysis: Analysis, passage: Passage, config, parse=None
) -> list[Item]:
    """The quiz's items grouped by kind, in passage order within a kind, numbered q1, q2, ..."""
    return choose(candidates, facts, analysis, passage, config, parse).items


def choose(
    candidates: list[Candidate], facts, analysis: Analysis, passage: Passage, config, parse=None
) -> Selection:
    """The quiz's items, as :func:`select` makes them, with what was aimed at of each kind.

    The questions' share is planned under multiple choice when it was asked for, else under
    short answer: which of the two a question becomes depends on its wrong options."""
    n = target = target_count(passage, config.count)
    wanted = set(getattr(config, "skills", tuple(Skill)))
    rng = random.Random(f"{config.seed}:skills")
    # items of the skills beyond detail take their places first; the rest share what is left
    causes = (
        frozenset(
            (c.paragraph, c.sentence.start) for c in candidates if c.template.skill is Skill.CAUSE
        )
        if Skill.CAUSE in wanted
        else frozenset()
    )
    own = skill_items(facts, analysis, passage, config, wanted, rng, causes)
    part_bs = PART_B_MOST if n >= PART_B_FROM else 1
    part_bs = part_bs if Skill.EVIDENCE in wanted and Kind.MULTIPLE_CHOICE in config.kinds else 0
    n = max(0, n - len(own) - part_bs)
    candidates = [c for c in candidates if c.template.skill in wanted]
    if Skill.DETAIL not in wanted:  # statements, blanks and role matching test details
        config = replace(config, kinds=tuple(k for k in config.kinds if k in QUESTION_KINDS))
    entries = [Entry(score(c), c, analysis, config.seed) for c in candidates if sound(c)]
    # wrong options only for the best candidates: the search costs more than all the rest
    entries.sort(key=lambda e: -e.score)
    for entry in entries[: SHORTLIST * n]:
        if len(entry.wrong) >= 3:
            entry.score += OPTIONS_BONUS
    entries.sort(
        key=lambda e: (
            -e.score,
            e.candidate.paragraph,
            e.candidate.sentence.start,
            e.candidate.prompt,
        )
    )
    builder = Builder(entries, analysis, passage, config, parse, ranked=config.ranked)
    for item in own:  # a dated ordering's events are its own: no item asks when of them
        if item.kind is Kind.ORDERING and item.rule == "order-dates":
            builder.ledger.use_up(_sentence_starts(analysis, item.event_evidence))
    builder.entries = entries = builder.by_likelihood(entries, builder.preview_question)
    sentences = skills.passage_sentences(analysis, passage.paragraphs) if part_bs else []
    # a place for the best cause question and the best two-part item the passage supports
    # (the ranker rating them at least at the fill-up floor), before the rest is filled
    reserved = reserve(builder, sentences, cause=Skill.CAUSE in wanted, evidence=part_bs > 0)
    plan = _plan(n, config.kinds)
    items: list[Item] = []
    pairs = None
    if plan.get(Kind.MATCHING) and not any(i.kind is Kind.MATCHING for i in own):
        pairs = variants.matching(facts.roles, [e.candidate for e in entries], facts.clauses)
        ordered = {e.sentence for i in own if i.kind is Kind.ORDERING for e in i.event_evidence}
        if pairs is not None and any(evidence_of(e).sentence in ordered for e in pairs.evidence):
            pairs = None  # its dates would give away the order of the events it shares
        if pairs is not None:
            builder.ledger.add_pairs(pairs.pairs, pairs.evidence)
            items.append(
                Item(
                    id="",
                    kind=Kind.MATCHING,
                    prompt=pairs.prompt,
                    pairs=tuple(pairs.pairs),
                    evidence=evidence_of(pairs.evidence[0]),
                    pair_evidence=tuple(evidence_of(e) for e in pairs.evidence),
                    difficulty=Difficulty.MEDIUM,
                    rule=pairs.rule,
                    points=len(pairs.pairs),  # a point a pair, as each is marked
                )
            )
    fact_pool = builder.by_likelihood(fact_entries(facts, entries), builder.preview_statement)
    statements = builder.take(plan.get(Kind.TRUE_FALSE, 0), builder.true_false, fact_pool)
    sentence_pool = sorted(
        variants.sentence_blanks(analysis, passage.paragraphs, passage.title),
        key=lambda b: (-b.score, b.paragraph, b.sentence.start, b.prompt),
    )
    sentence_pool = builder.by_likelihood(sentence_pool, builder.sentence_blank)
    want_blanks = plan.get(Kind.FILL_BLANK, 0)
    blanks = builder.take(want_blanks, builder.sentence_blank, sentence_pool)
    blanks += builder.take(want_blanks - len(blanks), builder.fill_blank)
    questions = reserved + builder.take(
        n - len(items) - len(statements) - len(blanks) - len(reserved), builder.question
    )
    # the two-part items the questions make; the places of those they cannot make go back
    # to the rest of the quiz, filled as any other place is (not after the fill-up below, at
    # its lower threshold)
    second = part_b_items(questions, sentences, part_bs)
    if len(second) < part_bs:
        n += part_bs - len(second)
        questions += builder.take(part_bs - len(second), builder.question)
        part_bs = len(second)
    # a thin passage: fill up with what is left, statements and blanks alike; and where the
    # ranker left too few for a quiz, fill up to the floor with items more likely kept than not
    builder.relaxed = True
    floor = min(n, max(FLOOR_ITEMS, math.ceil(FLOOR_PER_1000_WORDS * passage.words / 1000)))
    for goal, threshold in ((n, None), (floor, LOWER_THRESHOLD)):
        made = len(items) + len(statements) + len(blanks) + len(questions)
        if made >= goal or (threshold is not None and builder.model is None):
            continue
        if threshold is not None:
            builder.threshold = min(builder.threshold, threshold)
        for make, pool, kind, into in (
            (builder.true_false, fact_pool, Kind.TRUE_FALSE, statements),
            (builder.sentence_blank, sentence_pool, Kind.FILL_BLANK, blanks),
            (builder.fill_blank, None, Kind.FILL_BLANK, blanks),
            (builder.question, None, Kind.SHORT_ANSWER, questions),
        ):
            missing = goal - len(items) - len(statements) - len(blanks) - len(questions)
            if into is not questions and len(config.kinds) > 2:  # no quiz of one kind of item
                most = MAX_FILL_SHARE if threshold is None else FLOOR_FILL_SHARE
                missing = min(missing, math.ceil(most * goal) - len(into))
            if missing > 0 and (kind in config.kinds or kind is Kind.SHORT_ANSWER):
                into.extend(builder.take(missing, make, pool))
    # a quiz short of multiple choice: sentence blanks of names, numbers and dates become
    # multiple-choice items where their keys have three good wrong options, up to a third of
    # the quiz, and never more than half of the blanks
    made = len(items) + len(statements) + len(blanks) + len(questions) + len(own) + part_bs
    short = (
        math.ceil(MC_SHARE * made)
        - sum(1 for i in (*questions, *own) if i.kind is Kind.MULTIPLE_CHOICE)
        - part_bs
    )
    if Kind.MULTIPLE_CHOICE in config.kinds and short > 0:
        blanks = cloze(builder, blanks, min(short, len(blanks) // 2))
    ordered = sorted(
        [*questions, *statements, *blanks, *items, *own],
        key=lambda i: (
            list(Kind).index(i.kind),
            i.evidence.paragraph,
            _sentence_position(passage, i),
        ),
    )
    # dealt afresh for each passage: a quiz of one or two items would otherwise always start
    # from the same place
    deal = random.Random(f"{config.seed}:keys:{passage.title}:{len(passage.text)}")
    ordered, second = balance_positions(ordered, second, deal)
    asked = [k for k in (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER) if k in config.kinds]
    planned = {k: v for k, v in plan.items() if v}
    if asked:
        planned[asked[0]] = max(0, target - sum(planned.values()))
    return Selection(
        items=number(ordered, second),
        wanted=target,
        planned=planned,
        lacking_options=sum(1 for e in entries if "wrong" in vars(e) and len(e.wrong) < 3),
        matched=pairs is not None,
        held_back=sum(builder.held_back.values()),
    )


PART_B_MOST = 2  # two-part items in a quiz of PART_B_FROM items or more; one in a shorter one
PART_B_FROM = 12
VOCABULARY_MOST = 2  # vocabulary multiple-choice items; a matching item takes the other words
TIER_TWO_MOST = 1  # of them, on words the passage does not explain (dictionary meanings)
QUESTION_KINDS = (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER, Kind.ORDERING)


def skill_items(
    facts,
    analysis: Analysis,
    passage: Passage,
    config,
    wanted,
    rng,
    spare: frozenset[tuple[int, int]] = frozenset(),
) -> list[Item]:
    """The ordering item (sequence) and the vocabulary items the passage supports; a dated
    ordering spares the sentences of the cause questions where it can (see
    :func:`skills.events`)."""
    out: list[Item] = []
    if Skill.SEQUENCE in wanted and Kind.ORDERING in config.kinds:
        made = skills.ordering(facts, analysis, passage.paragraphs, spare)
        if made is not None:
            out.append(made)
    if Skill.VOCABULARY in wanted:
        found = skills.glosses(analysis, passage.paragraphs)

        def wrong_for(gloss: skills.Gloss) -> list[str]:
            return distract.phrase_distractors(
                gloss.meaning,
                list(gloss.tokens),
                analysis,
                random.Random(f"{config.seed}:{gloss.term}"),
                person=False,
                avoid=[skills.vocabulary_prompt(gloss)],
            )

        asked: list[Item] = []
        if Kind.MULTIPLE_CHOICE in config.kinds:
            asked = skills.vocabulary_items(found, wrong_for, rng, VOCABULARY_MOST)
            # words the passage uses without explaining them take the places left, asked
            # by their dictionary meaning ('Which word from the passage means ...?'). Where
            # the passage has too few words to offer beside one and the skills are chosen
            # (--skills vocabulary), the word's meaning is asked instead: that key, a
            # dictionary's meaning, is in no sentence of the passage, which the quiz
            # contract's evidence still asks of every key, so it is not in the default mix
            most = min(VOCABULARY_MOST, TIER_TWO_MOST) - len(asked)
            if most > 0:
                pool = skills.passage_words(analysis, passage.paragraphs)
                explained = frozenset(g.term for g in found)
                words = skills.tier_two(
                    analysis, passage.paragraphs, explained, pool, passage.title
                )
                made = skills.which_word_items(words, pool, rng, most)
                if not made and set(wanted) != set(Skill):
                    made = skills.tier_two_items(words, rng, most)
                asked += made
        out += asked
        if Kind.MATCHING in config.kinds:
            rest = [
                g for g in found if skills.vocabulary_prompt(g) not in {i.prompt for i in asked}
            ]
            matching = skills.vocabulary_matching(rest)
            if matching is not None:
                out.append(matching)
    return out


def reserve(builder: Builder, sentences: list, *, cause: bool, evidence: bool) -> list[Item]:
    """The questions that take their places before the rest is filled, so that the quiz
    holds the reading skills the passage supports without weak items padding it: the best
    cause question, and a question that makes a good two-part item (the cause question
    itself where it does). Each must be rated at least at the fill-up floor
    (LOWER_THRESHOLD) by the ranker; none that is not enters for the mix."""
    out: list[Item] = []
    strict = builder.threshold
    builder.threshold = min(strict, LOWER_THRESHOLD)
    try:
        if cause:
            pool = [e for e in builder.entries if e.candidate.template.skill is Skill.CAUSE]
            out += _first(builder, pool)
        if evidence and not any(_two_part(q, sentences) for q in out):
            pool = [e for e in builder.entries if e.candidate.template.skill in PART_A_SKILLS]
            out += _first(builder, pool, lambda item: _two_part(item, sentences))
    finally:
        builder.threshold = strict
    return out


def _two_part(part_a: Item, sentences: list) -> bool:
    """Whether a question makes a two-part item: a Part B with three good wrong sentences.

    The Part A is rated by the ranker like any question; the Part B is not (the ranker has
    no reviewers' labels for it yet): its own rules keep its options sound."""
    return skills.part_b(part_a, sentences) is not None


RESERVE_TRIES = 12  # candidates tried for a reserved place, best first


def _first(builder: Builder, pool: list[Entry], fits=None) -> list[Item]:
    """The item of the best entry of the pool the ranker rates at or above the builder's
    threshold, that the ledger allows and that ``fits``; none if no such entry is found
    among the first few tried."""
    for entry in pool[:RESERVE_TRIES]:
        if fits is not None and not fits(builder.preview_question(entry)):
            continue  # looked at before it is made: no stem is re-parsed for nothing
        made = builder.take(1, builder.question, [entry])
        if not made:
            continue
        if fits is None or fits(made[0]):
            return made
        builder.ledger.remove(entry.ref, made[0].prompt, _key(made[0]), made[0].kind)
    return []


def part_b_items(questions: list[Item], sentences: list, most: int) -> list:
    """(Part A, Part B) pairs: the evidence item after the best detail or cause questions
    (cause first, then multiple choice before short answer), never two on one sentence."""
    if most <= 0:
        return []
    order = sorted(
        (
            q
            for q in questions
            if q.kind in PART_A_KINDS and (q.skill or Skill.DETAIL) in PART_A_SKILLS
        ),
        key=lambda q: (
            q.skill is not Skill.CAUSE,
            q.kind is not Kind.MULTIPLE_CHOICE,
            q.difficulty is Difficulty.EASY,
        ),
    )
    out, used = [], set()
    for part_a in order:
        if len(out) >= most:
            break
        if part_a.evidence.sentence in used:
            continue
        made = skills.part_b(part_a, sentences)
        if made is not None:
            out.append((part_a, made))
            used.add(part_a.evidence.sentence)
    return out


PART_A_SKILLS = (Skill.DETAIL, Skill.CAUSE)
PART_A_KINDS = (Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER)  # a two-part item's Part A


def number(ordered: list[Item], second: list[tuple[Item, Item]]) -> list[Item]:
    """Number the items q1, q2, ..., each Part B right after its Part A and naming it."""
    after = {id(a): b for a, b in second}
    out: list[Item] = []
    for item in ordered:
        made = replace(
            item,
            id=f"q{len(out) + 1}",
            skill=item.skill or Skill.DETAIL,
            prompt=passage_reason(item),
        )
        out.append(made)
        if id(item) in after:
            second_part = after[id(item)]
            out.append(
                replace(
                    second_part,
                    id=f"q{len(out) + 1}",
                    refers_to=made.id,
                    prompt=skills.part_b_prompt(made) or second_part.prompt,
                )
            )
    return out


def passage_reason(item: Item) -> str:
    """A why or how question as a reading test asks it: 'According to the passage, why did
    some cultures build structures?' (a bare why invites every reason a student knows; the
    passage's is the key). A question that names its source already keeps it ('According to
    officials, why ...?'). Done on the chosen items: the ranker rates the question itself."""
    prompt = item.prompt
    if item.skill is not Skill.CAUSE or not prompt.startswith(("Why ", "How ")):
        return prompt
    return f"According to the passage, {prompt[0].lower()}{prompt[1:]}"


def _sentence_starts(analysis: Analysis, evidence) -> list[tuple[int, int]]:
    """(paragraph from 0, the sentence's first token) of each piece of evidence."""
    out = []
    for ev in evidence:
        doc = analysis.docs[ev.paragraph - 1]
        start = next((s.start for s in doc.sents if text_of(s).strip() == ev.sentence), None)
        if start is not None:
            out.append((ev.paragraph - 1, start))
    return out


def _sentence_position(passage: Passage, item: Item) -> int:
    return passage.paragraphs[item.evidence.paragraph - 1].find(item.evidence.sentence)
