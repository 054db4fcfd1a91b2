"""What words and names are: the lexical knowledge of every stage, at the bottom of text/.

Entity types, people (pronouns, titles, nouns for people, given and family names),
organizations, places, things, numbers, stretches of time, dates, and English verb forms. The
word lists are the files in ``data/`` beside this module; the verb forms come from the
pipeline's own lemmatizer tables (WordNet's word lists and exceptions, shipped in the spaCy
package) and a table of irregular verbs, read once per process in a few hundredths of a second,
where a general inflection library takes most of a second to load: the forms quizgen needs are
few (past, participle, third person) and regular but for the verbs in the table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from quizgen.base.folding import fold_words

DATA = Path(__file__).resolve().parent / "data"  # the shipped word lists


def _words(path: str) -> list[str]:
    """The words of a shipped list, comment lines left out."""
    text = (DATA / path).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


# --- entity types --------------------------------------------------------------------------------

# entity types that name things a question can be about; numbers and dates are handled apart
NAME_TYPES = {
    "PERSON",
    "ORG",
    "GPE",
    "LOC",
    "NORP",
    "FAC",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "PRODUCT",
    "LANGUAGE",
}
NUMBER_TYPES = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
TIME_TYPES = {"DATE", "TIME"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}


# --- people --------------------------------------------------------------------------------------

PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}

# honorifics and ranks that come before a name and are not part of it
TITLE_WORDS = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "st",
    "saint",
    "rev",
    "maj",
    "gen",
    "col",
    "lt",
    "capt",
    "sgt",
    "adm",
    "cmdr",
    "gov",
    "sen",
    "rep",
    "pres",
    "president",
    "king",
    "queen",
    "prince",
    "princess",
    "ayatollah",
    "general",
    "major",
    "captain",
    "colonel",
    "admiral",
    "sheikh",
    "pope",
    "emperor",
    "empress",
    "duke",
    "duchess",
    "count",
    "countess",
    "baron",
    "judge",
    "justice",
    "senator",
    "governor",
    "chancellor",
    "minister",
    "secretary",
    "administrator",
    "director",
    "chief",
    "commander",
    "doctor",
}


@cache
def person_nouns() -> frozenset[str]:
    """Nouns that name people ('commander', 'miller'), from the shipped list."""
    return frozenset(_words("person_nouns.txt"))


@cache
def gendered_nouns() -> dict[str, str]:
    """Person nouns with a grammatical gender: 'king' -> 'm', 'queen' -> 'f'."""
    out = {}
    for line in (DATA / "gendered_nouns.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith(("male:", "female:")):
            gender, _, nouns = line.partition(":")
            out.update(dict.fromkeys(nouns.split(), gender[0] if gender == "male" else "f"))
    return out


@cache
def given_names(gender: str = "") -> tuple[str, ...]:
    """Common given names: men's ('m'), women's ('f'), or all."""
    names: dict[str, list[str]] = {"m": [], "f": []}
    current = names["m"]
    for word in _words("given_names.txt"):
        if word in {"male:", "female:"}:
            current = names[word[0]]
        else:
            current.append(word)
    return tuple(names[gender] if gender else names["m"] + names["f"])


def given_name_gender(word: str) -> str:
    """'m' or 'f' for a given name on one list only ('John', 'Mary'), else ''."""
    found = {g for g in ("m", "f") if word in given_names(g)}
    return found.pop() if len(found) == 1 else ""


def name_gender(name: str) -> str:
    """'m' or 'f' for a name whose given name is in one list only ('George Darwin'), else ''."""
    words = [w for w in name.replace(".", " ").split() if w.casefold() not in TITLE_WORDS]
    if len(words) < 2:
        return ""
    return given_name_gender(words[0])


@cache
def family_names() -> tuple[str, ...]:
    """Common family names."""
    return tuple(_words("family_names.txt"))


@cache
def nationalities() -> tuple[str, ...]:
    """Nationalities and peoples."""
    return tuple(_words("nationalities.txt"))


# --- organizations -------------------------------------------------------------------------------

ORGANIZATION_WORDS = {
    "agency",
    "army",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "church",
    "club",
    "college",
    "commission",
    "committee",
    "company",
    "corporation",
    "corps",
    "council",
    "court",
    "department",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "group",
    "guard",
    "guards",
    "inc",
    "institute",
    "league",
    "ltd",
    "ministry",
    "movement",
    "navy",
    "office",
    "organization",
    "organisation",
    "parliament",
    "party",
    "police",
    "school",
    "service",
    "society",
    "team",
    "union",
    "university",
    "brigade",
    "brigades",
    "regiment",
    "senate",
    "congress",
    "assembly",
    "network",
    "airlines",
    "administration",
    "united",  # 'Manchester United', 'United Airlines'
}


# organizations of a kind a question can name: 'Which school did she attend?'
ORGANIZATION_KINDS = frozenset(
    "school college university church bank club company party council court army navy "
    "museum hospital team band newspaper magazine foundation institute library".split()
)


def organization_kind(name: str) -> str:
    """'school' of 'St. Mary's Elementary School in Fredericksburg', 'college' of 'the
    College of Business': the kind of organization a name says it is, '' for none (the
    word before an 'of' or 'in', or the last word)."""
    words = name.replace(".", "").split()
    cut = next((i for i, w in enumerate(words) if w in {"of", "in", "at", "for"}), len(words))
    head = words[cut - 1].casefold() if cut else ""
    return head if head in ORGANIZATION_KINDS else ""


def looks_like_organization(name: str) -> bool:
    """'the Quds Force', 'NASA', 'the Labour Party': a name that says it is an organization
    (a word such as Force, Party, Ministry), or an acronym."""
    words = name.replace(".", "").split()
    if not words:
        return False
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2:
        return True
    return any(w.casefold() in ORGANIZATION_WORDS for w in words)


# --- places and things ---------------------------------------------------------------------------


@cache
def places() -> tuple[tuple[str, str, str], ...]:
    """(name, kind, region) of well-known places."""
    rows = []
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, kind, region = line.split("\t")
            rows.append((name, kind, region))
    return tuple(rows)


@cache
def _place_index() -> dict[str, tuple[str, str]]:
    index: dict[str, tuple[str, str]] = {}
    for name, kind, region in places():
        index.setdefault(fold_words(name).removeprefix("the "), (kind, region))
    return index


def place_of(key: str) -> tuple[str, str] | None:
    """(kind, region) of a well-known place; None when not listed."""
    return _place_index().get(fold_words(key).removeprefix("the "))


def place_kind(name: str) -> str | None:
    """'country', 'city', 'state', ... for a well-known place; None when not listed."""
    found = place_of(name)
    return found[0] if found else None


@cache
def common_things() -> frozenset[str]:
    """Names of things a question asks 'what' of ('Moon', 'Mars'), case-folded."""
    text = (DATA / "common_things.txt").read_text(encoding="utf-8")
    return frozenset(
        w.casefold().replace("-", " ")
        for line in text.splitlines()
        if not line.startswith("#")
        for w in line.split()
    )


# --- numbers and stretches of time -------------------------------------------------------------

NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

TIME_UNITS = {
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "century",
    "millennium",
}
# words that make a stretch of time a point in time: 'three years ago', 'the next day', 'last
# week', 'every year'; and 'one day' ('One day, the king rode out') is a point too
POINT_WORDS = {
    "ago",
    "later",
    "earlier",
    "before",
    "after",
    "since",
    "last",
    "next",
    "previous",
    "past",
    "following",
    "same",
    "this",
    "that",
    "these",
    "those",
    "the",
    "every",
    "each",
    "one",
}
# words that give an amount of time: 'several months', 'half a day', 'about 40 years'
AMOUNT_WORDS = {
    "a",
    "an",
    "and",
    "half",
    "several",
    "many",
    "few",
    "some",
    "nearly",
    "almost",
    "about",
    "around",
    "over",
    "more",
    "than",
    "less",
    "at",
    "least",
    "just",
    "only",
}


def _time_unit(word: str) -> str | None:
    """'years' -> 'year', 'centuries' -> 'century', 'millennia' -> 'millennium'."""
    for form in (word, word.removesuffix("s"), word.removesuffix("ies") + "y"):
        if form in TIME_UNITS:
            return form
    return "millennium" if word == "millennia" else None


def is_duration(text: str) -> bool:
    """'three years', '10 days', 'a decade', 'several months': a stretch of time, asked with
    'how long'; not a point in time ('three years ago', 'the next day', 'one day', '1835')."""
    words = text.lower().replace("-", " ").split()
    if len(words) < 2 or any(w in POINT_WORDS for w in words) or not _time_unit(words[-1]):
        return False
    return all(
        w.replace(",", "").replace(".", "").isdigit()
        or w in AMOUNT_WORDS
        or w in NUMBER_WORDS
        or w in TENS
        or w in SCALES
        for w in words[:-1]
    )


# --- dates ---------------------------------------------------------------------------------------

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBREVIATIONS = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
YEAR = re.compile(r"\b(1\d{3}|20\d{2})s?\b")


def date_key(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) as far as a date says them, for putting options in time order."""
    year = year_of(text) or 0
    month = next(
        (
            i
            for i, names in enumerate(zip(MONTHS, MONTH_ABBREVIATIONS, strict=True), 1)
            if any(re.search(rf"\b{re.escape(n)}", text) for n in names)
        ),
        0,
    )
    day = re.search(r"\b([0-3]?\d)\b", re.sub(r"\b(1\d{3}|20\d{2})\b", "", text))
    if not (year or month):
        return None
    return year, month, int(day.group(1)) if day else 0


def year_of(text: str) -> int | None:
    """The year a date names, if it names one: 'October 1810' -> 1810."""
    match = YEAR.search(text)
    return int(match.group(1)) if match else None


# --- verb forms ----------------------------------------------------------------------------------

POS_TABLES = ("noun", "verb", "adj", "adv")


@cache
def _irregular() -> dict[str, tuple[str, str]]:
    """base -> (past, past participle)."""
    table = {}
    for line in (DATA / "irregular_verbs.tsv").read_text(encoding="utf-8").splitlines():
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


def word_root(lemma: str) -> str:
    """A word without the prefix that makes it of another ('redistribute' -> 'distribute',
    'unkind' -> 'kind'), where four letters or more remain."""
    return re.sub(r"^(?:un|in|im|non|dis|re)(?=.{4})", "", lemma)


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


# --- classes of common nouns ---------------------------------------------------------------------

# how deep the ancestor two nouns share must be for one to stand beside the other as an option:
# 'pebble' and 'plank' meet at 'whole' (4) and are no class; 'plank' and 'chimney' at 'artifact'
# (5) still too broad; 'tears' and 'groan' meet lower (WordNet's chains, 'entity' counted 1)
SAME_CLASS_DEPTH = 6


@cache
def _noun_class_lines() -> dict[str, str]:
    """noun -> its line of data/noun_classes.txt, unparsed (a few hundredths of a second)."""
    text = (DATA / "noun_classes.txt").read_text(encoding="utf-8")
    return dict(
        line.split(" ", 1) for line in text.splitlines() if line and not line.startswith("#")
    )


@cache
def noun_classes(lemma: str) -> tuple[tuple[int, ...], ...]:
    """The hypernym chains of a common noun's most frequent senses; () when not listed."""
    line = _noun_class_lines().get(lemma.casefold())
    if line is None:
        return ()
    return tuple(tuple(int(n) for n in chain.split(".")) for chain in line.split())


def class_depth(a: str, b: str) -> int:
    """How deep the deepest ancestor two nouns share is (0 when either is not listed)."""
    best = 0
    for x in noun_classes(a):
        for y in noun_classes(b):
            depth = 0
            for p, q in zip(x, y, strict=False):
                if p != q:
                    break
                depth += 1
            best = max(best, depth)
    return best


# the first synsets of WordNet's noun hierarchy, as data/noun_classes.txt numbers them
ABSTRACTION = (7, 6)  # entity > abstraction
ORGANISM = (7, 15, 63, 62, 77, 76)  # entity > physical entity > object > whole > living thing
PERSON = (*ORGANISM, 75)  # > person
ANIMAL = (*ORGANISM, 541)  # > animal
ARTIFACT = (7, 15, 63, 62, 61)  # entity > physical entity > object > whole > artifact


def _first_sense_under(lemma: str, top: tuple[int, ...]) -> bool:
    """Whether a noun's most frequent sense lies under a synset of the hierarchy."""
    chains = noun_classes(lemma)
    return bool(chains) and chains[0][: len(top)] == top


def abstract_noun(lemma: str) -> bool:
    """Whether a noun's most frequent sense is an abstraction ('value', 'result', 'signal')."""
    return _first_sense_under(lemma, ABSTRACTION)


def person_noun(lemma: str) -> bool:
    """Whether a noun names a person: on the list of person nouns, or its most frequent sense
    a person's ('philosopher', 'critic')."""
    return lemma in person_nouns() or _first_sense_under(lemma, PERSON)


def artifact_noun(lemma: str) -> bool:
    """Whether a noun's most frequent sense is a thing people make ('aircraft', 'rover')."""
    return _first_sense_under(lemma, ARTIFACT)


def living_noun(lemma: str) -> bool:
    """Whether a noun's most frequent sense is a person or an animal ('son', 'animal'; not
    the plants: 'tree', 'grape')."""
    return _first_sense_under(lemma, PERSON) or _first_sense_under(lemma, ANIMAL)


@cache
def kind_of_first(narrow: str, broad: str) -> bool:
    """Whether the first sense of one noun is a kind of the first sense of another, at least
    three levels down from WordNet's top ('pyramid' of 'structure', 'dog' of 'animal'; not
    everything of 'entity' or 'object')."""
    for x in noun_classes(narrow)[:1]:
        for y in noun_classes(broad)[:1]:
            if len(y) >= MIN_KIND_DEPTH and len(x) > len(y) and x[: len(y)] == y:
                return True
    return False


MIN_KIND_DEPTH = 5


def kind_of(a: str, b: str) -> bool:
    """Whether one noun names a kind of the other (a hypernym or hyponym of it, in the first
    sense of either): 'traveler' and 'person', 'oak' and 'tree'."""
    for x in noun_classes(a)[:1]:
        for y in noun_classes(b)[:1]:
            short, long = sorted((x, y), key=len)
            if long[: len(short)] == short:
                return True
    return False


# --- words a passage may use without explaining ---------------------------------------------


# words a sentence shares with another sense's gloss before it is taken to use that sense:
# one shared word is chance ('including' beside 'disparate')
SENSE_EVIDENCE = 2


@dataclass(frozen=True, slots=True)
class Meaning:
    """A word's dominant sense, as ``data/glosses.tsv`` has it (see
    :mod:`quizgen.text.gloss_table`)."""

    lemma: str
    pos: str  # a (adjective), v (verb), r (adverb)
    tagged: int  # times WordNet's sense-tagged texts have the word
    zipf: float  # its frequency in English, on the Zipf scale: the lower, the rarer
    synset: str
    definition: str
    # the synsets near it in meaning (similar, see also, verb group, hypernyms, hyponyms): a
    # word with a sense among them, or this one, could be taken to mean the definition too
    near: frozenset[str] = frozenset()
    # the nouns an adjective makes a compound noun with ('elementary school'): in one it has
    # the compound's sense, not this
    compounds: frozenset[str] = frozenset()
    # the content words of this sense's gloss and examples, and of each other sense's: a
    # sentence sharing more with another sense's is using the word in that one
    words: frozenset[str] = frozenset()
    other_senses: tuple[frozenset[str], ...] = ()
    # the book words one of whose senses is defined much alike ('devote' beside 'allocate':
    # 'set aside or apart for a specific purpose'): a student could defend one as meaning this
    said_alike: frozenset[str] = frozenset()

    def other_sense_in(self, context: set[str]) -> bool:
        """Whether a sentence of these words (lemmas, in lower case) shares more
        words with another sense's gloss than with this one's, and two at least (Lesk's
        measure)."""
        own = len(self.words & context)
        return any(
            len(shared := other & context) > own and len(shared) >= SENSE_EVIDENCE
            for other in self.other_senses
        )

    def could_mean(self, senses: frozenset[str]) -> bool:
        """Whether a word of these senses (synsets) could be read as meaning this."""
        return self.synset in senses or bool(self.near & senses)


@cache
def meanings() -> dict[tuple[str, str], Meaning]:
    """(lemma, part of speech) -> the meaning of the word's dominant sense."""
    out = {}
    for line in (DATA / "glosses.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        lemma, pos, tagged, zipf, synset, definition, near, compounds, own, others, alike = (
            line.split("\t")
        )
        out[(lemma, pos)] = Meaning(
            lemma,
            pos,
            int(tagged),
            float(zipf),
            synset,
            definition,
            frozenset(near.split(",")) - {""},
            frozenset(compounds.split(",")) - {""},
            frozenset(own.split()),
            tuple(frozenset(o.split()) for o in others.split("|")) if others else (),
            frozenset(alike.split(",")) - {""},
        )
    return out


@dataclass(frozen=True, slots=True)
class BookWord:
    """An adjective, verb or adverb that is no everyday word, as ``data/book_words.tsv`` has
    it (see :mod:`quizgen.text.gloss_table`)."""

    lemma: str
    pos: str  # a, v, r
    tagged: int  # times WordNet's sense-tagged texts have it, over its senses of the part of speech
    zipf: float  # its frequency in English, on the Zipf scale
    senses: frozenset[str]  # the synsets of all its senses


@cache
def book_words() -> dict[tuple[str, str], BookWord]:
    """(lemma, part of speech) -> the book word: the wrong options of "Which word from the
    passage means ...?"."""
    out = {}
    for line in (DATA / "book_words.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        lemma, pos, tagged, zipf, senses = line.split("\t")
        out[(lemma, pos)] = BookWord(
            lemma, pos, int(tagged), float(zipf), frozenset(senses.split(","))
        )
    return out


@cache
def unsuitable_words() -> frozenset[str]:
    """Words a school worksheet does not blank nor offer: the word list of the better-profanity
    package (a well-kept list of swear words, slurs and sexual terms, with their inflections)."""
    try:
        text = (
            resources.files("better_profanity")
            .joinpath("profanity_wordlist.txt")
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - a dependency
        return frozenset()
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip())
