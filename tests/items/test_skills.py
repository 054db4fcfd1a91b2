"""Reading-skill items on hand-built Docs: glosses, events, and Part B sentences (no model)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from docs import make_doc

from quizgen.items import skills
from quizgen.quiz.model import Evidence, Item, Kind, Skill, short_part_b_prompt
from quizgen.text.analysis import analyze
from quizgen.text.extract import clauses

# "A casserole is a dish that cooks slowly."
DEFINITION = [
    ("A", 1, "det", "DT", "DET", "a"),
    ("casserole", 2, "nsubj", "NN", "NOUN", "casserole"),
    ("is", 2, "ROOT", "VBZ", "AUX", "be"),
    ("a", 4, "det", "DT", "DET", "a"),
    ("dish", 2, "attr", "NN", "NOUN", "dish"),
    ("that", 6, "nsubj", "WDT", "PRON", "that"),
    ("cooks", 4, "relcl", "VBZ", "VERB", "cook"),
    ("slowly", 6, "advmod", "RB", "ADV", "slowly"),
    (".", 2, "punct", ".", "PUNCT", "."),
]

# "They built a long road called a turnpike."
CALLED = [
    ("They", 1, "nsubj", "PRP", "PRON", "they"),
    ("built", 1, "ROOT", "VBD", "VERB", "build"),
    ("a", 4, "det", "DT", "DET", "a"),
    ("long", 4, "amod", "JJ", "ADJ", "long"),
    ("road", 1, "dobj", "NN", "NOUN", "road"),
    ("called", 4, "acl", "VBN", "VERB", "call"),
    ("a", 7, "det", "DT", "DET", "a"),
    ("turnpike", 5, "oprd", "NN", "NOUN", "turnpike"),
    (".", 1, "punct", ".", "PUNCT", "."),
]

# "In 1886, workers founded the club."
DATED = [
    ("In", 4, "prep", "IN", "ADP", "in"),
    ("1886", 0, "pobj", "CD", "NUM", "1886"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("workers", 4, "nsubj", "NNS", "NOUN", "worker"),
    ("founded", 4, "ROOT", "VBD", "VERB", "found"),
    ("the", 6, "det", "DT", "DET", "the"),
    ("club", 4, "dobj", "NN", "NOUN", "club"),
    (".", 4, "punct", ".", "PUNCT", "."),
]


def _gloss(rows):
    doc = make_doc(rows)
    return list(skills.glosses_in(doc[:], 0))


def test_a_definition_sentence_explains_its_subject():
    (gloss,) = _gloss(DEFINITION)
    assert (gloss.term, gloss.meaning, gloss.how) == (
        "casserole",
        "a dish that cooks slowly",
        "definition",
    )


def test_called_names_the_phrase_before_it():
    (gloss,) = _gloss(CALLED)
    assert (gloss.term, gloss.meaning, gloss.how) == ("turnpike", "a long road", "called")


def test_a_past_description_is_no_definition():
    rows = [r if r[0] != "is" else ("was", 2, "ROOT", "VBD", "AUX", "be") for r in DEFINITION]
    assert _gloss(rows) == []


def test_vocabulary_item_keys_the_passage_meaning_and_asks_by_paragraph():
    glosses = _gloss(DEFINITION) + _gloss(CALLED)
    items = skills.vocabulary_items(
        glosses, lambda g: ["a big house", "a wooden bowl", "a red car"], random.Random(1), 2
    )
    assert [i.prompt for i in items][
        0
    ] == "As used in paragraph 1, what does \u201ccasserole\u201d mean?"
    assert all(i.skill is Skill.VOCABULARY and i.answer in i.options for i in items)
    assert "a long road" in items[0].options  # the other word's meaning is a wrong option
    # options of another kind than the meaning (a lake for a dish) are struck at once
    lake = skills.vocabulary_items(
        _gloss(DEFINITION), lambda g: ["a big house", "a quiet lake", "a red car"], random.Random(1)
    )
    assert lake == []


def test_a_dated_event_loses_its_date_and_keeps_its_year():
    doc = make_doc(DATED, ents=[(1, 2, "DATE")])
    analysis = analyze([doc])
    (clause,) = list(clauses(doc[:], 0, analysis))
    assert skills.event_text(clause) == "Workers founded the club"
    assert skills._date_of(clause)[0] == 1886


def test_a_year_hung_on_the_noun_at_the_end_of_a_phrase_is_the_clauses_own():
    """'The boroughs were merged into one city in 1898': the parse hangs 'in 1898' on
    'city'; it dates the merging, and the event keeps only 'into one city'."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("boroughs", 3, "nsubjpass", "NNS", "NOUN", "borough"),
        ("were", 3, "auxpass", "VBD", "AUX", "be"),
        ("merged", 3, "ROOT", "VBN", "VERB", "merge"),
        ("into", 3, "prep", "IN", "ADP", "into"),
        ("one", 6, "nummod", "CD", "NUM", "one"),
        ("city", 4, "pobj", "NN", "NOUN", "city"),
        ("in", 6, "prep", "IN", "ADP", "in"),
        ("1898", 7, "pobj", "CD", "NUM", "1898"),
        (".", 3, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows, ents=[(8, 9, "DATE")])
    (clause,) = list(clauses(doc[:], 0, analyze([doc])))
    assert skills._date_of(clause)[0] == 1898
    assert skills.event_text(clause, dated=True) == "The boroughs were merged into one city"


def test_events_spread_keeps_first_and_last():
    made = [skills.Event(f"Event {n} happened here", 0, None) for n in range(10)]
    spread = skills._spread(made)
    assert len(spread) == skills.MAX_EVENTS
    assert spread[0] is made[0] and spread[-1] is made[-1]


def _ref(n, text):
    return skills.SentenceRef(n, text, frozenset(skills._content_words(text)))


def test_part_b_quotes_the_proof_and_sentences_that_do_not_name_the_key():
    sentences = [
        _ref(0, "In 1858, the river flood reached the great lake."),
        _ref(0, "Farmers in the valley grew wheat and barley."),
        _ref(1, "In 1858, John Speke reached the great lake."),
        _ref(1, "The valley lies far from the lake and the river."),
        _ref(2, "Speke wrote about the valley in his journal."),
        _ref(2, "In 1858, boats of grain reached the great lake from the sea."),
        _ref(3, "By 1858, the railway had reached the great lake shore."),
        _ref(3, "Fishermen on the great lake caught fish."),
    ]
    part_a = Item(
        id="q3",
        kind=Kind.MULTIPLE_CHOICE,
        prompt="Who reached the great lake in 1858?",
        answer="John Speke",
        options=("John Speke", "Richard Burton", "Samuel Baker", "David Livingstone"),
        evidence=Evidence(2, "In 1858, John Speke reached the great lake."),
        skill=Skill.DETAIL,
    )
    b = skills.part_b(part_a, sentences)
    assert b is not None and b.refers_to == "q3" and b.skill is Skill.EVIDENCE
    assert b.answer == "In 1858, John Speke reached the great lake."
    assert b.prompt.endswith(
        "in 1858?\u201d Which sentence from the passage best supports your answer to it?"
    )
    assert short_part_b_prompt(b.prompt, "q3").endswith("to Part A, question q3?")
    # a short-answer Part A has its Part B too
    short = skills.part_b(replace(part_a, kind=Kind.SHORT_ANSWER, options=()), sentences)
    assert short is not None and short.answer == b.answer
    wrong = [o for o in b.options if o != b.answer]
    assert len(wrong) == 3
    assert not any("Speke" in o for o in wrong)  # none names the key, so none proves it
    # the sentences beside the key are its context and are never options
    assert "Farmers in the valley grew wheat and barley." not in b.options
    assert "The valley lies far from the lake and the river." not in b.options


def _short_answer_part_a(**changes):
    fields = dict(
        id="q2",
        kind=Kind.SHORT_ANSWER,
        prompt="Why did the council close the old bridge?",
        answer="because floods had weakened it",
        evidence=Evidence(2, "The council closed the old bridge because floods had weakened it."),
        skill=Skill.CAUSE,
    )
    fields.update(changes)
    return Item(**fields)


BRIDGE = [
    _ref(0, "The old bridge over the river was built by the council in 1820."),
    _ref(0, "Farmers crossed the river there to reach the market."),
    _ref(1, "The council closed the old bridge because floods had weakened it."),
    _ref(1, "Engineers came from the city to look at the damage."),
    _ref(2, "The council met every month beside the old town bridge."),
    _ref(2, "A new bridge for the old council hall was planned for spring."),
    _ref(3, "But the council closed the road to the old mill as well."),
    _ref(3, "It was old."),
    _ref(3, "This bridge was the oldest one in the whole county."),
    _ref(4, "Children walked to school along the river path."),
    _ref(4, "Long ago the council closed the old ferry across the river to the fields."),
]


def test_part_b_follows_a_short_answer_part_a():
    b = skills.part_b(_short_answer_part_a(), BRIDGE)
    assert b is not None and b.kind is Kind.MULTIPLE_CHOICE and b.refers_to == "q2"
    assert b.answer == "The council closed the old bridge because floods had weakened it."
    assert b.prompt.startswith("Part B: Part A asked, \u201cWhy")
    wrong = [o for o in b.options if o != b.answer]
    assert len(wrong) == 3
    for option in wrong:  # whole sentences that read on their own and share the stem's words
        assert skills.reads_alone(option)
        assert skills._content_words(option) & {"council", "closed", "close", "bridge", "old"}
        assert "floods" not in option and "weakened" not in option  # none proves the key
    assert "But the council closed the road to the old mill as well." not in b.options
    assert "This bridge was the oldest one in the whole county." not in b.options


def test_part_b_is_no_word_match():
    """A key sentence that alone holds one of the question's words ('closed', in any form)
    is found by matching words: no Part B. A multiple-choice Part A's wrong options name
    the sentences offered first."""
    assert skills.part_b(_short_answer_part_a(), BRIDGE[:-1]) is None
    part_a = _short_answer_part_a(
        kind=Kind.MULTIPLE_CHOICE,
        prompt="Who closed the old bridge?",
        answer="the council",
        options=("the engineers", "the council", "the farmers", "the children"),
        evidence=Evidence(2, "The council closed the old bridge because floods had weakened it."),
    )
    sentences = [
        _ref(0, "The engineers closed the old bridge road for a week in 1820."),
        _ref(0, "Farmers crossed the river there to reach the market."),
        _ref(1, "The council closed the old bridge because floods had weakened it."),
        _ref(1, "Engineers came from the city to look at the damage."),
        _ref(2, "Farmers closed the old gates beside the bridge every night."),
        _ref(3, "A new bridge for the old town hall was closed in spring."),
        _ref(4, "The children closed the old bridge gate on their way to school."),
        _ref(5, "Traders closed the old bridge market when the rain came down."),
    ]
    b = skills.part_b(part_a, sentences)
    assert b is not None
    assert "Traders closed the old bridge market when the rain came down." not in b.options
    assert "The children closed the old bridge gate on their way to school." in b.options


def test_part_b_needs_the_key_in_its_one_sentence():
    # the key is worded in another sentence: the one sentence does not prove it
    part_a = _short_answer_part_a(answer="because the river rose")
    assert skills.part_b(part_a, BRIDGE) is None
    # a true/false statement is no Part A
    assert skills.part_b(_short_answer_part_a(kind=Kind.TRUE_FALSE, answer=True), BRIDGE) is None


@pytest.mark.parametrize(
    ("text", "alone"),
    [
        ("The council met every month in the town hall.", True),
        ("He crossed the river to reach the market.", True),  # who he is shows in the passage
        ("But the council closed the road as well.", False),
        ("This bridge was the oldest in the county.", False),
        ("It was old and narrow and cold.", False),
        ("It was old.", False),
        ("the council met in the town hall", False),
    ],
)
def test_a_wrong_sentence_reads_on_its_own(text, alone):
    assert skills.reads_alone(text) is alone


def test_no_part_b_whose_key_sentence_is_found_by_matching_the_question():
    # the wrong sentences share one of the question's words; the key shares three
    sentences = [
        _ref(0, "The river ran past the town for many miles."),
        _ref(0, "Farmers crossed the river there to reach the market."),
        _ref(1, "The council closed the old bridge because floods had weakened it."),
        _ref(1, "Engineers came from the city to look at the damage."),
        _ref(2, "The council met every month in the town hall."),
        _ref(3, "A new bridge was planned for the spring of the next year."),
        _ref(4, "The old mill stood empty for many long years."),
    ]
    assert skills.part_b(_short_answer_part_a(), sentences) is None


# "The shrewd miller laughed merrily at a muffled sound."
TIER_TWO = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("shrewd", 2, "amod", "JJ", "ADJ", "shrewd"),
    ("miller", 3, "nsubj", "NN", "NOUN", "miller"),
    ("laughed", 3, "ROOT", "VBD", "VERB", "laugh"),
    ("merrily", 3, "advmod", "RB", "ADV", "merrily"),
    ("at", 3, "prep", "IN", "ADP", "at"),
    ("a", 8, "det", "DT", "DET", "a"),
    ("muffled", 8, "amod", "VBN", "VERB", "muffle"),
    ("sound", 5, "pobj", "NN", "NOUN", "sound"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def _tier_two(explained=frozenset()):
    doc = make_doc(TIER_TWO)
    return skills.tier_two(analyze([doc]), (doc.text,), explained)


def test_tier_two_words_get_their_dictionary_meaning():
    from quizgen.text import lexicon

    found = _tier_two()
    # the rarer word in English first ('merrily' is met less often than 'shrewd'); a
    # participle used as an adjective ('a muffled sound') has the adjective's sense, not the
    # verb's: not asked
    assert lexicon.meanings()[("merrily", "r")].zipf < lexicon.meanings()[("shrewd", "a")].zipf
    assert [w.gloss.term for w in found] == ["merrily", "shrewd"]
    assert found[1].meaning == lexicon.meanings()[("shrewd", "a")]
    assert found[1].gloss.evidence.sentence.startswith("The shrewd miller")
    # a word the passage explains is asked from its own explanation, not the dictionary's
    assert [w.gloss.term for w in _tier_two(frozenset({"merrily"}))] == ["shrewd"]


def test_tier_two_item_offers_other_words_meanings_of_its_part_of_speech():
    from quizgen.text import lexicon

    found = _tier_two(frozenset({"merrily"}))
    [item] = skills.tier_two_items(found, random.Random(3), 1)
    assert item.kind is Kind.MULTIPLE_CHOICE and item.skill is Skill.VOCABULARY
    assert item.prompt == "As used in paragraph 1, what does \u201cshrewd\u201d mean?"
    assert item.answer == lexicon.meanings()[("shrewd", "a")].definition
    assert len(item.options) == 4 and item.answer in item.options
    by_definition = {m.definition: m for m in lexicon.meanings().values()}
    key_words = skills._meaning_words(item.answer)
    for option in item.options:
        meaning = by_definition[option]
        assert meaning.pos == "a"  # an adjective's meaning beside an adjective's
        if option != item.answer:
            assert meaning.synset != found[0].meaning.synset  # never a synonym's
            assert not skills._meaning_words(option) & key_words
    # the same seed gives the same item
    assert skills.tier_two_items(_tier_two(frozenset({"merrily"})), random.Random(3), 1) == [item]


def test_gloss_table_rows_are_plain_meanings():
    from quizgen.text import gloss_table, lexicon

    table = lexicon.meanings()
    assert len(table) > 1000
    for meaning in table.values():
        assert meaning.pos in {"a", "v", "r"}
        assert gloss_table.TAGGED[0] <= meaning.tagged <= gloss_table.TAGGED[1]
        assert gloss_table._plain(meaning.definition)
        assert not gloss_table._gives_away(meaning.lemma, meaning.definition)
    # no everyday word in either table, whatever the sense-tagged texts say ('global')
    assert all(m.zipf < gloss_table.EVERYDAY_ZIPF for m in table.values())
    assert all(w.zipf < gloss_table.EVERYDAY_ZIPF for w in lexicon.book_words().values())
    assert ("global", "a") not in lexicon.book_words()
    # a word one of whose senses is defined much alike could be defended as the answer
    # ('devote': set aside or apart for a specific purpose); an antonym, defined by what it
    # lacks, could not ('careless' beside 'cautious')
    assert "devote" in table[("allocate", "v")].said_alike
    # 'modify' is tagged mostly 'make less severe', but it is also in the synset of 'change',
    # which the texts have far more often: readers know it as that, no question of its meaning
    assert ("modify", "v") not in table
    assert "careless" not in table[("cautious", "a")].said_alike
    assert gloss_table._gives_away("wisely", "in a wise manner")
    assert gloss_table._gives_away("gaily", "in a gay manner")
    assert gloss_table._gives_away("undeveloped", "not developed")
    assert gloss_table._gives_away("imperfectly", "in an imperfect or faulty way")
    assert gloss_table._gives_away("selfish", "concerned chiefly with yourself")
    assert gloss_table._gives_away("focal", "having or localized centrally at a focus")
    assert gloss_table._gives_away("portable", "easily or conveniently transported")
    assert gloss_table._gives_away("winless", "having no wins")
    assert gloss_table._gives_away("reaffirm", "affirm once again")
    assert gloss_table._gives_away("rename", "assign a new name to")
    assert not gloss_table._gives_away("remark", "make mention of")
    assert gloss_table._gives_away("correlate", "to bear a reciprocal or mutual relation")
    assert gloss_table._gives_away("misjudge", "judge incorrectly")
    assert not gloss_table._gives_away(
        "intermittent", "stopping and starting at irregular intervals"
    )
    assert not gloss_table._gives_away("shrewd", "marked by practical hardheaded intelligence")
    assert not gloss_table._plain("(Southern regional intensive) very; to a great degree")


def _ran(name: list[str]) -> list[tuple]:
    """'{name} ran.' with the name's words as one person."""
    words = [(w, len(name) - 1, "compound", "NNP", "PROPN", w) for w in name[:-1]]
    return [
        *words,
        (name[-1], len(name), "nsubj", "NNP", "PROPN", name[-1]),
        ("ran", len(name), "ROOT", "VBD", "VERB", "run"),
        (".", len(name), "punct", ".", "PUNCT", "."),
    ]


def test_the_main_person_goes_by_every_name_a_longer_name_joins():
    # a life that calls its subject 'Fryderyk' and 'Chopin', both in 'Fryderyk Franciszek
    # Chopin', and names his father 'Nicolas Chopin': the main person is the first two only
    names = [["Fryderyk"]] * 3 + [["Chopin"]] * 2 + [["Fryderyk", "Franciszek", "Chopin"]]
    names += [["Nicolas", "Chopin"]]
    docs = [make_doc(_ran(n), [(0, len(n), "PERSON")]) for n in names]
    main = skills._main_person(analyze(docs))
    assert {"fryderyk", "chopin", "fryderyk franciszek chopin"} <= main
    assert "nicolas chopin" not in main


# "The shrewd miller was greedy, clever and fond of the arrogant king."
WHICH_WORD = [
    ("The", 2, "det", "DT", "DET", "the"),
    ("shrewd", 2, "amod", "JJ", "ADJ", "shrewd"),
    ("miller", 3, "nsubj", "NN", "NOUN", "miller"),
    ("was", 3, "ROOT", "VBD", "AUX", "be"),
    ("greedy", 3, "acomp", "JJ", "ADJ", "greedy"),
    (",", 4, "punct", ",", "PUNCT", ","),
    ("clever", 4, "conj", "JJ", "ADJ", "clever"),
    ("and", 6, "cc", "CC", "CCONJ", "and"),
    ("fond", 6, "conj", "JJ", "ADJ", "fond"),
    ("of", 8, "prep", "IN", "ADP", "of"),
    ("the", 12, "det", "DT", "DET", "the"),
    ("arrogant", 12, "amod", "JJ", "ADJ", "arrogant"),
    ("king", 9, "pobj", "NN", "NOUN", "king"),
    (".", 3, "punct", ".", "PUNCT", "."),
]


def test_which_word_offers_the_passages_other_words_that_cannot_mean_the_same():
    from quizgen.text import lexicon

    doc = make_doc(WHICH_WORD)
    analysis, paragraphs = analyze([doc]), (doc.text,)
    found = skills.tier_two(analysis, paragraphs)
    assert found[0].gloss.term == "shrewd"
    # 'clever' is in the cluster of 'smart' with 'shrewd': a second right answer, not offered
    assert lexicon.meanings()[("shrewd", "a")].could_mean(
        lexicon.book_words()[("clever", "a")].senses
    )
    assert sorted(
        skills.which_word_options(found[0], skills.passage_words(analysis, paragraphs))
    ) == [
        ("arrogant", "paragraph 1"),
        ("fond", "paragraph 1"),
        ("greedy", "paragraph 1"),
    ]
    [item] = skills.which_word_items(
        found, skills.passage_words(analysis, paragraphs), random.Random(3), 1
    )
    meaning = lexicon.meanings()[("shrewd", "a")].definition
    assert item.prompt == f"Which word from the passage means \u201c{meaning}\u201d?"
    assert item.answer == "shrewd" and sorted(item.options) == [
        "arrogant",
        "fond",
        "greedy",
        "shrewd",
    ]
    assert item.skill is Skill.VOCABULARY and item.kind is Kind.MULTIPLE_CHOICE
    assert dict(item.sources) == {w: "paragraph 1" for w in ("arrogant", "fond", "greedy")}
    # the key stands in its evidence sentence, as the quiz contract asks of every key
    assert "shrewd" in item.evidence.sentence
    # with 'old' for 'arrogant' there is no item: an everyday word is no option, and an item
    # short of three is never padded
    rows = [
        r if r[0] != "arrogant" else ("old", 12, "amod", "JJ", "ADJ", "old") for r in WHICH_WORD
    ]
    short = make_doc(rows)
    analysis, paragraphs = analyze([short]), (short.text,)
    # the word nearest the key in frequency first (Zipf: shrewd 3.11, greedy 3.75, fond 3.89)
    assert [
        w
        for w, _ in skills.which_word_options(found[0], skills.passage_words(analysis, paragraphs))
    ] == [
        "greedy",
        "fond",
    ]
    found = skills.tier_two(analysis, paragraphs)
    assert (
        skills.which_word_items(
            found, skills.passage_words(analysis, paragraphs), random.Random(3), 1
        )
        == []
    )


def test_an_adjective_of_a_compound_noun_is_not_asked_its_own_meaning():
    # "Ann taught at an elementary school": 'elementary school' is a compound of its own
    doc = make_doc(
        [
            ("Ann", 1, "nsubj", "NNP", "PROPN", "Ann"),
            ("taught", 1, "ROOT", "VBD", "VERB", "teach"),
            ("at", 1, "prep", "IN", "ADP", "at"),
            ("an", 5, "det", "DT", "DET", "an"),
            ("elementary", 5, "amod", "JJ", "ADJ", "elementary"),
            ("school", 2, "pobj", "NN", "NOUN", "school"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    assert skills.tier_two(analyze([doc]), (doc.text,)) == []


def test_a_word_is_said_of_a_living_thing_or_a_thing_as_the_parse_shows():
    doc = make_doc(WHICH_WORD)
    # 'the shrewd miller', 'the miller was greedy', 'the pompous king': said of people
    assert [skills._said_of_living(doc[i]) for i in (1, 4, 11)] == [True, True, True]
    ice = make_doc(
        [
            ("The", 2, "det", "DT", "DET", "the"),
            ("brittle", 2, "amod", "JJ", "ADJ", "brittle"),
            ("ice", 3, "nsubj", "NN", "NOUN", "ice"),
            ("cracked", 3, "ROOT", "VBD", "VERB", "crack"),
            ("loudly", 3, "advmod", "RB", "ADV", "loudly"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ]
    )
    assert skills._said_of_living(ice[1]) is False  # of the ice
    assert skills._said_of_living(ice[3]) is False  # the ice cracked
    assert skills._said_of_living(ice[4]) is None  # an adverb: the parse shows nothing


def test_a_word_most_students_know_is_not_asked():
    # "Ann saw an invisible line.": 'invisible' is in the table (no everyday word as an
    # option) but too common in English to be asked
    from quizgen.text import lexicon

    assert skills.KEY_MOST_ZIPF <= lexicon.meanings()[("invisible", "a")].zipf
    doc = make_doc(
        [
            ("Ann", 1, "nsubj", "NNP", "PROPN", "Ann"),
            ("saw", 1, "ROOT", "VBD", "VERB", "see"),
            ("an", 4, "det", "DT", "DET", "an"),
            ("invisible", 4, "amod", "JJ", "ADJ", "invisible"),
            ("line", 1, "dobj", "NN", "NOUN", "line"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    assert skills.tier_two(analyze([doc]), (doc.text,)) == []


def test_a_word_used_in_another_sense_than_the_tables_is_not_asked():
    # "The governor requisitioned the palace for military use.": the sentence shares
    # 'military' and 'use' with the gloss of requisition's second sense ('demand and take for
    # use or service, especially by military ... authority'), none with the first's, the
    # table's ('make a formal request for official services')
    from quizgen.text import lexicon

    meaning = lexicon.meanings()[("requisition", "v")]
    assert meaning.definition == "make a formal request for official services"
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        ("governor", 2, "nsubj", "NN", "NOUN", "governor"),
        ("requisitioned", 2, "ROOT", "VBD", "VERB", "requisition"),
        ("the", 4, "det", "DT", "DET", "the"),
        ("palace", 2, "dobj", "NN", "NOUN", "palace"),
        ("for", 2, "prep", "IN", "ADP", "for"),
        ("military", 7, "amod", "JJ", "ADJ", "military"),
        ("use", 5, "pobj", "NN", "NOUN", "use"),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    doc = make_doc(rows)
    assert skills.tier_two(analyze([doc]), (doc.text,)) == []
    # one shared word is chance: 'for official use' leaves the table's sense in place
    rows[6] = ("official", 7, "amod", "JJ", "ADJ", "official")
    doc = make_doc(rows)
    [found] = skills.tier_two(analyze([doc]), (doc.text,))
    assert found.meaning == meaning


# "Let me tell you how it happened."
LET_ME_TELL = [
    ("Let", 0, "ROOT", "VB", "VERB", "let"),
    ("me", 2, "nsubj", "PRP", "PRON", "I"),
    ("tell", 0, "ccomp", "VB", "VERB", "tell"),
    ("you", 2, "dobj", "PRP", "PRON", "you"),
    ("how", 6, "advmod", "WRB", "SCONJ", "how"),
    ("it", 6, "nsubj", "PRP", "PRON", "it"),
    ("happened", 2, "ccomp", "VBD", "VERB", "happen"),
    (".", 0, "punct", ".", "PUNCT", "."),
]


def test_a_narrator_turning_to_what_happened_before_ends_the_story_order():
    # 'Let me tell you how it happened': what follows steps back in time
    turn = make_doc(LET_ME_TELL)
    assert any(skills._turns_back(t) for t in turn)
    # 'He told her how it happened': a past telling is an event of the story, not a turn
    told = make_doc(
        [
            ("He", 1, "nsubj", "PRP", "PRON", "he"),
            ("told", 1, "ROOT", "VBD", "VERB", "tell"),
            ("her", 1, "dobj", "PRP", "PRON", "she"),
            ("how", 5, "advmod", "WRB", "SCONJ", "how"),
            ("it", 5, "nsubj", "PRP", "PRON", "it"),
            ("happened", 1, "ccomp", "VBD", "VERB", "happen"),
            (".", 1, "punct", ".", "PUNCT", "."),
        ]
    )
    assert not any(skills._turns_back(t) for t in told)
    # the events told before the turn are the story's order; those after it are not kept
    docs = [make_doc(DATED, ents=[(1, 2, "DATE")]) for _ in range(6)]
    events = [skills.Event(f"Event {n}", n, d[:]) for n, d in enumerate(docs)]
    assert skills._one_telling(events, [(3, 0)]) == events[:3]
    # a tale that opens with the turn is told whole, in its order
    assert skills._one_telling(events[1:], [(0, 0)]) == events[1:]
    assert skills._one_telling(events, []) == events


def test_one_word_of_a_family_among_the_options():
    from quizgen.text import lexicon

    assert skills._same_family(lexicon.word_root("redistribute"), lexicon.word_root("distribute"))
    assert skills._same_family(lexicon.word_root("unkind"), "kind")
    # a short root in a longer word is no family: 'act' in 'character'
    assert not skills._same_family("act", "character")


def test_a_word_of_the_titles_family_is_the_passages_term():
    # under 'Spontaneity', 'spontaneous' has the sense the passage gives it
    assert skills._in_title("spontaneous", "Spontaneity")
    assert not skills._in_title("shrewd", "Rumpelstiltskin")
    doc = make_doc(TIER_TWO)
    assert [
        w.gloss.term for w in skills.tier_two(analyze([doc]), (doc.text,), title="Shrewdness")
    ] == ["merrily"]
