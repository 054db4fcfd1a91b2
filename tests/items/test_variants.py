"""True/false statements, blanks, matching and the word bank: each rule on text or on a
hand-built Doc (no model)."""

from __future__ import annotations

import pytest
from docs import make_doc

from quizgen.items import quality, select, variants

# "From which a ladder led down."
WH_REMNANT = [
    ("From", 3, "prep", "IN", "ADP", "from"),
    ("which", 0, "pobj", "WDT", "PRON", "which"),
    ("a", 3, "det", "DT", "DET", "a"),
    ("ladder", 4, "nsubj", "NN", "NOUN", "ladder"),
    ("led", 4, "ROOT", "VBD", "VERB", "lead"),
    ("down", 4, "advmod", "RB", "ADV", "down"),
    (".", 4, "punct", ".", "PUNCT", "."),
]
# "The locust-trees were in bloom and."
OPEN_END = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("trees", 2, "nsubj", "NNS", "NOUN", "tree"),
    ("were", 2, "ROOT", "VBD", "AUX", "be"),
    ("in", 2, "prep", "IN", "ADP", "in"),
    ("bloom", 3, "pobj", "NN", "NOUN", "bloom"),
    ("and", 2, "cc", "CC", "CCONJ", "and"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
# "A superbug spreading fast." (no finite verb)
NO_FINITE = [
    ("A", 1, "det", "DT", "DET", "a"),
    ("superbug", 2, "nsubj", "NN", "NOUN", "superbug"),
    ("spreading", 2, "ROOT", "VBG", "VERB", "spread"),
    ("fast", 2, "advmod", "RB", "ADV", "fast"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
# "The ladder led down."
WHOLE = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("ladder", 2, "nsubj", "NN", "NOUN", "ladder"),
    ("led", 2, "ROOT", "VBD", "VERB", "lead"),
    ("down", 2, "advmod", "RB", "ADV", "down"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(WH_REMNANT, False), (OPEN_END, False), (NO_FINITE, False), (WHOLE, True)],
)
def test_a_statement_is_a_whole_declarative_sentence(rows, expected):
    assert quality.wellformed_statement(make_doc(rows)) is expected


@pytest.mark.parametrize(
    ("text", "evidence", "true", "fault"),
    [
        (
            "From which, a ladder led down into the hole.",
            "…, from which a ladder led down.",
            True,
            "fragment",
        ),
        (
            "Where, the cows graze all day.",
            "That is where the cows graze all day.",
            True,
            "fragment",
        ),
        (
            "Atop, the dome is a golden statue.",
            "Atop the dome is a golden statue.",
            True,
            "fragment",
        ),
        (
            "Hard as flint, from which, no steel had struck fire.",
            "Hard as flint, from which no steel had struck fire.",
            True,
            "fragment",
        ),
        (
            "In addition, the club reached the final.",
            "In addition, the club reached the final.",
            True,
            "connective",
        ),
        (
            "Admitted students came from 1,311 high schools and.",
            "Admitted students came from 1,311 high schools and the average student traveled.",
            True,
            "dangling end",
        ),
        (
            "Ben did not range up alongside of Ben.",
            "Ben ranged up alongside of him.",
            False,
            "repeated name",
        ),
        (
            "The man did not fling a look back along the way the man had come.",
            "The man flung a look back along the way he had come.",
            False,
            "repeated name",
        ),
        (
            "Destiny has won 20 Grammy Awards.",
            "She has won 20 Grammy Awards.",
            True,
            "name not in the sentence",
        ),
        (
            "Cells evolved from bacteria.",
            "Critics suggested that cells probably evolved from bacteria.",
            True,
            "hedge dropped",
        ),
        (
            "The box was not too small.",
            "Either the box was too small or the cat too big.",
            False,
            "undecidable",
        ),
        ("The dog did not wait until dark.", "The dog waited until dark.", False, "undecidable"),
        ("Girl's Tyme did not fail to win.", "Girl's Tyme failed to win.", False, "undecidable"),
        (
            "Every individual generally intends to promote the public interest.",
            "Every individual neither intends to promote the public interest, nor knows it.",
            True,
            "condition dropped",
        ),
        (
            "The beating did not grow louder louder.",
            "The beating grew louder, louder!",
            False,
            "repeated word",
        ),
        (
            "Ben's gait was the hop-skip-and-jump proof enough.",
            "Ben's gait was the hop-skip-and-jump--proof enough.",
            True,
            "run together",
        ),
        (
            "Hobbes and Spinoza, in the next generation are described as empiricists.",
            "Hobbes and Spinoza, in the next generation, are described as empiricists.",
            True,
            "unclosed aside",
        ),
        ("the queen jumped for joy.", "The queen jumped for joy.", True, "lower-case start"),
    ],
)
def test_statement_faults(text, evidence, true, fault):
    assert fault in variants.statement_faults(text, evidence, true=true)


@pytest.mark.parametrize(
    ("text", "evidence", "true"),
    [
        ("The queen jumped for joy.", "The queen jumped for joy.", True),
        ("The queen did not jump for joy.", "The queen jumped for joy.", False),
        ("Critics argue that the plan failed.", "Critics argue that the plan failed.", True),
        (
            "Graham's Arsenal won the FA Cup in 1993.",
            "Graham's Arsenal won the FA Cup in 1993.",
            True,
        ),
        ("The club was formed in 1886.", "The club was formed in 1886, from which it grew.", True),
    ],
)
def test_a_sound_statement_has_no_fault(text, evidence, true):
    assert variants.statement_faults(text, evidence, true=true) == []


def test_a_connective_is_dropped_and_the_rest_capitalized():
    assert variants.without_connective("In addition, the club won.") == "The club won."
    assert variants.without_connective("However, Tom sat down.") == "Tom sat down."
    assert variants.without_connective("Tom sat down.") == "Tom sat down."


def test_only_numbers_and_dates_are_swapped():
    assert {"DATE", "CARDINAL", "MONEY"} <= variants.SWAPPABLE
    assert not {"PERSON", "GPE", "ORG", "NP"} & variants.SWAPPABLE


@pytest.mark.parametrize(
    ("answer", "title", "label", "fault"),
    [
        ("Chopin", "Frédéric Chopin", "NAME", "topic word"),
        ("Virtual fences", "Virtual fences help cows", "TERM", "topic word"),
        ("One", "", "NUMBER", "filler"),
        ("the same", "", "TERM", "filler"),
        ("the virtual fence boundaries", "", "TERM", "long key"),
        ("ejaculated", "", "TERM", "unsuitable word"),
        ("TX > TY", "", "NAME", "symbols"),
    ],
)
def test_key_faults(answer, title, label, fault):
    assert fault in variants.key_faults(answer, title, label)


def test_a_sound_key_has_no_fault():
    assert variants.key_faults("Warsaw", "Frédéric Chopin", "NAME") == []
    assert variants.key_faults("1849", "", "NUMBER") == []


def test_the_unsuitable_words_come_from_the_package_list():
    words = variants.unsuitable_words()
    assert len(words) > 500 and "ejaculated" in words and "warsaw" not in words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("* The probe also must survive the heat.", "The probe also must survive the heat."),
        ("\u2022 The probe also must survive.", "The probe also must survive."),
        (". The probe also must survive.", "The probe also must survive."),
        ("The probe . . . must survive.", None),
        ("The probe (a small one) must survive.", None),
        ("the probe must survive.", None),
        ("\u2018Then fetch me some,\u2019 said the Whale.", None),
        ("The Royal Arsenal was renamed Royal Arsenal.", None),
        ("The probe must survive.", "The probe must survive."),
    ],
)
def test_blank_sentences_are_cleaned_or_left_out(text, expected):
    assert variants.clean_blank_sentence(text) == expected


# "It is in Washington, D.C. today."
CAPITAL = [
    ("It", 1, "nsubj", "PRP", "PRON", "it"),
    ("is", 1, "ROOT", "VBZ", "AUX", "be"),
    ("in", 1, "prep", "IN", "ADP", "in"),
    ("Washington", 2, "pobj", "NNP", "PROPN", "Washington"),
    (",", 3, "punct", ",", "PUNCT", ","),
    ("D.C.", 3, "appos", "NNP", "PROPN", "D.C."),
    ("today", 1, "npadvmod", "NN", "NOUN", "today"),
]
# "Mr. Bennet made no answer."
TITLED = [
    ("Mr.", 1, "compound", "NNP", "PROPN", "Mr."),
    ("Bennet", 2, "nsubj", "NNP", "PROPN", "Bennet"),
    ("made", 2, "ROOT", "VBD", "VERB", "make"),
    ("no", 4, "det", "DT", "DET", "no"),
    ("answer", 2, "dobj", "NN", "NOUN", "answer"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


def test_a_name_given_away_beside_its_blank():
    doc = make_doc(CAPITAL, ents=[(3, 4, "GPE"), (5, 6, "GPE")])
    assert variants._named_beside(doc[3:4])  # '_____, D.C.'
    assert variants._named_beside(doc[5:6])  # 'Washington, _____'
    doc = make_doc(TITLED, ents=[(1, 2, "PERSON")])
    assert variants._named_beside(doc[1:2])  # 'Mr. _____'
    doc = make_doc(WHOLE)
    assert not variants._named_beside(doc[1:2])


def test_the_ledger_holds_a_key_to_two_items_and_a_name_to_one():
    ledger = select.Ledger()
    for n in range(2):
        ref = (n, 0, (n, 0, 1), "the treaty")
        assert ledger.allows(ref, f"What was signed in {n}?", 9, strict=False, key="the treaty")
        ledger.add(ref, f"What was signed in {n}?", key="the treaty")
    assert not ledger.allows(
        (3, 0, (3, 0, 1), "the treaty"), "What was signed?", 9, strict=False, key="the treaty"
    )
    ref = (4, 0, (4, 0, 1), "new zealand")
    ledger.add(ref, "Where is the place?", key="New Zealand")
    assert not ledger.allows(
        (5, 0, (5, 0, 1), "new zealand"), "Where is it?", 9, strict=False, key="New Zealand"
    )


def test_an_item_from_the_same_sentence_that_gives_another_away_is_refused():
    ledger = select.Ledger()
    ledger.add((0, 5, (0, 5, 2), "warsaw"), "Where did Chopin die?", key="Warsaw")
    # a statement from the same sentence that says the key
    assert not ledger.allows(
        (0, 5, (0, 5, 9), "chopin died in warsaw."),
        "Chopin died in Warsaw in 1849.",
        9,
        strict=False,
    )
    # a blank from the same sentence that tests the same fact with another key
    assert not ledger.allows(
        (0, 5, (0, 5, 7), "1849"), "Chopin died in Warsaw in _____.", 9, strict=False, key="1849"
    )
    # another sentence, another fact
    assert ledger.allows(
        (1, 0, (1, 0, 3), "paris"), "Chopin moved to _____ in 1831.", 9, strict=False, key="Paris"
    )


def test_a_matching_pair_is_not_asked_again():
    from types import SimpleNamespace

    ledger = select.Ledger()
    sentence = SimpleNamespace(start=4)
    fact = SimpleNamespace(paragraph=2, sentence=sentence)
    ledger.add_pairs([("Mark Esper", "Defense Secretary")], [fact])
    assert not ledger.allows(
        (2, 4, (2, 4, 1), "mark esper"),
        "Who is the Defense Secretary?",
        9,
        strict=False,
        key="Mark Esper",
    )


def test_matching_needs_four_to_six_pairs():
    assert (variants.MIN_PAIRS, variants.MAX_PAIRS) == (4, 6)
    assert variants.matching([], [], []) is None


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("a word or phrase that has a similar meaning", True),
        ("words that mean the opposite of a word", True),
        ("a component of a feedback system", True),
        ("important", False),
        ("synonyms", False),
    ],
)
def test_a_definition_reads_as_a_class_and_what_sets_it_apart(text, ok):
    assert bool(variants.DEFINING.match(text)) is ok


def test_a_reported_claim_keeps_its_attribution():
    evidence = "The armed forces went on alert, officials said."
    assert "attribution dropped" in variants.statement_faults(
        "The armed forces went on alert.", evidence, true=True
    )
    assert "attribution dropped" in variants.statement_faults(
        "Superbugs are spreading.", "According to the CDC, superbugs are spreading.", true=True
    )
    assert (
        variants.statement_faults("Tom sat down.", "Tom sat down, and Ben said nothing.", true=True)
        == []
    )


def test_first_each_kind_is_spread_over_the_paragraphs():
    from quizgen.quiz.model import Kind

    ledger = select.Ledger()
    ledger.add((0, 0, (0, 0, 1), "a"), "A first statement.", kind=Kind.TRUE_FALSE)
    second = (0, 9, (0, 9, 1), "b")
    assert not ledger.allows(
        second, "A second statement.", 9, strict=True, key=None, kind=Kind.TRUE_FALSE
    )
    assert ledger.allows(
        second, "A second statement.", 9, strict=False, key=None, kind=Kind.TRUE_FALSE
    )
    assert ledger.allows(
        (1, 0, (1, 0, 1), "c"), "Another one.", 9, strict=True, key=None, kind=Kind.TRUE_FALSE
    )


# "Scrooge never painted out the old name of the firm."
NEVER = [
    ("Scrooge", 2, "nsubj", "NNP", "PROPN", "Scrooge"),
    ("never", 2, "neg", "RB", "ADV", "never"),
    ("painted", 2, "ROOT", "VBD", "VERB", "paint"),
    ("out", 2, "prt", "RP", "ADP", "out"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("old", 6, "amod", "JJ", "ADJ", "old"),
    ("name", 2, "dobj", "NN", "NOUN", "name"),
    ("of", 6, "prep", "IN", "ADP", "of"),
    ("the", 9, "det", "DT", "DET", "the"),
    ("firm", 7, "pobj", "NN", "NOUN", "firm"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


def test_a_statement_keeps_the_negation_the_sentence_has():
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    doc = make_doc(NEVER, ents=[(0, 1, "PERSON")])
    (clause,) = list(clauses(doc[:], 0, analyze([doc])))
    assert variants.statement(clause) == "Scrooge never painted out the old name of the firm."
    bare = make_doc([r if r[0] != "never" else ("not", *r[1:]) for r in NEVER])
    (lost,) = list(clauses(bare[:], 0, analyze([bare])))
    assert variants.statement(lost) is None  # 'Scrooge not painted': no auxiliary to carry it


def _left(words: tuple[str, str]):
    """'The man left without a coat.' / 'The man left with a coat.'"""
    prep, noun = words
    return [
        ("The", 1, "det", "DT", "DET", "the"),
        ("man", 2, "nsubj", "NN", "NOUN", "man"),
        ("left", 2, "ROOT", "VBD", "VERB", "leave"),
        (prep, 2, "prep", "IN", "ADP", prep),
        ("a", 5, "det", "DT", "DET", "a"),
        (noun, 3, "pobj", "NN", "NOUN", noun),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]


def test_a_false_statement_is_never_a_double_negative():
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    def negative(rows):
        doc = make_doc(rows)
        (clause,) = list(clauses(doc[:], 0, analyze([doc])))
        return variants.negative_statement(clause)

    assert negative(_left(("with", "coat"))) == "The man did not leave with a coat."
    assert negative(_left(("without", "coat"))) is None  # 'did not leave without a coat'


def test_once_upon_a_time_goes_as_a_whole():
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("Once", 7, "advmod", "RB", "ADV", "once"),
        ("upon", 7, "prep", "IN", "ADP", "upon"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("time", 1, "pobj", "NN", "NOUN", "time"),
        (",", 7, "punct", ",", "PUNCT", ","),
        ("the", 6, "det", "DT", "DET", "the"),
        ("king", 7, "nsubj", "NN", "NOUN", "king"),
        ("sat", 7, "ROOT", "VBD", "VERB", "sit"),
        ("in", 7, "prep", "IN", "ADP", "in"),
        ("the", 10, "det", "DT", "DET", "the"),
        ("hall", 8, "pobj", "NN", "NOUN", "hall"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    (clause,) = list(clauses(doc[:], 0, analyze([doc])))
    assert variants.statement(clause) == "The king sat in the hall."


def test_a_clause_conjunction_left_with_a_noun_phrase_is_a_fragment():
    rows = [
        ("Students", 1, "nsubj", "NNS", "NOUN", "student"),
        ("offer", 1, "ROOT", "VBP", "VERB", "offer"),
        ("songs", 1, "dobj", "NNS", "NOUN", "song"),
        ("while", 1, "prep", "IN", "SCONJ", "while"),
        ("a", 5, "det", "DT", "DET", "a"),
        ("degree", 3, "pobj", "NN", "NOUN", "degree"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert quality.wellformed_statement(make_doc(rows)) is False
    rows[3:6] = [
        ("while", 5, "mark", "IN", "SCONJ", "while"),
        ("they", 5, "nsubj", "PRP", "PRON", "they"),
        ("sing", 1, "advcl", "VBP", "VERB", "sing"),
    ]
    assert quality.wellformed_statement(make_doc(rows)) is True


def test_an_inverted_clause_is_no_fact():
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("Never", 1, "neg", "RB", "ADV", "never"),
        ("had", 5, "aux", "VBD", "AUX", "have"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("queen", 5, "nsubj", "NN", "NOUN", "queen"),
        ("so", 5, "advmod", "RB", "ADV", "so"),
        ("smiled", 5, "ROOT", "VBN", "VERB", "smile"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert list(clauses(doc[:], 0, analyze([doc]))) == []


def test_a_name_that_begins_a_longer_name_is_given_away_by_its_capital_noun():
    """'a member of _____'s Child': the tagger's common noun 'Child' is the band's name."""
    rows = [
        ("a", 1, "det", "DT", "DET", "a"),
        ("member", 1, "ROOT", "NN", "NOUN", "member"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("Destiny", 5, "poss", "NNP", "PROPN", "Destiny"),
        ("'s", 3, "case", "POS", "PART", "'s"),
        ("Child", 2, "pobj", "NN", "NOUN", "child"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, ents=[(3, 4, "PERSON")])
    assert variants._named_beside(doc[3:4])


def test_a_word_of_a_title_is_no_blank():
    rows = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("read", 1, "ROOT", "VBD", "VERB", "read"),
        ("The", 4, "det", "DT", "DET", "the"),
        ("Two", 4, "nummod", "CD", "NUM", "two"),
        ("Mice", 1, "dobj", "NNS", "NOUN", "mouse"),
        ("twice", 1, "advmod", "RB", "ADV", "twice"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert variants._in_title(doc[3:4], doc[:])
    assert not variants._in_title(doc[5:6], doc[:])


def test_the_end_of_a_title_after_of_is_no_blank():
    """'named Artist of the _____' -> 'Millennium' is a piece of the award's title; 'the Battle
    of _____' -> 'Hastings' is a place and stays."""
    rows = [
        ("She", 2, "nsubjpass", "PRP", "PRON", "she"),
        ("was", 2, "auxpass", "VBD", "AUX", "be"),
        ("named", 2, "ROOT", "VBN", "VERB", "name"),
        ("Artist", 2, "oprd", "NNP", "PROPN", "Artist"),
        ("of", 3, "prep", "IN", "ADP", "of"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("Millennium", 4, "pobj", "NNP", "PROPN", "Millennium"),
        ("after", 2, "prep", "IN", "ADP", "after"),
        ("the", 9, "det", "DT", "DET", "the"),
        ("Battle", 7, "pobj", "NNP", "PROPN", "Battle"),
        ("of", 9, "prep", "IN", "ADP", "of"),
        ("Hastings", 10, "pobj", "NNP", "PROPN", "Hastings"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, ents=[(6, 7, "FAC"), (11, 12, "GPE")])  # the small model's tags
    assert variants._in_title(doc[6:7], doc[:])
    assert not variants._in_title(doc[11:12], doc[:])


def test_the_rest_of_a_name_after_its_ordinal_is_no_blank():
    """'at the 43rd _____' -> 'Annual Grammy Awards': the blank is the rest of one name."""
    rows = [
        ("at", 0, "ROOT", "IN", "ADP", "at"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("43rd", 5, "amod", "JJ", "ADJ", "43rd"),
        ("Annual", 5, "amod", "NNP", "PROPN", "Annual"),
        ("Grammy", 5, "compound", "NNP", "PROPN", "Grammy"),
        ("Awards", 0, "pobj", "NNPS", "PROPN", "Awards"),
    ]
    doc = make_doc(rows, ents=[(2, 3, "ORDINAL"), (3, 6, "EVENT")])
    assert variants._in_title(doc[3:6], doc[:])
    assert not variants._in_title(doc[3:6], doc[3:6])  # a sentence's first word is no piece


def test_the_noun_of_a_fixed_phrase_is_no_blank():
    rows = [
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("absolute", 2, "amod", "JJ", "ADJ", "absolute"),
        ("terms", 0, "pobj", "NNS", "NOUN", "term"),
    ]
    doc = make_doc(rows)
    assert variants._fixed_phrase(doc[2])
    once = make_doc(
        [
            ("upon", 2, "prep", "IN", "ADP", "upon"),
            ("a", 2, "det", "DT", "DET", "a"),
            ("time", 0, "pobj", "NN", "NOUN", "time"),
        ]
    )
    assert variants._fixed_phrase(once[2])  # 'once upon a _____'


def test_a_thing_taken_is_no_fixed_verb_phrase():
    def took(noun):
        rows = [
            ("She", 1, "nsubj", "PRP", "PRON", "she"),
            ("took", 1, "ROOT", "VBD", "VERB", "take"),
            ("a", 3, "det", "DT", "DET", "a"),
            (noun, 1, "dobj", "NN", "NOUN", noun),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
        return make_doc(rows)[3:4]

    assert variants._light_object(took("look"))  # 'took a _____': any speaker says 'look'
    assert not variants._light_object(took("bread"))


def test_a_number_before_a_capitalised_noun_belongs_to_a_name():
    rows = [
        ("The", 2, "det", "DT", "DET", "the"),
        ("two", 2, "nummod", "CD", "NUM", "two"),
        ("Mice", 3, "nsubj", "NNS", "NOUN", "mouse"),
        ("ran", 3, "ROOT", "VBD", "VERB", "run"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert variants._names_after(doc[1:2])
    assert variants._fixed_phrase(
        make_doc(
            [
                ("in", 1, "prep", "IN", "ADP", "in"),
                ("relation", 0, "pobj", "NN", "NOUN", "relation"),
            ]
        )[1]
    )


def test_a_sentence_inside_a_quotation_begun_before_it_is_no_blank():
    rows = [
        ("\u201c", 1, "punct", "``", "PUNCT", "\u201c"),
        ("Come", 1, "ROOT", "VB", "VERB", "come"),
        ("with", 1, "prep", "IN", "ADP", "with"),
        ("me", 2, "pobj", "PRP", "PRON", "I"),
        (".", 1, "punct", ".", "PUNCT", "."),
        ("My", 6, "poss", "PRP$", "PRON", "my"),
        ("pantry", 7, "nsubj", "NN", "NOUN", "pantry"),
        ("is", 7, "ROOT", "VBZ", "AUX", "be"),
        ("a", 10, "det", "DT", "DET", "a"),
        ("regular", 10, "amod", "JJ", "ADJ", "regular"),
        ("horn", 7, "attr", "NN", "NOUN", "horn"),
        ("of", 10, "prep", "IN", "ADP", "of"),
        ("plenty", 11, "pobj", "NN", "NOUN", "plenty"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    # the quotation runs on to the paragraph's end, as in a story
    doc = make_doc(rows)
    second = list(doc.sents)[1]
    assert not variants._blankable(second)
    alone = make_doc([(w, h - 5, d, t, p, lem) for w, h, d, t, p, lem in rows[5:]])
    assert variants._blankable(alone[:])  # the same words, said by the passage itself


def test_a_name_a_number_follows_is_part_of_a_longer_name():
    """'by _____ 11 astronauts' for 'Apollo 11', '_____ 2000 A.D.' for 'Warhead 2000 A.D.'."""
    rows = [
        ("by", 0, "ROOT", "IN", "ADP", "by"),
        ("Apollo", 3, "nmod", "NNP", "PROPN", "Apollo"),
        ("11", 3, "nummod", "CD", "NUM", "11"),
        ("astronauts", 0, "pobj", "NNS", "NOUN", "astronaut"),
    ]
    doc = make_doc(rows, ents=[(1, 2, "ORG")])
    assert variants._named_beside(doc[1:2])
    plain = make_doc(
        [rows[0], ("Apollo", 0, "pobj", "NNP", "PROPN", "Apollo")], ents=[(1, 2, "ORG")]
    )
    assert not variants._named_beside(plain[1:2])


def test_no_negative_of_a_fact_with_two_amounts():
    """'The quake struck 80 kilometres west of the city at a depth of 19 kilometres.': which
    of the two would 'did not strike' deny? With one amount, the negative is made."""
    from docs import read

    def struck(with_depth: bool):
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("quake", 2, "nsubj", "NN", "NOUN", "quake"),
            ("struck", 2, "ROOT", "VBD", "VERB", "strike"),
            ("80", 4, "nummod", "CD", "NUM", "80"),
            ("kilometres", 2, "npadvmod", "NNS", "NOUN", "kilometre"),
            ("west", 2, "advmod", "RB", "ADV", "west"),
            ("of", 5, "prep", "IN", "ADP", "of"),
            ("Chengdu", 6, "pobj", "NNP", "PROPN", "Chengdu"),
        ]
        ents = [(3, 5, "QUANTITY"), (7, 8, "GPE")]
        if with_depth:
            rows += [
                ("at", 2, "prep", "IN", "ADP", "at"),
                ("a", 10, "det", "DT", "DET", "a"),
                ("depth", 8, "pobj", "NN", "NOUN", "depth"),
                ("of", 10, "prep", "IN", "ADP", "of"),
                ("19", 13, "nummod", "CD", "NUM", "19"),
                ("kilometres", 11, "pobj", "NNS", "NOUN", "kilometre"),
            ]
            ents.append((12, 14, "QUANTITY"))
        rows.append((".", 2, "punct", ".", "PUNCT", "."))
        _, facts, _, _ = read((rows, ents))
        return [variants.negative_statement(c) for c in facts.clauses if c.verb.lower_ == "struck"]

    assert struck(with_depth=False) and struck(with_depth=False)[0] is not None
    assert struck(with_depth=True) in ([], [None])


def test_an_acronym_before_the_noun_it_qualifies_is_no_blank():
    """'all 28 _____ member states': 'EU' is known without reading; 'the _____ said' is not."""
    rows = [
        ("all", 3, "det", "DT", "DET", "all"),
        ("28", 3, "nummod", "CD", "NUM", "28"),
        ("EU", 3, "compound", "NNP", "PROPN", "EU"),
        ("states", 3, "ROOT", "NNS", "NOUN", "state"),
    ]
    doc = make_doc(rows, ents=[(2, 3, "ORG")])
    assert variants._acronym_modifier(doc[2:3])
    said = make_doc(
        [("the", 1, "det", "DT", "DET", "the"), ("EU", 1, "ROOT", "NNP", "PROPN", "EU")]
    )
    assert not variants._acronym_modifier(said[1:2])
