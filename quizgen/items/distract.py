"""Wrong options that are plausible and wrong: of the key's fine type, from the passage (people,
places, organizations, other dates, noun phrases of the key's class), or numbers and dates
perturbed in the key's own form. No option is invented (no name from a list), none is also
right (an alias of the key, part of its name, a kind of it, or someone the passage says the same
of), and none stands out by case or length. Each option says where it came from.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Token

from quizgen.base.folding import fold_words
from quizgen.items.quality import outside_quotes
from quizgen.text.analysis import (
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    Analysis,
    Cluster,
    describe,
    in_longer_name,
    mention_acts_as_person,
    name_key,
    person_like,
    placed,
)
from quizgen.text.grammar import NOMINAL_SUBJECT_DEPS
from quizgen.text.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PLACE_TYPES,
    SAME_CLASS_DEPTH,
    SCALES,
    TENS,
    WEEKDAYS,
    YEAR,
    class_depth,
    gendered_nouns,
    given_name_gender,
    is_duration,
    kind_of,
    looks_like_organization,
    name_gender,
    organization_kind,
    place_kind,
    place_of,
    places,
    year_of,
)

KEPT = 3  # next-best wrong options kept for the teacher's review page


@dataclass(frozen=True, slots=True)
class Option:
    """A wrong option and, in plain words, where it came from."""

    text: str
    source: str


def _texts(options: Iterable[Option | str]) -> list[str]:
    return [o.text if isinstance(o, Option) else o for o in options]


def overlaps(a: str, b: str) -> bool:
    """Whether one option holds the other as a phrase: 'Soleimani' ~ 'Qasem Soleimani'."""
    na = f" {fold_words(a)} "
    return na.strip() != "" and _holds(na, f" {fold_words(b)} ")


def match_case(option: str, key: str) -> str | None:
    """Give an option the key's initial case; None when that would miscase a proper name."""
    if not option or not key[:1].isalpha() or not option[:1].isalpha():
        return option
    if key[0].isupper():
        return option[0].upper() + option[1:]
    if option[0].isupper():
        first = option.split()[0]
        if first.lower() in {"the", "a", "an"}:
            return option[0].lower() + option[1:]
        return None
    return option


# --- numbers --------------------------------------------------------------------------------


def parse_number(text: str) -> tuple[float, str] | None:
    """The value of a number written in digits or words, and its form ('digits' or 'words')."""
    clean = text.replace(",", "").strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", clean):
        return float(clean), "digits"
    words = clean.replace("-", " ").split()
    total, current = 0, 0
    for w in words:
        if w in NUMBER_WORDS:
            current += NUMBER_WORDS.index(w)
        elif w in TENS:
            current += TENS[w]
        elif w in SCALES:
            current = max(current, 1) * SCALES[w]
            if SCALES[w] >= 1000:
                total, current = total + current, 0
        elif w != "and":
            return None
    return (float(total + current), "words") if words else None


def number_words(n: int) -> str:
    """0-99 in words, as a teacher would write them ('thirty-one')."""
    if n < len(NUMBER_WORDS):
        return NUMBER_WORDS[n]
    tens = {v: k for k, v in TENS.items()}
    if n < 100:
        return tens[n - n % 10] + (f"-{NUMBER_WORDS[n % 10]}" if n % 10 else "")
    return str(n)


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}  # fmt: skip


def _ordinal_value(text: str) -> int | None:
    """1-99 of an ordinal in words ('nineteenth', 'twenty-first') or digits ('19th')."""
    clean = text.strip().lower()
    m = re.fullmatch(r"(\d{1,2})(st|nd|rd|th)", clean)
    if m:
        return int(m.group(1))
    if clean in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[clean]
    tens, _, unit = clean.partition("-")
    if tens in TENS and unit in _ORDINAL_WORDS and _ORDINAL_WORDS[unit] < 10:
        return TENS[tens] + _ORDINAL_WORDS[unit]
    return None


def ordinal_other_form(text: str) -> str | None:
    """The other way to write an ordinal a student may give: 'nineteenth' <-> '19th'."""
    n = _ordinal_value(text)
    if n is None:
        return None
    if text.strip()[:1].isdigit():
        words = {v: k for k, v in _ORDINAL_WORDS.items()}
        if n in words:
            return words[n]
        tens = {v: k for k, v in TENS.items()}
        return f"{tens[n - n % 10]}-{words[n % 10]}"
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _format_like(value: float, key: str, form: str) -> str:
    if form == "words" and value == int(value) and 0 <= value < 100:
        return number_words(int(value))
    if "." in key.replace(",", ""):
        decimals = len(key.split(".")[-1])
        return f"{value:,.{decimals}f}" if "," in key else f"{value:.{decimals}f}"
    return f"{int(value):,}" if "," in key else str(int(value))


def perturb_number(key: str, rng: random.Random, n: int = 3) -> list[str]:
    """Plausible wrong numbers in the key's form: '31' -> '13', '21', '41'."""
    parsed = parse_number(key)
    if parsed is None:
        return []
    value, form = parsed
    candidates: list[float] = []
    digits = key.replace(",", "")
    reversed_pair = None
    if (
        form == "digits"
        and digits.isdigit()
        and len(digits) == 2
        and digits[0] != digits[1]
        and digits[1] != "0"
    ):
        reversed_pair = _format_like(float(digits[::-1]), key, form)  # '31' -> '13'
        candidates.append(float(digits[::-1]))
    if value < 12:
        candidates += [value + d for d in (-2, -1, 1, 2, 3, 4, -3) if value + d > 0]
    elif value < 100:
        candidates += [value + d for d in (-10, 10, 20, -20, 5, -5, 15)]
    else:
        magnitude = 10 ** max(0, len(str(int(value))) - 2)
        candidates += [value + d * magnitude for d in (-2, -1, 1, 2, 3, -3)]
        candidates += [value * f for f in (0.5, 2, 1.5)]
    seen, out = {value}, []
    for c in candidates:
        # one of a counted plural is no option: how many rockets? not one rocket
        if c > (1 if value > 1 else 0) and c not in seen and (value < 1 or c == int(c)):
            seen.add(c)
            out.append(_format_like(c, key, form))
    rng.shuffle(out)
    if reversed_pair in out:  # the likeliest slip of a careless reader comes first
        out.remove(reversed_pair)
        out.insert(0, reversed_pair)
    return sorted(out[:n], key=lambda s: parse_number(s)[0] if parse_number(s) else 0)


def duration_amount(text: str) -> float | None:
    """How many units a stretch of time is: 'three years' -> 3.0; None without a number."""
    amount, _, _ = text.rpartition(" ")
    parsed = parse_number(amount) if is_duration(text) else None
    return parsed[0] if parsed else None


def perturb_duration(key: str, rng: random.Random, n: int = 3) -> list[str]:
    """Other stretches of the key's unit: 'three years' -> 'two years', 'five years'."""
    amount, _, unit = key.rpartition(" ")
    if duration_amount(key) is None:
        return []
    return [f"{other} {unit}" for other in perturb_number(amount, rng, n)]


def _passage_durations(analysis: Analysis, key: str) -> list[str]:
    """Other stretches of time the passage names, in the key's unit."""
    unit = key.rpartition(" ")[2].lower()
    return [
        d
        for d in analysis.dates
        if is_duration(d)
        and d.rpartition(" ")[2].lower() == unit
        and fold_words(d) != fold_words(key)
    ]


# --- dates ----------------------------------------------------------------------------------


YEAR_RANGE = re.compile(
    r"(?P<first>1\d{3}|20\d{2})(?P<dash>\s*[\u2013\u2014-]\s*)(?P<last>\d{4}|\d{2})\b"
)
_DAY = re.compile(r"^(?P<month>[A-Z][a-z]+\.?) (?P<day>\d{1,2})(?P<rest>\b.*)$")


def perturb_date(key: str, rng: random.Random, n: int = 3) -> list[str]:
    """Dates in the key's format: years move a little, weekdays and months change."""
    day = _DAY.match(key)
    if day and (day["month"] in MONTHS or day["month"] in MONTH_ABBREVIATIONS):
        d = int(day["day"])
        days = [x for x in (d - 7, d - 3, d + 2, d + 5, d - 10) if 1 <= x <= 28 and x != d]
        rng.shuffle(days)
        return [f"{day['month']} {x}{day['rest']}" for x in sorted(days[:n])]
    for names in (WEEKDAYS, MONTHS):
        for name in names:
            if re.search(rf"\b{name}\b", key):
                others = [x for x in names if x != name]
                rng.shuffle(others)
                return [re.sub(rf"\b{name}\b", o, key) for o in others[:n]]
    span = YEAR_RANGE.search(key)
    if span:  # '2003–04', 'the 1854–1855 academic year': both ends move together
        first, last = int(span["first"]), span["last"]
        deltas = [d for d in (-3, -2, -1, 1, 2, 3) if first + d <= 2030]
        rng.shuffle(deltas)
        out = []
        for d in sorted(deltas[:n]):
            end = int(last) + d
            end_text = f"{end % 100:02d}" if len(last) == 2 else str(end)
            out.append(
                f"{key[: span.start()]}{first + d}{span['dash']}{end_text}{key[span.end() :]}"
            )
        return out
    match = YEAR.search(key)
    if match:
        year = int(match.group(1))
        step = 10 if match.group(0).endswith("s") else rng.choice([1, 2, 3, 5])
        deltas = [d for d in (-2, -1, 1, 2, 3) if year + d * step <= 2030]
        rng.shuffle(deltas)
        years = sorted(year + d * step for d in deltas[:n])
        return [key[: match.start(1)] + str(y) + key[match.end(1) :] for y in years]
    return []


# --- names ----------------------------------------------------------------------------------


def _aliases(cluster: Cluster | None, key: str) -> set[str]:
    names = set(cluster.names) if cluster else set()
    return {fold_words(n) for n in names | {key}}


def _paragraph(cluster: Cluster, analysis: Analysis) -> str:
    """'paragraph 4': where the passage first names a cluster."""
    first = cluster.mentions[0]
    number = next((n for n, doc in enumerate(analysis.docs) if doc is first.doc), 0)
    return f"paragraph {number + 1}"


# dependencies of a mention that name a person in its own right: not 'Merry' in 'Merry
# Christmas' (compound) nor 'Paul' in 'Saint Paul's Churchyard' (possessive of a name)
PERSON_USE_DEPS = NOMINAL_SUBJECT_DEPS | {"dobj", "pobj", "dative", "appos", "conj", "attr", "poss"}


NOT_PERSON_LABELS = ("ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")


def _named_person(cluster: Cluster, analysis: Analysis) -> bool:
    """A person the passage names as one: tagged a person far more often than anything else
    ('Manchester United' is a club), no 'the' or 'a' before it anywhere ('the Spectre
    organisation'), no word of an organization, and some mention that stands as a person (a
    subject, an object, a possessor of a common noun), not as part of another name."""
    others = sum(cluster.labels[label] for label in NOT_PERSON_LABELS)
    if cluster.labels["PERSON"] < 2 * others or looks_like_organization(cluster.name):
        return False
    if len(cluster.key) == 1 and cluster.key[0] in gendered_nouns():
        return False  # 'Grandpa', 'Mom': a family word for a name, who may be 'Walt' as well
    if any(t.tag_ == "NNPS" for t in cluster.mentions[0]):
        return False
    if fold_words(cluster.short.split()[-1]) in analysis.thing_names():
        return False
    for mention in cluster.mentions:
        before = mention.doc[mention.start - 1].lower_ if mention.start > 0 else ""
        if before in {"the", "a", "an"}:
            return False
    for mention in cluster.mentions:
        root = mention.root
        if root.dep_ not in PERSON_USE_DEPS:
            continue
        if root.dep_ in {"poss", "conj"} and root.head.pos_ == "PROPN" or in_longer_name(root):
            continue  # "Destiny's Child"
        if root.dep_ == "pobj" and root.head.lower_ in TIME_PREPOSITIONS:
            continue  # 'before Michaelmas', 'after Easter': a day, not a person
        return True
    return False


MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "uncle", "brother"}
FEMALE_TITLES = {"mrs", "miss", "ms", "lady", "queen", "princess", "mother", "aunt", "sister"}


def _asked_gender(prompt: str) -> str:
    """The gender a 'who' question's own pronouns give its answer ('Who … his wife …?' asks
    for a man), '' when it has none or both."""
    if not prompt.lower().startswith("who"):
        return ""
    words = set(re.findall(r"[a-z]+", outside_quotes(prompt).lower()))
    male, female = bool(words & MALE_PRONOUNS), bool(words & FEMALE_PRONOUNS)
    return "m" if male and not female else "f" if female and not male else ""


def _person_gender(name: str, analysis: Analysis, pronouns: dict[int, set[str]]) -> str:
    """'m' or 'f' for a name, from its title, its given name or what the passage says of the
    person (``pronouns``: the genders of the he and she that stand for each cluster), '' when
    unknown."""
    first = name.replace(".", " ").split()[0].lower() if name.split() else ""
    if first in MALE_TITLES or first in FEMALE_TITLES:
        return "m" if first in MALE_TITLES else "f"
    said = name_gender(name)
    if said:
        return said
    words = name.split()
    if len(words) == 1 and given_name_gender(words[0]):
        return given_name_gender(words[0])
    cluster = next((c for c in analysis.clusters if name in c.names), None)
    if cluster is None:
        return ""
    used = pronouns.get(cluster.id, set())
    return cluster.gender or (next(iter(used)) if len(used) == 1 else "")


TIME_PREPOSITIONS = {"before", "after", "until", "till", "since", "during", "by", "on", "in", "at"}


def _complements(verb: Token) -> frozenset[str]:
    """The nouns a verb says something of besides its subject: 'sky' in 'looked at the sky'."""
    out = set()
    for child in verb.children:
        if child.dep_ in {"dobj", "attr", "dative", "oprd"}:
            out.add(child.lemma_.casefold())
        elif child.dep_ in {"prep", "agent"}:
            out.update(g.lemma_.casefold() for g in child.children if g.dep_ == "pobj")
    return frozenset(out)


def relation(token: Token) -> tuple[str, str, frozenset[str]] | None:
    """(verb lemma, slot, other nouns of the verb) a mention stands in: 'Henry' in 'Henry
    looked at the sky' -> ('look', 'nsubj', {'sky'}); None when it is no verb's argument or
    the verb reports speech (what each says differs)."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head  # 'Soleimani and Ridha arrived': Ridha arrived too
    slot, verb = token.dep_, token.head
    if slot == "pobj" and verb.dep_ in {"prep", "agent"}:
        slot, verb = f"{verb.lower_}:pobj", verb.head
    if (
        verb.pos_ not in {"VERB", "AUX"}
        or slot not in {*NOMINAL_SUBJECT_DEPS, "dobj"}
        and (not slot.endswith(":pobj"))
    ):
        return None
    if any(c.dep_ in {"ccomp", "xcomp", "parataxis"} for c in verb.children):
        return None
    return verb.lemma_.casefold(), slot, _complements(verb) - {token.lemma_.casefold()}


def _same_relation(a: tuple[str, str, frozenset[str]], b: tuple[str, str, frozenset[str]]) -> bool:
    """The same verb, slot and (where either has some) a shared complement."""
    return a[:2] == b[:2] and (not (a[2] or b[2]) or bool(a[2] & b[2]))


def _said_the_same(cluster: Cluster, said: tuple | None) -> bool:
    """Whether the passage says of a cluster what the question says of the key ('Henry also
    looked at the sky' for 'Who looked at the sky?')."""
    if said is None:
        return False
    return any((r := relation(m.root)) and _same_relation(r, said) for m in cluster.mentions)


def _groups(clusters: list[Cluster]) -> dict[int, int]:
    """Clusters that share a name word are one person ('Ben', 'Rogers', 'Ben Rogers'): cluster
    id -> the id of the group's first cluster."""
    parent: dict[int, int] = {c.id: c.id for c in clusters}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_word: dict[str, int] = {}
    for c in clusters:
        for word in c.key:
            if len(word) > 1 and word in by_word:
                parent[root(c.id)] = root(by_word[word])
            by_word.setdefault(word, c.id)
    return {c.id: root(c.id) for c in clusters}


def _passage_names(
    analysis: Analysis,
    labels: Iterable[str],
    key: str,
    cluster: Cluster | None,
    rng: random.Random,
    said: tuple | None = None,
) -> list[Option]:
    """Other names of the passage of the key's type: one per entity (its surname where the key
    is a surname), none that shares a word with the key or the passage says the same of."""
    labels = list(labels)
    people = "PERSON" in labels
    key_words = set(name_key(key)) | (set(cluster.key) if cluster else set())
    # 'Zarif' among 'Esper' and 'Trump', not among 'Mark Esper' and 'Donald Trump'
    surnames = len(name_key(key)) == 1 and people
    clusters = analysis.clusters_of(labels)
    group = _groups(clusters) if people else {c.id: c.id for c in clusters}
    barred = {group[c.id] for c in clusters if c is cluster or set(c.key) & key_words}
    out, used = [], set(barred)
    given = {c.key[0] for c in analysis.clusters_of(["PERSON"]) if len(c.key) > 1}
    for other in clusters:
        if group[other.id] in used or (people and not _named_person(other, analysis)):
            continue
        if people and placed(other):
            continue  # 'in Great Falls': a town the tagger took for a person
        if people and not person_like(other, analysis):
            continue  # 'Billboard', 'Grammy Award', tagged people, that nothing shows are
        if all(_part_of_a_name(m.root) for m in other.mentions):
            continue  # 'Warhead' of 'Warhead 2000 A.D.', 'Destiny' of "Destiny's Child"
        if not people and _a_persons_name(other, given):
            continue  # 'Fryderyk', tagged a place, of 'Fryderyk Chopin' and 'Fryderyk's father'
        if _said_the_same(other, said):
            used.add(group[other.id])
            continue
        used.add(group[other.id])
        text = other.name
        if surnames:
            text = other.name.split()[-1]
            if fold_words(text) not in {fold_words(n) for n in other.names}:
                continue  # 'Fierce' of 'Sasha Fierce', 'Enlai' of 'Zhou Enlai': the passage
                # never calls them so, and a student strikes a clipped name at once
        out.append(Option(text, _paragraph(other, analysis)))
    # the most mentioned first, but not always the same three: shuffle within the top group
    top, rest = out[:6], out[6:]
    rng.shuffle(top)
    return top + rest


def _part_of_a_name(root: Token) -> bool:
    """A mention that is a word of a longer name: 'Warhead' in 'Warhead 2000 A.D.' (a proper
    noun's compound or modifier), 'Destiny' in "Destiny's Child"."""
    if root.dep_ in {"compound", "nmod"} and root.head.pos_ == "PROPN":
        return True
    return in_longer_name(root)


def _well_known_places(key: str, rng: random.Random) -> list[Option]:
    """For a well-known place whose passage names too few others of its kind: well-known
    places of the same kind in the same part of the world ('the Atlantic Ocean' beside 'the
    Pacific Ocean', 'Damascus' beside 'Baghdad'), which a student could believe; never a
    continent (Antarctica is no place a plague spread to)."""
    listed = place_of(key)
    if listed is None or listed[0] == "continent":
        return []
    kind, region = listed
    same = [name for name, k, r in places() if k == kind and r == region]
    rng.shuffle(same)
    return [Option(name, f"a well-known {kind} ({region})") for name in same]


def _a_persons_name(cluster: Cluster, given: set[str]) -> bool:
    """Whether a name the tagger gave another type is a person's: one word that begins a
    person's name in the passage, or a mention that acts as a person (see
    :func:`quizgen.text.analysis.mention_acts_as_person`)."""
    if len(cluster.key) == 1 and cluster.key[0] in given:
        return True
    return any(mention_acts_as_person(m) for m in cluster.mentions)


def distractors(
    key: str,
    label: str,
    analysis: Analysis,
    cluster: Cluster | None,
    rng: random.Random,
    avoid: Iterable[str] = (),
    n: int = 3,
) -> list[str]:
    """Up to ``n`` wrong options for a key of the given entity type (or NUMBER/DATE label)."""
    return _texts(wrong_options(key, label, analysis, cluster, rng, avoid, n)[:n])


def wrong_options(
    key: str,
    label: str,
    analysis: Analysis,
    cluster: Cluster | None,
    rng: random.Random,
    avoid: Iterable[str] = (),
    n: int = 3,
    said: tuple | None = None,
) -> list[Option]:
    """Up to ``n`` wrong options, best first, and up to ``KEPT`` next-best ones after them, for
    a key of the given entity type (or NUMBER/DATE label); ``said`` is the key's relation in
    the question's fact (see :func:`relation`)."""
    if label in {"CARDINAL", "QUANTITY"}:
        pool = [Option(x, "the key's number, changed") for x in perturb_number(key, rng, n + KEPT)]
    elif label == "DURATION":
        pool = [
            Option(d, "another length of time in the passage")
            for d in _passage_durations(analysis, key)
        ]
        pool += [
            Option(d, "the key's length of time, changed")
            for d in perturb_duration(key, rng, n + KEPT)
        ]
    elif label in {"DATE", "TIME"}:
        pool = [Option(d, "another date in the passage") for d in _passage_dates(analysis, key)]
        pool += [Option(d, "the key's date, moved") for d in perturb_date(key, rng, n + KEPT)]
    elif label == "PERSON":
        if cluster is not None and not _named_person(cluster, analysis):
            return []  # 'Spectre' for 'Who ...?': no person's name among people's names
        pool = _passage_names(analysis, ["PERSON"], key, cluster, rng, said)
        asked = next((g for g in map(_asked_gender, avoid) if g), "")
        pronouns = analysis.pronoun_genders()
        if asked:  # 'Who … to make his wife understand his character?': men only, known as such
            # (a name whose gender nothing shows, 'Jane' said once, is left out)
            pool = [p for p in pool if _person_gender(p.text, analysis, pronouns) == asked]
    elif label in PLACE_TYPES:
        pool = _passage_names(analysis, [label], key, cluster, rng, said)
        kind = place_kind(key)
        # a city for a city (the lexicon knows both), a place it does not know beside one it
        # does not know either: not 'Kirkuk' for a country, nor 'the United States' for a town
        pool = [p for p in pool if place_kind(p.text) == kind]
        if len(pool) < n:
            pool += _well_known_places(key, rng)
    elif label in {"NORP", "ORG", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "LANGUAGE"}:
        # 'ANZUS' beside 'Taranaki' gives the key away: acronyms with acronyms only
        pool = [
            o
            for o in _passage_names(analysis, [label], key, cluster, rng, said)
            if label == "NORP" or _acronym(o.text) == _acronym(key)
        ]
        kind = organization_kind(key)
        if kind:  # 'Which school …?': schools only, not an award or an association
            pool = [o for o in pool if organization_kind(o.text) == kind]
    elif label in REASON_LABELS:
        return reason_options(key, label, analysis, rng, avoid, n)
    else:
        return []
    return choose(pool, key, _aliases(cluster, key), avoid, n + KEPT)


def _passage_dates(analysis: Analysis, key: str) -> list[str]:
    """Other dates in the passage written the same way (a year for a year)."""
    shape = _date_shape(key)
    if shape == "other":
        return []
    dates = analysis.dates
    same = [d for d in dates if _date_shape(d) == shape and fold_words(d) != fold_words(key)]
    year = year_of(key)
    if year is None:
        return same
    # the nearest years first: 1609 and 1664 beside 1626, not 2013
    return sorted(same, key=lambda d: abs((year_of(d) or year) - year))


def _date_shape(text: str) -> str:
    if re.fullmatch(r"(1\d{3}|20\d{2})", text.strip()):
        return "year"
    if re.fullmatch(r"(the )?(1\d{3}|20\d{2})s", text.strip()):
        return "decade"
    if any(d in text for d in WEEKDAYS):
        return "weekday"
    if any(m in text for m in MONTHS):
        # 'January' beside 'February 2021' stands out: a day and a year are part of the shape
        day = bool(re.search(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?(?!\d)", text))
        year = bool(re.search(r"\b(1\d{3}|20\d{2})\b", text))
        return "month" + (" day" if day else "") + (" year" if year else "")
    return "other"


def similar_length(option: str, key: str) -> bool:
    """Neither half nor twice the key's length, or within ten characters of it: three options
    all far shorter or longer than the key give it away."""
    return 0.5 <= len(option) / max(1, len(key)) <= 2.0 or abs(len(option) - len(key)) <= 10


def choose(
    pool: Iterable[Option | str], key: str, aliases: set[str], avoid: Iterable[str], n: int
) -> list:
    """The first ``n`` options of a pool that are distinct, not aliases of the key, of the
    key's case, of comparable length, and not mentioned in the question (texts for a pool of
    texts, :class:`Option` for a pool of options)."""
    avoid = list(avoid)
    avoid_norm = [f" {fold_words(a)} " for a in avoid]
    avoid_names = {w for a in avoid for w in _name_words(a, skip_first=True)}
    # the key's names, then each chosen, singular: 'Polynesian' is 'Polynesians' again
    taken = [_singular(f" {fold_words(a)} ") for a in {*aliases, key}]
    chosen: list = []
    for raw in pool:
        text = raw.text if isinstance(raw, Option) else raw
        option = match_case(text.strip(), key)
        if not option:
            continue
        normed = f" {fold_words(option)} "
        if not normed.strip() or any(_holds(_singular(normed), t) for t in taken):
            continue
        if any(normed in a for a in avoid_norm) or avoid_names & _name_words(option):
            continue  # said in the question: 'Wojciech Żywny' for 'Who took lessons from Żywny?'
        if not similar_length(option, key) or _broken(option):
            continue
        chosen.append(Option(option, raw.source) if isinstance(raw, Option) else option)
        taken.append(_singular(normed))
        if len(chosen) == n:
            break
    return chosen


def _singular(padded: str) -> str:
    """A normalized, space-padded text with each word's plural ending cut ('europeans' ->
    'european', 'churches' -> 'church'), so that two forms of one name compare as one."""
    return re.sub(r"(?<=[a-z]{3})(?:(?<=ch|sh)es|(?<=x)es|(?<!s)s)(?= )", "", padded)


def _broken(text: str) -> bool:
    """Half a bracket or a quotation, or punctuation inside: 'O.S. 5 May]', 'the bed
    listening;--just'."""
    if any(mark in text for mark in ';[]()\u201c\u201d"') or "--" in text:
        return True
    return text.count("\u2019") > text.count("\u2019s") + text.count("n\u2019t")


def _acronym(name: str) -> bool:
    """'NASA', 'ANZAC', 'U.N.': a name written in capitals."""
    letters = name.replace(".", "").replace("the ", "")
    return len(letters) >= 2 and letters.isupper()


def _name_words(text: str, *, skip_first: bool = False) -> set[str]:
    """The capitalized words of a text, case-folded (but a sentence's first word)."""
    words = text.split()[1:] if skip_first else text.split()
    return {fold_words(w) for w in words if w[:1].isupper() and fold_words(w)}


def _holds(a: str, b: str) -> bool:
    """Whether one text holds the other, both normalized and padded with spaces (and the
    second not empty)."""
    return b.strip() != "" and (a in b or b in a)


# --- common noun phrases ----------------------------------------------------------------------


def same_class(key: str, other: str) -> bool:
    """Whether two head nouns stand side by side as options: a deep ancestor in common, and
    neither a kind of the other ('pebbles' and 'planks' no; 'tears' and 'sobs' yes; 'the
    wife' beside 'the woman' no, she is one)."""
    return class_depth(key, other) >= SAME_CLASS_DEPTH and not kind_of(key, other)


def phrase_distractors(
    answer: str,
    key_tokens,
    analysis: Analysis,
    rng: random.Random,
    *,
    person: bool,
    avoid: Iterable[str] = (),
    n: int = 3,
) -> list[str]:
    """Other noun phrases of the passage shaped like the key (see :func:`phrase_options`)."""
    return _texts(
        phrase_options(answer, key_tokens, analysis, rng, person=person, avoid=avoid, n=n)[:n]
    )


def phrase_options(
    answer: str,
    key_tokens,
    analysis: Analysis,
    rng: random.Random,
    *,
    person: bool,
    avoid: Iterable[str] = (),
    n: int = 3,
) -> list[Option]:
    """Other noun phrases of the passage shaped like the key: same determiner, same number,
    person for person, a head noun of the key's class, of comparable length; never one the
    passage gives the same verb. Best first, then up to ``KEPT`` next-best."""
    key = describe(list(key_tokens), person=person) if key_tokens else None
    if key is None:
        return []
    key_words = {w for w in fold_words(key.text).split() if len(w) > 3}
    pool = [
        p
        for p in analysis.noun_phrases()
        if p.determiner == key.determiner
        and p.plural == key.plural
        and p.person == key.person
        and p.head != key.head
        and not (key.verb and p.verb == key.verb)
        and not key_words & set(fold_words(p.text).split())
        and same_class(key.head, p.head)
    ]
    # the closest in class first, then in length
    pool.sort(
        key=lambda p: (-min(class_depth(key.head, p.head), 8), abs(len(p.text) - len(key.text)))
    )
    top = pool[:8]
    rng.shuffle(top)
    options = [Option(p.text, f"paragraph {p.paragraph}") for p in top + pool[8:]]
    return choose(options, answer, {fold_words(key.text)}, avoid, n + KEPT)


# --- causes, purposes and means -----------------------------------------------------------------

# the leads of a reason and the form each belongs to: options are of the key's form, and given
# the key's own lead ('because of the drought' beside 'because of the floods', never 'due to')
REASON_LEADS = (
    ("because of", "cause-phrase"),
    ("due to", "cause-phrase"),
    ("owing to", "cause-phrase"),
    ("on account of", "cause-phrase"),
    ("as a result of", "cause-phrase"),
    ("because", "cause-clause"),
    ("since", "cause-clause"),
    ("in order to", "purpose"),
    ("so as to", "purpose"),
    ("to", "purpose"),
    ("so that", "purpose-clause"),
    ("by", "means"),
)
REASON_LABELS = {"CAUSE": "cause", "PURPOSE": "purpose", "MEANS": "means"}
REASON_WORDS = (3, 15)  # an option shorter is a fragment, longer stands out


def reason_form(text: str) -> tuple[str, str] | None:
    """(lead, form) of a cause, purpose or means as a key words it: 'because floods had
    weakened it' -> ('because', 'cause-clause'); None for another shape."""
    low = text.lower()
    return next(((lead, form) for lead, form in REASON_LEADS if low.startswith(lead + " ")), None)


@dataclass(frozen=True, slots=True)
class Reason:
    """A cause, purpose or means the passage gives, and of what: the clause it explains."""

    text: str
    paragraph: int
    sentence: int  # the start of its sentence in the paragraph's doc
    effect: tuple[str, str]  # the explained clause's verb lemma and subject, case-folded
    loose: bool  # it holds an 'it' or 'they' only the clause it explains makes clear


def passage_reasons(analysis: Analysis) -> list[Reason]:
    """Every cause, purpose and means the passage's clauses give, as why and how questions
    take them for keys (see :mod:`quizgen.items.rules`)."""
    from quizgen.items import rules
    from quizgen.text import extract

    found = []
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not extract.is_askable(sentence, doc.text):
                continue
            for clause in extract.clauses(sentence, n, analysis):
                effect = (clause.verb.lemma_.casefold(), fold_words(clause.subject.text))
                for finder in (rules.find_cause, rules.find_purpose, rules.find_means):
                    for slot in finder(clause, analysis):
                        loose = slot.removed is not None and slot.removed.loose
                        found.append(Reason(slot.answer, n, sentence.start, effect, loose))
    return found


def reason_options(
    key: str, label: str, analysis: Analysis, rng: random.Random, avoid: Iterable[str], n: int
) -> list[Option]:
    """Other causes (purposes, means) the passage gives of other things, in the key's form and
    with its lead: 'because the river rose' beside 'because floods had weakened it'. None that
    the passage gives of the key's own statement or sentence, none holding a pronoun only its
    own clause explains, none a fragment."""
    form = reason_form(key)
    if form is None:
        return []
    lead, shape = form
    reasons = passage_reasons(analysis)
    keys = [r for r in reasons if r.text == key]
    if not keys:
        return []  # the key is not one the passage's clauses give: no telling what is also right
    places = {(r.paragraph, r.sentence) for r in keys}
    effects = {r.effect for r in keys}
    pool: list[Option] = []
    for r in reasons:
        other = reason_form(r.text)
        if other is None or other[1] != shape or r.loose:
            continue
        if (r.paragraph, r.sentence) in places or r.effect in effects:
            continue  # a reason of the same thing is also right
        text = lead + r.text[len(other[0]) :]
        words = len(text.split())
        if not REASON_WORDS[0] <= words <= REASON_WORDS[1]:
            continue
        if {w.strip(".,;:").lower() for w in text.split()} & VAGUE_WORDS:
            continue
        pool.append(Option(text, f"another {REASON_LABELS[label]} in the passage"))
    rng.shuffle(pool)
    return choose(pool, key, set(), avoid, n + KEPT)


VAGUE_WORDS = {"it", "its", "they", "them", "their", "this", "these", "those", "itself"}
