"""Facts from parsed sentences: small functions over a ``Doc`` in the style of textacy.

A sentence is simplified into clauses (main, coordinated, relative and reported ones), each
with its subject, verb group and ordered constituents; appositives and quotations give facts
of their own. Questions are realized from facts by :mod:`quizgen.items.rules` and
:mod:`quizgen.text.grammar`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import TypeAlias

from spacy.tokens import Span, Token

from quizgen.read.reader import is_heading
from quizgen.text import grammar, lexicon
from quizgen.text.analysis import (
    NAMING_VERBS,
    Analysis,
    Cluster,
    Referent,
    character,
    entities,
    in_main_clause,
    in_quotes,
    quoted_segments,
    resolve_pronoun,
    text_of,
)
from quizgen.text.grammar import NOMINAL_SUBJECT_DEPS, SUBJECT_DEPS
from quizgen.text.lexicon import (
    NAME_TYPES,
    NUMBER_TYPES,
    PERSONAL_PRONOUNS,
    TIME_TYPES,
    living_noun,
    person_nouns,
)

AUX_DEPS = {"aux", "auxpass"}
# clause heads: the main verb, verbs coordinated with it, relative and reported clauses.
# advcl is taken when it has a subject of its own ("When the queen heard this, ...").
CLAUSE_DEPS = {"ROOT", "conj", "relcl", "ccomp", "advcl"}
# constituents that are not part of a simple clause's meaning for a question
SKIP_DEPS = {
    "punct",
    "cc",
    "conj",
    "mark",
    "parataxis",
    "dep",
    "intj",
    "expl",
    "meta",
    "preconj",
    "discourse",
    "appos",
}
# sentence adverbs that tie a sentence to its neighbours; questions drop them
DISCOURSE = {
    "also",
    "however",
    "moreover",
    "thus",
    "then",
    "therefore",
    "thereafter",
    "meanwhile",
    "still",
    "even",
    "now",
    "indeed",
    "so",
    "too",
    "furthermore",
    "hence",
    "nevertheless",
    "nonetheless",
    "besides",
    "accordingly",
    "consequently",
    "again",
    "already",
    "further",
    "first",
    "second",
    "third",
    "fourth",
    "lastly",
    "finally",
    "later",
    "soon",
    "once",
    "just",
    "only",
    "effectively",
    "alas",
    "well",
    "yet",
    "otherwise",
    "likewise",
    "similarly",
    "additionally",
}
CONDITIONAL_MARKS = {
    "if",
    "unless",
    "whether",
    "though",
    "although",
    "lest",
    "as",
    "than",
    "while",
    "whereas",
    "whenever",
    "wherever",
    "before",
    "until",
    "till",
}
RELATIVIZERS = {"who", "which", "that", "whom", "whose"}
SPEECH_VERBS = {
    "say",
    "tell",
    "add",
    "ask",
    "reply",
    "cry",
    "declare",
    "state",
    "write",
    "note",
    "explain",
    "insist",
    "warn",
    "answer",
    "shout",
    "exclaim",
    "announce",
    "observe",
    "remark",
    "continue",
    "whisper",
    "respond",
    "claim",
    "argue",
    "tweet",
    "testify",
    "report",
    "suggest",
    "acknowledge",
    "admit",
    "recall",
    "call",
}
MAX_PHRASE_WORDS = 18


@dataclass(slots=True)
class Phrase:
    """A constituent of a clause: its tokens (perhaps with pieces left out) and its role."""

    role: (
        str  # subject | object | attr | prep | agent | adverb | dative | clause | particle | other
    )
    head: Token
    tokens: list[Token]
    text: str  # the words as a question will use them (a resolved pronoun replaced)
    cluster: Cluster | None = None
    loose: bool = False  # holds an 'it' or 'they' that only the rest of its clause explains
    resolved: bool = False  # a he/she/his in it was replaced by a name from another sentence

    @property
    def label(self) -> str:
        """The entity type of the phrase's head: its cluster's, or the token's own."""
        if self.cluster is not None:
            return self.cluster.label
        return self.head.ent_type_

    @property
    def start(self) -> int:
        return self.tokens[0].i

    @property
    def end(self) -> int:
        return self.tokens[-1].i + 1

    def __len__(self) -> int:
        return len(self.text.split())


SET_OFF_DEPS = {"npadvmod", "xcomp", "advcl", "appos"}  # 'into the room, afterward closing …'


def joined(parts: list[Phrase], after: Token | None = None) -> str:
    """The texts of a clause's constituents in a row, each the sentence sets off with a comma
    kept so: a noun phrase ('won the League Cup in 1987, Graham's first season in charge';
    run on, '… in 1987 Graham's first season …' reads as one phrase), and any constituent
    whose comma stands right after the words before it in the row ('produce a pyroclastic
    flow, a fast-moving cloud …'). ``after`` is the last word before the first constituent
    (the verb, its particle or adverb): 'Pip smiled, a little embarrassed' starts with
    ', a little embarrassed'."""
    out = ""
    before = after
    for n, p in enumerate(parts):
        first = p.tokens[0] if p.tokens else p.head
        comma = first.i > 0 and first.doc[first.i - 1].text == ","
        set_off = comma and (
            (n > 0 and p.head.dep_ in SET_OFF_DEPS)
            or (before is not None and before.i == first.i - 2)
        )
        out += (", " if set_off else " " if n else "") + p.text
        before = p.tokens[-1] if p.tokens else p.head
    return out


@dataclass(slots=True)
class Clause:
    """One simple statement found in a sentence."""

    paragraph: int  # 0-based
    sentence: Span
    verb: Token
    subject: Phrase
    aux: list[Token]  # auxiliaries in order (not the main verb)
    negated: bool
    parts: list[Phrase]  # constituents after the verb group, in order
    fronted: list[Phrase] = field(default_factory=list)  # adjuncts before the subject
    source: str = "main"  # main | conj | relcl | ccomp | advcl
    adverbs: list[Token] = field(default_factory=list)  # 'actively' in 'was actively developing'
    attribution: str = ""  # who says so: 'officials' of 'according to officials' or 'X said that'
    negation: str = "not"  # the negating word when negated: 'not', 'never'
    cause_before: Span | None = None  # 'As a result, ...': the sentence before gives the cause
    # a cause or purpose clause before the subject ('Because the Moon will be more distant,
    # ...', 'To reach the coast, ...'): asked only as the key of a why question, never in a stem
    reasons: list[Phrase] = field(default_factory=list)

    @property
    def passive(self) -> bool:
        """'The ball was kicked': the subject is the patient."""
        return self.subject.head.dep_ == "nsubjpass" or any(a.dep_ == "auxpass" for a in self.aux)

    @property
    def key(self) -> tuple[int, int, int]:
        """Identifies the clause within the passage."""
        return (self.paragraph, self.sentence.start, self.verb.i)


@dataclass(slots=True)
class Quote:
    """Someone said something: '"The game has changed," Esper said.'"""

    paragraph: int
    sentence: Span
    speaker: Cluster | None  # None for a story's character named by a noun (``character``)
    verb: Token
    words: str  # the quoted words, without the quotation marks or a final comma or stop
    end: str = ""  # a final '?' or '!' of the quotation, kept for statements
    character: str = ""  # 'the little man': the speaker a story names by a noun

    @property
    def speaker_names(self) -> list[str]:
        """What the passage calls the speaker, longest first."""
        return self.speaker.names if self.speaker is not None else [self.character]


@dataclass(slots=True)
class Role:
    """A person's role from an appositive or a title."""

    paragraph: int
    sentence: Span
    person: Cluster
    role: str
    possessive: bool = False  # "Iran's foreign minister" takes no 'the'


Fact: TypeAlias = "Clause | Quote | Role"  # what a question template is applied to


def _strip(tokens: list[Token]) -> list[Token]:
    """Drop punctuation at the edges, and a parenthesis with its contents anywhere (a bracket
    the tokens do not close, as of a sentence set in parentheses, is only a mark)."""
    out, depth = [], 0
    closes = sum(t.text in ")]" for t in tokens)
    opens = 0
    for t in tokens:
        if t.text in "([":
            opens += 1
            if opens > closes:
                continue  # '(The quake was not part of this series ...': no aside
            depth += 1
        elif t.text in ")]":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    while out and (out[-1].is_punct or out[-1].is_space) and out[-1].text not in "%":
        out.pop()
    while out and (out[0].is_punct or out[0].is_space):
        out.pop(0)
    return out


def _join(tokens: list[Token]) -> str:
    text = "".join(t.text_with_ws for t in tokens).strip()
    return " ".join(text.split())


def _nonrestrictive(child: Token) -> bool:
    """A comma before it: ', who led the Quds Force' adds, it does not restrict."""
    left = child.left_edge.i - 1
    return left >= 0 and child.doc[left].text in {",", "\u2014", "-", "("}


def _in_entity(token: Token) -> bool:
    """'2008' of 'August 30, 2008': a piece inside the name or date its head begins is no
    aside."""
    return token.ent_iob_ == "I" and token.head.ent_type_ == token.ent_type_


def _listed(token: Token) -> bool:
    """'Light intensity, the concentration of carbon dioxide and temperature': an item of a
    list the parser took for an aside; it stays."""
    return any(t.dep_ in {"cc", "conj"} for t in token.subtree)


def _hyphen_joined(token: Token) -> bool:
    """'self-interested': a piece joined to the next word by a hyphen is part of that word,
    never an aside to drop."""
    doc, last = token.doc, max(s.i for s in token.subtree)
    return last + 1 < len(doc) and doc[last + 1].tag_ == "HYPH" and not doc[last].whitespace_


# prepositions the parser sometimes takes for the subordinator of a clause it made up
PREPOSITION_MARKS = {"for", "with", "of", "by", "from", "into", "onto", "about"}


def _preposition_marked(clause_head: Token) -> bool:
    """A clause the parser opened with a preposition and no comma before it ('used for the
    player included with …'); a causal 'for' after a comma ('…, for he was ill') is real."""
    doc = clause_head.doc
    return any(
        c.dep_ == "mark"
        and c.lower_ in PREPOSITION_MARKS
        and not (c.i > 0 and doc[c.i - 1].text in {",", ";", ":", "\u2014"})
        for c in clause_head.children
    )


def _joined_to_aside(appos: Token) -> set[int]:
    """'Mario Draghi, former governor of the Bank of Italy, and former managing director of
    …': a second description the parse joined to the name after its appositive continues the
    aside, and goes with it (with its 'and' and the comma before it)."""
    name = appos.head
    out: set[int] = set()
    for c in name.children:
        if c.dep_ == "conj" and c.i > appos.i and c.pos_ == "NOUN":
            out.update(s.i for s in c.subtree)
            out.update(
                d.i for d in name.children if d.dep_ in {"cc", "punct"} and appos.i < d.i < c.i
            )
    return out


def phrase_tokens(head: Token, *, keep_restrictive: bool = True) -> list[Token]:
    """A constituent's tokens without appositives, non-restrictive relative clauses and asides."""
    skip: set[int] = set()
    subtree = list(head.subtree)
    for t in subtree:
        if t.i == head.i:
            continue
        drop = (
            (t.dep_ == "appos" and _nonrestrictive(t) and not _listed(t) and not _in_entity(t))
            or t.dep_ == "parataxis"
            or (
                t.dep_ in {"relcl", "acl", "advcl"} and (_nonrestrictive(t) or not keep_restrictive)
            )
            or (t.dep_ == "npadvmod" and _nonrestrictive(t))
        )
        if drop and t.head.i != t.i and not _hyphen_joined(t):
            skip.update(s.i for s in t.subtree)
            if t.dep_ == "appos":
                skip.update(_joined_to_aside(t))
    tokens = [t for t in subtree if t.i not in skip] if skip else subtree
    # a dangling comma or dash where an aside was taken out
    tokens = [
        t
        for n, t in enumerate(tokens)
        if not (t.text in {",", "\u2014"} and (n + 1 == len(tokens) or tokens[n + 1].is_punct))
    ]
    return _strip(tokens)


CROSS_REFERENCE_WORDS = (
    "figure",
    "fig.",
    "table",
    "chapter",
    "section",
    "page",
    "example",
    "exercise",
)
CROSS_REFERENCE = re.compile(
    r"^(" + "|".join(map(re.escape, CROSS_REFERENCE_WORDS)) + r")\s*\d", re.I
)


class Unresolved(Exception):
    """A phrase rests on a pronoun that cannot safely be resolved."""


# a first-person narrator outside quotation marks: 'Holmes pulled me into the room'
NARRATOR = {
    "i": "the narrator",
    "me": "the narrator",
    "my": "the narrator\u2019s",
    "myself": "the narrator",
    "mine": "the narrator\u2019s",
}
# what a narrator says of his own mind is his claim, not a fact a reader can check: 'I loved
# the old man', in a story where he kills him
INNER_VERBS = frozenset(
    "love hate like pity fear dread admire despise envy wish want hope feel think believe "
    "know suppose doubt trust regret mean intend".split()
)
VAGUE_PRONOUNS = {
    "it",
    "its",
    "they",
    "them",
    "their",
    "theirs",
    "this",
    "these",
    "those",
    "itself",
    "themselves",
}


# a determiner that points at something the sentence before shows: 'this series', 'these
# forces'; cut from its sentence, the phrase no longer says which
DEMONSTRATIVES = {"this", "these", "those"}

# the reader or the speaker's audience ('you', 'we'): outside a quotation it is the voice of
# a speech or a textbook, and a question cut from it has nobody to point to
ADDRESSED = {"we", "us", "our", "ours", "ourselves", "you", "your", "yours", "yourself"}


def _render(
    tokens: list[Token],
    analysis: Analysis,
    paragraph: int,
    bound: str = "",
    *,
    loose_ok: bool = False,
) -> tuple[str, bool, bool]:
    """The words of a phrase, with a he/she/his resolved to a name or Unresolved raised;
    'it', 'they', 'this' are never resolved, and a phrase holding one is not asked about
    (unless ``loose_ok``: a cause such as 'because floods had weakened it' answers a question
    that names what 'it' is). Returns (text, resolved from another sentence, loose)."""
    words, resolved, loose = [], False, False
    for t in tokens:
        if t.is_quote and t.text not in {"'s", "\u2019s"}:
            raise Unresolved(t.text)  # a piece of a quotation the parse cut apart
        if t.lower_ in DEMONSTRATIVES and t.dep_ == "det":
            raise Unresolved(t.text)  # 'not part of this series': which series?
        if t.lower_ in {"its", "their"} and t.tag_ == "PRP$" and bound_possessive(t):
            words.append(t.text_with_ws)  # 'New York City traces its roots to …'
            continue
        topic = topic_it(t, analysis, paragraph) if t.lower_ == "it" else None
        if topic is not None:  # 'It features Daniel Craig': the film the passage is about
            resolved = resolved or topic not in text_of(t.sent)
            words.append(topic + t.whitespace_)
            continue
        if (
            t.lower_ in VAGUE_PRONOUNS
            and t.pos_ in {"PRON", "DET"}
            and (t.pos_ == "PRON" or t.dep_ != "det" or t.head not in tokens)
        ):
            if not loose_ok or t.lower_ in {"this", "these", "those"}:
                raise Unresolved(t.text)
            loose = True
        if t.pos_ == "PRON" and t.lower_ in ADDRESSED:
            raise Unresolved(t.text)
        if t.pos_ == "PRON" and t.lower_ in NARRATOR:
            if analysis.addressed():
                raise Unresolved(t.text)  # the 'I' of a speech or a letter is no narrator
            if bound == NARRATOR["i"]:
                # 'I placed my hand upon the heart' is no 'The narrator placed the
                # narrator's hand …', and a he or she would guess the narrator's sex
                raise Unresolved(f"{t.text} of the narrator's own clause")
            words.append(NARRATOR[t.lower_] + t.whitespace_)
            continue
        if (
            t.tag_ == "PRP$"
            and t.lower_ in {"his", "her"}
            and bound_possessive(t, analysis, paragraph)
        ):
            words.append(t.text_with_ws)  # 'Beyoncé's father resigned from his job'
            continue
        if t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS:
            name = pronoun_name(analysis, paragraph, t)
            if name is None:
                raise Unresolved(t.text)
            if name == bound and (t.tag_ == "PRP$" or t.lower_ in REFLEXIVES):
                # 'Holmes wriggled in his chair', 'He supported himself': bound by the subject
                words.append(t.text_with_ws)
                continue
            resolved = resolved or name not in text_of(t.sent)
            words.append(f"{name}\u2019s" if t.tag_ == "PRP$" else name)
            words.append(t.whitespace_)
        else:
            words.append(t.text_with_ws)
    return " ".join("".join(words).split()), resolved, loose


# verbs whose subject 'it' is an empty one more often than a thing: 'It seems that …', 'It
# took three years to …', 'It is important to …'
EMPTY_IT_VERBS = frozenset({"seem", "appear", "happen", "take", "cost", "matter", "rain", "snow"})
MAX_TOPIC_WORDS = 6


def topic_it(pronoun: Token, analysis: Analysis, paragraph: int) -> str | None:
    """The name a subject 'it' stands for where no reader hesitates: it goes on from the
    main-clause subject of the sentence before, in the same paragraph, and that subject is
    the name of one thing ('Spectre is a 2015 spy film … It features Daniel Craig'), or an
    'it' that does so in turn ('… It was directed by Sam Mendes'). Subject to subject is
    how a passage keeps its topic; the 'it' must itself be its main clause's subject, with
    no noun of a thing before it in its sentence ('When the bridge opened, it …' may mean
    the bridge), and no empty 'it' ('It is likely that …', 'It took years to …')."""
    if pronoun.lower_ != "it" or pronoun.dep_ not in NOMINAL_SUBJECT_DEPS:
        return None
    if not in_main_clause(pronoun) or _empty_it(pronoun.head):
        return None
    sentence = pronoun.sent
    doc = pronoun.doc
    if sentence.start == 0 or pronoun.i in in_quotes(doc):
        return None
    if any(
        t.pos_ in {"NOUN", "PROPN"} and t.tag_ in {"NN", "NNP"}
        for t in doc[sentence.start : pronoun.i]
    ):
        return None
    before = doc[sentence.start - 1].sent
    subject = next(
        (t for t in before if t.dep_ in NOMINAL_SUBJECT_DEPS and t.head.dep_ == "ROOT"), None
    )
    if subject is None or subject.i in in_quotes(doc):
        return None
    if subject.lower_ == "it":
        return topic_it(subject, analysis, paragraph)
    if subject.pos_ != "PROPN" or subject.tag_ != "NNP" or _plural(subject):
        return None
    if not _names_a_thing(subject, analysis, paragraph):
        return None  # a person is a he or a she; a word the tagger names nothing is no name
    # the name as the tagger found it, with its article: 'the College of Business'
    entity = next((e for e in entities(subject.sent) if e.start <= subject.i < e.end), None)
    if entity is None or entity.start < subject.left_edge.i:
        return None
    opened = subject.doc[before.start : subject.i]
    if sum(t.text in "([" for t in opened) > sum(t.text in ")]" for t in opened):
        return None  # 'Twilight Princess (Japanese: …, Hepburn: Zeruda no Densetsu …)'
    words = list(entity)
    article = subject.doc[entity.start - 1] if entity.start > before.start else None
    if article is not None and article.lower_ == "the" and article.head.i == subject.i:
        words.insert(0, article)
    if len(words) > MAX_TOPIC_WORDS or any(t.is_punct or t.is_quote for t in words):
        return None
    text = _join(words)
    return text[0].lower() + text[1:] if words[0].lower_ == "the" else text


def _names_a_thing(name: Token, analysis: Analysis, paragraph: int) -> bool:
    """Whether a name is a thing's: the tagger's type is no person's or people's, or, for a
    name the small model took for a person's ('Spectre'), the passage never calls it he or
    she and says somewhere what it is with a noun for no living thing ('Spectre (2015) is
    the twenty-fourth James Bond film')."""
    cluster = analysis.cluster_of(paragraph, name)
    label = cluster.label if cluster is not None else name.ent_type_
    if label in {"", "NORP"}:
        return False
    if label != "PERSON":
        return True
    if cluster is None or cluster.gender or cluster.id in analysis.pronoun_genders():
        return False
    for mention in cluster.mentions:
        verb = mention.root.head
        if mention.root.dep_ != "nsubj" or verb.lemma_ != "be":
            continue
        attr = next((c for c in verb.children if c.dep_ == "attr"), None)
        if attr is not None and attr.pos_ == "NOUN" and not living_noun(attr.lemma_.lower()):
            return True
    return False


def _empty_it(verb: Token) -> bool:
    """An 'it' with no referent: 'It seems that …', 'It is said that …', 'It is important to
    note …', 'It was Chopin who …' (a cleft)."""
    if verb.lemma_ in EMPTY_IT_VERBS:
        return True
    for c in verb.children:
        if c.dep_ in {"ccomp", "csubj", "csubjpass"}:
            return True
        if c.dep_ == "xcomp" and verb.lemma_ == "be":
            return True
        if c.dep_ in {"acomp", "attr"} and any(
            g.dep_ in {"xcomp", "ccomp", "relcl"} for g in c.children
        ):
            return True
    return False


def bound_possessive(pronoun: Token, analysis: Analysis | None = None, paragraph: int = 0) -> bool:
    """Whether an 'its', 'their', 'his' or 'her' stands for its own clause's subject, as a
    reader takes it: 'New York City traces its roots to …', 'His performances were noted for
    their nuance', 'The body monitors its internal conditions', "Beyoncé's father resigned
    from his job". The subject is a noun (no pronoun), of the possessive's number (for a his
    or her, a noun of its gender: 'father', 'the queen'), before it and not holding it; and
    no other noun of that number (or that gender) stands between them, nor inside the
    subject ('The frozen moisture of its breathing had settled on its fur': the dog's), so
    that nothing else could be meant."""
    verb = pronoun.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    subject = next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None and verb.dep_ == "xcomp" and verb.head.lemma_ in OBJECT_CONTROL_VERBS:
        # 'led the UK to appoint its first Resident': the object does the appointing
        subject = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if subject is None or subject.pos_ not in {"NOUN", "PROPN"} or subject.i > pronoun.i:
        return False
    if subject.left_edge.i <= pronoun.i <= subject.right_edge.i:
        return False
    name = {t.i for t in subject.lefts if t.dep_ in {"compound", "amod", "det", "nummod"}}
    between = subject.doc[subject.left_edge.i : pronoun.i]
    if pronoun.lower_ in {"his", "her"}:
        gender = "m" if pronoun.lower_ == "his" else "f"
        if subject.pos_ != "NOUN" or _noun_gender(subject) != gender:
            return False  # a name's own his is resolved to the name (see pronoun_name)
        # "Beyoncé's father … his job": a possessor who is no man is not who 'his' means
        other = {
            t.i
            for c in subject.children
            if c.dep_ == "poss" and _person_gender(c, analysis, paragraph) not in {gender, ""}
            for t in c.subtree
        }
        return not any(
            t.i != subject.i
            and t.i not in name
            and t.i not in other
            and _may_be(t, gender, analysis, paragraph)
            for t in between
        )
    plural = pronoun.lower_ == "their"
    if _plural(subject) is not plural:
        return False
    return not any(
        t.pos_ in {"NOUN", "PROPN"}
        and t.i != subject.i
        and t.i not in name
        and t.dep_ != "compound"
        and _plural(t) is plural
        for t in between
    )


def _may_be(t: Token, gender: str, analysis: Analysis | None, paragraph: int) -> bool:
    """Whether a noun may be a person of the gender ('m' or 'f'): a person or animal noun,
    or a person's name, not known to be of the other gender."""
    if t.pos_ == "NOUN":
        return living_noun(t.lemma_.lower()) and _noun_gender(t) in {gender, ""}
    if t.pos_ != "PROPN":
        return False
    said = _person_gender(t, analysis, paragraph)
    return (t.ent_type_ == "PERSON" or bool(said)) and said in {gender, ""}


def _person_gender(possessor: Token, analysis: Analysis | None, paragraph: int) -> str:
    """The gender a person's noun ('the king'), its person in the passage ('Beyoncé', a she)
    or its given name ('John') shows, or ''."""
    if possessor.pos_ == "NOUN":
        return _noun_gender(possessor)
    cluster = analysis.cluster_of(paragraph, possessor) if analysis is not None else None
    if cluster is not None and cluster.gender:
        return cluster.gender
    return lexicon.given_name_gender(next(iter(possessor.subtree)).text)


def _noun_gender(noun: Token) -> str:
    """'m' or 'f' for a singular person noun of one gender ('father', 'queen'), else ''."""
    if noun.tag_ != "NN":
        return ""
    return lexicon.gendered_nouns().get(noun.lemma_.lower(), "")


def _plural(noun: Token) -> bool:
    """A plural noun, or nouns joined by 'and' ('Strickland and his coworkers')."""
    return noun.tag_ in {"NNS", "NNPS"} or any(
        c.dep_ == "conj" and any(d.lower_ == "and" for d in noun.children) for c in noun.children
    )


def pronoun_name(analysis: Analysis, paragraph: int, pronoun: Token) -> str | None:
    """The name a he/she/him/her/his stands for, where that is safe (``resolve_pronoun``) and
    the name says who without its sentence: a character the passage names by a bare noun
    ('the son') only when it says that noun often enough to be the one son."""
    referent = resolve_pronoun(analysis, paragraph, pronoun)
    if referent is None or not says_who(analysis, referent):
        return None  # 'he' made 'the son', which the passage says once: which son?
    return referent.text


def says_who(analysis: Analysis, referent: Referent) -> bool:
    """Whether a referent names one person without its sentence: a name, or a character
    the passage calls by its noun often enough to be the one ('the son' said once is not)."""
    return (
        referent.cluster is not None
        or analysis.mentions(referent.text.split()[-1]) >= MIN_BARE_MENTIONS
    )


# determiners and adjectives that make a phrase point at something said elsewhere:
# 'the same judgement', 'such situations', 'both explanations', 'the latter'
ANAPHORIC_WORDS = {"same", "another", "aforementioned", "aforesaid"}
REFLEXIVES = {"himself", "herself"}
CONTRASTING_ADVERBS = {"instead", "otherwise"}  # 'he instead attacks', 'or otherwise'
# adverbs that liken what a sentence says to what the one before said
COMPARING_ADVERBS = {"likewise", "similarly", "correspondingly"}
# only after 'the': 'the other', 'the previous M', 'the remaining'; 'other foods like
# potatoes' and 'previous games' stand on their own
DEFINITE_ANAPHORIC_WORDS = {
    "other",
    "others",
    "previous",
    "remaining",
    "above",
    "following",
    "former",
    "latter",
    "next",  # 'the next day': the day after what?
}
# only standing for a noun ('each was given', 'either of them'), not as a determiner
PRONOUN_ANAPHORIC_WORDS = {"each", "either", "neither", "others", "both"}
RECIPROCALS = {("each", "other"), ("one", "another")}  # 'each other' points nowhere
# connectives that tie a clause to the sentence before; dropped from a question, meaning kept
DROPPED_CONNECTIVES = (
    "in addition",
    "for example",
    "for instance",
    "in particular",
    "in fact",
    "of course",
    "as well",
    "in general",
    "in short",
    "above all",
    "in turn",
    "e.g.",
    "upon a time",  # what is left of "Once upon a time" when "once" goes as a connective
)
# a comparison put before the subject: the fact stands without it, and at the end of a
# question it reads as a remnant ('Who runs … as at most other universities?')
FRONTED_COMPARISONS = ("as at ", "as in ", "as with ", "as on ", "like ", "unlike ", "similar to ")
# words that open a clause, which a parse that lost the clause's verb leaves as a preposition
SUBORDINATORS = {"while", "whereas", "although", "though", "unless", "whether", "if"}
# connectives whose clause means nothing without the sentence before: the clause is not used
BOUND_CONNECTIVES = (
    "in contrast",
    "by contrast",
    "in comparison",
    "by comparison",
    "in return",
    "in response",
    "in exchange",
    "at the same time",
    "at that time",
    "at the time",
    "on the other hand",
    "on the contrary",
    "in that case",
    "in this case",
    "in this way",
    "in that way",
    "to this end",
    "for this reason",
    "for that reason",
    "despite this",
    "despite that",
    "after that",
    "after this",
    "before that",
    "before this",
    "unlike",
    "like this",
)
# 'after', 'before', 'since' with nothing after them: 'shortly after' points back in time
TIME_POINTERS = {"after", "afterward", "afterwards", "before", "beforehand", "since", "earlier"}
PLACE_POINTERS = {"there", "here"}  # 'lived there': where is that?
# a bare 'the X' of these nouns points at one met elsewhere ('the matter', 'the spot', 'the
# result'): without a modifier or a name it identifies nothing unless the passage keeps
# coming back to it. A story's 'the door' or 'the queen' is clear where it stands.
RELATIONAL_NOUNS = {
    "person",
    "people",
    "matter",
    "spot",
    "thing",
    "things",
    "result",
    "results",
    "author",
    "concept",
    "idea",
    "case",
    "situation",
    "event",
    "issue",
    "problem",
    "fact",
    "point",
    "question",
    "effect",
    "process",
    "method",
    "approach",
    "reason",
    "change",
    "difference",
    "statement",
    "sentence",
    "word",
    "example",
    "theory",
    "explanation",
    "principle",
    "argument",
    "claim",
    "view",
    "study",
    "experiment",
    "place",
    "type",
    "kind",
    "part",
    "side",
    "plan",
    "decision",
    "policy",
    "treaty",
    "agreement",
    "project",
    "mission",
    "attack",
    "operation",
    "incident",
    "report",
    "proposal",
    "measure",
    "figure",
    "number",
    "amount",
    "list",
    "group",
    "latter",
    "former",
}
MIN_BARE_MENTIONS = 3


def anaphoric(tokens: list[Token], analysis: Analysis, *, definite: bool = True) -> str:
    """Why a phrase points back into text the student cannot see ('' when it does not):
    an anaphoric determiner ('the same judgement', 'both explanations'), a bare pointer in
    time or place ('shortly after', 'there'), a connective ('In contrast'), or a definite
    common noun with nothing to identify it that the passage names once or twice ('the
    spot', 'the person'): the student cannot tell which is meant. With ``definite``, also
    any definite noun that points back to one an earlier sentence brought in (the test of a
    clause made into a question or statement; a sentence blanked where it stands keeps its
    own context)."""
    text = _join(tokens).lower()
    if text.startswith(BOUND_CONNECTIVES):
        return f"connective {text!r}"
    ids = {t.i for t in tokens}
    for n, t in enumerate(tokens):
        nxt = tokens[n + 1].lower_ if n + 1 < len(tokens) else ""
        if (t.lower_, nxt) in RECIPROCALS or (
            n and (tokens[n - 1].lower_, t.lower_) in RECIPROCALS
        ):
            continue
        before = tokens[n - 1].lower_ if n else ""
        if (
            t.pos_ in {"DET", "ADJ", "PRON"}
            and (
                (
                    t.lower_ in ANAPHORIC_WORDS
                    and nxt != "as"  # 'the same as the Moon's': a comparison names both
                    and not (t.lower_ == "another" and any(u.lower_ == "one" for u in tokens[:n]))
                )
                or (t.lower_ in DEFINITE_ANAPHORIC_WORDS and before == "the")
                or (t.lower_ in PRONOUN_ANAPHORIC_WORDS and t.dep_ not in {"det", "amod", "predet"})
                or (t.lower_ == "such" and nxt not in {"as", "a", "an"})
                or (t.lower_ == "such" and nxt in {"a", "an"} and _such_of_before(t, analysis))
                or (t.lower_ in {"both", "each", "either"} and _relational_head(t))
            )
        ):
            return f"anaphoric {t.text!r}"
        if (
            t.lower_ in TIME_POINTERS
            and t.pos_ in {"ADV", "ADP", "SCONJ"}
            and not any(c.dep_ in {"pobj", "pcomp"} or c.i > t.i for c in t.children)
            and t.dep_ in {"advmod", "prep", "npadvmod"}
        ):
            return f"pointer {t.text!r}"
        if t.lower_ in PLACE_POINTERS and t.dep_ == "advmod":
            return f"pointer {t.text!r}"
        if t.lower_ in COMPARING_ADVERBS and t.dep_ == "advmod":
            return f"pointer {t.text!r}"  # 'were likewise frosted': like what?
        if definite and _elapsed(t):
            return f"pointer {t.text!r}"  # 'By 32 seconds, …': 32 seconds into what?
        if (
            t.lower_ in {"one", "ones"}
            and t.pos_ in {"NUM", "PRON", "NOUN"}
            and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "attr"}
            and not any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
            and not any(c.dep_ in {"amod", "compound", "relcl", "acl"} for c in t.children)
        ):
            return "anaphoric 'one'"  # 'One was Jim's watch': one of what?
        if (
            t.pos_ == "NOUN"
            and t.dep_ not in {"compound", "npadvmod"}
            and [c.lower_ for c in t.children] == ["the"]
            and t.i - 1 in ids
            and (
                (
                    t.text.islower()
                    and (t.lower_ in RELATIONAL_NOUNS or t.lemma_ in RELATIONAL_NOUNS)
                    and analysis.mentions(f"the {t.text}") < MIN_BARE_MENTIONS
                    and t.ent_type_ not in {"DATE", "TIME"}
                )
                # 'The term became useful …': which term, however often it is said?
                or (t.lemma_.lower() in WORDING_NOUNS and not _quoted_after(t))
            )
        ):
            return f"bare 'the {t.text}'"
        if definite and points_back(t, ids, analysis):
            return f"definite 'the {t.text}'"
        if _implicit_of(t):
            return f"implicit '{t.text} of'"  # 'Commercial use began in …': use of what?
    return ""


# nouns for a piece of wording: 'the word', 'the term' with nothing after them to say which
# one point back to a word named before ('The term became useful …')
WORDING_NOUNS = frozenset("word term name phrase expression title label".split())


def _quoted_after(noun: Token) -> bool:
    """'the word “event”', 'the term New York minute', 'the name Aotearoa': the wording
    itself right after the noun (and 'the term limits movement', a noun the parse split)."""
    nxt = noun.nbor(1) if noun.i + 1 < len(noun.doc) else None
    return nxt is not None and (
        nxt.is_quote
        or nxt.text in {"\u201c", "\u2018"}
        or nxt.pos_ in {"NOUN", "PROPN", "ADJ", "NUM", "X"}
        or nxt.dep_ == "compound"
        or nxt.is_title
    )


# nouns of an action that say what they act on with 'of': without it, as the subject of a
# sentence cut from its paragraph, 'commercial use', 'the release' name nothing
ACTION_NOUNS = frozenset(
    "use release production construction development launch sale sales introduction design "
    "adoption operation completion opening closure expansion decline".split()
)


def _such_of_before(such: Token, analysis: Analysis) -> bool:
    """'patented such an achromatic lens': a 'such a' that points to the kind an earlier
    sentence described (its noun is said there), not one that says how much ('such a storm
    that the roads closed', 'It was such a cold night')."""
    noun = such.head
    if noun.pos_ != "NOUN" or noun.dep_ in {"attr", "acomp"}:
        return False  # 'It was such a cold night': an exclamation, not a pointer
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    if after is not None and after.lower_ in {"that", "as"}:
        return False  # 'such a storm that …': the clause after it says how much
    return analysis.introduced_before(noun)


def _implicit_of(t: Token) -> bool:
    """An action noun as a clause's subject with nothing to say what it acts on: no 'of'
    phrase, possessor, compound or clause of its own ('Commercial use began in 2001')."""
    return (
        t.pos_ == "NOUN"
        and t.dep_ in {"nsubj", "nsubjpass"}
        and t.lemma_.lower() in ACTION_NOUNS
        and not any(
            c.dep_ in {"poss", "compound", "relcl", "acl", "nmod"}
            or (c.dep_ == "prep" and c.lower_ in {"of", "by", "for"})
            for c in t.children
        )
    )


UNITS_OF_TIME = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}


def _elapsed(t: Token) -> bool:
    """'by 32 seconds', 'after three years', 'within minutes': a stretch of time counted from
    a moment the phrase does not name."""
    if t.dep_ != "prep" or t.lower_ not in {"by", "after", "within", "in"}:
        return False
    objects = [c for c in t.children if c.dep_ == "pobj"]
    if len(objects) != 1:
        return False
    noun = objects[0]
    return (
        noun.lemma_.lower() in UNITS_OF_TIME
        and noun.tag_ == "NNS"
        and not any(c.dep_ in {"prep", "relcl", "acl", "poss", "det"} for c in noun.children)
        and not (t.lower_ == "in" and t.head.pos_ == "NOUN")
    )


def lonely_definite(tokens: list[Token], analysis: Analysis) -> str:
    """A bare definite common noun the whole passage says just this once ('the art', 'the
    name', 'the day'): on its own, as a true/false statement stands, it names nothing the
    student can find ('' when there is none). Stricter than :func:`anaphoric`, which a
    question's words pass: a question points to its sentence, a statement has to carry it."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if not _common_head(t):
            continue
        dets = [c for c in t.children if c.dep_ == "det"]
        if (
            [c.lower_ for c in dets] != ["the"]
            or any(c.dep_ not in {"det", "predet", "cc", "conj", "punct"} for c in t.children)
            or dets[0].i not in ids
        ):
            # only a bare 'the N' ('all the men and women' too): a word more may say which
            # ('the 1996 appointment')
            continue
        if analysis.mentions(f"the {t.text}") < 2 and analysis.mentions(t.text) < 2:
            return f"'the {t.text}' said once"
    return ""


NEGATIVE_INVERTERS = {"never", "nor", "seldom", "rarely", "hardly", "scarcely", "nowhere"}


def _inverted(verb: Token) -> bool:
    """'never had the grandmother been so beautiful': an auxiliary after a negative adverb and
    before its own subject, which the parser may take for a main verb 'had' (whose subject it
    then borrows) or for an auxiliary of 'been'."""
    doc = verb.doc
    if verb.lemma_ not in {"have", "be", "do"} or verb.i == 0:
        return False
    if doc[verb.i - 1].lower_ not in NEGATIVE_INVERTERS:
        return False
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    return nxt is not None and nxt.pos_ in {"DET", "NOUN", "PROPN", "PRON"}


def _framed(head: Token) -> bool:
    """'It is a truth that …', 'It is likely that …': a copula with an empty 'it' for its
    subject, whose clause is what the frame judges, not a fact the passage states."""
    return head.lemma_ == "be" and any(
        c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children
    )


def _relational_head(det: Token) -> bool:
    """'in each case', 'both explanations': 'each', 'both' or 'either' before a noun that
    stands for things named elsewhere (a relational or abstract noun with nothing after it)."""
    noun = det.head
    if det.dep_ not in {"det", "predet"} or noun.pos_ != "NOUN":
        return False
    if any(c.dep_ in IDENTIFYING_DEPS for c in noun.children):
        return False
    return (
        det.lower_ == "both"
        or noun.lemma_ in RELATIONAL_NOUNS
        or lexicon.abstract_noun(noun.lemma_)
    )


# a definite noun the reader knows without being told which ('the sun', 'the world')
UNIQUE_NOUNS = {
    "sun",
    "moon",
    "earth",
    "world",
    "sky",
    "air",
    "ground",
    "wind",
    "sea",
    "ocean",
    "universe",
    "weather",
    "past",
    "future",
    "public",
}
# what makes 'the N' name one thing: 'the bridge over the river', 'the man who ...'
IDENTIFYING_DEPS = {"prep", "relcl", "acl", "poss", "compound", "appos", "nmod", "npadvmod"}
MIN_DEFINITE_MENTIONS = 3
CHARACTER_MENTIONS = 4  # a person noun said this often, in any form, names a character
ORDINAL_WORDS = {"first", "second", "third", "last", "only", "main", "whole", "entire"}


def _common_head(t: Token) -> bool:
    """A lower-case common noun heading its phrase, not one every reader knows ('the sun')."""
    return (
        t.pos_ == "NOUN"
        and t.text.islower()
        and t.dep_ not in {"compound", "npadvmod"}
        and t.lemma_.lower() not in UNIQUE_NOUNS
    )


def points_back(t: Token, ids: set[int], analysis: Analysis) -> bool:
    """'the green branches', 'the son': a definite common noun with nothing to say which,
    whose kind an earlier sentence has already brought in, and that the passage does not keep
    coming back to. It stands for the thing of that sentence, which the student does not see
    ('the man' of a story, said throughout, is clear)."""
    if not _common_head(t) or t.ent_type_ in {"DATE", "TIME"}:
        return False
    det = [c for c in t.children if c.dep_ == "det"]
    if [d.lower_ for d in det] != ["the"] or det[0].i not in ids:
        return False
    if any(c.dep_ in IDENTIFYING_DEPS for c in t.children):
        return False
    if any(
        c.dep_ in {"amod", "nummod"} and (c.tag_ in {"JJS", "RBS"} or c.lower_ in ORDINAL_WORDS)
        for c in t.children
    ):
        return False  # 'the largest city', 'the first time': the modifier says which
    start = min(c.left_edge.i for c in det)
    phrase = " ".join(w.lower_ for w in t.doc[start : t.i + 1])
    if analysis.mentions(phrase) >= MIN_DEFINITE_MENTIONS:
        return False
    # a story's 'the door' or 'the brush' is the one thing of its kind in the scene; a
    # described one ('the green branches', 'the two objects'), an abstract one ('the value')
    # or a person or animal named by its kind ('the son', 'the animal') stands for the one a
    # sentence before has brought in
    described = any(c.dep_ in {"amod", "nummod"} for c in t.children)
    abstract = lexicon.abstract_noun(t.lemma_)
    # a person or animal the story keeps naming by its kind ('the father', 'the dog') is
    # one of its characters
    living = lexicon.living_noun(t.lemma_) and analysis.mentions(t.text) < CHARACTER_MENTIONS
    # 'the cars' after 'two cars': a plural names the set a sentence before counted out,
    # where a story's singular 'the door' is the one of the scene
    plural = t.tag_ == "NNS"
    # outside a story, there is no scene: 'the collar' after 'a collar' is that one collar
    kind = described or abstract or living or plural or not analysis.narrative()
    # said just this once, a described one ('the green branches', 'the orbital outpost')
    # leans on a sentence before even when that sentence calls it something else
    once = analysis.mentions(phrase) < 2 and analysis.mentions(t.text) < 2
    # 'the structure' after 'the pyramid', 'the animal' after 'the dog': a noun of a kind
    # an earlier one belongs to names that one again
    if kind and (analysis.introduced_before(t) or described and once):
        return True
    return analysis.hyponym_before(t)


# an appositive of these types says when or how much, not what the noun is called
NOT_NAMES_OF_THINGS = {"TIME", "DATE", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}


def named(noun: Token) -> Token | None:
    """The name a common noun is given beside it: 'the commander, Maj. Gen. Qasem Soleimani';
    'a green pigment called chlorophyll'."""
    if noun.pos_ != "NOUN" or any(c.dep_ == "conj" for c in noun.children):
        return None  # 'her daughter Irène and Irène's husband': the name is of one of two
    for child in noun.children:
        if (
            child.dep_ == "appos"
            and child.pos_ == "PROPN"
            and child.ent_type_
            and child.ent_type_ not in NOT_NAMES_OF_THINGS
        ):
            return child  # not 'China Standard Time', the time an earthquake struck
        if child.dep_ == "acl" and child.lemma_ in NAMING_VERBS:
            target = next((c for c in child.children if c.dep_ in {"oprd", "attr", "dobj"}), None)
            if target is None:  # 'known as X'
                prep = next(
                    (c for c in child.children if c.dep_ == "prep" and c.lower_ == "as"), None
                )
                target = (
                    next((c for c in prep.children if c.dep_ == "pobj"), None) if prep else None
                )
            if target is not None and target.pos_ in {"NOUN", "PROPN"}:
                return target
    return None


def _phrase(
    role: str,
    head: Token,
    analysis: Analysis,
    paragraph: int,
    tokens: list[Token] | None = None,
    bound: str = "",
) -> Phrase:
    name = named(head) if role in {"subject", "object"} else None
    if name is not None:  # ask of the name, not of the noun it explains
        head, tokens = name, phrase_tokens(name, keep_restrictive=False)
    tokens = tokens if tokens is not None else phrase_tokens(head)
    if not tokens:
        raise Unresolved("empty")
    if any(_stranded(t) for t in tokens if t.dep_ == "relcl"):
        raise Unresolved("relative clause hung on a noun far from it")
    kept = {t.i for t in tokens}
    if any(_alternative_aside(t, kept) for t in head.subtree):
        # 'one person (or a very small group) holds absolute power': the parenthesis the
        # phrase would lose is part of what it says
        raise Unresolved("alternative in parentheses")
    why = anaphoric(tokens, analysis)
    if why:
        raise Unresolved(why)
    text, resolved, loose = _render(tokens, analysis, paragraph, bound, loose_ok=_cause(head))
    return Phrase(
        role=role,
        head=head,
        tokens=tokens,
        text=text,
        cluster=analysis.cluster_of(paragraph, head),
        loose=loose,
        resolved=resolved,
    )


def _alternative_aside(t: Token, kept: set[int]) -> bool:
    """'(' opening 'or …', 'and …', 'nor …' that joins something to a word the phrase keeps
    ('one person (or a very small group)'), the parenthesis itself left out of it."""
    if t.text not in "([" or t.i in kept or t.i + 1 >= len(t.doc):
        return False
    cc = t.doc[t.i + 1]
    return cc.dep_ == "cc" and cc.lower_ in {"or", "and", "nor"} and cc.head.i in kept


def _stranded(relcl: Token) -> bool:
    """A relative clause the parse hung on a noun that words of another phrase stand between:
    'gave lessons to boys in the boarding house that the Chopins kept' read as 'lessons that
    the Chopins kept'. What the clause says is then of the wrong thing."""
    noun = relcl.head
    own = {t.i for t in noun.subtree}
    return any(i not in own for i in range(noun.i + 1, relcl.left_edge.i))


ROLE_OF = {
    "dobj": "object",
    "obj": "object",
    "attr": "attr",
    "acomp": "attr",
    "oprd": "attr",
    "prep": "prep",
    "agent": "agent",
    "advmod": "adverb",
    "npadvmod": "adverb",
    "dative": "dative",
    "ccomp": "clause",
    "xcomp": "clause",
    "prt": "particle",
    "advcl": "clause",
    "tmod": "adverb",
    "pcomp": "prep",
}


def _subject(verb: Token, analysis: Analysis, paragraph: int, floor: int = 0) -> Phrase | None:
    """The verb's subject; inherited along coordination; a relative pronoun becomes its noun.
    A noun before ``floor`` (a news dateline) is never one."""
    node = verb
    while True:
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS and c.i >= floor]
        if len(subjects) > 1 and all(s.dep_ in NOMINAL_SUBJECT_DEPS for s in subjects):
            return None  # 'The name | Montana was added': one subject the parse cut in two
        if subjects:
            subj = subjects[0]
            break
        if node.dep_ == "conj" and node.head.pos_ in {"VERB", "AUX"}:
            node = node.head
            continue
        return None
    if any(t.lower_.startswith(CROSS_REFERENCE_WORDS) for t in (subj, subj.left_edge)) and (
        CROSS_REFERENCE.match(subj.text) or CROSS_REFERENCE.match(_join(list(subj.subtree)))
    ):
        return None  # 'Figure 4.20 shows ...': a pointer to a page the student does not have
    if subj.lower_ in RELATIVIZERS or subj.tag_ in {"WDT", "WP"}:
        if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
            return None
        noun = _relative_head(verb, subj)
        if noun is None or _indefinite(noun) or noun.dep_ == "attr":
            # 'Its capital is five billion euros, which is held by …': what the noun is, the
            # copula's subject says; 'Five billion euros is held by …' has lost it
            return None
        return _phrase(
            "subject", noun, analysis, paragraph, phrase_tokens(noun, keep_restrictive=False)
        )
    if (
        subj.pos_ == "PRON"
        and subj.lower_ not in PERSONAL_PRONOUNS
        and not (subj.text == "I" and analysis.narrated())  # a story's narrator
        and topic_it(subj, analysis, paragraph) is None
    ):
        return None  # they, this, someone, most of the it's: no safe antecedent
    if any(c.dep_ == "appos" and c.ent_type_ == "TIME" for c in subj.children):
        return None  # 'The earthquake, …, China Standard Time at epicenter …, killed': a clock
        # time the parse took for another name of the subject (unlike 'Spectre (2015)'), and
        # the rest of its parse is no safer
    if subj.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"} or (
        subj.pos_ == "PROPN"
        and not subj.ent_type_
        and subj.n_lefts + subj.n_rights == 0
        and any(t.text == subj.lower_ for t in subj.doc)
    ):
        return None  # 'Round went the wheel': a capital word the text also writes in lower case
    role = "subject"
    return _phrase(role, subj, analysis, paragraph)


def _indefinite(noun: Token) -> bool:
    """'Beyoncé creates songs that are often characterized by themes of love': a relative
    clause on the object of a verb, a common noun with no article or with 'a' or 'some',
    picks out some of its kind, so what it says of them is no fact about the noun ('Songs
    are often characterized by …' says it of every song)."""
    if noun.pos_ != "NOUN" or noun.dep_ not in {"dobj", "dative", "oprd", "appos"}:
        return False  # 'results from motions of the water that ...': said of water in general
    dets = [c.lower_ for c in noun.children if c.dep_ in {"det", "poss", "nummod"}]
    if dets and dets[0] not in {"a", "an", "some", "any", "many", "several"}:
        return False
    # said of one event or one named doer ('Beyoncé creates songs', 'Tom bought apples'), not
    # in general ('Forces produce motions of the water that result in tides')
    verb = noun.head
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    specific = bool(subjects) and (
        subjects[0].pos_ in {"PROPN", "PRON"}
        or any(c.dep_ in {"det", "poss"} for c in subjects[0].children)
    )
    return specific or verb.tag_ == "VBD"


def _relative_head(verb: Token, relativizer: Token) -> Token | None:
    """The noun a relative clause's subject stands for. The parser hangs the clause on the
    nearest noun, which in 'motions of the water that result in ...' or 'a Frenchman from
    Lorraine who had emigrated' is the wrong one: the verb's number ('result', not
    'results') or 'who' (a person, not a place) says so, and the noun the phrase belongs to
    is taken instead; None when neither fits."""
    noun = verb.head
    candidates = [noun]
    if noun.dep_ == "pobj" and noun.head.head.pos_ in {"NOUN", "PROPN"}:
        candidates.append(noun.head.head)  # 'motions of the water', 'a Frenchman from Lorraine'
    fits = [n for n in candidates if _agrees(verb, n) and _relativizer_fits(relativizer, n)]
    if (
        len(fits) == 2
        and relativizer.lower_ in {"who", "whom"}
        and _person_like(fits[1])
        and (noun.head.lower_ == "from" or not _person_like(fits[0]))
    ):
        # 'a Frenchman from Lorraine who had emigrated': the man, not his home; 'a pianist of
        # the Romantic era, who wrote …': the pianist, not the era
        return fits[1]
    return fits[0] if fits else None


def _person_like(noun: Token) -> bool:
    """A person's name or a noun for a person or an animal: what 'who' stands for."""
    lemma = noun.lemma_.lower()
    return noun.ent_type_ == "PERSON" or lemma in person_nouns() or living_noun(lemma)


def _agrees(verb: Token, noun: Token) -> bool:
    """A present-tense verb agrees in number with its subject: 'results' with 'water'."""
    plural = noun.tag_ in {"NNS", "NNPS"}
    if verb.tag_ == "VBZ":
        return not plural
    if verb.tag_ == "VBP":
        return plural or noun.tag_ in {"NNP", "NN"} and noun.lower_ in {"people", "police"}
    return True


def _relativizer_fits(relativizer: Token, noun: Token) -> bool:
    """'who' for a person, not a place or an organization's building."""
    if relativizer.lower_ not in {"who", "whom"}:
        return True
    return noun.ent_type_ not in {"GPE", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "PRODUCT"}


def _referent_text(subject: Phrase) -> str:
    """The name a subject goes by: what a possessive pronoun bound to it would resolve to."""
    if subject.cluster is not None:
        return subject.cluster.short
    return subject.text


TIME_MARKS = frozenset({"before", "after", "when", "until", "till", "since", "while"})
TIME_NOUNS = lexicon.TIME_UNITS | {
    "time",
    "moment",
    "morning",
    "evening",
    "afternoon",
    "period",
    "season",
    "era",
}


def _identifies_time(advcl: Token) -> bool:
    """A 'before …', 'when …' clause right after a definite time noun it tells apart: 'during
    the whole week before I killed him', 'on the day when the war ended'."""
    if not any(c.dep_ in {"mark", "advmod"} and c.lower_ in TIME_MARKS for c in advcl.children):
        return False
    start = advcl.left_edge.i
    if start == 0:
        return False
    noun = advcl.doc[start - 1]
    return (
        noun.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"the", "that"} for c in noun.children)
        and noun.lemma_.lower() in TIME_NOUNS
    )


def _verb_group(verb: Token) -> tuple[list[Token], bool]:
    aux = [c for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i]
    negated = any(c.dep_ == "neg" for c in verb.children)
    return aux, negated


def _clause_ok(verb: Token) -> bool:
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in CLAUSE_DEPS:
        return False
    if _prefixed(verb):
        return False  # 're-discovered': the tokenizer's 'discovered' alone says another thing
    if verb.dep_ == "conj" and not (
        verb.head.pos_ in {"VERB", "AUX"} and lexicon.is_verb(verb.head.lemma_.lower())
    ):
        return False  # 'NASA astronauts … returned': a verb joined to a noun the parse took
        # for the sentence's verb; its subject is then a piece of a list
    if verb.tag_ in {"VBG", "VB", "VBN"} and not any(c.dep_ in AUX_DEPS for c in verb.children):
        return False  # a bare participle or infinitive is not a statement
    if verb.tag_ in {"VBD", "VBZ", "VBP"} and not grammar.is_verb_form(
        verb.text, verb.lemma_, verb.tag_
    ):
        return False  # 'NASA astronauts ...', 'born' as a past tense: the tagger slipped
    if any(c.dep_ == "aux" and c.lower_ in MODALS_OF_POSSIBILITY for c in verb.children):
        return False  # 'might be presented': a possibility is not a fact
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & CONDITIONAL_MARKS:
        return False
    if verb.dep_ == "advcl" and not marks & {"because", "when", "after", "since"}:
        return False
    # 'cause Earth to distort': an infinitive is not a statement
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _inside(token: Token, segments: list[Span]) -> bool:
    return any(seg.start <= token.i < seg.end for seg in segments)


# verbs that report what someone said or believed: what follows them is not the passage's fact
REPORTING_VERBS = SPEECH_VERBS | {
    "think",
    "believe",
    "hope",
    "fear",
    "know",
    "suppose",
    "feel",
    "guess",
    "imagine",
    "wish",
    "boast",
    "promise",
    "pretend",
    "dream",
    "doubt",
    "expect",
    "assume",
    "deny",
    "allege",
    "complain",
    "suggest",
    "contend",
    "maintain",
    "speculate",
    "worry",
}
MODALS_OF_POSSIBILITY = {"might", "may", "could", "would", "should", "ought"}
HYPOTHETICAL_STARTS = ("if ", "suppose ", "imagine ", "assume ", "unless ", "what if ")


def hypothetical(sentence: Span) -> bool:
    """'If Earth were made of water, it would distort': nothing in it is a fact."""
    text = text_of(sentence).strip().lower()
    return text.startswith(HYPOTHETICAL_STARTS) or (
        ("would" in text or "might" in text)
        and any(
            t.lower_ in {"would", "might"} and t.dep_ == "aux" and t.head.dep_ == "ROOT"
            for t in sentence
        )
    )


NOT_PARTS = SUBJECT_DEPS | AUX_DEPS | SKIP_DEPS | {"neg", "relcl"}  # of a clause's verb

# subordinators of a cause or a purpose: 'because floods had weakened it', 'so that ...'
CAUSE_MARKS = {"because", "since", "so"}
CAUSE_PREPS = ("because of", "due to", "as a result of", "owing to", "on account of", "thanks to")
# a result connective: the sentence before gives the cause of this one
RESULT_CONNECTIVES = (
    "as a result",
    "as a consequence",
    "consequently",
    "therefore",
    "thus",
    "hence",
    "for this reason",
    "because of this",
)
# claims and beliefs: what follows them is someone's view, asked only with its source named
CLAIM_VERBS = {
    "argue",
    "suggest",
    "claim",
    "assume",
    "believe",
    "think",
    "allege",
    "contend",
    "maintain",
    "assert",
    "hypothesize",
    "propose",
    "estimate",
    "predict",
    "speculate",
    "insist",
}
# what follows these is not asserted by anyone: a hope, a fear, a denial
NONFACTUAL_VERBS = {
    "hope",
    "fear",
    "wish",
    "dream",
    "doubt",
    "deny",
    "pretend",
    "imagine",
    "suppose",
    "guess",
    "promise",
    "boast",
    "expect",
    "wonder",
    "feel",
}
HEDGE_ADJECTIVES = {
    "possible",
    "likely",
    "probable",
    "unlikely",
    "unclear",
    "uncertain",
    "doubtful",
    "conceivable",
    "plausible",
}
HEDGE_ADVERBS = {
    "perhaps",
    "possibly",
    "probably",
    "reportedly",
    "allegedly",
    "apparently",
    "supposedly",
    "likely",
    "maybe",
    "presumably",
    "arguably",
}
NEGATIONS = {"not", "n't", "never", "\u2019t"}


def _cause(head: Token) -> bool:
    """A cause, purpose or means constituent: 'because floods had weakened it', 'so that
    the town would be safe', 'due to the drought', 'by flooding the fields'."""
    if head.dep_ == "advcl":
        return bool({c.lower_ for c in head.children if c.dep_ == "mark"} & CAUSE_MARKS)
    if head.dep_ == "prep":
        text = " ".join(t.lower_ for t in islice(head.subtree, 4))
        return text.startswith(CAUSE_PREPS) or (
            head.lower_ == "by"
            and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in head.children)
        )
    return False


def _named_by_its_clause(verb: Token, subject: Phrase, analysis: Analysis) -> bool:
    """A relative clause whose noun only it identifies: 'The work that made Marie famous also
    harmed her health' holds 'The work made Marie famous', but which work? ('the' and the
    noun alone, no comma before the relative clause, and a noun the passage does not say
    often enough to be the one: 'the man who lived next door' in a story about the man is
    still the man.)"""
    noun = verb.head
    if verb.dep_ != "relcl" or noun.pos_ != "NOUN" or subject.head.i != noun.i:
        return False
    if verb.left_edge.i > 0 and noun.doc[verb.left_edge.i - 1].text == ",":
        return False  # 'the work, which …': it was identified before the clause
    others = [c for c in noun.children if c.i != verb.i and c.dep_ not in {"det", "amod"}]
    dets = [c.lower_ for c in noun.children if c.dep_ == "det"]
    if others or dets != ["the"]:
        return False
    return analysis.mentions(f"the {noun.text}") < MIN_BARE_MENTIONS


def _comma_before_verb(subject: Token, verb: Token) -> bool:
    """A comma between a subject and its verb that closes no aside: 'The Hooker Telescope,
    finished in 1917, allowed Hubble …' parsed with 'finished' as the verb. English sets no
    comma there but after an aside the commas enclose ('Bond, who was captured, escapes')."""
    if subject.head.i != verb.i or subject.i > verb.i or verb.i == 0:
        return False
    before = verb.doc[verb.i - 1]
    if before.text != "," or subject.right_edge.i != before.i:
        return False
    return sum(t.text == "," for t in subject.subtree) % 2 == 1


def _title_before(child: Token, subject: Phrase) -> bool:
    """'In 1611 the German astronomer Johannes Kepler proposed …': a noun for a person right
    before a named subject, no comma between, that the parse hung on the verb; it describes
    the name (without it the clause says the same), and asked apart it would be moved away
    from it ('… in his book the German astronomer?')."""
    return (
        child.dep_ == "npadvmod"
        and child.pos_ == "NOUN"
        and child.lemma_.lower() in person_nouns()
        and child.right_edge.i + 1 == subject.start
        and subject.tokens[0].pos_ == "PROPN"
    )


def fronted_reason(clause_head: Token, main: Token) -> bool:
    """'Because the Moon will be more distant, eclipses ...', 'So that no one would see, ...',
    'To reach the coast, they ...': an adverbial clause before the subject that gives the main
    clause's cause or purpose (a causal 'since' only, see :func:`causal_since`)."""
    if clause_head.dep_ != "advcl" or clause_head.i > main.i:
        return False
    marks = {c.lower_ for c in clause_head.children if c.dep_ == "mark"}
    finite = any(c.dep_ in SUBJECT_DEPS for c in clause_head.children)
    if marks & {"because", "since"}:
        return finite and ("because" in marks or causal_since(clause_head, main))
    if marks:
        return finite and {"so", "that"} <= marks
    # 'To reach the coast, ...': a bare infinitive of purpose opening the sentence
    return (
        clause_head.tag_ == "VB"
        and not finite
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause_head.children)
        and clause_head.left_edge.i == clause_head.sent.start
        and any(c.dep_ in {"dobj", "prep", "attr", "acomp"} for c in clause_head.children)
    )


def causal_since(clause_head: Token, main: Token) -> bool:
    """'since floods had weakened it' gives a cause; 'has lived here since he was a child'
    a time: after a perfect tense, or with a date in it, 'since' is temporal."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in main.children)
    return not perfect and not any(t.ent_type_ in {"DATE", "TIME"} for t in clause_head.subtree)


def dateline_end(sentence: Span) -> int:
    """'WEST PALM BEACH, Fla. \u2014 Iran's top ...': the index after a news dateline's dash at
    the start of a paragraph, or the sentence's start when it has none."""
    if sentence.start != 0 or not sentence[0].is_upper or len(sentence[0].text) < 2:
        return sentence.start
    for t in sentence[:12]:
        if t.text in {"\u2014", "\u2013", "--", "-"} and t.i > 0:
            return t.i + 1
    return sentence.start


def _reporter(verb: Token) -> tuple[Token, str] | None:
    """The verb a clause is reported under ('said' in 'officials said X fired ...') and how
    it reports: 'speech', 'claim' or 'nonfactual'; None when the clause is the passage's own."""
    node = verb
    while node.dep_ != "ROOT" and node.head.i != node.i:
        if node.dep_ == "ccomp" or (node.dep_ == "conj" and node.head.dep_ == "ccomp"):
            head = node.head if node.dep_ == "ccomp" else node.head.head
            if head.lemma_ in NONFACTUAL_VERBS or any(c.dep_ == "neg" for c in head.children):
                return head, "nonfactual"
            if head.lemma_ in CLAIM_VERBS:
                return head, "claim"
            if head.lemma_ in SPEECH_VERBS:
                return head, "speech"
            if head.lemma_ == "be" and any(
                c.dep_ == "acomp" and c.lower_ in HEDGE_ADJECTIVES for c in head.children
            ):
                return head, "nonfactual"  # 'it is possible that ...'
        node = node.head
    return None


# of the discourse words, those that say when or how often when they stand inside the clause
# ('the university first offered graduate degrees in 1854'): dropped, the fact changes
SAYS_WHEN = {"first", "again", "already", "later", "soon", "once", "only", "just", "finally"}


def _inside_clause(adverb: Token, subject) -> bool:
    """An adverb after the clause's subject and not set off by a comma: part of what the
    clause says, not a link to the sentence before ('First, the ...', 'Later, he ...')."""
    nxt = adverb.doc[adverb.i + 1] if adverb.i + 1 < len(adverb.doc) else None
    return adverb.i > subject.tokens[-1].i and not (nxt is not None and nxt.text == ",")


def _prefixed(verb: Token) -> bool:
    """A verb written with a hyphened prefix the tokenizer split off: 're-discovered',
    'co-founded' ('did not discover' denies what the passage does not say)."""
    doc = verb.doc
    return (
        verb.i >= 2
        and doc[verb.i - 1].text == "-"
        and not doc[verb.i - 1].whitespace_
        and not doc[verb.i - 2].whitespace_
        and doc[verb.i - 2].is_alpha
    )


def _hedged(verb: Token) -> bool:
    """'probably caused', 'reportedly fired': the passage does not vouch for it."""
    return any(c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS for c in verb.children)


def _denied(verb: Token) -> bool:
    """'It was not the old man who vexed me': a relative clause on what a negated copula
    says it is not."""
    noun = verb.head
    return (
        verb.dep_ == "relcl"
        and noun.dep_ == "attr"
        and any(c.dep_ == "neg" for c in noun.head.children)
    )


def clauses(sentence: Span, paragraph: int, analysis: Analysis) -> Iterator[Clause]:
    """The simple clauses of a sentence that a question can be asked of.

    Quoted speech is left out: what a character says is not a fact of the passage, and the
    parse of dialogue is the least reliable.
    """
    if hypothetical(sentence) or (
        "?" in text_of(sentence) and any(t.text == "?" for t in sentence)
    ):
        return  # nothing in a hypothetical is a fact, nor in a question the text asks
    quoted = quoted_segments(sentence.doc)
    floor = dateline_end(sentence)
    for verb in sentence:
        if not _clause_ok(verb) or _inside(verb, quoted) or verb.i < floor:
            continue
        if verb.lemma_ in SPEECH_VERBS | CLAIM_VERBS | NONFACTUAL_VERBS and any(
            c.dep_ == "ccomp" for c in verb.children
        ):
            continue  # 'X said that ...': the quotation and the reported clause are asked apart
        if _hedged(verb) or _denied(verb):
            continue
        try:
            attribution = ""
            report = _reporter(verb)
            if report is not None:
                reporter, how = report
                if how == "nonfactual":
                    continue
                attribution = _attribution(reporter, analysis, paragraph)
            if _inverted(verb):
                continue  # '…, and never had the grandmother been so tall', read as 'had'
            if _contrasted(verb):
                continue  # 'he instead attacks by biting': instead of what?
            subject = _subject(verb, analysis, paragraph, floor)
            if subject is None or (quoted and any(_inside(t, quoted) for t in subject.tokens)):
                continue
            if subject.text == NARRATOR["i"] and verb.lemma_ in INNER_VERBS:
                continue  # 'I loved the old man': a narrator's word for his own heart, no fact
            if subject.head.head.i != verb.i and any(c.dep_ == "expl" for c in verb.children):
                continue  # '…, and there are large communities': no subject carried over
            if _named_by_its_clause(verb, subject, analysis):
                continue  # 'The work that made Marie famous …' -> 'The work made Marie famous'
            if _comma_before_verb(subject.head, verb):
                continue  # 'The Hooker Telescope, finished in 1917, allowed …' read as 'finished'
            if subject.head.i > verb.i and verb.dep_ != "relcl":
                continue  # 'Round went the wheel': an inverted clause is parsed least reliably
            aux, negated = _verb_group(verb)
            if any(a.i < subject.start for a in aux):
                continue  # 'Never had the grandmother been so tall', 'Had he known': inverted
            negation = next((c.lower_ for c in verb.children if c.dep_ == "neg"), "not")
            parts: list[Phrase] = []
            fronted: list[Phrase] = []
            before: list[Token] = []
            cause_before = None
            reasons: list[Phrase] = []
            # 'changed the font and, in most cases, split the screen': what stands between
            # the 'and' and the verb joined by it belongs to that verb
            joins = [
                (cc.i, conj.i)
                for cc in verb.children
                if cc.dep_ == "cc" and cc.i > verb.i
                for conj in verb.children
                if conj.dep_ in {"conj", "advcl"} and conj.i > cc.i and conj.pos_ in {"VERB", "AUX"}
            ]
            for child in verb.children:
                if child.dep_ == "dep" and child.i > verb.i and not child.is_punct:
                    # 'is the combination of the Greek | prefix geno- …': a word the parser
                    # could not place; the clause without it is cut short of what it says
                    raise Unresolved("unplaced word")
                if child.dep_ in NOT_PARTS:
                    continue
                if any(cc < child.i < conj for cc, conj in joins):
                    continue
                if _title_before(child, subject):
                    continue  # 'the German astronomer Johannes Kepler': the name's own title
                if child.i < subject.start and fronted_reason(child, verb):
                    reason = _reason(child, analysis, paragraph, quoted, _referent_text(subject))
                    reasons.extend([reason] if reason is not None else [])
                    continue
                words = _join(list(child.subtree)).lower()
                if child.dep_ in {"advmod", "prep"} and words.startswith(RESULT_CONNECTIVES):
                    if verb.dep_ == "ROOT" and sentence.start > 0 and child.i < verb.i:
                        cause_before = sentence.doc[sentence.start - 1].sent
                    continue  # 'As a result, ...': the cause is the sentence before
                if child.dep_ == "prep" and words.startswith("according to"):
                    pobj = next((c for c in child.subtree if c.dep_ == "pobj"), None)
                    if pobj is None:
                        raise Unresolved("according to")
                    attribution = _phrase("other", pobj, analysis, paragraph).text
                    continue
                if child.dep_ in {"advmod", "prep", "npadvmod"} and words.startswith(
                    DROPPED_CONNECTIVES
                ):
                    continue  # 'for example', 'in addition': the question stands without it
                if (
                    child.dep_ in {"prep", "advmod", "advcl"}
                    and child.i < subject.start
                    and words.startswith(FRONTED_COMPARISONS)
                ):
                    continue  # 'As at most other universities, …': a comparison, not the fact
                if child.dep_ == "prep" and child.lower_ in SUBORDINATORS:
                    raise Unresolved("split clause")  # 'offer PhD programs, while a … (M.'

                if (
                    child.dep_ in {"advmod", "cc"}
                    and child.lower_ in DISCOURSE
                    and not (child.lower_ in SAYS_WHEN and _inside_clause(child, subject))
                ):
                    continue  # 'First, …', 'However …': a link to the text around it
                if child.dep_ == "advcl" and not _clause_ok(child) and child.i < verb.i:
                    continue
                if child.dep_ in {"ccomp", "advcl"} and child.i < subject.start:
                    continue  # a quotation or clause before the subject belongs elsewhere
                if (
                    child.dep_ == "advcl"
                    and child.tag_ in {"VBG", "VBN"}
                    and not any(c.dep_ in AUX_DEPS for c in child.children)
                ):
                    continue  # 'killing an American contractor': a participle is a fact apart
                # (an 'xcomp' participle is the verb's complement, and stays: 'the cell towers
                # kept working'; without it, 'did not keep')
                if (
                    child.dep_ == "advcl"
                    and child.tag_ in {"VBD", "VBZ", "VBP"}
                    and child.i > verb.i
                    and not any(c.dep_ in SUBJECT_DEPS | {"expl"} for c in child.children)
                    and not any(c.dep_ == "mark" for c in child.children)
                ):
                    # 'tribes as large game became extinct': a finite clause whose subject the
                    # parse gave to the phrase before it; that phrase would be cut mid-clause
                    raise Unresolved("split clause")
                if child.dep_ == "advcl" and child.i > verb.i and _preposition_marked(child):
                    # 'was used for the media player included with …' read as 'for [the player
                    # included …]': a preposition taken for a subordinator; the clause without
                    # it would be cut short of what it says
                    raise Unresolved("split clause")
                if _noun_infinitive(child, verb):
                    raise Unresolved("infinitive of a noun")
                if _purpose_after(child, verb):
                    reason = _trailing_reason(child, analysis, paragraph, quoted, subject)
                    reasons.extend([reason] if reason is not None else [])
                    continue  # 'travels to Rome to attend the funeral': asked by 'Why …?'
                if child.dep_ == "advcl" and not (
                    _cause(child)
                    and (
                        "since" not in {c.lower_ for c in child.children}
                        or causal_since(child, verb)
                    )
                ):
                    if _identifies_time(child):
                        # 'kinder … during the whole week before I killed him': without its
                        # clause, 'the whole week' no longer says which week
                        raise Unresolved("time cut from its clause")
                    continue  # 'while in other places ...': an adverbial clause is a fact apart
                if child.dep_ == "npadvmod" and _nonrestrictive(child) and child.i < verb.i:
                    continue  # 'An earlier attack, late Thursday, involved ...'
                if child.dep_ == "advmod" and subject.end <= child.i < verb.i:
                    before.extend(t for t in child.subtree)  # 'no longer', 'very quickly'
                    continue
                tokens = phrase_tokens(child)
                if not tokens:
                    continue
                if quoted and any(_inside(t, quoted) for t in tokens):
                    raise Unresolved("quoted")  # a clause half in quotation marks is not asked
                phrase = _phrase(
                    ROLE_OF.get(child.dep_, "other"),
                    child,
                    analysis,
                    paragraph,
                    tokens,
                    bound=_referent_text(subject),
                )
                (
                    fronted
                    if child.i < min(subject.start, verb.i) or subject.end <= child.i < verb.i
                    else parts
                ).append(phrase)
            if quoted and any(
                verb.i < segment.start and segment.end <= part.tokens[0].i
                for part in parts
                if part.tokens
                for segment in quoted
            ):
                # '… with the anchor reciting the prayer — “From God we came …” — beside a
                # picture': a phrase the parse hung on the verb across a quotation
                raise Unresolved("across a quotation")
            if any(t.lower_ in NEGATIONS for t in before):
                negated, negation = True, next(t.lower_ for t in before if t.lower_ in NEGATIONS)
                before = [t for t in before if t.lower_ not in NEGATIONS]
        except Unresolved:
            continue
        source = {"ROOT": "main"}.get(verb.dep_, verb.dep_)
        if source == "conj":
            # 'Whenever he came home and reached his flat, …': a verb joined to a subordinate
            # one is as subordinate as it is
            top = verb
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            if top.dep_ in {"advcl", "relcl", "ccomp", "acl", "xcomp"}:
                source = top.dep_
        if attribution or (verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS):
            source = "reported"  # 'the miller told the king that his daughter could spin gold'
        elif verb.dep_ == "ccomp" and _framed(verb.head):
            # 'It is a truth universally acknowledged, that a single man … must be in want
            # of a wife', 'it is possible that …': what the frame says of the clause
            source = "reported"
        yield Clause(
            paragraph=paragraph,
            sentence=sentence,
            verb=verb,
            subject=subject,
            aux=aux,
            negated=negated,
            parts=parts,
            fronted=fronted,
            source=source,
            adverbs=before,
            attribution=attribution,
            negation="not" if negation in {"n't", "\u2019t"} else negation,
            cause_before=cause_before,
            reasons=reasons,
        )


def _contrasted(verb: Token) -> bool:
    """Whether a clause holds only in a contrast with what the sentence before says: 'he
    instead attacks by biting, and defends by dodging attacks' (the verb, or one it is
    joined to, has a bare 'instead' or 'otherwise'). Without it, 'How does Link attack?'
    asks what is true only of the wolf."""
    while True:
        if any(
            c.dep_ == "advmod" and c.lower_ in CONTRASTING_ADVERBS and not any(c.children)
            for c in verb.children
        ):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            return False
        verb = verb.head


# verbs whose infinitive after them tells what came next, not what for: 'lived to see',
# 'woke to find', 'returned to find the house empty'
NOT_PURPOSE_HEADS = {"live", "wake", "awake", "awaken", "return", "grow", "turn", "survive"}
# 'only to be cut by the company', 'old enough to vote', 'too sick to leave': a result, a degree
NOT_PURPOSE_BEFORE = {"only", "enough", "too", "as", "so"}
# verbs whose object does what the infinitive after them says: 'train livestock to connect a
# sound with a shock' is what the livestock learn, not what the ranchers train them for
OBJECT_CONTROL_VERBS = frozenset(
    "train teach allow ask tell help force encourage enable cause persuade urge order "
    "invite permit require want expect lead get advise remind warn inspire motivate "
    "compel drive push prompt lure trick instruct command challenge dare beg entice "
    "oblige".split()
)


def _infinitive_after(child: Token, verb: Token) -> Token | None:
    """The 'to' of an infinitive the parse hung on the verb after it ('travels to Rome to
    attend the funeral'), or None."""
    if child.dep_ != "advcl" or child.tag_ != "VB" or child.i < verb.i:
        return None
    to = child.left_edge
    return to if to.lower_ == "to" and to.i > 0 else None


def _purpose_after(child: Token, verb: Token) -> bool:
    """'travels to Rome to attend the funeral', 'was established in 1962 to guide incoming
    freshmen': an infinitive of purpose after the verb (an adverbial clause of 'to' and a bare
    verb, with no subject or subordinator of its own), not one that tells what came next
    ('lived to see', 'only to be cut'), how much ('too sick to leave'), or completes the noun
    before it ('the first country in the world to give women the vote')."""
    to = _infinitive_after(child, verb)
    if to is None or to.dep_ != "aux" or to.head.i != child.i:
        return False
    if any(c.dep_ in {*SUBJECT_DEPS, "mark", "expl"} for c in child.children):
        return False
    if to.doc[to.i - 1].lower_ in NOT_PURPOSE_BEFORE or _noun_infinitive(child, verb):
        return False
    if verb.lemma_ in NOT_PURPOSE_HEADS or verb.lemma_ == "be":
        return False
    if verb.lemma_ in OBJECT_CONTROL_VERBS and any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)  # 'went on to'


# nouns an infinitive after them completes ('the right to vote', 'a plan to build'): there
# the infinitive is the noun's, whatever the parse says
INFINITIVE_NOUNS = frozenset(
    "right plan decision attempt chance way effort ability time need desire wish promise "
    "order permission power freedom opportunity reason place money means duty goal aim "
    "campaign bid call request proposal agreement law bill motion vote".split()
)
RANKING_WORDS = frozenset({"first", "last", "only", "next", "second", "third", "sole"})


def _noun_infinitive(child: Token, verb: Token) -> bool:
    """An infinitive after the verb that the parse gave the verb but that completes the noun
    phrase before it: 'became the first self-governing country in the world to give women the
    vote', 'won the right to vote'. Left out, the clause says what the passage does not
    ('became the first self-governing country in the world')."""
    to = _infinitive_after(child, verb)
    if to is None:
        return False
    node: Token | None = to.doc[to.i - 1]
    while node is not None and node.i != verb.i and node.i < to.i:
        if _takes_infinitive(node):
            return True
        node = node.head if node.head.i != node.i else None
    return False


def _takes_infinitive(noun: Token) -> bool:
    """Whether an infinitive right after a noun belongs to it: a noun that takes one ('the
    right to vote') or one ranked ('the first self-governing country to give women the vote',
    'the only one to finish', 'the largest city to ...')."""
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if noun.lemma_.lower() in INFINITIVE_NOUNS:
        return True
    words = [c for c in noun.subtree if c.i < noun.i]
    return any(c.lower_ in RANKING_WORDS or c.tag_ in {"JJS", "RBS"} for c in words)


def _trailing_reason(
    head: Token, analysis: Analysis, paragraph: int, quoted: list[Span], subject: Phrase
) -> Phrase | None:
    """An infinitive of purpose after the verb as a phrase, or None when it cannot stand as a
    key: not whole (the parse split it), a piece of a quotation, or followed by words the
    parse may have hung on it or on the verb ('to study music in Paris in 1830': which?), so
    that it must end its sentence or stand before a comma or a semicolon."""
    tokens = phrase_tokens(head)
    if not tokens or (quoted and any(_inside(t, quoted) for t in tokens)):
        return None
    doc = head.doc
    after = tokens[-1].i + 1
    if [t.i for t in tokens] != list(range(tokens[0].i, after)):
        return None
    if after < head.sent.end and doc[after].text not in {",", ";", ".", "!", "—"}:
        return None
    try:
        return _phrase("clause", head, analysis, paragraph, tokens, bound=_referent_text(subject))
    except Unresolved:
        return None


def _reason(
    head: Token, analysis: Analysis, paragraph: int, quoted: list[Span], bound: str
) -> Phrase | None:
    """A fronted cause or purpose clause as a phrase, or None when it cannot stand as a key
    (a pronoun it cannot resolve, a piece of a quotation)."""
    tokens = phrase_tokens(head)
    if not tokens or (quoted and any(_inside(t, quoted) for t in tokens)):
        return None
    doc = head.doc
    after = tokens[-1].i + 1
    if [t.i for t in tokens] != list(range(tokens[0].i, after)) or doc[after].text != ",":
        return None  # 'because the Moon will be | more distant,': the parse split the clause
    if head.lemma_ == "be" and not any(
        c.dep_ in {"attr", "acomp", "prep", "advmod"} for c in head.children
    ):
        return None  # a copula without its complement
    try:
        return _phrase("clause", head, analysis, paragraph, tokens, bound=bound)
    except Unresolved:
        return None


def _attribution(reporter: Token, analysis: Analysis, paragraph: int) -> str:
    """Who a reported clause is attributed to, as 'According to ___' names them:
    'U.S. officials', 'Soleimani'; Unresolved when the reporter has no clear name."""
    subject = next((c for c in reporter.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or (subject.pos_ == "PRON" and subject.lower_ not in PERSONAL_PRONOUNS):
        raise Unresolved("reporter")
    phrase = _phrase("subject", subject, analysis, paragraph)
    if len(phrase) > 8:
        raise Unresolved("reporter")
    return grammar.lower_start(phrase.text, phrase.tokens[0])


def quotes(sentence: Span, paragraph: int, analysis: Analysis) -> Iterator[Quote]:
    """Who said what: a speech verb with a named subject and a quotation in the sentence."""
    segments = [
        seg
        for seg in quoted_segments(sentence.doc)
        if sentence.start <= seg.start and seg.end <= sentence.end
    ]
    if not segments:
        return
    for verb in sentence:
        if verb.lemma_ not in SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        if any(seg.start <= verb.i < seg.end for seg in segments):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        cluster = analysis.cluster_of(paragraph, subj)
        referent = None
        if cluster is None and subj.lower_ in PERSONAL_PRONOUNS:
            referent = resolve_pronoun(analysis, paragraph, subj)
            cluster = referent.cluster if referent else None
        elif cluster is None:
            referent = character(analysis, paragraph, subj)  # '… said the little man'
        if cluster is not None and cluster.label != "PERSON":
            continue
        if cluster is None and (referent is None or not says_who(analysis, referent)):
            continue  # no one, or a character the story names too seldom to be the one
        named = referent.text if cluster is None and referent is not None else ""
        inside = [t for t in segments[0] if not t.is_space]
        said = _join(_strip(inside))
        if (
            said
            and len(segments) > 1
            and segments[0].end <= verb.i < segments[1].start
            and any(t.text == "," for t in inside[-3:])
        ):
            # '‘Then say you will give me,’ said the little man, ‘the first little child …’':
            # one quotation the speech verb interrupts
            inside = [t for t in segments[1] if not t.is_space]
            said = f"{said}, {_join(_strip(inside))}".strip(", ")
        end = inside[-1].text if inside and inside[-1].text in {"?", "!"} else ""
        if said:
            yield Quote(paragraph, sentence, cluster, verb, said, end, named)
        return


def roles(sentence: Span, paragraph: int, analysis: Analysis) -> Iterator[Role]:
    """Roles of people named in this sentence, as the analysis found them here."""
    doc = sentence.doc
    for ent in entities(sentence):
        cluster = analysis.cluster_of(paragraph, ent.root)
        if cluster is None or cluster.label != "PERSON":
            continue
        head = ent.root
        candidates = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN" and not head.head.ent_type_:
            candidates.append(head.head)
        for noun in candidates:
            tokens = phrase_tokens(noun, keep_restrictive=False)
            others = {  # 'an elder sister, Ludwika, and two younger sisters': one role
                t.i for c in noun.children if c.dep_ in {"conj", "cc"} for t in c.subtree
            }
            tokens = [t for t in tokens if not (ent.start <= t.i < ent.end) and t.i not in others]
            tokens = _strip(tokens)
            if tokens and tokens[0].lower_ in {"this", "that", "these", "those"}:
                continue  # 'this gentleman' points back into the text
            determined = tokens and (
                tokens[0].dep_ in {"det", "poss"}
                or tokens[0].tag_ == "PRP$"
                or any(t.dep_ == "case" for t in tokens[:3])
            )
            if (
                2 <= len(tokens) <= 12
                and determined
                and noun.tag_ == "NN"
                and noun.lemma_.lower() in person_nouns()
                and not any(
                    t.pos_ == "PRON" or not (t.is_alpha or t.is_punct or t.like_num) for t in tokens
                )
            ):
                text = grammar.lower_start(_join(tokens), tokens[0])
                yield Role(
                    paragraph,
                    sentence,
                    cluster,
                    text,
                    possessive=any(t.dep_ == "poss" for t in tokens),
                )
        i, title = ent.start - 1, list[Token]()
        while (
            i >= sentence.start
            and doc[i].dep_ == "compound"
            and ent.start <= doc[i].head.i < ent.end
            and doc[i].is_title
            and not doc[i].ent_type_
        ):
            title.insert(0, doc[i])
            i -= 1
        # a title of two words or more ('Defense Secretary'); 'Presidents' of two people is not one
        if len(title) >= 2 and not any(t.tag_ == "NNPS" or t.text.endswith(".") for t in title):
            yield Role(paragraph, sentence, cluster, _join(title))


def is_askable(sentence: Span, paragraph_text: str) -> bool:
    """Not a heading, caption-like line, or a sentence too short or too long to ask about."""
    if is_heading(paragraph_text) or text_of(sentence).strip()[-1:] not in ".!\"'\u2019\u201d)":
        return False
    first = next((t for t in sentence if t.is_alpha), None)
    if first is not None and first.text.islower() and first.i == sentence.start:
        return False  # 'program is offered by …': the rest of a sentence split at '(M.'
    return 5 <= sum(not t.is_punct and not t.is_space for t in sentence) <= 60


def entity_label(token: Token, analysis: Analysis, paragraph: int) -> str:
    """The entity type of a token, its cluster's where it has one."""
    cluster = analysis.cluster_of(paragraph, token)
    if cluster is not None:
        return cluster.label
    return token.ent_type_


__all__ = [
    "Clause",
    "Phrase",
    "Quote",
    "Role",
    "clauses",
    "quotes",
    "roles",
    "is_askable",
    "entity_label",
    "NAME_TYPES",
    "NUMBER_TYPES",
    "TIME_TYPES",
]
