"""Question grammar on hand-built Docs: do-support, inversion, agreement, passives, casing."""

from docs import COPULA_NEG, FIRED, KILLED, LEADS, MODAL, PASSIVE, make_doc

from quizgen.text import grammar


def verb_of(rows, lemma):
    doc = make_doc(rows)
    return next(t for t in doc if t.lemma_ == lemma)


def aux_of(verb):
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def test_do_support_in_the_past():
    verb = verb_of(FIRED, "fire")
    assert grammar.question_order(verb, [], negated=False) == ("did", "fire")


def test_do_support_in_the_present_agrees():
    verb = verb_of(LEADS, "lead")
    assert grammar.question_order(verb, [], negated=False) == ("does", "lead")


def test_auxiliary_inverts():
    verb = verb_of(KILLED, "kill")
    assert grammar.question_order(verb, aux_of(verb), negated=False) == ("was", "killed")


def test_modal_inverts():
    verb = verb_of(MODAL, "reach")
    assert grammar.question_order(verb, aux_of(verb), negated=False) == ("can", "reach")


def test_copula_inverts_by_itself_and_keeps_negation():
    verb = verb_of(COPULA_NEG, "be")
    assert grammar.question_order(verb, [], negated=True) == ("is", "not")


def test_subject_question_agrees_with_a_singular_who():
    doc = make_doc(
        [
            ("They", 1, "nsubj", "PRP", "PRON", "they"),
            ("were", 1, "ROOT", "VBD", "AUX", "be"),
            ("here", 1, "advmod", "RB", "ADV", "here"),
        ]
    )
    assert grammar.subject_verb_group(doc[1], [], negated=False) == "was"
    doc = make_doc(
        [("Tides", 1, "nsubj", "NNS", "NOUN", "tide"), ("rise", 1, "ROOT", "VBP", "VERB", "rise")]
    )
    assert grammar.subject_verb_group(doc[1], [], negated=False) == "rises"


def test_passive_becomes_active_in_its_tense():
    verb = verb_of(PASSIVE, "authorize")
    assert grammar.active_verb(verb, aux_of(verb)) == "authorized"
    doc = make_doc(
        [
            ("It", 2, "nsubjpass", "PRP", "PRON", "it"),
            ("is", 2, "auxpass", "VBZ", "AUX", "be"),
            ("led", 2, "ROOT", "VBN", "VERB", "lead"),
        ]
    )
    assert grammar.active_verb(doc[2], [doc[1]]) == "leads"
    doc = make_doc(
        [
            ("It", 3, "nsubjpass", "PRP", "PRON", "it"),
            ("has", 3, "aux", "VBZ", "AUX", "have"),
            ("been", 3, "auxpass", "VBN", "AUX", "be"),
            ("fired", 3, "ROOT", "VBN", "VERB", "fire"),
        ]
    )
    assert grammar.active_verb(doc[3], [doc[1], doc[2]]) == "has fired"


def test_contractions_are_spelled_out():
    doc = make_doc(
        [
            ("He", 2, "nsubj", "PRP", "PRON", "he"),
            ("did", 2, "aux", "VBD", "AUX", "do"),
            ("n't", 2, "neg", "RB", "PART", "not"),
            ("go", 2, "ROOT", "VB", "VERB", "go"),
        ],
        spaces=[True, False, True, False],
    )
    assert grammar.word(doc[2]) == "not"
    assert grammar.question_order(doc[3], [doc[1]], negated=True) == ("did", "not go")


def test_sentence_initial_capital_is_lowered_but_names_keep_theirs():
    doc = make_doc(LEADS)
    assert grammar.lower_start("The Quds Force", doc[0]) == "the Quds Force"
    doc = make_doc(KILLED)
    assert grammar.lower_start("Soleimani", doc[0]) == "Soleimani"


def test_tidy_fixes_spacing_and_the_question_mark():
    assert grammar.tidy("who  was killed , there ?") == "Who was killed, there?"


def test_a_word_the_paragraph_capitalizes_in_mid_sentence_keeps_its_capital():
    rows = [
        ("Link", 1, "nsubj", "NN", "NOUN", "link"),
        ("fights", 1, "ROOT", "VBZ", "VERB", "fight"),
        (".", 1, "punct", ".", "PUNCT", "."),
        ("Then", 5, "advmod", "RB", "ADV", "then"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("boss", 6, "nsubj", "NN", "NOUN", "boss"),
        ("hits", 6, "ROOT", "VBZ", "VERB", "hit"),
        ("Link", 6, "dobj", "NN", "NOUN", "link"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)  # two sentences, one for each root
    assert [s.start for s in doc.sents] == [0, 3]
    assert grammar.lower_start("Link", doc[0]) == "Link"
    assert grammar.lower_start("Then", doc[3]) == "then"
