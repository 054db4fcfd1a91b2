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


def test_a_modal_made_negative_is_written_as_one_word():
    _, facts, _, _ = read((MODAL, MODAL_ENTS))
    assert [variants.negative_statement(c) for c in facts.clauses] == [
        "The tides cannot reach five metres."
    ]


def test_no_negative_of_a_coordination_whose_not_could_deny_either_part():
    # "Tom was a singer and a dancer.": 'was not a singer and a dancer' is neither here nor there
    rows = [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("was", 1, "ROOT", "VBD", "AUX", "be"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("singer", 1, "attr", "NN", "NOUN", "singer"),
        ("and", 3, "cc", "CC", "CCONJ", "and"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("dancer", 3, "conj", "NN", "NOUN", "dancer"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, facts, _, _ = read((rows, [(0, 1, "PERSON")]))
    assert facts.clauses and all(variants.negative_statement(c) is None for c in facts.clauses)


def test_a_blank_sentence_leaves_its_link_to_the_sentence_before_behind():
    meanwhile = [
        ("Meanwhile", 3, "advmod", "RB", "ADV", "meanwhile"),
        (",", 3, "punct", ",", "PUNCT", ","),
        *[(w, h + 2, d, t, p, lem) for w, h, d, t, p, lem in FIRED],
    ]
    ents = [(s + 2, e + 2, label) for s, e, label in FIRED_ENTS]
    assert blanks((meanwhile, ents))[0][0] == (
        "_____ fired 31 rockets into a base in Kirkuk last week."
    )


def test_a_blank_whose_noun_its_own_sentence_repeats_is_not_made():
    # "I heard a groan, the groan of terror." with 'groan' a term of the passage
    rows = [
        ("I", 1, "nsubj", "PRP", "PRON", "I"),
        ("heard", 1, "ROOT", "VBD", "VERB", "hear"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("groan", 1, "dobj", "NN", "NOUN", "groan"),
        (",", 3, "punct", ",", "PUNCT", ","),
        ("the", 6, "det", "DT", "DET", "the"),
        ("groan", 3, "appos", "NN", "NOUN", "groan"),
        ("of", 6, "prep", "IN", "ADP", "of"),
        ("terror", 7, "pobj", "NN", "NOUN", "terror"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((rows, []))
    doc = analysis.docs[0]
    assert variants._echoed(doc[3:4]) and variants._echoed(doc[6:7])
    assert not variants._echoed(doc[8:9])


def test_an_adjective_stays_beside_the_blank_unless_the_phrase_is_a_term():
    def moon(adjective):
        return [
            ("The", 2, "det", "DT", "DET", "the"),
            (adjective, 2, "amod", "JJ", "ADJ", adjective),
            ("moon", 3, "nsubj", "NN", "NOUN", "moon"),
            ("rose", 3, "ROOT", "VBD", "VERB", "rise"),
            ("over", 3, "prep", "IN", "ADP", "over"),
            ("the", 6, "det", "DT", "DET", "the"),
            ("hills", 4, "pobj", "NNS", "NOUN", "hill"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ]

    once = blanks((moon("full"), []), (moon("pale"), []), (moon("new"), []))
    assert ("The full _____ rose over the hills.", "moon", "blank-term") in once
    again = blanks((moon("full"), []), (moon("full"), []), (moon("full"), []))
    assert ("The _____ rose over the hills.", "full moon", "blank-term") in again


def test_a_dropped_connective_keeps_the_opening_quotation_mark():
    text = "\u201cBut, my dear, you must see _____.\u201d"
    linked = variants.CONNECTIVE.match(text)
    assert variants._drop_connective(text, linked) == "\u201cMy dear, you must see _____.\u201d"
    assert (
        variants._drop_connective(
            "Then came the _____.", variants.CONNECTIVE.match("Then came the _____.")
        )
        == "Then came the _____."
    )


# "Necessity is the mother of invention."
MAXIM = [
    ("Necessity", 1, "nsubj", "NN", "NOUN", "necessity"),
    ("is", 1, "ROOT", "VBZ", "AUX", "be"),
    ("the", 3, "det", "DT", "DET", "the"),
    ("mother", 1, "attr", "NN", "NOUN", "mother"),
    ("of", 3, "prep", "IN", "ADP", "of"),
    ("invention", 4, "pobj", "NN", "NOUN", "invention"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_present_remark_in_a_story_told_in_the_past_is_no_fact_to_judge():
    story = [(FIRED, FIRED_ENTS), (KILLED, KILLED_ENTS), (FIRED, FIRED_ENTS), (MAXIM, [])]
    _, facts, analysis, _ = read(*story)
    assert analysis.narrative()
    maxim = next(c for c in facts.clauses if c.verb.lemma_ == "be" and c.paragraph == 3)
    assert variants.remark(maxim, analysis)
    assert not any(variants.remark(c, analysis) for c in facts.clauses if c.paragraph < 3)
    # told in the present, the passage's present is its facts
    _, facts, analysis, _ = read((MAXIM, []), (MODAL, MODAL_ENTS))
    assert not analysis.narrative()
    assert not any(variants.remark(c, analysis) for c in facts.clauses)


def test_a_speech_makes_no_true_false_of_its_claims():
    demand = [
        ("We", 1, "nsubj", "PRP", "PRON", "we"),
        ("demand", 1, "ROOT", "VBP", "VERB", "demand"),
        ("our", 3, "poss", "PRP$", "PRON", "our"),
        ("rights", 1, "dobj", "NNS", "NOUN", "right"),
        ("as", 1, "prep", "IN", "ADP", "as"),
        ("citizens", 4, "pobj", "NNS", "NOUN", "citizen"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, _, speech, _ = read((demand, []), (MAXIM, []), (demand, []))
    assert speech.addressed() and speech.speech()
    # its sentences are the speaker's words: a blank quotes them, 'we' and all
    spoken = blanks((demand, []), (demand, []), (demand, []))
    assert spoken and all(p.startswith("We demand") for p, _, _ in spoken)
    _, _, report, _ = read((FIRED, FIRED_ENTS), (MAXIM, []))
    assert not report.speech()


def test_a_word_made_from_the_key_or_a_fixed_verb_phrase_gives_a_blank_away():
    assert variants._same_stem("uzbek", "uzbekistan") and variants._same_stem(
        "america", "americans"
    )
    assert not variants._same_stem("china", "chile") and not variants._same_stem("port", "portugal")
    rows = [
        ("She", 1, "nsubj", "PRP", "PRON", "she"),
        ("took", 1, "ROOT", "VBD", "VERB", "take"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("look", 1, "dobj", "NN", "NOUN", "look"),
        ("at", 3, "prep", "IN", "ADP", "at"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("house", 4, "pobj", "NN", "NOUN", "house"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((rows, []))
    doc = analysis.docs[0]
    assert variants._light_object(doc[3:4]) and not variants._light_object(doc[6:7])


def test_a_blank_gives_no_count_its_sentence_lists_and_a_title_gives_its_initials():
    rows = [
        ("Apple", 1, "nsubj", "NNP", "PROPN", "Apple"),
        ("sells", 1, "ROOT", "VBZ", "VERB", "sell"),
        ("three", 3, "nummod", "CD", "NUM", "three"),
        ("models", 1, "dobj", "NNS", "NOUN", "model"),
        (":", 3, "punct", ":", "PUNCT", ":"),
        ("Shuffle", 3, "appos", "NNP", "PROPN", "Shuffle"),
        (",", 5, "punct", ",", "PUNCT", ","),
        ("Nano", 5, "conj", "NNP", "PROPN", "Nano"),
        ("and", 7, "cc", "CC", "CCONJ", "and"),
        ("Touch", 7, "conj", "NNP", "PROPN", "Touch"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((rows, [(2, 3, "CARDINAL")]))
    doc = analysis.docs[0]
    assert variants._listed_after(doc[2:3]) and not variants._listed_after(doc[5:6])
    assert "ECB" in variants._initials("Economics: The European Central Bank")
    assert variants.key_faults("ECB", variants.topic_text(analysis, "The European Central Bank"))


def test_a_statement_left_with_a_lone_whenever_is_a_fragment():
    evidence = "Whenever Tom came home, the dog barked."
    assert variants.statement_faults("Whenever, Tom came home.", evidence, true=True)
    assert variants._drop_connective(
        "And in _____, the day begins.", variants.CONNECTIVE.match("And in _____, the day begins.")
    ) == ("In _____, the day begins.")


def test_a_noun_and_verb_read_as_one_compound_is_not_blanked():
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("depth", 7, "nsubj", "NN", "NOUN", "depth"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("respiration", 4, "compound", "NN", "NOUN", "respiration"),
        ("increases", 2, "pobj", "NNS", "NOUN", "increase"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("people", 7, "nsubj", "NNS", "NOUN", "people"),
        ("breathe", 7, "ROOT", "VBP", "VERB", "breathe"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((rows, []))
    assert variants._clause_read_as_noun(analysis.docs[0][4])
    assert not variants._clause_read_as_noun(analysis.docs[0][1])


def test_another_name_of_a_thing_is_accepted_only_when_surely_the_same():
    from quizgen.items.select import same_thing

    assert same_thing("the Dome", "Dome") and same_thing("ECB", "the European Central Bank")
    assert not same_thing("the Gold Dome", "Dome") and not same_thing("North America", "America")


def test_no_true_false_of_a_bare_definite_said_once_or_a_negated_degree():
    # "The art was mastered in 1900." said once in its passage: which art?
    art = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("art", 3, "nsubjpass", "NN", "NOUN", "art"),
        ("was", 3, "auxpass", "VBD", "AUX", "be"),
        ("mastered", 3, "ROOT", "VBN", "VERB", "master"),
        ("in", 3, "prep", "IN", "ADP", "in"),
        ("1900", 4, "pobj", "CD", "NUM", "1900"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    _, facts, analysis, _ = read((art, [(5, 6, "DATE")]), (FIRED, FIRED_ENTS))
    assert [variants.lonely(c, analysis) for c in facts.clauses] == [True, False]
    _, facts, analysis, _ = read((art, [(5, 6, "DATE")]), (art, [(5, 6, "DATE")]))
    assert not any(variants.lonely(c, analysis) for c in facts.clauses)  # said again: clear
    # "Montana is slightly larger than Japan.": 'not slightly larger' may mean 'much larger'
    larger = [
        ("Montana", 1, "nsubj", "NNP", "PROPN", "Montana"),
        ("is", 1, "ROOT", "VBZ", "AUX", "be"),
        ("slightly", 3, "advmod", "RB", "ADV", "slightly"),
        ("larger", 1, "acomp", "JJR", "ADJ", "large"),
        ("than", 3, "prep", "IN", "ADP", "than"),
        ("Japan", 4, "pobj", "NNP", "PROPN", "Japan"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, facts, _, _ = read((larger, [(0, 1, "GPE"), (5, 6, "GPE")]))
    assert facts.clauses and all(variants.negative_statement(c) is None for c in facts.clauses)


def test_a_part_or_measure_noun_before_its_of_is_no_blank():
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("dog", 2, "nsubj", "NN", "NOUN", "dog"),
        ("carried", 2, "ROOT", "VBD", "VERB", "carry"),
        ("a", 4, "det", "DT", "DET", "a"),
        ("piece", 2, "dobj", "NN", "NOUN", "piece"),
        ("of", 4, "prep", "IN", "ADP", "of"),
        ("meat", 5, "pobj", "NN", "NOUN", "meat"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((rows, []))
    doc = analysis.docs[0]
    assert variants._partitive(doc[4]) and not variants._partitive(doc[6])


def test_a_statement_that_cuts_its_sentences_list_short_is_refused():
    evidence = "Montana borders three provinces: British Columbia, Alberta, and Saskatchewan."
    assert "list cut" in variants.statement_faults(
        "Montana does not border three provinces: British Columbia.", evidence, true=False
    )
    assert "list cut" not in variants.statement_faults(evidence, evidence, true=True)


def test_no_true_false_of_the_sentence_after_an_argument():
    argued = [
        ("Needham", 1, "nsubj", "NNP", "PROPN", "Needham"),
        ("argued", 1, "ROOT", "VBD", "VERB", "argue"),
        ("that", 4, "mark", "IN", "SCONJ", "that"),
        ("boiling", 4, "nsubj", "NN", "NOUN", "boiling"),
        ("worked", 1, "ccomp", "VBD", "VERB", "work"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    rows = argued + [(w, h + len(argued), d, t, p, lem) for w, h, d, t, p, lem in FIRED]
    ents = [(0, 1, "PERSON")] + [
        (s + len(argued), e + len(argued), lab) for s, e, lab in FIRED_ENTS
    ]
    _, facts, _, _ = read((rows, ents))
    fired = [c for c in facts.clauses if c.verb.lemma_ == "fire"]
    assert fired and all(variants.continues_argument(c) for c in fired)
    _, facts, _, _ = read((FIRED, FIRED_ENTS))
    assert not any(variants.continues_argument(c) for c in facts.clauses)


def test_a_time_counted_from_an_unnamed_moment_or_a_bare_one_points_back():
    from quizgen.text.extract import anaphoric

    rows = [
        ("By", 3, "prep", "IN", "ADP", "by"),
        ("32", 2, "nummod", "CD", "NUM", "32"),
        ("seconds", 0, "pobj", "NNS", "NOUN", "second"),
        ("it", 4, "nsubj", "PRP", "PRON", "it"),
        ("fell", 4, "ROOT", "VBD", "VERB", "fall"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    rows = [(w, 4 if w in {"By", "it"} else h, d, t, p, lem) for w, h, d, t, p, lem in rows]
    _, _, analysis, _ = read((rows, []))
    doc = analysis.docs[0]
    assert anaphoric(list(doc[0:3]), analysis) == "pointer 'By'"
    one = [
        ("One", 1, "nsubj", "CD", "NUM", "one"),
        ("was", 1, "ROOT", "VBD", "AUX", "be"),
        ("gold", 1, "acomp", "JJ", "ADJ", "gold"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    _, _, analysis, _ = read((one, []))
    assert anaphoric(list(analysis.docs[0][0:1]), analysis) == "anaphoric 'one'"


def test_dates_to_match_never_overlap_and_a_title_is_not_cut_at_its_colon():
    rows = [("mid-2015", "a"), ("July 15, 2015", "b"), ("the 1990s", "c"), ("1992", "d")]
    assert [r[1] for r in variants._apart(rows)] == ["a", "c"]
    evidence = "The Legend of Zelda: Twilight Princess is an action-adventure game."
    assert "list cut" in variants.statement_faults(
        "The Legend of Zelda is an action-adventure game.", evidence, true=True
    )
    assert "list cut" not in variants.statement_faults(evidence, evidence, true=True)


def test_a_statement_cut_from_clauses_joined_by_a_semicolon_or_dash_is_refused():
    evidence = (
        "He was still sitting up in the bed listening;--just as I have done, night after "
        "night, hearkening to the death watches in the wall."
    )
    made = "The old man was not sitting up in the bed listening;--just night after night."
    assert "spliced" in variants.statement_faults(made, evidence, true=False)
    whole = "The dog ran home; the cat stayed."
    assert "spliced" not in variants.statement_faults(whole, whole, true=True)


def test_a_whenever_sentence_holds_on_its_occasions_only():
    evidence = "Whenever Jim came home and reached his flat, he was greeted by Della."
    assert "undecidable" in variants.statement_faults(
        "Jim was not greeted by Della.", evidence, true=False
    )
    assert "condition dropped" in variants.statement_faults(
        "Jim was greeted by Della.", evidence, true=True
    )


def test_an_emphatic_clause_is_not_negated():
    from docs import make_doc

    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("A", 1, "det", "DT", "DET", "a"),
        ("Wolf", 4, "nsubj", "NN", "NOUN", "wolf"),
        ("really", 4, "advmod", "RB", "ADV", "really"),
        ("did", 4, "aux", "VBD", "AUX", "do"),
        ("come", 4, "ROOT", "VB", "VERB", "come"),
        ("home", 4, "advmod", "RB", "ADV", "home"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    (clause,) = clauses(doc[:], 0, analyze([doc]))
    assert variants.negative_statement(clause) is None


def test_a_clause_with_a_fronted_manner_adverb_is_not_negated():
    from docs import make_doc

    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("Suddenly", 3, "advmod", "RB", "ADV", "suddenly"),
        (",", 3, "punct", ",", "PUNCT", ","),
        ("Henry", 3, "nsubj", "NNP", "PROPN", "Henry"),
        ("stood", 3, "ROOT", "VBD", "VERB", "stand"),
        ("up", 3, "prt", "RP", "ADP", "up"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(2, 3, "PERSON")])
    (clause,) = clauses(doc[:], 0, analyze([doc]))
    assert variants.negative_statement(clause) is None


def test_a_blank_sentence_names_the_person_its_first_pronoun_stands_for():
    # "Gretel woke early in the morning. At dawn she told Hansel about her plan.": the second
    # sentence reads on its own with its 'she' named; the 'her' after the name stays, as bound
    # as the passage has it
    rows = [
        ("Gretel", 1, "nsubj", "NNP", "PROPN", "Gretel"),
        ("woke", 1, "ROOT", "VBD", "VERB", "wake"),
        ("early", 1, "advmod", "RB", "ADV", "early"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("morning", 3, "pobj", "NN", "NOUN", "morning"),
        (".", 1, "punct", ".", "PUNCT", "."),
        ("At", 10, "prep", "IN", "ADP", "at"),
        ("dawn", 7, "pobj", "NN", "NOUN", "dawn"),
        ("she", 10, "nsubj", "PRP", "PRON", "she"),
        ("told", 10, "ROOT", "VBD", "VERB", "tell"),
        ("Hansel", 10, "dobj", "NNP", "PROPN", "Hansel"),
        ("about", 10, "prep", "IN", "ADP", "about"),
        ("her", 14, "poss", "PRP$", "PRON", "her"),
        ("plan", 12, "pobj", "NN", "NOUN", "plan"),
        (".", 10, "punct", ".", "PUNCT", "."),
    ]
    sentences = ((rows, [(0, 1, "PERSON"), (11, 12, "PERSON")]),)
    assert ("At dawn Gretel told _____ about her plan.", "Hansel", "blank-name") in blanks(
        *sentences
    )
    _, _, analysis, passage = read(*sentences)
    [told] = [
        b for b in variants.sentence_blanks(analysis, passage.paragraphs) if "told" in b.prompt
    ]
    assert told.sentence.text == "At dawn she told Hansel about her plan."  # the evidence


def test_a_pronoun_whose_person_is_not_safely_known_keeps_its_sentence_out():
    # "Gretel met Anna early. She told Hansel about the plan.": Gretel or Anna?
    rows = [
        ("Gretel", 1, "nsubj", "NNP", "PROPN", "Gretel"),
        ("met", 1, "ROOT", "VBD", "VERB", "meet"),
        ("Anna", 1, "dobj", "NNP", "PROPN", "Anna"),
        ("early", 1, "advmod", "RB", "ADV", "early"),
        (".", 1, "punct", ".", "PUNCT", "."),
        ("She", 6, "nsubj", "PRP", "PRON", "she"),
        ("told", 6, "ROOT", "VBD", "VERB", "tell"),
        ("Hansel", 6, "dobj", "NNP", "PROPN", "Hansel"),
        ("about", 6, "prep", "IN", "ADP", "about"),
        ("the", 10, "det", "DT", "DET", "the"),
        ("plan", 8, "pobj", "NN", "NOUN", "plan"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    made = blanks((rows, [(0, 1, "PERSON"), (2, 3, "PERSON"), (7, 8, "PERSON")]))
    assert not [m for m in made if "told" in m[0]]


def _cars(first_end: str):
    """'Tom bought two new cars{end} The cars were sold in 1990 by Tom.' (two sentences)"""
    return [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("bought", 1, "ROOT", "VBD", "VERB", "buy"),
        ("two", 4, "nummod", "CD", "NUM", "two"),
        ("new", 4, "amod", "JJ", "ADJ", "new"),
        ("cars", 1, "dobj", "NNS", "NOUN", "car"),
        (first_end, 1, "punct", ".", "PUNCT", first_end),
        ("The", 7, "det", "DT", "DET", "the"),
        ("cars", 9, "nsubjpass", "NNS", "NOUN", "car"),
        ("were", 9, "auxpass", "VBD", "AUX", "be"),
        ("sold", 9, "ROOT", "VBN", "VERB", "sell"),
        ("in", 9, "prep", "IN", "ADP", "in"),
        ("1990", 10, "pobj", "CD", "NUM", "1990"),
        ("by", 9, "agent", "IN", "ADP", "by"),
        ("Tom", 12, "pobj", "NNP", "PROPN", "Tom"),
        (".", 9, "punct", ".", "PUNCT", "."),
    ]


def test_a_sentence_whose_subject_points_back_or_that_the_parse_cut_off_is_no_blank():
    ents = [(0, 1, "PERSON"), (11, 12, "DATE"), (13, 14, "PERSON")]
    # 'The cars' are the two of the sentence before: which cars, the student cannot tell
    made = blanks((_cars("."), ents))
    assert not [m for m in made if "sold" in m[0]]
    # the same sentence after a colon: the parse's cut, not a sentence of its own
    assert not [m for m in blanks((_cars(":"), ents)) if "sold" in m[0]]
    rows = _cars(".")[6:]
    rows = [(w, h - 6, d, t, p, lemma) for w, h, d, t, p, lemma in rows]
    alone = blanks((rows, [(5, 6, "DATE"), (7, 8, "PERSON")]))
    assert [m for m in alone if "sold" in m[0]]  # where nothing came before, it is a blank


def test_no_negative_of_a_fact_that_says_when_or_how_often():
    """'The university did not first offer degrees in 1854': did it offer them later?"""

    def negative(adverb: str | None):
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("university", 3, "nsubj", "NN", "NOUN", "university"),
            (adverb or "proudly", 3, "advmod", "RB", "ADV", adverb or "proudly"),
            ("offered", 3, "ROOT", "VBD", "VERB", "offer"),
            ("degrees", 3, "dobj", "NNS", "NOUN", "degree"),
            ("in", 3, "prep", "IN", "ADP", "in"),
            ("1854", 5, "pobj", "CD", "NUM", "1854"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ]
        _, facts, _, _ = read((rows, [(6, 7, "DATE")]))
        return variants.negative_statement(facts.clauses[0])

    assert negative(None) is not None  # 'proudly' may go: the act is denied
    assert negative("first") is None and negative("again") is None


def test_a_blank_sentence_with_a_plural_that_points_back_is_no_blank():
    """'Tom bought two new cars. Ann Lee drove the old cars to Paris in 1990.': which cars?"""

    def second(det: str):
        return _cars(".")[:6] + [
            ("Ann", 7, "compound", "NNP", "PROPN", "Ann"),
            ("Lee", 8, "nsubj", "NNP", "PROPN", "Lee"),
            ("drove", 8, "ROOT", "VBD", "VERB", "drive"),
            (det, 11, "det", "DT", "DET", det.lower()),
            ("old", 11, "amod", "JJ", "ADJ", "old"),
            ("cars", 8, "dobj", "NNS", "NOUN", "car"),
            ("to", 8, "prep", "IN", "ADP", "to"),
            ("Paris", 12, "pobj", "NNP", "PROPN", "Paris"),
            ("in", 8, "prep", "IN", "ADP", "in"),
            ("1990", 14, "pobj", "CD", "NUM", "1990"),
            (".", 8, "punct", ".", "PUNCT", "."),
        ]

    ents = [(0, 1, "PERSON"), (6, 8, "PERSON"), (13, 14, "GPE"), (15, 16, "DATE")]
    assert not [m for m in blanks((second("the"), ents)) if "drove" in m[0]]
    assert [m for m in blanks((second("some"), ents)) if "drove" in m[0]]  # not pointing back


def test_a_currency_sign_glued_to_a_blank_gives_it_away():
    """'worth $_____ in 2015': the blank would hold '1.3 billion' after a '$' that stays."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("club", 2, "nsubj", "NN", "NOUN", "club"),
        ("was", 2, "ROOT", "VBD", "AUX", "be"),
        ("worth", 2, "acomp", "JJ", "ADJ", "worth"),
        ("$", 6, "nmod", "$", "SYM", "$"),
        ("1.3", 6, "compound", "CD", "NUM", "1.3"),
        ("billion", 3, "npadvmod", "CD", "NUM", "billion"),
        ("last", 8, "amod", "JJ", "ADJ", "last"),
        ("year", 2, "npadvmod", "NN", "NOUN", "year"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    from docs import make_doc

    from quizgen import pipeline

    def made(glued: bool):
        spaces = [True, True, True, True, not glued, True, True, True, False, False]
        doc = make_doc(rows, [(4, 7, "MONEY"), (7, 9, "DATE")], spaces=spaces)
        return [b.prompt for b in variants.sentence_blanks(pipeline.analyze([doc]), (doc.text,))]

    assert made(glued=True) == []
    assert made(glued=False) == ["The club was worth $ _____ last year."]


def test_no_negative_of_what_happened_in_the_end():
    # 'Lens makers eventually reduced the problem.': 'did not eventually reduce' says 'not yet'
    rows = [
        ("Makers", 2, "nsubj", "NNS", "NOUN", "maker"),
        ("eventually", 2, "advmod", "RB", "ADV", "eventually"),
        ("reduced", 2, "ROOT", "VBD", "VERB", "reduce"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("blur", 2, "dobj", "NN", "NOUN", "blur"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    _, facts, _, _ = read((rows, []))
    assert facts.clauses and all(variants.negative_statement(c) is None for c in facts.clauses)
    rows[1] = ("quickly", 2, "advmod", "RB", "ADV", "quickly")
    _, facts, _, _ = read((rows, []))
    assert (
        variants.negative_statement(facts.clauses[0]) == "Makers did not quickly reduce the blur."
    )


def test_no_negative_of_an_action_told_again_and_again():
    # 'Day after day, Pip searched.': 'Day after day, Pip did not search' is neither 'never'
    # nor 'not every day'
    rows = [
        ("Day", 4, "npadvmod", "NN", "NOUN", "day"),
        ("after", 0, "prep", "IN", "ADP", "after"),
        ("day", 1, "pobj", "NN", "NOUN", "day"),
        ("Pip", 4, "nsubj", "NNP", "PROPN", "Pip"),
        ("searched", 4, "ROOT", "VBD", "VERB", "search"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("wood", 4, "dobj", "NN", "NOUN", "wood"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    _, facts, _, _ = read((rows, [(3, 4, "PERSON")]))
    assert facts.clauses and all(variants.negative_statement(c) is None for c in facts.clauses)
    rows[2] = ("dawn", 1, "pobj", "NN", "NOUN", "dawn")  # 'Day after dawn' is once
    _, facts, _, _ = read((rows, [(3, 4, "PERSON")]))
    assert variants.negative_statement(facts.clauses[0]) is not None


def test_a_time_zone_is_no_key():
    # '… docked to the outpost at 1:27 a.m. _____ on Aug. 2.' -> 'CDT'
    assert "time zone" in variants.key_faults("CDT")
    assert "time zone" not in variants.key_faults("Houston")
