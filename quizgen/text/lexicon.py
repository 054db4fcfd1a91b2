"""English words and verb forms: the pipeline's own lemmatizer tables (WordNet's word lists
and exceptions, shipped in the spaCy package) and a table of irregular verbs.

Read once per process in a few hundredths of a second, where a general inflection library
takes most of a second to load: the forms quizgen needs are few (past, participle, third
person) and regular but for the verbs in the table.
"""

from __future__ import annotations

from functools import cache

from quizgen.base.resources import data_dir

POS_TABLES = ("noun", "verb", "adj", "adv")


@cache
def _irregular() -> dict[str, tuple[str, str]]:
    """base -> (past, past participle)."""
    table = {}
    for line in (data_dir() / "irregular_verbs.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            base, past, participle = line.split("\t")
            table[base] = (past, participle)
    return table


@cache
def _irregular_forms() -> dict[str, set[str]]:
    """form -> the bases it is a past or participle of ('bore' -> {'bear'})."""
    forms: dict[str, set[str]] = {}
    for base, (past, participle) in _irregular().items():
        forms.setdefault(past, set()).add(base)
        forms.setdefault(participle, set()).add(base)
    return forms


@cache
def _tables() -> (
    tuple[dict[str, frozenset[str]], dict[str, dict[str, list[str]]], dict[str, list[list[str]]]]
    | None
):
    """(index, exceptions, rules) of the installed English pipeline's lemmatizer, if any."""
    try:
        from spacy.lookups import Lookups
        from spacy.util import get_package_path

        from quizgen.text.nlp import DEFAULT_MODEL, FALLBACK_MODELS

        for name in (DEFAULT_MODEL, *FALLBACK_MODELS):
            try:
                folder = next(get_package_path(name).glob("*/lemmatizer/lookups"))
            except (ModuleNotFoundError, StopIteration, OSError):
                continue
            lookups = Lookups().from_disk(folder)
            index = lookups.get_table("lemma_index")
            exceptions = lookups.get_table("lemma_exc")
            rules = lookups.get_table("lemma_rules")
            return (
                {pos: frozenset(index[pos]) for pos in POS_TABLES},
                {pos: dict(exceptions[pos]) for pos in POS_TABLES},
                {pos: list(rules[pos]) for pos in POS_TABLES},
            )
    except (ImportError, KeyError, ValueError, OSError):
        return None
    return None


def lemmas(word: str, pos: str) -> set[str]:
    """The dictionary lemmas a lower-case word can be of a part of speech ('fired' -> {'fire'})."""
    tables = _tables()
    if tables is None:
        return set()
    index, exceptions, rules = tables
    found = set(exceptions[pos].get(word, ()))
    if word in index[pos]:
        found.add(word)
    for old, new in rules[pos]:
        if word.endswith(old):
            candidate = word[: len(word) - len(old)] + new
            if candidate in index[pos]:
                found.add(candidate)
    return found


def available() -> bool:
    """Whether the word lists could be read (they come with the English pipeline)."""
    return _tables() is not None


def is_word(word: str) -> bool:
    """Whether a lower-case word is English ('following' yes, 'żywny' no); True when the lists
    are missing, so that nothing is refused for want of them."""
    return not available() or any(lemmas(word, pos) for pos in POS_TABLES)


def is_verb(lemma: str) -> bool:
    """Whether a lemma is an English verb ('fire' yes, 'astronaut' no)."""
    return not available() or lemma in _tables()[0]["verb"] or lemma in _irregular()


def third_person(lemma: str) -> str:
    """'lead' -> 'leads', 'go' -> 'goes', 'carry' -> 'carries', 'have' -> 'has'."""
    special = {"be": "is", "have": "has", "do": "does", "go": "goes"}
    if lemma in special:
        return special[lemma]
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return lemma + "es"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


def past(lemma: str, participle: str = "") -> str:
    """The simple past: the irregular one, else the participle the text gave ('authorized'),
    else the regular -ed form."""
    if lemma in _irregular():
        return _irregular()[lemma][0]
    return participle or _regular_past(lemma)


def _regular_past(lemma: str) -> str:
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def is_verb_form(word: str, lemma: str, tag: str) -> bool:
    """Whether ``word`` is the form a verb takes for a Penn tag: 'fired' for ('fire', 'VBD')
    yes; 'born' for ('bear', 'VBD') no (that is 'bore'); 'astronauts' is no verb at all."""
    word, lemma = word.lower(), lemma.lower()
    if not is_verb(lemma):
        return False
    if tag == "VBD":
        if lemma in _irregular():
            return word in {_irregular()[lemma][0], "were"} or word == lemma
        return word.endswith("ed") or lemma in _irregular_forms().get(word, ())
    if tag == "VBZ":
        return word.endswith("s")
    return True
