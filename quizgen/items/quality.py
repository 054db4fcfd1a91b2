"""Filters against the dominant faults of generated questions: vague stems, answers given
away or missing from the evidence, empty answers, malformed wording.

The same properties are checked on whole quiz files by ``../shared/tools/quizcheck.py``;
these run on every candidate before it can be selected.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizgen.base.folding import fold_typography, phrase_starts
from quizgen.text.grammar import SUBJECT_DEPS

PRONOUNS = {
    "he",
    "she",
    "it",
    "they",
    "him",
    "her",
    "them",
    "his",
    "its",
    "their",
    "hers",
    "theirs",
    "this",
    "these",
    "those",
}
EMPTY_WORDS = PRONOUNS | {
    "i",
    "we",
    "you",
    "me",
    "us",
    "one",
    "ones",
    "people",
    "thing",
    "things",
    "someone",
    "something",
    "the",
    "a",
    "an",
    "that",
    "which",
    "who",
    "what",
    "there",
    "here",
    "all",
    "some",
    "others",
    "other",
    "each",
    "himself",
    "herself",
    "itself",
    "themselves",
    "myself",
    "yourself",
    "nothing",
    "anything",
    "everything",
    "everyone",
    "nobody",
    "none",
    "not",
    "enough",
    "much",
    "many",
    "more",
    "less",
    "few",
    "little",
    "so",
    "too",
    "very",
    "such",
    "same",
    "own",
    "way",
    "kind",
    "sort",
    "lot",
}
CONTEXT_NOUNS = {
    "passage",
    "article",
    "story",
    "text",
    "chapter",
    "section",
    "poem",
    "report",
    "excerpt",
}
DANGLING_END = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "but",
    "to",
    "with",
    "that",
    "which",
    "by",
    "for",
    "as",
    "his",
    "her",
    "its",
    "their",
    "is",
    "was",
    "be",
    "not",
    "than",
}
norm = fold_typography  # the name callers written before base.folding know
MIN_WORDS, MAX_WORDS = 4, 32
# a wh-word anywhere but at the start of a question (relative 'which', 'who' aside)
WH_WORD = re.compile(r"(?<=\s)(why|where|when|how|what|whenever|wherever)\b", re.I)


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """Lower-case words of a text."""
    return list(_words(text))


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold_typography(text)))


def contains_phrase(haystack: str, needle: str) -> bool:
    """Whether ``needle`` occurs in ``haystack`` on word boundaries, ignoring case."""
    n = fold_typography(needle).strip(" .,;:!?\"'")
    if not n:
        return False
    return next(phrase_starts(fold_typography(haystack), n, _ascii_word_char), None) is not None


def _ascii_word_char(c: str) -> bool:
    return c != "" and c in "abcdefghijklmnopqrstuvwxyz0123456789"


def outside_quotes(text: str) -> str:
    """The text with quoted speech blanked out."""
    return re.sub(r"[\"\u201c][^\"\u201d]*[\"\u201d]", " ", text)


_ANY_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(PRONOUNS)) + r")\b")  # on lower case


def vague_pronoun(prompt: str) -> bool:
    """A personal pronoun with no name before it in the stem: 'What did they burn?'. In a
    'who' question too: a 'his' may stand for the answer, but reviewers read 'Who reached his
    flat?' as anyone's flat."""
    if not _ANY_PRONOUN.search(prompt.lower()):
        return False
    tokens = re.findall(r"[A-Za-z][\w'\-\.]*", outside_quotes(prompt))
    personal = PRONOUNS - {"this", "these", "those"}
    named = False
    for i, tok in enumerate(tokens):
        if tok.lower() in personal:
            if not named:
                return True
        elif i > 0 and tok[0].isupper() and tok.lower() not in CALENDAR_WORDS:
            named = True  # 'In July 2006, they moved …': a month names no one
    return False


CALENDAR_WORDS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
}


_CONTEXT_BOUND = re.compile(
    r"\b(this|these|those|that)\b(?!\s+(" + "|".join(CONTEXT_NOUNS) + r")\b)", re.I
)


# a pointer to a part of the book the student does not have: 'illustrated in Figure 4.16',
# 'described in the preceding paragraphs', 'see Table 2', 'in this chapter'
TEXT_REFERENCE = re.compile(
    r"\b(?:figure|fig\.|table|chapter|section|page|exercise|equation)\s*\d"
    r"|\b(?:preceding|previous|following|next|this|last|above|below)\s+"
    r"(?:paragraphs?|sections?|chapters?|pages?|figures?|tables?|examples?|units?)\b"
    r"|\bsee (?:above|below)\b"
    r"|\bthe (?:chapter|section|unit) on\b",
    re.I,
)


def text_reference(text: str) -> bool:
    """Whether a stem or statement points to a figure, a table or another part of the book."""
    return bool(TEXT_REFERENCE.search(outside_quotes(text)))


def context_bound(prompt: str) -> bool:
    """'this idea', 'these men': a phrase pointing back into text the student cannot see."""
    body = outside_quotes(prompt)
    for match in _CONTEXT_BOUND.finditer(body):
        word = match.group(1).lower()
        if word == "that":
            following = body[match.end() :].split()
            # 'that' as a determiner ('that day'), not a conjunction or relative pronoun
            if not following or following[0].lower() in {
                "the",
                "a",
                "an",
                "he",
                "she",
                "it",
                "they",
                "was",
                "is",
                "had",
                "has",
            }:
                continue
            if (
                match.start() > 0
                and body[: match.start()].rstrip().split()[-1:]
                and body[: match.start()].rstrip().split()[-1].lower()
                not in {"in", "on", "at", "of", "by", "for"}
            ):
                continue
        return True
    return False


def balanced(text: str) -> bool:
    """Brackets and double quotes come in pairs."""
    if text.count("(") != text.count(")") or text.count("[") != text.count("]"):
        return False
    if text.count("\u201c") != text.count("\u201d") or text.count('"') % 2:
        return False
    return True


def empty_answer(answer: str) -> bool:
    """An answer made only of pronouns and empty words ('they', 'the one'), or one that points
    back into the text ('this king')."""
    ws = words(answer)
    return all(w in EMPTY_WORDS for w in ws) or (
        bool(ws) and ws[0] in {"this", "these", "those", "that", "such"}
    )


def echoes_stem(prompt: str, answer: str) -> bool:
    """A question whose key ends in a word of the question itself: 'Which school offers a
    Master of Architecture?' -> 'the School of Architecture', 'Who was the son of Charles
    Darwin?' -> 'George Darwin', or whose key is of someone the question names: the stem
    gives the key away."""
    if "_____" in prompt:
        return False  # a blank's sentence holds the words around the blank
    head = words(answer)[-1:]
    if bool(head) and len(head[0]) > 3 and head[0] in words(prompt):
        return True
    # 'What continued after Marie Curie's death?' -> "Marie Curie's legacy": the key is of
    # someone the question names
    owner = re.match(r"(.+?)['\u2019]s\s", answer)
    return owner is not None and contains_phrase(prompt, owner.group(1))


def prompt_faults(
    prompt: str, answer: str, evidence: str, accept: tuple[str, ...] = ()
) -> list[str]:
    """The faults of a question stem with its key and evidence (empty when it is sound)."""
    faults = []
    n = len(prompt.split())
    if not MIN_WORDS <= n <= MAX_WORDS:
        faults.append("length")
    if vague_pronoun(prompt):
        faults.append("vague pronoun")
    if context_bound(prompt):
        faults.append("context-bound")
    if text_reference(prompt):
        faults.append("text reference")
    if not balanced(prompt):
        faults.append("unbalanced")
    last = words(prompt.replace("_____", " blank "))[-1:] or [""]
    if last[0] in DANGLING_END:
        faults.append("dangling end")
    if contains_phrase(prompt.replace("_____", " "), answer):
        faults.append("answer in prompt")
    elif echoes_stem(prompt, answer):
        faults.append("key echoes stem")
    if empty_answer(answer):
        faults.append("empty answer")
    if not contains_phrase(evidence, answer):
        faults.append("key not in evidence")
    if re.search(r"\b(\w+) \1\b", prompt, re.I):
        faults.append("repeated word")
    if WH_WORD.search(outside_quotes(prompt)):
        faults.append("two questions in one")
    return faults


WH_TAGS = {"WP", "WDT", "WRB", "WP$"}
OPENING_WH = re.compile(r"^\W*(?:who|whom|whose|what|which|where|when|why|how)\b(,?)", re.I)


def opens_like_question(text: str) -> bool:
    """Whether a sentence a student is to complete or judge opens with a question word that
    makes it read as a question or a piece of one: an interjection ('“Why, it's you, _____!”')
    or a clause with no main clause after a comma ('How she was to get out.'); 'When the
    rain stopped, they left.' reads as a statement."""
    found = OPENING_WH.match(text)
    return found is not None and (bool(found.group(1)) or "," not in text)


# what stands in a subject's place: a subject, or the expletive of "There was a storm"
SUBJECT_PLACE_DEPS = SUBJECT_DEPS | {"expl"}
VERB_TAGS = {"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"}


def _verb(token) -> bool:
    """A verb or auxiliary, by its fine tag (re-parsed stems skip the attribute ruler that
    maps tags to parts of speech) or by its part of speech."""
    return token.tag_ in VERB_TAGS or token.pos_ in {"VERB", "AUX"}


def wellformed_question(doc) -> bool:
    """A parsed stem reads as a question: a wh-word first, a verb at its root, a subject or
    a wh-word standing for one."""
    words = [t for t in doc if not t.is_punct]
    if len(words) > 3 and words[0].lower_ == "according" and words[1].lower_ == "to":
        # 'According to officials, who fired ...?': the source named, then the question
        comma = next((t.i for t in doc if t.text == ","), None)
        words = [t for t in doc[comma + 1 :] if not t.is_punct] if comma is not None else []
    if not words or words[0].tag_ not in WH_TAGS or doc[-1].text != "?":
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not _verb(root):
        return False
    if any(t.dep_ in SUBJECT_PLACE_DEPS for t in doc):
        return True
    return words[0].dep_ in SUBJECT_PLACE_DEPS | {"attr"}  # 'Who was it?': the wh-word is one


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# what a statement ends on that leaves it unfinished: 'The locust-trees were in bloom and.'
OPEN_DEPS = {"cc", "prep", "mark", "det", "aux", "case"}


def wellformed_statement(doc) -> bool:
    """A parsed true/false statement is one declarative sentence: a finite verb and its
    subject, no wh-word or preposition-and-wh-word first ('From which, a ladder led down'),
    not ending on a conjunction, preposition or determiner."""
    if len(list(doc.sents)) != 1:
        return False
    words = [t for t in doc if not t.is_punct]
    if not words or words[0].tag_ in WH_TAGS or opens_like_question(doc.text):
        return False
    if len(words) > 1 and words[0].tag_ == "IN" and words[1].tag_ in WH_TAGS:
        return False
    if words[-1].dep_ in OPEN_DEPS:
        return False
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not _verb(root):
        return False
    finite = root.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in root.children
    )
    subjects = [c for c in root.children if c.dep_ in SUBJECT_PLACE_DEPS]
    if not finite or not subjects:
        return False
    # '..., while a professional Master of Divinity.': a conjunction that opens a clause,
    # with a noun phrase and no verb after it, is what is left of a clause cut off
    if any(
        t.lower_ in CLAUSE_CONJUNCTIONS
        and any(c.dep_ == "pobj" for c in t.children)  # 'while' taken for a preposition
        and not any(_verb(d) for d in t.subtree if d is not t)
        for t in doc
    ):
        return False
    # 'The only person, and had loved the little girl.': an 'and' with nothing it joins is
    # what is left of a sentence cut apart
    return not any(
        t.dep_ == "cc" and not any(c.dep_ == "conj" for c in t.head.children) for t in doc
    )


# conjunctions that only ever open a clause (never a preposition before a noun phrase)
CLAUSE_CONJUNCTIONS = frozenset({"while", "whereas", "although", "though", "unless", "if"})
