"""`quizgen facts`: the facts found in a passage, and which templates used them or why not."""

from __future__ import annotations

from pathlib import Path

from quizgen import pipeline
from quizgen.items import rules, select
from quizgen.read import reader
from quizgen.text import nlp as nlp_module
from quizgen.text.extract import Clause, Quote, Role


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
        return f"{fact.speaker.name} said \u201c{fact.words}\u201d"
    if isinstance(fact, Role):
        return f"{fact.person.name} = {fact.role}"
    return str(fact)


def rows(source: str, model: str | None = None, templates: Path | None = None):
    """(paragraph, fact kind, fact, sentence, [(template id, outcome)]) for every fact."""
    passage = reader.read(source)
    pipeline.check_language(passage)
    nlp = nlp_module.load(model)
    analysis = pipeline.analyze(pipeline.parse(nlp, passage))
    facts = pipeline.extract_facts(analysis, passage)
    loaded = rules.load_templates(templates)
    for kind, fact in facts.by_kind():
        outcomes = []
        for template, candidate, why in rules.explain(loaded, fact, kind, analysis):
            if candidate is None:
                outcomes.append((template.id, f"no: {why}"))
            elif not select.sound(candidate):
                faults = ", ".join(pipeline_faults(candidate))
                outcomes.append((template.id, f"dropped ({faults}): {candidate.prompt}"))
            else:
                outcomes.append((template.id, f"{candidate.prompt} -> {candidate.answer}"))
        yield fact.paragraph + 1, kind, describe(fact), fact.sentence.text.strip(), outcomes


def pipeline_faults(candidate) -> list[str]:
    """The faults that keep a candidate out of the quiz."""
    from quizgen.items import quality

    return quality.prompt_faults(
        candidate.prompt,
        candidate.answer,
        candidate.sentence.text,
        tuple(select.accepted(candidate)),
    )


def print_facts(source: str, model: str | None = None, templates: Path | None = None) -> None:
    """Print the facts of a passage as a table."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=True, title=f"Facts in {source}")
    table.add_column("\u00b6", justify="right")
    table.add_column("kind")
    table.add_column("fact")
    table.add_column("templates")
    for paragraph, kind, fact, sentence, outcomes in rows(source, model, templates):
        asked = [
            f"[green]{tid}[/]: {escape(text)}"
            for tid, text in outcomes
            if not text.startswith(("no:", "dropped"))
        ]
        # a template whose slot the fact lacks says nothing worth a line
        other = [
            f"[dim]{tid}: {escape(text)}[/]"
            for tid, text in outcomes
            if text.startswith(("no:", "dropped")) and " in this " not in text
        ]
        table.add_row(
            str(paragraph),
            kind,
            f"{escape(fact)}\n[dim]{escape(sentence)}[/]",
            "\n".join([*asked, *other]) or "[dim]no template applies[/]",
        )
    Console().print(table)
