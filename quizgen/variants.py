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

from quizgen import grammar, quality
from spacy.tokens import Span

from quizgen.analysis import NAME_TYPES, Analysis, Cluster, quoted_segments
from quizgen.extract import Clause, Role
from quizgen.model import BLANK
from quizgen.rules import Candidate

FIRST_SECOND_PERSON = {"i", "me", "my", "mine", "we", "us", "our", "ours", "you", "your", "yours",
                       "myself", "ourselves", "yourself", "yourselves"}
MAX_STATEMENT_WORDS = 28


def statement(clause: Clause) -> str | None:
    """The clause as a plain sentence: 'In 1835, some Maori tribes declared independence.'"""
    verb_words = [grammar.word(a) for a in clause.aux[:1]]
    if clause.negated:
        verb_words.append("not")
    verb_words += [grammar.word(a) for a in clause.aux[1:]]
    verb_words += [a.text for a in clause.adverbs] + [clause.verb.text]
    fronted = [p for p in clause.fronted if p.role != "clause"]
    subject = clause.subject.text
    body = " ".join([subject, *verb_words, *(p.text for p in clause.parts)])
    if fronted:
        lead = ", ".join(grammar.lower_start(p.text, p.tokens[0]) for p in fronted)
        body = f"{lead}, {grammar.lower_start(body, clause.subject.tokens[0])}"
    text = grammar.tidy(body).rstrip("?") + "."
    if not _fit(text):
        return None
    return text


def _fit(text: str) -> bool:
    ws = quality.words(text)
    return (5 <= len(ws) <= MAX_STATEMENT_WORDS and not FIRST_SECOND_PERSON & set(ws)
            and quality.balanced(text) and not quality.vague_pronoun(text))


def _replace_once(text: str, old: str, new: str) -> str | None:
    """Replace the one occurrence of a phrase (on word boundaries); None if not exactly one."""
    pattern = re.compile(r"(?<![\w])" + re.escape(old) + r"(?![\w])")
    if len(pattern.findall(text)) != 1:
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
    if not isinstance(clause, Clause) or clause.source in {"ccomp"}:
        return None
    text = statement(clause)
    if text is None or not quality.contains_phrase(text, candidate.answer):
        return None
    return Statement(text, True, candidate)


def false_statement(candidate: Candidate, wrong: str, analysis: Analysis) -> Statement | None:
    """The fact with its key swapped for a wrong option; None unless it is surely false."""
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
    verb = candidate.clause.verb.lemma_.lower() if isinstance(candidate.clause, Clause) else ""
    for doc in analysis.docs:
        for sent in doc.sents:
            if quality.norm(text).rstrip(".") in quality.norm(sent.text):
                return False
            if quality.contains_phrase(sent.text, wrong) and verb and \
                    any(t.lemma_.lower() == verb for t in sent):
                return False
    return True


def negated_statement(candidate: Candidate) -> Statement | None:
    """A negated fact made positive: 'Earth is not a point.' -> 'Earth is a point.' (false)."""
    clause = candidate.clause
    if not isinstance(clause, Clause) or not clause.negated or clause.source == "ccomp":
        return None
    text = statement(clause)
    if text is None:
        return None
    positive = re.sub(r"\s+not\b", "", text, count=1)
    if positive == text:
        return None
    if re.match(r"^(\w+\s+)*(did|does|do) ", positive):
        return None  # 'did appear' would need the verb re-inflected
    return Statement(positive, False, candidate)


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
    if true is None or len(candidate.answer.split()) > 5:
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
    if true is None:
        return None
    prompt = _replace_once(true.text, clause.verb.text, BLANK)
    if prompt is None:
        return None
    return Blank(prompt, clause.verb.text, candidate, "blank-verb")


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
            return Pairs("Match each person with the role the passage gives them.",
                         [(a, b) for a, b, _ in chosen], [r for _, _, r in chosen],
                         "matching-person-role")
    dated = []
    for c in candidates:
        if c.template.id != "when-time" or not isinstance(c.clause, Clause):
            continue
        text = statement(c.clause)
        if text is None:
            continue
        event = _replace_once(text, c.answer, "")
        if event is None:
            continue
        event = grammar.tidy(re.sub(r"\b(in|on|at|during)\s*(?=[,.]|$)", "", event)).rstrip(".,")
        event = re.sub(r"^,\s*", "", event).strip()
        if 3 <= len(event.split()) <= 16:
            dated.append((c.answer, event[0].upper() + event[1:], c))
    chosen = _distinct(dated)[:6]
    if len(chosen) >= 3:
        return Pairs("Match each date with what the passage says happened then.",
                     [(a, b) for a, b, _ in chosen], [c for _, _, c in chosen], "matching-date-event")
    return None


def _distinct(rows: list[tuple]) -> list[tuple]:
    lefts, rights, out = set(), set(), []
    for row in rows:
        left, right = quality.norm(row[0]), quality.norm(row[1])
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
    label: str  # entity type, NUMBER, TERM or VERB
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
        return self.paragraph, self.sentence.start, self.fact, quality.norm(self.answer)


BLANK_WEIGHTS = {"NAME": 0.8, "NUMBER": 0.75, "TERM": 0.7, "VERB": 0.5}
MAX_BLANK_SENTENCE_WORDS = 32


def _blankable(sentence: Span, quoted: set[int]) -> bool:
    text = sentence.text.strip()
    ws = quality.words(text)
    if not 6 <= len(ws) <= MAX_BLANK_SENTENCE_WORDS or any(t.i in quoted for t in sentence):
        return False
    if any(t.is_quote and t.text not in {"'s", "\u2019s"} for t in sentence):
        return False
    return not (FIRST_SECOND_PERSON & set(ws) or quality.vague_pronoun(text)
                or quality.context_bound(text) or not quality.balanced(text))


def _spans(sentence: Span, analysis: Analysis, paragraph: int, terms: set[str]):
    """Meaningful spans to blank: names, numbers and dates, key terms, the main verb."""
    for ent in sentence.ents:
        if ent.label_ in NAME_TYPES | {"PERSON"} and analysis.cluster_of(paragraph, ent.root):
            yield ent.start, ent.end, "NAME", analysis.cluster_of(paragraph, ent.root)
        elif ent.label_ in {"CARDINAL", "DATE", "MONEY", "PERCENT", "QUANTITY"}:
            yield ent.start, ent.end, "NUMBER", None
    for chunk in sentence.noun_chunks:
        root = chunk.root
        if root.pos_ == "NOUN" and root.lemma_.lower() in terms and not root.ent_type_:
            start = min((t.i for t in chunk if t.dep_ in {"compound", "amod"} and t.i < root.i),
                        default=root.i)
            yield start, root.i + 1, "TERM", None
    root = sentence.root
    if root.pos_ == "VERB" and root.lemma_ not in {"be", "have", "do", "say", "get", "make"}:
        yield root.i, root.i + 1, "VERB", None


def key_terms(analysis: Analysis) -> set[str]:
    """Nouns the passage keeps coming back to: the topic's vocabulary."""
    from collections import Counter

    counts = Counter(t.lemma_.lower() for doc in analysis.docs for t in doc
                     if t.pos_ == "NOUN" and not t.ent_type_ and len(t) > 3)
    return {lemma for lemma, n in counts.items() if n >= 3}


def sentence_blanks(analysis: Analysis, paragraphs: tuple[str, ...]) -> Iterator[SentenceBlank]:
    """Fill-in-the-blank candidates from every sentence that stands on its own."""
    from quizgen.reader import is_heading

    terms = key_terms(analysis)
    for n, doc in enumerate(analysis.docs):
        if is_heading(paragraphs[n]):
            continue
        quoted = {t.i for seg in quoted_segments(doc) for t in seg}
        for sentence in doc.sents:
            if not _blankable(sentence, quoted):
                continue
            offset = sentence.start_char
            text = sentence.text.strip()
            for start, end, label, cluster in _spans(sentence, analysis, n, terms):
                span = doc[start:end]
                answer = span.text
                prompt = text[:span.start_char - offset] + BLANK + text[span.end_char - offset:]
                if quality.contains_phrase(prompt.replace(BLANK, " "), answer):
                    continue
                if not prompt.rstrip().endswith((".", "!", "?", "\u201d", "\"", ")")):
                    continue
                salience = cluster.salience if cluster else 1
                yield SentenceBlank(prompt, answer, n, sentence, label, cluster,
                                    (n, sentence.start, start),
                                    BLANK_WEIGHTS[label] + 0.02 * min(salience, 10))
