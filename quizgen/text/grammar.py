"""English question grammar: do-support, subject-auxiliary inversion, agreement, tense, casing.

Only what a template cannot say in data lives here.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from quizgen.text import lexicon
from quizgen.text.lexicon import NAME_TYPES

# subjects by their dependency label: a noun phrase ("Soleimani led", passive "Soleimani was
# killed"), or a clause ("What he said mattered")
NOMINAL_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SUBJECT_DEPS = NOMINAL_SUBJECT_DEPS | {"csubj"}

DO_FORM = {"VBD": "did", "VBZ": "does", "VBP": "do"}
# a 'who'/'what' subject is singular: 'Who was killed?', not 'Who were killed?'
SINGULAR_AUX = {
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "'re": "is",
    "\u2019re": "is",
    "'ve": "has",
    "\u2019ve": "has",
}
CONTRACTIONS = {
    "n't": "not",
    "\u2019t": "not",
    "'s": "is",
    "\u2019s": "is",
    "'re": "are",
    "\u2019re": "are",
    "'ll": "will",
    "\u2019ll": "will",
    "'ve": "have",
    "\u2019ve": "have",
    "'d": "would",
    "\u2019d": "would",
    "ca": "can",
    "wo": "will",
    "sha": "shall",
}


def is_english_word(word: str) -> bool:
    """Whether a lower-case word is in the English lexicon ('following' yes, 'żywny' no)."""
    return lexicon.is_word(word)


def is_verb_form(word: str, lemma: str, tag: str) -> bool:
    """Whether an English verb has this form for this tag: 'fired' for ('fire', 'VBD') yes;
    'born' for ('bear', 'VBD') no (that is 'bore'); 'astronauts' is no verb at all."""
    return lexicon.is_verb_form(word, lemma, tag)


def word(token: Token) -> str:
    """A token's text with contractions spelled out: "n't" -> 'not', "'s" (is) -> 'is'."""
    if token.lower_ in CONTRACTIONS and (
        token.dep_ in {"neg", "aux", "auxpass", "ROOT", "conj"}
        or token.lower_ in {"ca", "wo", "sha"}
    ):
        return CONTRACTIONS[token.lower_]
    return token.text


def _lemma(verb: Token) -> str:
    lemma = verb.lemma_.lower()
    return "be" if lemma in {"'s", "\u2019s", "'re", "\u2019re"} else lemma


def question_order(
    verb: Token,
    aux: list[Token],
    adverbs: list[Token] = (),
    *,
    negated: bool = False,
    negation: str = "not",
) -> tuple[str, str]:
    """(fronted auxiliary, verb words after the subject) for a question.

    'fired' -> ('did', 'fire'); 'has left' -> ('has', 'left'); 'was killed' -> ('was',
    'killed'); 'is' -> ('is', ''); 'did not appear' -> ('did', 'not appear'); 'never
    painted' -> ('did', 'never paint').
    """
    neg = [negation] if negated else []
    adv = [a.text for a in adverbs]
    if aux:
        first = word(aux[0]).lower()
        return first, " ".join([*neg, *(word(a) for a in aux[1:]), *adv, verb.text])
    if _lemma(verb) == "be":  # the copula inverts by itself: 'was it?', never 'did it be?'
        return word(verb).lower(), " ".join([*neg, *adv])
    return DO_FORM.get(verb.tag_, "did"), " ".join([*neg, *adv, _lemma(verb)])


def subject_verb_group(
    verb: Token,
    aux: list[Token],
    adverbs: list[Token] = (),
    *,
    negated: bool = False,
    negation: str = "not",
) -> str:
    """The verb group of a who/what subject question, agreeing with a singular wh-subject;
    a negation is always kept: 'never painted', 'did not paint'."""
    neg = [negation] if negated else []
    adv = [a.text for a in adverbs]
    if aux:
        first = word(aux[0]).lower()
        first = SINGULAR_AUX.get(first, first)
        return " ".join([first, *neg, *(word(a) for a in aux[1:]), *adv, verb.text])
    if _lemma(verb) == "be":
        form = word(verb).lower()
        return " ".join([SINGULAR_AUX.get(form, form), *neg, *adv])
    if negated and negation == "never":
        form = lexicon.third_person(_lemma(verb)) if verb.tag_ == "VBP" else verb.text
        return " ".join(["never", *adv, form])
    if negated:  # 'Who did not paint it?': do-support carries the 'not'
        do = SINGULAR_AUX.get(DO_FORM.get(verb.tag_, "did"), DO_FORM.get(verb.tag_, "did"))
        return " ".join([do, "not", *adv, _lemma(verb)])
    if verb.tag_ == "VBP":
        return " ".join([*adv, lexicon.third_person(_lemma(verb))])
    return " ".join([*adv, verb.text])


def active_verb(verb: Token, aux: list[Token]) -> str:
    """The active form of a passive verb group: 'was authorized' -> 'authorized',
    'is led' -> 'leads', 'has been fired' -> 'has fired', 'will be held' -> 'will hold'."""
    lemma = _lemma(verb)
    words = [word(a).lower() for a in aux]
    be = [w for w in words if w in {"is", "are", "was", "were", "be", "been", "being", "am"}]
    others = [w for w in words if w not in be]
    if others:  # a modal or perfect auxiliary keeps its place: 'has been fired' -> 'has fired'
        form = verb.text if others[-1] in {"has", "have", "had"} else lemma  # participle or base
        return " ".join([*[SINGULAR_AUX.get(o, o) for o in others], form])
    if be and be[-1] in {"is", "are", "am"}:
        return lexicon.third_person(lemma)
    return lexicon.past(lemma, participle=verb.text)


def be_form(verb: Token) -> str:
    """'is' or 'was', following the tense of a sentence's verb."""
    if verb.tag_ in {"VBD", "VBN"} or any(
        c.lower_ in {"was", "were", "had", "did"}
        for c in verb.children
        if c.dep_ in {"aux", "auxpass"}
    ):
        return "was"
    return "is"


FUNCTION_POS = {"DET", "ADP", "ADV", "PRON", "CCONJ", "SCONJ", "NUM", "PART", "AUX"}
NAME_ENTITIES = NAME_TYPES  # entity types whose words keep their capitals


def lower_start(text: str, token: Token) -> str:
    """Lower-case a phrase's first letter when it only had a capital for starting a sentence:
    'The next day' -> 'the next day'; names, 'I' and acronyms keep theirs."""
    if not text or not text[0].isupper() or token.pos_ == "PROPN" or token.text == "I":
        return text
    if not text.startswith(token.text):
        return text  # the phrase starts with a name put in for a pronoun
    if token.lower_ == "the" and (token.i == token.sent.start or token.doc[token.i - 1].is_punct):
        return text[0].lower() + text[1:]  # 'the Quds Force' inside a question
    if token.ent_type_ in NAME_ENTITIES or (len(token.text) > 1 and token.text.isupper()):
        return text
    if token.i > token.sent.start and not token.doc[token.i - 1].is_punct:
        return text  # a capital in mid-sentence is the author's own
    if token.pos_ not in FUNCTION_POS and not is_english_word(token.lower_):
        return text  # a word no dictionary knows may be a name the tagger missed
    if token.pos_ not in FUNCTION_POS and _capitalized_elsewhere(token):
        return text  # 'Link' written with its capital in mid-sentence too: a name
    return text[0].lower() + text[1:]


def _capitalized_elsewhere(token: Token) -> bool:
    """Whether the paragraph writes the word with its capital where no sentence starts, and
    never in lower case."""
    same = [t for t in token.doc if t.lower_ == token.lower_ and t.i != token.i]
    inside = [t for t in same if t.i > t.sent.start and not t.doc[t.i - 1].is_punct]
    return bool(inside) and all(t.text[:1].isupper() for t in inside)


def capitalize(text: str) -> str:
    """Upper-case the first letter and leave the rest alone ('iPhone' stays 'iPhone' inside)."""
    return text[:1].upper() + text[1:] if text else text


_SPACE_BEFORE_PUNCT = re.compile(r"\s+([,;:?!.%])")


def tidy(question: str) -> str:
    """One space between words, none before punctuation, one question mark at the end."""
    question = " ".join(question.split())
    question = _SPACE_BEFORE_PUNCT.sub(r"\1", question)
    question = re.sub(r"[,;:\s]+\?$", "?", question)
    question = re.sub(r",\s*,", ",", question)
    return capitalize(question.strip())
