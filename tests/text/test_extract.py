"""Facts other than clauses, on hand-built Docs: people's roles and who said what."""

from __future__ import annotations

from docs import GIVE, QUOTE, QUOTE_ENTS, make_doc, placed, read, said_the_king

from quizgen.text import extract
from quizgen.text.analysis import analyze

# "Mark Esper, the defense secretary, spoke to reporters."
APPOSITIVE = [
    ("Mark", 1, "compound", "NNP", "PROPN", "Mark"),
    ("Esper", 7, "nsubj", "NNP", "PROPN", "Esper"),
    (",", 1, "punct", ",", "PUNCT", ","),
    ("the", 5, "det", "DT", "DET", "the"),
    ("defense", 5, "compound", "NN", "NOUN", "defense"),
    ("secretary", 1, "appos", "NN", "NOUN", "secretary"),
    (",", 1, "punct", ",", "PUNCT", ","),
    ("spoke", 7, "ROOT", "VBD", "VERB", "speak"),
    ("to", 7, "prep", "IN", "ADP", "to"),
    ("reporters", 8, "pobj", "NNS", "NOUN", "reporter"),
    (".", 7, "punct", ".", "PUNCT", "."),
]
APPOSITIVE_ENTS = [(0, 2, "PERSON")]

# "Defense Secretary Mark Esper spoke to reporters."
TITLED = [
    ("Defense", 3, "compound", "NNP", "PROPN", "Defense"),
    ("Secretary", 3, "compound", "NNP", "PROPN", "Secretary"),
    ("Mark", 3, "compound", "NNP", "PROPN", "Mark"),
    ("Esper", 4, "nsubj", "NNP", "PROPN", "Esper"),
    ("spoke", 4, "ROOT", "VBD", "VERB", "speak"),
    ("to", 4, "prep", "IN", "ADP", "to"),
    ("reporters", 5, "pobj", "NNS", "NOUN", "reporter"),
    (".", 4, "punct", ".", "PUNCT", "."),
]
TITLED_ENTS = [(2, 4, "PERSON")]

# "Mark Esper, this gentleman, spoke to reporters."
POINTING = [
    *APPOSITIVE[:3],
    ("this", 5, "det", "DT", "DET", "this"),
    ("very", 5, "amod", "JJ", "ADJ", "very"),
    ("gentleman", 1, "appos", "NN", "NOUN", "gentleman"),  # a person noun: a role but for 'this'
    *APPOSITIVE[6:],
]

# '"Who fired?" Esper asked.'
ASKED = [
    ("\u201c", 3, "punct", "``", "PUNCT", "\u201c"),
    ("Who", 2, "nsubj", "WP", "PRON", "who"),
    ("fired", 6, "ccomp", "VBD", "VERB", "fire"),
    ("?", 2, "punct", ".", "PUNCT", "?"),
    ("\u201d", 6, "punct", "''", "PUNCT", "\u201d"),
    ("Esper", 6, "nsubj", "NNP", "PROPN", "Esper"),
    ("asked", 6, "ROOT", "VBD", "VERB", "ask"),
    (".", 6, "punct", ".", "PUNCT", "."),
]

# 'Esper spoke. "Everything has changed," he said.'
HE_SAID = [
    ("Esper", 1, "nsubj", "NNP", "PROPN", "Esper"),
    ("spoke", 1, "ROOT", "VBD", "VERB", "speak"),
    (".", 1, "punct", ".", "PUNCT", "."),
    ("\u201c", 6, "punct", "``", "PUNCT", "\u201c"),
    ("Everything", 6, "nsubj", "NN", "PRON", "everything"),
    ("has", 6, "aux", "VBZ", "AUX", "have"),
    ("changed", 10, "ccomp", "VBN", "VERB", "change"),
    (",", 10, "punct", ",", "PUNCT", ","),
    ("\u201d", 10, "punct", "''", "PUNCT", "\u201d"),
    ("he", 10, "nsubj", "PRP", "PRON", "he"),
    ("said", 10, "ROOT", "VBD", "VERB", "say"),
    (".", 10, "punct", ".", "PUNCT", "."),
]


def roles_of(rows, ents):
    return [(r.role, r.person.name, r.possessive) for r in read((rows, ents))[1].roles]


def quotes_of(rows, ents):
    doc = make_doc(rows, ents)
    analysis = analyze([doc])
    return [
        (q.speaker_names[0], q.words, q.end)
        for s in doc.sents
        for q in extract.quotes(s, 0, analysis)
    ]


def test_an_appositive_person_noun_is_a_role():
    assert roles_of(APPOSITIVE, APPOSITIVE_ENTS) == [("the defense secretary", "Mark Esper", False)]


def test_a_title_of_two_words_before_a_name_is_a_role():
    assert roles_of(TITLED, TITLED_ENTS) == [("Defense Secretary", "Mark Esper", False)]


def test_a_role_that_points_back_into_the_text_is_none():
    assert roles_of(POINTING, APPOSITIVE_ENTS) == []  # 'this very gentleman'


def test_a_named_speaker_and_the_words_without_their_marks():
    assert quotes_of(QUOTE, QUOTE_ENTS) == [("Esper", "The game has changed", "")]


def test_a_question_quoted_keeps_its_mark():
    assert quotes_of(ASKED, [(5, 6, "PERSON")]) == [("Esper", "Who fired", "?")]


def test_he_said_is_the_person_named_just_before():
    assert quotes_of(HE_SAID, [(0, 1, "PERSON")]) == [("Esper", "Everything has changed", "")]


def test_no_quotation_without_a_person_to_say_it():
    assert quotes_of(QUOTE, []) == []


# "Tom gathered green branches." / "The green branches burned."
GATHERED = [
    ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
    ("gathered", 1, "ROOT", "VBD", "VERB", "gather"),
    ("green", 3, "amod", "JJ", "ADJ", "green"),
    ("branches", 1, "dobj", "NNS", "NOUN", "branch"),
    (".", 1, "punct", ".", "PUNCT", "."),
]
BURNED = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("green", 2, "amod", "JJ", "ADJ", "green"),
    ("branches", 3, "nsubj", "NNS", "NOUN", "branch"),
    ("burned", 3, "ROOT", "VBD", "VERB", "burn"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def _definite(*sentences):
    """What extract.anaphoric says of the last sentence's subject, in a passage of them."""
    analysis = analyze([make_doc(rows) for rows in sentences])
    doc = analysis.docs[-1]
    subject = next(t for t in doc if t.dep_ == "nsubj")
    tokens = list(doc[subject.left_edge.i : subject.i + 1])
    return extract.anaphoric(tokens, analysis), extract.anaphoric(tokens, analysis, definite=False)


def test_a_described_definite_points_back_to_the_sentence_that_brought_it_in():
    assert _definite(GATHERED, BURNED)[0] == "definite 'the branches'"
    assert _definite(GATHERED, BURNED)[1] == ""  # a sentence blanked where it stands


def test_a_definite_the_passage_brings_in_first_or_keeps_saying_is_clear():
    bare = [r for r in BURNED if r[0] != "green"]
    bare = [(w, h - (h > 1), d, t, p, lem) for w, h, d, t, p, lem in bare]
    assert _definite(bare) == ("", "")  # nothing before it: the passage's own
    assert _definite(GATHERED, BURNED, BURNED, BURNED)[0] == ""  # said throughout
    # said just once, a described one leans on a sentence the student does not see
    assert _definite(BURNED)[0] == "definite 'the branches'"


def test_a_bare_concrete_noun_stands_for_the_one_in_the_scene_a_person_noun_does_not():
    saw = [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("saw", 1, "ROOT", "VBD", "VERB", "see"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("door", 1, "dobj", "NN", "NOUN", "door"),
        ("and", 1, "cc", "CC", "CCONJ", "and"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("son", 3, "conj", "NN", "NOUN", "son"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]

    def opened(noun):
        return [
            ("The", 1, "det", "DT", "DET", "the"),
            (noun, 2, "nsubj", "NN", "NOUN", noun),
            ("opened", 2, "ROOT", "VBD", "VERB", "open"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ]

    assert _definite(saw, opened("door"))[0] == ""
    assert _definite(saw, opened("son"))[0] == "definite 'the son'"


def test_a_relative_clause_on_an_indefinite_noun_is_no_fact_about_its_kind():
    # "Beyoncé creates songs that are characterized by themes." / "... the songs that ..."
    def creates(det):
        rows = [
            ("Beyoncé", 1, "nsubj", "NNP", "PROPN", "Beyoncé"),
            ("creates", 1, "ROOT", "VBZ", "VERB", "create"),
            *([(det, 3, "det", "DT", "DET", det)] if det else []),
            ("songs", 1, "dobj", "NNS", "NOUN", "song"),
            ("that", 6, "nsubjpass", "WDT", "PRON", "that"),
            ("are", 6, "auxpass", "VBP", "AUX", "be"),
            ("characterized", 3, "relcl", "VBN", "VERB", "characterize"),
            ("by", 6, "agent", "IN", "ADP", "by"),
            ("themes", 7, "pobj", "NNS", "NOUN", "theme"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
        if not det:  # heads shift back by one once the article is gone
            rows = [(w, h - (h > 2), d, t, p, lem) for w, h, d, t, p, lem in rows]
        return rows

    def subjects(det):
        facts = read((creates(det), [(0, 1, "PERSON")]))[1]
        return sorted(c.subject.text for c in facts.clauses)

    assert subjects("") == ["Beyoncé"]
    # 'the songs' is no better: which songs, but the ones the clause itself says?
    assert subjects("the") == ["Beyoncé"]


def test_each_or_both_before_an_abstract_noun_points_back():
    rows = [
        ("In", 5, "prep", "IN", "ADP", "in"),
        ("each", 2, "det", "DT", "DET", "each"),
        ("case", 0, "pobj", "NN", "NOUN", "case"),
        (",", 5, "punct", ",", "PUNCT", ","),
        ("energy", 5, "nsubj", "NN", "NOUN", "energy"),
        ("spread", 5, "ROOT", "VBD", "VERB", "spread"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    analysis = analyze([make_doc(rows)])
    doc = analysis.docs[0]
    assert extract.anaphoric(list(doc[0:3]), analysis) == "anaphoric 'each'"


def test_a_noun_of_a_kind_an_earlier_noun_belongs_to_names_that_one_again():
    dog = [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("fed", 1, "ROOT", "VBD", "VERB", "feed"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("dog", 1, "dobj", "NN", "NOUN", "dog"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    barked = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("animal", 2, "nsubj", "NN", "NOUN", "animal"),
        ("barked", 2, "ROOT", "VBD", "VERB", "bark"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    assert _definite(dog, barked)[0] == "definite 'the animal'"
    assert _definite(barked)[0] == ""


def test_a_clause_an_empty_it_frames_is_reported_not_stated():
    # "It is a truth that a man must want a wife."
    rows = [
        ("It", 1, "nsubj", "PRP", "PRON", "it"),
        ("is", 1, "ROOT", "VBZ", "AUX", "be"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("truth", 1, "attr", "NN", "NOUN", "truth"),
        ("that", 8, "mark", "IN", "SCONJ", "that"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("man", 8, "nsubj", "NN", "NOUN", "man"),
        ("must", 8, "aux", "MD", "AUX", "must"),
        ("want", 1, "ccomp", "VB", "VERB", "want"),
        ("a", 10, "det", "DT", "DET", "a"),
        ("wife", 8, "dobj", "NN", "NOUN", "wife"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    facts = read((rows, []))[1]
    wanted = [c for c in facts.clauses if c.verb.lemma_ == "want"]
    assert wanted and all(c.source == "reported" for c in wanted)


def test_an_auxiliary_inverted_after_never_is_no_main_verb():
    # "The girl lit the matches, and never had the grandmother been so tall." as parsed
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("girl", 2, "nsubj", "NN", "NOUN", "girl"),
        ("lit", 2, "ROOT", "VBD", "VERB", "light"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("matches", 2, "dobj", "NNS", "NOUN", "match"),
        (",", 2, "punct", ",", "PUNCT", ","),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("never", 8, "neg", "RB", "ADV", "never"),
        ("had", 2, "conj", "VBD", "VERB", "have"),
        ("the", 10, "det", "DT", "DET", "the"),
        ("grandmother", 11, "nsubj", "NN", "NOUN", "grandmother"),
        ("been", 8, "ccomp", "VBN", "AUX", "be"),
        ("so", 13, "advmod", "RB", "ADV", "so"),
        ("tall", 11, "acomp", "JJ", "ADJ", "tall"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    facts = read((rows, []))[1]
    assert not any(c.verb.lemma_ == "have" for c in facts.clauses)
    assert extract._inverted(make_doc(rows)[8])


def test_a_verb_joined_to_a_subordinate_one_is_subordinate_too():
    # "Whenever Jim came home and reached his flat, the dog barked."
    rows = [
        ("Whenever", 2, "advmod", "WRB", "SCONJ", "whenever"),
        ("Jim", 2, "nsubj", "NNP", "PROPN", "Jim"),
        ("came", 11, "advcl", "VBD", "VERB", "come"),
        ("home", 2, "advmod", "RB", "ADV", "home"),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("reached", 2, "conj", "VBD", "VERB", "reach"),
        ("the", 7, "det", "DT", "DET", "the"),
        ("flat", 5, "dobj", "NN", "NOUN", "flat"),
        (",", 11, "punct", ",", "PUNCT", ","),
        ("the", 10, "det", "DT", "DET", "the"),
        ("dog", 11, "nsubj", "NN", "NOUN", "dog"),
        ("barked", 11, "ROOT", "VBD", "VERB", "bark"),
        (".", 11, "punct", ".", "PUNCT", "."),
    ]
    facts = read((rows, [(1, 2, "PERSON")]))[1]
    reached = [c for c in facts.clauses if c.verb.lemma_ == "reach"]
    assert reached and all(c.source == "advcl" for c in reached)


# "(The quake on August 30, 2008 was not part of this series.)"
BRACKETED = [
    ("(", 2, "punct", "-LRB-", "PUNCT", "("),
    ("The", 2, "det", "DT", "DET", "the"),
    ("quake", 8, "nsubj", "NN", "NOUN", "quake"),
    ("on", 2, "prep", "IN", "ADP", "on"),
    ("August", 3, "pobj", "NNP", "PROPN", "August"),
    ("30", 4, "nummod", "CD", "NUM", "30"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("2008", 4, "appos", "CD", "NUM", "2008"),
    ("was", 8, "ROOT", "VBD", "AUX", "be"),
    ("not", 8, "neg", "RB", "PART", "not"),
    ("part", 8, "attr", "NN", "NOUN", "part"),
    ("of", 10, "prep", "IN", "ADP", "of"),
    ("this", 13, "det", "DT", "DET", "this"),
    ("series", 11, "pobj", "NN", "NOUN", "series"),
    (".", 8, "punct", ".", "PUNCT", "."),
    (")", 8, "punct", "-RRB-", "PUNCT", ")"),
]


def test_a_sentence_in_brackets_keeps_its_words_and_a_dates_year_is_no_aside():
    doc = make_doc(BRACKETED, [(4, 8, "DATE")])
    words = [t.text for t in extract.phrase_tokens(doc[2])]
    assert words == ["The", "quake", "on", "August", "30", ",", "2008"]


def test_a_demonstrative_cut_from_its_sentence_points_nowhere():
    doc = make_doc(BRACKETED, [(4, 8, "DATE")])
    analysis = analyze([doc])
    series = [doc[12], doc[13]]
    try:
        extract._render(series, analysis, 0)
    except extract.Unresolved:
        pass
    else:
        raise AssertionError("'this series' rendered as if it said which series")


def test_a_description_joined_to_a_name_after_its_appositive_goes_with_the_aside():
    """'Mario Draghi, former governor of the bank, and former director of the fund': no
    'Mario Draghi, and former director …' left behind."""
    rows = [
        ("Mario", 1, "compound", "NNP", "PROPN", "Mario"),
        ("Draghi", 1, "ROOT", "NNP", "PROPN", "Draghi"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("former", 4, "amod", "JJ", "ADJ", "former"),
        ("governor", 1, "appos", "NN", "NOUN", "governor"),
        ("of", 4, "prep", "IN", "ADP", "of"),
        ("the", 7, "det", "DT", "DET", "the"),
        ("bank", 5, "pobj", "NN", "NOUN", "bank"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("and", 1, "cc", "CC", "CCONJ", "and"),
        ("former", 11, "amod", "JJ", "ADJ", "former"),
        ("director", 1, "conj", "NN", "NOUN", "director"),
        ("of", 11, "prep", "IN", "ADP", "of"),
        ("the", 14, "det", "DT", "DET", "the"),
        ("fund", 12, "pobj", "NN", "NOUN", "fund"),
    ]
    doc = make_doc(rows, [(0, 2, "PERSON")])
    assert [t.text for t in extract.phrase_tokens(doc[1])] == ["Mario", "Draghi"]


def test_all_the_men_and_women_said_once_name_nobody_in_particular():
    rows = [
        ("All", 2, "predet", "PDT", "DET", "all"),
        ("the", 2, "det", "DT", "DET", "the"),
        ("men", 5, "nsubj", "NNS", "NOUN", "man"),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("women", 2, "conj", "NNS", "NOUN", "woman"),
        ("hunted", 5, "ROOT", "VBD", "VERB", "hunt"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    analysis = analyze([doc])
    assert extract.lonely_definite(list(doc[:5]), analysis)


def test_a_preposition_the_parser_took_for_a_subordinator_leaves_no_clause_cut_short():
    """'The branding was used for the player included with phones.' parsed as 'for [the
    player included ...]': no 'The branding was used.'"""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("branding", 3, "nsubjpass", "NN", "NOUN", "branding"),
        ("was", 3, "auxpass", "VBD", "AUX", "be"),
        ("used", 3, "ROOT", "VBN", "VERB", "use"),
        ("for", 7, "mark", "IN", "SCONJ", "for"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("player", 7, "nsubj", "NN", "NOUN", "player"),
        ("included", 3, "advcl", "VBD", "VERB", "include"),
        ("with", 7, "prep", "IN", "ADP", "with"),
        ("phones", 8, "pobj", "NNS", "NOUN", "phone"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert extract._preposition_marked(doc[7])
    assert [c.verb.text for c in extract.clauses(doc[:], 0, analyze([doc]))] == []


def test_a_plural_definite_after_the_sentence_that_counted_it_points_back():
    """'Two cars waited. The cars left.': which cars, a statement cut from it cannot say."""
    waited = [
        ("Two", 1, "nummod", "CD", "NUM", "two"),
        ("cars", 2, "nsubj", "NNS", "NOUN", "car"),
        ("waited", 2, "ROOT", "VBD", "VERB", "wait"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    left = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("cars", 2, "nsubj", "NNS", "NOUN", "car"),
        ("left", 2, "ROOT", "VBD", "VERB", "leave"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    assert _definite(waited, left)[0] == "definite 'the cars'"


def test_a_fronted_comparison_and_a_split_clause_stay_out_of_questions():
    """'As at most universities, students run newspapers.': the fact is 'students run
    newspapers'; 'while' left as a preposition is a clause the parse lost."""
    rows = [
        ("As", 5, "prep", "IN", "ADP", "as"),
        ("at", 0, "prep", "IN", "ADP", "at"),
        ("most", 3, "amod", "JJS", "ADJ", "most"),
        ("universities", 1, "pobj", "NNS", "NOUN", "university"),
        (",", 5, "punct", ",", "PUNCT", ","),
        ("students", 6, "nsubj", "NNS", "NOUN", "student"),
        ("run", 6, "ROOT", "VBP", "VERB", "run"),
        ("newspapers", 6, "dobj", "NNS", "NOUN", "newspaper"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    (clause,) = extract.clauses(doc[:], 0, analyze([doc]))
    assert clause.fronted == [] and [p.text for p in clause.parts] == ["newspapers"]
    split = [
        ("Students", 1, "nsubj", "NNS", "NOUN", "student"),
        ("run", 1, "ROOT", "VBP", "VERB", "run"),
        ("newspapers", 1, "dobj", "NNS", "NOUN", "newspaper"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("while", 1, "prep", "IN", "ADP", "while"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("program", 4, "pobj", "NN", "NOUN", "program"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(split)
    assert list(extract.clauses(doc[:], 0, analyze([doc]))) == []


def test_a_sentence_opening_in_lower_case_is_the_rest_of_one_split_too_soon():
    rows = [
        ("program", 3, "nsubjpass", "NN", "NOUN", "program"),
        ("is", 3, "auxpass", "VBZ", "AUX", "be"),
        ("widely", 3, "advmod", "RB", "ADV", "widely"),
        ("offered", 3, "ROOT", "VBN", "VERB", "offer"),
        ("by", 3, "agent", "IN", "ADP", "by"),
        ("the", 6, "det", "DT", "DET", "the"),
        ("faculty", 4, "pobj", "NN", "NOUN", "faculty"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert not extract.is_askable(doc[:], doc.text)
    whole = [("The", 1, "det", "DT", "DET", "the")]
    whole += [(w, h + 1, d, t, p, lem) for w, h, d, t, p, lem in rows]
    whole[1] = ("program", 4, "nsubjpass", "NN", "NOUN", "program")
    doc = make_doc(whole)
    assert extract.is_askable(doc[:], doc.text)


def test_likewise_points_back_to_the_sentence_before():
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("beard", 4, "nsubjpass", "NN", "NOUN", "beard"),
        ("was", 4, "auxpass", "VBD", "AUX", "be"),
        ("likewise", 4, "advmod", "RB", "ADV", "likewise"),
        ("frosted", 4, "ROOT", "VBN", "VERB", "frost"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert extract.anaphoric(list(doc), analyze([doc])) == "pointer 'likewise'"


def test_an_action_noun_with_nothing_it_acts_on_names_nothing():
    """'Commercial use began in 2001.': use of what? 'Commercial use of the kiosks' says."""
    rows = [
        ("Commercial", 1, "amod", "JJ", "ADJ", "commercial"),
        ("use", 2, "nsubj", "NN", "NOUN", "use"),
        ("began", 2, "ROOT", "VBD", "VERB", "begin"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("2001", 3, "pobj", "CD", "NUM", "2001"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(4, 5, "DATE")])
    assert extract.anaphoric(list(doc), analyze([doc]), definite=False) == "implicit 'use of'"
    of = [
        ("Commercial", 1, "amod", "JJ", "ADJ", "commercial"),
        ("use", 4, "nsubj", "NN", "NOUN", "use"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("kiosks", 2, "pobj", "NNS", "NOUN", "kiosk"),
        ("began", 4, "ROOT", "VBD", "VERB", "begin"),
        ("in", 4, "prep", "IN", "ADP", "in"),
        ("2001", 5, "pobj", "CD", "NUM", "2001"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(of, [(6, 7, "DATE")])
    assert extract.anaphoric(list(doc), analyze([doc]), definite=False) == ""


def test_what_stands_between_and_and_the_verb_it_joins_belongs_to_that_verb():
    """'Apple changed the font and, in most cases, split the screen.': 'in most cases' is
    not said of changing the font."""
    rows = [
        ("Apple", 1, "nsubj", "NNP", "PROPN", "Apple"),
        ("changed", 1, "ROOT", "VBD", "VERB", "change"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("font", 1, "dobj", "NN", "NOUN", "font"),
        ("and", 1, "cc", "CC", "CCONJ", "and"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("most", 8, "amod", "JJS", "ADJ", "most"),
        ("cases", 6, "pobj", "NNS", "NOUN", "case"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("split", 1, "conj", "VBD", "VERB", "split"),
        ("the", 12, "det", "DT", "DET", "the"),
        ("screen", 10, "dobj", "NN", "NOUN", "screen"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "ORG")])
    changed = next(
        c for c in extract.clauses(doc[:], 0, analyze([doc])) if c.verb.text == "changed"
    )
    assert [p.text for p in changed.parts] == ["the font"]


def test_a_subject_the_parse_cut_in_two_is_not_asked():
    """'The name Montana was added to a bill.' parsed with two subjects: no 'The name was
    added …'."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("name", 4, "nsubjpass", "NN", "NOUN", "name"),
        ("Montana", 4, "nsubjpass", "NNP", "PROPN", "Montana"),
        ("was", 4, "auxpass", "VBD", "AUX", "be"),
        ("added", 4, "ROOT", "VBN", "VERB", "add"),
        ("to", 4, "prep", "IN", "ADP", "to"),
        ("a", 7, "det", "DT", "DET", "a"),
        ("bill", 5, "pobj", "NN", "NOUN", "bill"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(2, 3, "GPE")])
    assert list(extract.clauses(doc[:], 0, analyze([doc]))) == []


def test_who_after_a_phrase_of_a_thing_stands_for_the_person_the_phrase_belongs_to():
    """'the pianist of the Romantic era, who wrote …': the parse hangs 'who' on 'era'."""
    rows = [
        ("the", 1, "det", "DT", "DET", "the"),
        ("pianist", 1, "ROOT", "NN", "NOUN", "pianist"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("Romantic", 5, "amod", "JJ", "ADJ", "romantic"),
        ("era", 2, "pobj", "NN", "NOUN", "era"),
        (",", 5, "punct", ",", "PUNCT", ","),
        ("who", 8, "nsubj", "WP", "PRON", "who"),
        ("wrote", 5, "relcl", "VBD", "VERB", "write"),
    ]
    doc = make_doc(rows)
    assert extract._relative_head(doc[8], doc[7]).text == "pianist"
    # 'that' may stand for a thing: the nearest noun keeps it
    that = make_doc([*rows[:7], ("that", 8, "nsubj", "WDT", "PRON", "that"), rows[8]])
    assert extract._relative_head(that[8], that[7]).text == "era"


def test_a_clock_time_hung_on_a_subject_is_no_name_and_leaves_the_clause_out():
    """'The quake, 14:28 China Time, killed 600 people.': the parse's appositive is the time."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("quake", 7, "nsubj", "NN", "NOUN", "quake"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("14:28", 5, "nummod", "CD", "NUM", "14:28"),
        ("China", 5, "compound", "NNP", "PROPN", "China"),
        ("Time", 1, "appos", "NNP", "PROPN", "Time"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("killed", 7, "ROOT", "VBD", "VERB", "kill"),
        ("600", 9, "nummod", "CD", "NUM", "600"),
        ("people", 7, "dobj", "NNS", "NOUN", "people"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(3, 6, "TIME"), (8, 9, "CARDINAL")])
    assert extract.named(doc[1]) is None
    assert list(extract.clauses(doc[:], 0, analyze([doc]))) == []


def test_first_inside_a_clause_is_kept_and_first_before_it_is_a_link():
    """'The university first offered degrees in 1854.': dropped, 'first' changes the fact;
    'First, the university offered degrees in 1854.' is a step of the text."""

    def offered(first_before: bool):
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("university", 3, "nsubj", "NN", "NOUN", "university"),
            ("first", 3, "advmod", "RB", "ADV", "first"),
            ("offered", 3, "ROOT", "VBD", "VERB", "offer"),
            ("degrees", 3, "dobj", "NNS", "NOUN", "degree"),
            ("in", 3, "prep", "IN", "ADP", "in"),
            ("1854", 5, "pobj", "CD", "NUM", "1854"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ]
        if first_before:
            rows = [
                ("First", 4, "advmod", "RB", "ADV", "first"),
                (",", 4, "punct", ",", "PUNCT", ","),
                ("the", 3, "det", "DT", "DET", "the"),
                ("university", 4, "nsubj", "NN", "NOUN", "university"),
                *[(w, h + 1, d, t, p, lemma) for w, h, d, t, p, lemma in rows[3:]],
            ]
        doc = make_doc(rows, [(len(rows) - 2, len(rows) - 1, "DATE")])
        [clause] = extract.clauses(doc[:], 0, analyze([doc]))
        return {t.lower_ for t in clause.adverbs} | {
            t.lower_ for p in [*clause.parts, *clause.fronted] for t in p.tokens
        }

    assert "first" in offered(first_before=False)
    assert "first" not in offered(first_before=True)


def test_a_participle_that_completes_the_verb_stays_in_its_clause():
    """'The towers kept working.': without 'working' the clause says nothing ('did not keep');
    a participle beside the clause ('…, killing a man') is a fact apart."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("towers", 2, "nsubj", "NNS", "NOUN", "tower"),
        ("kept", 2, "ROOT", "VBD", "VERB", "keep"),
        ("working", 2, "xcomp", "VBG", "VERB", "work"),
        ("all", 5, "det", "DT", "DET", "all"),
        ("night", 2, "npadvmod", "NN", "NOUN", "night"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(4, 6, "TIME")])
    [clause] = [c for c in extract.clauses(doc[:], 0, analyze([doc])) if c.verb.lower_ == "kept"]
    assert "working" in [t.lower_ for p in clause.parts for t in p.tokens]


def test_a_noun_phrase_the_sentence_sets_off_with_a_comma_keeps_it():
    """'Arsenal won the cup in 1987, Graham's first season.' run on would read '… in 1987
    Graham's first season', one garbled phrase."""
    rows = [
        ("Arsenal", 1, "nsubj", "NNP", "PROPN", "Arsenal"),
        ("won", 1, "ROOT", "VBD", "VERB", "win"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("cup", 1, "dobj", "NN", "NOUN", "cup"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("1987", 4, "pobj", "CD", "NUM", "1987"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("Graham", 10, "poss", "NNP", "PROPN", "Graham"),
        ("'s", 7, "case", "POS", "PART", "'s"),
        ("first", 10, "amod", "JJ", "ADJ", "first"),
        ("season", 1, "npadvmod", "NN", "NOUN", "season"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    spaces = [True, True, True, True, True, False, True, False, True, True, False, False]
    doc = make_doc(rows, [(0, 1, "ORG"), (5, 6, "DATE"), (7, 8, "PERSON")], spaces=spaces)
    [clause] = extract.clauses(doc[:], 0, analyze([doc]))
    assert extract.joined(clause.parts) == "the cup in 1987, Graham's first season"


def test_a_relative_clause_hung_on_a_noun_far_from_it_leaves_its_phrase_out():
    """'She gave lessons to boys in the house that the family kept.': the parse hung 'that
    the family kept' on 'lessons'; 'the lessons that the family kept' is not what it says."""
    rows = [
        ("She", 1, "nsubj", "PRP", "PRON", "she"),
        ("gave", 1, "ROOT", "VBD", "VERB", "give"),
        ("lessons", 1, "dobj", "NNS", "NOUN", "lesson"),
        ("to", 1, "dative", "IN", "ADP", "to"),
        ("boys", 3, "pobj", "NNS", "NOUN", "boy"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("the", 7, "det", "DT", "DET", "the"),
        ("house", 5, "pobj", "NN", "NOUN", "house"),
        ("that", 11, "dobj", "WDT", "PRON", "that"),
        ("the", 10, "det", "DT", "DET", "the"),
        ("family", 11, "nsubj", "NN", "NOUN", "family"),
        ("kept", 2, "relcl", "VBD", "VERB", "keep"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert extract._stranded(doc[11])
    moved = [
        *rows[:8],
        *[(w, 7 if d == "relcl" else h, d, t, p, lemma) for w, h, d, t, p, lemma in rows[8:]],
    ]
    assert not extract._stranded(make_doc(moved)[11])  # 'the house that the family kept'


def test_a_verb_with_a_hyphened_prefix_split_off_makes_no_clause():
    """'Hudson re-discovered the region.': 'Hudson discovered the region' is not what it says."""
    rows = [
        ("Hudson", 3, "nsubj", "NNP", "PROPN", "Hudson"),
        ("re", 3, "advmod", "VBD", "VERB", "re"),
        ("-", 3, "punct", "HYPH", "PUNCT", "-"),
        ("discovered", 3, "ROOT", "VBD", "VERB", "discover"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("region", 3, "dobj", "NN", "NOUN", "region"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    spaces = [True, False, False, True, True, False, False]
    doc = make_doc(rows, [(0, 1, "PERSON")], spaces=spaces)
    assert doc.text == "Hudson re-discovered the region."
    assert not [c for c in extract.clauses(doc[:], 0, analyze([doc])) if c.verb.i == 3]


def test_a_verb_joined_to_a_noun_the_tagger_took_for_a_verb_makes_no_clause():
    """'NASA astronauts Ann Lee and Yui returned home.' parsed with 'astronauts' as the verb:
    the subject of 'returned' is then a piece of the list ('Yui')."""
    rows = [
        ("NASA", 1, "nsubj", "NNP", "PROPN", "NASA"),
        ("astronauts", 1, "ROOT", "VBZ", "VERB", "astronaut"),
        ("Ann", 3, "compound", "NNP", "PROPN", "Ann"),
        ("Lee", 1, "dobj", "NNP", "PROPN", "Lee"),
        ("and", 3, "cc", "CC", "CCONJ", "and"),
        ("Yui", 6, "nsubj", "NNP", "PROPN", "Yui"),
        ("returned", 1, "conj", "VBD", "VERB", "return"),
        ("home", 6, "advmod", "RB", "ADV", "home"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "ORG"), (2, 4, "PERSON"), (5, 6, "PERSON")])
    assert not [c for c in extract.clauses(doc[:], 0, analyze([doc])) if c.verb.i == 6]


def test_a_word_the_parser_could_not_place_leaves_its_clause_out():
    """'Genocide is a mix of old Greek | prefix …' with 'prefix' an unplaced 'dep' of the
    verb: the clause kept would end 'a mix of old Greek' (so 'the combination of the Greek')."""

    def rows(unplaced: bool):
        return [
            ("Genocide", 1, "nsubj", "NNP", "PROPN", "Genocide"),
            ("is", 1, "ROOT", "VBZ", "AUX", "be"),
            ("a", 3, "det", "DT", "DET", "a"),
            ("mix", 1, "attr", "NN", "NOUN", "mix"),
            ("of", 3, "prep", "IN", "ADP", "of"),
            ("old", 6, "amod", "JJ", "ADJ", "old"),
            ("Greek", 4, "pobj", "NNP", "PROPN", "Greek"),
            (
                "prefix",
                1 if unplaced else 6,
                "dep" if unplaced else "appos",
                "NN",
                "NOUN",
                "prefix",
            ),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]

    def clauses(unplaced: bool):
        doc = make_doc(rows(unplaced), [(6, 7, "NORP")])
        return list(extract.clauses(doc[:], 0, analyze([doc])))

    assert clauses(unplaced=False)
    assert clauses(unplaced=True) == []


def test_a_bare_definite_after_its_noun_points_back_outside_a_story():
    """'Ranchers buy a collar. The collar holds a receiver.': which collar? In a story, 'Tom
    found a door. The door creaked.' is the scene's one door."""

    def second_subject(tense: str):
        verb, lemma = ("buy", "buy") if tense == "present" else ("found", "find")
        verb2 = "holds" if tense == "present" else "held"
        tag, tag2 = ("VBP", "VBZ") if tense == "present" else ("VBD", "VBD")
        rows = [
            ("Ranchers", 1, "nsubj", "NNS", "NOUN", "rancher"),
            (verb, 1, "ROOT", tag, "VERB", lemma),
            ("a", 3, "det", "DT", "DET", "a"),
            ("collar", 1, "dobj", "NN", "NOUN", "collar"),
            (".", 1, "punct", ".", "PUNCT", "."),
            ("The", 6, "det", "DT", "DET", "the"),
            ("collar", 7, "nsubj", "NN", "NOUN", "collar"),
            (verb2, 7, "ROOT", tag2, "VERB", "hold"),
            ("a", 9, "det", "DT", "DET", "a"),
            ("receiver", 7, "dobj", "NN", "NOUN", "receiver"),
            (".", 7, "punct", ".", "PUNCT", "."),
        ]
        doc = make_doc(rows)
        return extract.points_back(doc[6], {t.i for t in doc[5:]}, analyze([doc]))

    assert second_subject("present")
    assert not second_subject("past")


def _possessive_sentence(subject: list[tuple], rest: list[tuple]):
    """'<subject> traces its roots <rest>.' and the 'its' token."""
    from docs import make_doc

    n = len(subject)
    rows = subject + [
        ("traces", n, "ROOT", "VBZ", "VERB", "trace"),
        ("its", n + 2, "poss", "PRP$", "PRON", "its"),
        ("roots", n, "dobj", "NNS", "NOUN", "root"),
        *[(w, h + n, *r) for w, h, *r in rest],
        (".", n, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    return next(t for t in doc if t.lower_ == "its")


def test_an_its_after_its_own_subject_and_no_other_noun_stands_for_it():
    from quizgen.text.extract import bound_possessive

    city = [("The", 1, "det", "DT", "DET", "the"), ("city", 2, "nsubj", "NN", "NOUN", "city")]
    assert bound_possessive(_possessive_sentence(city, []))
    # 'The city of the king traces its roots': the king's, or the city's?
    of_king = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("city", 5, "nsubj", "NN", "NOUN", "city"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("king", 2, "pobj", "NN", "NOUN", "king"),
    ]
    assert not bound_possessive(_possessive_sentence(of_king, []))
    # 'They trace its roots': a pronoun subject says nothing; 'The cities trace its roots':
    # another number
    they = [("They", 1, "nsubj", "PRP", "PRON", "they")]
    cities = [("The", 1, "det", "DT", "DET", "the"), ("cities", 2, "nsubj", "NNS", "NOUN", "city")]
    assert not bound_possessive(_possessive_sentence(they, []))
    assert not bound_possessive(_possessive_sentence(cities, []))


def test_a_his_or_her_after_a_person_noun_of_its_gender_stands_for_it():
    """ "Beyoncé's father resigned from his job": the father's job, said with no name to
    resolve 'his' to; not when a noun of the same gender stands between ('The king gave the
    boy his sword'), nor after a noun of the other gender."""
    from docs import make_doc

    from quizgen.text.extract import bound_possessive

    def possessive(owner: str | None, noun: str, pronoun: str) -> bool:
        rows = (
            []
            if owner is None
            else [(owner, 2, "poss", "NNP", "PROPN", owner), ("'s", 0, "case", "POS", "PART", "'s")]
        )
        n = len(rows)
        rows += [
            ("father" if noun == "father" else noun, n + 1, "nsubj", "NN", "NOUN", noun),
            ("resigned", n + 1, "ROOT", "VBD", "VERB", "resign"),
            ("from", n + 1, "prep", "IN", "ADP", "from"),
            (pronoun, n + 4, "poss", "PRP$", "PRON", pronoun),
            ("job", n + 2, "pobj", "NN", "NOUN", "job"),
            (".", n + 1, "punct", ".", "PUNCT", "."),
        ]
        doc = make_doc(rows)
        return bound_possessive(next(t for t in doc if t.lower_ == pronoun))

    assert possessive(None, "father", "his")
    assert possessive(None, "queen", "her")
    assert not possessive(None, "father", "her")
    assert not possessive(None, "teacher", "his")  # no gender of its own: whose?
    assert possessive("Mary", "father", "his")  # Mary is no 'he'
    assert not possessive("John", "father", "his")  # John's job, or his father's?
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("king", 2, "nsubj", "NN", "NOUN", "king"),
        ("gave", 2, "ROOT", "VBD", "VERB", "give"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("boy", 2, "dative", "NN", "NOUN", "boy"),
        ("his", 6, "poss", "PRP$", "PRON", "his"),
        ("sword", 2, "dobj", "NN", "NOUN", "sword"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    assert not bound_possessive(make_doc(rows)[5])


def test_no_clause_from_a_phrase_hung_on_its_verb_across_a_quotation():
    """'The anchor read the prayer — “We came” — beside a picture.': the parse hung
    'beside a picture' on 'read' across the quotation; without the quotation the clause
    says where he read it, and it is no longer sure. The same clause with no quotation is
    asked."""
    head = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("anchor", 2, "nsubj", "NN", "NOUN", "anchor"),
        ("read", 2, "ROOT", "VBD", "VERB", "read"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("prayer", 2, "dobj", "NN", "NOUN", "prayer"),
    ]
    quote = [
        ("\u2014", 4, "punct", ":", "PUNCT", "\u2014"),
        ("\u201c", 8, "punct", "``", "PUNCT", "\u201c"),
        ("We", 8, "nsubj", "PRP", "PRON", "we"),
        ("came", 4, "acl", "VBD", "VERB", "come"),
        ("\u201d", 8, "punct", "''", "PUNCT", "\u201d"),
        ("\u2014", 4, "punct", ":", "PUNCT", "\u2014"),
    ]

    def beside(at: int) -> list[tuple]:
        return [
            ("beside", 2, "prep", "IN", "ADP", "beside"),
            ("a", at + 2, "det", "DT", "DET", "a"),
            ("picture", at, "pobj", "NN", "NOUN", "picture"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ]

    def verbs(rows):
        doc = make_doc(rows)
        analysis = analyze([doc])
        return [c.verb.text for c in extract.clauses(next(doc.sents), 0, analysis)]

    assert "read" in verbs(head + beside(5))
    assert "read" not in verbs(head + quote + beside(11))


# "“Give me,” said the king, “the gold.”"
INTERRUPTED = [
    ("\u201c", 5, "punct", "``", "PUNCT", "\u201c"),
    ("Give", 5, "ccomp", "VB", "VERB", "give"),
    ("me", 1, "dative", "PRP", "PRON", "I"),
    (",", 5, "punct", ",", "PUNCT", ","),
    ("\u201d", 5, "punct", "''", "PUNCT", "\u201d"),
    ("said", 5, "ROOT", "VBD", "VERB", "say"),
    ("the", 7, "det", "DT", "DET", "the"),
    ("king", 5, "nsubj", "NN", "NOUN", "king"),
    (",", 5, "punct", ",", "PUNCT", ","),
    ("\u201c", 11, "punct", "``", "PUNCT", "\u201c"),
    ("the", 11, "det", "DT", "DET", "the"),
    ("gold", 1, "dobj", "NN", "NOUN", "gold"),
    (".", 5, "punct", ".", "PUNCT", "."),
    ("\u201d", 5, "punct", "''", "PUNCT", "\u201d"),
]


def test_a_story_character_named_by_a_noun_is_a_speaker():
    """'“Give me the gold,” said the king.' in a story that says 'the king' three times."""
    assert quotes_of(said_the_king(GIVE), []) == [("the king", "Give me gold", "")]


def test_a_character_the_story_names_once_is_no_speaker():
    assert quotes_of(GIVE, []) == []  # which king?


def test_a_quotation_the_speech_verb_interrupts_is_one_quotation():
    assert quotes_of(said_the_king(INTERRUPTED), []) == [("the king", "Give me, the gold", "")]


def test_a_constituent_set_off_right_after_the_words_before_it_keeps_its_comma():
    """'Pip smiled, a little embarrassed.', 'can produce a flow, a fast cloud of gas.': the
    comma stands right after what goes before the constituent (the verb, or the constituent
    before it); run on, 'Pip smiled a little embarrassed' and 'a flow a fast cloud' misread."""
    smiled = make_doc(
        [
            ("Pip", 1, "nsubj", "NNP", "PROPN", "Pip"),
            ("smiled", 1, "ROOT", "VBD", "VERB", "smile"),
            (",", 1, "punct", ",", "PUNCT", ","),
            ("a", 4, "det", "DT", "DET", "a"),
            ("little", 5, "advmod", "RB", "ADV", "little"),
            ("embarrassed", 1, "acomp", "JJ", "ADJ", "embarrassed"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ],
        [(0, 1, "PERSON")],
    )
    [clause] = extract.clauses(smiled[:], 0, analyze([smiled]))
    assert extract.joined(clause.parts, after=clause.verb) == ", a little embarrassed"
    assert extract.joined(clause.parts) == "a little embarrassed"  # a question's rest
    flow = make_doc(
        [
            ("Eruptions", 1, "nsubj", "NNS", "NOUN", "eruption"),
            ("produce", 1, "ROOT", "VBP", "VERB", "produce"),
            ("a", 3, "det", "DT", "DET", "a"),
            ("flow", 1, "dobj", "NN", "NOUN", "flow"),
            (",", 1, "punct", ",", "PUNCT", ","),
            ("a", 7, "det", "DT", "DET", "a"),
            ("fast", 7, "amod", "JJ", "ADJ", "fast"),
            ("cloud", 1, "dobj", "NN", "NOUN", "cloud"),
            ("of", 7, "prep", "IN", "ADP", "of"),
            ("gas", 8, "pobj", "NN", "NOUN", "gas"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    [clause] = extract.clauses(flow[:], 0, analyze([flow]))
    assert extract.joined(clause.parts) == "a flow, a fast cloud of gas"


def test_a_title_the_parse_took_from_a_name_is_left_to_the_name():
    """'In 1611 the German astronomer Johannes Kepler proposed an improvement.': 'the German
    astronomer' hung on the verb is the name's title, not a constituent to move about
    ('When did Johannes Kepler propose an improvement the German astronomer?')."""
    rows = [
        ("In", 7, "prep", "IN", "ADP", "in"),
        ("1611", 0, "pobj", "CD", "NUM", "1611"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("German", 4, "amod", "JJ", "ADJ", "german"),
        ("astronomer", 7, "npadvmod", "NN", "NOUN", "astronomer"),
        ("Johannes", 6, "compound", "NNP", "PROPN", "Johannes"),
        ("Kepler", 7, "nsubj", "NNP", "PROPN", "Kepler"),
        ("proposed", 7, "ROOT", "VBD", "VERB", "propose"),
        ("an", 9, "det", "DT", "DET", "an"),
        ("improvement", 7, "dobj", "NN", "NOUN", "improvement"),
        (".", 7, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(1, 2, "DATE"), (5, 7, "PERSON")])
    [clause] = extract.clauses(doc[:], 0, analyze([doc]))
    assert [p.text for p in clause.fronted] == ["In 1611"]
    assert clause.subject.text == "Johannes Kepler"


def test_a_noun_joined_to_another_is_not_cut_to_its_name():
    """'Her daughter Irène and Irène's husband won the prize': the subject is both; cut to
    the name, it read 'Irène and won the prize'."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("daughter", 6, "nsubj", "NN", "NOUN", "daughter"),
        ("Irène", 1, "appos", "NNP", "PROPN", "Irène"),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("husband", 1, "conj", "NN", "NOUN", "husband"),
        ("won", 6, "ROOT", "VBD", "VERB", "win"),
        ("the", 8, "det", "DT", "DET", "the"),
        ("prize", 6, "dobj", "NN", "NOUN", "prize"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(2, 3, "PERSON")])
    assert extract.named(doc[1]) is None
    alone = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("daughter", 3, "nsubj", "NN", "NOUN", "daughter"),
        ("Irène", 1, "appos", "NNP", "PROPN", "Irène"),
        ("won", 3, "ROOT", "VBD", "VERB", "win"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    assert extract.named(make_doc(alone, [(2, 3, "PERSON")])[1]).text == "Irène"


def test_such_a_kind_said_before_points_back():
    """'The lens blurred colours. Dollond patented such an achromatic lens.': which kind of
    lens is meant is said before; 'It was such a cold night' says how cold."""
    first = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("lens", 2, "nsubj", "NN", "NOUN", "lens"),
        ("blurred", 2, "ROOT", "VBD", "VERB", "blur"),
        ("colours", 2, "dobj", "NNS", "NOUN", "colour"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    rows = [
        ("Dollond", 1, "nsubj", "NNP", "PROPN", "Dollond"),
        ("patented", 1, "ROOT", "VBD", "VERB", "patent"),
        ("such", 5, "predet", "PDT", "DET", "such"),
        ("an", 5, "det", "DT", "DET", "an"),
        ("achromatic", 5, "amod", "JJ", "ADJ", "achromatic"),
        ("lens", 1, "dobj", "NN", "NOUN", "lens"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc([*first, *placed(5, rows)])
    analysis = analyze([doc])
    lens = [t for t in doc if t.lower_ == "lens"][-1]
    assert extract.anaphoric(list(lens.subtree), analysis) == "anaphoric 'such'"
    night = make_doc(
        [
            ("It", 1, "nsubj", "PRP", "PRON", "it"),
            ("was", 1, "ROOT", "VBD", "AUX", "be"),
            ("such", 5, "predet", "PDT", "DET", "such"),
            ("a", 5, "det", "DT", "DET", "a"),
            ("cold", 5, "amod", "JJ", "ADJ", "cold"),
            ("night", 1, "attr", "NN", "NOUN", "night"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    assert extract.anaphoric(list(night[5].subtree), analyze([night])) == ""


def test_a_participle_set_off_after_the_subject_is_not_its_verb():
    """'The telescope, finished in 1917, allowed Hubble to see.' parsed with 'finished' as
    the verb: 'The telescope finished in 1917' says another thing. The commas around an
    aside are no such sign ('Bond, who was caught, escapes')."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("telescope", 3, "nsubj", "NN", "NOUN", "telescope"),
        (",", 1, "punct", ",", "PUNCT", ","),
        ("finished", 3, "ROOT", "VBD", "VERB", "finish"),
        ("in", 3, "prep", "IN", "ADP", "in"),
        ("1917", 4, "pobj", "CD", "NUM", "1917"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(5, 6, "DATE")])
    assert list(extract.clauses(doc[:], 0, analyze([doc]))) == []
    aside = [
        ("Bond", 6, "nsubj", "NNP", "PROPN", "Bond"),
        (",", 0, "punct", ",", "PUNCT", ","),
        ("who", 4, "nsubjpass", "WP", "PRON", "who"),
        ("was", 4, "auxpass", "VBD", "AUX", "be"),
        ("caught", 0, "relcl", "VBN", "VERB", "catch"),
        (",", 0, "punct", ",", "PUNCT", ","),
        ("fled", 6, "ROOT", "VBD", "VERB", "flee"),
        ("to", 6, "prep", "IN", "ADP", "to"),
        ("Rome", 7, "pobj", "NNP", "PROPN", "Rome"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(aside, [(0, 1, "PERSON"), (8, 9, "GPE")])
    assert "fled" in [c.verb.text for c in extract.clauses(doc[:], 0, analyze([doc]))]


def test_a_noun_only_its_relative_clause_identifies_is_no_subject_without_it():
    """'The work that made Marie famous harmed her.' holds 'The work made Marie famous': which
    work? 'The work of Curie that made Marie famous …' names it."""

    def relcl(of: bool) -> list[tuple]:
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("work", 9 if of else 7, "nsubj", "NN", "NOUN", "work"),
        ]
        if of:
            rows += [
                ("of", 1, "prep", "IN", "ADP", "of"),
                ("Curie", 2, "pobj", "NNP", "PROPN", "Curie"),
            ]
        k = len(rows)
        rows += [
            ("that", k + 1, "nsubj", "WDT", "PRON", "that"),
            ("made", 1, "relcl", "VBD", "VERB", "make"),
            ("Marie", k + 3, "nsubj", "NNP", "PROPN", "Marie"),
            ("famous", k + 1, "ccomp", "JJ", "ADJ", "famous"),
            ("also", k + 5, "advmod", "RB", "ADV", "also"),
            ("harmed", k + 5, "ROOT", "VBD", "VERB", "harm"),
            ("her", k + 5, "dobj", "PRP", "PRON", "she"),
            (".", k + 5, "punct", ".", "PUNCT", "."),
        ]
        return rows

    for of, asked in ((False, False), (True, True)):
        doc = make_doc(
            relcl(of), [(3, 4, "PERSON"), (6, 7, "PERSON")] if of else [(4, 5, "PERSON")]
        )
        verbs = [c.verb.text for c in extract.clauses(doc[:], 0, analyze([doc]))]
        assert ("made" in verbs) is asked, of


def test_an_existential_there_carries_no_subject_over():
    """'Most people are of one descent, and there are large communities.' gave 'are large
    communities' the first clause's subject: 'Who is large communities?'"""
    rows = [
        ("Most", 1, "amod", "JJS", "ADJ", "most"),
        ("people", 2, "nsubj", "NNS", "NOUN", "people"),
        ("are", 2, "ROOT", "VBP", "AUX", "be"),
        ("of", 2, "prep", "IN", "ADP", "of"),
        ("European", 5, "amod", "JJ", "ADJ", "european"),
        ("descent", 3, "pobj", "NN", "NOUN", "descent"),
        (",", 2, "punct", ",", "PUNCT", ","),
        ("and", 2, "cc", "CC", "CCONJ", "and"),
        ("there", 9, "expl", "EX", "PRON", "there"),
        ("are", 2, "conj", "VBP", "AUX", "be"),
        ("large", 11, "amod", "JJ", "ADJ", "large"),
        ("communities", 9, "attr", "NNS", "NOUN", "community"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(4, 5, "NORP")])
    verbs = [c.verb.i for c in extract.clauses(doc[:], 0, analyze([doc]))]
    assert 2 in verbs and 9 not in verbs


def _film_paragraph(second: list[tuple], label: str = "ORG", attr: str = "film") -> list:
    """'Spectre is a film. <second>' with 'Spectre' tagged ``label``: the Doc and its tokens."""
    first = [
        ("Spectre", 1, "nsubj", "NNP", "PROPN", "Spectre"),
        ("is", 1, "ROOT", "VBZ", "AUX", "be"),
        ("a", 3, "det", "DT", "DET", "a"),
        (attr, 1, "attr", "NN", "NOUN", attr),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    n = len(first)
    doc = make_doc(first + [(w, h + n, *r) for w, h, *r in second], [(0, 1, label)])
    return doc


# 'It features Craig.'
FEATURES = [
    ("It", 1, "nsubj", "PRP", "PRON", "it"),
    ("features", 1, "ROOT", "VBZ", "VERB", "feature"),
    ("Craig", 1, "dobj", "NNP", "PROPN", "Craig"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_subject_it_goes_on_from_the_name_of_a_thing_the_sentence_before_is_about():
    """'Spectre is a film. It features Craig.': the film; a further 'It was …' the same."""
    doc = _film_paragraph(FEATURES)
    analysis = analyze([doc])
    assert extract.topic_it(doc[5], analysis, 0) == "Spectre"
    (clause,) = [c for c in extract.clauses(doc[5:].sent, 0, analysis)]
    assert clause.subject.text == "Spectre" and clause.subject.resolved
    chain = FEATURES + [(w, h + 4, *r) for w, h, *r in FEATURES]
    doc = _film_paragraph(chain)
    assert extract.topic_it(doc[9], analyze([doc]), 0) == "Spectre"


def test_no_it_is_resolved_where_a_reader_could_hesitate():
    # a person is no 'it', and a name the tagger took for a person's is a thing only where
    # the passage says it is one ('a film', not 'a composer')
    doc = _film_paragraph(FEATURES, "PERSON")
    assert extract.topic_it(doc[5], analyze([doc]), 0) == "Spectre"
    doc = _film_paragraph(FEATURES, "PERSON", attr="composer")
    assert extract.topic_it(doc[5], analyze([doc]), 0) is None
    # 'In London it premiered.': London may be what 'it' is
    london = [
        ("In", 3, "prep", "IN", "ADP", "in"),
        ("London", 0, "pobj", "NNP", "PROPN", "London"),
        ("it", 3, "nsubj", "PRP", "PRON", "it"),
        ("premiered", 3, "ROOT", "VBD", "VERB", "premiere"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = _film_paragraph(london)
    assert extract.topic_it(doc[7], analyze([doc]), 0) is None
    # 'It seems that Craig left.': an empty 'it'
    seems = [
        ("It", 1, "nsubj", "PRP", "PRON", "it"),
        ("seems", 1, "ROOT", "VBZ", "VERB", "seem"),
        ("that", 4, "mark", "IN", "SCONJ", "that"),
        ("Craig", 4, "nsubj", "NNP", "PROPN", "Craig"),
        ("left", 1, "ccomp", "VBD", "VERB", "leave"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = _film_paragraph(seems)
    assert extract.topic_it(doc[5], analyze([doc]), 0) is None


def test_a_story_told_by_its_i_asks_of_the_narrator():
    """'I opened the door.' in a passage told by an 'I' outside quotation marks: the
    narrator opened it; 'I raised my hand' is left alone (no 'The narrator raised the
    narrator's hand'), and so is the 'I' of a speech, where 'we' and 'our' are said as
    often, and of a passage that says 'I' once."""

    def subjects(*sentences: list[tuple]) -> list[str]:
        rows: list[tuple] = []
        for sentence in sentences:
            rows += [(w, h + len(rows), *r) for w, h, *r in sentence]
        doc = make_doc(rows)
        return [c.subject.text for c in extract.clauses(doc[:], 0, analyze([doc]))]

    door = [
        ("I", 1, "nsubj", "PRP", "PRON", "I"),
        ("opened", 1, "ROOT", "VBD", "VERB", "open"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("door", 1, "dobj", "NN", "NOUN", "door"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert subjects(door, door, door) == ["the narrator"] * 3
    assert subjects(door) == []
    hand = [
        *door[:2],
        ("my", 3, "poss", "PRP$", "PRON", "my"),
        ("hand", 1, "dobj", "NN", "NOUN", "hand"),
        door[-1],
    ]
    assert subjects(door, door, hand) == ["the narrator"] * 2
    # 'I loved the door.': what the narrator says of his own heart is his claim
    loved = [door[0], ("loved", 1, "ROOT", "VBD", "VERB", "love"), *door[2:]]
    assert subjects(door, door, loved) == ["the narrator"] * 2
    # 'We came, and we stayed with our friends.': a speaker's 'I'
    speech = [
        ("We", 1, "nsubj", "PRP", "PRON", "we"),
        ("came", 1, "ROOT", "VBD", "VERB", "come"),
        ("and", 1, "cc", "CC", "CCONJ", "and"),
        ("we", 4, "nsubj", "PRP", "PRON", "we"),
        ("stayed", 1, "conj", "VBD", "VERB", "stay"),
        ("with", 4, "prep", "IN", "ADP", "with"),
        ("our", 7, "poss", "PRP$", "PRON", "our"),
        ("friends", 5, "pobj", "NNS", "NOUN", "friend"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert subjects(speech, speech, door, door, door) == []


def test_a_time_a_clause_tells_apart_is_not_cut_from_it():
    """'Tom was kind during the week before he left.': without 'before he left', 'the
    week' says no week; 'Tom was kind to the dog before he left.' may drop its clause."""

    def kind(noun: str, prep: str) -> list:
        rows = [
            ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
            ("was", 1, "ROOT", "VBD", "AUX", "be"),
            ("kind", 1, "acomp", "JJ", "ADJ", "kind"),
            (prep, 1, "prep", "IN", "ADP", prep),
            ("the", 5, "det", "DT", "DET", "the"),
            (noun, 3, "pobj", "NN", "NOUN", noun),
            ("before", 8, "mark", "IN", "SCONJ", "before"),
            ("he", 8, "nsubj", "PRP", "PRON", "he"),
            ("left", 1, "advcl", "VBD", "VERB", "leave"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
        doc = make_doc(rows, [(0, 1, "PERSON")])
        return [c.verb.text for c in extract.clauses(doc[:], 0, analyze([doc]))]

    assert "was" not in kind("week", "during")
    assert "was" in kind("dog", "to")


def test_the_word_or_the_term_with_nothing_to_say_which_points_back():
    """'The term became popular.': which term? 'The term “empiricism” became popular.'
    names it, and so does 'The name Aotearoa …'."""

    def why(rows: list[tuple]) -> str:
        doc = make_doc(rows)
        return extract.anaphoric(list(doc), analyze([doc]), definite=False)

    bare = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("term", 2, "nsubj", "NN", "NOUN", "term"),
        ("became", 2, "ROOT", "VBD", "VERB", "become"),
        ("popular", 2, "acomp", "JJ", "ADJ", "popular"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    assert why(bare) == "bare 'the term'"
    quoted = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("term", 5, "nsubj", "NN", "NOUN", "term"),
        ("\u201c", 3, "punct", "``", "PUNCT", "\u201c"),
        ("empiricism", 1, "appos", "NN", "NOUN", "empiricism"),
        ("\u201d", 3, "punct", "''", "PUNCT", "\u201d"),
        ("became", 5, "ROOT", "VBD", "VERB", "become"),
        ("popular", 5, "acomp", "JJ", "ADJ", "popular"),
        (".", 5, "punct", ".", "PUNCT", "."),
    ]
    assert why(quoted) == ""
    named = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("name", 3, "nsubj", "NN", "NOUN", "name"),
        ("Aotearoa", 1, "appos", "NNP", "PROPN", "Aotearoa"),
        ("became", 3, "ROOT", "VBD", "VERB", "become"),
        ("popular", 3, "acomp", "JJ", "ADJ", "popular"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    assert why(named) == ""


def test_no_clause_loses_an_alternative_set_in_parentheses():
    """'The council (or its chair) approves the budget.': without '(or its chair)' the
    statement says more than the passage; 'The council approves the budget.' is asked."""

    def verbs(aside: bool) -> list[str]:
        subject = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("council", 7, "nsubj", "NN", "NOUN", "council"),
        ]
        if aside:
            subject += [
                ("(", 1, "punct", "-LRB-", "PUNCT", "("),
                ("or", 1, "cc", "CC", "CCONJ", "or"),
                ("its", 5, "poss", "PRP$", "PRON", "its"),
                ("chair", 1, "conj", "NN", "NOUN", "chair"),
                (")", 1, "punct", "-RRB-", "PUNCT", ")"),
            ]
        n = len(subject)
        rows = [(w, n if w == "council" else h, *r) for w, h, *r in subject] + [
            ("approves", n, "ROOT", "VBZ", "VERB", "approve"),
            ("the", n + 2, "det", "DT", "DET", "the"),
            ("budget", n, "dobj", "NN", "NOUN", "budget"),
            (".", n, "punct", ".", "PUNCT", "."),
        ]
        doc = make_doc(rows)
        return [c.verb.text for c in extract.clauses(doc[:], 0, analyze([doc]))]

    assert verbs(aside=False) == ["approves"]
    assert verbs(aside=True) == []
