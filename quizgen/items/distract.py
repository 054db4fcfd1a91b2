"""Wrong options that are plausible: of the key's type, first from the passage, then from
shipped lists; numbers and dates perturbed in the key's own form.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from quizgen.base.folding import fold_words
from quizgen.quiz.model import Label
from quizgen.text.analysis import Analysis, Cluster, describe, name_key
from quizgen.text.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PLACE_TYPES,
    SCALES,
    TENS,
    WEEKDAYS,
    YEAR,
    family_names,
    given_names,
    is_duration,
    name_gender,
    nationalities,
    place_kind,
    place_of,
    places,
)


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


def _passage_names(
    analysis: Analysis, labels: Iterable[str], key: str, cluster: Cluster | None, rng: random.Random
) -> list[str]:
    key_words = set(name_key(key))
    # 'Zarif' among 'Esper' and 'Trump', not among 'Mark Esper' and 'Donald Trump'
    surnames = len(name_key(key)) == 1 and Label.PERSON in labels
    out = [
        other.name.split()[-1] if surnames else other.name
        for other in analysis.clusters_of(labels)
        if other is not cluster and not set(other.key) & key_words
    ]
    # the most mentioned first, but not always the same three: shuffle within the top group
    top, rest = out[:6], out[6:]
    rng.shuffle(top)
    return top + rest


def _listed_places(key: str, rng: random.Random) -> list[str]:
    found = place_of(key)
    if found is None:
        return []
    kind, region = found
    near = [
        p for p, k, r in places() if k == kind and r == region and fold_words(p) != fold_words(key)
    ]
    far = [p for p, k, r in places() if k == kind and r != region]
    rng.shuffle(near)
    rng.shuffle(far)
    return near + far


LISTED_PEOPLE = 30  # names drawn from the shipped lists: choose() rarely needs more than 3


def _listed_people(key: str, rng: random.Random) -> list[str]:
    words = key.split()
    pool = given_names(name_gender(key))  # a man's name among men's names
    given = rng.sample(pool, min(LISTED_PEOPLE, len(pool)))
    family = rng.sample(family_names(), min(LISTED_PEOPLE, len(family_names())))
    if len(words) == 1:
        return family
    titles = words[:-2] if len(words) > 2 else []
    return [" ".join([*titles, g, f]) for g, f in zip(given, family, strict=False)]


def distractors(
    key: str,
    label: Label,
    analysis: Analysis,
    cluster: Cluster | None,
    rng: random.Random,
    avoid: Iterable[str] = (),
    n: int = 3,
) -> list[str]:
    """Up to ``n`` wrong options for a key of the given label."""
    if label in {Label.CARDINAL, Label.QUANTITY}:
        pool = perturb_number(key, rng, n + 2)
    elif label is Label.DURATION:
        pool = _passage_durations(analysis, key) + perturb_duration(key, rng, n + 2)
    elif label in {Label.DATE, Label.TIME}:
        pool = _passage_dates(analysis, key) + perturb_date(key, rng, n + 2)
    elif label is Label.PERSON:
        pool = _passage_names(analysis, [Label.PERSON], key, cluster, rng)
        pool += _listed_people(key, rng)
    elif label in PLACE_TYPES:
        same = _passage_names(analysis, [label], key, cluster, rng)
        kind = place_kind(key)
        if kind is not None:  # a country for a country, a city for a city
            same = [p for p in same if place_kind(p) == kind]
        pool = (
            same
            + _listed_places(key, rng)
            + _passage_names(analysis, PLACE_TYPES - {label}, key, cluster, rng)
        )
    elif label is Label.NORP:
        pool = _passage_names(analysis, [Label.NORP], key, cluster, rng) + rng.sample(
            list(nationalities()), len(nationalities())
        )
    elif label in {
        Label.ORG,
        Label.EVENT,
        Label.WORK_OF_ART,
        Label.LAW,
        Label.PRODUCT,
        Label.FAC,
        Label.LANGUAGE,
    }:
        # 'ANZUS' beside 'Taranaki' gives the key away: acronyms with acronyms only
        pool = [
            name
            for name in _passage_names(analysis, [label], key, cluster, rng)
            if _acronym(name) == _acronym(key)
        ]
    else:
        return []
    return choose(pool, key, _aliases(cluster, key), avoid, n)


def _passage_dates(analysis: Analysis, key: str) -> list[str]:
    """Other dates in the passage written the same way (a year for a year)."""
    shape = _date_shape(key)
    if shape == "other":
        return []
    return [
        d for d in analysis.dates if _date_shape(d) == shape and fold_words(d) != fold_words(key)
    ]


def _date_shape(text: str) -> str:
    if re.fullmatch(r"(1\d{3}|20\d{2})", text.strip()):
        return "year"
    if re.fullmatch(r"(the )?(1\d{3}|20\d{2})s", text.strip()):
        return "decade"
    if any(d in text for d in WEEKDAYS):
        return "weekday"
    if any(m in text for m in MONTHS):
        return "month"
    return "other"


def choose(
    pool: Iterable[str], key: str, aliases: set[str], avoid: Iterable[str], n: int
) -> list[str]:
    """The first ``n`` options of a pool that are distinct, not aliases of the key, of the
    key's case, of comparable length, and not mentioned in the question."""
    avoid = list(avoid)
    avoid_norm = [f" {fold_words(a)} " for a in avoid]
    avoid_names = {w for a in avoid for w in _name_words(a, skip_first=True)}
    taken = [f" {fold_words(a)} " for a in {*aliases, key}]  # the key's names, then each chosen
    chosen: list[str] = []
    for raw in pool:
        option = match_case(raw.strip(), key)
        if not option:
            continue
        normed = f" {fold_words(option)} "
        if not normed.strip() or any(_holds(normed, t) for t in taken):
            continue
        if any(normed in a for a in avoid_norm) or avoid_names & _name_words(option):
            continue  # said in the question: 'Wojciech Żywny' for 'Who took lessons from Żywny?'
        if not 0.5 <= (len(option) + 4) / (len(key) + 4) <= 2.0:
            continue
        chosen.append(option)
        taken.append(normed)
        if len(chosen) == n:
            break
    return chosen


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
    """Other noun phrases of the passage shaped like the key: same determiner, same number,
    person for person, of comparable length; never one the passage gives the same verb."""
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
    ]
    pool.sort(key=lambda p: (abs(len(p.text) - len(key.text)), p.text))
    top = pool[:8]
    rng.shuffle(top)
    return choose([p.text for p in top + pool[8:]], answer, {fold_words(key.text)}, avoid, n)
