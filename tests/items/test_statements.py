"""True/false statements and blanks, on hand-built Docs: what is stated, what is surely false,
which span of a sentence is blanked."""

from __future__ import annotations

from docs import (
    COPULA_ENTS,
    COPULA_NEG,
    FIRED,
    FIRED_ENTS,
    KILLED,
    KILLED_ENTS,
    MODAL,
    MODAL_ENTS,
    QUOTE,
    QUOTE_ENTS,
    read,
)

from quizgen.items import variants

# "All rockets hit the base."
ALL_HIT = [
    ("All", 1, "det", "DT", "DET", "all"),
    ("rockets", 2, "nsubj", "NNS", "NOUN", "rocket"),
    ("hit", 2, "ROOT", "VBD", "VERB", "hit"),
    ("the", 4, "det", "DT", "DET", "the"),
    ("base", 2, "dobj", "NN", "NOUN", "base"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


def candidate(template: str, *sentences):
    """The first candidate a template makes of a passage, with the passage's analysis."""
    candidates, _, analysis, _ = read(*sentences)
    return next(c for c in candidates if c.template.id == template), analysis


def test_a_true_statement_is_the_fact_said_plainly():
    c, _ = candidate("how-many-object", (FIRED, FIRED_ENTS))
    assert variants.true_statement(c).text == (
        "Kataib Hezbollah fired 31 rockets into a base in Kirkuk last week."
    )


def test_a_quotation_is_stated_with_its_speaker():
    c, _ = candidate("who-said", (QUOTE, QUOTE_ENTS))
    assert variants.true_statement(c).text == "Esper said, \u201cThe game has changed.\u201d"


def test_a_false_statement_swaps_the_key_for_the_wrong_option():
    c, analysis = candidate("how-many-object", (FIRED, FIRED_ENTS))
    false = variants.false_statement(c, "13", analysis)
    assert (false.text, false.true) == (
        "Kataib Hezbollah fired 13 rockets into a base in Kirkuk last week.",
        False,
    )


def test_a_name_is_never_swapped_in():
    # 'Tehran was killed at ...': a name swapped in may be true too, or nonsense; only a number
    # or a date of the key's unit is decidably wrong
    c, analysis = candidate("who-subject", (KILLED, KILLED_ENTS))
    assert variants.false_statement(c, "Baghdad", analysis) is None
    assert variants.false_statement(c, "Tehran", analysis) is None


def test_a_common_noun_is_never_swapped():
    # another thing may well be true too: '31 rockets' -> 'some shells' proves nothing
    c, analysis = candidate("what-object", (FIRED, FIRED_ENTS))
    assert not c.answer_label
    assert variants.false_statement(c, "some shells", analysis) is None


def test_a_plain_fact_made_negative_is_false():
    _, facts, _, _ = read((FIRED, FIRED_ENTS))
    assert variants.negative_statement(facts.clauses[0]) == (
        "Kataib Hezbollah did not fire 31 rockets into a base in Kirkuk last week."
    )


def test_no_negative_of_a_quantified_or_already_negative_fact():
    _, facts, _, _ = read((ALL_HIT, []), (COPULA_NEG, COPULA_ENTS))
    assert facts.clauses and all(variants.negative_statement(c) is None for c in facts.clauses)


def blanks(*sentences):
    _, _, analysis, passage = read(*sentences)
    return [
        (b.prompt, b.answer, b.rule) for b in variants.sentence_blanks(analysis, passage.paragraphs)
    ]


def test_one_blank_a_sentence_its_name_before_its_number():
    assert blanks((FIRED, FIRED_ENTS)) == [
        (
            "_____ fired 31 rockets into a base in Kirkuk last week.",
            "Kataib Hezbollah",
            "blank-name",
        )
    ]


def test_a_quantity_blanks_its_number_and_keeps_its_unit():
    assert blanks((MODAL, MODAL_ENTS)) == [
        ("The tides can reach _____ metres.", "five", "blank-number")
    ]
