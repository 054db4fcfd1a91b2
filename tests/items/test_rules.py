"""Question templates on hand-built Docs: one or more cases per realization rule."""

import re
from dataclasses import replace
from pathlib import Path

import pytest
from docs import (
    COORDINATED,
    COORDINATED_ENTS,
    COPULA_ENTS,
    COPULA_NEG,
    FIRED,
    FIRED_ENTS,
    GIVE,
    KILLED,
    KILLED_ENTS,
    LEADS,
    LEADS_ENTS,
    QUOTE,
    QUOTE_ENTS,
    placed,
    questions,
    ran,
    read,
    said_the_king,
)

from quizgen.base.errors import QuizgenError
from quizgen.base.resources import questions_dir
from quizgen.items import rules

# "The drone strike at the airport was authorized by President Donald Trump."
STRIKE = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("drone", 2, "compound", "NN", "NOUN", "drone"),
    ("strike", 7, "nsubjpass", "NN", "NOUN", "strike"),
    ("at", 2, "prep", "IN", "ADP", "at"),
    ("the", 5, "det", "DT", "DET", "the"),
    ("airport", 3, "pobj", "NN", "NOUN", "airport"),
    ("was", 7, "auxpass", "VBD", "AUX", "be"),
    ("authorized", 7, "ROOT", "VBN", "VERB", "authorize"),
    ("by", 7, "agent", "IN", "ADP", "by"),
    ("President", 11, "compound", "NNP", "PROPN", "President"),
    ("Donald", 11, "compound", "NNP", "PROPN", "Donald"),
    ("Trump", 8, "pobj", "NNP", "PROPN", "Trump"),
    (".", 7, "punct", ".", "PUNCT", "."),
]
STRIKE_ENTS = [(10, 12, "PERSON")]


def test_passive_with_agent_asks_who_in_the_active():
    prompt, answer = questions((STRIKE, STRIKE_ENTS))["who-agent"]
    assert prompt == "Who authorized the drone strike at the airport?"
    assert answer == "Donald Trump"  # the title is not part of the key


def test_where_from_a_place_in_a_passive():
    found = questions((KILLED, KILLED_ENTS))
    assert found["where-place"] == ("Where was Soleimani killed?", "Baghdad International Airport")
    assert found["who-subject"] == ("Who was killed at Baghdad International Airport?", "Soleimani")


def test_how_many_with_do_support_in_the_past():
    found = questions((FIRED, FIRED_ENTS))
    assert found["how-many-object"] == (
        "How many rockets did Kataib Hezbollah fire into a base in Kirkuk last week?",
        "31",
    )
    assert found["when-time"][1] == "last week"


def test_which_organization_and_present_tense():
    found = questions((LEADS, LEADS_ENTS))
    assert found["what-subject"] == (
        "Which organization leads secret operations abroad?",
        "the Quds Force",
    )
    assert found["what-object"] == ("What does the Quds Force lead abroad?", "secret operations")


def test_a_vague_common_noun_is_not_asked_for():
    rows = [
        ("Earth", 1, "nsubj", "NNP", "PROPN", "Earth"),
        ("has", 1, "ROOT", "VBZ", "VERB", "have"),
        ("a", 3, "det", "DT", "DET", "a"),
        ("size", 1, "dobj", "NN", "NOUN", "size"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert "what-object" not in questions((rows, [(0, 1, "LOC")]))


def test_negation_is_kept():
    rows = [
        ("Trump", 3, "nsubj", "NNP", "PROPN", "Trump"),
        ("did", 3, "aux", "VBD", "AUX", "do"),
        ("not", 3, "neg", "RB", "PART", "not"),
        ("authorize", 3, "ROOT", "VB", "VERB", "authorize"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("strike", 3, "dobj", "NN", "NOUN", "strike"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    found = questions((rows, [(0, 1, "PERSON")]))
    assert found["who-subject"] == ("Who did not authorize the strike?", "Trump")


def test_what_a_thing_is_not_is_not_asked():
    """'What is not a point?' has as many answers as there are things that are not points."""
    assert questions((COPULA_NEG, COPULA_ENTS)) == {}


def test_coordinated_subjects_answer_together_and_from_keeps_its_preposition():
    found = questions((COORDINATED, COORDINATED_ENTS))
    assert found["who-subject"] == ("Who arrived from Syria?", "Soleimani and Ridha")
    assert found["where-place"] == ("Where did Soleimani and Ridha arrive from?", "Syria")


def test_quotation_asks_for_its_speaker():
    found = questions((QUOTE, QUOTE_ENTS))
    assert found["who-said"] == ("Who said, \u201cThe game has changed\u201d?", "Esper")
    assert "who-subject" not in found  # the quoted clause is not asked as a fact


def test_unresolvable_pronoun_is_not_asked_about():
    rows = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("fired", 1, "ROOT", "VBD", "VERB", "fire"),
        ("31", 3, "nummod", "CD", "NUM", "31"),
        ("rockets", 1, "dobj", "NNS", "NOUN", "rocket"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    assert questions((rows, [(2, 3, "CARDINAL")])) == {}


def _two_sentences(first_subject: tuple, first_ents: list) -> dict:
    first = [
        first_subject,
        ("spoke", 1, "ROOT", "VBD", "VERB", "speak"),
        ("today", 1, "npadvmod", "NN", "NOUN", "today"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    second = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("fired", 1, "ROOT", "VBD", "VERB", "fire"),
        ("31", 3, "nummod", "CD", "NUM", "31"),
        ("rockets", 1, "dobj", "NNS", "NOUN", "rocket"),
        ("into", 1, "prep", "IN", "ADP", "into"),
        ("Iraq", 4, "pobj", "NNP", "PROPN", "Iraq"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    rows = first + [(w, h + len(first), *rest) for w, h, *rest in second]
    return questions((rows, [*first_ents, (6, 7, "CARDINAL"), (9, 10, "GPE")]))


def test_pronoun_resolves_to_the_one_person_before_it():
    found = _two_sentences(("Esper", 1, "nsubj", "NNP", "PROPN", "Esper"), [(0, 1, "PERSON")])
    assert found["how-many-object"] == ("How many rockets did Esper fire into Iraq?", "31")
    assert found["where-place"] == ("Where did Esper fire 31 rockets?", "Iraq")


def test_pronoun_with_no_person_before_it_is_not_resolved():
    found = _two_sentences(("Everyone", 1, "nsubj", "NN", "PRON", "everyone"), [])
    assert "how-many-object" not in found and "where-place" not in found


def test_shipped_templates_load_and_name_their_slots():
    templates = rules.load_templates()
    ids = {t.id for t in templates}
    assert {
        "who-subject",
        "who-agent",
        "where-place",
        "when-time",
        "how-many-object",
        "why-cause",
        "who-role",
        "who-said",
    } <= ids
    for t in templates:
        assert t.answer in rules.SLOT_FINDERS[t.fact]


def test_a_teachers_template_folder_adds_and_replaces(tmp_path: Path):
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "mine.yaml").write_text(
        "- id: where-place\n  fact: clause\n  answer: place\n"
        "  ask: 'In which place {aux} {subject} {verb} {rest}?'\n  kinds: [short_answer]\n",
        encoding="utf-8",
    )
    rules.load_templates.cache_clear()
    try:
        mine = {t.id: t for t in rules.load_templates(tmp_path)}
        assert mine["where-place"].ask.startswith("In which place")
        assert "who-subject" in mine
    finally:
        rules.load_templates.cache_clear()


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "- id: x\n  fact: clause\n  answer: colour\n  ask: '?'\n  kinds: [short_answer]\n",
            "answer must be",
        ),
        (
            "- id: x\n  fact: poem\n  answer: subject\n  ask: '?'\n  kinds: [short_answer]\n",
            "fact must be",
        ),
        (
            "- id: x\n  fact: clause\n  answer: subject\n  ask: '?'\n  kinds: [essay]\n",
            "kinds must be",
        ),
        (
            "- id: x\n  fact: clause\n  answer: subject\n  ask: '?'\n  kinds: [short_answer]\n"
            "  when: {label: [PERSN]}\n",
            "label is a list of answer labels",
        ),
        ("- id: x\n  fact: clause\n  answer: subject\n", "missing keys"),
        ("- [unclosed\n", "not valid YAML"),
    ],
)
def test_a_broken_template_file_names_the_problem(tmp_path: Path, text: str, message: str):
    (tmp_path / "bad.yaml").write_text(text, encoding="utf-8")
    rules.load_templates.cache_clear()
    try:
        with pytest.raises(QuizgenError, match=message):
            rules.load_templates(tmp_path)
    finally:
        rules.load_templates.cache_clear()


def _reasons(templates, facts, analysis) -> set[str]:
    return {
        why
        for fact in facts.clauses
        for _, _, why in rules.explain(templates, fact, "clause", analysis)
    }


def test_a_filter_is_a_named_condition_a_template_may_turn_off():
    """'What is not a point?' is refused by default; a template saying so may ask it."""
    _, facts, analysis, _ = read((COPULA_NEG, COPULA_ENTS))
    templates = tuple(t for t in rules.load_templates() if t.fact == "clause")
    refused = "what a thing is not has too many answers ('What is not a point?')"
    assert refused in _reasons(templates, facts, analysis)
    allowing = tuple(replace(t, when=(*t.when, ("negated_copula", True))) for t in templates)
    assert refused not in _reasons(allowing, facts, analysis)


def test_every_filter_and_its_default_is_listed_in_the_templates_header():
    header = (questions_dir() / "clauses.yaml").read_text(encoding="utf-8").split("\n- id:")[0]
    for defaults in rules.FILTER_DEFAULTS.values():
        for key, value in defaults.items():
            shown = str(value).lower()
            assert re.search(rf"#\s+{key}\s+\[{shown}\]", header), f"{key} [{shown}]"


# --- context, attribution, negation, wh-words, why and how (issue 15) --------------------

# "Scrooge never painted out Old Marley's name."
NEVER = [
    ("Scrooge", 2, "nsubj", "NNP", "PROPN", "Scrooge"),
    ("never", 2, "neg", "RB", "ADV", "never"),
    ("painted", 2, "ROOT", "VBD", "VERB", "paint"),
    ("out", 2, "prt", "RP", "ADP", "out"),
    ("Old", 5, "compound", "NNP", "PROPN", "Old"),
    ("Marley", 7, "poss", "NNP", "PROPN", "Marley"),
    ("'s", 5, "case", "POS", "PART", "'s"),
    ("name", 2, "dobj", "NN", "NOUN", "name"),
    (".", 2, "punct", ".", "PUNCT", "."),
]
NEVER_ENTS = [(0, 1, "PERSON")]


def test_a_negation_is_carried_into_a_subject_question():
    found = questions((NEVER, NEVER_ENTS))
    assert (
        found["who-subject"][0].replace(" 's", "'s") == "Who never painted out Old Marley's name?"
    )


# "The city council closed the bridge because floods had weakened it."
BECAUSE = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("city council", 2, "nsubj", "NN", "NOUN", "council"),
    ("closed", 2, "ROOT", "VBD", "VERB", "close"),
    ("the", 4, "det", "DT", "DET", "the"),
    ("bridge", 2, "dobj", "NN", "NOUN", "bridge"),
    ("because", 8, "mark", "IN", "SCONJ", "because"),
    ("floods", 8, "nsubj", "NNS", "NOUN", "flood"),
    ("had", 8, "aux", "VBD", "AUX", "have"),
    ("weakened", 2, "advcl", "VBN", "VERB", "weaken"),
    ("it", 8, "dobj", "PRP", "PRON", "it"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


def test_why_from_a_because_clause_keyed_by_the_cause():
    found = questions((BECAUSE, []))
    assert found["why-cause"] == (
        "Why did the city council close the bridge?",
        "because floods had weakened it",
    )
    # the 'it' is explained only by the rest of the clause: no other question carries it
    assert "what-object" not in found


# "Farmers grow rice by flooding the fields."
BY_MEANS = [
    ("Farmers", 1, "nsubj", "NNS", "NOUN", "farmer"),
    ("grow", 1, "ROOT", "VBP", "VERB", "grow"),
    ("rice", 1, "dobj", "NN", "NOUN", "rice"),
    ("by", 1, "prep", "IN", "ADP", "by"),
    ("flooding", 3, "pcomp", "VBG", "VERB", "flood"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("fields", 4, "dobj", "NNS", "NOUN", "field"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_how_from_a_means_phrase():
    assert questions((BY_MEANS, []))["how-means"] == (
        "How do farmers grow rice?",
        "by flooding the fields",
    )


PLAIN = ("now", 2, "advmod", "RB", "ADV", "now")
INSTEAD = ("instead", 2, "advmod", "RB", "ADV", "instead")


def test_a_means_clause_with_a_bare_instead_holds_only_in_its_contrast():
    """'Farmers instead grow rice by flooding the fields': instead of what? 'How do farmers
    grow rice?' would say what holds only in the contrast ('now' is dropped, and asked)."""
    shifted = [(w, h + 1 if h else h, *r) for w, h, *r in BY_MEANS]
    assert "how-means" in questions((shifted[:1] + [PLAIN] + shifted[1:], []))
    assert "how-means" not in questions((shifted[:1] + [INSTEAD] + shifted[1:], []))


def test_a_reflexive_bound_by_a_resolved_subject_stays_reflexive():
    """'Chopin ran home. He supported himself by teaching piano.': 'How did Chopin support
    himself?', not 'support Chopin'."""
    supported = [
        ("He", 1, "nsubj", "PRP", "PRON", "he"),
        ("supported", 1, "ROOT", "VBD", "VERB", "support"),
        ("himself", 1, "dobj", "PRP", "PRON", "himself"),
        ("by", 1, "prep", "IN", "ADP", "by"),
        ("teaching", 3, "pcomp", "VBG", "VERB", "teach"),
        ("piano", 4, "dobj", "NN", "NOUN", "piano"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    rows = ran("Chopin") + placed(4, supported)
    assert questions((rows, [(0, 1, "PERSON")]))["how-means"] == (
        "How did Chopin support himself?",
        "by teaching piano",
    )


# "The river rose above {its|the} banks. As a result, the city council closed the bridge."
def _result(determiner):
    return [
        ("The", 1, "det", "DT", "DET", "the"),
        ("river", 2, "nsubj", "NN", "NOUN", "river"),
        ("rose", 2, "ROOT", "VBD", "VERB", "rise"),
        ("above", 2, "prep", "IN", "ADP", "above"),
        determiner,
        ("banks", 3, "pobj", "NNS", "NOUN", "bank"),
        (".", 2, "punct", ".", "PUNCT", "."),
        ("As", 13, "prep", "IN", "ADP", "as"),
        ("a", 9, "det", "DT", "DET", "a"),
        ("result", 7, "pobj", "NN", "NOUN", "result"),
        (",", 13, "punct", ",", "PUNCT", ","),
        ("the", 12, "det", "DT", "DET", "the"),
        ("city council", 13, "nsubj", "NN", "NOUN", "council"),
        ("closed", 13, "ROOT", "VBD", "VERB", "close"),
        ("the", 15, "det", "DT", "DET", "the"),
        ("bridge", 13, "dobj", "NN", "NOUN", "bridge"),
        (".", 13, "punct", ".", "PUNCT", "."),
    ]


def test_a_result_connective_makes_the_sentence_before_the_cause():
    its = questions((_result(("its", 5, "poss", "PRP$", "PRON", "its")), []))
    assert "why-result" not in its  # 'its banks': the cause must stand on its own
    found = questions((_result(("the", 5, "det", "DT", "DET", "the")), []))
    assert found["why-result"] == (
        "Why did the city council close the bridge?",
        "because the river rose above the banks",
    )


# "According to officials, the Mahdi militia fired 31 rockets."
ACCORDING = [
    ("According", 6, "prep", "VBG", "VERB", "accord"),
    ("to", 0, "prep", "IN", "ADP", "to"),
    ("officials", 1, "pobj", "NNS", "NOUN", "official"),
    (",", 6, "punct", ",", "PUNCT", ","),
    ("the", 5, "det", "DT", "DET", "the"),
    ("Mahdi militia", 6, "nsubj", "NN", "NOUN", "militia"),
    ("fired", 6, "ROOT", "VBD", "VERB", "fire"),
    ("31", 8, "nummod", "CD", "NUM", "31"),
    ("rockets", 6, "dobj", "NNS", "NOUN", "rocket"),
    (".", 6, "punct", ".", "PUNCT", "."),
]


def test_a_claim_keeps_its_source():
    found = questions((ACCORDING, [(7, 8, "CARDINAL")]))
    assert found["how-many-object"] == (
        "According to officials, how many rockets did the Mahdi militia fire?",
        "31",
    )


# "Critics argue that the tax failed."
ARGUE = [
    ("Critics", 1, "nsubj", "NNS", "NOUN", "critic"),
    ("argue", 1, "ROOT", "VBP", "VERB", "argue"),
    ("that", 5, "mark", "IN", "SCONJ", "that"),
    ("the", 4, "det", "DT", "DET", "the"),
    ("tax", 5, "nsubj", "NN", "NOUN", "tax"),
    ("failed", 1, "ccomp", "VBD", "VERB", "fail"),
    (".", 1, "punct", ".", "PUNCT", "."),
]
# "It is possible that the drug causes cancer."
POSSIBLE = [
    ("It", 1, "nsubj", "PRP", "PRON", "it"),
    ("is", 1, "ROOT", "VBZ", "AUX", "be"),
    ("possible", 1, "acomp", "JJ", "ADJ", "possible"),
    ("that", 6, "mark", "IN", "SCONJ", "that"),
    ("the", 5, "det", "DT", "DET", "the"),
    ("drug", 6, "nsubj", "NN", "NOUN", "drug"),
    ("causes", 1, "ccomp", "VBZ", "VERB", "cause"),
    ("cancer", 6, "dobj", "NN", "NOUN", "cancer"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_hedged_clause_is_not_asked_and_an_argued_one_names_who_argues():
    from docs import read

    assert not [f for f in read((POSSIBLE, []))[1].clauses if f.verb.text == "causes"]
    argued = [f for f in read((ARGUE, []))[1].clauses if f.verb.text == "failed"]
    assert [f.attribution for f in argued] == ["critics"]


# "Spectre is the twenty-fourth film." with Spectre tagged PERSON
FILM = [
    ("Spectre", 1, "nsubj", "NNP", "PROPN", "Spectre"),
    ("is", 1, "ROOT", "VBZ", "AUX", "be"),
    ("the", 4, "det", "DT", "DET", "the"),
    ("twenty-fourth", 4, "amod", "JJ", "ADJ", "twenty-fourth"),
    ("film", 1, "attr", "NN", "NOUN", "film"),
    ("in", 4, "prep", "IN", "ADP", "in"),
    ("the", 8, "det", "DT", "DET", "the"),
    ("Bond", 8, "compound", "NNP", "PROPN", "Bond"),
    ("series", 5, "pobj", "NN", "NOUN", "series"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_what_a_copula_says_decides_who_or_what():
    found = questions((FILM, [(0, 1, "PERSON")]))
    assert "who-subject" not in found


def test_a_frequency_or_a_duration_is_no_when():
    assert rules.when_answer("in 1858") and rules.when_answer("the late 1990s")
    assert not rules.when_answer("every year")
    assert not rules.when_answer("all day")
    assert not rules.when_answer("less than a month")
    assert not rules.when_answer("hundreds of years")


# "The Crimean War lasted three years."
WAR = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("Crimean", 2, "compound", "NNP", "PROPN", "Crimean"),
    ("War", 3, "nsubj", "NNP", "PROPN", "War"),
    ("lasted", 3, "ROOT", "VBD", "VERB", "last"),
    ("three", 5, "nummod", "CD", "NUM", "three"),
    ("years", 3, "npadvmod", "NNS", "NOUN", "year"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
WAR_ENTS = [(1, 3, "EVENT"), (4, 6, "DATE")]


def test_a_duration_is_asked_how_long_never_when():
    found = questions((WAR, WAR_ENTS))
    assert found["how-long"] == ("How long did the Crimean War last?", "three years")
    assert "when-time" not in found


# "The Crimean War ended three years ago."
ENDED = [
    *WAR[:3],
    ("ended", 3, "ROOT", "VBD", "VERB", "end"),
    ("three", 5, "nummod", "CD", "NUM", "three"),
    ("years", 6, "npadvmod", "NNS", "NOUN", "year"),
    ("ago", 3, "advmod", "RB", "ADV", "ago"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def test_a_point_in_time_is_still_asked_when():
    found = questions((ENDED, [(1, 3, "EVENT"), (4, 7, "DATE")]))
    assert found["when-time"] == ("When did the Crimean War end?", "three years ago")
    assert "how-long" not in found


# "The two men wrote the state song in 1910."
TWO_MEN = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("two", 2, "nummod", "CD", "NUM", "two"),
    ("men", 3, "nsubj", "NNS", "NOUN", "man"),
    ("wrote", 3, "ROOT", "VBD", "VERB", "write"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("state", 6, "compound", "NN", "NOUN", "state"),
    ("song", 3, "dobj", "NN", "NOUN", "song"),
    ("in", 3, "prep", "IN", "ADP", "in"),
    ("1910", 7, "pobj", "CD", "NUM", "1910"),
    (".", 3, "punct", ".", "PUNCT", "."),
]
TWO_MEN_ENTS = [(8, 9, "DATE")]


def test_a_counted_group_the_passage_named_before_is_no_key():
    """'the two men' answers nothing a student can write: their names are elsewhere."""
    found = questions((TWO_MEN, TWO_MEN_ENTS))
    assert not any("the two men" == c.lower() for prompts in found.values() for c in prompts)
    keys = [
        c.answer.lower() for c in read((TWO_MEN, TWO_MEN_ENTS))[0] if c.template.fact == "clause"
    ]
    assert "the two men" not in keys


def test_a_name_with_an_article_is_a_thing_the_model_took_for_a_person():
    from docs import make_doc

    from quizgen.items.rules import is_person
    from quizgen.quiz.model import Label

    chopper = make_doc(
        [
            ("The", 1, "det", "DT", "DET", "the"),
            ("Chopper", 2, "nsubj", "NNP", "PROPN", "Chopper"),
            ("flew", 2, "ROOT", "VBD", "VERB", "fly"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ],
        ents=[(1, 2, "PERSON")],
    )
    assert not is_person(list(chopper[0:2]), Label.PERSON)
    pianist = make_doc(
        [
            ("The", 2, "det", "DT", "DET", "the"),
            ("pianist", 2, "compound", "NN", "NOUN", "pianist"),
            ("Chopin", 3, "nsubj", "NNP", "PROPN", "Chopin"),
            ("played", 3, "ROOT", "VBD", "VERB", "play"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ],
        ents=[(2, 3, "PERSON")],
    )
    assert is_person(list(pianist[0:3]), Label.PERSON)
    assert is_person(list(pianist[2:3]), Label.PERSON)


def test_a_name_the_passage_gives_an_article_elsewhere_is_no_person():
    from docs import make_doc

    from quizgen.items.rules import is_person
    from quizgen.quiz.model import Label
    from quizgen.text.analysis import analyze

    flew = make_doc(
        [
            ("The", 1, "det", "DT", "DET", "the"),
            ("Chopper", 2, "nsubj", "NNP", "PROPN", "Chopper"),
            ("flew", 2, "ROOT", "VBD", "VERB", "fly"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ],
        ents=[(1, 2, "PERSON")],
    )
    fell = make_doc(
        [
            ("Chopper", 1, "nsubj", "NNP", "PROPN", "Chopper"),
            ("fell", 1, "ROOT", "VBD", "VERB", "fall"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ],
        ents=[(0, 1, "PERSON")],
    )
    analysis = analyze([flew, fell])
    assert not is_person(list(fell[0:1]), Label.PERSON, analysis.articled_names())
    assert is_person(list(fell[0:1]), Label.PERSON)


def test_a_date_the_tagger_ran_into_a_list_is_no_key():
    """'Arsenal won in 1930–31 and 1932–33': the tagger's '1930–31 and' is cut in two."""
    from docs import make_doc

    from quizgen.items import rules
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("Arsenal", 1, "nsubj", "NNP", "PROPN", "Arsenal"),
        ("won", 1, "ROOT", "VBD", "VERB", "win"),
        ("the", 3, "det", "DT", "DET", "the"),
        ("league", 1, "dobj", "NN", "NOUN", "league"),
        ("in", 1, "prep", "IN", "ADP", "in"),
        ("1930–31", 4, "pobj", "CD", "NUM", "1930–31"),
        ("and", 5, "cc", "CC", "CCONJ", "and"),
        ("1932–33", 5, "conj", "CD", "NUM", "1932–33"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, [(0, 1, "ORG"), (5, 7, "DATE")])
    analysis = analyze([doc])
    (clause,) = clauses(doc[:], 0, analysis)
    assert [s.answer for s in rules.find_time(clause, analysis)] == []


def test_an_aside_after_the_counted_noun_is_not_counted():
    """'The strike killed five people, including the chief.': 'How many people …?'"""
    from docs import make_doc

    from quizgen.items import rules
    from quizgen.text.analysis import analyze
    from quizgen.text.extract import clauses

    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("strike", 2, "nsubj", "NN", "NOUN", "strike"),
        ("killed", 2, "ROOT", "VBD", "VERB", "kill"),
        ("five", 4, "nummod", "CD", "NUM", "five"),
        ("people", 2, "dobj", "NNS", "NOUN", "people"),
        (",", 4, "punct", ",", "PUNCT", ","),
        ("including", 4, "prep", "VBG", "VERB", "include"),
        ("the", 8, "det", "DT", "DET", "the"),
        ("chief", 6, "pobj", "NN", "NOUN", "chief"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    analysis = analyze([doc])
    (clause,) = clauses(doc[:], 0, analysis)
    (slot,) = rules.find_count(clause, analysis)
    assert (slot.answer, slot.values["thing"]) == ("five", "people")


def test_an_organization_of_a_kind_is_asked_which_of_that_kind():
    from quizgen.items import rules
    from quizgen.quiz.model import Label

    assert rules.wh_word(Label.ORG, "the School of Architecture", person=False) == "which school"


def _rationalist(first: str, last: str, label: str):
    """'René Descartes is widely described as a philosopher.' with the name tagged ``label``."""
    rows = [
        (first, 1, "compound", "NNP", "PROPN", first),
        (last, 4, "nsubjpass", "NNP", "PROPN", last),
        ("is", 4, "auxpass", "VBZ", "AUX", "be"),
        ("widely", 4, "advmod", "RB", "ADV", "widely"),
        ("described", 4, "ROOT", "VBN", "VERB", "describe"),
        ("as", 4, "prep", "IN", "ADP", "as"),
        ("a", 7, "det", "DT", "DET", "a"),
        ("philosopher", 5, "pobj", "NN", "NOUN", "philosopher"),
        (".", 4, "punct", ".", "PUNCT", "."),
    ]
    return rows, [(0, 2, label)]


def test_a_full_name_the_tagger_called_a_place_or_what_the_verb_calls_it_is_a_who():
    """'René Descartes', tagged an organization, begins with a given name; and 'described as
    a philosopher' names a person whatever the name: 'Who is widely described …?'."""
    found = questions(_rationalist("Thomas", "Hobbes", "ORG"))
    assert found["who-subject"][0] == "Who is widely described as a philosopher?"
    found = questions(_rationalist("Baruch", "Spinoza", "GPE"))  # a name the list lacks
    assert found["who-subject"][0] == "Who is widely described as a philosopher?"
    from docs import make_doc

    doc = make_doc(*_rationalist("George", "Washington", "ORG"))
    assert rules._given_and_family_name(list(doc[0:2]))
    assert not rules._given_and_family_name([*doc[0:2], doc[7]])  # a common noun is no name


def test_a_name_tagged_a_person_that_ends_in_a_noun_for_a_thing_is_asked_what():
    """'Mars Chopper crashed into a deep crater in 2024.' with 'Mars Chopper' tagged a person:
    it ends in 'chopper' (a helicopter), and nothing shows a person: 'What crashed …?'"""
    rows = [
        ("Mars", 1, "compound", "NNP", "PROPN", "Mars"),
        ("Chopper", 2, "nsubj", "NNP", "PROPN", "Chopper"),
        ("crashed", 2, "ROOT", "VBD", "VERB", "crash"),
        ("into", 2, "prep", "IN", "ADP", "into"),
        ("a", 6, "det", "DT", "DET", "a"),
        ("deep", 6, "amod", "JJ", "ADJ", "deep"),
        ("crater", 3, "pobj", "NN", "NOUN", "crater"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        ("2024", 7, "pobj", "CD", "NUM", "2024"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    found = questions((rows, [(0, 2, "PERSON"), (8, 9, "DATE")]))
    assert "who-subject" not in found
    assert found["what-subject"][0].startswith("What crashed")


def test_no_how_question_whose_key_is_one_of_two_means():
    """'Apple changed the menu by renaming the fonts and, in most cases, splitting the screen.'
    with 'splitting' parsed as the verb's own clause: 'by renaming the fonts' is half of how."""

    def changed(second: bool):
        rows = [
            ("Apple", 1, "nsubj", "NNP", "PROPN", "Apple"),
            ("changed", 1, "ROOT", "VBD", "VERB", "change"),
            ("the", 3, "det", "DT", "DET", "the"),
            ("menu", 1, "dobj", "NN", "NOUN", "menu"),
            ("by", 1, "prep", "IN", "ADP", "by"),
            ("renaming", 4, "pcomp", "VBG", "VERB", "rename"),
            ("the", 7, "det", "DT", "DET", "the"),
            ("fonts", 5, "dobj", "NNS", "NOUN", "font"),
        ]
        if second:
            rows += [
                ("and", 1, "cc", "CC", "CCONJ", "and"),
                (",", 1, "punct", ",", "PUNCT", ","),
                ("in", 1, "prep", "IN", "ADP", "in"),
                ("most", 12, "amod", "JJS", "ADJ", "most"),
                ("cases", 10, "pobj", "NNS", "NOUN", "case"),
                (",", 1, "punct", ",", "PUNCT", ","),
                ("splitting", 1, "advcl", "VBG", "VERB", "split"),
                ("the", 16, "det", "DT", "DET", "the"),
                ("screen", 14, "dobj", "NN", "NOUN", "screen"),
            ]
        rows.append((".", 1, "punct", ".", "PUNCT", "."))
        return questions((rows, [(0, 1, "ORG")]))

    assert changed(second=False)["how-means"][1] == "by renaming the fonts"
    assert "how-means" not in changed(second=True)


def test_a_character_named_with_the_keeps_it_as_a_key():
    """'said the Whale': the key is 'the Whale', as the story says; a title still goes
    ('President Donald Trump' -> 'Donald Trump')."""
    from docs import make_doc

    from quizgen.items.rules import Slot, key_text
    from quizgen.text.analysis import Cluster

    def key(words: list[str]) -> str:
        doc = make_doc([(w, len(words) - 1, "dep", "NNP", "PROPN", w) for w in words])
        name = doc[1:] if words[0] in {"the", "President"} else doc[:]
        cluster = Cluster(id=1, key=tuple(w.lower() for w in words[1:]), mentions=[name])
        slot = Slot(" ".join(words), list(doc), rules.Label.PERSON, cluster, None, {}, True)
        return key_text(slot)

    assert key(["the", "Whale"]) == "the Whale"
    assert key(["President", "Donald", "Trump"]) == "Donald Trump"


def test_who_said_is_asked_of_a_story_character():
    """'“Give me the gold,” said the king.' in a story of the king: 'Who said, “Give me
    the gold”?', keyed 'the king' as the story says it."""
    prompt, answer = questions((said_the_king(GIVE), []))["who-said"]
    assert prompt == "Who said, \u201cGive me gold\u201d?" and answer == "the king"


def test_a_count_of_people_something_has_is_asked_how_many_not_who():
    # 'The Senate has 100 members.': 'How many members does the Senate have?', no 'Who does
    # the Senate have?' -> '100 members'; 'The Senate heard 100 members' may still ask who
    def senate(verb):
        rows = [
            ("The", 1, "det", "DT", "DET", "the"),
            ("Senate", 2, "nsubj", "NNP", "PROPN", "Senate"),
            (verb[0], 2, "ROOT", "VBZ", "VERB", verb[1]),
            ("100", 4, "nummod", "CD", "NUM", "100"),
            ("members", 2, "dobj", "NNS", "NOUN", "member"),
            (".", 2, "punct", ".", "PUNCT", "."),
        ]
        return questions((rows, [(1, 2, "ORG"), (3, 4, "CARDINAL")]))

    has = senate(("has", "have"))
    assert has["how-many-object"][0] == "How many members does the Senate have?"
    assert not any(stem.startswith("Who") for stem, _ in has.values())
    assert "who-object" in senate(("hears", "hear"))


def test_a_name_set_before_a_noun_for_a_made_thing_names_a_thing():
    """'Engineers built the Chopper rotorcraft. Chopper flew.' with 'Chopper' tagged a person:
    the passage calls it a rotorcraft (a rare word for a made thing), so 'What flew?', never
    'Who'; 'the Chopper family' would have people in it."""
    from docs import make_doc

    from quizgen.text.analysis import analyze, named_thing

    def passage(noun: str):
        built = make_doc(
            [
                ("Engineers", 1, "nsubj", "NNS", "NOUN", "engineer"),
                ("built", 1, "ROOT", "VBD", "VERB", "build"),
                ("the", 4, "det", "DT", "DET", "the"),
                ("Chopper", 4, "compound", "NNP", "PROPN", "Chopper"),
                (noun, 1, "dobj", "NN", "NOUN", noun),
                (".", 1, "punct", ".", "PUNCT", "."),
            ],
            ents=[(3, 4, "PERSON")],
        )
        flew = make_doc(
            [
                ("Chopper", 1, "nsubj", "NNP", "PROPN", "Chopper"),
                ("flew", 1, "ROOT", "VBD", "VERB", "fly"),
                (".", 1, "punct", ".", "PUNCT", "."),
            ],
            ents=[(0, 1, "PERSON")],
        )
        analysis = analyze([built, flew])
        [cluster] = analysis.clusters_of("PERSON")
        return named_thing(cluster, analysis)

    assert passage("rotorcraft")
    assert passage("aircraft")
    assert not passage("family")
