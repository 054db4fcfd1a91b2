"""The flow, one stage a function: read -> parse -> analyze -> extract/ask -> distract ->
select -> Quiz. Each stage can be called on its own from a REPL.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizgen import __version__
from quizgen.base.errors import QuizgenError
from quizgen.quiz.model import Generator, Kind, Passage, Quiz, Skill, Source
from quizgen.text import nlp as nlp_module

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from quizgen.items.rules import Candidate
    from quizgen.text.analysis import Analysis
    from quizgen.text.extract import Clause, Fact, Quote, Role

MIN_WORDS = 20  # fewer words than this are a sentence or two, not a passage to ask about
DEFAULT_KINDS = (
    Kind.MULTIPLE_CHOICE,
    Kind.SHORT_ANSWER,
    Kind.TRUE_FALSE,
    Kind.FILL_BLANK,
    Kind.MATCHING,
    Kind.ORDERING,
)
DEFAULT_SKILLS = tuple(Skill)


@dataclass(frozen=True, slots=True)
class Config:
    """How to make a quiz: how many items, of which kinds, with which seed and templates."""

    count: int | None = None
    kinds: tuple[Kind, ...] = DEFAULT_KINDS
    seed: int = 7
    title: str | None = None
    model: str | None = None
    templates: Path | None = None
    skills: tuple[Skill, ...] = DEFAULT_SKILLS
    ranked: bool = True  # hold back what the learned ranker judges reviewers would reject

    @classmethod
    def from_options(cls, options) -> Config:
        """Build from the CLI's options."""
        return cls(
            count=options.count,
            kinds=parse_kinds(options.kinds),
            seed=options.seed,
            title=options.title,
            model=options.model,
            templates=options.templates,
            skills=parse_skills(getattr(options, "skills", None)),
        )


def parse_kinds(spec: str | None) -> tuple[Kind, ...]:
    """Turn 'multiple_choice,true_false' into kinds; unknown names are an error."""
    if not spec:
        return DEFAULT_KINDS
    kinds = []
    for raw in spec.split(","):
        name = raw.strip().lower().replace("-", "_")
        if not name:
            continue
        try:
            kinds.append(Kind(name))
        except ValueError:
            raise QuizgenError(
                f"unknown item kind {name!r}; choose from: {', '.join(k.value for k in Kind)}"
            ) from None
    return tuple(k for k in Kind if k in kinds) or DEFAULT_KINDS


def parse_skills(spec: str | None) -> tuple[Skill, ...]:
    """Turn 'cause,sequence' into skills; unknown names are an error."""
    if not spec:
        return DEFAULT_SKILLS
    skills = []
    for raw in spec.split(","):
        name = raw.strip().lower().replace("-", "_")
        if not name:
            continue
        try:
            skills.append(Skill(name))
        except ValueError:
            raise QuizgenError(
                f"unknown skill {name!r}; choose from: {', '.join(s.value for s in Skill)}"
            ) from None
    return tuple(s for s in Skill if s in skills) or DEFAULT_SKILLS


def parse(nlp: Language, passage: Passage) -> list[Doc]:
    """One Doc per paragraph, so that evidence never crosses a paragraph."""
    return list(nlp.pipe(passage.paragraphs, batch_size=64))


def analyze(docs: list[Doc]) -> Analysis:
    """Entity clusters and roles over the paragraph docs."""
    from quizgen.text.analysis import analyze as run

    return run(docs)


@dataclass(slots=True)
class Facts:
    """What the extractors found in a passage, by kind."""

    clauses: list[Clause] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def by_kind(self) -> Iterator[tuple[str, Fact]]:
        """(fact kind, fact) pairs, as question templates name the kinds."""
        for kind, facts in (("clause", self.clauses), ("quote", self.quotes), ("role", self.roles)):
            for fact in facts:
                yield kind, fact


def extract_facts(analysis: Analysis, passage: Passage) -> Facts:
    """Clauses, quotations and roles from every askable sentence."""
    from quizgen.text import extract

    facts = Facts()
    for n, doc in enumerate(analysis.docs):
        for sentence in doc.sents:
            if not extract.is_askable(sentence, passage.paragraphs[n]):
                continue
            facts.clauses.extend(extract.clauses(sentence, n, analysis))
            facts.quotes.extend(extract.quotes(sentence, n, analysis))
            facts.roles.extend(extract.roles(sentence, n, analysis))
    return facts


def ask(
    analysis: Analysis,
    facts: Facts,
    templates_dir: Path | None = None,
) -> Iterator[Candidate]:
    """Every candidate question the templates make from the facts."""
    from quizgen.items import rules

    templates = rules.load_templates(templates_dir)
    for kind, fact in facts.by_kind():
        yield from rules.apply(templates, fact, kind, analysis)


def source_of(passage: Passage) -> Source:
    """The source record of a passage: its file, a hash of its text, its words."""
    digest = hashlib.sha256(passage.text.encode("utf-8")).hexdigest()
    return Source(file=passage.file, sha256=digest, words=passage.words)


@dataclass(frozen=True, slots=True)
class Made:
    """A quiz, and a line for each thing asked for that the passage could not give (see
    :mod:`quizgen.shortfall`)."""

    quiz: Quiz
    notes: tuple[str, ...] = ()


def build(
    passage: Passage, docs: list[Doc], config: Config, model_label: str, nlp: Language | None = None
) -> Quiz:
    """Make the quiz for a parsed passage (the pipeline re-parses generated stems to check them)."""
    return make(passage, docs, config, model_label, nlp).quiz


def make(
    passage: Passage, docs: list[Doc], config: Config, model_label: str, nlp: Language | None = None
) -> Made:
    """Make the quiz for a parsed passage, saying what of the count and kinds asked for it
    could not make, and why; refuse, saying why, when it can make nothing."""
    from quizgen import shortfall
    from quizgen.items import select, variants

    nlp = nlp or nlp_module.load(config.model)
    analysis = analyze(docs)
    facts = extract_facts(analysis, passage)
    candidates = list(ask(analysis, facts, config.templates))
    chosen = select.choose(candidates, facts, analysis, passage, config, parse=nlp)
    kinds_asked = config.kinds != DEFAULT_KINDS
    skills_asked = config.skills if tuple(config.skills) != DEFAULT_SKILLS else ()
    if not chosen.items:
        raise QuizgenError(
            shortfall.nothing(
                chosen, passage, config.kinds, kinds_asked=kinds_asked, skills=skills_asked
            )
        )
    keys = [str(i.answer) for i in chosen.items if i.kind is Kind.FILL_BLANK]
    quiz = Quiz(
        title=config.title or passage.title,
        passage=passage.paragraphs,
        items=tuple(chosen.items),
        word_bank=tuple(variants.word_bank(keys, analysis, config.seed)),
        source=source_of(passage),
        generator=Generator(version=__version__, model=model_label, seed=config.seed),
    )
    notes = shortfall.notes(
        chosen,
        passage,
        config.kinds,
        count_asked=config.count is not None,
        kinds_asked=kinds_asked,
        skills=skills_asked,
    )
    return Made(quiz, tuple(notes))


def _name(passage: Passage) -> str:
    return passage.file or "passage"


def check_length(passage: Passage) -> None:
    """Refuse a passage too short to ask anything of."""
    if passage.words < MIN_WORDS:
        raise QuizgenError(
            f"{_name(passage)}: the passage is too short to ask anything of "
            f"({passage.words} words); give quizgen at least {MIN_WORDS} words "
            "of prose"
        )


def check_language(passage: Passage) -> None:
    """Refuse text that is not English prose (too short, or not English), rather than emit
    nonsense; it needs no model, so it runs before one loads."""
    from quizgen.read.language import looks_english

    check_length(passage)
    if not looks_english(passage.text):
        raise QuizgenError(
            f"{_name(passage)}: this does not look like English text; "
            "quizgen reads English passages"
        )


def check_paragraphs(passage: Passage, nlp: Language) -> None:
    """Refuse a paragraph longer than the pipeline parses at once, naming it."""
    for n, paragraph in enumerate(passage.paragraphs, start=1):
        if len(paragraph) > nlp.max_length:
            raise QuizgenError(
                f"{_name(passage)}: paragraph {n} is {len(paragraph):,} characters "
                f"long; quizgen parses paragraphs of up to {nlp.max_length:,} "
                "(put blank lines between its paragraphs)"
            )


def generate(passage: Passage, config: Config = Config(), nlp: Language | None = None) -> Quiz:
    """Make a quiz from a passage."""
    check_language(passage)
    nlp = nlp or nlp_module.load(config.model)
    check_paragraphs(passage, nlp)
    return build(passage, parse(nlp, passage), config, nlp_module.label(nlp), nlp)
