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
from typing import TypeAlias

from spacy.tokens import Span, Token

from quizgen.read.reader import is_heading
from quizgen.text import grammar
from quizgen.text.analysis import (
    Analysis,
    Cluster,
    entities,
    quoted_segments,
    resolve_pronoun,
    text_of,
)
from quizgen.text.grammar import SUBJECT_DEPS
from quizgen.text.lexicon import (
    NAME_TYPES,
    NUMBER_TYPES,
    PERSONAL_PRONOUNS,
    TIME_TYPES,
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
    "instead",
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
    speaker: Cluster
    verb: Token
    words: str  # the quoted words, without the quotation marks or a final comma or stop
    end: str = ""  # a final '?' or '!' of the quotation, kept for statements


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
    """Drop punctuation at the edges, and a parenthesis with its contents anywhere."""
    out, depth = [], 0
    for t in tokens:
        if t.text in "([":
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


def _listed(token: Token) -> bool:
    """'Light intensity, the concentration of carbon dioxide and temperature': an item of a
    list the parser took for an aside; it stays."""
    return any(t.dep_ in {"cc", "conj"} for t in token.subtree)


def phrase_tokens(head: Token, *, keep_restrictive: bool = True) -> list[Token]:
    """A constituent's tokens without appositives, non-restrictive relative clauses and asides."""
    skip: set[int] = set()
    subtree = list(head.subtree)
    for t in subtree:
        if t.i == head.i:
            continue
        drop = (
            (t.dep_ == "appos" and _nonrestrictive(t) and not _listed(t))
            or t.dep_ == "parataxis"
            or (
                t.dep_ in {"relcl", "acl", "advcl"} and (_nonrestrictive(t) or not keep_restrictive)
            )
            or (t.dep_ == "npadvmod" and _nonrestrictive(t))
        )
        if drop and t.head.i != t.i:
            skip.update(s.i for s in t.subtree)
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


def _render(tokens: list[Token], analysis: Analysis, paragraph: int, bound: str = "") -> str:
    """The words of a phrase, with a he/she/his resolved to a name or Unresolved raised;
    'it', 'they', 'this' are never resolved, and a phrase holding one is not asked about."""
    words = []
    for t in tokens:
        if t.is_quote and t.text not in {"'s", "\u2019s"}:
            raise Unresolved(t.text)  # a piece of a quotation the parse cut apart
        if (
            t.lower_ in VAGUE_PRONOUNS
            and t.pos_ in {"PRON", "DET"}
            and (t.pos_ == "PRON" or t.dep_ != "det" or t.head not in tokens)
        ):
            raise Unresolved(t.text)
        if t.pos_ == "PRON" and t.lower_ in NARRATOR:
            words.append(NARRATOR[t.lower_] + t.whitespace_)
            continue
        if t.pos_ == "PRON" and t.lower_ in PERSONAL_PRONOUNS:
            referent = resolve_pronoun(analysis, paragraph, t)
            if referent is None:
                raise Unresolved(t.text)
            if referent.text == bound and t.tag_ == "PRP$":
                words.append(t.text_with_ws)  # 'Holmes wriggled in his chair': his is bound
                continue
            name = referent.text
            words.append(f"{name}\u2019s" if t.tag_ == "PRP$" else name)
            words.append(t.whitespace_)
        else:
            words.append(t.text_with_ws)
    return " ".join("".join(words).split())


NAMING_VERBS = {"call", "name", "know", "term", "dub"}


def named(noun: Token) -> Token | None:
    """The name a common noun is given beside it: 'the commander, Maj. Gen. Qasem Soleimani';
    'a green pigment called chlorophyll'."""
    if noun.pos_ != "NOUN":
        return None
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and child.ent_type_:
            return child
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
    return Phrase(
        role=role,
        head=head,
        tokens=tokens,
        text=_render(tokens, analysis, paragraph, bound),
        cluster=analysis.cluster_of(paragraph, head),
    )


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


def _subject(verb: Token, analysis: Analysis, paragraph: int) -> Phrase | None:
    """The verb's subject; inherited along coordination; a relative pronoun becomes its noun."""
    node = verb
    while True:
        subjects = [c for c in node.children if c.dep_ in SUBJECT_DEPS]
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
        if noun is None:
            return None
        return _phrase(
            "subject", noun, analysis, paragraph, phrase_tokens(noun, keep_restrictive=False)
        )
    if subj.pos_ == "PRON" and subj.lower_ not in PERSONAL_PRONOUNS:
        return None  # it, they, this, someone: no safe antecedent
    if subj.pos_ not in {"NOUN", "PROPN", "PRON", "NUM", "DET", "ADJ"} or (
        subj.pos_ == "PROPN"
        and not subj.ent_type_
        and subj.n_lefts + subj.n_rights == 0
        and any(t.text == subj.lower_ for t in subj.doc)
    ):
        return None  # 'Round went the wheel': a capital word the text also writes in lower case
    role = "subject"
    return _phrase(role, subj, analysis, paragraph)


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
    return fits[0] if fits else None


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


def _verb_group(verb: Token) -> tuple[list[Token], bool]:
    aux = [c for c in verb.children if c.dep_ in AUX_DEPS and c.i < verb.i]
    negated = any(c.dep_ == "neg" for c in verb.children)
    return aux, negated


def _clause_ok(verb: Token) -> bool:
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ not in CLAUSE_DEPS:
        return False
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
    for verb in sentence:
        if not _clause_ok(verb) or _inside(verb, quoted):
            continue
        if verb.lemma_ in SPEECH_VERBS and any(c.dep_ == "ccomp" for c in verb.children):
            continue  # 'X said that ...': the quotation and the reported clause are asked apart
        try:
            subject = _subject(verb, analysis, paragraph)
            if subject is None or (quoted and any(_inside(t, quoted) for t in subject.tokens)):
                continue
            if subject.head.i > verb.i and verb.dep_ != "relcl":
                continue  # 'Round went the wheel': an inverted clause is parsed least reliably
            aux, negated = _verb_group(verb)
            parts: list[Phrase] = []
            fronted: list[Phrase] = []
            before: list[Token] = []
            for child in verb.children:
                if child.dep_ in NOT_PARTS:
                    continue
                if child.dep_ in {"advmod", "cc"} and child.lower_ in DISCOURSE:
                    continue
                if child.dep_ == "advcl" and not _clause_ok(child) and child.i < verb.i:
                    continue
                if child.dep_ in {"ccomp", "advcl"} and child.i < subject.start:
                    continue  # a quotation or clause before the subject belongs elsewhere
                if child.dep_ in {"advcl", "xcomp"} and child.tag_ in {"VBG", "VBN"}:
                    continue  # 'killing an American contractor': a participle is a fact apart
                if child.dep_ == "advcl" and not {
                    c.lower_ for c in child.children if c.dep_ == "mark"
                } & {"because"}:
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
        except Unresolved:
            continue
        source = {"ROOT": "main"}.get(verb.dep_, verb.dep_)
        if verb.dep_ == "ccomp" and verb.head.lemma_ in REPORTING_VERBS:
            source = "reported"  # 'the miller told the king that his daughter could spin gold'
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
        )


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
        if cluster is None and subj.lower_ in PERSONAL_PRONOUNS:
            referent = resolve_pronoun(analysis, paragraph, subj)
            cluster = referent.cluster if referent else None
        if cluster is None or cluster.label != "PERSON":
            continue
        inside = [t for t in segments[0] if not t.is_space]
        words = _strip(inside)
        end = inside[-1].text if inside and inside[-1].text in {"?", "!"} else ""
        if words:
            yield Quote(paragraph, sentence, cluster, verb, _join(words), end)
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
