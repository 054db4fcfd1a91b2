"""How the passage is read, on hand-built Docs: who is a person, what a pronoun or a relative
clause refers to, which answers and options a teacher would strike out."""

from __future__ import annotations

from docs import KING_RAN, make_doc, placed, ran, read

from quizgen.items import distract, rules
from quizgen.quiz.model import Label
from quizgen.text import lexicon
from quizgen.text.analysis import analyze, describe, resolve_pronoun


def candidates(*sentences):
    """(prompt, answer) of every candidate the shipped templates make, one paragraph each."""
    return [(c.prompt, c.answer) for c in read(*sentences)[0]]


# "Forces produce motions of the water that result in tidal bulges in the oceans."
MOTIONS = [
    ("Forces", 1, "nsubj", "NNS", "NOUN", "force"),
    ("produce", 1, "ROOT", "VBP", "VERB", "produce"),
    ("motions", 1, "dobj", "NNS", "NOUN", "motion"),
    ("of", 2, "prep", "IN", "ADP", "of"),
    ("the", 5, "det", "DT", "DET", "the"),
    ("water", 3, "pobj", "NN", "NOUN", "water"),
    ("that", 7, "nsubj", "WDT", "PRON", "that"),
    ("result", 5, "relcl", "VBP", "VERB", "result"),  # the parser's head: 'water'
    ("in", 7, "prep", "IN", "ADP", "in"),
    ("tidal", 10, "amod", "JJ", "ADJ", "tidal"),
    ("bulges", 8, "pobj", "NNS", "NOUN", "bulge"),
    ("in", 10, "prep", "IN", "ADP", "in"),
    ("the", 13, "det", "DT", "DET", "the"),
    ("oceans", 11, "pobj", "NNS", "NOUN", "ocean"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_relative_clause_belongs_to_the_noun_its_verb_agrees_with():
    found = dict(candidates((MOTIONS, [])))
    assert found["What results in tidal bulges in the oceans?"] == "motions of the water"
    assert "the water" not in found.values()


def test_an_answer_the_parse_cut_short_is_not_asked_for():
    doc = make_doc(
        [
            ("the", 1, "det", "DT", "DET", "the"),
            ("side", 1, "ROOT", "NN", "NOUN", "side"),
            ("nearest", 1, "amod", "JJS", "ADJ", "near"),
        ]
    )
    slot = rules.Slot("the side nearest", list(doc), Label.NONE, None, None, {})
    assert rules.cut_short(slot)
    assert not rules.cut_short(rules.Slot("the side", list(doc)[:2], Label.NONE, None, None, {}))


# "He had an elder sister, Ludwika." -- the small model calls Ludwika a place
SISTER = [
    ("He", 1, "nsubj", "PRP", "PRON", "he"),
    ("had", 1, "ROOT", "VBD", "VERB", "have"),
    ("an", 4, "det", "DT", "DET", "an"),
    ("elder", 4, "amod", "JJ", "ADJ", "elder"),
    ("sister", 1, "dobj", "NN", "NOUN", "sister"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("Ludwika", 4, "appos", "NNP", "PROPN", "Ludwika"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_name_beside_a_noun_for_a_person_is_a_person_of_its_gender():
    cluster = analyze([make_doc(SISTER, [(6, 7, "GPE")])]).clusters[0]
    assert (cluster.name, cluster.label, cluster.gender) == ("Ludwika", "PERSON", "f")


def test_a_name_with_years_of_birth_and_death_is_a_person():
    rows = [
        ("Emilia", 5, "nsubj", "NNP", "PROPN", "Emilia"),
        ("(", 2, "punct", "-LRB-", "PUNCT", "("),
        ("1812\u201327", 0, "appos", "CD", "NUM", "1812\u201327"),
        (")", 2, "punct", "-RRB-", "PUNCT", ")"),
        ("also", 5, "advmod", "RB", "ADV", "also"),
        ("played", 5, "ROOT", "VBD", "VERB", "play"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    assert analyze([make_doc(rows, [(0, 1, "GPE")])]).clusters[0].label == "PERSON"


def test_a_name_that_describes_a_thing_is_not_a_person():
    rows = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("wore", 1, "ROOT", "VBD", "VERB", "wear"),
        ("an", 4, "det", "DT", "DET", "an"),
        ("Albert", 4, "compound", "NNP", "PROPN", "Albert"),
        ("chain", 1, "dobj", "NN", "NOUN", "chain"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert analyze([make_doc(rows, [(3, 4, "PERSON")])]).clusters == []


def test_a_possessive_before_a_named_subject_is_that_subject():
    """'Through most of his life, Chopin suffered ...': not the woman of the sentence before."""
    rows = [
        ("Jane", 1, "compound", "NNP", "PROPN", "Jane"),
        ("Stirling", 2, "nsubj", "NNP", "PROPN", "Stirling"),
        ("helped", 2, "ROOT", "VBD", "VERB", "help"),
        ("him", 2, "dobj", "PRP", "PRON", "he"),
        (".", 2, "punct", ".", "PUNCT", "."),
        ("Through", 13, "prep", "IN", "ADP", "through"),
        ("most", 5, "pobj", "JJS", "ADJ", "most"),
        ("of", 6, "prep", "IN", "ADP", "of"),
        ("his", 9, "poss", "PRP$", "PRON", "his"),
        ("life", 7, "pobj", "NN", "NOUN", "life"),
        (",", 13, "punct", ",", "PUNCT", ","),
        ("Chopin", 13, "nsubj", "NNP", "PROPN", "Chopin"),
        ("often", 13, "advmod", "RB", "ADV", "often"),
        ("suffered", 13, "ROOT", "VBD", "VERB", "suffer"),
        (".", 13, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 2, "PERSON"), (11, 12, "PERSON")])
    analysis = analyze([doc])
    assert resolve_pronoun(analysis, 0, doc[8]).text == "Chopin"


def test_organization_only_of_names_that_say_so():
    assert rules.wh_word(Label.ORG, "the Quds Force", person=False) == "which organization"
    assert rules.wh_word(Label.ORG, "NASA", person=False) == "which organization"
    # a volcano the model calls ORG
    assert rules.wh_word(Label.ORG, "Taranaki", person=False) == "what"


def test_a_mans_name_is_known_by_its_given_name():
    assert lexicon.name_gender("George Darwin") == "m"
    assert lexicon.name_gender("Dr. Mary Smith") == "f"
    assert lexicon.name_gender("Chopin") == ""


def test_no_option_is_named_in_the_question():
    chosen = distract.choose(
        ["Wojciech \u017bywny", "Franz Liszt", "Nicolas", "J. S. Bach"],
        "Ludwika",
        {"ludwika"},
        ["Who took lessons from \u017bywny?"],
        3,
    )
    assert "Wojciech \u017bywny" not in chosen
    assert chosen == ["Franz Liszt", "Nicolas", "J. S. Bach"]


def test_a_phrase_is_described_by_its_own_head_and_no_date_is_a_thing():
    motions = describe(list(make_doc(MOTIONS)[2:6]), person=False)
    assert (motions.head, motions.plural) == ("motion", True)
    century = make_doc(
        [
            ("the", 2, "det", "DT", "DET", "the"),
            ("nineteenth", 2, "amod", "JJ", "ADJ", "nineteenth"),
            ("century", 2, "ROOT", "NN", "NOUN", "century"),
        ],
        [(0, 3, "DATE")],
    )
    assert describe(list(century), person=False) is None


def test_only_what_looks_like_a_name_is_made_a_person_by_the_noun_beside_it():
    """'the group, the Popular Mobilization Forces' names no person; nor does 'a Freemason'."""
    rows = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("led", 1, "ROOT", "VBD", "VERB", "lead"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("chief", 1, "dobj", "NN", "NOUN", "chief"),
        (",", 3, "punct", ",", "PUNCT", ","),
        ("the", 8, "det", "DT", "DET", "the"),
        ("Popular", 8, "compound", "NNP", "PROPN", "Popular"),
        ("Mobilization", 8, "compound", "NNP", "PROPN", "Mobilization"),
        ("Forces", 3, "appos", "NNPS", "PROPN", "Forces"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert analyze([make_doc(rows, [(5, 9, "ORG")])]).clusters[0].label == "ORG"
    freemason = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("is", 1, "ROOT", "VBZ", "AUX", "be"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("Freemason", 1, "attr", "NNP", "PROPN", "Freemason"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert analyze([make_doc(freemason, [(3, 4, "PERSON")])]).clusters == []


def test_acronyms_are_options_only_for_acronyms():
    assert distract._acronym("ANZAC") and distract._acronym("U.N.")
    assert not distract._acronym("Taranaki") and not distract._acronym("A")


def test_an_item_of_a_list_is_not_dropped_as_an_aside():
    """'Light intensity, the concentration of carbon dioxide and temperature all affect ...'"""
    from quizgen.text.extract import phrase_tokens

    rows = [
        ("Light", 1, "compound", "NN", "NOUN", "light"),
        ("intensity", 11, "nsubj", "NN", "NOUN", "intensity"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("the", 4, "det", "DT", "DET", "the"),
        ("concentration", 1, "appos", "NN", "NOUN", "concentration"),
        ("of", 4, "prep", "IN", "ADP", "of"),
        ("carbon", 7, "compound", "NN", "NOUN", "carbon"),
        ("dioxide", 5, "pobj", "NN", "NOUN", "dioxide"),
        ("and", 7, "cc", "CC", "CCONJ", "and"),
        ("temperature", 7, "conj", "NN", "NOUN", "temperature"),
        ("all", 1, "appos", "DT", "PRON", "all"),
        ("affect", 11, "ROOT", "VBP", "VERB", "affect"),
        ("growth", 11, "dobj", "NN", "NOUN", "growth"),
        (".", 11, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    words = [t.text for t in phrase_tokens(doc[1])]
    assert words[:10] == [
        "Light",
        "intensity",
        ",",
        "the",
        "concentration",
        "of",
        "carbon",
        "dioxide",
        "and",
        "temperature",
    ]


def test_a_one_word_name_after_the_is_no_person():
    """'a city on the Rhine': the small model's PERSON."""
    rows = [
        ("Mainz", 1, "nsubj", "NNP", "PROPN", "Mainz"),
        ("lies", 1, "ROOT", "VBZ", "VERB", "lie"),
        ("on", 1, "prep", "IN", "ADP", "on"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("Rhine", 2, "pobj", "NNP", "PROPN", "Rhine"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    clusters = analyze([make_doc(rows, [(0, 1, "GPE"), (4, 5, "PERSON")])]).clusters
    assert [c.name for c in clusters] == ["Mainz"]


def test_a_fable_animal_is_who_its_he_stands_for():
    from docs import make_doc

    from quizgen.text.analysis import analyze, resolve_pronoun

    swam = [
        ("Then", 3, "advmod", "RB", "ADV", "then"),
        ("the", 2, "det", "DT", "DET", "the"),
        ("Whale", 3, "nsubj", "NNP", "PROPN", "Whale"),
        ("swam", 3, "ROOT", "VBD", "VERB", "swim"),
        ("and", 3, "cc", "CC", "CCONJ", "and"),
        ("he", 6, "nsubj", "PRP", "PRON", "he"),
        ("ate", 3, "conj", "VBD", "VERB", "eat"),
        ("fish", 6, "dobj", "NN", "NOUN", "fish"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(swam, ents=[(2, 3, "ORG")])  # the small model's call
    analysis = analyze([doc])
    referent = resolve_pronoun(analysis, 0, doc[5])
    assert referent is not None and referent.text == "the Whale"


WIND = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("wind", 2, "nsubj", "NN", "NOUN", "wind"),
    ("roared", 2, "ROOT", "VBD", "VERB", "roar"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
SHE_FELL = [
    ("She", 1, "nsubj", "PRP", "PRON", "she"),
    ("fell", 1, "ROOT", "VBD", "VERB", "fall"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_she_goes_on_a_chain_back_to_the_one_woman_named_before_it():
    """'Dorothy ran home. The wind roared. The wind roared. She fell.': Dorothy, three
    sentences back, with no one else between."""
    rows = placed(0, ran("Dorothy")) + placed(4, WIND) + placed(8, WIND)
    rows += placed(12, SHE_FELL)
    doc = make_doc(rows, [(0, 1, "PERSON")])
    referent = resolve_pronoun(analyze([doc]), 0, doc[12])
    assert referent is not None and referent.text == "Dorothy"


def test_a_chain_of_pronouns_stops_at_two_people_or_at_dialogue():
    rows = placed(0, ran("Dorothy")) + placed(4, ran("Em")) + placed(8, WIND)
    rows += placed(12, WIND) + placed(16, SHE_FELL)
    doc = make_doc(rows, [(0, 1, "PERSON"), (4, 5, "PERSON")])
    assert resolve_pronoun(analyze([doc]), 0, doc[16]) is None  # Dorothy or Em?
    said = [
        ("\u201c", 1, "punct", "``", "PUNCT", "\u201c"),
        ("Run", 1, "ROOT", "VB", "VERB", "run"),
        ("\u201d", 1, "punct", "''", "PUNCT", "\u201d"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    rows = placed(0, ran("Dorothy")) + placed(4, WIND) + placed(8, said)
    rows += placed(12, WIND) + placed(16, SHE_FELL)
    doc = make_doc(rows, [(0, 1, "PERSON")])
    assert resolve_pronoun(analyze([doc]), 0, doc[16]) is None  # a turn of speech between


def test_an_object_pronoun_is_not_the_subject_of_its_own_verb():
    """'Hansel comforted her': she is not Hansel (whose gender the passage does not give)."""
    rows = [
        ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
        ("comforted", 1, "ROOT", "VBD", "VERB", "comfort"),
        ("her", 1, "dobj", "PRP", "PRON", "she"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "PERSON")])
    assert resolve_pronoun(analyze([doc]), 0, doc[2]) is None
    took = [
        ("Hansel", 1, "nsubj", "NNP", "PROPN", "Hansel"),
        ("took", 1, "ROOT", "VBD", "VERB", "take"),
        ("his", 3, "poss", "PRP$", "PRON", "his"),
        ("sister", 1, "dobj", "NN", "NOUN", "sister"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(took, [(0, 1, "PERSON")])
    assert resolve_pronoun(analyze([doc]), 0, doc[2]).text == "Hansel"  # his own sister


def test_a_living_noun_is_a_person_or_an_animal_not_a_plant():
    assert lexicon.living_noun("woman") and lexicon.living_noun("fox")
    assert not lexicon.living_noun("tree") and not lexicon.living_noun("grape")


def test_a_name_the_passage_calls_a_film_or_a_militia_is_no_persons():
    """'Spectre is the twenty-fourth film.', 'Kataib Hezbollah, an Iranian militia, fired.'"""
    film = [
        ("Spectre", 1, "nsubj", "NNP", "PROPN", "Spectre"),
        ("is", 1, "ROOT", "VBZ", "AUX", "be"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("twenty-fourth", 4, "amod", "JJ", "ADJ", "twenty-fourth"),
        ("film", 1, "attr", "NN", "NOUN", "film"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    militia = [
        ("Kataib", 1, "compound", "NNP", "PROPN", "Kataib"),
        ("Hezbollah", 7, "nsubj", "NNP", "PROPN", "Hezbollah"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("an", 5, "det", "DT", "DET", "an"),
        ("Iranian", 5, "amod", "JJ", "ADJ", "iranian"),
        ("militia", 1, "appos", "NN", "NOUN", "militia"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("fired", 7, "ROOT", "VBD", "VERB", "fire"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    docs = [make_doc(film, [(0, 1, "PERSON")]), make_doc(militia, [(0, 2, "PERSON")])]
    assert {"spectre", "hezbollah"} <= analyze(docs).thing_names()


def test_a_name_also_used_for_a_person_stays_a_persons():
    """'Her album, Beyonce, sold well. Beyonce was born in Houston.'"""
    album = [
        ("Her", 1, "poss", "PRP$", "PRON", "her"),
        ("album", 5, "nsubj", "NN", "NOUN", "album"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("Beyonce", 1, "appos", "NNP", "PROPN", "Beyonce"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("sold", 5, "ROOT", "VBD", "VERB", "sell"),
        ("well", 5, "advmod", "RB", "ADV", "well"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    born = [
        ("Beyonce", 2, "nsubjpass", "NNP", "PROPN", "Beyonce"),
        ("was", 2, "auxpass", "VBD", "AUX", "be"),
        ("born", 2, "ROOT", "VBN", "VERB", "bear"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("Houston", 3, "pobj", "NNP", "PROPN", "Houston"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    docs = [make_doc(album, [(3, 4, "PERSON")]), make_doc(born, [(0, 1, "PERSON"), (4, 5, "GPE")])]
    assert "beyonce" not in analyze(docs).thing_names()
    assert "beyonce" in analyze(docs[:1]).thing_names()


def test_who_after_a_man_from_a_place_is_the_man():
    """'He met a Frenchman from Lorraine who had emigrated.': the Frenchman emigrated."""
    from quizgen.text import extract

    rows = [
        ("Jan", 1, "nsubj", "NNP", "PROPN", "Jan"),
        ("met", 1, "ROOT", "VBD", "VERB", "meet"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("Frenchman", 1, "dobj", "NN", "NOUN", "frenchman"),
        ("from", 3, "prep", "IN", "ADP", "from"),
        ("Lorraine", 4, "pobj", "NNP", "PROPN", "Lorraine"),
        ("who", 8, "nsubj", "WP", "PRON", "who"),
        ("had", 8, "aux", "VBD", "AUX", "have"),
        ("emigrated", 5, "relcl", "VBN", "VERB", "emigrate"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "PERSON"), (5, 6, "PERSON")])
    assert extract._relative_head(doc[8], doc[6]).text == "Frenchman"


def test_a_name_with_a_family_acts_as_a_person_and_his_job_is_the_fathers():
    """ "Beyoncé's father resigned from his job.": Beyoncé has a family (a person, whatever
    the tagger says), and 'his' is not hers: it is ambiguous between her and her father."""
    rows = [
        ("Beyonce", 2, "poss", "NNP", "PROPN", "Beyonce"),
        ("'s", 0, "case", "POS", "PART", "'s"),
        ("father", 3, "nsubj", "NN", "NOUN", "father"),
        ("resigned", 3, "ROOT", "VBD", "VERB", "resign"),
        ("from", 3, "prep", "IN", "ADP", "from"),
        ("his", 6, "poss", "PRP$", "PRON", "his"),
        ("job", 4, "pobj", "NN", "NOUN", "job"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "ORG")])
    from quizgen.text.analysis import mention_acts_as_person

    assert mention_acts_as_person(doc[0:1])
    assert resolve_pronoun(analyze([doc]), 0, doc[5]) is None


def test_a_name_spelled_out_beside_its_acronym_is_known_by_both():
    rows = [
        ("The", 3, "det", "DT", "DET", "the"),
        ("European", 3, "compound", "NNP", "PROPN", "European"),
        ("Central", 3, "compound", "NNP", "PROPN", "Central"),
        ("Bank", 7, "nsubj", "NNP", "PROPN", "Bank"),
        ("(", 5, "punct", "-LRB-", "PUNCT", "("),
        ("ECB", 3, "appos", "NNP", "PROPN", "ECB"),
        (")", 5, "punct", "-RRB-", "PUNCT", ")"),
        ("sets", 7, "ROOT", "VBZ", "VERB", "set"),
        ("rates", 7, "dobj", "NNS", "NOUN", "rate"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    found = analyze([make_doc(rows, [(1, 4, "ORG"), (5, 6, "ORG")])]).acronyms()
    assert found["european central bank"] == ["ECB"]
    assert found["ecb"] == ["European Central Bank"]


def _titled(title: str, name: str) -> list[tuple]:
    return [
        (title, 1, "compound", "NNP", "PROPN", title),
        (name, 2, "nsubj", "NNP", "PROPN", name),
        ("smiled", 2, "ROOT", "VBD", "VERB", "smile"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]


def test_mr_and_mrs_of_one_name_are_two_people_each_named_with_the_title():
    docs = [
        make_doc(_titled("Mr.", "Bennet"), [(1, 2, "PERSON")]),
        make_doc(_titled("Mrs.", "Bennet"), [(1, 2, "PERSON")]),
        make_doc(_titled("Mrs.", "Long"), [(1, 2, "PERSON")]),
    ]
    names = sorted(c.name for c in analyze(docs).clusters)
    assert names == ["Mr. Bennet", "Mrs. Bennet", "Mrs. Long"]


def test_her_baby_is_not_the_she_after_it():
    """'Dorothy ran home. At the birth of her baby she was glad.': 'her baby' names nobody
    until 'her' is known, and is not the 'she' after it: she is Dorothy."""
    birth = [
        ("At", 6, "prep", "IN", "ADP", "at"),
        ("the", 2, "det", "DT", "DET", "the"),
        ("birth", 0, "pobj", "NN", "NOUN", "birth"),
        ("of", 2, "prep", "IN", "ADP", "of"),
        ("her", 5, "poss", "PRP$", "PRON", "her"),
        ("baby", 3, "pobj", "NN", "NOUN", "baby"),
        ("she", 7, "nsubj", "PRP", "PRON", "she"),
        ("was", 7, "ROOT", "VBD", "AUX", "be"),
        ("glad", 7, "acomp", "JJ", "ADJ", "glad"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    rows = placed(0, ran("Dorothy")) + placed(4, birth)
    doc = make_doc(rows, [(0, 1, "PERSON")])
    referent = resolve_pronoun(analyze([doc]), 0, doc[10])
    assert referent is not None and referent.text == "Dorothy"


def test_a_given_name_alone_is_the_persons_whatever_the_tagger_says():
    """'Fryderyk Chopin ran home. Fryderyk ran home.' with the second 'Fryderyk' tagged a
    place: the given name of a person the passage names in full is a person's."""
    full = [
        ("Fryderyk", 1, "compound", "NNP", "PROPN", "Fryderyk"),
        ("Chopin", 2, "nsubj", "NNP", "PROPN", "Chopin"),
        ("ran", 2, "ROOT", "VBD", "VERB", "run"),
        ("home", 2, "advmod", "RB", "ADV", "home"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    rows = placed(0, full) + placed(5, ran("Fryderyk")) + placed(9, ran("Fryderyk"))
    doc = make_doc(rows, [(0, 2, "PERSON"), (5, 6, "GPE"), (9, 10, "PERSON")])
    clusters = {c.key: c for c in analyze([doc]).clusters}
    assert clusters[("fryderyk",)].label == "PERSON"


def test_a_possessive_before_a_capital_noun_is_part_of_a_name_not_a_person():
    """'the lead singer of Destiny's Child': the tagger's common noun 'Child' is the band's name,
    and 'Destiny' nobody a later 'her' could be; 'Beyoncé's home' is hers."""
    from quizgen.text.analysis import _candidates, in_longer_name

    def owner(noun: str, tag: str, pos: str):
        rows = [
            ("the", 1, "det", "DT", "DET", "the"),
            ("singer", 1, "ROOT", "NN", "NOUN", "singer"),
            ("of", 1, "prep", "IN", "ADP", "of"),
            ("Destiny", 5, "poss", "NNP", "PROPN", "Destiny"),
            ("'s", 3, "case", "POS", "PART", "'s"),
            (noun, 2, "pobj", tag, pos, noun.lower()),
        ]
        return make_doc(rows, [(3, 4, "PERSON")])[3]

    assert in_longer_name(owner("Child", "NN", "NOUN"))
    assert not in_longer_name(owner("home", "NN", "NOUN"))
    # nor is the band a character named by its noun, as 'Beyoncé's father' is
    band = owner("Child", "NN", "NOUN").doc
    assert _candidates(analyze([band]), 0, band) == {}


# "Chopin met Franz Liszt and Robert Schumann. {In 1835 he|Sand} ..." (no gender known)
def _met(subject: list[tuple], ents: list) -> tuple[list[tuple], list]:
    """'<subject> met Franz Liszt and Robert Schumann.' with the subject's words first."""
    n = len(subject)
    rows = subject + [
        ("met", n, "ROOT", "VBD", "VERB", "meet"),
        ("Franz", n + 2, "compound", "NNP", "PROPN", "Franz"),
        ("Liszt", n, "dobj", "NNP", "PROPN", "Liszt"),
        ("and", n + 2, "cc", "CC", "CCONJ", "and"),
        ("Robert", n + 5, "compound", "NNP", "PROPN", "Robert"),
        ("Schumann", n + 2, "conj", "NNP", "PROPN", "Schumann"),
        (".", n, "punct", ".", "PUNCT", "."),
    ]
    return rows, [*ents, (n + 1, n + 3, "PERSON"), (n + 4, n + 6, "PERSON")]


def _pronoun_after(first: list[tuple], ents: list, second: list[tuple]):
    rows = first + placed(len(first), second)
    doc = make_doc(rows, ents)
    pronoun = next(t for t in doc[len(first) :] if t.pos_ == "PRON")
    return resolve_pronoun(analyze([doc]), 0, pronoun)


HE_LEFT = [
    ("In", 3, "prep", "IN", "ADP", "in"),
    ("1835", 0, "pobj", "CD", "NUM", "1835"),
    ("he", 3, "nsubj", "PRP", "PRON", "he"),
    ("left", 3, "ROOT", "VBD", "VERB", "leave"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def test_a_subject_he_goes_on_from_the_subject_before_it_among_several_people():
    """'Chopin met Franz Liszt and Robert Schumann. In 1835 he left.': three men, one of
    them the subject, as a passage keeps its topic there."""
    first, ents = _met([("Chopin", 1, "nsubj", "NNP", "PROPN", "Chopin")], [(0, 1, "PERSON")])
    assert _pronoun_after(first, ents, HE_LEFT).text == "Chopin"


def test_no_subject_preference_for_an_object_or_two_people_in_one_subject():
    first, ents = _met([("Chopin", 1, "nsubj", "NNP", "PROPN", "Chopin")], [(0, 1, "PERSON")])
    saw_him = [
        ("Sand", 1, "nsubj", "NNP", "PROPN", "Sand"),
        ("saw", 1, "ROOT", "VBD", "VERB", "see"),
        ("him", 1, "dobj", "PRP", "PRON", "he"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert _pronoun_after(first, ents, saw_him) is None  # an object 'him': any of them
    pair = [
        ("Chopin", 3, "nsubj", "NNP", "PROPN", "Chopin"),
        ("and", 0, "cc", "CC", "CCONJ", "and"),
        ("Sand", 0, "conj", "NNP", "PROPN", "Sand"),
    ]
    first, ents = _met(pair, [(0, 1, "PERSON"), (2, 3, "PERSON")])
    assert _pronoun_after(first, ents, HE_LEFT) is None


def test_a_subordinate_clauses_subject_is_no_topic_for_the_he_after_it():
    """'When Liszt arrived, he met Chopin.': Liszt is the likelier, but the rule does not
    guess: only a main clause's subject continues."""
    rows = [
        ("When", 2, "advmod", "WRB", "SCONJ", "when"),
        ("Liszt", 2, "nsubj", "NNP", "PROPN", "Liszt"),
        ("arrived", 5, "advcl", "VBD", "VERB", "arrive"),
        (",", 5, "punct", ",", "PUNCT", ","),
        ("he", 5, "nsubj", "PRP", "PRON", "he"),
        ("met", 5, "ROOT", "VBD", "VERB", "meet"),
        ("Chopin", 5, "dobj", "NNP", "PROPN", "Chopin"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    first = placed(0, ran("Sand"))
    doc = make_doc(first + placed(4, rows), [(0, 1, "PERSON"), (5, 6, "PERSON")])
    assert resolve_pronoun(analyze([doc]), 0, doc[8]) is None


def test_a_name_the_tagger_missed_joins_the_person_it_names_elsewhere():
    """'Chopin' untagged where it stands is the person 'Chopin' tagged in the sentence
    before, so the 'he' after it can stand for him."""
    first = placed(0, ran("Chopin"))
    second, ents = _met([("Chopin", 1, "nsubj", "NNP", "PROPN", "Chopin")], [])
    rows = first + placed(4, second)
    doc = make_doc(rows, [(0, 1, "PERSON")] + [(s + 4, e + 4, label) for s, e, label in ents])
    analysis = analyze([doc])
    assert analysis.cluster_of(0, doc[4]) is analysis.cluster_of(0, doc[0])
    assert analysis.cluster_of(0, doc[4]).salience == 2


def test_a_family_word_before_a_name_gives_its_gender():
    # 'Grandpa Walt put his hand on her arm': 'her' is not Grandpa Walt
    for word, gender in (("Grandpa", "m"), ("Granny", "f"), ("Dad", "m"), ("Mom", "f")):
        rows = [
            (word, 1, "compound", "NNP", "PROPN", word),
            ("Walt", 2, "nsubj", "NNP", "PROPN", "Walt"),
            ("ran", 2, "ROOT", "VBD", "VERB", "run"),
            ("home", 2, "advmod", "RB", "ADV", "home"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ]
        [cluster] = analyze([make_doc(rows, [(0, 2, "PERSON")])]).clusters
        assert cluster.gender == gender, word


def test_a_name_a_thing_is_called_is_a_things_name():
    # 'NASA built an aircraft called Chopper.': no 'Who …?' of Chopper
    rows = [
        ("NASA", 1, "nsubj", "NNP", "PROPN", "NASA"),
        ("built", 1, "ROOT", "VBD", "VERB", "build"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("aircraft", 1, "dobj", "NN", "NOUN", "aircraft"),
        ("called", 3, "acl", "VBN", "VERB", "call"),
        ("Chopper", 4, "oprd", "NNP", "PROPN", "Chopper"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert "chopper" in analyze([make_doc(rows, [(0, 1, "ORG"), (5, 6, "PERSON")])]).thing_names()
    rows[3] = ("boy", 1, "dobj", "NN", "NOUN", "boy")  # 'a boy called Chopper' is a person
    assert (
        "chopper" not in analyze([make_doc(rows, [(0, 1, "ORG"), (5, 6, "PERSON")])]).thing_names()
    )


def _two_names_ran(first: str, last: str) -> list[tuple]:
    return [
        (first, 1, "compound", "NNP", "PROPN", first),
        (last, 2, "nsubj", "NNP", "PROPN", last),
        ("ran", 2, "ROOT", "VBD", "VERB", "run"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]


def test_a_persons_family_name_alone_is_marked_right_unless_another_person_shares_it():
    from quizgen.items.select import family_name

    names = [
        ("Louis", "Pasteur"),
        ("Louis", "Chopin"),
        ("Fryderyk", "Chopin"),
        ("Turkey", "Trot"),
    ]
    docs = [make_doc(_two_names_ran(*n), [(0, 2, "PERSON")]) for n in names]
    docs.append(
        make_doc(KING_RAN[:1] + [("girl", 2, "nsubj", "NN", "NOUN", "girl")] + KING_RAN[2:])
    )
    analysis = analyze(docs)

    def cluster(name):
        return next(c for c in analysis.clusters_of("PERSON") if name in c.names)

    assert family_name("Louis Pasteur", cluster("Louis Pasteur"), analysis) == "Pasteur"
    # two Chopins: 'Chopin' alone does not say which
    assert family_name("Louis Chopin", cluster("Louis Chopin"), analysis) is None
    # one name, an initial, a possessive or a common word last is no family name to accept
    assert family_name("Pasteur", cluster("Louis Pasteur"), analysis) is None
    assert family_name("John F.", None, analysis) is None
    assert family_name("Destiny's Child", None, analysis) is None
    assert family_name("The Little Match Girl", None, analysis) is None
    # a name the tagger took for a person's, with nothing in the passage to show it is one
    assert family_name("Turkey Trot", cluster("Turkey Trot"), analysis) is None


def test_no_pronoun_is_pinned_on_a_person_the_passage_would_call_both_he_and_she():
    """'Jim ran home. He fell. Jim ran home. She fell.': one of the two is someone the names
    missed (a heroine the tagger never named), so neither is taken for Jim."""
    he_fell = [("He", 1, "nsubj", "PRP", "PRON", "he"), *SHE_FELL[1:]]
    rows = placed(0, ran("Jim")) + placed(4, he_fell)
    doc = make_doc(rows, [(0, 1, "PERSON")])
    referent = resolve_pronoun(analyze([doc]), 0, doc[4])
    assert referent is not None and referent.text == "Jim"
    rows += placed(7, ran("Jim")) + placed(11, SHE_FELL)
    doc = make_doc(rows, [(0, 1, "PERSON"), (7, 8, "PERSON")])
    analysis = analyze([doc])
    assert resolve_pronoun(analysis, 0, doc[4]) is None
    assert resolve_pronoun(analysis, 0, doc[11]) is None
