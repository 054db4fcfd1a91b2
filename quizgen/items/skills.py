"""Items for reading skills beyond finding a detail: sequence (put events in order),
vocabulary in context (what a word the passage explains means), and evidence (Part B of a
two-part item: which sentence proves the answer to Part A).

Each construction is a function of the analysed passage (and, for Part B, of its Part A) that
returns items or nothing; :mod:`quizgen.items.select` decides how many join the quiz.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from quizgen.base.folding import fold
from quizgen.items import quality
from quizgen.quiz.model import Difficulty, Evidence, Item, Kind, Skill
from quizgen.text import grammar
from quizgen.text.analysis import Analysis, quoted_segments, text_of
from quizgen.text.extract import Clause, hypothetical, is_askable
from quizgen.text.lexicon import YEAR, year_of

# --- sequence ------------------------------------------------------------------------------

MIN_EVENTS, MAX_EVENTS = 4, 6
MAX_EVENT_WORDS = 12
STORY_PROMPT = "Put these events in the order they happen in the story."
HISTORY_PROMPT = "Put these events in the order they happened."
# verbs of states and of speech: 'she was tired', 'he knew', 'she said' are not plot events
STATE_VERBS = frozenset(
    "be have seem appear know think believe like love hate want need wish hope feel mean "
    "live remain belong consist contain own understand remember suppose say tell ask reply answer "
    "exclaim cry add continue begin".split()
)
# a sentence with these may step out of story order ('years ago', 'had once lived')
FLASHBACK_WORDS = frozenset("ago earlier before formerly once previously since already".split())
# words that number events give the order away: 'Then ...', 'Finally ...'
ORDER_WORDS = frozenset("then next finally later afterwards first soon now again".split())
# dated events: the year is the event's own time ('in 1858', 'on 4 July 1776')
DATE_PREPS = frozenset({"in", "on", "during"})
STORY_MAX_DATES = 0.15  # a text that dates more sentences than this is ordered by its dates
STORY_MIN_PAST = 0.6  # a story tells most of its main clauses in the past tense
PRONOUNS = frozenset("he she it they him her them i we you this that these those".split())


@dataclass(frozen=True, slots=True)
class Event:
    """One event of a passage: its short clause, where it is, and its place in time."""

    text: str
    paragraph: int  # 0-based
    sentence: Span
    year: int | None = None

    @property
    def evidence(self) -> Evidence:
        """The paragraph (from 1) and the sentence the event is told in."""
        return Evidence(self.paragraph + 1, text_of(self.sentence).strip())


def _simple_past(clause: Clause, *, passive: bool = False) -> bool:
    """'Hansel dropped the pebbles': a told event, not a pluperfect ('had gone': a flashback),
    a modal, a progressive or a present; with ``passive``, also 'the club was founded'
    (in a story a past passive mostly describes a state: 'the animal was depressed')."""
    if clause.verb.tag_ == "VBD" and not clause.aux:
        return True
    return (
        passive
        and clause.verb.tag_ == "VBN"
        and len(clause.aux) == 1
        and clause.aux[0].dep_ == "auxpass"
        and clause.aux[0].tag_ == "VBD"
    )


def _date_of(clause: Clause) -> tuple[int, object] | None:
    """The year of a clause's own time phrase ('in 1858', 'In 1858, ...'), and the phrase."""
    for part in [*clause.fronted, *clause.parts]:
        if part.role == "prep" and part.head.lower_ in DATE_PREPS:
            dates = [t for t in part.tokens if t.ent_type_ == "DATE"]
            year = year_of(" ".join(t.text for t in dates)) if dates else None
            if year is not None and not re.search(r"\d0s\b", part.text):  # 'in the 1990s'
                return year, part
        if part.head.ent_type_ == "DATE" and part.head.dep_ == "npadvmod":
            year = year_of(part.text)
            if year is not None:
                return year, part
    return None


CORE_ROLES = frozenset({"object", "particle", "dative", "attr", "agent"})
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp"})  # 'grew louder', 'went on whitewashing'


def _resolved(part) -> bool:
    """Whether a phrase's words were changed from the text's (a pronoun resolved)."""
    own = " ".join("".join(t.text_with_ws for t in part.tokens).split())
    return fold(own) != fold(part.text)


def event_text(clause: Clause) -> str | None:
    """The clause as a short event: subject, verb and what completes it, with at most one
    prepositional phrase, and without its time phrases (they would give the order away)."""
    subject = clause.subject.text
    if not subject.strip() or subject.lower() in PRONOUNS:
        return None
    if clause.verb.lemma_ in {"call", "name"}:  # 'The boy was called Hansel': a name, no event
        return None
    verb = [grammar.word(a) for a in clause.aux] + [a.text for a in clause.adverbs]
    if clause.negated:
        return None
    verb.append(clause.verb.text)
    keep: list[tuple[str, str]] = []
    for part in clause.parts:
        if part.label in {"DATE", "TIME"} or YEAR.search(part.text):
            continue
        if _resolved(part):
            return None  # 'comforted her' made 'comforted Hansel': a guess, not the text
        if part.role == "prep" and not any(r == "prep" for r, _ in keep):
            keep.append((part.role, part.text))
        elif part.role in CORE_ROLES or part.head.dep_ in COMPLEMENT_DEPS:
            keep.append((part.role, part.text))
        else:
            break
    if not keep:
        return None  # 'The moon shone': too slight an event to place
    while (
        keep
        and keep[-1][0] == "prep"
        and len(" ".join([subject, *verb, *(t for _, t in keep)]).split()) > MAX_EVENT_WORDS
    ):
        keep.pop()
    text = grammar.tidy(" ".join([subject, *verb, *(t for _, t in keep)])).rstrip("?.,;: ")
    text = re.sub(r"\s+(and|but|or|so)$", "", text)
    words = [w.lower().strip(",;:") for w in text.split()]
    if not 3 <= len(words) <= MAX_EVENT_WORDS or not quality.balanced(text):
        return None
    if set(words) & ORDER_WORDS or "," in text:
        return None
    return text


def _character(clause: Clause, names: set[str]) -> bool:
    """Whether the clause's subject is a named character (or a pronoun resolved to one)."""
    return clause.subject.cluster is not None or fold(clause.subject.text) in names


def _story_sentence(sentence: Span) -> bool:
    """A sentence of narration that keeps story order: no dialogue, no flashback words."""
    text = text_of(sentence)
    if any(q in text for q in '"“”') or hypothetical(sentence):
        return False
    words = {t.lower_ for t in sentence}
    if words & FLASHBACK_WORDS:
        return False
    # 'had gone': a pluperfect anywhere in the sentence steps back in time
    return not any(t.lower_ == "had" and t.dep_ == "aux" and t.head.tag_ == "VBN" for t in sentence)


def events(
    facts, analysis: Analysis, passage_paragraphs: tuple[str, ...]
) -> tuple[str, list[Event]]:
    """The passage's orderable events, in their true order, and the prompt that fits them:
    a text that dates its events by years is put in order by the dates; a story that does
    not date them, in the order it tells them. Empty when neither holds."""
    dated: dict[int, Event] = {}
    told: list[Event] = []
    main = past = 0
    seen_sentences: set[tuple[int, int]] = set()
    names = {fold(n) for c in analysis.clusters_of("PERSON") for n in c.names}
    for clause in facts.clauses:
        if clause.source != "main":
            continue
        main += 1
        past += _simple_past(clause, passive=True)
        where = (clause.paragraph, clause.sentence.start)
        if where in seen_sentences or not _simple_past(clause, passive=True):
            continue
        if clause.verb.lemma_ in STATE_VERBS or hypothetical(clause.sentence):
            continue
        text = event_text(clause)
        if text is None:
            continue
        seen_sentences.add(where)
        date = _date_of(clause)
        years = {int(y) for y in YEAR.findall(text_of(clause.sentence)) if not y.endswith("s")}
        if date is not None and len(years) == 1:
            year = date[0]
            if year not in dated:  # one event a year: two in one year have no order here
                dated[year] = Event(text, clause.paragraph, clause.sentence, year)
        elif (
            _story_sentence(clause.sentence)
            and not years
            and _simple_past(clause)
            and _character(clause, names)  # a character's action
        ):
            told.append(Event(text, clause.paragraph, clause.sentence))
    if len(dated) >= MIN_EVENTS:
        ordered = [dated[y] for y in sorted(dated)]
        return HISTORY_PROMPT, _spread(ordered)
    sentences = sum(1 for d in analysis.docs for _ in d.sents) or 1
    date_share = sum(1 for d in analysis.docs for e in d.ents if e.label_ == "DATE") / sentences
    story = main and past / main >= STORY_MIN_PAST and date_share <= STORY_MAX_DATES
    if story and len(told) >= MIN_EVENTS:
        return STORY_PROMPT, _spread(told)
    return "", []


def _spread(events_: list[Event]) -> list[Event]:
    """Up to six events spread evenly over the list (first and last kept), so that each is a
    step apart from the next; texts told twice kept once."""
    unique: list[Event] = []
    for e in events_:
        if fold(e.text) not in {fold(u.text) for u in unique}:
            unique.append(e)
    n = len(unique)
    if n <= MAX_EVENTS:
        return unique
    picks = sorted({round(k * (n - 1) / (MAX_EVENTS - 1)) for k in range(MAX_EVENTS)})
    return [unique[i] for i in picks]


def ordering(facts, analysis: Analysis, passage_paragraphs: tuple[str, ...]) -> Item | None:
    """'Put these events in the order they happen in the story.' with 4 to 6 events."""
    prompt, found = events(facts, analysis, passage_paragraphs)
    if len(found) < MIN_EVENTS:
        return None
    return Item(
        id="",
        kind=Kind.ORDERING,
        prompt=prompt,
        events=tuple(e.text for e in found),
        event_evidence=tuple(e.evidence for e in found),
        evidence=found[0].evidence,
        difficulty=Difficulty.MEDIUM,
        rule="order-dates" if prompt == HISTORY_PROMPT else "order-story",
        skill=Skill.SEQUENCE,
    )


# --- vocabulary in context -----------------------------------------------------------------

NAMING_VERBS = frozenset({"call", "know", "term", "name", "dub"})  # 'a road called a turnpike'
RELATIVIZERS = frozenset({"that", "which", "who"})
GLOSS_MARKERS = ("meaning", "that is", "i.e.", "i.e.,", "or")  # 'spontaneous (or natural)'
MIN_GLOSS_WORDS, MAX_GLOSS_WORDS = 2, 12
VOCABULARY_OPTIONS = 4


@dataclass(frozen=True, slots=True)
class Gloss:
    """A word the passage explains, and the passage's own words for what it means."""

    term: str
    meaning: str
    paragraph: int  # 0-based
    sentence: Span
    how: str  # definition | called | appositive | means | parenthesis
    tokens: tuple[Token, ...] = ()  # the meaning's tokens

    @property
    def evidence(self) -> Evidence:
        """The paragraph (from 1) and the sentence that explains the word."""
        return Evidence(self.paragraph + 1, text_of(self.sentence).strip())


def _term_tokens(head: Token) -> list[Token]:
    """A term: its head noun with the compound nouns and adjectives fused to it."""
    left = [
        t
        for t in head.lefts
        if (t.dep_ == "compound" or (t.dep_ == "amod" and t.tag_ == "JJ")) and t.i >= head.i - 2
    ]
    return sorted([*left, head], key=lambda t: t.i)


def _phrase(head: Token, stop: Token | None = None) -> list[Token]:
    """A noun phrase's words, without a relative clause or participle phrase starting at
    ``stop`` and without trailing punctuation."""
    tokens = [
        t for t in head.subtree if stop is None or t.i < stop.left_edge.i or t.i > stop.right_edge.i
    ]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"cc", "punct"}):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return tokens


def _span_text(tokens: list[Token]) -> str:
    return " ".join("".join(t.text_with_ws for t in tokens).split())


def _good_term(tokens: list[Token]) -> bool:
    """A word worth asking the meaning of: common nouns (or an adjective), one to three
    words, not a name, a number or a pronoun."""
    head = tokens[-1] if tokens else None
    return (
        head is not None
        and len(tokens) <= 3
        and head.pos_ in {"NOUN", "ADJ"}
        and all(t.is_alpha or "-" in t.text for t in tokens)
        and not any(t.ent_type_ for t in tokens)
        and not head.is_stop
        and len(head.text) >= 4
    )


def _gloss(term: list[Token], meaning: list[Token], n: int, sentence: Span, how: str):
    """A Gloss if the term and its meaning are a fair pair: the meaning long enough to say
    something, short enough for an option, and not the term again."""
    if not _good_term(term) or not meaning:
        return None
    text = _span_text(meaning)
    words = text.split()
    if not MIN_GLOSS_WORDS <= len(words) <= MAX_GLOSS_WORDS or not quality.balanced(text):
        return None
    term_words = {t.lower_ for t in term}
    if term_words & {t.lower_ for t in meaning} or any(
        t.lemma_ in {"this", "that"} for t in meaning[:1]
    ):
        return None
    if meaning[0].pos_ == "PRON" or any(t.text in '"\u201c\u201d' for t in meaning):
        return None
    return Gloss(
        _span_text(term).lower()
        if not term[0].is_sent_start
        else _span_text(term)[0].lower() + _span_text(term)[1:],
        text,
        n,
        sentence,
        how,
        tuple(meaning),
    )


def glosses_in(sentence: Span, n: int) -> Iterator[Gloss]:
    """Every word a sentence explains: 'A turnpike is a road that ...' (definition), 'a road
    called a turnpike' / 'known as' (called), 'the turnpike, a road with tolls,' (appositive),
    'turnpike, which means ...' (means), 'turnpike (or toll road)' (parenthesis)."""
    for t in sentence:
        # 'a long road called a turnpike': the participle names the noun it follows
        if t.dep_ == "acl" and t.lemma_ in NAMING_VERBS and t.tag_ == "VBN":
            named = [c for c in t.children if c.dep_ in {"oprd", "attr", "dobj"}]
            named += [
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            meaning = _phrase(t.head, stop=t)
            # the participle right after the phrase it names, not inside a parenthesis
            adjacent = meaning and meaning[-1].i + 1 == t.i and sentence.doc[t.i - 1].text != "("
            if (
                named
                and adjacent
                and (t.lemma_ != "know" or any(c.lower_ == "as" for c in t.children))
            ):
                g = _gloss(_term_tokens(named[0]), _phrase(t.head, stop=t), n, sentence, "called")
                if g:
                    yield g
        # 'A turnpike is a road that charges tolls.': a generic subject defined in the present
        if t.dep_ == "ROOT" and t.lemma_ == "be" and t.tag_ in {"VBZ", "VBP"}:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in t.children if c.dep_ == "attr"), None)
            if subj is not None and attr is not None and attr.pos_ == "NOUN":
                dets = {c.lower_ for c in subj.children if c.dep_ == "det"}
                relcl = any(c.dep_ in {"relcl", "acl"} for c in attr.children)
                if (
                    relcl
                    and dets <= {"a", "an"}
                    and not any(c.dep_ in {"prep", "relcl"} for c in subj.children)
                ):
                    g = _gloss(_term_tokens(subj), _phrase(attr), n, sentence, "definition")
                    if g:
                        yield g
        # 'the turnpike, a road with tolls, ...'
        if t.dep_ == "appos" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN":
            dets = {c.lower_ for c in t.children if c.dep_ == "det"}
            comma = t.left_edge.i - 1
            doc = sentence.doc
            after = doc[t.right_edge.i + 1] if t.right_edge.i + 1 < len(doc) else None
            set_off = (  # 'the turnpike, a road with tolls,': commas or dashes on both sides
                comma > sentence.start
                and doc[comma].text in {",", "--", "—"}
                and doc[comma - 1].i == t.head.i
                and (after is None or after.text in {",", ".", "--", "—", ";"})
                and not any(u.dep_ in {"cc", "conj"} for u in t.subtree)
            )
            defining = any(c.dep_ in {"relcl", "acl"} for c in t.children)  # 'a road that ...'
            own = {c.lower_ for c in t.head.children if c.dep_ in {"det", "poss"}}
            if (
                dets & {"a", "an"}
                and t.i > t.head.i
                and set_off
                and defining
                and own <= {"the", "a", "an"}
            ):
                g = _gloss([t.head], _phrase(t), n, sentence, "appositive")
                if g:
                    yield g
        # 'homeostasis, which means a steady state'
        if t.lemma_ == "mean" and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
            rel = next((c for c in t.children if c.dep_ == "nsubj" and c.lower_ == "which"), None)
            obj = next((c for c in t.children if c.dep_ in {"dobj", "attr"}), None)
            if rel is not None and obj is not None:
                g = _gloss(_term_tokens(t.head), _phrase(obj), n, sentence, "means")
                if g:
                    yield g
        # 'turnpike (or toll road)', 'entropy (meaning disorder)'
        if t.text == "(" and t.i > sentence.start:
            close = next((u for u in sentence.doc[t.i + 1 : sentence.end] if u.text == ")"), None)
            before = sentence.doc[t.i - 1]
            if close is None or before.pos_ != "NOUN":
                continue
            inside = list(sentence.doc[t.i + 1 : close.i])
            lead = _span_text(inside).lower()
            marker = next((m for m in GLOSS_MARKERS if lead.startswith(m + " ")), None)
            bare = (  # 'perfusion (penetration of blood)': a noun phrase, no article, no name
                inside
                and inside[0].pos_ == "NOUN"
                and not any(
                    u.like_num or u.ent_type_ or u.pos_ in {"PROPN", "VERB", "PRON"} for u in inside
                )
            )
            if marker or bare:
                meaning = inside[len(marker.split()) :] if marker else inside
                while meaning and meaning[0].is_punct:
                    meaning.pop(0)
                g = _gloss(_term_tokens(before), meaning, n, sentence, "parenthesis")
                if g:
                    yield g


def glosses(analysis: Analysis, paragraphs: tuple[str, ...]) -> list[Gloss]:
    """The words the passage explains, each once (its first explanation), in passage order."""
    out: dict[str, Gloss] = {}
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not is_askable(sentence, paragraphs[n]):
                continue
            for g in glosses_in(sentence, n):
                out.setdefault(g.term, g)
    meanings = [fold(g.meaning) for g in out.values()]
    return [g for g in out.values() if meanings.count(fold(g.meaning)) == 1]


def vocabulary_prompt(gloss: Gloss) -> str:
    """'As used in paragraph 4, what does “turnpike” mean?'"""
    return f"As used in paragraph {gloss.paragraph + 1}, what does \u201c{gloss.term}\u201d mean?"


def vocabulary_items(
    found: list[Gloss], wrong_for, rng: random.Random, most: int = 2
) -> list[Item]:
    """Multiple-choice items on the words the passage explains: the passage's meaning is the
    key, other words' meanings from the passage (or, short of three, noun phrases of the
    passage shaped like it, from ``wrong_for(gloss)``) the wrong options."""
    items = []
    for gloss in found:
        if len(items) >= most:
            break
        others = [
            g.meaning for g in found if g is not gloss and not _overlap(g.meaning, gloss.meaning)
        ]
        rng.shuffle(others)
        wrong = others[: VOCABULARY_OPTIONS - 1]
        if len(wrong) < VOCABULARY_OPTIONS - 1:
            more = [
                w
                for w in wrong_for(gloss)
                if not _overlap(w, gloss.meaning) and gloss.term not in w.lower()
            ]
            wrong += [w for w in more if w not in wrong][: VOCABULARY_OPTIONS - 1 - len(wrong)]
        if len(wrong) < VOCABULARY_OPTIONS - 1:
            continue
        options = [*wrong]
        options.insert(rng.randrange(len(options) + 1), gloss.meaning)
        items.append(
            Item(
                id="",
                kind=Kind.MULTIPLE_CHOICE,
                prompt=vocabulary_prompt(gloss),
                answer=gloss.meaning,
                options=tuple(options),
                evidence=gloss.evidence,
                difficulty=Difficulty.MEDIUM,
                rule=f"vocab-{gloss.how}",
                skill=Skill.VOCABULARY,
            )
        )
    return items


def vocabulary_matching(found: list[Gloss]) -> Item | None:
    """Match each word with its meaning in the passage (three to six words)."""
    if len(found) < 3:
        return None
    rows = found[:MAX_EVENTS]
    return Item(
        id="",
        kind=Kind.MATCHING,
        prompt="Match each word with its meaning in the passage.",
        pairs=tuple((g.term, g.meaning) for g in rows),
        evidence=rows[0].evidence,
        pair_evidence=tuple(g.evidence for g in rows),
        difficulty=Difficulty.MEDIUM,
        rule="vocab-match",
        skill=Skill.VOCABULARY,
    )


def _overlap(a: str, b: str) -> bool:
    """Whether one text holds the other (as options they would give each other away)."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


# --- two-part evidence items ----------------------------------------------------------------

PART_B_PROMPT = "Part B: Which sentence from the passage best supports your answer to Part A?"
PART_B_LEAD = "Part B: Which sentence from the passage best supports the answer to"
# the shortest and longest a wrong sentence may be, against the key sentence's length
PART_B_LENGTHS = (0.6, 1.7)
PART_B_MIN_WORDS = 6
# a sentence opening with these leans on the one before it: it does not read on its own
LEANING = frozenset(
    "but and so yet nor also then however therefore thus hence instead still besides moreover "
    "furthermore meanwhile afterwards later this that these those such there here it they "
    "them".split()
)


def part_b_prompt(part_a: Item) -> str:
    """Part B's question, naming its Part A by id and quoting it ('... the answer to question
    q3, "Why did the council close the bridge?"'), so that it stands on its own in a question
    bank and no two Part Bs of a quiz read the same; the worksheet prints Part A above it and
    a shorter form."""
    asked = part_a.prompt.strip().replace('"', "'")
    return f'{PART_B_LEAD} question {part_a.id}, "{asked}"'


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """A sentence of the passage, with the content words it holds."""

    paragraph: int  # 0-based
    text: str
    words: frozenset[str]  # its content words, lower case


def passage_sentences(analysis: Analysis, paragraphs: tuple[str, ...]) -> list[SentenceRef]:
    """Every askable sentence of the passage with its content lemmas, in passage order."""
    out = []
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not is_askable(sentence, paragraphs[n]):
                continue
            text = text_of(sentence).strip()
            if any(_inside_quote(t, quoted_segments(doc)) for t in sentence[:1]):
                continue
            out.append(SentenceRef(n, text, frozenset(_content_words(text))))
    return out


def _inside_quote(token: Token, segments: list[Span]) -> bool:
    return any(s.start < token.i < s.end - 1 for s in segments)


def _words_of(text: str) -> set[str]:
    return {w for w in quality.words(text) if len(w) > 2}


def _content_words(text: str) -> set[str]:
    """The words of a text that carry its content: not function words, not short."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in quality.words(text) if len(w) > 2 and w not in STOP_WORDS}


def reads_alone(text: str) -> bool:
    """Whether a sentence reads on its own as an option: whole (a capital first, an end
    mark last, brackets and quotes paired), long enough to say something, opening with no
    word that leans on the sentence before it ('But ...', 'This ...', 'It ...'), and no
    'this idea' pointing back. ('He ...' in a story is read against the passage: who he is
    shows in the sentence's paragraph.)"""
    opening = quality.words(text)[:1]
    return (
        text[:1].isupper()
        and text.rstrip("\"'”’)")[-1:] in {".", "!", "?"}
        and quality.balanced(text)
        and len(text.split()) >= PART_B_MIN_WORDS
        and not (opening and opening[0] in LEANING)
        and not quality.context_bound(text)
    )


def part_b(part_a: Item, sentences: list[SentenceRef]) -> Item | None:
    """Part B of a two-part item: the sentence that proves Part A's key, and three sentences a
    student who misread could pick (they share the question's words) that cannot prove it
    (they hold none of the key's words and do not stand beside the key sentence), each
    whole, reading on its own and about as long as the key sentence.

    Part A is a multiple-choice or short-answer question whose key the one sentence holds."""
    ev = part_a.evidence
    if ev is None or part_a.kind not in {Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER}:
        return None
    key = next(
        (
            s
            for s in sentences
            if s.paragraph == ev.paragraph - 1 and fold(s.text) == fold(ev.sentence)
        ),
        None,
    )
    if key is None:
        return None
    question_words = _content_words(part_a.prompt)
    key_words = _content_words(str(part_a.answer)) - _words_of(part_a.prompt)
    if not key_words or not key_words <= _words_of(key.text):
        return None  # the key is not in its sentence: one sentence does not prove it
    ranked = []
    at = sentences.index(key)
    low, high = PART_B_LENGTHS
    for n, s in enumerate(sentences):
        if s is key or fold(s.text) == fold(key.text) or not reads_alone(s.text):
            continue
        if abs(n - at) == 1:
            continue  # the sentence beside the key: its context, that may prove it too
        if _words_of(s.text) & key_words or fold(str(part_a.answer)) in fold(s.text):
            continue  # it names the key: it might prove it as well
        shared = len(s.words & question_words)
        ratio = len(s.text) / max(1, len(key.text))
        if shared == 0 or not low <= ratio <= high:
            continue
        ranked.append((-shared, abs(1 - ratio), n, s))
    ranked.sort(key=lambda r: r[:3])
    seen: set[str] = set()
    wrong = [  # a sentence the passage repeats is offered once
        r[3] for r in ranked if not (fold(r[3].text) in seen or seen.add(fold(r[3].text)))
    ][:3]
    if len(wrong) < 3:
        return None
    chosen = sorted([key, *wrong], key=sentences.index)  # in passage order
    return Item(
        id="",
        kind=Kind.MULTIPLE_CHOICE,
        prompt=part_b_prompt(part_a),
        answer=key.text,
        options=tuple(s.text for s in chosen),
        evidence=ev,
        difficulty=Difficulty.HARD,
        rule="evidence-part-b",
        skill=Skill.EVIDENCE,
        refers_to=part_a.id,
    )
