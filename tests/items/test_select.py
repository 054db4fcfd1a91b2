"""Selection: every stem re-parsed once, in batches, and a stem that does not read well is
replaced by another item. A stand-in parser (hand-built Docs) plays the pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docs import (
    COORDINATED,
    COORDINATED_ENTS,
    FIRED,
    FIRED_ENTS,
    KILLED,
    KILLED_ENTS,
    LEADS,
    LEADS_ENTS,
    PASSIVE,
    PASSIVE_ENTS,
    make_doc,
    read,
)

from quizgen import pipeline
from quizgen.items import select, skills
from quizgen.quiz.model import Evidence, Item, Kind, Skill

GOOD_QUESTION = [
    ("Who", 1, "nsubj", "WP", "PRON", "who"),
    ("won", 1, "ROOT", "VBD", "VERB", "win"),
    ("?", 1, "punct", ".", "PUNCT", "?"),
]
GOOD_STATEMENT = [
    ("Ann", 1, "nsubj", "NNP", "PROPN", "Ann"),
    ("won", 1, "ROOT", "VBD", "VERB", "win"),
    (".", 1, "punct", ".", "PUNCT", "."),
]
NO_VERB = [
    ("Who", 1, "nsubj", "WP", "PRON", "who"),
    ("Ann", 1, "ROOT", "NNP", "PROPN", "Ann"),
    ("?", 1, "punct", ".", "PUNCT", "?"),
]


class StandIn:
    """Parses a text as a well-formed question or statement, except the texts it is told to
    parse badly; remembers every text it parsed."""

    def __init__(self, bad: set[str] = frozenset()):
        self.bad, self.parsed = bad, []

    def __call__(self, text: str):
        self.parsed.append(text)
        if text in self.bad:
            return make_doc(NO_VERB)
        return make_doc(GOOD_QUESTION if text.endswith("?") else GOOD_STATEMENT)


def passage_parts():
    return read(
        (PASSIVE, PASSIVE_ENTS),
        (FIRED, FIRED_ENTS),
        (KILLED, KILLED_ENTS),
        (LEADS, LEADS_ENTS),
        (COORDINATED, COORDINATED_ENTS),
    )


def make(parse, count=6):
    candidates, facts, analysis, passage = passage_parts()
    # the selection's own mechanics, without the learned ranker's verdicts
    config = pipeline.Config(
        count=count, kinds=(Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER), ranked=False
    )
    return select.select(candidates, facts, analysis, passage, config, parse=parse)


def test_each_stem_is_parsed_once_and_only_those_taken():
    parse = StandIn()
    items = make(parse)
    assert len(items) >= 3
    assert len(parse.parsed) == len(set(parse.parsed))
    assert sorted(parse.parsed) == sorted(i.prompt for i in items)


def test_a_stem_that_does_not_read_well_gives_way_to_another():
    first = make(StandIn())
    dropped = first[0].prompt
    parse = StandIn(bad={dropped})
    items = make(parse)
    prompts = [i.prompt for i in items]
    assert dropped not in prompts
    assert len(items) == len(first)  # another item took its place
    assert sorted(parse.parsed) == sorted([*prompts, dropped])  # each parsed once


def test_without_a_parser_nothing_is_checked():
    assert make(None)


@pytest.mark.parametrize(
    ("rows", "question", "expected"),
    [
        (GOOD_QUESTION, True, True),
        (NO_VERB, True, False),
        (GOOD_STATEMENT, False, True),
    ],
)
def test_well_formed_reads_tags_without_parts_of_speech(rows, question, expected):
    """Re-parsed stems skip the attribute ruler, so the checks must work from tags alone."""
    bare = [(w, h, d, t, "", lemma) for w, h, d, t, _, lemma in rows]
    assert select._well_formed(lambda _: make_doc(bare), [("x", question)]) == [expected]


def test_the_ledger_forgets_what_it_was_told():
    ledger = select.Ledger()
    ref = (0, 0, (0, 0, 1), "trump")
    ledger.add(ref, "Who won?")
    assert not ledger.allows(ref, "", 5, strict=False)
    ledger.remove(ref, "Who won?")
    assert ledger.allows(ref, "Who won?", 5, strict=True)
    assert not +ledger.answers and not +ledger.paragraphs


@pytest.mark.parametrize(
    ("haystack", "needle", "expected"),
    [
        ("The strike killed Soleimani.", "Soleimani", True),
        ("The strike killed Soleimani.", "soleimani.", True),  # case and end punctuation
        ("The strikes began.", "strike", False),  # not inside a longer word
        ("A 31-rocket attack", "31", True),  # a hyphen is a boundary
        ("It rose 131 metres", "31", False),
        ("Caf\u00e9 owners", "caf", True),  # as before: only ASCII letters and digits join
        ("He said \u2018no\u2019 twice", "'no'", True),  # quotes unified
        ("anything", "", False),
        ("ab ab", "ab", True),
        ("xab ab", "ab", True),  # the second occurrence counts
    ],
)
def test_contains_phrase_on_word_boundaries(haystack, needle, expected):
    from quizgen.items.quality import contains_phrase

    assert contains_phrase(haystack, needle) is expected


def test_one_answer_from_one_sentence_is_asked_once():
    """A blank and a question with the same key from one sentence: one gives the other away."""
    ledger = select.Ledger()
    ledger.add((2, 40, "blank", "george darwin"), "The details were worked out by _____.")
    assert not ledger.allows((2, 40, (2, 40, 7), "george darwin"), "", 5, strict=False)
    assert ledger.allows((2, 40, (2, 40, 7), "charles darwin"), "", 5, strict=False)


def test_a_blank_key_is_asked_once_and_printed_nowhere_else():
    """'Round about the _____ went merrily' beside another blank keyed 'wheel': the one prints
    the other's answer; a question keyed 'the Tortoise' after a blank keyed 'Tortoise' too."""
    ledger = select.Ledger()
    ledger.add((0, 10, "b1", "wheel"), "The _____ whirred.", key="wheel", kind=Kind.FILL_BLANK)
    assert not ledger.allows(
        (3, 80, "b2", "wheel"),
        "Round the _____ went.",
        5,
        strict=False,
        key="wheel",
        kind=Kind.FILL_BLANK,
    )
    assert not ledger.allows(
        (3, 80, "q", "the wheel"),
        "What went round?",
        5,
        strict=False,
        key="the wheel",
        kind=Kind.SHORT_ANSWER,
    )
    ledger.add((1, 20, "b3", "tortoise"), "said the _____.", key="Tortoise", kind=Kind.FILL_BLANK)
    assert not ledger.allows(
        (4, 90, "q2", "the tortoise"),
        "Who won?",
        5,
        strict=False,
        key="the Tortoise",
        kind=Kind.MULTIPLE_CHOICE,
    )
    assert ledger.allows(
        (4, 90, "q3", "the hare"),
        "Who slept?",
        5,
        strict=False,
        key="the Hare",
        kind=Kind.MULTIPLE_CHOICE,
    )


def test_a_date_is_the_key_of_one_item():
    """Two 'When ...?' items keyed '1817' offer each other's answer; a common noun may key two."""
    ledger = select.Ledger()
    ledger.add((0, 0, "w1", "1817"), "When did he move?", key="1817", kind=Kind.SHORT_ANSWER)
    assert not ledger.allows(
        (2, 50, "w2", "1817"),
        "When did he compose?",
        5,
        strict=False,
        key="1817",
        kind=Kind.MULTIPLE_CHOICE,
    )
    ledger.add((0, 0, "x1", "gold"), "What was spun?", key="gold", kind=Kind.SHORT_ANSWER)
    assert ledger.allows(
        (2, 50, "x2", "gold"),
        "What did she get?",
        5,
        strict=False,
        key="gold",
        kind=Kind.MULTIPLE_CHOICE,
    )


def _mix(cause_prompt=None, count=3):
    candidates, facts, analysis, passage = passage_parts()
    for c in candidates:
        if c.prompt == cause_prompt:  # the stand-in cause question: its template's skill
            c.template = replace(c.template, skill=Skill.CAUSE)
    config = pipeline.Config(
        count=count, kinds=(Kind.MULTIPLE_CHOICE, Kind.SHORT_ANSWER), ranked=False
    )
    return select.select(candidates, facts, analysis, passage, config)


def test_the_best_cause_question_has_its_place_before_the_rest_is_filled():
    weakest = "What does the Quds Force lead abroad?"  # the lowest score of the candidates
    assert weakest not in {i.prompt for i in _mix()}  # three places: better ones fill them
    items = _mix(weakest)
    assert len(items) == 3
    cause = [i for i in items if i.prompt == weakest]
    assert len(cause) == 1 and cause[0].skill is Skill.CAUSE
    # its place is one of the three, and the ledger still keeps one item a sentence
    assert len({i.evidence.sentence for i in items}) == 3


def test_a_short_answer_question_gets_its_part_b_and_part_b_names_it():
    sentences = [
        skills.SentenceRef(n, text, frozenset(skills._content_words(text)))
        for n, text in enumerate(
            [
                "The old bridge over the river was built by the council in 1820.",
                "Farmers crossed the river there to reach the market.",
                "The council closed the old bridge because floods had weakened it.",
                "Engineers came from the city to look at the damage.",
                "The council met every month beside the old town bridge.",
                "A new bridge for the old council hall was planned for spring.",
                "Long ago the council closed the old ferry across the river to the fields.",
            ]
        )
    ]
    part_a = Item(
        id="",
        kind=Kind.SHORT_ANSWER,
        prompt="Why did the council close the old bridge?",
        answer="because floods had weakened it",
        evidence=Evidence(3, "The council closed the old bridge because floods had weakened it."),
        skill=Skill.CAUSE,
    )
    detail = replace(part_a, kind=Kind.TRUE_FALSE, answer=True, skill=Skill.DETAIL)
    pairs = select.part_b_items([detail, part_a], sentences, 2)
    assert [a for a, _ in pairs] == [part_a]  # a true/false statement is no Part A
    numbered = select.number([detail, part_a], pairs)
    assert [i.id for i in numbered] == ["q1", "q2", "q3"]
    part_b = numbered[2]
    assert part_b.refers_to == "q2" and part_b.skill is Skill.EVIDENCE
    # a why question asks for the passage's reason, and Part B quotes it as it is printed
    assert (
        numbered[1].prompt == "According to the passage, why did the council close the old bridge?"
    )
    assert numbered[0].prompt == detail.prompt  # a statement is printed as it is
    assert part_b.prompt == (
        "Part B: Part A asked, \u201cAccording to the passage, why did the council close the old "
        "bridge?\u201d Which sentence from the passage best supports your answer to it?"
    )


def test_no_blank_opens_with_a_quantifier():
    from quizgen.items import variants
    from quizgen.quiz.model import Label

    candidates, facts, analysis, passage = passage_parts()
    builder = select.Builder([], analysis, passage, pipeline.Config(ranked=False))
    doc = make_doc(
        [
            ("Her", 2, "poss", "PRP$", "PRON", "her"),
            ("beautiful", 2, "amod", "JJ", "ADJ", "beautiful"),
            ("hair", 3, "nsubj", "NN", "NOUN", "hair"),
            ("fell", 3, "ROOT", "VBD", "VERB", "fall"),
            ("down", 3, "advmod", "RB", "ADV", "down"),
            (".", 3, "punct", ".", "PUNCT", "."),
        ]
    )

    def blank(answer):
        prompt = doc.text.replace(answer, "_____")
        return variants.SentenceBlank(prompt, answer, 0, doc[:], Label.TERM, None, (), 1.0)

    assert builder.sentence_blank(blank("beautiful hair")) is not None
    many = variants.SentenceBlank(
        "_____ fell down.", "Many hairs", 0, doc[:], Label.TERM, None, (), 1.0
    )
    assert builder.sentence_blank(many) is None


def test_no_question_is_asked_whose_key_is_the_passages_topic():
    candidates, facts, analysis, passage = passage_parts()
    builder = select.Builder([], analysis, passage, pipeline.Config(ranked=False))
    entries = [select.Entry(select.score(c), c, analysis, 7) for c in candidates]
    asked = [e for e in entries if builder.question(e) is not None]
    assert asked
    entry = asked[0]
    builder.topic = entry.candidate.answer  # as if the passage were about its key
    assert builder.question(entry) is None


def test_a_person_is_the_key_of_one_item_whatever_form_of_the_name():
    ledger = select.Ledger()
    ledger.add((0, 0, "f1", "teddy tzanetos"), "Who led the team?", key="Teddy Tzanetos")
    again = (1, 5, "f2", "tzanetos")
    assert not ledger.allows(again, "Who spoke?", 9, strict=False, key="Tzanetos")
    ledger.add((0, 0, "f3", "the ferry"), "What sank?", key="the ferry")
    assert ledger.allows((2, 9, "f4", "ferry"), "What was late?", 9, strict=False, key="ferry")


def test_the_keys_of_a_quiz_are_dealt_over_the_four_places():
    import random

    def dated(prompt):
        pool = ["1913", "1925", "1930", "1904", "1893", "1886"]
        return Item(
            id="",
            kind=Kind.MULTIPLE_CHOICE,
            prompt=prompt,
            answer="1910",
            options=("1910", "1913", "1925", "1930"),
            sources=tuple((t, "another date") for t in pool[:3]),
            alternatives=tuple((t, "another date") for t in pool[3:]),
        )

    items = [dated(f"When did event {n} happen?") for n in range(4)]
    placed, _ = select.balance_positions(items, [], random.Random(1))
    assert sorted(i.options.index("1910") for i in placed) == [0, 1, 2, 3]
    for item in placed:  # each still in time order, its wrong options from its own best six
        assert list(item.options) == sorted(item.options)
        assert {o for o in item.options if o != "1910"} <= {t for t, _ in item.sources}


def _opened(noun: str, year: str):
    """'The school opened in 1858.' with the year a date."""
    rows = [
        ("The", 1, "det", "DT", "DET", "the"),
        (noun, 2, "nsubj", "NN", "NOUN", noun),
        ("opened", 2, "ROOT", "VBD", "VERB", "open"),
        ("in", 2, "prep", "IN", "ADP", "in"),
        (year, 3, "pobj", "CD", "NUM", year),
        (".", 2, "punct", ".", "PUNCT", "."),
    ]
    return rows, [(4, 5, "DATE")]


def test_a_sentence_blank_of_a_date_becomes_multiple_choice_with_the_passages_dates():
    from quizgen.items import variants
    from quizgen.quiz.model import Label

    years = {"school": "1858", "college": "1920", "library": "1924", "chapel": "1962"}
    _, _, analysis, passage = read(*(_opened(n, y) for n, y in years.items()))
    builder = select.Builder([], analysis, passage, pipeline.Config(ranked=False, seed=3))
    doc = analysis.docs[1]

    def blank(label, entity=""):
        return variants.SentenceBlank(
            "The college opened in _____.",
            "1920",
            1,
            doc[:],
            label,
            None,
            (1, 0, 4),
            1.0,
            entity,
            4,
        )

    made = builder.cloze_choice(builder.sentence_blank(blank(Label.NUMBER, "DATE")))
    assert made is not None and made.kind is Kind.MULTIPLE_CHOICE
    assert (
        made.prompt == "\u201cThe college opened in _____.\u201d Which answer belongs in the blank?"
    )
    assert sorted(made.options) == ["1858", "1920", "1924", "1962"]  # the passage's years
    assert made.answer == "1920" and made.rule == "blank-number-choice" and not made.accept
    assert made.evidence == Evidence(2, "The college opened in 1920.")
    # a term's blank stays a blank: the options of a common noun do not fit a sentence's slot
    assert builder.cloze_choice(builder.sentence_blank(blank(Label.TERM))) is None
    # at most as many as asked, the rest stay blanks, in their places
    items = [builder.sentence_blank(blank(Label.NUMBER, "DATE")) for _ in range(2)]
    kinds = [i.kind for i in select.cloze(builder, items, 1)]
    assert kinds == [Kind.MULTIPLE_CHOICE, Kind.FILL_BLANK]


def test_the_sentences_of_a_dated_ordering_are_used_up():
    """'When did the club win promotion?' beside an ordering of that event tells its date."""
    ledger = select.Ledger()
    ledger.use_up([(2, 14)])
    assert not ledger.allows(
        (2, 14, "f1", "1904"), "When did the club win promotion?", 9, strict=False
    )
    assert ledger.allows((2, 30, "f2", "1913"), "When did the club move?", 9, strict=False)


def test_a_sentence_of_the_passage_is_found_from_its_evidence():
    _, _, analysis, _ = read((FIRED, FIRED_ENTS), (KILLED, KILLED_ENTS))
    ev = Evidence(2, analysis.docs[1].text.strip())
    assert select._sentence_starts(analysis, [ev]) == [(1, 0)]
    assert select._sentence_starts(analysis, [Evidence(1, "Not in the passage.")]) == []


def test_no_negative_of_what_the_passage_tells_twice():
    # 'Tom sat down beside Ann. ... Tom sat down beside Ann.': 'Tom did not sit down beside
    # Ann' is false of one telling and asks which; told once, it is asked
    from docs import read

    sat = [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("sat", 1, "ROOT", "VBD", "VERB", "sit"),
        ("down", 1, "prt", "RP", "ADP", "down"),
        ("beside", 1, "prep", "IN", "ADP", "beside"),
        ("Ann", 3, "pobj", "NNP", "PROPN", "Ann"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    ran = [
        ("Tom", 1, "nsubj", "NNP", "PROPN", "Tom"),
        ("ran", 1, "ROOT", "VBD", "VERB", "run"),
        ("to", 1, "prep", "IN", "ADP", "to"),
        ("Paris", 2, "pobj", "NNP", "PROPN", "Paris"),
        (".", 1, "punct", ".", "PUNCT", "."),
    ]
    people = [(0, 1, "PERSON"), (4, 5, "PERSON")]

    def negatives(second, ents):
        _, facts, analysis, passage = read((sat, people), (second, ents))
        builder = select.Builder([], analysis, passage, pipeline.Config(ranked=False))
        made = []
        for fact in select.fact_entries(facts, []):
            builder.tf[True], builder.tf[False] = 1, 0  # a false statement is due
            made.append(builder.true_false(fact))
        return [i.prompt for i in made if i is not None and i.answer is False]

    assert "Tom did not sit down beside Ann." not in negatives(sat, people)
    assert "Tom did not sit down beside Ann." in negatives(ran, [(0, 1, "PERSON"), (3, 4, "GPE")])
