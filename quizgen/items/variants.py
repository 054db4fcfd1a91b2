"""The other item kinds, made from the same facts as the questions: true/false statements,
fill-in-the-blank sentences and matching pairs.

Statements are realized from simplified clauses (a resolved pronoun spelled out, asides and
participles left off), never copied from whole paragraphs; a false statement swaps one
element for a wrong option of its type, and is checked against every sentence of the passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span

from quizgen.base.folding import fold_typography
from quizgen.items import quality
from quizgen.items.rules import Candidate
from quizgen.quiz.model import BLANK, Label
from quizgen.text import grammar
from quizgen.text.analysis import (
    Analysis,
    Cluster,
    entities,
    noun_chunks,
    quoted_segments,
    text_of,
)
from quizgen.text.extract import Clause, Quote, Role
from quizgen.text.lexicon import NAME_TYPES

# 'you' or 'we' outside quotation marks speak to the reader; 'I' may be a story's narrator
ADDRESSED = frozenset("we us our ours ourselves you your yours yourself yourselves".split())
FIRST_SECOND_PERSON = ADDRESSED | frozenset("i me my mine myself".split())
MAX_STATEMENT_WORDS = 28


def statement(clause: Clause, without=None) -> str | None:
    """The clause as a plain sentence: 'In 1835, some Maori tribes declared independence.'

    ``without`` leaves one constituent out: 'Some Maori tribes declared independence.'
    """
    verb_words = [grammar.word(a) for a in clause.aux[:1]]
    if not clause.aux:  # 'Earth is not rigid': the copula goes before its 'not'
        verb_words.append(grammar.word(clause.verb) if clause.verb.lemma_ == "be" else "")
    if clause.negated:
        verb_words.append("not")
    verb_words += [grammar.word(a) for a in clause.aux[1:]]
    verb_words += [a.text for a in clause.adverbs]
    if clause.aux or clause.verb.lemma_ != "be":
        verb_words.append(clause.verb.text)
    fronted = [p for p in clause.fronted if p.role != "clause" and p is not without]
    parts = [p for p in clause.parts if p is not without]
    if any(quality.empty_answer(p.text) for p in [*fronted, *parts]):
        return None  # 'What, the little man asked': a part that says nothing
    subject = clause.subject.text
    body = " ".join([subject, *verb_words, *(p.text for p in parts)])
    if fronted:
        lead = ", ".join(grammar.lower_start(p.text, p.tokens[0]) for p in fronted)
        body = f"{lead}, {grammar.lower_start(body, clause.subject.tokens[0])}"
    text = grammar.tidy(body).rstrip("?") + "."
    if not _fit(text):
        return None
    return text


def _fit(text: str) -> bool:
    """Short enough, balanced, and standing on its own outside any quotation."""
    ws = quality.words(text)
    outside = quality.words(quality.outside_quotes(text))
    return (
        5 <= len(ws) <= MAX_STATEMENT_WORDS
        and not FIRST_SECOND_PERSON & set(outside)
        and quality.balanced(text)
        and not quality.vague_pronoun(text)
    )


def quote_statement(quote: Quote, name: str) -> str | None:
    """'Holmes said, “Try the settee.”'"""
    end = quote.end or "."
    text = f"{name} said, \u201c{quote.words}{end}\u201d"
    return text if _fit(text) else None


def _replace_once(text: str, old: str, new: str) -> str | None:
    """Replace the one occurrence of a phrase (on word boundaries); None if not exactly one."""
    pattern = re.compile(r"(?<![\w])" + re.escape(old) + r"(?![\w])")
    found = pattern.findall(text)
    if not found and old[:1].islower() and text.startswith(old[:1].upper() + old[1:]):
        # 'the queen' standing first in the sentence as 'The queen'
        return new[:1].upper() + new[1:] + text[len(old) :]
    if len(found) != 1:
        return None
    return pattern.sub(lambda _: new, text, count=1)


@dataclass(slots=True)
class Statement:
    """A true/false candidate."""

    text: str
    true: bool
    source: Candidate  # the question candidate whose fact it states


def true_statement(candidate: Candidate) -> Statement | None:
    """The fact behind a question, stated plainly."""
    clause = candidate.clause
    if isinstance(clause, Quote):
        text = quote_statement(clause, candidate.answer)
        return Statement(text, True, candidate) if text else None
    if not isinstance(clause, Clause) or clause.source == "reported":
        return None
    text = statement(clause)
    if text is None or not quality.contains_phrase(text, candidate.answer):
        return None
    return Statement(text, True, candidate)


def false_statement(candidate: Candidate, wrong: str, analysis: Analysis) -> Statement | None:
    """The fact with its key swapped for a wrong option; None unless it is surely false.

    Only names, numbers and dates are swapped: another common noun may well be true too."""
    person = candidate.template.condition("person") is True
    if (not candidate.answer_label and not person) or candidate.answer_label in {
        Label.CAUSE,
        Label.PURPOSE,
    }:
        return None  # a character ('the king') may stand in for another; a thing may not
    true = true_statement(candidate)
    if true is None:
        return None
    text = _replace_once(true.text, candidate.answer, wrong)
    if text is None:
        return None
    text = text[0].upper() + text[1:]
    if not surely_false(text, wrong, candidate, analysis):
        return None
    return Statement(text, False, candidate)


def surely_false(text: str, wrong: str, candidate: Candidate, analysis: Analysis) -> bool:
    """The statement is in no sentence, and its wrong element never stands in a sentence with
    the fact's verb (so the passage does not also say it)."""
    verb = (
        candidate.clause.verb.lemma_.lower()
        if isinstance(candidate.clause, (Clause, Quote))
        else ""
    )
    statement = fold_typography(text).rstrip(".")
    wrong_normed = fold_typography(wrong)
    # a sentence that says it, or says the wrong element did it, has the fact's verb in it
    for sentence, normed in analysis.sentences_with_verb(verb):
        if statement in normed:
            return False
        if wrong_normed in normed and quality.contains_phrase(sentence, wrong):
            return False
    return True


UNSAFE_TO_NEGATE = {
    "all",
    "every",
    "each",
    "some",
    "any",
    "never",
    "no",
    "only",
    "always",
    "both",
    "either",
    "neither",
    "nobody",
    "nothing",
    "few",
    "many",
    "most",
    "several",
}


def negative_statement(clause: Clause) -> str | None:
    """A plain fact made negative, and so false: 'The queen jumped for joy.' -> 'The queen did
    not jump for joy.' Only where that is safe: an affirmative main clause without quantifiers."""
    if not isinstance(clause, Clause) or clause.negated or clause.source not in {"main", "conj"}:
        return None
    own = [*clause.subject.tokens, *clause.adverbs, *(t for p in clause.parts for t in p.tokens)]
    if any(t.lower_ in UNSAFE_TO_NEGATE for t in own):
        return None
    from dataclasses import replace

    if clause.aux or clause.verb.lemma_ == "be":
        return statement(replace(clause, negated=True))
    if clause.verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    aux, verb = grammar.question_order(clause.verb, [], clause.adverbs, negated=True)
    text = statement(clause)
    if text is None:
        return None
    pattern = re.compile(r"(?<![\w])" + re.escape(clause.verb.text) + r"(?![\w])")
    if len(pattern.findall(text)) != 1:
        return None
    adverbs = " ".join(a.text for a in clause.adverbs)
    if adverbs:
        text = text.replace(adverbs + " ", "", 1)
    return pattern.sub(lambda _: f"{aux} {verb}", text, count=1)


def negated_statement(clause: Clause) -> str | None:
    """A negated fact made positive: 'Earth is not a point.' -> 'Earth is a point.' (false)."""
    if not isinstance(clause, Clause) or not clause.negated or clause.source == "reported":
        return None
    text = statement(clause)
    if text is None:
        return None
    positive = re.sub(r"\s+not\b", "", text, count=1)
    if positive == text or re.search(r"\b(did|does|do)\b", positive):
        return None  # 'did appear' would need the verb re-inflected
    return positive


@dataclass(slots=True)
class Blank:
    """A fill-in-the-blank candidate."""

    prompt: str
    answer: str
    source: Candidate
    rule: str


def blank_key(candidate: Candidate) -> Blank | None:
    """The fact stated with its key blanked out: 'Chopin died in _____ in 1849.'"""
    true = true_statement(candidate)
    if true is None or len(candidate.answer.split()) > 5 or "__" in true.text:
        return None
    prompt = _replace_once(true.text, candidate.answer, BLANK)
    if prompt is None or prompt.startswith(BLANK):
        return None
    return Blank(prompt, candidate.answer, candidate, f"blank-{candidate.template.id}")


def blank_verb(candidate: Candidate) -> Blank | None:
    """The fact stated with its main verb blanked out: 'Chopin _____ a friendship with Liszt.'"""
    clause = candidate.clause
    if not isinstance(clause, Clause) or clause.verb.lemma_ in {"be", "have", "do", "get", "make"}:
        return None
    if clause.verb.pos_ != "VERB" or clause.verb.text not in candidate.sentence.text:
        return None
    true = true_statement(candidate)
    if true is None or "__" in true.text:
        return None
    prompt = _replace_once(true.text, clause.verb.text, BLANK)
    if prompt is None:
        return None
    return Blank(prompt, clause.verb.text, candidate, "blank-verb")


DATED = re.compile(
    r"\b(1\d{3}|20\d{2})s?\b|\b(January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Jan|Feb|Aug|Sept|Oct|Nov|Dec)\b\.?"
)


@dataclass(slots=True)
class Pairs:
    """A matching candidate: pairs of (left, right) with the facts that prove them."""

    prompt: str
    pairs: list[tuple[str, str]]
    evidence: list[Candidate | Role]
    rule: str


def role_pairs(roles: list[Role]) -> Iterator[tuple[str, str, Role]]:
    """Person and role, one pair per person (the first role the passage gives)."""
    seen: set[int] = set()
    for role in roles:
        if role.person.id in seen:
            continue
        name = next((n for n in role.person.names if n in role.sentence.text), None)
        if name is None:
            continue
        seen.add(role.person.id)
        yield name, role.role, role


def matching(roles: list[Role], candidates: list[Candidate]) -> Pairs | None:
    """A matching item: people with their roles, or else dates with the events they date."""
    people = list(role_pairs(roles))
    if len(people) >= 3:
        chosen = _distinct(people)[:6]
        if len(chosen) >= 3:
            return Pairs(
                "Match each person with the role the passage gives them.",
                [(a, b) for a, b, _ in chosen],
                [r for _, _, r in chosen],
                "matching-person-role",
            )
    dated = []
    for c in candidates:
        if c.template.id != "when-time" or not isinstance(c.clause, Clause):
            continue
        if not DATED.search(c.answer):
            continue  # 'the past century', '11:43': not a date to match an event to
        removed = next(
            (
                p
                for p in [*c.clause.parts, *c.clause.fronted]
                if p.start <= c.answer_tokens[0].i < p.end
            ),
            None,
        )
        event = statement(c.clause, without=removed)
        if event is None or quality.contains_phrase(event, c.answer):
            continue
        event = event.rstrip(".")
        if 3 <= len(event.split()) <= 16:
            dated.append((c.answer, event, c))
    chosen = _distinct(dated)[:6]
    if len(chosen) >= 3:
        return Pairs(
            "Match each date with what the passage says happened then.",
            [(a, b) for a, b, _ in chosen],
            [c for _, _, c in chosen],
            "matching-date-event",
        )
    return None


def _distinct(rows: list[tuple]) -> list[tuple]:
    lefts, rights, out = set(), set(), []
    for row in rows:
        left, right = fold_typography(row[0]), fold_typography(row[1])
        if left in lefts or right in rights or quality.contains_phrase(row[1], row[0]):
            continue
        lefts.add(left)
        rights.add(right)
        out.append(row)
    return out


@dataclass(slots=True)
class SentenceBlank:
    """A fill-in-the-blank candidate cut from a sentence of the passage as it stands."""

    prompt: str
    answer: str
    paragraph: int
    sentence: Span
    label: Label  # NAME, NUMBER, TERM or VERB
    cluster: Cluster | None
    fact: tuple
    score: float

    @property
    def rule(self) -> str:
        """The id recorded on the item."""
        return f"blank-{self.label.lower()}"

    @property
    def ref(self) -> tuple:
        """(paragraph, sentence start, fact, answer), as the selection's ledger keeps it."""
        return self.paragraph, self.sentence.start, self.fact, fold_typography(self.answer)


BLANK_WEIGHTS = {Label.NAME: 0.8, Label.NUMBER: 0.75, Label.TERM: 0.7, Label.VERB: 0.5}
MAX_BLANK_SENTENCE_WORDS = 32


QUOTE_MARKS = set("\u201c\u2018\u201d\u2019\"'")


def _quotes_balanced(sentence: Span) -> bool:
    """Every quotation that opens in the sentence closes in it, and none closes unopened."""
    if not QUOTE_MARKS & set(text_of(sentence)):
        return True
    depth = 0
    for t in sentence:
        if t.text in {"\u201c", "\u2018"} or (t.text in {'"', "'"} and depth == 0 and t.is_quote):
            depth += 1
        elif t.text in {"\u201d", '"'} or (t.text in {"\u2019", "'"} and depth > 0):
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _blankable(sentence: Span) -> bool:
    """A sentence that reads on its own: no pronoun without its name, no unclosed quotation,
    not a line of verse."""
    text = text_of(sentence).strip()
    if "\n" in text or "__" in text:
        return False  # verse, or a sentence with blanks of its own
    ws = quality.words(text)
    outside = quality.words(quality.outside_quotes(text))
    if not 6 <= len(ws) <= MAX_BLANK_SENTENCE_WORDS or not _quotes_balanced(sentence):
        return False
    # a story's narrator may say 'I'; a 'you' or 'we' outside quotation marks means the reader
    return not (
        ADDRESSED & set(outside)
        or quality.vague_pronoun(text)
        or quality.context_bound(quality.outside_quotes(text))
        or not quality.balanced(text)
    )


def _number_span(ent: Span) -> tuple[int, int] | None:
    """The words of a date or number worth blanking: '1835', 'October 1810', 'twenty-one'."""
    if len(ent) <= 3 and all(t.like_num or t.is_title or t.text in {",", "."} for t in ent):
        return ent.start, ent.end
    numbers = [t.i for t in ent if t.like_num]
    if numbers and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return numbers[0], numbers[-1] + 1
    return None


def _spans(sentence: Span, analysis: Analysis, paragraph: int, terms: set[str]):
    """Meaningful spans to blank: names, numbers and dates, key terms, the main verb (this
    one only outside quotation marks, where it carries the story rather than the talk)."""
    quoted = {t.i for seg in quoted_segments(sentence.doc) for t in seg}
    for ent in entities(sentence):
        if ent.root.pos_ == "ADJ":
            continue  # 'an American contractor': blanking the adjective tests little
        if ent.label_ in NAME_TYPES | {"PERSON"} and analysis.cluster_of(paragraph, ent.root):
            yield ent.start, ent.end, Label.NAME, analysis.cluster_of(paragraph, ent.root)
        elif ent.label_ in {"CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY"}:
            span = _number_span(ent)
            if span is not None:
                yield *span, Label.NUMBER, None
    for chunk in noun_chunks(sentence):
        root = chunk.root
        if root.pos_ == "NOUN" and root.lemma_.lower() in terms and not root.ent_type_:
            start = min(
                (t.i for t in chunk if t.dep_ in {"compound", "amod"} and t.i < root.i),
                default=root.i,
            )
            yield start, root.i + 1, Label.TERM, None
    root = sentence.root
    if (
        root.pos_ == "VERB"
        and root.i not in quoted
        and root.lemma_ not in {"be", "have", "do", "say", "get", "make", "mean", "think", "see"}
    ):
        yield root.i, root.i + 1, Label.VERB, None


def key_terms(analysis: Analysis) -> set[str]:
    """Nouns the passage keeps coming back to: the topic's vocabulary."""
    from collections import Counter

    counts = Counter(
        t.lemma_.lower()
        for doc in analysis.docs
        for t in doc
        if t.pos_ == "NOUN" and not t.ent_type_ and len(t) > 3
    )
    return {lemma for lemma, n in counts.items() if n >= 3}


def sentence_blanks(analysis: Analysis, paragraphs: tuple[str, ...]) -> Iterator[SentenceBlank]:
    """Fill-in-the-blank candidates from every sentence that stands on its own."""
    from quizgen.read.reader import is_heading

    terms = key_terms(analysis)
    for n, doc in enumerate(analysis.docs):
        if is_heading(paragraphs[n]):
            continue
        whole = text_of(doc)
        for sentence in doc.sents:
            if not _blankable(sentence):
                continue
            offset = sentence.start_char
            text = text_of(sentence).strip()
            best = None
            for start, end, label, cluster in _spans(sentence, analysis, n, terms):
                span = doc[start:end]
                answer = span.text
                before = whole[span.start_char - 1 : span.start_char] if span.start_char else " "
                after = whole[span.end_char : span.end_char + 1] or " "
                if before.isalnum() or after.isalnum() or "-" in (before, after):
                    continue  # '_____-backed': a blank glued to a word gives it away
                prompt = text[: span.start_char - offset] + BLANK + text[span.end_char - offset :]
                if quality.contains_phrase(
                    prompt.replace(BLANK, " "), answer
                ) or quality.vague_pronoun(prompt):
                    continue
                if not prompt.rstrip().endswith((".", "!", "?", "\u201d", '"', ")")):
                    continue
                salience = cluster.salience if cluster else 1
                blank = SentenceBlank(
                    prompt,
                    answer,
                    n,
                    sentence,
                    label,
                    cluster,
                    (n, sentence.start, start),
                    BLANK_WEIGHTS[label] + 0.02 * min(salience, 10),
                )
                if best is None or blank.score > best.score:
                    best = blank  # one blank a sentence: its most telling span
            if best is not None:
                yield best
