"""Analysis beyond the raw parse: entity clusters, quotations, and a
safe pronoun resolver.

A passage is parsed one paragraph per ``Doc`` (so evidence never crosses a paragraph); the
analysis ties mentions of one entity together across all of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from spacy.tokens import Doc, Span, Token

from quizgen.base.folding import fold_typography, fold_words, phrase_starts
from quizgen.text.grammar import NOMINAL_SUBJECT_DEPS
from quizgen.text.lexicon import (
    NAME_TYPES,
    PERSON,
    PERSONAL_PRONOUNS,
    TITLE_WORDS,
    artifact_noun,
    common_things,
    gendered_nouns,
    given_names,
    kind_of_first,
    lemmas,
    living_noun,
    looks_like_organization,
    name_gender,
    noun_classes,
    person_noun,
    person_nouns,
)

_NAME_TOKEN = re.compile(r"[\w'\u2019.-]+")


@lru_cache(maxsize=16384)
def name_key(text: str) -> tuple[str, ...]:
    """Words of a name for matching mentions: case-folded, without titles, 'the' and "'s"."""
    words = [w.strip(".").casefold() for w in _NAME_TOKEN.findall(text)]
    words = [w.removesuffix("'s").removesuffix("\u2019s") for w in words]
    words = [w for w in words if w and w not in {"the", "'s", "\u2019s"}]
    while len(words) > 1 and words[0] in TITLE_WORDS:
        words = words[1:]
    return tuple(words)


def clean_mention(span: Span) -> str:
    """A mention's text without a leading 'the' or a trailing possessive."""
    tokens = list(span)
    while tokens and tokens[-1].tag_ == "POS":
        tokens = tokens[:-1]
    if tokens and tokens[0].lower_ == "the" and span.label_ in {"PERSON"}:
        tokens = tokens[1:]
    return "".join(t.text_with_ws for t in tokens).strip()


@dataclass(slots=True)
class Cluster:
    """All mentions of one entity in the passage."""

    id: int
    key: tuple[str, ...]  # the name words of the longest mention
    mentions: list[Span] = field(default_factory=list)
    labels: Counter = field(default_factory=Counter)
    known_names: list[str] | None = field(default=None, repr=False)  # see names
    settled: str | None = field(default=None, repr=False)  # see label
    known_gender: str | None = field(default=None, repr=False)  # see gender

    @property
    def label(self) -> str:
        """The entity type most of its mentions have (first seen wins a tie); settled once
        the votes are in."""
        if self.settled is not None:
            return self.settled
        return self.labels.most_common(1)[0][0] if self.labels else ""

    @property
    def names(self) -> list[str]:
        """Distinct surface forms, longest first (worked out once, when first asked for)."""
        if self.known_names is None:
            cleaned = sorted(
                ((clean_mention(m), m.start) for m in self.mentions),
                key=lambda pair: (-len(pair[0]), pair[1]),
            )
            self.known_names = [n for n in dict.fromkeys(name for name, _ in cleaned) if n]
        return list(self.known_names)

    @property
    def name(self) -> str:
        """The fullest name without a title: 'Qasem Soleimani' rather than 'Soleimani'."""
        names = self.names
        untitled = [n for n in names if name_key(n) == self.key and not _has_title(n)]
        return (untitled or names or [" ".join(self.key)])[0]

    @property
    def gender(self) -> str:
        """'m' or 'f' where a mention says it ('Mrs. Hudson', 'his sister, Ludwika', 'the
        king, Henry'), '' when none does or they disagree."""
        if self.known_gender is None:
            said = {g for m in self.mentions if (g := _mention_gender(m))}
            self.known_gender = said.pop() if len(said) == 1 else ""
        return self.known_gender

    @property
    def short(self) -> str:
        """The shortest frequent name: 'Soleimani'."""
        names = self.names
        return names[-1] if names else self.name

    @property
    def salience(self) -> int:
        """How often the passage mentions it."""
        return len(self.mentions)


def _mention_gender(mention: Span) -> str:
    """The gender a title or a gendered noun beside a mention gives it, if any."""
    nouns = gendered_nouns()
    doc, head = mention.doc, mention.root
    words = [mention[0].lower_.strip(".")]
    if mention.start > 0:
        words.append(doc[mention.start - 1].lower_.strip("."))
    if head.dep_ == "appos":
        words.append(head.head.lemma_.lower())
    words += [c.lemma_.lower() for c in head.children if c.dep_ in {"appos", "compound"}]
    said = {nouns[w] for w in words if w in nouns}
    return said.pop() if len(said) == 1 else ""


def _has_title(text: str) -> bool:
    first = text.split()[0].strip(".").casefold() if text.split() else ""
    return first in TITLE_WORDS and len(text.split()) > 1


SPEECH_WE_PER_1000 = 8  # a 'we' this often (per 1,000 words) makes a passage a speech
NARRATIVE_SHARE = 0.7  # of its sentences in the past tense, for a passage to be a narrative


def tense(verb: Token) -> str:
    """'past' or 'present' for a clause's verb (or its first auxiliary), '' for neither."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    tag = (aux[0] if aux else verb).tag_
    return "past" if tag == "VBD" else "present" if tag in {"VBZ", "VBP"} else ""


@dataclass(slots=True)
class Analysis:
    """A parsed passage: one Doc per paragraph, entity clusters, and lookups into them.

    Slotted, so that nothing is hung on it unseen: what is worked out once per passage is a
    field here, built with the analysis (``folded``, ``dates``) or when first asked for.
    """

    docs: list[Doc]
    clusters: list[Cluster]
    by_token: dict[tuple[int, int], Cluster]  # (paragraph, token index) -> cluster
    folded: str = field(init=False, repr=False)  # the passage's text, case-folded
    dates: list[str] = field(init=False, repr=False)  # its DATE entities, each once, in order
    # worked out when first asked for, then kept
    _clusters_of: dict[frozenset[str], list[Cluster]] = field(
        default_factory=dict, init=False, repr=False
    )
    _mention_counts: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _noun_phrases: list[NounPhrase] | None = field(default=None, init=False, repr=False)
    _articled: set[str] | None = field(default=None, init=False, repr=False)
    _kind_names: set[str] | None = field(default=None, init=False, repr=False)
    _things: set[str] | None = field(default=None, init=False, repr=False)
    _pronouns: dict[int, set[str]] | None = field(default=None, init=False, repr=False)
    _conflicted: frozenset[int] | None = field(default=None, init=False, repr=False)
    _acronyms: dict[str, list[str]] | None = field(default=None, init=False, repr=False)
    _first: tuple[int, int] | None = field(default=None, init=False, repr=False)
    _by_verb: dict[str, list[tuple[str, str]]] | None = field(default=None, init=False, repr=False)
    _verbs: dict[str, list[tuple[int, Token]]] | None = field(default=None, init=False, repr=False)
    _first_nouns: dict[str, tuple[int, int]] | None = field(default=None, init=False, repr=False)
    _nouns: list[list[tuple[int, str]]] | None = field(default=None, init=False, repr=False)
    _narrative: bool | None = field(default=None, init=False, repr=False)
    _speech: bool | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.folded = "\n\n".join(text_of(d).casefold() for d in self.docs)
        self.dates = list(
            dict.fromkeys(ent.text for doc in self.docs for ent in doc.ents if ent.label_ == "DATE")
        )

    def cluster_of(self, paragraph: int, token: Token) -> Cluster | None:
        """The cluster a token's entity belongs to, if any."""
        return self.by_token.get((paragraph, token.i))

    def clusters_of(self, label: str | Iterable[str]) -> list[Cluster]:
        """Clusters of the given type(s), most mentioned first."""
        labels = frozenset({label} if isinstance(label, str) else label)
        if labels not in self._clusters_of:
            found = [c for c in self.clusters if c.label in labels]
            self._clusters_of[labels] = sorted(found, key=lambda c: (-c.salience, c.id))
        return list(self._clusters_of[labels])

    def addressed(self) -> bool:
        """Whether the passage is spoken by a 'we' outside quotation marks, as a speech or a
        declaration is ('we', 'our' at least as often as 'I', 'my'): then its 'I' is a
        speaker, no narrator of a story."""
        plural, singular = self._first_persons()
        return plural >= MIN_ADDRESSING and plural >= singular

    def narrated(self) -> bool:
        """Whether the passage is told by an 'I' outside quotation marks, as a story or a
        memoir is: its 'I' said at least MIN_ADDRESSING times, and the passage no speech
        (see ``addressed``)."""
        return self._first_persons()[1] >= MIN_ADDRESSING and not self.addressed()

    def _first_persons(self) -> tuple[int, int]:
        """How often 'we', 'our' … and 'I', 'my' … stand outside quotation marks (an 'I'
        written as a capital: a lower-case 'i' is a pronunciation's or a list's), counted
        once."""
        if self._first is None:
            plural = singular = 0
            for doc in self.docs:
                quoted = in_quotes(doc)
                for t in doc:
                    if t.pos_ == "PRON" and t.i not in quoted:
                        plural += t.lower_ in FIRST_PLURAL
                        singular += t.lower_ in FIRST_SINGULAR and (
                            t.lower_ != "i" or t.text == "I"
                        )
            self._first = (plural, singular)
        return self._first

    def speech(self) -> bool:
        """Whether the passage is a speaker's case made to an audience (a speech, a
        declaration): a 'we' outside quotation marks in every hundred words or so, far more
        than a textbook's 'we can see'. What it says are the speaker's claims."""
        if self._speech is None:
            plural = words = 0
            for doc in self.docs:
                quoted = in_quotes(doc)
                for t in doc:
                    words += t.is_alpha
                    plural += t.pos_ == "PRON" and t.i not in quoted and t.lower_ in FIRST_PLURAL
            self._speech = self.addressed() and plural >= SPEECH_WE_PER_1000 * words / 1000
        return self._speech

    def narrative(self) -> bool:
        """Whether the passage tells what happened: most of its sentences are in the past
        tense (a story, a fable, a history), so that one in the present is the teller's
        remark ('Necessity is the mother of invention') rather than the story's event."""
        if self._narrative is None:
            tenses = Counter(tense(s.root) for d in self.docs for s in d.sents)
            past, present = tenses["past"], tenses["present"]
            self._narrative = past >= NARRATIVE_SHARE * max(1, past + present)
        return self._narrative

    def introduced_before(self, noun: Token) -> bool:
        """Whether a sentence before the noun's own already has a noun of its lemma: 'the
        green branches' after 'he gathered green branches' points back to them."""
        if self._first_nouns is None:
            self._first_nouns = {}
            for number, doc in enumerate(self.docs):
                for t in doc:
                    if t.pos_ == "NOUN":
                        self._first_nouns.setdefault(t.lemma_.lower(), (number, t.sent.start))
        first = self._first_nouns.get(noun.lemma_.lower())
        if first is None:
            return False
        at = self._number_of(noun)
        return at is not None and first < (at, noun.sent.start)

    def _number_of(self, token: Token) -> int | None:
        """The paragraph (from 0) a token stands in."""
        return next((n for n, d in enumerate(self.docs) if d is token.doc), None)

    def hyponym_before(self, noun: Token) -> bool:
        """Whether a sentence before the noun's own (in its paragraph or the one before) has
        a noun of a kind the noun names: 'the pyramid' before 'the structure'."""
        at = self._number_of(noun)
        if at is None:
            return False
        if self._nouns is None:  # each paragraph's common nouns (index, lemma), found once
            self._nouns = [
                [(t.i, t.lemma_.lower()) for t in doc if t.pos_ == "NOUN"] for doc in self.docs
            ]
        lemma = noun.lemma_.lower()
        for number in range(max(0, at - 1), at + 1):
            for i, other in self._nouns[number]:
                if number == at and i >= noun.sent.start:
                    break
                if other != lemma and kind_of_first(other, lemma):
                    return True
        return False

    def mentions(self, text: str) -> int:
        """How often a phrase occurs in the passage (case-insensitive, on word boundaries)."""
        key = text.casefold()
        if key not in self._mention_counts:
            starts = phrase_starts(self.folded, key, _word_char)
            self._mention_counts[key] = sum(1 for _ in starts)
        return self._mention_counts[key]

    def noun_phrases(self) -> list[NounPhrase]:
        """Every short noun phrase of the passage, once each."""
        if self._noun_phrases is None:
            found: dict[str, NounPhrase] = {}
            for number, doc in enumerate(self.docs, 1):
                for chunk in noun_chunks(doc):
                    tokens = list(chunk)
                    if not 1 <= len(tokens) <= 6 or not any(t.pos_ == "NOUN" for t in tokens):
                        continue  # too long, or nothing describe() could take for its noun
                    phrase = describe(tokens, person=chunk.root.lemma_.lower() in person_nouns())
                    if phrase is not None and fold_words(phrase.text) not in found:
                        found[fold_words(phrase.text)] = replace(phrase, paragraph=number)
            self._noun_phrases = list(found.values())
        return self._noun_phrases

    def kind_names(self) -> set[str]:
        """Words the passage sets right before a noun for a made thing ('Chopper' of 'the
        Chopper rotorcraft'; see :func:`_before_a_made_thing`), found once."""
        if self._kind_names is None:
            self._kind_names = {
                t.text
                for doc in self.docs
                for t in doc
                if t.dep_ == "compound" and _before_a_made_thing(t)
            }
        return self._kind_names

    def articled_names(self) -> set[str]:
        """Proper nouns the passage puts an article before as the head of their phrase ('the
        Spectre', 'a Hinx'): a person's name takes none."""
        if self._articled is None:
            self._articled = {
                fold_words(t.text)
                for doc in self.docs
                for t in doc
                if t.pos_ == "PROPN"
                and t.dep_ != "compound"
                and t.i > 0
                and doc[t.i - 1].lower_ in {"the", "a", "an"}
                and doc[t.i - 1].head.i == t.i
            }
        return self._articled

    def thing_names(self) -> set[str]:
        """Proper nouns the passage shows are no person's names, whatever the entity tagger
        says: those it gives an article (:meth:`articled_names`), and those it names as a
        thing (see :func:`_named_as_thing`) and nowhere as a person."""
        if self._things is None:
            named = {
                fold_words(t.text)
                for doc in self.docs
                for t in doc
                if t.pos_ == "PROPN" and t.dep_ != "compound" and _named_as_thing(t)
            }
            # 'Her fifth album, Beyoncé (2013)': a name the passage also uses for a person
            # (called he or she, the subject of 'was born', 'Mr.', 'his sister, Ludwika')
            # stays a person's
            called = self.pronoun_genders()
            people = {
                fold_words(mention.root.text)
                for cluster in self.clusters
                for mention in cluster.mentions
                if cluster.id in called or mention_acts_as_person(mention)
            }
            self._things = set(self.articled_names()) | (named - people)
        return self._things

    def acronyms(self) -> dict[str, list[str]]:
        """The names the passage spells out beside their acronym, each way round: 'European
        Central Bank (ECB)' gives 'European Central Bank' -> ['ECB'] and 'ECB' ->
        ['European Central Bank'] (folded keys), so that either answer is marked right."""
        if self._acronyms is None:
            found: dict[str, list[str]] = {}
            for doc in self.docs:
                text = text_of(doc)
                for match in ACRONYM.finditer(text):
                    short = match.group(1)
                    letters = short.replace(".", "").replace("&", "")
                    words = re.findall(r"[\w'\u2019-]+", text[: match.start()])
                    run: list[str] = []
                    for word in reversed(words):
                        if word.lower() in ACRONYM_SKIPS and run:
                            run.insert(0, word)
                            continue
                        if not word[:1].isupper():
                            break
                        run.insert(0, word)
                        capitals = [w for w in run if w.lower() not in ACRONYM_SKIPS]
                        if "".join(w[0] for w in capitals).upper() == letters.upper():
                            long = " ".join(run)
                            found.setdefault(fold_words(long), []).append(short)
                            found.setdefault(fold_words(short), []).append(long)
                            break
                        if len(capitals) >= len(letters):
                            break
            self._acronyms = found
        return self._acronyms

    def pronoun_genders(self) -> dict[int, set[str]]:
        """For each person the passage calls he or she, where the pronoun can only be that
        person ('Jane … she'), the genders of those pronouns (by cluster id), found once."""
        if self._pronouns is None:
            self._conflicted = frozenset()  # while they are found, every person may be one
            said: dict[int, set[str]] = {}
            for number, doc in enumerate(self.docs):
                for t in doc:
                    if t.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS and t.pos_ == "PRON":
                        referent = resolve_pronoun(self, number, t)
                        if referent is not None and referent.cluster is not None:
                            gender = "m" if t.lower_ in MALE_PRONOUNS else "f"
                            said.setdefault(referent.cluster.id, set()).add(gender)
            self._pronouns = said
            unknown = {c.id for c in self.clusters_of("PERSON") if not c.gender}
            self._conflicted = frozenset(i for i, g in said.items() if len(g) > 1 and i in unknown)
        return self._pronouns

    def conflicted_people(self) -> frozenset[int]:
        """The people (cluster ids) of no known gender whom the passage would call both he
        and she: one of the two is someone else the names missed ('Jim' taken for every
        'she' of a story whose heroine the tagger never named). No pronoun is resolved to
        them."""
        if self._conflicted is None:
            self.pronoun_genders()
        assert self._conflicted is not None
        return self._conflicted

    def verbs_of(self, lemma: str) -> list[tuple[int, Token]]:
        """(paragraph, token) of every verb of this lemma (as the tagger wrote it), in
        passage order: indexed once, so that asking of each fact costs no pass over the
        passage."""
        if self._verbs is None:
            self._verbs = {}
            for n, doc in enumerate(self.docs):
                for t in doc:
                    if t.pos_ == "VERB":
                        self._verbs.setdefault(t.lemma_, []).append((n, t))
        return self._verbs.get(lemma, [])

    def sentences_with_verb(self, lemma: str) -> list[tuple[str, str]]:
        """(text, folded text) of the sentences that have a verb of this lemma."""
        if self._by_verb is None:
            self._by_verb = {}
            for doc in self.docs:
                for sent in doc.sents:
                    text = text_of(sent)
                    entry = (text, fold_typography(text))
                    for verb in {t.lemma_.lower() for t in sent if t.pos_ in {"VERB", "AUX"}}:
                        self._by_verb.setdefault(verb, []).append(entry)
        return self._by_verb.get(lemma, [])


# the kinds of thing a name may be the name of, as WordNet's chains begin: a group (a
# company, a militia, a club), a work of communication (a novel, a song), a show (a film, a
# game), a made thing (a hotel, a ship); not a body part, a substance or a time, which a
# misparse puts beside a name ('at the grind-stone, Scrooge!', 'with C, the head of ...')
NAMED_KINDS = ((7, 6, 226), (7, 6, 22), (7, 6, 41, 40), (7, 15, 63, 62, 61))


def _thing_noun(token: Token) -> bool:
    """A common noun for a kind of thing a name names ('film', 'company', 'militia')."""
    lemma = token.lemma_.lower()
    if token.pos_ != "NOUN" or token.tag_ not in {"NN", "NNS"} or lemma in person_nouns():
        return False
    chains = noun_classes(lemma)
    if not chains or any(c[: len(PERSON)] == PERSON for c in chains):
        return False  # 'an enemy of the United States', 'an ally': a person in another sense
    return any(chains[0][: len(k)] == k for k in NAMED_KINDS)


EXAMPLE_PREPS = {"including", "like"}  # 'companies, including SpaceX'


# the verbs that give a name: 'a road called a turnpike', 'known as', 'termed', 'dubbed'
NAMING_VERBS = frozenset({"call", "name", "know", "term", "dub"})


def _called(name: Token) -> Token | None:
    """The noun a name is given to by 'called', 'named' or 'known as' right after it: 'a
    helicopter called Mars Chopper' -> 'helicopter'; None when there is none."""
    verb = name.head
    if name.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head  # 'known as Endurance'
    elif name.dep_ not in {"oprd", "attr", "dobj", "xcomp"}:
        return None
    if verb.lemma_ not in NAMING_VERBS or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None
    return verb.head if verb.head.pos_ == "NOUN" else None


def _named_as_thing(name: Token) -> bool:
    """Whether the passage says, where it writes this name, what kind of thing it names: the
    name in apposition to such a noun ('the novel, Thunderball', 'the 1965 film
    Thunderball'), such a noun set off beside it ('Spectre, the twenty-fourth film') or
    before it with the name's article ('the organisation Spectre'), the name said to be one
    ('L'Américain is a hotel'), or named among such things ('companies, including SpaceX').
    A name with a title or a given name ('Mr. Bennet', 'Dr. Madeleine Swann') is a person's
    whatever a parse puts beside it."""
    parts = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    if any(
        c.lower_.rstrip(".") in TITLE_WORDS or name_gender(f"{c.text} {name.text}") for c in parts
    ):
        return False
    head, doc = name.head, name.doc
    if name.dep_ == "appos" and _thing_noun(head):
        return True
    if (noun := _called(name)) is not None and _thing_noun(noun):
        return True  # 'a larger helicopter called Mars Chopper', 'a ship known as Endurance'
    listed = name.dep_ == "conj" or any(c.dep_ in {"cc", "conj"} for c in name.children)
    for c in name.children:
        if listed:
            break  # 'J. S. Bach, Mozart and Schubert, the atmosphere of …': a list, no aside
        if c.dep_ == "appos" and _thing_noun(c) and c.left_edge.i > 0:
            if doc[c.left_edge.i - 1].text in {",", "(", "\u2014"}:
                return True
        if c.dep_ == "compound" and _thing_noun(c) and c.i < name.i:
            if any(d.dep_ == "det" and d.i < c.i for d in name.children):
                return True
    if name.dep_ == "nsubj" and head.lemma_ == "be":
        if any(c.dep_ == "attr" and _thing_noun(c) for c in head.children):
            return True
    return (
        name.dep_ == "pobj"
        and head.lower_ in EXAMPLE_PREPS
        and _thing_noun(head.head)
        and head.head.tag_ == "NNS"
    )


ACRONYM = re.compile(r"\(\s*([A-Z][A-Z&.]{1,9})\s*\)")  # '(ECB)', '(U.S.)'
ACRONYM_SKIPS = {"of", "the", "and", "for", "de", "on", "in"}

FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
MIN_ADDRESSING = 3


def _word_char(c: str) -> bool:
    """A character regex's \\w matches."""
    return c.isalnum() or c == "_"


NAME_PARTICLES = {
    "of",
    "the",
    "de",
    "del",
    "della",
    "di",
    "da",
    "von",
    "van",
    "der",
    "den",
    "la",
    "le",
    "du",
    "des",
    "al",
    "el",
    "bin",
    "ibn",
    "and",
    "for",
    "on",
    "in",
    "y",
    "e",
    "zu",
    "af",
    "ter",
    "ten",
    "st",
    "&",
}


def plausible_name(span: Span) -> bool:
    """A name's words are capitalized (particles aside) and hold no comma or bracket:
    'Majorca with Sand' and 'impromptus, scherzos' are tagging mistakes."""
    if any(t.text in {",", "(", ")", "/", ";"} for t in span):
        return False
    words = [t.text for t in span if t.is_alpha]
    return bool(words) and all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)


def _mentions(docs: Sequence[Doc]) -> list[tuple[int, Span]]:
    """Named-entity mentions in running text (a heading's capitals fool the tagger)."""
    from quizgen.read.reader import is_heading

    return [
        (n, ent)
        for n, doc in enumerate(docs)
        if not is_heading(text_of(doc))
        for ent in doc.ents
        if ent.label_ in NAME_TYPES
        and name_key(ent.text)
        and plausible_name(ent)
        and (ent.label_ in {"NORP", "LANGUAGE"} or ent.root.pos_ != "ADJ")
        and not (ent.label_ == "PERSON" and (_attributive(ent.root) or _indefinite(ent)))
    ]


def _untagged_people(
    docs: Sequence[Doc], clusters: list[Cluster], by_token: dict[tuple[int, int], Cluster]
) -> None:
    """A person's name the tagger missed where it stands ('Chopin formed a friendship with
    Franz Liszt', 'Chopin' a person's name elsewhere): a run of proper nouns outside any
    mention, whose words are exactly those of a person's cluster, joins it as a mention, so
    that a pronoun after it can stand for it."""
    from quizgen.read.reader import is_heading

    people = {c.key: c for c in clusters if c.label == "PERSON"}
    for n, doc in enumerate(docs):
        if not people or is_heading(text_of(doc)):
            continue
        i = 0
        while i < len(doc):
            end = i
            while end < len(doc) and doc[end].pos_ == "PROPN" and (n, doc[end].i) not in by_token:
                end += 1
            if end == i:
                i += 1
                continue
            cluster = people.get(name_key(doc[i:end].text))
            if cluster is not None and not _attributive(doc[end - 1]):
                mention = Span(doc, i, end, label="PERSON")
                cluster.mentions.append(mention)
                for token in mention:
                    by_token[(n, token.i)] = cluster
            i = end


def _indefinite(mention: Span) -> bool:
    """'a Freemason', 'an Albert chain', 'the Rhine': a person's name takes no article (a
    longer name may follow one: 'the Duke of Wellington')."""
    if mention.start == 0:
        return False
    before = mention.doc[mention.start - 1].lower_
    return before in {"a", "an"} or (before == "the" and len(mention) == 1)


def _looks_like_a_name(mention: Span) -> bool:
    """A person's name by its form: proper nouns in the singular, no 'the', no word such as
    'Forces' or 'Party' that names an organization."""
    before = mention.doc[mention.start - 1].lower_ if mention.start > 0 else ""
    return (
        mention.label_ != "NORP"
        and mention[0].lower_ != "the"
        and before != "the"
        and not any(t.tag_ == "NNPS" for t in mention)
        and not looks_like_organization(mention.text)
    )


def alias_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """'Soleimani' for 'Qasem Soleimani', 'Hezbollah' for 'Kataib Hezbollah': the last words of
    a longer name. Not 'Iranian' for 'Iranian Revolutionary Guards Corps', nor 'Warsaw' for
    'Duchy of Warsaw', which name other things."""
    n = len(short)
    if n >= len(full) or full[-n:] != short:
        return False
    return full[-n - 1] not in {"of", "the", "de", "for", "and", "du", "von", "van"}


def cluster_entities(docs: Sequence[Doc]) -> tuple[list[Cluster], dict[tuple[int, int], Cluster]]:
    """Group mentions of one entity: 'Maj. Gen. Qasem Soleimani', 'Qasem Soleimani', 'Soleimani'.

    Longer names come first; a shorter one joins the one cluster whose name holds all its
    words. A short name that fits several clusters ('Smith' for two Smiths) stays apart.
    """
    mentions = _mentions(docs)
    keys = sorted({name_key(m.text) for _, m in mentions}, key=lambda k: (-len(k), k))
    clusters: list[Cluster] = []
    home: dict[tuple[str, ...], Cluster] = {}
    shared_label: dict[int, set[int]] = {}  # a short name that fits several clusters
    for key in keys:
        fits = [c for c in clusters if alias_of(key, c.key)]
        if len(fits) == 1:
            home[key] = fits[0]
        else:
            cluster = Cluster(id=len(clusters), key=key)
            clusters.append(cluster)
            home[key] = cluster
            if fits:
                shared_label[cluster.id] = {id(c) for c in fits}
    by_token: dict[tuple[int, int], Cluster] = {}
    acting: dict[int, int] = {}  # cluster id -> mentions that act as a person
    for n, mention in mentions:
        cluster = home[name_key(mention.text)]
        cluster.mentions.append(mention)
        cluster.labels[mention.label_] += 1
        if mention_acts_as_person(mention):
            cluster.labels["PERSON"] += 2
            acting[cluster.id] = acting.get(cluster.id, 0) + 1
        for token in mention:
            by_token[(n, token.i)] = cluster
    for cluster in clusters:
        if acting.get(cluster.id, 0) >= PERSON_ACTS and not looks_like_organization(cluster.name):
            # a name that acts as a person again and again is one, whatever the tagger says
            # of its other mentions ('Beyoncé' tagged an organization 18 times in 34)
            cluster.labels["PERSON"] += len(cluster.mentions)
    # 'Chopin' is the family name of three Chopins: a person, whatever the tagger said here
    by_id = {id(c): c for c in clusters}
    given = {c.key[0] for c in clusters if len(c.key) > 1 and c.label == "PERSON"}
    for cluster in clusters:
        fits = [by_id[i] for i in shared_label.get(cluster.id, ())]
        if len(cluster.key) == 1 and cluster.key[0] in given and cluster.labels["PERSON"]:
            # 'Fryderyk' alone, the tagger's place 7 times in 11, is the given name of
            # 'Fryderyk Chopin': a person's
            cluster.labels["PERSON"] += len(cluster.mentions) + 1
        if (
            fits
            and cluster.mentions
            and all(f.label == "PERSON" and f.key[-1] == cluster.key[-1] for f in fits)
        ):
            cluster.labels["PERSON"] += len(cluster.mentions) + 1
        if len(cluster.key) == 1 and cluster.key[0] in common_things():
            cluster.labels["LOC"] += 2 * len(cluster.mentions) + 1
    clusters = [c for c in clusters if c.mentions]
    clusters = _split_by_title(clusters, by_token, docs)
    for cluster in clusters:
        cluster.settled = cluster.label
    _untagged_people(docs, clusters, by_token)
    return clusters, by_token


GENDER_TITLES = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "miss": "f",
    "ms": "f",
    "lady": "f",
}


def _title_of(mention: Span) -> str:
    """'Mr.' of 'Mr. Bennet' (inside the mention or just before it), '' for none."""
    doc = mention.doc
    for token in (mention[0], doc[mention.start - 1] if mention.start > 0 else None):
        if token is not None and token.lower_.strip(".") in GENDER_TITLES:
            return token.text
    return ""


def _titled_names(mentions: list[Span], title: str) -> list[str]:
    """The names of mentions with their title before them: 'Mr. Bennet', 'Sir William'."""
    bare = title.rstrip(".")
    dotted = f"{bare.capitalize()}." if bare.lower() in {"mr", "mrs", "ms"} else bare.capitalize()
    return list(
        dict.fromkeys(
            n if _has_title(n) else f"{dotted} {n}"
            for n in (clean_mention(m) for m in mentions)
            if n
        )
    )


def _split_by_title(
    clusters: list[Cluster], by_token: dict[tuple[int, int], Cluster], docs: Sequence[Doc]
) -> list[Cluster]:
    """'Mr. Bennet' and 'Mrs. Bennet' are two people whose names match without their titles:
    a cluster whose mentions carry titles of both genders becomes one cluster per titled
    person (named with the title), and its untitled mentions ('Bennet', which could be either)
    one of their own."""
    paragraph = {id(doc): n for n, doc in enumerate(docs)}
    out: list[Cluster] = []
    for cluster in clusters:
        titles = {(id(m.doc), m.start): _title_of(m) for m in cluster.mentions}
        genders = {GENDER_TITLES[t.lower().strip(".")] for t in titles.values() if t}
        if len(genders) < 2:
            kinds = {t.rstrip(".").lower() for t in titles.values()}
            if len(kinds) == 1 and "" not in kinds:
                # always 'Mr. Bennet', 'Mrs. Long': so named in options and keys too, where
                # a bare 'Bennet' could be any of the family
                cluster.known_names = _titled_names(cluster.mentions, next(iter(titles.values())))
            out.append(cluster)
            continue
        groups: dict[str, list[Span]] = {}
        for mention in cluster.mentions:
            title = titles[(id(mention.doc), mention.start)]
            groups.setdefault(title.rstrip(".").lower() if title else "", []).append(mention)
        for title, mentions in groups.items():
            part = Cluster(id=-1, key=cluster.key, mentions=mentions)
            for m in mentions:
                part.labels[m.label_] += 1
            if title:
                part.known_names = _titled_names(mentions, title)
            out.append(part)
            for m in mentions:
                for token in m:
                    by_token[(paragraph[id(m.doc)], token.i)] = part
    for number, cluster in enumerate(out):
        cluster.id = number
    return out


PERSON_ACTS = 2  # mentions acting as a person that make a name a person's

# verbs whose subject is a person: a name the small model tags ORG in 'Chopin was born' is one
PERSON_VERBS = {
    "bear",
    "die",
    "marry",
    "say",
    "tell",
    "think",
    "feel",
    "believe",
    "grow",
    "study",
    "compose",
    "write",
    "paint",
    "love",
    "hate",
    "reply",
    "ask",
    "laugh",
    "cry",
    "smile",
    "weep",
    "sing",
    "speak",
    "meet",
    "befriend",
    "teach",
    "learn",
}


LIFESPAN = re.compile(r"\(?(?:c\. ?)?\d{3,4} ?[\u2013\u2014-] ?(?:c\. ?)?\d{2,4}\)?")


# the family a person's name is the possessor of
KIN_NOUNS = frozenset(
    "mother father parent sister brother wife husband son daughter aunt uncle cousin niece "
    "nephew grandmother grandfather grandparent grandson granddaughter family "
    "stepmother stepfather fiancé fiancée widow widower".split()
)


def mention_acts_as_person(mention: Span) -> bool:
    """A mention that is the subject of a verb only people do, the possessor of a family
    ('Beyoncé's sister'), titled 'Mr.', 'Dr.', ..., named beside a noun for a person ('his
    sister, Ludwika', 'the pianist Wojciech Żywny'), or given years of birth and death
    ('Ludwika (1807–55)')."""
    head = mention.root
    if head.dep_ in NOMINAL_SUBJECT_DEPS and head.head.lemma_ in PERSON_VERBS:
        return True
    if (
        head.dep_ == "poss"
        and head.head.lemma_.lower() in KIN_NOUNS
        and _looks_like_a_name(mention)
    ):
        return True  # "Beyoncé's younger sister", "Chopin's father": people have families
    nouns = person_nouns()
    doc = mention.doc
    beside = (
        (head.dep_ == "appos" and head.head.lemma_.lower() in nouns)
        or any(
            c.dep_ in {"compound", "appos"} and c.lemma_.lower() in nouns
            for c in head.children
            if c.i < mention.start or c.dep_ == "appos"
        )
        or (
            mention.end < len(doc)
            and doc[mention.end].text == "("
            and LIFESPAN.match(doc[mention.end : mention.end + 4].text.replace(" ", "")) is not None
        )
    )
    if beside and _looks_like_a_name(mention):
        return True
    if len(mention) > 1 and mention[0].text.strip(".").casefold() in TITLE_WORDS:
        return True  # 'Emperor Diocletian'
    before = mention.doc[mention.start - 1] if mention.start > 0 else None
    return before is not None and before.text.strip(".").casefold() in TITLE_WORDS


# --- names the tagger calls people's: what the passage shows of them -------------------------

PLACE_PREPOSITIONS = {"in", "at", "near", "around", "outside", "inside", "across"}


def placed(cluster: Cluster | None) -> bool:
    """Whether the passage puts something in or at a name ('in Great Falls', 'at Lorraine'):
    a place's name, whatever the tagger's label (people are not where things happen)."""
    return cluster is not None and any(
        m.root.dep_ == "pobj" and m.root.head.lower_ in PLACE_PREPOSITIONS for m in cluster.mentions
    )


def person_like(cluster: Cluster, analysis: Analysis) -> bool:
    """Whether a name the tagger calls a person's can be offered as one: the passage shows it
    is a person's, or it is a name of two words or more whose last is no English noun for a
    thing ('Bertie Mee', not 'Grammy Award', 'Evil Eye', 'Great Falls'); a name of one word
    the passage must show ('Billboard' is not)."""
    if shown_a_person(cluster, analysis):
        return True
    return len(cluster.name.split()) >= 2 and not _ends_in_a_thing(cluster.name)


def named_thing(cluster: Cluster, analysis: Analysis) -> bool:
    """A name the tagger calls a person's that ends in an English noun for a thing and that
    nothing in the passage shows is a person's: 'the Mars Chopper', 'Grammy Award'."""
    return (
        (len(cluster.name.split()) >= 2 and _ends_in_a_thing(cluster.name))
        or _names_a_kind(cluster, analysis)
    ) and not shown_a_person(cluster, analysis)


def _names_a_kind(cluster: Cluster, analysis: Analysis) -> bool:
    """Whether the passage sets the name right before a noun for a made thing anywhere (see
    :func:`_before_a_made_thing`), as a mention or as the modifier the tagger left out."""
    return any(n.split()[-1] in analysis.kind_names() for n in cluster.names if n.split())


def _before_a_made_thing(name: Token) -> bool:
    """'the Mars Chopper rotorcraft', 'the Juno spacecraft': a name set right before a noun
    for a made thing names one of that kind, in the passage's own words. The noun's first
    sense is an artifact's, or it is a rare word the noun table does not list (a technical
    thing: 'rotorcraft'); not 'the Obama administration', 'the Lemkin family'."""
    if name.i + 1 >= len(name.doc):
        return False
    noun = name.doc[name.i + 1]
    lemma = noun.lemma_.lower()
    return (
        noun.pos_ == "NOUN"
        and noun.tag_ == "NN"
        and noun.is_lower
        and name.head.i == noun.i
        and (artifact_noun(lemma) or not noun_classes(lemma))
    )


def _ends_in_a_thing(name: str) -> bool:
    last = name.split()[-1].casefold()
    return any(
        noun_classes(lemma) and not person_noun(lemma) for lemma in lemmas(last, "noun") | {last}
    )


def shown_a_person(cluster: Cluster, analysis: Analysis) -> bool:
    """Whether the passage shows a name is a person's, beyond the tagger's word: it calls
    them he or she, a mention acts as a person (a person noun beside it, a title, a family,
    a verb only people do), or a given name begins it (a person's options are people)."""
    if cluster.id in analysis.pronoun_genders() or name_gender(cluster.name):
        return True
    if any(n.split()[0] in given_names() for n in cluster.names if n.split()):
        return True  # 'Kelly' of 'Kelly Rowland', who is asked about as 'Rowland'
    return any(mention_acts_as_person(m) for m in cluster.mentions)


def analyze(docs: Sequence[Doc]) -> Analysis:
    """Cluster entities across a passage's paragraph docs."""
    clusters, by_token = cluster_entities(docs)
    return Analysis(docs=list(docs), clusters=clusters, by_token=by_token)


OPEN_QUOTES = "\"\u201c\u2018'"
CLOSE_QUOTES = "\"\u201d\u2019'"
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}


@dataclass(frozen=True, slots=True)
class Referent:
    """What a pronoun stands for: a named entity, or a character such as 'the king'."""

    text: str
    cluster: Cluster | None = None


def character_text(noun: Token) -> str:
    """A character's noun phrase without a relative clause: 'the little man'."""
    tokens = [
        t
        for t in noun.subtree
        if t.i <= noun.i and t.dep_ in {"det", "amod", "compound", "poss", "case"} or t.i == noun.i
    ]
    tokens = [t for t in tokens if t.i >= noun.left_edge.i]
    return " ".join("".join(t.text_with_ws for t in tokens).split())


def _named_subject_ahead(analysis: Analysis, paragraph: int, token: Token) -> Referent | None:
    """The named person a possessive in a phrase put before its clause's subject refers to:
    that subject, as a reader takes it."""
    if token.dep_ != "poss" or token.lower_ not in {"his", "her"}:
        return None
    verb = token.head
    while verb.dep_ not in {"ROOT", "conj", "ccomp", "advcl", "relcl"} and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None or not token.head.i < subject.left_edge.i:
        return None
    cluster = analysis.cluster_of(paragraph, subject)
    if cluster is None or cluster.label != "PERSON":
        return None
    return Referent(cluster.short, cluster)


def _attributive(token: Token) -> bool:
    """A name used to describe a thing, not a person: 'a brassy Albert chain', 'the Trump
    administration'."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN":
        token = token.head
    return token.dep_ == "compound" and token.head.pos_ == "NOUN"


def in_longer_name(token: Token) -> bool:
    """'Destiny' in "Destiny's Child": a possessive inside a longer name is no person (the
    name's next word a proper noun, or a noun written with a capital inside the sentence)."""
    while token.dep_ == "compound" and token.head.pos_ == "PROPN":
        token = token.head
    head = token.head
    return (
        token.dep_ == "poss"
        and (head.pos_ == "PROPN" or (head.is_title and not head.is_sent_start))
        and head.ent_type_ != "PERSON"
    )


def _candidates(analysis: Analysis, paragraph: int, tokens: Iterable[Token]) -> dict[str, tuple]:
    """People a pronoun could refer to, with their gender ('m', 'f' or '' when unknown)."""
    found: dict[str, tuple] = {}
    for t in tokens:
        cluster = analysis.cluster_of(paragraph, t)
        if (
            cluster is not None
            and cluster.label == "PERSON"
            and not _attributive(t)
            and not in_longer_name(t)
        ):
            found.setdefault(f"c{cluster.id}", (Referent(cluster.short, cluster), cluster.gender))
        elif (
            (
                (t.pos_ == "NOUN" and t.tag_ == "NN" and t.lemma_.lower() in gendered_nouns())
                or _creature(t)
            )
            and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "attr"}
            and any(
                (c.dep_ == "det" and c.lower_ in {"the", "this", "that"})
                or (c.dep_ == "poss" and c.pos_ != "PRON" and not in_longer_name(c))
                for c in t.children
            )
        ):
            # 'the king', and 'Beyoncé's father' (whose 'his job' is his own, not hers); not
            # 'her baby', which names nobody until 'her' is known (and is not the 'she' after),
            # nor "Destiny's Child", a band
            text = character_text(t)
            first, _, rest = text.partition(" ")
            if first.lower() in {"the", "this", "that"}:
                text = f"the {rest}"
            # 'the poor maiden' and 'the maiden' are one character: keyed by the head noun
            found.setdefault(
                f"n{t.lemma_.lower()}", (Referent(text), gendered_nouns().get(t.lemma_.lower(), ""))
            )
    return found


def character(analysis: Analysis, paragraph: int, noun: Token) -> Referent | None:
    """The story character a noun names, as a he or she may stand for it: 'the king', 'the
    little man', 'the Whale' (see :func:`_candidates`); None for a name or any other noun."""
    found = _candidates(analysis, paragraph, [noun])
    return next((ref for key, (ref, _) in found.items() if key.startswith("n")), None)


def _creature(t: Token) -> bool:
    """A character of a fable or a tale named by its kind, 'he' or 'she' in the story: 'the
    Whale', 'the Tortoise', 'the wolf' (a singular noun for an animal or a person)."""
    return (
        t.pos_ in {"NOUN", "PROPN"}
        and t.tag_ in {"NN", "NNP"}
        and t.ent_type_ in {"", "ORG"}  # the small model calls 'the Whale' an organization
        and living_noun(t.lemma_.lower())
    )


def text_of(span: Span | Doc) -> str:
    """A sentence's text, sliced from its paragraph's (built once per Doc): Span.text joins
    the tokens anew on every access."""
    doc = span if isinstance(span, Doc) else span.doc
    whole = doc.user_data.get("quizgen.text")
    if whole is None:
        whole = doc.user_data["quizgen.text"] = doc.text
    return whole if isinstance(span, Doc) else whole[span.start_char : span.end_char]


def quoted_segments(doc: Doc) -> list[Span]:
    """Stretches of a paragraph between an opening and a closing quotation mark.

    Straight quotes alternate; a curly or single opening quote pairs with the next closing
    one. A quotation left open runs to the end of the paragraph, as in fiction. Computed
    once per paragraph.
    """
    cached = doc.user_data.get("quizgen.quotes")
    if cached is not None:
        return cached
    segments, start = [], None
    for t in doc:
        opening = t.text in OPEN_QUOTES and (t.text not in "'\u2019" or not t.whitespace_)
        if start is None and opening and (t.i + 1 < len(doc) and not doc[t.i + 1].is_space):
            start = t.i + 1
        elif start is not None and t.text in CLOSE_QUOTES and t.i > start:
            segments.append(doc[start : t.i])
            start = None
    if start is not None:
        segments.append(doc[start:])
    doc.user_data["quizgen.quotes"] = segments
    return segments


def _within(span: Span | Doc, key: str, find) -> list[Span]:
    """Spans ``find(doc)`` gives for the whole paragraph (found once, kept on the Doc), then
    those inside ``span``."""
    doc = span if isinstance(span, Doc) else span.doc
    found = doc.user_data.get(key)
    if found is None:
        spans = sorted(find(doc), key=lambda f: (f.start, f.end))
        found = doc.user_data[key] = (spans, [f.start for f in spans])
    spans, starts = found
    if isinstance(span, Doc):
        return spans
    out = []
    for f in islice(spans, bisect_left(starts, span.start), None):  # by start, from the first
        if f.start >= span.end:
            break
        if f.end <= span.end:
            out.append(f)
    return out


def entities(span: Span | Doc) -> list[Span]:
    """The named entities of a paragraph or of a sentence in it."""
    return _within(span, "quizgen.ents", lambda doc: doc.ents)


def noun_chunks(span: Span | Doc) -> list[Span]:
    """The noun chunks of a paragraph or of a sentence in it."""
    return _within(span, "quizgen.chunks", lambda doc: doc.noun_chunks)


def in_quotes(doc: Doc) -> set[int]:
    cached = doc.user_data.get("quizgen.quoted")
    if cached is None:
        cached = doc.user_data["quizgen.quoted"] = {
            t.i for seg in quoted_segments(doc) for t in seg
        }
    return cached


def resolve_pronoun(analysis: Analysis, paragraph: int, token: Token) -> Referent | None:
    """What a he/she/him/her/his refers to, only where that is safe (see _resolve); never a
    person the passage would call both he and she (``conflicted_people``), who still stands
    among the candidates (that one of them is someone else makes no other the one)."""
    found = _resolve(analysis, paragraph, token)
    if found is not None and found.cluster is not None:
        if found.cluster.id in analysis.conflicted_people():
            return None
    return found


def _resolve(analysis: Analysis, paragraph: int, token: Token) -> Referent | None:
    """What a he/she/him/her/his refers to, only where that is safe.

    Safe means: the candidates are the people mentioned before the pronoun in the same
    sentence and in the sentence before, in the same paragraph and outside quotation marks
    (a name inside a quotation is spoken to or of, not the speaker) -- named persons, and
    characters named by a gendered noun ('the king', 'the miller's daughter') -- and exactly
    one of them fits its gender. A name inside a longer name ("Destiny's Child") is no candidate.
    """
    word = token.lower_
    if word not in PERSONAL_PRONOUNS:
        return None
    doc = token.doc
    gender = "m" if word in MALE_PRONOUNS else "f"
    quoted = in_quotes(doc)  # 'my dear Watson' inside a quotation is not who 'he' is
    sentence = token.sent
    ahead = _named_subject_ahead(analysis, paragraph, token)
    if ahead is not None:  # 'Through most of his life, Chopin suffered ...'
        said = ahead.cluster.gender if ahead.cluster is not None else ""
        return ahead if said in ("", gender) else None
    # the sentence up to the pronoun and the sentence before: one person in them must fit
    start = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    mates = _clause_subject(token)  # 'Hansel comforted her': she is not Hansel
    tokens = [doc[i] for i in range(start, token.i) if i not in quoted and i not in mates]
    found = _candidates(analysis, paragraph, tokens)
    fits = [key for key, (_, g) in found.items() if g in ("", gender)]
    if len(fits) == 1:
        return found[fits[0]][0]
    if fits:
        key = _continued_subject(analysis, paragraph, token, tokens, fits)
        return found[key][0] if key is not None else None
    return _chained(analysis, paragraph, doc[start], gender)


NAMING_LEMMAS = frozenset({"call", "name"})  # 'The boy was called Hansel'


def _continued_subject(
    analysis: Analysis, paragraph: int, pronoun: Token, tokens: list[Token], fits: list[str]
) -> str | None:
    """Which of several people a subject he or she goes on from: the one who is the main
    clause's subject before it, as a passage keeps its topic in subject place ('Chopin formed
    a friendship with Franz Liszt and was admired by Robert Schumann. In 1835 he obtained
    French citizenship.'). The pronoun's own sentence decides when it names any of them
    before the pronoun, else the sentence before; in it exactly one of them must be the
    subject of the main clause (or of a verb joined to it by 'and'), alone ('Bond and Swann
    are escorted ...' continues neither) and not a copula's ('The first inhabitant was Juan
    Rodriguez', 'The boy was called Hansel'). A subordinate clause's subject is no topic
    ('When Oberhauser addresses Bond by name, he escapes'), and an object pronoun or a
    possessive is left alone ('Tom gave Bill his book')."""
    if pronoun.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    own = [t for t in tokens if t.i >= pronoun.sent.start]
    named_here = set(_candidates(analysis, paragraph, own)) & set(fits)
    window = own if named_here else [t for t in tokens if t.i < pronoun.sent.start]
    subjects: set[str] = set()
    for t in window:
        if t.dep_ not in NOMINAL_SUBJECT_DEPS or not in_main_clause(t):
            continue
        if (
            any(c.dep_ == "conj" for c in t.children)
            or (t.head.lemma_ == "be" and any(c.dep_ == "attr" for c in t.head.children))
            or (t.dep_ == "nsubjpass" and t.head.lemma_ in NAMING_LEMMAS)
        ):
            return None  # two people in one subject; one a copula or 'was called' names
        subjects.update(key for key in _candidates(analysis, paragraph, [t]) if key in fits)
    return next(iter(subjects)) if len(subjects) == 1 else None


def in_main_clause(token: Token) -> bool:
    """Whether a token's verb is its sentence's main verb or one joined to it by 'and'."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _clause_subject(pronoun: Token) -> set[int]:
    """The tokens of the subject of the verb a non-reflexive object pronoun depends on: 'him'
    in 'Tom saw him', 'her' in 'Hansel took her by the hand' is someone other than that
    subject (a possessive, 'his sister', may be the subject's own)."""
    if pronoun.dep_ in {"dobj", "dative"}:
        verb = pronoun.head
    elif pronoun.dep_ == "pobj" and pronoun.head.dep_ == "prep":
        verb = pronoun.head.head
    else:
        return set()
    while verb.pos_ in {"VERB", "AUX"}:
        subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
        if subject is not None:
            return {t.i for t in subject.subtree}
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head  # 'stood up and comforted her': the subject of 'stood'
    return set()


CHAIN_SENTENCES = 4  # how far back a chain of he's or she's may reach for the one it continues


def _chained(analysis: Analysis, paragraph: int, before: Token, gender: str) -> Referent | None:
    """The person a chain of pronouns goes on from: 'Dorothy ran to the hole. ... She caught
    Toto by the ear.' Going back sentence by sentence from ``before`` (up to CHAIN_SENTENCES,
    into the paragraph before if need be), the first sentence that names anyone of the
    pronoun's gender must name exactly one (it and the sentence before it, as for a pronoun
    near its antecedent), and no sentence passed on the way may hold dialogue (a turn of
    speech can change who 'she' is)."""
    for _ in range(CHAIN_SENTENCES):
        doc = before.doc
        if before.sent.start > 0:
            sentence = doc[before.sent.start - 1].sent
        elif paragraph > 0 and len(analysis.docs[paragraph - 1]):
            paragraph -= 1
            doc = analysis.docs[paragraph]
            sentence = doc[len(doc) - 1].sent
        else:
            return None
        quoted = in_quotes(doc)
        if any(t.i in quoted for t in sentence):
            return None
        if any(g in ("", gender) for _, g in _candidates(analysis, paragraph, sentence).values()):
            # the one it names, if the sentence before it names no other ('Dorothy ran. Em
            # ran. The wind roared. She fell.': either)
            first = doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
            window = [t for t in doc[first : sentence.end] if t.i not in quoted]
            fits = [
                ref
                for ref, g in _candidates(analysis, paragraph, window).values()
                if g in ("", gender)
            ]
            return fits[0] if len(fits) == 1 else None
        before = sentence[0]
    return None


# --- the passage's noun phrases, described for options that look alike ---------------------


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A noun phrase of the passage, described by what makes options look alike."""

    text: str
    head: str  # lemma of the head noun
    determiner: str  # the | a | possessive | bare
    plural: bool
    person: bool
    verb: str  # lemma of the verb it depends on, if any
    paragraph: int = 0  # where the passage first has it, counted from 1


def _determiner(tokens) -> str:
    first = tokens[0]
    if first.lower_ == "the":
        return "the"
    if first.lower_ in {"a", "an"}:
        return "a"
    if first.dep_ == "poss" or first.tag_ == "PRP$":
        return "possessive"
    return "bare"


# nouns that point at the text itself, never a plausible answer about its subject
TEXT_NOUNS = {
    "paragraph",
    "section",
    "chapter",
    "figure",
    "page",
    "example",
    "text",
    "passage",
    "table",
    "sentence",
    "word",
    "article",
    "story",
    "book",
    "question",
    "answer",
}

# head nouns with no content of their own: an option made of one is struck at once ('the
# majority', 'the first time', 'such a way', 'several items')
FILLER_NOUNS = {
    "ability", "amount", "case", "deal", "degree", "end", "extent", "fact", "half",
    "instance", "item", "kind", "lot", "majority", "manner", "matter", "midst", "minority",
    "number", "part", "piece", "point", "readiness", "rest", "result", "side", "sort",
    "thing", "time", "type", "use", "variety", "way", "work",
}  # fmt: skip


# entity types a common noun phrase among the options must not hold: names have options of
# their own kind, and 'the nineteenth century' is no option for a thing
NOT_PHRASE_OPTIONS = {
    "PERSON",
    "GPE",
    "ORG",
    "DATE",
    "TIME",
    "CARDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
}


def describe(tokens, *, person: bool) -> NounPhrase | None:
    """A noun phrase's description; None for one that would make a poor option."""
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    root = (
        heads[0]  # the phrase's own head: 'motions' in 'motions of the water'
        if len(heads) == 1
        else max(
            tokens,
            key=lambda t: (
                t.dep_ not in {"det", "amod", "compound", "poss", "case", "nummod"},
                -abs(t.i - tokens[-1].i),
            ),
        )
    )
    if (
        root.pos_ != "NOUN"
        or root.lemma_.lower() in TEXT_NOUNS
        or root.lemma_.lower() in FILLER_NOUNS
        or any(
            t.pos_ == "PRON"
            or t.ent_type_ in NOT_PHRASE_OPTIONS
            or t.lower_ in {"this", "that", "these", "those"}
            or t.is_punct
            for t in tokens
        )
    ):
        return None
    text = " ".join("".join(t.text_with_ws for t in tokens).split())
    verb = root.head.lemma_.lower() if root.head.pos_ in {"VERB", "AUX"} else ""
    return NounPhrase(
        text, root.lemma_.lower(), _determiner(tokens), root.tag_ == "NNS", person, verb
    )
