"""Wrong options: of the key's type, in its form and case, never an alias of it."""

import random

from docs import make_doc

from quizgen.items import distract
from quizgen.text import analysis as analysis_module
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
    options = distract.distractors("Qasem Soleimani", "PERSON", analysis, key_cluster, rng())
    assert len(options) == 3
    assert not any("Soleimani" in o for o in options)
    assert set(options) <= {"Mark Esper", "Javad Zarif", "Bashar Assad"}


def test_too_few_people_in_the_passage_make_no_options_and_none_is_invented():
    doc = people_doc(["Mark Esper", "Javad Zarif"])
    analysis = analyze([doc])
    cluster = next(c for c in analysis.clusters if c.key == ("mark", "esper"))
    options = distract.distractors("Mark Esper", "PERSON", analysis, cluster, rng())
    assert options == ["Javad Zarif"]  # too few for multiple choice: a short answer instead


def test_a_first_name_and_a_surname_of_one_person_give_one_option():
    """'Ben' and 'Rogers' beside 'Ben Rogers' are one boy: one option, not two."""
    names = ["Tom", "Ben Rogers", "Ben", "Rogers", "Jim", "Polly"]
    analysis = analyze([people_doc(names)])
    tom = analysis.cluster_of(0, analysis.docs[0][0])
    options = distract.distractors("Tom", "PERSON", analysis, tom, rng(), n=4)
    assert sum(o in {"Ben", "Rogers"} for o in options) == 1
    assert {"Jim", "Polly"} <= set(options)


def test_someone_the_passage_says_the_same_of_is_no_option():
    """'Henry looked at the sky' too: Henry is a second right answer to 'Who looked at ...'."""
    rows = []
    for name in ("Dorothy", "Henry", "Emily", "Jack"):  # given names: people
        start = len(rows)
        looked = name in {"Dorothy", "Henry"}
        verb, lemma, obj = ("looked", "look", "sky") if looked else ("washed", "wash", "dish")
        rows += [
            (name, start + 1, "nsubj", "NNP", "PROPN", name),
            (verb, start + 1, "ROOT", "VBD", "VERB", lemma),
            (
                "at" if looked else "the",
                start + 1 if looked else start + 3,
                "prep" if looked else "det",
                "IN" if looked else "DT",
                "ADP" if looked else "DET",
                "at" if looked else "the",
            ),
            (
                "the" if looked else "dishes",
                start + 4 if looked else start + 1,
                "det" if looked else "dobj",
                "DT" if looked else "NNS",
                "DET" if looked else "NOUN",
                "the" if looked else obj,
            ),
        ]
        if looked:
            rows.append(("sky", start + 2, "pobj", "NN", "NOUN", "sky"))
        rows.append((".", start + 1, "punct", ".", "PUNCT", "."))
    starts = [i for i, r in enumerate(rows) if r[4] == "PROPN"]
    doc = make_doc(rows, [(i, i + 1, "PERSON") for i in starts])
    analysis = analyze([doc])
    dorothy = analysis.cluster_of(0, doc[0])
    said = distract.relation(doc[0])
    assert said == ("look", "nsubj", frozenset({"sky"}))
    options = distract.wrong_options("Dorothy", "PERSON", analysis, dorothy, rng(), said=said)
    assert [o.text for o in options] and "Henry" not in [o.text for o in options]
    assert all(o.source.startswith("paragraph ") for o in options)


def test_names_tagged_otherwise_or_with_an_article_are_no_people():
    analysis = analyze([people_doc(["Tom", "Jim", "Polly"])])
    jim = analysis.cluster_of(0, analysis.docs[0][3])
    jim.labels["ORG"] += 3  # 'Manchester United': mostly tagged an organization
    tom = analysis.cluster_of(0, analysis.docs[0][0])
    assert distract.distractors("Tom", "PERSON", analysis, tom, rng()) == ["Polly"]


def test_a_place_gets_places_of_its_kind_from_the_passage_only():
    rows = [
        ("She", 1, "nsubj", "PRP", "PRON", "she"),
        ("left", 1, "ROOT", "VBD", "VERB", "leave"),
        ("Paris", 1, "dobj", "NNP", "PROPN", "Paris"),
        ("for", 1, "prep", "IN", "ADP", "for"),
        ("France", 3, "pobj", "NNP", "PROPN", "France"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    analysis = analyze([make_doc(rows, [(2, 3, "GPE"), (4, 5, "GPE")])])
    options = distract.distractors("Warsaw", "GPE", analysis, None, rng())
    # a city beside a city, the passage's first; no country; then well-known cities of the
    # same part of the world
    assert options[0] == "Paris" and "France" not in options
    assert all(lexicon.place_of(o) == ("city", "Europe") for o in options)
    assert lexicon.place_kind("France") == "country"
    # a place no list knows gets no listed place of another kind, nor any from outside
    assert distract.distractors("Brochów", "GPE", analysis, None, rng()) == []


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
    assert distract.distractors("the tides", "", analysis, None, rng()) == []


def test_a_surname_key_gets_surnames():
    """'Zarif' among 'Esper' and 'Trump', not among 'Mark Esper' and 'Donald Trump'; and only
    surnames the passage itself uses alone ('Fierce' of 'Sasha Fierce' is nobody)."""
    names = ["Javad Zarif", "Mark Esper", "Donald Trump", "Zarif", "Esper"]
    analysis = analyze([people_doc(names)])
    zarif = analysis.cluster_of(0, analysis.docs[0][1])
    options = distract.distractors("Zarif", "PERSON", analysis, zarif, rng())
    assert options and all(len(o.split()) == 1 for o in options)
    assert "Esper" in options and "Trump" not in options


def test_a_one_word_name_is_a_person_option_only_when_the_passage_shows_a_person():
    """'Billboard', tagged a person, with nothing to show it is one, is no option; 'Henry', a
    given name, and 'Zeb', who speaks, are (people_doc has everyone speak: 'Zeb spoke.')."""
    doc = people_doc(["Mark Esper", "Henry", "Zeb", "Javad Zarif"])
    rows = [
        ("Billboard", 1, "nsubj", "NNP", "PROPN", "Billboard"),
        ("named", 1, "ROOT", "VBD", "VERB", "name"),
        ("Esper", 1, "dobj", "NNP", "PROPN", "Esper"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    named = make_doc(rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])
    analysis = analyze([doc, named, make_doc(rows, [(0, 1, "PERSON"), (2, 3, "PERSON")])])
    esper = analysis.cluster_of(0, doc[1])
    options = distract.distractors("Mark Esper", "PERSON", analysis, esper, rng(), n=5)
    assert {"Henry", "Zeb", "Javad Zarif"} == set(options)


def test_a_word_of_a_longer_name_is_no_option():
    """'Warhead' of 'Warhead 2000 A.D.': a proper noun's modifier (for "Destiny's Child", see
    test_a_possessive_before_a_capital_noun_is_part_of_a_name_not_a_person)."""
    rows = [
        ("Warhead", 2, "compound", "NNP", "PROPN", "Warhead"),
        ("2000", 2, "nummod", "CD", "NUM", "2000"),
        ("A.D.", 2, "ROOT", "NNP", "PROPN", "A.D."),
    ]
    doc = make_doc(rows, [(0, 1, "GPE")])
    assert distract._part_of_a_name(doc[0])
    assert not distract._part_of_a_name(doc[2])


def test_year_ranges_move_both_ends_together():
    assert all(
        y.endswith(f"\u2013{int(y[2:4]) + 1:02d}")
        for y in distract.perturb_date("2003\u201304", rng())
    )
    years = distract.perturb_date("the 1854\u20131855 academic year", rng())
    assert len(years) == 3 and all(int(y[9:13]) == int(y[4:8]) + 1 for y in years)


def test_passage_years_nearest_first():
    rows = [
        ("In", 3, "prep", "IN", "ADP", "in"),
        ("2013", 0, "pobj", "CD", "NUM", "2013"),
        ("and", 1, "cc", "CC", "CCONJ", "and"),
        ("left", 3, "ROOT", "VBD", "VERB", "leave"),
        ("1609", 3, "npadvmod", "CD", "NUM", "1609"),
    ]
    analysis = analyze([make_doc(rows, [(1, 2, "DATE"), (4, 5, "DATE")])])
    assert distract._passage_dates(analysis, "1626") == ["1609", "2013"]


def test_noun_classes_keep_options_of_the_keys_class():
    assert distract.same_class("ray", "veil")
    assert not distract.same_class("pebble", "plank")  # objects, but no class
    assert not distract.same_class("wife", "woman")  # she is a woman: a second right answer
    assert not distract.same_class("missile", "signal")
    assert lexicon.kind_of("traveler", "person")


def test_fillers_broken_text_and_length_cues_are_no_options():
    assert distract._broken("O.S. 5 May]") and distract._broken("the bed listening;--just")
    assert not distract._broken("the old man\u2019s heart")
    assert not distract.similar_length("a", "the paramilitary groups of the region")
    assert distract.similar_length("the armed forces", "the paramilitary groups")
    assert "majority" in analysis_module.FILLER_NOUNS


def test_a_plural_or_singular_form_of_the_key_or_of_a_chosen_option_is_no_option():
    pool = ["Polynesian", "Europeans", "European", "Dutch", "French", "Maori"]
    chosen = distract.choose(pool, "Polynesians", set(), [], 4)
    assert chosen == ["Europeans", "Dutch", "French", "Maori"]
    assert distract.choose(["Church", "Boxes", "Box"], "Churches", set(), [], 3) == ["Boxes"]


def test_a_who_question_whose_words_say_a_man_gets_only_men_known_as_such():
    names = ["Henry Baker", "Jane Baker", "Mary Stone", "John Stone", "Peter Hale", "Netherfield"]
    analysis = analyze([people_doc(names)])
    henry = next(c for c in analysis.clusters if c.key == ("henry", "baker"))
    asked = "Who was too proud to let his wife understand his character?"
    options = distract.distractors("Henry Baker", "PERSON", analysis, henry, rng(), [asked], n=4)
    assert set(options) == {"John Stone", "Peter Hale"}
    assert distract._asked_gender(asked) == "m"
    assert (
        distract._asked_gender("Who said, \u201cHe is here\u201d?") == ""
    )  # quoted: not the answer


def test_a_persons_first_name_the_tagger_calls_a_place_is_no_place_option():
    """'Fryderyk Chopin left Paris. Fryderyk lived in Lyon.': 'Fryderyk' (tagged a place in
    the second sentence) is no option for a city."""
    rows = [
        ("Fryderyk", 1, "compound", "NNP", "PROPN", "Fryderyk"),
        ("Chopin", 2, "nsubj", "NNP", "PROPN", "Chopin"),
        ("left", 2, "ROOT", "VBD", "VERB", "leave"),
        ("Paris", 2, "dobj", "NNP", "PROPN", "Paris"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    lived = [
        ("Fryderyk", 1, "nsubj", "NNP", "PROPN", "Fryderyk"),
        ("lived", 1, "ROOT", "VBD", "VERB", "live"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("Lyon", 2, "pobj", "NNP", "PROPN", "Lyon"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    docs = [
        make_doc(rows, [(0, 2, "PERSON"), (3, 4, "GPE")]),
        make_doc(lived, [(0, 1, "GPE"), (3, 4, "GPE")]),
    ]
    options = distract.distractors("Warsaw", "GPE", analyze(docs), None, rng())
    assert "Fryderyk" not in options and "Paris" in options


def test_a_well_known_place_the_passage_names_alone_gets_places_of_its_kind_and_region():
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("capsule", 2, "nsubj", "NN", "NOUN", "capsule"),
        ("landed", 2, "ROOT", "VBD", "VERB", "land"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("Pacific", 6, "compound", "NNP", "PROPN", "Pacific"),
        ("Ocean", 3, "pobj", "NNP", "PROPN", "Ocean"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    analysis = analyze([make_doc(rows, [(4, 7, "LOC")])])
    options = distract.distractors("the Pacific Ocean", "LOC", analysis, None, rng())
    assert len(options) == 3
    assert all(lexicon.place_kind(o) == "ocean" for o in options)
    assert distract.distractors("Europe", "LOC", analysis, None, rng()) == []  # no continents


def test_a_name_offered_as_a_person_looks_like_one():
    """'Grammy Award' and 'Great Falls', tagged people, end in English nouns for things;
    'Bertie Mee' does not; a name the passage puts things in ('in Great Falls') is a place."""
    rows = []
    ents = []
    for name in ("Grammy Award", "Great Falls", "Bertie Mee"):
        first, last = name.split()
        start = len(rows)
        rows += [
            (first, start + 1, "compound", "NNP", "PROPN", first),
            (last, start + 2, "nsubj", "NNP", "PROPN", last),
            ("mattered", start + 2, "ROOT", "VBD", "VERB", "matter"),
            (".", start + 2, "punct", ".", "PUNCT", "."),
        ]
        ents.append((start, start + 2, "PERSON"))
    start = len(rows)
    rows += [
        ("Mills", start, "ROOT", "NNS", "NOUN", "mill"),
        ("stood", start, "acl", "VBD", "VERB", "stand"),
        ("in", start + 1, "prep", "IN", "ADP", "in"),
        ("Great", start + 4, "compound", "NNP", "PROPN", "Great"),
        ("Falls", start + 2, "pobj", "NNP", "PROPN", "Falls"),
        (".", start, "punct", ".", "PUNCT", "."),
    ]
    ents.append((start + 3, start + 5, "PERSON"))
    analysis = analyze([make_doc(rows, ents)])
    by_name = {c.name: c for c in analysis.clusters}
    assert not analysis_module.person_like(by_name["Grammy Award"], analysis)
    assert not analysis_module.person_like(by_name["Great Falls"], analysis)
    assert analysis_module.person_like(by_name["Bertie Mee"], analysis)
    assert analysis_module.placed(by_name["Great Falls"]) and not analysis_module.placed(
        by_name["Bertie Mee"]
    )


def test_an_ordinal_is_accepted_in_words_or_digits():
    assert distract.ordinal_other_form("nineteenth") == "19th"
    assert distract.ordinal_other_form("21st") == "twenty-first"
    assert distract.ordinal_other_form("12th") == "twelfth"
    assert distract.ordinal_other_form("the") is None


def test_a_date_option_has_the_keys_day_and_year_as_the_key_has_them():
    """'January' beside 'February 2021' stands out; 'January 2021' does not."""
    assert distract._date_shape("February 2021") == distract._date_shape("January 2021")
    assert distract._date_shape("January") != distract._date_shape("February 2021")
    assert distract._date_shape("March 20") != distract._date_shape("March 2021")
    assert distract._date_shape("1887") == "year"


def test_a_family_word_for_a_name_is_no_person_option_nor_key():
    # 'Grandpa' may be 'Walt' ('My grandfather, Walt, …'): neither is offered beside the other
    analysis = analyze([people_doc(["Walt", "Grandpa", "Eli", "June", "Ray"])])
    walt = analysis.cluster_of(0, analysis.docs[0][0])
    grandpa = analysis.cluster_of(0, analysis.docs[0][3])
    assert "Grandpa" not in distract.distractors("Walt", "PERSON", analysis, walt, rng())
    assert distract.wrong_options("Grandpa", "PERSON", analysis, grandpa, rng()) == []
