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
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spacy.tokens import Span, Token

from quizgen.base.folding import fold
from quizgen.items import quality
from quizgen.quiz.model import Difficulty, Evidence, Item, Kind, Skill, part_b_quoting
from quizgen.text import grammar, lexicon
from quizgen.text.analysis import NAMING_VERBS, Analysis, quoted_segments, text_of
from quizgen.text.extract import Clause, hypothetical, is_askable
from quizgen.text.lexicon import YEAR, class_depth, year_of

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
# verbs that, with an adjective after them, say how someone is, not what happens: 'Uncle
# Henry looked stern and solemn' (unlike 'grew furious', a change)
LINKING_VERBS = frozenset("look sound smell taste stay keep".split())
# what the teller thinks of an event, not the event: 'the miller's daughter really became
# queen' is the event 'the miller's daughter became queen'
STANCE_ADVERBS = frozenset("really indeed actually just even also still certainly surely".split())
# a sentence with these may step out of story order ('years ago', 'had once lived')
FLASHBACK_WORDS = frozenset("ago earlier before formerly once previously since already".split())
# words that number events give the order away: 'Then ...', 'Finally ...'
ORDER_WORDS = frozenset("then next finally later afterwards first soon now again".split())
# dated events: the year is the event's own time ('in 1858', 'on 4 July 1776')
DATE_PREPS = frozenset({"in", "on", "during"})
STORY_MAX_DATES = 0.15  # a text that dates more sentences than this is ordered by its dates
STORY_MIN_PAST = 0.6  # a story tells most of its main clauses in the past tense
PRONOUNS = frozenset("he she it they him her them i we you this that these those".split())
# a dated arrival stands as an event without an object: 'James Cook arrived in 1769'
ARRIVAL_VERBS = frozenset("arrive die land return retire resign open close".split())
# a first clause hung from one of these is reported, not told: 'X won, he said'
SPEECH_HEADS = frozenset(
    "say tell claim report write announce state note argue think believe know feel hope wish "
    "suppose seem appear show find learn hear see".split()
)
NAME_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "WORK_OF_ART", "EVENT"})


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
        trailing = _trailing_date(part)
        if trailing is not None:
            year = year_of(trailing.text)
            if year is not None:
                return year, trailing
    return None


def _trailing_date(part) -> Span | None:
    """'declared New Zealand a separate colony in 1841', 'were consolidated into a single
    city in 1898': a date phrase the parse hung on the noun of an object or of a phrase, at
    its end, is the clause's own time."""
    if part.role not in {"object", "attr", "prep"} or not part.tokens:
        return None
    last = part.tokens[-1]
    nouns = (
        [part.head] if part.role != "prep" else [c for c in part.head.children if c.dep_ == "pobj"]
    )
    prep = next(
        (
            c
            for noun in nouns
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ in DATE_PREPS and c.right_edge.i == last.i
        ),
        None,
    )
    if prep is None:
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.ent_type_ != "DATE" or re.search(r"\d0s\b", pobj.text):
        return None
    return prep.doc[prep.i : prep.right_edge.i + 1]


CORE_ROLES = frozenset({"object", "particle", "dative", "attr", "agent"})
COMPLEMENT_DEPS = frozenset({"acomp", "oprd", "xcomp"})  # 'grew louder', 'went on whitewashing'
# an adverb of direction completes a verb of motion: 'peeped back at the house', 'ran away'
DIRECTIONS = frozenset("back away home out off up down in inside outside over across".split())


def _resolved(part) -> bool:
    """Whether a phrase's words were changed from the text's (a pronoun resolved)."""
    own = " ".join("".join(t.text_with_ws for t in part.tokens).split())
    return fold(own) != fold(part.text)


def event_text(clause: Clause, *, dated: bool = False) -> str | None:
    """The clause as a short event: subject, verb and what completes it, with at most one
    prepositional phrase, and without its time phrases (they would give the order away).
    With ``dated`` (the event is placed by its own year), subject and verb may stand alone
    ('The college was established') and a naming ('was named New Amsterdam') is an event."""
    subject = clause.subject.text
    if not subject.strip() or subject.lower() in PRONOUNS:
        return None
    if clause.verb.lemma_ in {"call", "name"} and not dated:
        return None  # 'The boy was called Hansel': a name, no event
    verb = [grammar.word(a) for a in clause.aux] + [
        a.text for a in clause.adverbs if a.lower_ not in STANCE_ADVERBS
    ]
    if clause.negated:
        return None
    verb.append(clause.verb.text)
    keep: list[tuple[str, str]] = []
    for part in clause.parts:
        first = part.tokens[0] if part.tokens else part.head
        if first.i > 0 and first.doc[first.i - 1].text == ",":
            break  # 'Pip smiled, a little embarrassed': what the sentence sets off is no event
        if part.label in {"DATE", "TIME"}:
            continue
        if _resolved(part):
            return None  # 'comforted her' made 'comforted Hansel': a guess, not the text
        trailing = _trailing_date(part)
        if trailing is not None:  # 'a separate colony in 1841': the colony, not its year
            part = replace(part, text=_span_text([t for t in part.tokens if t.i < trailing.start]))
        if YEAR.search(part.text):
            continue
        if part.role == "prep" and not any(r == "prep" for r, _ in keep):
            keep.append((part.role, part.text))
        elif (
            part.role in CORE_ROLES
            or part.head.dep_ in COMPLEMENT_DEPS
            or (part.role == "adverb" and part.text.lower() in DIRECTIONS)
        ):
            keep.append((part.role, part.text))
        else:
            break
    if not keep and not (dated and (clause.passive or clause.verb.lemma_ in ARRIVAL_VERBS)):
        return None  # 'The moon shone': too slight an event to place
    while (
        keep
        and keep[-1][0] == "prep"
        and len(" ".join([subject, *verb, *(t for _, t in keep)]).split()) > MAX_EVENT_WORDS
    ):
        keep.pop()
    text = grammar.tidy(" ".join([subject, *verb, *(t for _, t in keep)])).rstrip("?.,;: ")
    text = _family_names_cased(text, clause)
    text = re.sub(r"\s+(and|but|or|so)$", "", text)
    words = [w.lower().strip(",;:") for w in text.split()]
    if not 3 <= len(words) <= MAX_EVENT_WORDS or not quality.balanced(text):
        return None
    # 'Then ...', 'the first member' number the events; 'the First Division' is a name
    plain = {w for i, w in enumerate(words) if i == 0 or not text.split()[i][:1].isupper()}
    if plain & ORDER_WORDS or "," in text or YEAR.search(text):
        return None
    return text


def _family_names_cased(text: str, clause: Clause) -> str:
    """A surname a reference book writes in capitals ('British sea captain James COOK') as a
    name is written: 'James Cook'."""
    for t in [*clause.subject.tokens, *(u for p in clause.parts for u in p.tokens)]:
        if (
            t.is_upper
            and len(t.text) >= 3
            and t.ent_type_ == "PERSON"
            and t.i > 0
            and t.nbor(-1).is_title
            and t.nbor(-1).ent_type_ == "PERSON"
        ):
            text = re.sub(rf"\b{re.escape(t.text)}\b", t.text.title(), text)
    return text


def _to_root(verb: Token) -> Token:
    """The verb a coordinated verb hangs from: 'sat' of 'She sat down and began to weep'."""
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb


def _sentence_level(clause: Clause) -> bool:
    """A clause the sentence tells outright: its main clause, a verb coordinated with it
    ('and sat himself down to the wheel'), or a first clause the parser hung from a later
    one ('X took a hiatus in 2010; her album was ...'). Not a relative, reported or
    subordinate clause."""
    if clause.source == "main":
        return True
    verb = clause.verb
    if clause.source == "conj":
        return _to_root(verb).dep_ == "ROOT"
    if clause.source == "ccomp":
        head = verb.head
        return (
            head.dep_ == "ROOT"
            and verb.i < head.i
            and head.lemma_ not in SPEECH_HEADS
            and not any(c.dep_ == "mark" for c in verb.children)
            and _simple_past_token(head)
        )
    return False


def _simple_past_token(verb: Token) -> bool:
    return verb.tag_ == "VBD" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def _standalone(
    clause: Clause,
    main_person: frozenset[str] = frozenset(),
    actors: frozenset[str] = frozenset(),
) -> bool:
    """An event that names what it is about: a name in its subject, or the passage's
    recurring 'the club' (see :func:`_actors`), not a 'the girls' pointing back to an earlier
    sentence. A resolved pronoun counts only when it is the passage's main person ('He died
    in Paris' in a life of Chopin): other resolutions are guesses ('her album' made 'Sasha
    Fierce's album')."""
    subject = clause.subject
    if _resolved(subject):
        return fold(subject.text) in main_person and subject.head.lower_ in {"he", "she"}
    if any(t.pos_ == "PROPN" or t.ent_type_ in NAME_ENTS for t in subject.tokens):
        return True
    return _actor_key(clause) in actors


def _main_person(analysis: Analysis) -> frozenset[str]:
    """The names of the passage's main person, folded: its most mentioned person, and every
    person a longer name of the passage shows to be the same one ('Fryderyk' and 'Chopin',
    both in 'Fryderyk Franciszek Chopin'; not 'Nicolas Chopin', whose 'Nicolas' it lacks)."""
    people = analysis.clusters_of("PERSON")
    if not people:
        return frozenset()
    top = set(people[0].key)
    fuller = [set(c.key) for c in people if top <= set(c.key)]
    same = [c for c in people if any(set(c.key) <= name for name in fuller)]
    return frozenset(fold(n) for c in same for n in c.names)


GROUP_PRONOUNS = frozenset({"they", "we"})  # a group that may hold any character


def told_again(clause: Clause, analysis: Analysis) -> bool:
    """Whether the story tells the same subject doing the same thing elsewhere ('When the
    king came ...' and 'The king came in the morning'; 'he lay down again'; 'they sat down'
    of a group the subject may be in): then the event does not say which telling it is, and
    its place is no fact."""
    verb = clause.verb
    if any(
        c.lower_ == "again" or (c.lower_ == "more" and c.nbor(-1).lower_ == "once")
        for c in verb.children
        if c.i > 0
    ):
        return True
    cluster = clause.subject.cluster
    lemma = clause.subject.head.lemma_.lower()
    obj = next((c.lemma_ for c in verb.children if c.dep_ == "dobj"), None)
    for n, t in analysis.verbs_of(verb.lemma_):
        if t.doc is verb.doc and t.i == verb.i:
            continue
        head = t
        while head.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in head.children):
            head = head.head
        subj = next((c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            continue
        same = (
            subj.lemma_.lower() == lemma
            or (cluster is not None and analysis.cluster_of(n, subj) is cluster)
            or subj.lower_ in GROUP_PRONOUNS  # 'they sat down to a dinner': the mouse among them
        )
        other = next((c.lemma_ for c in t.children if c.dep_ == "dobj"), None)
        if same and (obj is None or other is None or other == obj):
            return True
    return False


def _open_years(sentence: Span) -> set[int]:
    """The years a sentence names outside parentheses ('Dreamgirls (2006)' names a film's
    year, not the sentence's time), decades left out."""
    depth, years = 0, set()
    for t in sentence:
        depth += (t.text == "(") - (t.text == ")")
        if depth <= 0 and (t.like_num or t.ent_type_ == "DATE"):  # '1904', '2003–04'
            years |= {int(m.group(1)) for m in YEAR.finditer(t.text) if m.group(0)[-1] != "s"}
    return years


def _character(clause: Clause, names: set[str], actors: frozenset[str] = frozenset()) -> bool:
    """Whether the clause's subject is a named character (or a pronoun resolved to one), or
    one of the story's recurring actors: 'the king', 'the man' (see :func:`_actors`)."""
    if clause.subject.cluster is not None or fold(clause.subject.text) in names:
        return True
    key = _actor_key(clause)
    if key in actors:
        return True
    # 'the woman', 'the Hare', 'the miller's daughter', and a 'he' resolved to 'the dwarf':
    # a definite person or animal is a character of the story
    head = clause.subject.head
    if not key:
        return False
    return lexicon.living_noun(key.split()[-1] if head.pos_ == "PRON" else head.lemma_.lower())


def _kind_noun(head: Token) -> bool:
    """A singular common noun, or one a fable writes with a capital for its character ('the
    Sailor', 'the Whale'): a noun for a person or an animal the tagger names nothing."""
    return head.tag_ == "NN" or (
        head.tag_ == "NNP"
        and head.ent_type_ in {"", "ORG", "PERSON"}  # 'the Sailor', taken for a name
        and lexicon.living_noun(head.lemma_.lower())
    )


def _someone(clause: Clause, actors: frozenset[str]) -> bool:
    """Whether the event names a person other than its subject by 'the' and a noun alone,
    no recurring actor of the story: 'took a good look at the man' (which man?)."""
    for part in clause.parts:
        for t in part.tokens:
            if (
                t.pos_ == "NOUN"
                and t.tag_ == "NN"
                and lexicon.person_noun(t.lemma_.lower())
                and [c.lower_ for c in t.children] == ["the"]
                and fold(f"the {t.text}") not in actors
            ):
                return True
    return False


ACTOR = re.compile(r"(?i)the(?: [a-z-]+(?:['’]s)?){0,1} [a-z-]+")


def _actor_key(clause: Clause) -> str:
    """'the king' of 'The king' or of a 'he' resolved to it: a definite subject of one
    common noun, perhaps with one word before it; '' for anything else."""
    text = clause.subject.text
    head = clause.subject.head
    if not ACTOR.fullmatch(text) or (head.pos_ != "PRON" and not _kind_noun(head)):
        return ""
    return fold(text)


ACTOR_MIN = 3  # a definite noun that is the subject of this many clauses is a character


def _actors(facts) -> frozenset[str]:
    """The story's recurring actors: the nouns that are, as 'the NOUN', the subject of
    ACTOR_MIN clauses or more ('the king came', 'the king took', 'the king shut')."""
    counts: dict[str, int] = {}
    for clause in facts.clauses:
        key = _actor_key(clause)
        if key:
            counts[key] = counts.get(key, 0) + 1
    return frozenset(k for k, n in counts.items() if n >= ACTOR_MIN)


def _story_clause(clause: Clause) -> bool:
    """A clause of narration that keeps story order: nothing hypothetical in its sentence, no
    flashback word in the clause itself ('formerly', 'long ago', 'he had seen it before';
    not 'at once', nor the 'before' or 'since' that opens a clause of its own), and no
    pluperfect among the verbs joined to it ('had gone' steps back in time). What a
    subordinate clause says ('When the moon had risen, Hansel took ...') keeps the main
    clause's place. A description ('he looked stern') is no step of the story, nor is a
    sentence that is one subordinate clause ('…; because Death had stalked …'). Dialogue is
    no event: its clauses are not extracted."""
    if hypothetical(clause.sentence):
        return False
    if clause.verb.lemma_ in LINKING_VERBS and any(c.dep_ == "acomp" for c in clause.verb.children):
        return False  # a description: 'he looked stern and solemn'
    root = _to_root(clause.verb)
    if any(c.dep_ == "mark" for c in root.children):
        return False  # '…; because Death had stalked …': a reason, not the story's next step
    if (
        root is not clause.verb
        and _pluperfect(root)
        and not any(c.dep_ in {"aux", "nsubj", "nsubjpass"} for c in clause.verb.children)
    ):
        return False  # 'had stalked … and enveloped the victim': the 'had' is both verbs'
    for t in _own_tokens(clause.verb):
        word = t.lower_
        if word in FLASHBACK_WORDS and not (
            (word == "once" and t.i > 0 and t.nbor(-1).lower_ == "at")
            or (word in {"before", "since"} and t.dep_ in {"mark", "prep"})
        ):
            return False
        if word == "had" and t.dep_ == "aux" and _pluperfect(t.head):
            return False
    return True


CLAUSE_EDGES = frozenset({"advcl", "ccomp", "relcl", "acl", "xcomp", "parataxis"})


def _pluperfect(verb: Token) -> bool:
    """'had gone': a step back in time."""
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _own_tokens(verb: Token) -> list[Token]:
    """The tokens of a verb's own clause and of the verbs joined to it: its subtree without
    the subordinate clauses hanging from it."""
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_EDGES)
    return out


def events(
    facts,
    analysis: Analysis,
    passage_paragraphs: tuple[str, ...],
    spare: frozenset[tuple[int, int]] = frozenset(),
) -> tuple[str, list[Event]]:
    """The passage's orderable events, in their true order, and the prompt that fits them:
    a text that dates its events by years is put in order by the dates; a story that does
    not date them, in the order it tells them. Empty when neither holds.

    Each event comes from its own sentence: the sentence's main clause, or else a verb
    coordinated with it ('..., and sat himself down to the wheel'). A dated ordering leaves
    out the ``spare`` sentences ((paragraph, sentence start)) where enough events remain
    without them: no other item may be asked of its events' sentences (their dates would
    give the order away), and a cause question may stand in one."""
    dated: dict[int, Event] = {}
    told: list[Event] = []
    main = past = 0
    names = {fold(n) for c in analysis.clusters_of("PERSON") for n in c.names}
    actors = _actors(facts)
    main_person = _main_person(analysis)
    by_sentence: dict[tuple[int, int], list[Clause]] = {}
    for clause in facts.clauses:
        if clause.source == "main":
            main += 1
            past += _simple_past(clause, passive=True)
        if _sentence_level(clause):
            by_sentence.setdefault((clause.paragraph, clause.sentence.start), []).append(clause)
    for group in by_sentence.values():
        group.sort(key=lambda c: (c.source != "main", c.verb.i))
        sentence = group[0].sentence
        if hypothetical(sentence):
            continue
        years = _open_years(sentence)
        # every year the sentence names is some clause's own time ('reaffirmed its
        # independence in 1947 and signed the treaty in 1951'), none a mere mention
        dates = {c.verb.i: _date_of(c) for c in group}
        owned = {d[0] for d in dates.values() if d is not None}
        date_event = story_event = None
        for clause in group:
            if not _simple_past(clause, passive=True) or clause.verb.lemma_ in STATE_VERBS:
                continue
            date = dates[clause.verb.i]
            if date is not None and date_event is None and years <= owned:
                year, phrase = date
                text = event_text(clause, dated=True)
                if (
                    text is not None
                    and len(YEAR.findall(phrase.text)) == 1
                    and _standalone(clause, main_person, actors)
                ):
                    date_event = Event(text, clause.paragraph, clause.sentence, year)
            if (
                story_event is None
                and date is None
                and not years
                and _simple_past(clause)
                and _character(clause, names, actors)  # a character's action
                and _story_clause(clause)
            ):
                text = event_text(clause)
                if (
                    text is not None
                    and not told_again(clause, analysis)
                    and not _someone(clause, actors)
                ):
                    story_event = Event(text, clause.paragraph, clause.sentence)
        if date_event is not None and (
            date_event.year not in dated or _spared(dated[date_event.year], spare)
        ):
            # one event a year (two in one have no order), the first not spared
            dated[date_event.year] = date_event
        if story_event is not None:
            told.append(story_event)
    told.sort(key=lambda e: (e.paragraph, e.sentence.start))
    if len(dated) >= MIN_EVENTS:
        ordered = [dated[y] for y in sorted(dated)]
        kept = [e for e in ordered if not _spared(e, spare)]
        ordered = kept if len(kept) >= MIN_EVENTS else ordered
        return HISTORY_PROMPT, _spread(ordered)
    # a story may say 'one day' and 'the next morning'; a history names years
    sentences = [s for d in analysis.docs for s in d.sents]
    date_share = sum(bool(_open_years(s)) for s in sentences) / (len(sentences) or 1)
    story = main and past / main >= STORY_MIN_PAST and date_share <= STORY_MAX_DATES
    told = _one_story(_one_telling(told, _steps_back(analysis)), passage_paragraphs)
    if story and len(told) >= MIN_EVENTS:
        return STORY_PROMPT, _spread(told)
    return "", []


TELLING_VERBS = frozenset({"tell", "explain", "relate", "recount", "describe"})


def _steps_back(analysis: Analysis) -> list[tuple[int, int]]:
    """(paragraph, sentence start) of the narration's sentences that turn to what happened
    earlier: a teller, 'I' or 'we' (or 'let me'), about to tell how or why something came
    about ('Let me tell you how the boy got there', 'I will now explain why she left'). What
    the story tells next steps back in time: a flashback, however simple its past tenses.
    A past telling ('I told him how ...') is an event, not a turn; a sentence in quotation
    marks is a character's."""
    out = []
    for n, doc in enumerate(analysis.docs):
        segments = quoted_segments(doc)
        for sentence in doc.sents:
            if any(_inside_quote(t, segments) for t in sentence[:1]):
                continue
            if any(_turns_back(t) for t in sentence):
                out.append((n, sentence.start))
    return out


def _turns_back(verb: Token) -> bool:
    if verb.lemma_ not in TELLING_VERBS or verb.pos_ != "VERB" or verb.tag_ in {"VBD", "VBN"}:
        return False
    let = verb.head.lemma_ == "let" and verb.head is not verb
    teller = any(
        c.dep_ == "nsubj" and (c.lower_ in {"i", "we"} or (let and c.lower_ in {"me", "us"}))
        for c in verb.children
    ) or (let and any(c.lower_ in {"me", "us"} for c in verb.head.children))
    if not teller:
        return False
    return any(
        c.dep_ in {"ccomp", "dobj", "xcomp", "advcl"}
        and any(g.lower_ in {"how", "why"} and g.i <= c.i for g in c.subtree)
        for c in verb.children
    )


def _one_telling(told: list[Event], turns: list[tuple[int, int]]) -> list[Event]:
    """The events told before the narration first steps back (see :func:`_steps_back`):
    after the turn come earlier events, then perhaps the story's present again, whose order
    the telling does not give. A turn before any event (a tale that opens 'Let me tell you
    how ...') leaves the story whole."""
    for turn in sorted(turns):
        before = [e for e in told if (e.paragraph, e.sentence.start) < turn]
        if before:
            return before
    return told


def _spared(event: Event, spare: frozenset[tuple[int, int]]) -> bool:
    return (event.paragraph, event.sentence.start) in spare


def _one_story(told: list[Event], paragraphs: tuple[str, ...]) -> list[Event]:
    """The events of one story: in a passage of several stories, each under its heading
    ('The Fox and the Grapes', 'The Lion and the Mouse'), events of two of them have no
    order; the story with the most events is kept (the first of equals)."""
    from quizgen.read.reader import is_heading

    section, sections = 0, []
    for paragraph in paragraphs:
        section += is_heading(paragraph)
        sections.append(section)
    groups: dict[int, list[Event]] = {}
    for event in told:
        groups.setdefault(sections[event.paragraph], []).append(event)
    if len(groups) <= 1:
        return told
    return max(groups.values(), key=len)


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


def ordering(
    facts,
    analysis: Analysis,
    passage_paragraphs: tuple[str, ...],
    spare: frozenset[tuple[int, int]] = frozenset(),
) -> Item | None:
    """'Put these events in the order they happen in the story.' with 4 to 6 events (see
    :func:`events` for ``spare``)."""
    prompt, found = events(facts, analysis, passage_paragraphs, spare)
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

RELATIVIZERS = frozenset({"that", "which", "who"})
GLOSS_MARKERS = ("meaning", "that is", "i.e.", "i.e.,", "or")  # 'spontaneous (or natural)'
MIN_GLOSS_WORDS, MAX_GLOSS_WORDS = 2, 14
# 'X means Y', 'X refers to Y', 'X is defined as Y': the verb and the word before the meaning
MEANING_VERBS = {"mean": "", "refer": "to", "define": "as"}
QUOTES = frozenset("\"\u201c\u201d\u2018\u2019'")
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
    # other phrases of the passage shaped like a meaning ('a parade that ...'), nearest in
    # length first: wrong options when the passage explains too few words to fill four
    alternatives: tuple[str, ...] = ()

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
    """The tokens' text, one space between words and none before a comma (a phrase left out
    before one: 'a system [known as checks and balances], which prevents …')."""
    return re.sub(r" (?=[,;])", "", " ".join("".join(t.text_with_ws for t in tokens).split()))


def _good_term(tokens: list[Token], common: frozenset[str] = frozenset()) -> bool:
    """A word worth asking the meaning of: common nouns (or an adjective), one to three
    words, not a name, a number or a pronoun. A word the parser took for a name only because
    it opens the sentence ('Antonyms are ...', '“Quintessential” means ...') counts when
    the passage writes it in lower case elsewhere (``common``)."""
    head = tokens[-1] if tokens else None
    if head is None or len(tokens) > 3:
        return False
    if any(c.dep_ == "conj" for c in head.children) and any(
        c.dep_ == "cc" and c.lower_ in {"and", "&"} for c in head.children
    ):
        return False  # 'known as checks and balances': 'checks' alone is not the term (an
        # 'or' gives a meaning: 'constellations, or groups of stars')
    opening = _opens_sentence(tokens[0])
    named = [t for t in tokens if t.ent_type_ or t.pos_ == "PROPN"]
    if named and not (opening and all(t.lower_ in common for t in named)):
        return False
    return (
        (head.pos_ in {"NOUN", "ADJ"} or head in named)
        and all(t.is_alpha or "-" in t.text for t in tokens)
        and not head.is_stop
        and len(head.text) >= 4
    )


def _opens_sentence(token: Token) -> bool:
    """The first word of its sentence, perhaps after an opening quotation mark."""
    before = [t for t in token.sent if t.i < token.i]
    return all(t.text in QUOTES for t in before)


def _cited(tokens: list[Token]) -> list[Token] | None:
    """The words of a word cited in quotation marks ('“Quintessential” means ...'), the
    quotation marks left out; None when the words are not wrapped in quotation marks."""
    if not tokens:
        return None
    doc = tokens[0].doc
    first, last = tokens[0].i, tokens[-1].i
    inner = [t for t in tokens if t.text not in QUOTES]
    if not inner:
        return None
    first, last = inner[0].i, inner[-1].i
    if first > 0 and last + 1 < len(doc):
        if doc[first - 1].text in QUOTES and doc[last + 1].text in QUOTES:
            return inner
    return None


def _gloss(
    term: list[Token],
    meaning: list[Token],
    n: int,
    sentence: Span,
    how: str,
    common: frozenset[str] = frozenset(),
):
    """A Gloss if the term and its meaning are a fair pair: the meaning long enough to say
    something, short enough for an option, and not the term again."""
    if not _good_term(term, common) or not meaning:
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
    if meaning[0].pos_ in {"VERB", "AUX", "ADP", "CCONJ", "SCONJ"}:
        return None  # 'means you cannot see it': a clause, not a meaning
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


def _defining(noun: Token) -> bool:
    """Whether a noun phrase is shaped like a definition: a relative clause or participle
    on its head ('a road that charges tolls'), on the noun of its 'of' or 'in' phrase ('a
    piece of information that appears ...') or on a noun joined to it ('a word or phrase
    that ...')."""
    heads = [noun, *(c for c in noun.children if c.dep_ == "conj")]
    heads += [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in {"of", "in"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(c.dep_ in {"relcl", "acl"} for h in heads for c in h.children)


def _plain_subject(subj: Token, dets: frozenset[str]) -> bool:
    """A subject that is just a term: its determiner one of ``dets`` (or none), no phrase or
    clause of its own ('A casserole', 'Antonyms', not 'A dish of rice that ...')."""
    own = {c.lower_ for c in subj.children if c.dep_ in {"det", "poss"}}
    return own <= dets and not any(
        c.dep_ in {"prep", "relcl", "acl", "appos", "conj"} for c in subj.children
    )


def _definitions(sentence: Span, n: int, common: frozenset[str]) -> Iterator[Gloss]:
    """The sentence-level definitions: 'A turnpike is a road that charges tolls.' (a generic
    subject defined in the present), 'The control center is the component ... that ...'
    (a term of two words or more), 'A turnpike means / refers to / is defined as a road
    ...', and the relative 'a fundraiser, which is a ticketed event that ...'."""
    root = sentence.root
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and any(
        c.i < subj.left_edge.i and c.dep_ in {"prep", "advcl", "advmod", "npadvmod"}
        for c in root.children
    ):
        subj = None  # 'For Avicenna, the tabula rasa is ...': one thinker's view, no definition
    if root.lemma_ == "be" and root.tag_ in {"VBZ", "VBP"} and subj is not None:
        attr = next((c for c in root.children if c.dep_ == "attr"), None)
        if attr is not None and attr.pos_ == "NOUN" and _defining(attr):
            term = _term_tokens(subj)
            a_term = _plain_subject(subj, frozenset({"a", "an"}))
            the_term = _plain_subject(subj, frozenset({"the"})) and len(term) >= 2
            attr_dets = {c.lower_ for c in attr.children if c.dep_ == "det"}
            if (a_term or the_term) and attr_dets <= {"a", "an", "the"}:
                g = _gloss(term, _phrase(attr), n, sentence, "definition", common)
                if g:
                    yield g
    if root.lemma_ in MEANING_VERBS and subj is not None and subj.i < root.i:
        word = MEANING_VERBS[root.lemma_]
        present = root.tag_ in {"VBZ", "VBP"} or (
            root.tag_ == "VBN"
            and any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in root.children)
        )
        if word:
            obj = next(
                (
                    g
                    for c in root.children
                    if c.dep_ == "prep" and c.lower_ == word
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
        else:  # 'means the perfect example': the parser may call the object a subject
            obj = next(
                (
                    c
                    for c in root.children
                    if c.i > root.i and c.dep_ in {"dobj", "attr", "nsubj"} and c.pos_ == "NOUN"
                ),
                None,
            )
        cited = _cited(list(subj.subtree))
        term = cited if cited is not None else _term_tokens(subj)
        plain = cited is not None or _plain_subject(subj, frozenset({"a", "an", "the"}))
        if present and obj is not None and plain:
            g = _gloss(term, _phrase(obj), n, sentence, "means", common)
            if g:
                yield g
    for t in sentence:
        # 'a fundraiser, which is a ticketed social event that raises money'
        if t.dep_ == "relcl" and t.lemma_ == "be" and t.tag_ in {"VBZ", "VBP"}:
            rel = next((c for c in t.children if c.dep_ == "nsubj" and c.lower_ == "which"), None)
            attr = next((c for c in t.children if c.dep_ == "attr"), None)
            head = t.head
            comma = rel is not None and rel.i > 0 and sentence.doc[rel.i - 1].text == ","
            if (
                rel is not None
                and comma
                and attr is not None
                and attr.pos_ == "NOUN"
                and head.pos_ == "NOUN"
                and head.i == rel.i - 2
                and {c.lower_ for c in attr.children if c.dep_ == "det"} & {"a", "an"}
            ):
                g = _gloss(_term_tokens(head), _phrase(attr), n, sentence, "means", common)
                if g:
                    yield g
        # 'Constellations, or groups of stars that form shapes in the sky, usually ...'
        if t.dep_ == "conj" and t.pos_ == "NOUN" and t.head.pos_ == "NOUN":
            doc = sentence.doc
            start, end = t.left_edge.i, t.right_edge.i
            after = doc[end + 1] if end + 1 < len(doc) else None
            if (
                start >= 3
                and doc[start - 1].lower_ == "or"
                and doc[start - 2].text == ","
                and doc[start - 3].i == t.head.i
                and after is not None
                and after.text in {",", "--", "\u2014"}
                and _defining(t)
                and not any(c.dep_ == "det" for c in t.children)
                and sum(c.dep_ == "conj" for c in t.head.children) == 1
                and _plain_subject_or_object(t.head)
            ):
                g = _gloss(_term_tokens(t.head), _phrase(t), n, sentence, "appositive", common)
                if g:
                    yield g


def _plain_subject_or_object(noun: Token) -> bool:
    """A bare term before 'or': no determiner but 'the', 'a' or 'an', no phrase of its own."""
    own = {c.lower_ for c in noun.children if c.dep_ in {"det", "poss"}}
    return own <= {"the", "a", "an"} and not any(
        c.dep_ in {"prep", "relcl", "acl", "appos"} for c in noun.children
    )


def glosses_in(sentence: Span, n: int, *, common: frozenset[str] = frozenset()) -> Iterator[Gloss]:
    """Every word a sentence explains: 'A turnpike is a road that ...' (definition), 'a road
    called a turnpike' / 'known as' (called), 'the turnpike, a road with tolls,' (appositive),
    'the turnpike, or road with tolls,' (appositive), 'turnpike, which means ...' or 'which is
    a road that ...' (means), 'A turnpike means / refers to / is defined as ...' (means),
    'turnpike (or toll road)' (parenthesis). ``common``: words the passage writes in lower
    case (see :func:`_good_term`)."""
    yield from _definitions(sentence, n, common)
    for t in sentence:
        # 'a long road called a turnpike': the participle names the noun it follows
        if t.dep_ == "acl" and t.lemma_ in NAMING_VERBS and t.tag_ in {"VBN", "VBD"}:
            named = [c for c in t.children if c.dep_ in {"oprd", "attr", "dobj"}]
            named += [
                g
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "as"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            meaning = _phrase(t.head, stop=t)
            # the participle right after the phrase it names, or after a comma ('a small hole
            # dug in the ground, called a cyclone cellar'), not inside a parenthesis
            gap = [u.text for u in sentence.doc[meaning[-1].i + 1 : t.i]] if meaning else []
            adjacent = meaning and gap in ([], [","])
            if (
                named
                and adjacent
                and (t.lemma_ != "know" or any(c.lower_ == "as" for c in t.children))
            ):
                g = _gloss(
                    _term_tokens(named[0]), _phrase(t.head, stop=t), n, sentence, "called", common
                )
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
                g = _gloss([t.head], _phrase(t), n, sentence, "appositive", common)
                if g:
                    yield g
        # 'homeostasis, which means a steady state'
        if t.lemma_ == "mean" and t.dep_ == "relcl" and t.head.pos_ == "NOUN":
            rel = next((c for c in t.children if c.dep_ == "nsubj" and c.lower_ == "which"), None)
            obj = next((c for c in t.children if c.dep_ in {"dobj", "attr"}), None)
            if rel is not None and obj is not None:
                g = _gloss(_term_tokens(t.head), _phrase(obj), n, sentence, "means", common)
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
                # 'reduced perfusion (penetration of blood)' glosses 'perfusion'
                term = [u for u in _term_tokens(before) if u.dep_ != "amod"] or [before]
                g = _gloss(term, meaning, n, sentence, "parenthesis", common)
                if g:
                    yield g


def glosses(analysis: Analysis, paragraphs: tuple[str, ...]) -> list[Gloss]:
    """The words the passage explains, each once (its first explanation), in passage order."""
    out: dict[str, Gloss] = {}
    common = frozenset(
        t.text for doc in analysis.docs for t in doc if t.is_lower and not t.is_sent_start
    )
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not is_askable(sentence, paragraphs[n]):
                continue
            for g in glosses_in(sentence, n, common=common):
                out.setdefault(g.term, g)
    meanings = [fold(g.meaning) for g in out.values()]
    found = [g for g in out.values() if meanings.count(fold(g.meaning)) == 1]
    if not found:
        return found
    shaped = _meaning_shaped(analysis, paragraphs)
    return [replace(g, alternatives=_alternatives(g, shaped)) for g in found]


def _article(tokens) -> str:
    """'a' for 'a'/'an', 'the', or '' (a bare plural or mass noun), of a phrase's first word."""
    first = tokens[0].lower_ if tokens else ""
    return {"a": "a", "an": "a", "the": "the"}.get(first, "")


SIMILE_WORDS = frozenset({"than", "like", "as"})  # what a thing is likened to


def _meaning_shaped(analysis: Analysis, paragraphs: tuple[str, ...]) -> list[tuple]:
    """Every noun phrase of the passage shaped like a meaning: a common noun with a phrase
    or clause after it ('a big bed in one corner', 'a dish that cooks slowly'), short
    enough for an option, without names, pronouns or punctuation; with its head noun and
    its sentence."""
    out: list[tuple[str, Token, Span]] = []
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not is_askable(sentence, paragraphs[n]):
                continue
            for t in sentence:
                if t.pos_ != "NOUN" or t.dep_ in {"compound", "npadvmod"}:
                    continue
                if t.dep_ == "pobj" and t.head.lower_ in SIMILE_WORDS:
                    continue  # 'faster than a car on a highway': a likeness, no meaning
                if not any(c.dep_ in {"relcl", "acl", "prep"} and c.i > t.i for c in t.children):
                    continue
                tokens = _phrase(t)
                text = _span_text(tokens)
                if tokens and tokens[0].is_sent_start and tokens[0].is_title:
                    text = text[0].lower() + text[1:]  # 'Fans of the sport' as an option
                if (
                    MIN_GLOSS_WORDS + 2 <= len(text.split()) <= MAX_GLOSS_WORDS
                    and quality.balanced(text)
                    and tokens[0].dep_ in {"det", "amod", "compound"} | {t.dep_}
                    and not any(
                        u.is_punct
                        or u.text in QUOTES
                        or u.pos_ in {"PROPN", "NUM"}
                        or u.ent_type_
                        or (u.pos_ == "PRON" and u.lower_ not in RELATIVIZERS)
                        or u.lower_ in {"this", "these", "those", "his", "her", "its", "their"}
                        for u in tokens
                    )
                ):
                    out.append((text, t, sentence))
    return out


def _alternatives(gloss: Gloss, shaped: list[tuple[str, Token, Span]]) -> tuple[str, ...]:
    """The definition-shaped phrases that can stand as wrong meanings of ``gloss``: not from
    a sentence that names the term (there it may well describe it: 'the casserole, a dish
    that ...'), not of the meaning's own head noun, not holding the term; nearest in
    length first."""
    term = fold(gloss.term)
    head = next((t for t in gloss.tokens if t.dep_ not in {"det", "amod", "compound"}), None)
    article = _article(gloss.tokens)
    plural = head is not None and head.tag_ == "NNS"
    picked = [
        text
        for text, noun, sentence in shaped
        if term not in fold(text_of(sentence))
        and _article(text.split() and [noun.doc[noun.left_edge.i]]) == article
        and (noun.tag_ == "NNS") == plural
        and (head is None or noun.lemma_ != head.lemma_)
        and not _overlap(text, gloss.meaning)
    ]
    length = len(gloss.meaning.split())
    nouns = {text: noun.lemma_.lower() for text, noun, _ in shaped}
    key = head.lemma_.lower() if head is not None else ""
    # the nearest in kind first ('a hole' beside 'a bed' before 'a wail'), then in length
    picked.sort(
        key=lambda t: (
            -min(class_depth(key, nouns[t]), 8) if key else 0,
            abs(len(t.split()) - length),
            t,
        )
    )
    return tuple(dict.fromkeys(picked))


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
            g.meaning
            for g in found
            if g is not gloss
            and not _overlap(g.meaning, gloss.meaning)
            and fold(gloss.term) not in fold(g.meaning)  # 'the set point' beside 'set point'
        ]
        rng.shuffle(others)
        wrong = others[: VOCABULARY_OPTIONS - 1]
        # a phrase that is no word's meaning must at least be a thing of the meaning's kind
        # ('Rigorous examination of the travaux' is no meaning of 'geno-'), unless the word
        # is an adjective, whose meaning any phrase may look like
        describes = _describes(gloss)
        for w in gloss.alternatives:  # phrases of the passage shaped like a meaning
            if len(wrong) >= VOCABULARY_OPTIONS - 1:
                break
            if not (describes or _same_kind(gloss.meaning, w, strict=True)):
                continue
            if _overlap(w, gloss.meaning):
                continue  # 'a nation' beside 'a nation or a people' is right as well
            if w not in wrong and not any(_overlap(w, x) for x in wrong):
                wrong.append(w)
        if len(wrong) < VOCABULARY_OPTIONS - 1:
            more = [
                w
                for w in wrong_for(gloss)
                if not _overlap(w, gloss.meaning)
                and gloss.term not in w.lower()
                and (describes or _same_kind(gloss.meaning, w, strict=True))
            ]
            wrong += [w for w in more if w not in wrong][: VOCABULARY_OPTIONS - 1 - len(wrong)]
        if len(wrong) < VOCABULARY_OPTIONS - 1:
            continue
        if _names_a_thing(gloss) and not all(_same_kind(gloss.meaning, w) for w in wrong):
            # 'groups of stars' offered for what the noun 'fundraiser' means: struck at once
            # (an adjective's meaning may be any phrase)
            continue
        items.append(
            _word_choice(
                vocabulary_prompt(gloss),
                gloss.meaning,
                wrong,
                gloss.evidence,
                f"vocab-{gloss.how}",
                rng,
            )
        )
    return items


def _word_choice(
    prompt: str,
    key: str,
    wrong: list[str],
    evidence: Evidence,
    rule: str,
    rng: random.Random,
    **more,
) -> Item:
    """A vocabulary multiple-choice item, the key dealt in among the wrong options."""
    options = [*wrong]
    options.insert(rng.randrange(len(options) + 1), key)
    return Item(
        id="",
        kind=Kind.MULTIPLE_CHOICE,
        prompt=prompt,
        answer=key,
        options=tuple(options),
        evidence=evidence,
        difficulty=Difficulty.MEDIUM,
        rule=rule,
        skill=Skill.VOCABULARY,
        **more,
    )


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
        points=len(rows),  # a point a pair, as each is marked
    )


# --- words the passage uses without explaining them (tier two) ------------------------------

# the tagger's part of speech -> the table's ('a' adjective, 'v' verb, 'r' adverb)
TIER_TWO_TAGS = {"JJ": "a", "VB": "v", "VBD": "v", "VBG": "v", "VBN": "v", "VBP": "v",
                 "VBZ": "v", "RB": "r"}  # fmt: skip
TIER_TWO_POS = {"a": "ADJ", "v": "VERB", "r": "ADV"}
# a wrong meaning's length, in words, against the key's: similar, so length gives nothing away
TIER_TWO_LENGTHS = (0.6, 1.7)


@dataclass(frozen=True, slots=True)
class DictionaryGloss:
    """A word of the passage with the meaning of its dominant sense (see
    :func:`quizgen.text.lexicon.meanings`)."""

    gloss: Gloss
    meaning: lexicon.Meaning


def tier_two(
    analysis: Analysis,
    paragraphs: tuple[str, ...],
    explained: frozenset[str] = frozenset(),
    words: list[tuple[int, Token, str]] | None = None,
    title: str = "",
) -> list[DictionaryGloss]:
    """The words a reader meets in books but not every day ('shrewd', 'sorely') that the
    passage uses without explaining, each with its dictionary meaning: an adjective, verb or
    adverb in lower case in an askable sentence, in narration or dialogue, not one the
    passage explains (``explained``) nor part of a name, none of the family of a word of
    the passage's ``title`` (its subject's term), less frequent in English than
    KEY_MOST_ZIPF, and not where its sentence shares more words with the gloss of another of
    its senses than with the table's (the simplified Lesk measure). Rarest first, then in
    passage order; each word once. ``words`` is the passage's
    :func:`passage_words`, when they are at hand."""
    table = lexicon.meanings()
    found: dict[str, tuple[tuple, DictionaryGloss]] = {}
    explained = frozenset(fold(t) for t in explained)
    for n, t, pos in passage_words(analysis, paragraphs) if words is None else words:
        lemma = _word_lemma(t, pos)
        meaning = table.get((lemma, pos))
        if meaning is None or lemma in found or fold(t.text) in explained:
            continue
        if meaning.zipf >= KEY_MOST_ZIPF:
            continue  # 'invisible', 'temporary': a word most students know, no question
        if _in_title(lemma, title):
            continue  # 'spontaneous' under 'Spontaneity': the passage's own term, its sense
        if t.dep_ == "amod" and t.head.lemma_.lower() in meaning.compounds:
            continue  # 'elementary school': the compound's sense, not the word's
        if meaning.other_sense_in(_context_words(t)):
            continue  # 'requisitioned ... for military use': another sense than the table's
        gloss = Gloss(t.text, meaning.definition, n, t.sent, "dictionary", (t,))
        rank = (meaning.zipf, "avr".index(pos), n, t.i)
        found[lemma] = (rank, DictionaryGloss(gloss, meaning))
    return [g for _, g in sorted(found.values(), key=lambda r: r[0])]


def _in_title(lemma: str, title: str) -> bool:
    """Whether a word is of the family of a word of the passage's title (their first six
    letters alike: 'spontaneous' and 'Spontaneity'): the passage's subject, a term in the
    sense the passage gives it, not a dictionary's."""
    stem = lemma[:6]
    return len(stem) == 6 and any(w.startswith(stem) for w in re.findall(r"[a-z]+", title.lower()))


def _context_words(word: Token) -> set[str]:
    """The lemmas of the content words of a word's sentence but the word itself, in lower
    case: what tells the sense it is used in (each word once: 'include' for 'including')."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return {
        t.lemma_.lower()
        for t in word.sent
        if t.i != word.i and t.is_alpha and len(t) > 2 and t.lower_ not in STOP_WORDS
    }


def _word_pos(t: Token) -> str | None:
    """The part of speech (a, v, r) under which a word of the passage may be asked the meaning
    of, or offered as a word that means something: a lower-case adjective, verb or adverb
    that is no stop word, no part of a name and no part of a hyphened word; none for a
    participle used as an adjective ('a muffled sound', 'critically acclaimed'), which has the
    adjective's sense, not the verb's."""
    pos = TIER_TWO_TAGS.get(t.tag_)
    if (
        pos is None
        or t.pos_ != TIER_TWO_POS[pos]
        or not t.is_lower
        or not t.text.replace("-", "").isalpha()
        or t.ent_type_
        or t.is_stop
        or (pos == "v" and t.dep_ in {"amod", "acomp", "advcl", "oprd"})
        or _hyphened(t)  # 'tight-fisted': part of a word of its own
    ):
        return None
    return pos


def _word_lemma(t: Token, pos: str) -> str:
    return t.lemma_.lower() if pos == "v" else t.lower_


def _hyphened(t: Token) -> bool:
    doc = t.doc
    before = t.i > 0 and doc[t.i - 1].text == "-"
    return before or (t.i + 1 < len(doc) and doc[t.i + 1].text == "-")


def _meaning_words(text: str) -> set[str]:
    return {f for w in _content_words(text) for f in _forms(w)}


def tier_two_wrong(
    word: DictionaryGloss, passage_words: list[DictionaryGloss], rng: random.Random
) -> list[str]:
    """Three wrong meanings for a tier-two word, of its part of speech and about its length:
    the meanings of the passage's other such words first, then of other words from the
    table; none a synonym's (the key's synset), none sharing a content word with the key,
    none holding the word itself."""
    key = word.meaning
    key_words = _meaning_words(key.definition)
    length = len(key.definition.split())
    low, high = TIER_TWO_LENGTHS

    def fits(m: lexicon.Meaning, chosen: list[str]) -> bool:
        size = len(m.definition.split())
        return (
            m.pos == key.pos
            and m.synset != key.synset
            and m.lemma != key.lemma
            and low * length <= size <= high * length
            and not (_meaning_words(m.definition) & key_words)
            and fold(word.gloss.term) not in fold(m.definition)
            and key.lemma not in fold(m.definition)
            and m.definition not in chosen
            and not any(_meaning_words(m.definition) & _meaning_words(c) for c in chosen)
        )

    chosen: list[str] = []
    for other in passage_words:
        if len(chosen) < VOCABULARY_OPTIONS - 1 and fits(other.meaning, chosen):
            chosen.append(other.meaning.definition)
    table = sorted(
        (m for m in lexicon.meanings().values() if m.pos == key.pos), key=lambda m: m.lemma
    )
    rng.shuffle(table)
    for m in table:
        if len(chosen) >= VOCABULARY_OPTIONS - 1:
            break
        if fits(m, chosen):
            chosen.append(m.definition)
    return chosen


def tier_two_items(words: list[DictionaryGloss], rng: random.Random, most: int) -> list[Item]:
    """'As used in paragraph 2, what does "shrewd" mean?': the word's dictionary meaning
    the key, other words' meanings the wrong options."""
    items = []
    for word in words[:most]:
        wrong = tier_two_wrong(word, words, random.Random(f"{rng.random()}:{word.meaning.lemma}"))
        if len(wrong) < VOCABULARY_OPTIONS - 1:
            continue
        items.append(
            _word_choice(
                vocabulary_prompt(word.gloss),
                word.meaning.definition,
                wrong,
                word.gloss.evidence,
                "vocab-dictionary",
                rng,
            )
        )
    return items


WHICH_WORD_RULE = "vocab-which-word"


def which_word_prompt(meaning: lexicon.Meaning) -> str:
    """'Which word from the passage means “showing careful forethought”?'"""
    return f"Which word from the passage means \u201c{meaning.definition}\u201d?"


WHICH_WORD_ALTERNATIVES = 3  # next-best words a teacher reviewing may swap in
# a key less frequent in English than this (Zipf scale; the tables hold no word of 4.3 or more,
# an everyday word): 'cautious' (3.8) is asked, 'invisible' (4.1) is a word most students know
KEY_MOST_ZIPF = 4.0


def passage_words(analysis: Analysis, paragraphs: tuple[str, ...]) -> list[tuple[int, Token, str]]:
    """(paragraph from 0, word, its part of speech) of the adjectives, verbs and adverbs of
    the passage's askable sentences that may be asked or offered (:func:`_word_pos`), in
    passage order."""
    return [
        (n, t, pos)
        for n, doc in enumerate(analysis.docs)
        for sentence in doc.sents
        if is_askable(sentence, paragraphs[n])
        for t in sentence
        if (pos := _word_pos(t)) is not None
    ]


def which_word_options(
    word: DictionaryGloss, words: list[tuple[int, Token, str]]
) -> list[tuple[str, str]]:
    """Three words of the passage a student who does not know the key's meaning could take
    for it: of the key's part of speech and written form (a past tense or participle beside
    a past tense), no everyday words (a book word of the table, its tier-two words first,
    then those nearest the key in frequency), as they stand in the passage. None that could
    mean the key's definition (a sense in or near the key's synset: 'wary' or 'careful'
    beside 'cautious'), none whose own dictionary meaning shares a content word with the
    key's, none one of whose senses is defined much like the key ('devote' beside
    'allocate'), none named in the definition itself, never the key's own word, and one word
    of a family only ('distributed' or 'redistributed'). Words said of the key's kind of thing
    (a person or animal, or a thing) come first. Each with its source ('paragraph 3'), best
    first, the next-best after the three."""
    key_token = word.gloss.tokens[0]
    key = word.meaning
    books = lexicon.book_words()
    table = lexicon.meanings()
    key_words = _meaning_words(key.definition)
    found: dict[str, tuple[tuple, str, str]] = {}
    texts: set[str] = set()  # the words found, as written in lower case
    kind = _said_of_living(key_token)
    for n, t, pos in words:
        if _form(t.tag_) != _form(key_token.tag_) or pos != key.pos:
            continue
        lemma = _word_lemma(t, key.pos)
        book = books.get((lemma, key.pos))
        if book is None or lemma == key.lemma or lemma in found:
            continue
        if key.could_mean(book.senses) or _forms(t.lower_) & key_words:
            continue
        if lemma in key.said_alike:
            continue  # 'devote' beside 'allocate': 'set apart for a special purpose' fits both
        own = table.get((lemma, key.pos))
        if own is not None and (
            own.synset == key.synset or _meaning_words(own.definition) & key_words
        ):
            continue
        if t.lower_ in texts:
            continue
        texts.add(t.lower_)
        # a word said of the same kind of thing as the key first: of a person or an animal
        # beside 'shrewd' said of the miller, of a thing beside 'brittle' said of the ice
        other_kind = kind is not None and _said_of_living(t) not in {None, kind}
        rank = (other_kind, own is None, abs(book.zipf - key.zipf), n, t.i)
        found[lemma] = (rank, t.text, f"paragraph {n + 1}")
    most = VOCABULARY_OPTIONS - 1 + WHICH_WORD_ALTERNATIVES
    # one word of a family: 'distributed' beside 'redistributed' leaves one of the two to
    # strike, and beside the key it points to it
    kept: list[tuple[str, str]] = []
    roots = [lexicon.word_root(key.lemma)]
    for lemma, (_, text, source) in sorted(found.items(), key=lambda kv: kv[1][0]):
        root = lexicon.word_root(lemma)
        if any(_same_family(root, r) for r in roots):
            continue
        roots.append(root)
        kept.append((text, source))
    return kept[:most]


def _same_family(one: str, other: str) -> bool:
    """Whether two word roots are one, or the one (five letters or more) in the other."""
    short, long = sorted((one, other), key=len)
    return short == long or (len(short) >= 5 and short in long)


# tags whose words are written alike: 'walk' (base form or present), 'walked' (past tense or
# participle)
WRITTEN_ALIKE = {"VBP": "VB", "VBN": "VBD"}


def _form(tag: str) -> str:
    """The written form a tag stands for: a past tense and a past participle are one."""
    return WRITTEN_ALIKE.get(tag, tag)


LIVING_PRONOUNS = frozenset({"he", "she", "i", "we", "you", "they", "who", "him", "her", "me"})


def _said_of_living(t: Token) -> bool | None:
    """Whether a word of the passage is said of a person or an animal (True), of a thing
    (False), or of neither that the parse shows (None): an adjective's noun ('the shrewd
    miller', 'the miller was shrewd'), a verb's subject."""
    if t.dep_ == "amod":
        noun = t.head
    elif t.dep_ in {"acomp", "attr", "conj"} and t.head.pos_ in {"AUX", "VERB", "ADJ"}:
        verb = t.head if t.dep_ != "conj" else t.head.head
        noun = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    elif t.pos_ == "VERB":
        noun = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    else:
        return None
    if noun is None:
        return None
    if noun.ent_type_ == "PERSON" or noun.lower_ in LIVING_PRONOUNS:
        return True
    if noun.pos_ == "NOUN":
        lemma = noun.lemma_.lower()
        return lexicon.person_noun(lemma) or lexicon.living_noun(lemma)
    return None


def which_word_items(
    words: list[DictionaryGloss],
    pool: list[tuple[int, Token, str]],
    rng: random.Random,
    most: int,
) -> list[Item]:
    """'Which word from the passage means “showing careful forethought”?' -> cautious: a word
    the passage uses without explaining, asked by its dictionary meaning, with three other
    words of the passage (``pool``, its :func:`passage_words`) as the wrong options
    (:func:`which_word_options`); the rarest words first, a word only where three such
    options are found. The key stands in its evidence sentence, as the quiz contract asks of
    every key."""
    items: list[Item] = []
    for word in words:
        if len(items) >= most:
            break
        ranked = which_word_options(word, pool)
        chosen, rest = ranked[: VOCABULARY_OPTIONS - 1], ranked[VOCABULARY_OPTIONS - 1 :]
        if len(chosen) < VOCABULARY_OPTIONS - 1:
            continue
        items.append(
            _word_choice(
                which_word_prompt(word.meaning),
                word.gloss.term,
                [t for t, _ in chosen],
                word.gloss.evidence,
                WHICH_WORD_RULE,
                rng,
                sources=tuple(chosen),
                alternatives=tuple(rest),
            )
        )
    return items


# meanings a student could take for one another: their head nouns share an ancestor this deep
# in WordNet's hierarchy (an event beside events, a person beside people)
MEANING_KIND_DEPTH = 4
# where a meaning's head noun ends: 'a ticketed social event | that raises money'
_HEAD_END = re.compile(
    r"\s(?:that|which|who|whom|whose|where|when|of|in|for|to|with|from|by|on|at|as|or|and|"
    r"under|over|near|beside|behind|across|through|into|onto|about|around|between|among|"
    r"like|without|within|during|after|before|against|along|than)\s|,"
)


def _head_noun(meaning: str) -> str:
    """The head noun of a meaning, as a lemma: 'a ticketed social event that ...' -> 'event'."""
    words = re.findall(r"[a-z][a-z\-]*", _HEAD_END.split(f" {meaning.lower()} ", maxsplit=1)[0])
    for word in reversed(words):  # 'the physiological value around', 'a small hole dug'
        for lemma in sorted(lexicon.lemmas(word, "noun")) or [word]:
            if lexicon.noun_classes(lemma):
                return lemma
    return ""


def _describes(gloss: Gloss) -> bool:
    """Whether the word explained is an adjective ('quintessential'), whose meaning any
    phrase of the passage may look like."""
    last = gloss.term.split()[-1].lower() if gloss.term.split() else ""
    return lexicon.available() and bool(lexicon.lemmas(last, "adj")) and not _names_a_thing(gloss)


def _names_a_thing(gloss: Gloss) -> bool:
    """Whether the word explained is a noun ('fundraiser'), not an adjective
    ('quintessential'), by the dictionary or else by the passage's use of it."""
    last = gloss.term.split()[-1].lower() if gloss.term.split() else ""
    if lexicon.available() and lexicon.lemmas(last, "adj") and not lexicon.lemmas(last, "noun"):
        return False
    if lexicon.available() and lexicon.lemmas(last, "noun") and not lexicon.lemmas(last, "adj"):
        return True
    return any(t.lower_ == last and t.pos_ in {"NOUN", "PROPN"} for t in gloss.sentence)


def _same_kind(key: str, other: str, *, strict: bool = False) -> bool:
    """Whether one meaning could be taken for another: the same kind of thing at their head
    ('the physiological value around which …' beside 'the restricted set of values …'). A
    meaning whose head is no common noun ('the perfect example of something' for an
    adjective) is judged by its words alone, unless ``strict``."""
    a, b = _head_noun(key), _head_noun(other)
    if not lexicon.noun_classes(a) or not lexicon.noun_classes(b):
        return not strict  # strict: a phrase that is no word's meaning must show its kind
    return class_depth(a, b) >= MEANING_KIND_DEPTH


def _overlap(a: str, b: str) -> bool:
    """Whether one text holds the other (as options they would give each other away)."""
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


# --- two-part evidence items ----------------------------------------------------------------

# the shortest and longest a wrong sentence may be, against the key sentence's length
PART_B_LENGTHS = (0.6, 1.7)
PART_B_MIN_WORDS = 6
# a sentence opening with these leans on the one before it: it does not read on its own
LEANING = frozenset(
    "but and so yet nor also then however therefore thus hence instead still besides moreover "
    "furthermore meanwhile afterwards later this that these those such there here it they "
    "them".split()
)


# the key sentence may share at most this many times the question's words the wrong ones do
PART_B_GIVEAWAY = 1.34  # three of four words, four of five; not two of three
PART_B_MOST_WORDS = 40  # a longer prompt is more than a student reads as one question


def part_b_prompt(part_a: Item) -> str | None:
    """Part B's question, quoting its Part A ('Part B: Part A asked, "Who reached the lake?"
    Which sentence ...?'), so that it stands on its own wherever it is
    read without Part A beside it (a question bank, a review, a reviewer's packet) and no two
    Part Bs of a quiz read the same; none for a Part A too long to quote. The worksheet,
    printing Part B right after Part A, shows the short form
    (:func:`quizgen.quiz.model.short_part_b_prompt`)."""
    quoting = part_b_quoting(part_a.prompt)
    return quoting if len(quoting.split()) <= PART_B_MOST_WORDS else None


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


@cache
def _forms(word: str) -> frozenset[str]:
    """A lower-case word with the verb and noun lemmas it can be of ('reached' -> reach)."""
    return frozenset({word, *lexicon.lemmas(word, "verb"), *lexicon.lemmas(word, "noun")})


@lru_cache(maxsize=8192)
def _folded(text: str) -> str:
    """``fold`` of a sentence's text, worked out once (Part B compares every sentence of the
    passage with each question's)."""
    return fold(text)


@lru_cache(maxsize=8192)
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
            if s.paragraph == ev.paragraph - 1 and _folded(s.text) == _folded(ev.sentence)
        ),
        None,
    )
    if key is None:
        return None
    question_words = _content_words(part_a.prompt)
    key_words = _content_words(str(part_a.answer)) - _words_of(part_a.prompt)
    if not key_words or not key_words <= _words_of(key.text):
        return None  # the key is not in its sentence: one sentence does not prove it
    # the question's words as they stand in a sentence in any form ('reach' in 'reached')
    asked = {w: _forms(w) for w in question_words}
    found: dict[int, set[str]] = {}

    def shared(s: SentenceRef) -> set[str]:
        if id(s) not in found:
            held = frozenset().union(*(_forms(w) for w in s.words))
            found[id(s)] = {w for w, forms in asked.items() if forms & held}
        return found[id(s)]

    # a multiple-choice Part A's wrong options: the sentence that names one is the one a
    # student who chose it would pick
    options = [
        re.sub(r"^(?:the|a|an) ", "", fold(o))
        for o in part_a.options
        if o != part_a.answer and len(o) > 2
    ]
    ranked = []
    at = sentences.index(key)
    low, high = PART_B_LENGTHS
    for n, s in enumerate(sentences):
        if s is key or _folded(s.text) == _folded(key.text) or not reads_alone(s.text):
            continue
        if abs(n - at) == 1:
            continue  # the sentence beside the key: its context, that may prove it too
        if _words_of(s.text) & key_words or fold(str(part_a.answer)) in _folded(s.text):
            continue  # it names the key: it might prove it as well
        common = len(shared(s))
        ratio = len(s.text) / max(1, len(key.text))
        if common == 0 or not low <= ratio <= high:
            continue
        names_option = any(quality.contains_phrase(_folded(s.text), o) for o in options)
        ranked.append((not names_option, -common, abs(1 - ratio), n, s))
    ranked.sort(key=lambda r: r[:4])
    seen: set[str] = set()
    pool = [  # a sentence the passage repeats is offered once
        r[4] for r in ranked if not (_folded(r[4].text) in seen or seen.add(_folded(r[4].text)))
    ]
    # a key sentence that shares far more of the question's words than the wrong ones, or
    # the only one holding one of them ('Only C contains "reached"'), is found by matching
    # words, not by reading (Part A was made from it): reviewers reject it. So the wrong
    # sentences are chosen, best first, to hold every word of the question the key does.
    key_shared = shared(key)
    wrong: list[SentenceRef] = []
    uncovered = set(key_shared)
    while pool and len(wrong) < 3:
        pick = next((s for s in pool if shared(s) & uncovered), pool[0])
        pool.remove(pick)
        wrong.append(pick)
        uncovered -= shared(pick)
    if len(wrong) < 3 or uncovered:
        return None
    if min(len(shared(w)) for w in wrong) * PART_B_GIVEAWAY < len(key_shared):
        return None
    prompt = part_b_prompt(part_a)
    if prompt is None:
        return None
    chosen = sorted([key, *wrong], key=sentences.index)  # in passage order
    return Item(
        id="",
        kind=Kind.MULTIPLE_CHOICE,
        prompt=prompt,
        answer=key.text,
        options=tuple(s.text for s in chosen),
        evidence=ev,
        difficulty=Difficulty.HARD,
        rule="evidence-part-b",
        skill=Skill.EVIDENCE,
        refers_to=part_a.id,
    )
