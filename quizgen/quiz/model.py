"""The format-neutral, immutable data model: passages, facts' products (items) and quizzes.

Nothing here knows about spaCy, YAML or markup; every other module builds on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """The item kinds; the values are the quiz file's ``kind`` (DESIGN.md)."""

    MULTIPLE_CHOICE = "multiple_choice"
    SHORT_ANSWER = "short_answer"
    TRUE_FALSE = "true_false"
    FILL_BLANK = "fill_blank"
    MATCHING = "matching"
    ORDERING = "ordering"


class Skill(StrEnum):
    """The reading skill an item tests; the values are the quiz file's ``skill`` (DESIGN.md)."""

    DETAIL = "detail"  # find a stated fact: who, what, where, when, how many
    CAUSE = "cause"  # why something happened: the cause or purpose the passage gives
    SEQUENCE = "sequence"  # in what order events happen
    VOCABULARY = "vocabulary"  # what a word means as the passage uses it
    EVIDENCE = "evidence"  # which sentence proves an answer (Part B of a two-part item)


class Difficulty(StrEnum):
    """How hard an item is, as a teacher would label it."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class Label(StrEnum):
    """What an answer is: the entity type the parser gave it, or what found it.

    A closed set, tested by name: rules, distract, select and variants ask ``label is
    Label.PERSON``, never a loose string. Question templates name labels in their ``when``.
    """

    # entity types, as spaCy's English pipelines tag them (OntoNotes 5)
    PERSON = "PERSON"
    NORP = "NORP"  # nationalities, religious and political groups
    FAC = "FAC"  # buildings, airports, bridges
    ORG = "ORG"
    GPE = "GPE"  # countries, cities, states
    LOC = "LOC"  # other places: mountains, rivers, regions
    PRODUCT = "PRODUCT"
    EVENT = "EVENT"
    WORK_OF_ART = "WORK_OF_ART"
    LAW = "LAW"
    LANGUAGE = "LANGUAGE"
    DATE = "DATE"
    TIME = "TIME"
    PERCENT = "PERCENT"
    MONEY = "MONEY"
    QUANTITY = "QUANTITY"
    ORDINAL = "ORDINAL"
    CARDINAL = "CARDINAL"
    # what the slot finders find that is no entity
    DURATION = "DURATION"  # 'three years' (a DATE to the parser): asked how long, never when
    CAUSE = "CAUSE"  # 'in retaliation for ...', 'because ...'
    PURPOSE = "PURPOSE"  # 'to oversee the colony'
    MEANS = "MEANS"  # 'by flooding the fields'
    # what a sentence's blank takes
    NAME = "NAME"
    NUMBER = "NUMBER"
    TERM = "TERM"
    VERB = "VERB"
    NONE = ""  # a common noun phrase, no entity: false in a test, "none" in a template

    @classmethod
    def of(cls, entity_type: str) -> Label:
        """The label of a parser's entity type; NONE for none, or for one this set lacks (a
        pipeline trained on other labels)."""
        try:
            return cls(entity_type)
        except ValueError:
            return cls.NONE


BLANK = "_____"  # a fill_blank prompt marks its blank with five underscores


@dataclass(frozen=True, slots=True)
class Passage:
    """A reading passage: its title and its paragraphs, in order."""

    title: str
    paragraphs: tuple[str, ...]
    file: str = ""  # where it was read from ("-" for standard input)

    @property
    def text(self) -> str:
        """The paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    @property
    def words(self) -> int:
        """Whitespace-separated words in the paragraphs."""
        return sum(len(p.split()) for p in self.paragraphs)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an item's key is proved: a paragraph (counted from 1) and a sentence copied from it."""

    paragraph: int
    sentence: str
    extra: tuple[tuple[str, object], ...] = field(default=(), hash=False)  # its x- keys, kept


@dataclass(frozen=True, slots=True)
class Item:
    """One quiz item with its key and evidence.

    ``answer`` is the key's text for multiple_choice, short_answer and fill_blank, a bool
    for true_false, and empty for matching (whose key is ``pairs``) and ordering (whose key
    is the order of ``events``).
    """

    id: str
    kind: Kind
    prompt: str
    answer: str | bool = ""
    options: tuple[str, ...] = ()  # multiple_choice only; includes the answer
    accept: tuple[str, ...] = ()  # other answers to mark right (short_answer, fill_blank)
    pairs: tuple[tuple[str, str], ...] = ()  # matching only: (left, right)
    evidence: Evidence | None = None
    difficulty: Difficulty = Difficulty.MEDIUM
    rule: str = ""  # id of the question template that made it
    points: int = 1
    pair_evidence: tuple[Evidence, ...] = ()  # matching only: one per pair
    skill: Skill | None = None  # the reading skill it tests (an item a person wrote may omit it)
    events: tuple[str, ...] = ()  # ordering only: the events, in the right order
    event_evidence: tuple[Evidence, ...] = ()  # ordering only: one per event
    refers_to: str = ""  # Part B of a two-part item: the id of its Part A
    # multiple_choice, for the teacher's review (exporters ignore them): where each wrong
    # option came from, (option, source) pairs; and next-best wrong options, (text, source)
    sources: tuple[tuple[str, str], ...] = ()
    alternatives: tuple[tuple[str, str], ...] = ()
    # keys the model does not hold yet, kept as the file has them: x- keys, and the contract's
    # keys other stages read (skill, events, event_evidence, refers_to; DESIGN.md; alternatives)
    extra: tuple[tuple[str, object], ...] = field(default=(), hash=False)


@dataclass(frozen=True, slots=True)
class Source:
    """The passage file a quiz was made from."""

    file: str
    sha256: str
    words: int
    extra: tuple[tuple[str, object], ...] = field(default=(), hash=False)  # its x- keys, kept


@dataclass(frozen=True, slots=True)
class Generator:
    """What made a quiz: the program version, the spaCy pipeline and the seed."""

    version: str
    model: str
    seed: int
    extra: tuple[tuple[str, object], ...] = field(default=(), hash=False)  # its x- keys, kept


@dataclass(frozen=True, slots=True)
class Quiz:
    """A quiz: the passage its items refer to, and the items."""

    title: str
    passage: tuple[str, ...]
    items: tuple[Item, ...]
    source: Source | None = None
    generator: Generator | None = None
    extra: tuple[tuple[str, object], ...] = field(default=())  # top-level x- keys, kept
    word_bank: tuple[str, ...] = ()  # words of the passage a word bank adds to the blanks' keys

    @property
    def seed(self) -> int:
        """The seed shuffles are drawn with (0 when the quiz does not say)."""
        return self.generator.seed if self.generator else 0

    @property
    def words(self) -> int:
        """Words in the passage."""
        return sum(len(p.split()) for p in self.passage)


# a Part B's prompt, quoting its Part A, and the short form a page printing Part A just above
# it shows: one format, made and read here
PART_B_LEAD = "Part B: Part A asked, \u201c"
PART_B_TAIL = "\u201d Which sentence from the passage best supports your answer to it?"
PART_B_SHORT = "Part B: Which sentence from the passage best supports your answer to Part A"


def part_b_quoting(question: str) -> str:
    """'Part B: Part A asked, "Who ...?" Which sentence from the passage best supports your
    answer to it?'"""
    return f"{PART_B_LEAD}{question.strip()}{PART_B_TAIL}"


def short_part_b_prompt(prompt: str, part_a: str) -> str:
    """A Part B's prompt without the quotation of its Part A, as a page that prints Part A
    just above it shows it: 'Part B: Part A asked, "Who ...?" Which sentence from the
    passage best supports your answer to it?' -> 'Part B: Which sentence from the passage
    best supports your answer to Part A, question q3?'."""
    if prompt.startswith(PART_B_LEAD) and prompt.endswith(PART_B_TAIL):
        return f"{PART_B_SHORT}, question {part_a}?"
    return prompt
