"""`quizgen facts`: a passage sentence by sentence, in order, with the items each gave.

For a teacher: which sentences the quiz asks about, numbered as the worksheet prints them, and
for every other question a sentence gave, why it is not on the sheet, in words. For a
contributor, ``--verbose`` adds the facts found in each sentence and every question template's
outcome on them, down to the condition that failed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from quizgen import pipeline
from quizgen.base.folding import fold_typography
from quizgen.items import rules, select
from quizgen.quiz.forms import LETTERS, make_form
from quizgen.quiz.model import Item, Kind, Quiz
from quizgen.read import reader
from quizgen.text import nlp as nlp_module
from quizgen.text.analysis import text_of
from quizgen.text.extract import Clause, Quote, Role

KIND_NAMES = {
    Kind.MULTIPLE_CHOICE: "multiple choice",
    Kind.SHORT_ANSWER: "short answer",
    Kind.TRUE_FALSE: "true or false",
    Kind.FILL_BLANK: "fill in the blank",
    Kind.MATCHING: "matching",
}
# a stem's faults (quality.prompt_faults) as a teacher would put them
FAULTS = {
    "length": "too short or too long to read as one question",
    "vague pronoun": "a pronoun the question does not explain ('he', 'it')",
    "context-bound": "it makes sense only beside the passage ('this', 'the above')",
    "unbalanced": "its quotation marks or brackets do not pair up",
    "dangling end": "it ends on a word that leaves it hanging",
    "answer in prompt": "the question gives its own answer away",
    "empty answer": "it has no answer",
    "key not in evidence": "its answer is not in its sentence",
    "repeated word": "a word twice in a row",
    "two questions in one": "two questions in one",
}


@dataclass(slots=True)
class Line:
    """One question or item a sentence gave: chosen (with its printed number) or not, and why."""

    status: str  # "chosen", "not chosen" or "dropped"
    text: str  # the prompt, with its answer
    why: str = ""  # for a chosen item: its number and kind; else the reason, in words


@dataclass(slots=True)
class Sentence:
    """A sentence of the passage, what it gave, and (for --verbose) its facts and templates."""

    paragraph: int | None  # as printed; none for a heading
    text: str
    lines: list[Line] = field(default_factory=list)
    facts: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)


@dataclass(slots=True)
class Report:
    """A passage's sentences in order, with the quiz's items and the questions left out."""

    source: str
    items: int
    candidates: int
    sentences: list[Sentence]


def describe(fact) -> str:
    """A fact in one line: 'Soleimani | led | the powerful Quds Force'."""
    if isinstance(fact, Clause):
        verb = " ".join(
            [*(a.text for a in fact.aux), *(["not"] if fact.negated else []), fact.verb.text]
        )
        parts = " | ".join(p.text for p in [*fact.fronted, *fact.parts])
        voice = " (passive)" if fact.passive else ""
        return f"{fact.subject.text} | {verb}{voice} | {parts}".rstrip(" |")
    if isinstance(fact, Quote):
        return f"{fact.speaker_names[0]} said \u201c{fact.words}\u201d"
    if isinstance(fact, Role):
        return f"{fact.person.name} = {fact.role}"
    return str(fact)


def pipeline_faults(candidate) -> list[str]:
    """The faults that keep a candidate out of the quiz."""
    from quizgen.items import quality

    return quality.prompt_faults(
        candidate.prompt,
        candidate.answer,
        candidate.sentence.text,
        tuple(select.accepted(candidate)),
    )


def _key(paragraph: int, sentence: str) -> tuple[int, str]:
    """A sentence's place: its paragraph (from 0) and its text, folded."""
    return paragraph, fold_typography(sentence.strip())


def _shown(item: Item) -> str:
    """An item's prompt with its key, as one line."""
    if item.kind is Kind.MATCHING:
        return item.prompt
    answer = {True: "true", False: "false"}.get(item.answer, item.answer)
    return f"{item.prompt} ({answer})"


def report(source: str, model: str | None = None, templates: Path | None = None) -> Report:
    """Make the quiz as ``quizgen generate`` would, and set each sentence beside what it gave."""
    passage = reader.read(source)
    pipeline.check_language(passage)
    nlp = nlp_module.load(model)
    analysis = pipeline.analyze(pipeline.parse(nlp, passage))
    facts = pipeline.extract_facts(analysis, passage)
    loaded = rules.load_templates(templates)
    explained = [
        (kind, fact, list(rules.explain(loaded, fact, kind, analysis)))
        for kind, fact in facts.by_kind()
    ]
    candidates = [c for _, _, outcomes in explained for _, c, _ in outcomes if c is not None]
    config = pipeline.Config(model=model, templates=templates)
    chosen = select.choose(candidates, facts, analysis, passage, config, parse=nlp)
    quiz = Quiz(title=passage.title, passage=passage.paragraphs, items=tuple(chosen.items))
    number = {e.item.id: e.number for e in make_form(quiz, LETTERS[0]).entries}
    printed = reader.paragraph_numbers(passage.paragraphs)

    sentences: dict[tuple[int, str], Sentence] = {}

    def at(paragraph: int, text: str) -> Sentence:
        key = _key(paragraph, text)
        if key not in sentences:
            sentences[key] = Sentence(printed[paragraph], text.strip())
        return sentences[key]

    for doc_index, doc in enumerate(analysis.docs):  # every sentence, in passage order
        for sent in doc.sents:
            at(doc_index, text_of(sent))
    ledger = _Chosen(chosen.items, number, chosen.wanted, len(passage.paragraphs))
    for item in sorted(chosen.items, key=lambda i: number[i.id]):
        evidence = item.pair_evidence or ((item.evidence,) if item.evidence else ())
        for n, ev in enumerate(evidence):
            where = f"item {number[item.id]}, {KIND_NAMES[item.kind]}"
            text = _shown(item)
            if item.kind is Kind.MATCHING:
                left, right = item.pairs[n]
                where, text = f"{where}, pair {n + 1}", f"{left} \u2014 {right}"
            at(ev.paragraph - 1, ev.sentence).lines.append(Line("chosen", text, where))
    for kind, fact, outcomes in explained:
        sentence = at(fact.paragraph, text_of(fact.sentence))
        shown = []
        for template, candidate, why in outcomes:
            if candidate is None:
                shown.append((template.id, f"no: {why}"))
                continue
            shown.append((template.id, f"{candidate.prompt} -> {candidate.answer}"))
            line = ledger.line(candidate)
            if line is not None:
                at(candidate.paragraph, text_of(candidate.sentence)).lines.append(line)
        sentence.facts.append((kind, describe(fact), shown))
    return Report(source, len(chosen.items), len(candidates), list(sentences.values()))


class _Chosen:
    """What the quiz holds, to say of a question left out why it is not there; the checks
    follow selection's ledger (one item a fact, one or two a sentence, an answer once, a fair
    share a paragraph), first the one that applies."""

    def __init__(self, items, number: dict[str, int], wanted: int, paragraphs: int) -> None:
        self.number = number
        self.wanted = wanted
        self.asked = {(fold_typography(i.prompt), i.rule): i for i in items}
        self.prompts = {fold_typography(i.prompt): i for i in items}
        self.by_sentence: dict[tuple[int, str], list[Item]] = {}
        self.answers: dict[str, Item] = {}
        self.paragraphs = Counter()
        for item in items:
            for ev in item.pair_evidence or ((item.evidence,) if item.evidence else ()):
                key = _key(ev.paragraph - 1, ev.sentence)
                self.by_sentence.setdefault(key, []).append(item)
                self.paragraphs[ev.paragraph - 1] += 1
            if isinstance(item.answer, str) and item.answer:
                self.answers.setdefault(fold_typography(item.answer), item)
        self.share = -(-wanted // max(1, paragraphs)) + 1

    def _n(self, item: Item) -> str:
        return f"item {self.number[item.id]}"

    def line(self, candidate) -> Line | None:
        """A question left out, and why; none for a question that is on the sheet."""
        prompt = fold_typography(candidate.prompt)
        text = f"{candidate.prompt} ({candidate.answer})"
        if (prompt, candidate.template.id) in self.asked:
            return None  # it is the chosen item listed above
        faults = pipeline_faults(candidate)
        if faults:
            return Line("dropped", text, "; ".join(FAULTS.get(f, f) for f in faults))
        if prompt in self.prompts:
            return Line("not chosen", text, f"{self._n(self.prompts[prompt])} asks the same")
        here = self.by_sentence.get(_key(candidate.paragraph, text_of(candidate.sentence)), [])
        answer = fold_typography(candidate.answer)
        same = next((i for i in here if fold_typography(str(i.answer)) == answer), None)
        if same is not None:
            return Line("not chosen", text, f"{self._n(same)} asks for the same answer here")
        if here:
            numbers = sorted(self.number[i.id] for i in here)
            which = (
                f"item {numbers[0]}"
                if len(numbers) == 1
                else f"items {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
            )
            return Line(
                "not chosen", text, f"this sentence already gives {which}; one item a sentence"
            )
        if answer in self.answers:
            return Line(
                "not chosen",
                text,
                f"{self._n(self.answers[answer])} has the same answer, which would give it away",
            )
        if self.paragraphs[candidate.paragraph] >= self.share:
            return Line(
                "not chosen", text, "its paragraph already gives its share of the quiz's items"
            )
        return Line(
            "not chosen",
            text,
            f"ranked below the {self.wanted} the quiz needed, or did not read well as a question",
        )


def print_facts(
    source: str,
    model: str | None = None,
    templates: Path | None = None,
    *,
    verbose: bool = False,
    echo=print,
) -> None:
    """Print the report: sentence by sentence, each with what it gave; with ``verbose``, each
    sentence's facts and every template's outcome, and the sentences that gave nothing."""
    made = report(source, model, templates)
    echo(
        f"{made.source}: {made.items} items chosen of {made.candidates} questions the templates "
        "made, and the true-or-false, fill-in-the-blank and matching items made from the "
        "sentences; items numbered as the worksheet prints them."
    )
    for sentence in made.sentences:
        if not sentence.lines and not (verbose and sentence.facts):
            continue
        where = "heading" if sentence.paragraph is None else f"\u00b6 {sentence.paragraph}"
        echo("")
        echo(f"{where}: {sentence.text}")
        for line in sentence.lines:
            if line.status == "chosen":
                echo(f"  chosen      {line.why}: {line.text}")
            else:
                echo(f"  {line.status:<11} {line.text}: {line.why}")
        if verbose:
            for kind, fact, outcomes in sentence.facts:
                echo(f"    {kind}: {fact}")
                for template, outcome in outcomes:
                    if outcome.startswith("no: no ") and " in this " in outcome:
                        continue  # a template whose slot the fact lacks says nothing worth a line
                    echo(f"      {template}: {outcome}")
            if not sentence.facts:
                echo("    no fact found in it")
