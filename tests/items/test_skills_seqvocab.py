"""Sequence and vocabulary-in-context rules on hand-built Docs (no model): coordinated and
dated events, and the further ways a passage explains a word."""

from __future__ import annotations

import random

from docs import make_doc, placed

from quizgen.items import skills
from quizgen.text.analysis import analyze
from quizgen.text.extract import clauses


def _glosses(rows, common=frozenset(), ents=()):
    doc = make_doc(rows, ents=list(ents))
    return list(skills.glosses_in(doc[:], 0, common=frozenset(common)))


def _clauses(rows, ents=()):
    doc = make_doc(rows, ents=list(ents))
    return list(clauses(doc[:], 0, analyze([doc])))


# "“Quintessential” means the perfect example of something."
MEANS = [
    ("\u201c", 2, "punct", "``", "PUNCT", "\u201c"),
    ("Quintessential", 3, "nsubj", "NNP", "PROPN", "Quintessential"),
    ("\u201d", 3, "punct", "''", "PUNCT", "\u201d"),
    ("means", 3, "ROOT", "VBZ", "VERB", "mean"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("perfect", 6, "amod", "JJ", "ADJ", "perfect"),
    ("example", 3, "nsubj", "NN", "NOUN", "example"),
    ("of", 6, "prep", "IN", "ADP", "of"),
    ("something", 7, "pobj", "NN", "PRON", "something"),
    (".", 3, "punct", ".", "PUNCT", "."),
]

# "Antonyms are words that mean the opposite of a word."
PLURAL_DEFINITION = [
    ("Antonyms", 1, "nsubj", "NNP", "PROPN", "Antonyms"),
    ("are", 1, "ROOT", "VBP", "AUX", "be"),
    ("words", 1, "attr", "NNS", "NOUN", "word"),
    ("that", 4, "nsubj", "WDT", "PRON", "that"),
    ("mean", 2, "relcl", "VBP", "VERB", "mean"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("opposite", 4, "dobj", "NN", "NOUN", "opposite"),
    ("of", 6, "prep", "IN", "ADP", "of"),
    ("a", 9, "det", "DT", "DET", "a"),
    ("word", 7, "pobj", "NN", "NOUN", "word"),
    (".", 1, "punct", ".", "PUNCT", "."),
]

# "Money goes to a fundraiser, which is a ticketed event that raises money."
WHICH_IS = [
    ("Money", 1, "nsubj", "NN", "NOUN", "money"),
    ("goes", 1, "ROOT", "VBZ", "VERB", "go"),
    ("to", 1, "prep", "IN", "ADP", "to"),
    ("a", 4, "det", "DT", "DET", "a"),
    ("fundraiser", 2, "pobj", "NN", "NOUN", "fundraiser"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("which", 7, "nsubj", "WDT", "PRON", "which"),
    ("is", 4, "relcl", "VBZ", "AUX", "be"),
    ("a", 10, "det", "DT", "DET", "a"),
    ("ticketed", 10, "amod", "JJ", "ADJ", "ticketed"),
    ("event", 7, "attr", "NN", "NOUN", "event"),
    ("that", 12, "nsubj", "WDT", "PRON", "that"),
    ("raises", 10, "relcl", "VBZ", "VERB", "raise"),
    ("money", 12, "dobj", "NN", "NOUN", "money"),
    (".", 1, "punct", ".", "PUNCT", "."),
]

# "Constellations, or groups of stars that form shapes, represent animals."
OR_APPOSITIVE = [
    ("Constellations", 10, "nsubj", "NNS", "NOUN", "constellation"),
    (",", 0, "punct", ",", "PUNCT", ","),
    ("or", 0, "cc", "CC", "CCONJ", "or"),
    ("groups", 0, "conj", "NNS", "NOUN", "group"),
    ("of", 3, "prep", "IN", "ADP", "of"),
    ("stars", 4, "pobj", "NNS", "NOUN", "star"),
    ("that", 7, "nsubj", "WDT", "PRON", "that"),
    ("form", 3, "relcl", "VBP", "VERB", "form"),
    ("shapes", 7, "dobj", "NNS", "NOUN", "shape"),
    (",", 0, "punct", ",", "PUNCT", ","),
    ("represent", 10, "ROOT", "VBP", "VERB", "represent"),
    ("animals", 10, "dobj", "NNS", "NOUN", "animal"),
    (".", 10, "punct", ".", "PUNCT", "."),
]

# "They dug a small hole in the ground, called a cyclone cellar."
CALLED_AFTER_COMMA = [
    ("They", 1, "nsubj", "PRP", "PRON", "they"),
    ("dug", 1, "ROOT", "VBD", "VERB", "dig"),
    ("a", 4, "det", "DT", "DET", "a"),
    ("small", 4, "amod", "JJ", "ADJ", "small"),
    ("hole", 1, "dobj", "NN", "NOUN", "hole"),
    ("in", 4, "prep", "IN", "ADP", "in"),
    ("the", 7, "det", "DT", "DET", "the"),
    ("ground", 5, "pobj", "NN", "NOUN", "ground"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("called", 4, "acl", "VBD", "VERB", "call"),
    ("a", 12, "det", "DT", "DET", "a"),
    ("cyclone", 12, "compound", "NN", "NOUN", "cyclone"),
    ("cellar", 9, "oprd", "NN", "NOUN", "cellar"),
    (".", 1, "punct", ".", "PUNCT", "."),
]

# "For Avicenna, the tabula rasa is a pure potentiality that grows."
ATTRIBUTED = [
    ("For", 5, "prep", "IN", "ADP", "for"),
    ("Avicenna", 0, "pobj", "NNP", "PROPN", "Avicenna"),
    (",", 5, "punct", ",", "PUNCT", ","),
    ("the", 4, "det", "DT", "DET", "the"),
    ("tabula", 4, "compound", "NN", "NOUN", "tabula"),
    ("rasa", 5, "nsubj", "NN", "NOUN", "rasa"),
    ("is", 5, "ROOT", "VBZ", "AUX", "be"),
    ("a", 9, "det", "DT", "DET", "a"),
    ("pure", 9, "amod", "JJ", "ADJ", "pure"),
    ("potentiality", 6, "attr", "NN", "NOUN", "potentiality"),
    ("that", 11, "nsubj", "WDT", "PRON", "that"),
    ("grows", 9, "relcl", "VBZ", "VERB", "grow"),
    (".", 6, "punct", ".", "PUNCT", "."),
]
ATTRIBUTED = [(w, h if h < 5 else h + 1, *rest) for w, h, *rest in ATTRIBUTED]

# "This means you cannot see the fence."
THIS_MEANS = [
    ("This", 1, "nsubj", "DT", "PRON", "this"),
    ("means", 1, "ROOT", "VBZ", "VERB", "mean"),
    ("you", 4, "nsubj", "PRP", "PRON", "you"),
    ("can", 4, "aux", "MD", "AUX", "can"),
    ("not", 4, "neg", "RB", "PART", "not"),
    ("see", 1, "ccomp", "VB", "VERB", "see"),
    ("the", 7, "det", "DT", "DET", "the"),
    ("fence", 5, "dobj", "NN", "NOUN", "fence"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_cited_word_means_what_follows_the_verb():
    (gloss,) = _glosses(MEANS, common={"quintessential"})
    assert (gloss.term, gloss.meaning, gloss.how) == (
        "quintessential",
        "the perfect example of something",
        "means",
    )


def test_a_capitalised_term_is_no_name_only_if_the_passage_writes_it_in_lower_case():
    assert _glosses(PLURAL_DEFINITION, ents=[(0, 1, "PERSON")]) == []
    (gloss,) = _glosses(PLURAL_DEFINITION, common={"antonyms"}, ents=[(0, 1, "PERSON")])
    assert (gloss.term, gloss.meaning) == ("antonyms", "words that mean the opposite of a word")


def test_which_is_a_defines_the_noun_before_it():
    (gloss,) = _glosses(WHICH_IS)
    assert (gloss.term, gloss.meaning) == ("fundraiser", "a ticketed event that raises money")


def test_comma_or_gives_the_meaning_of_the_noun_before_it():
    (gloss,) = _glosses(OR_APPOSITIVE)
    assert (gloss.term, gloss.meaning, gloss.how) == (
        "constellations",
        "groups of stars that form shapes",
        "appositive",
    )


def test_called_after_a_comma_names_the_phrase_before_it():
    (gloss,) = _glosses(CALLED_AFTER_COMMA)
    assert (gloss.term, gloss.meaning) == ("cyclone cellar", "a small hole in the ground")


def test_one_thinkers_view_and_a_clause_after_means_are_no_meanings():
    assert _glosses(ATTRIBUTED) == []
    assert _glosses(THIS_MEANS) == []


def test_vocabulary_options_come_from_the_passage_and_never_hold_the_term():
    (hole,) = _glosses(CALLED_AFTER_COMMA)
    hole = skills.replace(
        hole, alternatives=("a little room in the corner", "a dark tunnel under the farm", "a shed")
    )
    (event,) = _glosses(WHICH_IS)
    other = skills.replace(event, meaning="a cyclone cellar under the house")  # holds the term
    (item,) = skills.vocabulary_items([hole, other], lambda g: [], random.Random(3), 2)
    assert item.answer == "a small hole in the ground"
    assert "a cyclone cellar under the house" not in item.options
    assert set(item.options) == {
        "a small hole in the ground",
        "a little room in the corner",
        "a dark tunnel under the farm",
        "a shed",
    }
    # a wail or a baby offered for what a place means: not the same kind of thing
    odd = skills.replace(hole, alternatives=("a low wail of the wind", "a baby", "a shed"))
    assert skills.vocabulary_items([odd, other], lambda g: [], random.Random(3), 2) == []


# "Chopin lived in Warsaw and moved to Paris in 1831."
COORDINATED_DATED = [
    ("Chopin", 1, "nsubj", "NNP", "PROPN", "Chopin"),
    ("lived", 1, "ROOT", "VBD", "VERB", "live"),
    ("in", 1, "prep", "IN", "ADP", "in"),
    ("Warsaw", 2, "pobj", "NNP", "PROPN", "Warsaw"),
    ("and", 1, "cc", "CC", "CCONJ", "and"),
    ("moved", 1, "conj", "VBD", "VERB", "move"),
    ("to", 5, "prep", "IN", "ADP", "to"),
    ("Paris", 6, "pobj", "NNP", "PROPN", "Paris"),
    ("in", 5, "prep", "IN", "ADP", "in"),
    ("1831", 8, "pobj", "CD", "NUM", "1831"),
    (".", 1, "punct", ".", "PUNCT", "."),
]
COORDINATED_ENTS = [(0, 1, "PERSON"), (3, 4, "GPE"), (7, 8, "GPE"), (9, 10, "DATE")]

# "The college was established in 1920."
ESTABLISHED = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("college", 3, "nsubjpass", "NN", "NOUN", "college"),
    ("was", 3, "auxpass", "VBD", "AUX", "be"),
    ("established", 3, "ROOT", "VBN", "VERB", "establish"),
    ("in", 3, "prep", "IN", "ADP", "in"),
    ("1920", 4, "pobj", "CD", "NUM", "1920"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def test_a_verb_coordinated_with_the_main_one_is_an_event_with_its_own_date():
    made = {c.verb.text: c for c in _clauses(COORDINATED_DATED, COORDINATED_ENTS)}
    moved = made["moved"]
    assert moved.source == "conj" and skills._sentence_level(moved)
    assert skills._date_of(moved)[0] == 1831
    assert skills.event_text(moved, dated=True) == "Chopin moved to Paris"


def test_a_dated_passive_stands_alone_as_an_event():
    (clause,) = _clauses(ESTABLISHED, [(5, 6, "DATE")])
    assert skills.event_text(clause, dated=True) == "The college was established"
    assert skills.event_text(clause) is None


def test_years_in_parentheses_are_not_the_sentences_time():
    rows = [
        ("Beyonce", 1, "nsubj", "NNP", "PROPN", "Beyonce"),
        ("starred", 1, "ROOT", "VBD", "VERB", "star"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("Dreamgirls", 2, "pobj", "NNP", "PROPN", "Dreamgirls"),
        ("(", 5, "punct", "-LRB-", "PUNCT", "("),
        ("2006", 3, "appos", "CD", "NUM", "2006"),
        (")", 5, "punct", "-RRB-", "PUNCT", ")"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("2007", 7, "pobj", "CD", "NUM", "2007"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, ents=[(5, 6, "DATE"), (8, 9, "DATE")])
    assert skills._open_years(doc[:]) == {2007}


def test_order_words_give_the_order_away_but_a_name_does_not():
    rows = [
        ("Arsenal", 1, "nsubj", "NNP", "PROPN", "Arsenal"),
        ("won", 1, "ROOT", "VBD", "VERB", "win"),
        ("promotion", 1, "dobj", "NN", "NOUN", "promotion"),
        ("to", 1, "prep", "IN", "ADP", "to"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("First", 6, "compound", "NNP", "PROPN", "First"),
        ("Division", 3, "pobj", "NNP", "PROPN", "Division"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(rows, [(0, 1, "ORG"), (4, 7, "ORG")])
    assert skills.event_text(clause) == "Arsenal won promotion to the First Division"
    lower = [
        (w.lower(), h, d, "JJ", "ADJ", w.lower()) if w == "First" else (w, h, d, t, p, lem)
        for w, h, d, t, p, lem in rows
    ]
    (clause,) = _clauses(lower, [(0, 1, "ORG")])
    assert skills.event_text(clause) is None


# "The king came to the mill, and the king came to the palace."
CAME_TWICE = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("king", 2, "nsubj", "NN", "NOUN", "king"),
    ("came", 2, "ROOT", "VBD", "VERB", "come"),
    ("to", 2, "prep", "IN", "ADP", "to"),
    ("the", 5, "det", "DT", "DET", "the"),
    ("mill", 3, "pobj", "NN", "NOUN", "mill"),
    (",", 2, "punct", ",", "PUNCT", ","),
    ("and", 2, "cc", "CC", "CCONJ", "and"),
    ("the", 9, "det", "DT", "DET", "the"),
    ("king", 10, "nsubj", "NN", "NOUN", "king"),
    ("came", 2, "conj", "VBD", "VERB", "come"),
    ("to", 10, "prep", "IN", "ADP", "to"),
    ("the", 13, "det", "DT", "DET", "the"),
    ("palace", 11, "pobj", "NN", "NOUN", "palace"),
    (".", 2, "punct", ".", "PUNCT", "."),
]

# "Hansel lay down again."
AGAIN = [
    ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
    ("lay", 1, "ROOT", "VBD", "VERB", "lie"),
    ("down", 1, "prt", "RP", "ADP", "down"),
    ("again", 1, "advmod", "RB", "ADV", "again"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_an_event_told_twice_or_again_has_no_place_of_its_own():
    doc = make_doc(CAME_TWICE)
    analysis = analyze([doc])
    first = next(c for c in clauses(doc[:], 0, analysis) if c.verb.i == 2)
    assert skills.told_again(first, analysis)
    doc = make_doc(AGAIN, ents=[(0, 1, "PERSON")])
    analysis = analyze([doc])
    (clause,) = list(clauses(doc[:], 0, analysis))
    assert skills.told_again(clause, analysis)
    doc = make_doc(AGAIN[:3] + AGAIN[4:], ents=[(0, 1, "PERSON")])
    analysis = analyze([doc])
    (clause,) = list(clauses(doc[:], 0, analysis))
    assert not skills.told_again(clause, analysis)


def test_a_phrase_that_is_no_meaning_is_offered_only_of_the_meanings_kind():
    (hole,) = _glosses(CALLED_AFTER_COMMA)
    prefix = skills.replace(
        hole,
        term="geno-",
        meaning="a nation or a people",
        alternatives=("rigorous examination of the treaty", "the first time", "a shed"),
    )
    assert skills.vocabulary_items([prefix], lambda g: [], random.Random(3), 2) == []
    kin = skills.replace(
        prefix,
        alternatives=(
            "a clan of hunters",
            "a nation",
            "a family of farmers",
            "a people",
            "a community of settlers",
        ),
    )
    (item,) = skills.vocabulary_items([kin], lambda g: [], random.Random(3), 2)
    # 'a nation' and 'a people' are in the meaning itself: right as well, never offered
    assert set(item.options) == {
        "a nation or a people",
        "a clan of hunters",
        "a family of farmers",
        "a community of settlers",
    }


# "When the moon had risen, Hansel took the pebbles."
RISEN = [
    ("When", 4, "advmod", "WRB", "SCONJ", "when"),
    ("the", 2, "det", "DT", "DET", "the"),
    ("moon", 4, "nsubj", "NN", "NOUN", "moon"),
    ("had", 4, "aux", "VBD", "AUX", "have"),
    ("risen", 7, "advcl", "VBN", "VERB", "rise"),
    (",", 7, "punct", ",", "PUNCT", ","),
    ("Hansel", 7, "nsubj", "NNP", "PROPN", "Hansel"),
    ("took", 7, "ROOT", "VBD", "VERB", "take"),
    ("the", 9, "det", "DT", "DET", "the"),
    ("pebbles", 7, "dobj", "NNS", "NOUN", "pebble"),
    (".", 7, "punct", ".", "PUNCT", "."),
]


def _took(*adverb: tuple) -> list[tuple]:
    """'Hansel took the pebbles [adverb].'"""
    rows = [
        ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
        ("took", 1, "ROOT", "VBD", "VERB", "take"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("pebbles", 1, "dobj", "NNS", "NOUN", "pebble"),
    ]
    return [*rows, *adverb, (".", 1, "punct", ".", "PUNCT", ".")]


def test_a_pluperfect_or_flashback_word_steps_out_of_story_order_only_in_its_own_clause():
    took = next(c for c in _clauses(RISEN, [(6, 7, "PERSON")]) if c.verb.text == "took")
    assert skills._story_clause(took)  # 'when the moon had risen' keeps the taking's place
    (formerly,) = _clauses(_took(("formerly", 1, "advmod", "RB", "ADV", "formerly")))
    assert not skills._story_clause(formerly)
    at_once = _took(("at", 1, "prep", "IN", "ADP", "at"), ("once", 4, "pobj", "RB", "ADV", "once"))
    (clause,) = _clauses(at_once)
    assert skills._story_clause(clause)


def test_a_woman_or_an_animal_is_a_character_of_the_story_a_thing_is_not():
    def subject_of(noun: str) -> list:
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            (noun, 2, "nsubj", "NN", "NOUN", noun),
            ("came", 2, "ROOT", "VBD", "VERB", "come"),
            ("home", 2, "advmod", "RB", "ADV", "home"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ]
        return _clauses(rows)

    (woman,) = subject_of("woman")
    (moon,) = subject_of("moon")
    assert skills._character(woman, set()) and not skills._character(moon, set())
    assert skills.event_text(woman) == "The woman came home"  # a direction completes it


def test_a_possessed_person_and_a_capitalized_creature_are_characters_too():
    """'The miller's daughter came home', 'The Sailor came home' (a fable's capital): a
    person or an animal; 'The king's heart came home' names no character."""

    def subject_of(*words: tuple) -> list:
        n = len(words)
        rows = [
            ("The", n, "det", "DT", "DET", "the"),
            *words,
            ("came", n + 1, "ROOT", "VBD", "VERB", "come"),
            ("home", n + 1, "advmod", "RB", "ADV", "home"),
            (".", n + 1, "punct", ".", "PUNCT", "."),
        ]
        spaces = [row[0] != "miller" for row in rows]  # "miller’s"
        spaces[-2] = spaces[-1] = False  # 'home.'
        doc = make_doc(rows, spaces=spaces)
        (clause,) = clauses(doc[:], 0, analyze([doc]))
        return clause

    owner = [
        ("miller", 3, "poss", "NN", "NOUN", "miller"),
        ("\u2019s", 1, "case", "POS", "PART", "\u2019s"),
    ]
    daughter = subject_of(*owner, ("daughter", 4, "nsubj", "NN", "NOUN", "daughter"))
    heart = subject_of(*owner, ("heart", 4, "nsubj", "NN", "NOUN", "heart"))
    sailor = subject_of(("Sailor", 2, "nsubj", "NNP", "PROPN", "Sailor"))
    assert skills._character(daughter, set()) and skills._character(sailor, set())
    assert not skills._character(heart, set())


def test_the_events_of_a_passage_of_several_stories_come_from_one_of_them():
    from quizgen.items.skills import Event

    paragraphs = (
        "The Fox and the Grapes",
        "A Fox saw some grapes. He jumped.",
        "The Lion and the Mouse",
        "A Lion slept. A Mouse woke him. The Lion caught him.",
    )
    doc = make_doc(_took())
    told = [Event("one", 1, doc[:]), Event("two", 3, doc[:]), Event("three", 3, doc[:])]
    assert [e.text for e in skills._one_story(told, paragraphs)] == ["two", "three"]
    assert skills._one_story(told[1:], paragraphs) == told[1:]


def test_a_date_the_parse_hung_on_the_object_is_the_events_own():
    """'The UK declared New Zealand a colony in 1841.': dated 1841, told without its year."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("UK", 2, "nsubj", "NNP", "PROPN", "UK"),
        ("declared", 2, "ROOT", "VBD", "VERB", "declare"),
        ("New", 4, "compound", "NNP", "PROPN", "New"),
        ("Zealand", 2, "dobj", "NNP", "PROPN", "Zealand"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("colony", 2, "oprd", "NN", "NOUN", "colony"),
        ("in", 6, "prep", "IN", "ADP", "in"),
        ("1841", 7, "pobj", "CD", "NUM", "1841"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(rows, [(1, 2, "GPE"), (3, 5, "GPE"), (8, 9, "DATE")])
    assert skills._date_of(clause)[0] == 1841
    assert skills.event_text(clause, dated=True) == "The UK declared New Zealand a colony"


def test_what_the_sentence_sets_off_ends_an_event():
    # 'Pip smiled at Hazel, a little embarrassed.': the event is 'Pip smiled at Hazel', no
    # 'Pip smiled at Hazel a little embarrassed'
    rows = [
        ("Pip", 1, "nsubj", "NNP", "PROPN", "Pip"),
        ("smiled", 1, "ROOT", "VBD", "VERB", "smile"),
        ("at", 1, "prep", "IN", "ADP", "at"),
        ("Hazel", 2, "pobj", "NNP", "PROPN", "Hazel"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("a", 6, "det", "DT", "DET", "a"),
        ("little", 7, "advmod", "RB", "ADV", "little"),
        ("embarrassed", 1, "acomp", "JJ", "ADJ", "embarrassed"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    [clause] = _clauses(rows, [(0, 1, "PERSON"), (3, 4, "PERSON")])
    assert skills.event_text(clause) == "Pip smiled at Hazel"


def test_what_a_thing_is_likened_to_is_no_meaning():
    # 'Flows travel faster than a car on a highway.': no wrong meaning 'a car on a highway'
    rows = [
        ("Flows", 1, "nsubj", "NNS", "NOUN", "flow"),
        ("travel", 1, "ROOT", "VBP", "VERB", "travel"),
        ("faster", 1, "advmod", "RBR", "ADV", "fast"),
        ("than", 2, "prep", "IN", "ADP", "than"),
        ("a", 5, "det", "DT", "DET", "a"),
        ("car", 3, "pobj", "NN", "NOUN", "car"),
        ("on", 5, "prep", "IN", "ADP", "on"),
        ("a", 8, "det", "DT", "DET", "a"),
        ("highway", 6, "pobj", "NN", "NOUN", "highway"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert skills._meaning_shaped(analyze([doc]), (doc.text,)) == []
    rows[3] = ("past", 2, "prep", "IN", "ADP", "past")  # 'travel fast past a car on a highway'
    doc = make_doc(rows)
    assert [t for t, *_ in skills._meaning_shaped(analyze([doc]), (doc.text,))] == [
        "a car on a highway"
    ]


def test_a_word_called_with_another_is_no_term_and_a_meaning_keeps_its_commas():
    # 'They joined a system, called checks and balances, which stops any branch.': 'checks'
    # alone is no term; had the term been one word, its meaning is 'a system, which …',
    # never 'a system , which …'
    rows = [
        ("They", 1, "nsubj", "PRP", "PRON", "they"),
        ("joined", 1, "ROOT", "VBD", "VERB", "join"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("system", 1, "dobj", "NN", "NOUN", "system"),
        (",", 3, "punct", ",", "PUNCT", ","),
        ("called", 3, "acl", "VBN", "VERB", "call"),
        ("checks", 5, "oprd", "NNS", "NOUN", "check"),
        ("and", 6, "cc", "CC", "CCONJ", "and"),
        ("balances", 6, "conj", "NNS", "NOUN", "balance"),
        (",", 3, "punct", ",", "PUNCT", ","),
        ("which", 11, "nsubj", "WDT", "PRON", "which"),
        ("stops", 3, "relcl", "VBZ", "VERB", "stop"),
        ("any", 13, "det", "DT", "DET", "any"),
        ("branch", 11, "dobj", "NN", "NOUN", "branch"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert _glosses(rows) == []
    doc = make_doc(rows)
    assert skills._span_text([t for t in doc if t.i in {2, 3, 9, 10, 11, 12, 13}]) == (
        "a system, which stops any branch"
    )


def test_a_description_a_shared_pluperfect_or_a_lone_reason_is_no_step_of_the_story():
    # 'Hansel looked stern.': how he is, not what happens
    looked = [
        ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
        ("looked", 1, "ROOT", "VBD", "VERB", "look"),
        ("stern", 1, "acomp", "JJ", "ADJ", "stern"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(looked, [(0, 1, "PERSON")])
    assert not skills._story_clause(clause)
    # 'Hansel had hidden the pebbles and took the bread.': the 'had' is both verbs'
    shared = [
        ("Hansel", 2, "nsubj", "NNP", "PROPN", "Hansel"),
        ("had", 2, "aux", "VBD", "AUX", "have"),
        ("hidden", 2, "ROOT", "VBN", "VERB", "hide"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("pebbles", 2, "dobj", "NNS", "NOUN", "pebble"),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("took", 2, "conj", "VBD", "VERB", "take"),
        ("the", 8, "det", "DT", "DET", "the"),
        ("bread", 6, "dobj", "NN", "NOUN", "bread"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    took = next(c for c in _clauses(shared, [(0, 1, "PERSON")]) if c.verb.text == "took")
    assert not skills._story_clause(took)
    # 'Because Hansel took the pebbles.': a reason standing alone
    because = [
        ("Because", 2, "mark", "IN", "SCONJ", "because"),
        *[(w, h + 1, *r) for w, h, *r in _took()],
    ]
    (clause,) = _clauses(because, [(1, 2, "PERSON")])
    assert not skills._story_clause(clause)
    (plain,) = _clauses(_took(), [(0, 1, "PERSON")])
    assert skills._story_clause(plain)


def test_an_event_that_names_its_other_person_by_the_noun_alone_is_left_out():
    """'Hansel saw the man': which man? 'Hansel saw the king', the king of the story
    (a recurring actor), is an event."""

    def saw(noun: str) -> list:
        rows = [
            ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
            ("saw", 1, "ROOT", "VBD", "VERB", "see"),
            ("the", 3, "det", "DT", "DET", "the"),
            (noun, 1, "dobj", "NN", "NOUN", noun),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
        (clause,) = _clauses(rows, [(0, 1, "PERSON")])
        return clause

    assert skills._someone(saw("man"), frozenset())
    assert not skills._someone(saw("man"), frozenset({"the man"}))
    assert not skills._someone(saw("pebble"), frozenset())


def test_a_surname_in_capitals_is_written_as_a_name_in_an_event():
    """'James COOK arrived in 1769.' (a reference book's style) -> 'James Cook arrived'."""
    rows = [
        ("James", 1, "compound", "NNP", "PROPN", "James"),
        ("COOK", 2, "nsubj", "NNP", "PROPN", "COOK"),
        ("arrived", 2, "ROOT", "VBD", "VERB", "arrive"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("1769", 3, "pobj", "CD", "NUM", "1769"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(rows, [(0, 2, "PERSON"), (4, 5, "DATE")])
    assert skills.event_text(clause, dated=True) == "James Cook arrived"


def test_a_dated_ordering_spares_a_cause_questions_sentence_where_it_can():
    """'Harvard opened a library in 1858.' …: of two events of 1920, the one whose sentence
    a cause question needs is left to it; an event no other of its year can replace stays."""
    from docs import read

    def opened(name: str, year: str):
        rows = [
            (name, 1, "nsubj", "NNP", "PROPN", name),
            ("opened", 1, "ROOT", "VBD", "VERB", "open"),
            ("a", 3, "det", "DT", "DET", "a"),
            ("library", 1, "dobj", "NN", "NOUN", "library"),
            ("in", 1, "prep", "IN", "ADP", "in"),
            (year, 4, "pobj", "CD", "NUM", year),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
        return rows, [(0, 1, "ORG"), (5, 6, "DATE")]

    places = [("Harvard", "1858"), ("Yale", "1920"), ("Brown", "1920"), ("Duke", "1924")]
    places.append(("Rice", "1962"))
    _, facts, analysis, passage = read(*(opened(n, y) for n, y in places))

    def order(spare: set) -> list[str]:
        prompt, found = skills.events(facts, analysis, passage.paragraphs, frozenset(spare))
        assert prompt == skills.HISTORY_PROMPT
        return [e.text for e in found]

    first = [f"{name} opened a library" for name in ("Harvard", "Yale", "Duke", "Rice")]
    assert order(set()) == first
    assert order({(1, 0)})[1] == "Brown opened a library"  # Yale's sentence spared
    assert order({(0, 0), (1, 0)})[0] == "Harvard opened a library"  # 1858 has no other


def test_an_event_leaves_out_what_the_teller_thinks_of_it():
    """'The woman really came home.' -> 'The woman came home'; 'Hansel saw the man at the
    door' names no man an event can be placed by."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("woman", 3, "nsubj", "NN", "NOUN", "woman"),
        ("really", 3, "advmod", "RB", "ADV", "really"),
        ("came", 3, "ROOT", "VBD", "VERB", "come"),
        ("home", 3, "advmod", "RB", "ADV", "home"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(rows)
    assert skills.event_text(clause) == "The woman came home"
    look = [
        ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
        ("took", 1, "ROOT", "VBD", "VERB", "take"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("look", 1, "dobj", "NN", "NOUN", "look"),
        ("at", 3, "prep", "IN", "ADP", "at"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("man", 4, "pobj", "NN", "NOUN", "man"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    (clause,) = _clauses(look, [(0, 1, "PERSON")])
    assert skills._someone(clause, frozenset())


def test_an_event_a_group_is_told_doing_too_has_no_place_of_its_own():
    """'Hansel lay down. They lay down.': the second telling may be of Hansel among them."""
    they = [("They", 1, "nsubj", "PRP", "PRON", "they"), *AGAIN[1:3], AGAIN[4]]
    rows = AGAIN[:3] + AGAIN[4:] + placed(4, they)
    doc = make_doc(rows, ents=[(0, 1, "PERSON")])
    analysis = analyze([doc])
    first = next(c for c in clauses(doc[:], 0, analysis) if c.verb.i == 1)
    assert skills.told_again(first, analysis)
