"""Wrong options: of the key's type, in its form and case, never an alias of it."""

import random

from docs import make_doc

from quizgen.items import distract
from quizgen.quiz.model import Label
from quizgen.text import lexicon
from quizgen.text.analysis import analyze


def rng():
    return random.Random(7)


def people_doc(names: list[str]):
    """'A met B. C met D.' style paragraph: each name a PERSON entity."""
    rows, ents = [], []
    for name in names:
        words = name.split()
        start = len(rows)
        for k, w in enumerate(words):
            head = start + len(words) - 1
            rows.append(
                (
                    w,
                    head if k < len(words) - 1 else start + len(words),
                    "compound" if k < len(words) - 1 else "nsubj",
                    "NNP",
                    "PROPN",
                    w,
                )
            )
        rows.append(("spoke", start + len(words), "ROOT", "VBD", "VERB", "speak"))
        rows.append((".", start + len(words), "punct", ".", "PUNCT", "."))
        ents.append((start, start + len(words), "PERSON"))
    return make_doc(rows, ents)


def test_numbers_keep_the_keys_form():
    digits = distract.perturb_number("31", rng())
    assert len(digits) == 3 and all(d.isdigit() for d in digits) and "31" not in digits
    assert "13" in distract.perturb_number("31", random.Random(1), 5)
    words = distract.perturb_number("five", rng())
    assert all(w.isalpha() for w in words) and "five" not in words
    assert distract.perturb_number("2,400", rng())[0].count(",") == 1


def test_number_words_parse():
    assert distract.parse_number("thirty-one") == (31.0, "words")
    assert distract.parse_number("31") == (31.0, "digits")
    assert distract.parse_number("two hundred") == (200.0, "words")
    assert distract.parse_number("Friday") is None


def test_dates_stay_in_the_keys_format():
    years = distract.perturb_date("1557", rng())
    assert len(years) == 3 and all(len(y) == 4 and y.isdigit() and y != "1557" for y in years)
    days = distract.perturb_date("early Friday", rng())
    assert all(d.startswith("early ") and d != "early Friday" for d in days)
    assert all(d.startswith("Dec. ") for d in distract.perturb_date("Dec. 27", rng()))


def test_people_from_the_passage_never_an_alias_of_the_key():
    doc = people_doc(["Qasem Soleimani", "Soleimani", "Mark Esper", "Javad Zarif", "Bashar Assad"])
    analysis = analyze([doc])
    key_cluster = next(c for c in analysis.clusters if c.key == ("qasem", "soleimani"))
    options = distract.distractors("Qasem Soleimani", Label.PERSON, analysis, key_cluster, rng())
    assert len(options) == 3
    assert not any("Soleimani" in o for o in options)
    assert set(options) <= {"Mark Esper", "Javad Zarif", "Bashar Assad"}


def test_too_few_people_in_the_passage_are_made_up_from_shipped_names():
    doc = people_doc(["Mark Esper", "Javad Zarif"])
    analysis = analyze([doc])
    cluster = next(c for c in analysis.clusters if c.key == ("mark", "esper"))
    options = distract.distractors("Mark Esper", Label.PERSON, analysis, cluster, rng())
    assert len(options) == 3 and "Javad Zarif" in options
    assert all(len(o.split()) == 2 for o in options)


def test_keys_with_titles_get_titled_options():
    options = distract._listed_people("President Donald Trump", rng())[:3]
    assert all(o.startswith("President ") for o in options)


def test_a_place_gets_places_of_its_kind():
    analysis = analyze([make_doc([("Paris", 0, "ROOT", "NNP", "PROPN", "Paris")], [(0, 1, "GPE")])])
    options = distract.distractors("Warsaw", Label.GPE, analysis, None, rng())
    assert len(options) == 3 and all(lexicon.place_kind(o) == "city" for o in options)


def test_options_match_the_keys_case_and_are_distinct():
    chosen = distract.choose(
        [
            "the Pacific Ocean",
            "The Atlantic Ocean",
            "the Atlantic Ocean",
            "Pacific",
            "the Indian Ocean",
        ],
        "the Red Sea",
        {"the red sea"},
        [],
        3,
    )
    assert chosen == ["the Pacific Ocean", "the Atlantic Ocean", "the Indian Ocean"]
    assert distract.match_case("Paris", "the wood") is None


def test_plural_key_and_unknown_type_get_no_options():
    analysis = analyze([make_doc([("Tides", 0, "ROOT", "NNS", "NOUN", "tide")])])
    assert distract.distractors("the tides", Label.NONE, analysis, None, rng()) == []


def test_a_surname_key_gets_surnames():
    """'Zarif' among 'Esper' and 'Trump', not among 'Mark Esper' and 'Donald Trump'."""
    names = ["Javad Zarif", "Mark Esper", "Donald Trump", "Zarif", "Esper"]
    analysis = analyze([people_doc(names)])
    zarif = analysis.cluster_of(0, analysis.docs[0][1])
    options = distract.distractors("Zarif", Label.PERSON, analysis, zarif, rng())
    assert options and all(len(o.split()) == 1 for o in options)
    assert "Esper" in options
