"""The filters against the faults of generated questions, on strings and hand-built Docs."""

from __future__ import annotations

import pytest
from docs import make_doc

from quizgen.items import quality

EVIDENCE = "Kataib Hezbollah fired 31 rockets into a base in Kirkuk last week."


def faults(prompt: str, answer: str = "31", evidence: str = EVIDENCE) -> list[str]:
    return quality.prompt_faults(prompt, answer, evidence)


def test_a_sound_question_has_no_fault():
    assert faults("How many rockets did Kataib Hezbollah fire into a base in Kirkuk?") == []


@pytest.mark.parametrize(
    "prompt, answer, fault",
    [
        ("How many rockets did they fire into a base?", "31", "vague pronoun"),
        ("How many rockets did these men fire into a base?", "31", "context-bound"),
        ("How many of the 31 rockets did Kataib Hezbollah fire?", "31", "answer in prompt"),
        ("Where did Kataib Hezbollah fire 31 rockets into?", "Baghdad", "key not in evidence"),
        ("How many rockets did Kataib Hezbollah fire into the?", "31", "dangling end"),
        ("How many rockets did Kataib Hezbollah fire (into a base?", "31", "unbalanced"),
        ("Fired?", "31", "length"),
        ("How many rockets did did Kataib Hezbollah fire?", "31", "repeated word"),
        ("How many rockets did Kataib Hezbollah fire and why?", "31", "two questions in one"),
        ("Who fired 31 rockets into a base in Kirkuk?", "they", "empty answer"),
    ],
)
def test_each_fault_is_named(prompt, answer, fault):
    assert fault in faults(prompt, answer)


def test_a_phrase_is_found_on_word_boundaries_whatever_the_quotes_and_case():
    assert quality.contains_phrase("Iran\u2019s commander", "iran's")
    assert not quality.contains_phrase("an Iranian commander", "Iran")
    assert quality.contains_phrase("the QUDS Force.", "Quds Force")


def test_a_name_before_the_pronoun_binds_it():
    assert not quality.vague_pronoun("What did Esper say he wanted?")
    assert quality.vague_pronoun("What did he say Esper wanted?")


def test_empty_answers():
    assert quality.empty_answer("the one") and quality.empty_answer("this king")
    assert not quality.empty_answer("the king")


# "Who fired the rockets?"
WHO_FIRED = [
    ("Who", 1, "nsubj", "WP", "PRON", "who"),
    ("fired", 1, "ROOT", "VBD", "VERB", "fire"),
    ("the", 3, "det", "DT", "DET", "the"),
    ("rockets", 1, "dobj", "NNS", "NOUN", "rocket"),
    ("?", 1, "punct", ".", "PUNCT", "?"),
]
# "The rockets fired at the base."
ROCKETS_FIRED = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("rockets", 2, "nsubj", "NNS", "NOUN", "rocket"),
    ("fired", 2, "ROOT", "VBD", "VERB", "fire"),
    ("at", 2, "prep", "IN", "ADP", "at"),
    ("the", 5, "det", "DT", "DET", "the"),
    ("base", 3, "pobj", "NN", "NOUN", "base"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
# "Fired the rockets."
NO_SUBJECT = [
    ("Fired", 0, "ROOT", "VBD", "VERB", "fire"),
    ("the", 2, "det", "DT", "DET", "the"),
    ("rockets", 0, "dobj", "NNS", "NOUN", "rocket"),
    (".", 0, "punct", ".", "PUNCT", "."),
]
# "There was a storm."
THERE_WAS = [
    ("There", 1, "expl", "EX", "PRON", "there"),
    ("was", 1, "ROOT", "VBD", "VERB", "be"),
    ("a", 3, "det", "DT", "DET", "a"),
    ("storm", 1, "attr", "NN", "NOUN", "storm"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_parsed_question_starts_with_its_wh_word_and_has_a_verb_at_its_root():
    assert quality.wellformed_question(make_doc(WHO_FIRED))
    assert not quality.wellformed_question(make_doc(ROCKETS_FIRED))


def test_a_statement_has_a_subject_or_the_there_that_stands_for_one():
    assert quality.wellformed_statement(make_doc(ROCKETS_FIRED))
    assert quality.wellformed_statement(make_doc(THERE_WAS))
    assert not quality.wellformed_statement(make_doc(NO_SUBJECT))


# "The only person, and had loved the little girl." (a sentence cut apart)
CUT_APART = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("only", 2, "amod", "JJ", "ADJ", "only"),
    ("person", 6, "nsubj", "NN", "NOUN", "person"),
    (",", 2, "punct", ",", "PUNCT", ","),
    ("and", 2, "cc", "CC", "CCONJ", "and"),
    ("had", 6, "aux", "VBD", "AUX", "have"),
    ("loved", 6, "ROOT", "VBN", "VERB", "love"),
    ("the", 9, "det", "DT", "DET", "the"),
    ("little", 9, "amod", "JJ", "ADJ", "little"),
    ("girl", 6, "dobj", "NN", "NOUN", "girl"),
    (".", 6, "punct", ".", "PUNCT", "."),
]


def test_an_and_that_joins_nothing_is_no_statement():
    assert not quality.wellformed_statement(make_doc(CUT_APART))
    joined = [*CUT_APART[:5], ("Ben", 2, "conj", "NNP", "PROPN", "Ben"), *CUT_APART[5:]]
    joined = [(w, h + (h >= 5), d, t, p, lemma) for w, h, d, t, p, lemma in joined]
    joined[5] = ("Ben", 2, "conj", "NNP", "PROPN", "Ben")
    assert quality.wellformed_statement(make_doc(joined))


def test_a_his_in_a_who_question_with_no_name_is_vague():
    """'Who reached his flat?': whose flat? Reviewers cannot tell."""
    assert quality.vague_pronoun("Who reached his flat?")
    assert not quality.vague_pronoun("Who reached Jim's flat before his wife?")


def test_a_subordinator_left_in_the_stem_is_a_second_question():
    """'Who came home whenever?': the clause's 'whenever' stayed behind."""
    assert "two questions in one" in quality.prompt_faults(
        "Who came home whenever?", "Jim", "Whenever Jim came home, he was happy."
    )


def test_a_pointer_to_a_figure_or_another_part_of_the_book_is_a_text_reference():
    assert quality.text_reference("The forces are illustrated in Figure 4.16.")
    assert quality.text_reference("The theory, described in the preceding paragraphs, fails.")
    assert quality.text_reference("As this chapter shows, tides rise.")
    assert not quality.text_reference("The table was laid for six.")
    assert quality.text_reference("Recalling the definition from the chapter on heat, note this.")
    assert "text reference" in quality.prompt_faults(
        "What is shown in Table 2?", "the tides", "Table 2 shows the tides."
    )


def test_a_key_that_ends_in_a_word_of_its_question_is_given_away():
    assert "key echoes stem" in quality.prompt_faults(
        "Which school offers a Master of Architecture?",
        "the School of Architecture",
        "The School of Architecture offers a Master of Architecture.",
    )
    assert not quality.echoes_stem("Who founded the school?", "Edward Sorin")


def test_a_key_of_someone_its_question_names_is_given_away():
    # 'Marie Curie's legacy continued after her death.'
    assert "key echoes stem" in quality.prompt_faults(
        "What continued after Marie Curie\u2019s death?",
        "Marie Curie's legacy",
        "Marie Curie's legacy continued after her death.",
    )
    assert not quality.echoes_stem("What did Tom paint?", "Aunt Polly's fence")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWhy, it's you, _____! I warn't noticing.\u201d", True),
        ("How she was to get out.", True),
        ("When the rain stopped, the _____ left.", False),
        ("The rain stopped when the _____ left.", False),
    ],
)
def test_a_sentence_opening_with_a_question_word_may_read_as_a_question(text, expected):
    assert quality.opens_like_question(text) is expected
