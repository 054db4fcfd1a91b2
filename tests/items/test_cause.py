"""Cause-and-effect questions on hand-built Docs: why and what-caused keys, and the wrong
options of a why, other causes the passage gives of other things."""

import random

from docs import questions, read

from quizgen.items import distract
from quizgen.quiz.model import Label


def _because(subj, verb, obj, cause_subj, cause_verb, cause_obj, *, mark="because"):
    """'The {subj} {verb} the {obj} {mark} the {cause_subj} had {cause_verb} the {cause_obj}.'"""
    return [
        ("The", 1, "det", "DT", "DET", "the"),
        (subj, 2, "nsubj", "NN", "NOUN", subj),
        (verb[0], 2, "ROOT", "VBD", "VERB", verb[1]),
        ("the", 4, "det", "DT", "DET", "the"),
        (obj, 2, "dobj", "NN", "NOUN", obj),
        (mark, 9, "mark", "IN", "SCONJ", mark),
        ("the", 7, "det", "DT", "DET", "the"),
        (cause_subj, 9, "nsubj", "NNS", "NOUN", cause_subj),
        ("had", 9, "aux", "VBD", "AUX", "have"),
        (cause_verb[0], 2, "advcl", "VBN", "VERB", cause_verb[1]),
        ("the", 11, "det", "DT", "DET", "the")
        if cause_obj != "it"
        else ("it", 9, "dobj", "PRP", "PRON", "it"),
        *([(cause_obj, 9, "dobj", "NNS", "NOUN", cause_obj)] if cause_obj != "it" else []),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]


# "Because the river rose, the city council quickly closed the bridge."
FRONTED = [
    ("Because", 3, "mark", "IN", "SCONJ", "because"),
    ("the", 2, "det", "DT", "DET", "the"),
    ("river", 3, "nsubj", "NN", "NOUN", "river"),
    ("rose", 8, "advcl", "VBD", "VERB", "rise"),
    (",", 8, "punct", ",", "PUNCT", ","),
    ("the", 6, "det", "DT", "DET", "the"),
    ("city council", 8, "nsubj", "NN", "NOUN", "council"),
    ("quickly", 8, "advmod", "RB", "ADV", "quickly"),
    ("closed", 8, "ROOT", "VBD", "VERB", "close"),
    ("the", 10, "det", "DT", "DET", "the"),
    ("bridge", 8, "dobj", "NN", "NOUN", "bridge"),
    (".", 8, "punct", ".", "PUNCT", "."),
]


def test_a_cause_clause_before_the_subject_keys_a_why():
    assert questions((FRONTED, []))["why-cause"] == (
        "Why did the city council quickly close the bridge?",
        "because the river rose",
    )


# "Because the Moon will be | more distant, eclipses will be rare.": the parse gave 'more
# distant' to the main verb, so the cause clause would be cut
SPLIT = [
    ("Because", 4, "mark", "IN", "SCONJ", "because"),
    ("the", 2, "det", "DT", "DET", "the"),
    ("Moon", 4, "nsubj", "NNP", "PROPN", "Moon"),
    ("will", 4, "aux", "MD", "AUX", "will"),
    ("be", 11, "advcl", "VB", "AUX", "be"),
    ("more", 6, "advmod", "RBR", "ADV", "more"),
    ("distant", 11, "amod", "JJ", "ADJ", "distant"),
    (",", 11, "punct", ",", "PUNCT", ","),
    ("total", 9, "amod", "JJ", "ADJ", "total"),
    ("eclipses", 11, "nsubj", "NNS", "NOUN", "eclipse"),
    ("will", 11, "aux", "MD", "AUX", "will"),
    ("be", 11, "ROOT", "VB", "AUX", "be"),
    ("rare", 11, "acomp", "JJ", "ADJ", "rare"),
    (".", 11, "punct", ".", "PUNCT", "."),
]


def test_a_cause_clause_the_parse_split_is_not_a_key():
    found = questions((SPLIT, []))
    assert "why-cause" not in found
    assert all("because" not in answer for _, answer in found.values())


# "The Sichuan quake was not part of the series because a different fault caused it."
NEGATED = [
    ("The", 1, "det", "DT", "DET", "the"),
    ("Sichuan quake", 2, "nsubj", "NN", "NOUN", "quake"),
    ("was", 2, "ROOT", "VBD", "AUX", "be"),
    ("not", 2, "neg", "RB", "PART", "not"),
    ("part", 2, "attr", "NN", "NOUN", "part"),
    ("of", 4, "prep", "IN", "ADP", "of"),
    ("the", 7, "det", "DT", "DET", "the"),
    ("series", 5, "pobj", "NN", "NOUN", "series"),
    ("because", 12, "mark", "IN", "SCONJ", "because"),
    ("a", 11, "det", "DT", "DET", "a"),
    ("different", 11, "amod", "JJ", "ADJ", "different"),
    ("fault", 12, "nsubj", "NN", "NOUN", "fault"),
    ("caused", 2, "advcl", "VBD", "VERB", "cause"),
    ("it", 12, "dobj", "PRP", "PRON", "it"),
    (".", 2, "punct", ".", "PUNCT", "."),
]


def test_why_keeps_the_negation_of_a_copula():
    found = questions((NEGATED, []))
    assert found["why-cause"] == (
        "Why was the Sichuan quake not part of the series?",
        "because a different fault caused it",
    )
    assert "what-object" not in found  # what a thing is not is still not asked


# "Forces bombed the outposts in retaliation for a rocket attack last week.": 'last week'
# may be the attack's or the bombing's
TRAILED = [
    ("Forces", 1, "nsubj", "NNS", "NOUN", "force"),
    ("bombed", 1, "ROOT", "VBD", "VERB", "bomb"),
    ("the", 3, "det", "DT", "DET", "the"),
    ("outposts", 1, "dobj", "NNS", "NOUN", "outpost"),
    ("in", 1, "prep", "IN", "ADP", "in"),
    ("retaliation", 4, "pobj", "NN", "NOUN", "retaliation"),
    ("for", 5, "prep", "IN", "ADP", "for"),
    ("a", 8, "det", "DT", "DET", "a"),
    ("rocket attack", 6, "pobj", "NN", "NOUN", "attack"),
    ("last", 10, "amod", "JJ", "ADJ", "last"),
    ("week", 1, "npadvmod", "NN", "NOUN", "week"),
    (".", 1, "punct", ".", "PUNCT", "."),
]


def test_a_cause_another_phrase_follows_is_not_asked():
    assert "why-cause" not in questions((TRAILED, []))
    untrailed = [*TRAILED[:9], TRAILED[-1]]
    untrailed[-1] = (".", 1, "punct", ".", "PUNCT", ".")
    assert questions((untrailed, []))["why-cause"] == (
        "Why did forces bomb the outposts?",
        "in retaliation for a rocket attack",
    )


# "Different traditions of land use (also) led to a series of wars."
def _led(*, also=False):
    rows = [
        ("Different", 1, "amod", "JJ", "ADJ", "different"),
        ("traditions", 6, "nsubj", "NNS", "NOUN", "tradition"),
        ("of", 1, "prep", "IN", "ADP", "of"),
        ("land", 4, "compound", "NN", "NOUN", "land"),
        ("use", 2, "pobj", "NN", "NOUN", "use"),
        ("also", 6, "advmod", "RB", "ADV", "also"),
        ("led", 6, "ROOT", "VBD", "VERB", "lead"),
        ("to", 6, "prep", "IN", "ADP", "to"),
        ("a", 9, "det", "DT", "DET", "a"),
        ("series", 7, "pobj", "NN", "NOUN", "series"),
        ("of", 9, "prep", "IN", "ADP", "of"),
        ("wars", 10, "pobj", "NNS", "NOUN", "war"),
        (".", 6, "punct", ".", "PUNCT", "."),
    ]
    if also:
        return rows
    return [
        (w, h - (h > 5), d, t, p, lemma) for n, (w, h, d, t, p, lemma) in enumerate(rows) if n != 5
    ]


def test_what_caused_asks_for_the_subject_of_a_causing_verb():
    assert questions((_led(), []))["what-caused"] == (
        "What led to a series of wars?",
        "different traditions of land use",
    )
    # 'also led to': the passage gives the wars another cause
    assert "what-caused" not in questions((_led(also=True), []))


def _led_to_do(subject: list[tuple]) -> list[tuple]:
    """'<subject> led the UK to appoint its first Resident.' (the subject's rows hang from
    their own first token, which hangs from index ``len(subject)``, the verb)."""
    n = len(subject)
    return [
        *subject,
        ("led", n, "ROOT", "VBD", "VERB", "lead"),
        ("the", n + 2, "det", "DT", "DET", "the"),
        ("UK", n, "dobj", "NNP", "PROPN", "UK"),
        ("to", n + 4, "aux", "TO", "PART", "to"),
        ("appoint", n, "xcomp", "VB", "VERB", "appoint"),
        ("its", n + 7, "poss", "PRP$", "PRON", "its"),
        ("first", n + 7, "amod", "JJ", "ADJ", "first"),
        ("Resident", n + 4, "dobj", "NN", "NOUN", "resident"),
        (".", n, "punct", ".", "PUNCT", "."),
    ]


def test_what_led_someone_to_do_something_asks_for_the_cause():
    """'Fears of war led the UK to appoint its first Resident.' -> 'What led the UK to
    appoint its first Resident?' (the UK's own, 'its'); a person who leads is no cause."""
    fears = [
        ("Fears", 3, "nsubj", "NNS", "NOUN", "fear"),
        ("of", 0, "prep", "IN", "ADP", "of"),
        ("war", 1, "pobj", "NN", "NOUN", "war"),
    ]
    assert questions((_led_to_do(fears), [(4, 5, "GPE")]))["what-caused"] == (
        "What led the UK to appoint its first Resident?",
        "fears of war",
    )
    guide = [("The", 1, "det", "DT", "DET", "the"), ("guide", 2, "nsubj", "NN", "NOUN", "guide")]
    assert "what-caused" not in questions((_led_to_do(guide), [(3, 4, "GPE")]))


PARAGRAPHS = [
    _because(
        "council", ("closed", "close"), "bridge", "floods", ("weakened", "weaken"), "supports"
    ),
    _because(
        "farmers",
        ("sold", "sell"),
        "cattle",
        "droughts",
        ("ruined", "ruin"),
        "pastures",
        mark="since",
    ),
    _because(
        "school", ("cancelled", "cancel"), "classes", "storms", ("damaged", "damage"), "roofs"
    ),
    _because("miners", ("left", "leave"), "mine", "waters", ("flooded", "flood"), "it"),
    _because(
        "council", ("closed", "close"), "bridge", "engineers", ("demanded", "demand"), "repairs"
    ),
    _because("bakers", ("raised", "raise"), "prices", "costs", ("doubled", "double"), "bills"),
]


def _options(paragraphs):
    _, _, analysis, _ = read(*[(rows, []) for rows in paragraphs])
    key = "because the floods had weakened the supports"
    options = distract.wrong_options(key, Label.CAUSE, analysis, None, random.Random(1), [])
    return key, options


def test_the_options_of_a_why_are_other_causes_in_the_keys_form():
    key, options = _options(PARAGRAPHS)
    texts = sorted(o.text for o in options)
    assert texts == [
        "because the costs had doubled the bills",
        "because the droughts had ruined the pastures",  # 'since' given the key's lead
        "because the storms had damaged the roofs",
    ]
    # not the engineers: the passage gives them as a cause of the bridge's closing too;
    # not the waters that 'flooded it': the 'it' only its own sentence explains
    assert all(o.source == "another cause in the passage" for o in options)


def test_fewer_than_three_other_causes_leave_too_few_options():
    _, options = _options(PARAGRAPHS[:2] + PARAGRAPHS[3:5])
    assert [o.text for o in options] == ["because the droughts had ruined the pastures"]


def test_a_key_of_another_form_takes_no_cause_clauses():
    _, _, analysis, _ = read(*[(rows, []) for rows in PARAGRAPHS])
    rng = random.Random(1)
    assert (
        distract.wrong_options("by flooding the fields", Label.MEANS, analysis, None, rng, []) == []
    )
    # a key the passage's clauses do not give (the sentence before a 'Therefore'): none
    assert distract.reason_options("because the sky fell", "CAUSE", analysis, rng, [], 3) == []


def _to_purpose(verb, obj, purpose_verb, purpose_obj, *, before=None, after=None):
    """'The city council {verb} the {obj} [before] to {purpose_verb} the {purpose_obj}
    [in after].'"""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("city council", 2, "nsubj", "NN", "NOUN", "council"),
        (verb[0], 2, "ROOT", "VBD", "VERB", verb[1]),
        ("the", 4, "det", "DT", "DET", "the"),
        (obj, 2, "dobj", "NN", "NOUN", obj),
    ]
    if before:  # hung on the main verb, as the parse often hangs it
        rows.append((before, 2, "advmod", "RB", "ADV", before))
    to = len(rows)
    rows += [
        ("to", to + 1, "aux", "TO", "PART", "to"),
        (purpose_verb[0], 2, "advcl", "VB", "VERB", purpose_verb[1]),
        ("the", to + 3, "det", "DT", "DET", "the"),
        (purpose_obj, to + 1, "dobj", "NN", "NOUN", purpose_obj),
    ]
    if after:
        rows += [
            ("in", 2, "prep", "IN", "ADP", "in"),
            (after, len(rows), "pobj", "NNP", "PROPN", after),
        ]
    rows.append((".", 2, "punct", ".", "PUNCT", "."))
    return rows


def test_an_infinitive_of_purpose_after_the_verb_keys_a_why():
    # 'The city council closed the bridge to protect the town.'
    found = questions(
        (_to_purpose(("closed", "close"), "bridge", ("protect", "protect"), "town"), [])
    )
    assert found["why-purpose"] == (
        "Why did the city council close the bridge?",
        "to protect the town",
    )
    # the purpose is asked by the why question alone, never carried in another stem
    assert all("protect" not in stem for key, (stem, _) in found.items() if key != "why-purpose")


def test_an_infinitive_that_tells_what_came_next_is_no_purpose():
    # 'The city council opened the bridge only to close the road.': what followed, not what for
    rows = _to_purpose(("opened", "open"), "bridge", ("close", "close"), "road", before="only")
    assert "why-purpose" not in questions((rows, []))


def test_an_infinitive_that_the_object_does_is_no_purpose():
    # 'The city council trained the staff to answer the phone.': the staff answer it
    rows = _to_purpose(("trained", "train"), "staff", ("answer", "answer"), "phone")
    assert "why-purpose" not in questions((rows, []))


def test_a_purpose_followed_by_words_it_may_hold_is_not_a_key():
    # 'The city council closed the bridge to protect the town in May.': the closing's May or the
    # protecting's? the key would be cut short or the stem say what the passage does not
    rows = _to_purpose(("closed", "close"), "bridge", ("protect", "protect"), "town", after="May")
    assert "why-purpose" not in questions((rows, []))


def test_an_infinitive_that_completes_a_ranked_noun_is_no_purpose_nor_left_out():
    # 'The city council became the first council to ban the cars.': no 'Why did the council
    # become the first council?', and no stem that leaves 'to ban the cars' out
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("city council", 2, "nsubj", "NN", "NOUN", "council"),
        ("became", 2, "ROOT", "VBD", "VERB", "become"),
        ("the", 5, "det", "DT", "DET", "the"),
        ("first", 5, "amod", "JJ", "ADJ", "first"),
        ("council", 2, "attr", "NN", "NOUN", "council"),
        ("to", 7, "aux", "TO", "PART", "to"),
        ("ban", 2, "advcl", "VB", "VERB", "ban"),
        ("the", 9, "det", "DT", "DET", "the"),
        ("cars", 7, "dobj", "NNS", "NOUN", "car"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    found = questions((rows, []))
    assert "why-purpose" not in found
    assert not any(stem.endswith("first council?") for stem, _ in found.values())
    rows[4] = ("new", 5, "amod", "JJ", "ADJ", "new")  # 'became the new council to ban …'
    assert questions((rows, []))["why-purpose"][1] == "to ban the cars"


def test_no_why_of_what_happens_so_often():
    # 'The city council closed the bridge twice to protect the town.': 'Why did the council
    # close the bridge twice?' asks why twice, which 'to protect the town' does not answer
    rows = _to_purpose(
        ("closed", "close"), "bridge", ("protect", "protect"), "town", before="twice"
    )
    assert "why-purpose" not in questions((rows, []))
    rows = _to_purpose(("closed", "close"), "bridge", ("protect", "protect"), "town", before="fast")
    assert questions((rows, []))["why-purpose"][1] == "to protect the town"
