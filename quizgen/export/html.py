"""Printable worksheet and answer key (HTML), one pair per form, from Jinja2 templates.

The templates live in ``templates/output/``; a teacher's own folder (``--templates``) is
searched first, so any of them can be replaced. Templates from a teacher are untrusted:
they run in Jinja2's sandbox, and their mistakes become a ``QuizgenError`` naming the file
and line. The worksheet's context holds no key at all, so no template can leak one.
"""

from __future__ import annotations

import random
import re
import traceback
from functools import cache
from pathlib import Path

from jinja2 import (
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    TemplateSyntaxError,
)
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from quizgen.base.errors import QuizgenError
from quizgen.base.resources import output_dir
from quizgen.export import Rendered, Settings
from quizgen.quiz.forms import LETTERS, Entry, Form, make_forms
from quizgen.quiz.model import BLANK, Evidence, Kind, Quiz, short_part_b_prompt
from quizgen.read.reader import paragraph_numbers  # the reader's rule: one for reading and showing

PAGES = {  # file name -> template
    "worksheet": "worksheet.html.j2",
    "key": "key.html.j2",
    "passage": "passage.html.j2",
}


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """Render the worksheet and answer key of every form (and the passage on its own, when it
    is left off the worksheet)."""
    return Rendered(files=tuple(pages(quiz, settings)))


def pages(quiz: Quiz, settings: Settings) -> list[tuple[str, str]]:
    """(file name, HTML) for the worksheet and key of each form, form by form; then, when the
    passage is left off the worksheet, the numbered passage as a handout of its own, one for
    every form (the key cites its paragraph numbers)."""
    env = environment(settings.templates)
    many = settings.forms > 1
    numbered = _passage(quiz)
    passage = numbered if settings.passage else []
    grade = reading_grade("\n\n".join(quiz.passage))
    out = []
    forms = make_forms(quiz, settings.forms)
    for form in forms:
        context = _common(quiz, form, settings, many=many)
        suffix = f"-{form.label}" if many else ""
        numbers = {e.item.id: e.number for e in form.entries}
        asked = {e.item.refers_to for e in form.entries if e.item.refers_to in numbers}

        def question(entry, numbers=numbers, asked=asked):
            return _question(entry, numbers, asked)

        def answer(entry, numbers=numbers, asked=asked):
            return _answer(entry, numbers, asked)

        sheet = {**context, "passage": passage, "parts": [_part(p, question) for p in form.parts]}
        sheet["word_bank"] = word_bank(quiz, form) if settings.word_bank else []
        key = {**context, "grade": grade, "parts": [_part(p, answer) for p in form.parts]}
        out.append((f"worksheet{suffix}.html", fill(env, PAGES["worksheet"], sheet)))
        out.append((f"key{suffix}.html", fill(env, PAGES["key"], key)))
    if not settings.passage:
        handout = {**_common(quiz, forms[0], settings, many=False), "passage": numbered}
        out.append(("passage.html", fill(env, PAGES["passage"], handout)))
    return out


@cache
def environment(templates: Path | None = None) -> SandboxedEnvironment:
    """A sandboxed, autoescaping Jinja2 environment: the teacher's folder first, then ours.

    One per folder and process, so a book's parts or a folder of passages compile each
    template once (Jinja2 still reloads a template whose file has changed)."""
    search = [templates / "output", templates] if templates else []
    env = SandboxedEnvironment(
        loader=FileSystemLoader([*map(str, search), str(output_dir())]),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


class _QuietCache(FileSystemBytecodeCache):
    """A cache that is only ever a shortcut: a full disk or a folder gone read-only means
    compiling again, never a failed worksheet."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except OSError:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Jinja2's cache of compiled templates, in a private folder of the user's in the system's
    temporary folder: compiling the worksheet and key takes longer than rendering them.
    Entries are keyed by the template's source, written atomically, and checked on reading;
    without a usable folder, templates are compiled every time."""
    try:
        return _QuietCache()
    except (OSError, RuntimeError):
        return None


def fill(env: SandboxedEnvironment, name: str, context: dict) -> str:
    """Render one template; any error in it becomes a QuizgenError naming the file and line."""
    try:
        return env.get_template(name).render(context)
    except TemplateSyntaxError as exc:
        raise QuizgenError(f"{exc.filename or exc.name}:{exc.lineno}: {exc.message}") from None
    except Exception as exc:  # a teacher's template can fail in any way; it is their input
        raise QuizgenError(f"{_where(exc, env, name)}: {type(exc).__name__}: {exc}") from None


def _where(exc: Exception, env: SandboxedEnvironment, name: str) -> str:
    """'file:line' of the innermost template frame in an exception's traceback."""
    folders = tuple(str(Path(p).resolve()) for p in env.loader.searchpath)
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if str(Path(f.filename).resolve()).startswith(folders)
    ]
    return f"{frames[-1].filename}:{frames[-1].lineno}" if frames else name


def css_string(text: str) -> Markup:
    """Quote text as a CSS string with every non-alphanumeric character escaped."""
    body = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(text))
    return Markup(f'"{body}"')


_WORD = re.compile(r"[^\W\d_]+(?:['\u2019-][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'\u2019\u201d)\]]*\s+|\n\s*\n")


def reading_grade(text: str) -> float:
    """The Flesch–Kincaid grade of a text: 0.39 words per sentence + 11.8 syllables per word
    - 15.59, with syllables counted by the ``readability`` package's English counter.

    That counter works by rule, with a list of exceptions, and loads in a few milliseconds;
    hyphenation patterns (Pyphen) take ten times as long to load and count fewer syllables
    than are spoken ('ev-ery'). (The package's own ``getmeasures`` computes a dozen other
    measures too, at ten times the cost.) Words are runs of letters; a sentence ends at
    . ! or ? before a space, or with its paragraph (a heading).
    """
    from readability.langdata import LANGDATA

    sentences = [s for s in map(_WORD.findall, _SENTENCE_BREAK.split(text)) if s]
    words = [w for sentence in sentences for w in sentence]
    if not words:
        return 0.0
    syllables = sum(map(LANGDATA["en"]["syllables"], words))
    grade = 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59
    return round(grade, 1)


def word_bank(quiz: Quiz, form: Form) -> list[str]:
    """The form's blank keys and the quiz's extra words, shuffled by the seed and form."""
    keys = [str(e.item.answer) for e in form.entries if e.item.kind is Kind.FILL_BLANK]
    if not keys:
        return []
    words = list(dict.fromkeys([*keys, *quiz.word_bank]))
    random.Random(f"{quiz.seed}:{form.label}:word-bank").shuffle(words)
    return words


def _common(quiz: Quiz, form: Form, settings: Settings, *, many: bool) -> dict:
    """What both the worksheet and the key show: title, form label, paper, totals."""
    return {
        "title": quiz.title,
        "label": form.label if many else "",
        "paper": settings.paper,
        "items": len(form.entries),
        "points": form.points,
        "passage_words": quiz.words,
    }


def _passage(quiz: Quiz) -> list[dict]:
    """The passage's paragraphs with their printed numbers; a heading has none, and is marked."""
    return [
        {"number": n, "text": p, "heading": n is None}
        for n, p in zip(paragraph_numbers(quiz.passage), quiz.passage, strict=True)
    ]


def _part(part, view) -> dict:
    """A part heading's facts and its entries, each shown through ``view``."""
    points = {e.item.points for e in part.entries}
    return {
        "letter": part.letter,
        "kind": part.kind.value,
        "points": part.points,
        "each": next(iter(points)) if len(points) == 1 else None,
        "entries": [view(e) for e in part.entries],
    }


def _question(entry: Entry, numbers: dict | None = None, asked: set | None = None) -> dict:
    """What the worksheet shows of an entry: never its key. ``numbers`` maps item ids to
    their printed numbers (a Part B names its Part A by it); ``asked`` holds the ids of the
    items a Part B follows."""
    item = entry.item
    numbers = numbers or {}
    return {
        "events": list(zip(LETTERS, entry.printed_events, strict=False)),
        "part_a": item.id in (asked or ()),
        "part_b_of": numbers.get(item.refers_to) if item.refers_to else None,
        "part_b_prompt": _numbered(item.prompt, item.refers_to, numbers),
        "number": entry.number,
        "kind": item.kind.value,
        "prompt": item.prompt,
        "points": item.points,
        # a blank's line, in a fill-in item and in a multiple-choice one that asks for a
        # sentence's missing word
        "segments": item.prompt.split(BLANK)
        if item.kind is Kind.FILL_BLANK
        or (item.kind is Kind.MULTIPLE_CHOICE and BLANK in item.prompt)
        else [_numbered(item.prompt, item.refers_to, numbers)],
        "options": list(zip(LETTERS, item.options, strict=False)),
        "rows": [left for left, _ in item.pairs],
        "choices": list(zip(LETTERS, entry.right, strict=False)),
    }


def _numbered(prompt: str, refers_to: str, numbers: dict) -> str:
    """A Part B's prompt as a form prints it: 'question q3' becomes the printed number."""
    if not refers_to or refers_to not in numbers:
        return prompt
    prompt = short_part_b_prompt(prompt, refers_to)  # Part A is printed just above it
    return prompt.replace(f"question {refers_to}", f"question {numbers[refers_to]}")


def _answer(entry: Entry, numbers: dict | None = None, asked: set | None = None) -> dict:
    """What the key shows of an entry: the question, its key, variants and evidence."""
    item = entry.item
    ev = item.event_evidence if len(item.event_evidence) == len(item.events) else ()
    events = [
        {"number": n, "text": text, "evidence": _evidence(ev[n - 1]) if ev else None}
        for n, text in enumerate(item.events, 1)
    ]
    matches = [
        {"number": n, "left": left, "letter": letter, "right": right, "evidence": _evidence(ev)}
        for n, ((left, right), letter, ev) in enumerate(
            zip(item.pairs, entry.matches, _pair_evidence(item), strict=True), 1
        )
    ]
    return {
        **_question(entry, numbers, asked),
        "id": item.id,
        "skill": item.skill.value if item.skill else "",
        "order": list(zip(LETTERS, entry.order, strict=False)),
        "right_order": events,
        "difficulty": item.difficulty.value,
        "letter": entry.letter,
        "answer": _key_text(item),
        "accept": _variants(item),
        "evidence": _evidence(item.evidence),
        "matches": matches,
    }


def _key_text(item) -> str:
    """The key as text: the answer, or True / False."""
    if item.kind is Kind.TRUE_FALSE:
        return "True" if item.answer is True else "False"
    return str(item.answer)


def _variants(item) -> list[str]:
    """The accepted variants a marker needs to see: none that differs from the key only in case."""
    seen = {_key_text(item).casefold()}
    out = []
    for variant in map(str, item.accept):
        if variant.casefold() not in seen:
            seen.add(variant.casefold())
            out.append(variant)
    return out


def _pair_evidence(item) -> tuple[Evidence | None, ...]:
    """One evidence per matching pair: its own if given, else none."""
    if len(item.pair_evidence) == len(item.pairs):
        return item.pair_evidence
    return (None,) * len(item.pairs)


def _evidence(evidence: Evidence | None) -> dict | None:
    """Evidence as the key prints it."""
    if evidence is None:
        return None
    return {"paragraph": evidence.paragraph, "sentence": evidence.sentence}
