"""What the review page shows: the numbered passage with every evidence sentence marked, and
each item as it prints, with its key, evidence and the controls to change it.

The views are plain data for the Jinja2 templates in ``templates/review/``, which escape
everything they print; the page's script finds an item's evidence by the keys given here.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from quizgen.base.resources import templates_dir
from quizgen.review.edits import DIFFICULTIES, KINDS_TO_ADD, Draft, alternative_texts, is_teachers

BLANK = "_____"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
KIND_NAMES = {  # as the worksheet's part headings say them
    "multiple_choice": "Multiple choice",
    "true_false": "True or false",
    "fill_blank": "Fill in the blank",
    "matching": "Matching",
    "short_answer": "Short answer",
    "ordering": "Ordering",
}


@cache
def environment() -> SandboxedEnvironment:
    """The autoescaping Jinja2 environment of the review page's own templates."""
    return SandboxedEnvironment(
        loader=FileSystemLoader(str(templates_dir() / "review")),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --- evidence in the passage ---------------------------------------------------------------


def _folded(text: str) -> tuple[str, list[int]]:
    """Text folded as the validator compares it (case, white space, curly apostrophes), with
    the index in ``text`` of each folded character."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, c in enumerate(text):
        if c.isspace():
            if not space:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for f in ("'" if c == "\u2019" else c).casefold():
            out.append(f)
            where.append(i)
    return "".join(out), where


def find_sentence(paragraph: str, sentence: str) -> tuple[int, int] | None:
    """Where a sentence copied from a paragraph is in it: (start, end), or None."""
    hay, where = _folded(paragraph)
    needle = _folded(sentence)[0].strip()
    start = hay.find(needle) if needle else -1
    if start < 0:
        return None
    return where[start], where[start + len(needle) - 1] + 1


def evidence_of(item: dict[str, Any]) -> list[dict[str, Any]]:
    """Every evidence an item has: its own, then its pairs' or events' (one per pair, event)."""
    out = [item.get("evidence")]
    for name in ("pair_evidence", "event_evidence"):
        extra = item.get(name)
        if isinstance(extra, list):
            out.extend(extra)
    return [
        e
        for e in out
        if isinstance(e, dict)
        and isinstance(e.get("paragraph"), int)
        and isinstance(e.get("sentence"), str)
    ]


def _spans(passage: list[str], item: dict[str, Any]) -> list[tuple[int, int, int]]:
    """(paragraph index, start, end) of each of an item's evidence sentences found."""
    out = []
    for ev in evidence_of(item):
        n = ev["paragraph"] - 1
        if 0 <= n < len(passage):
            found = find_sentence(str(passage[n]), ev["sentence"])
            if found and (n, *found) not in out:
                out.append((n, *found))
    return out


def span_key(span: tuple[int, int, int]) -> str:
    """The page's name for one evidence sentence."""
    return f"e{span[0] + 1}-{span[1]}-{span[2]}"


def passage_view(draft: Draft) -> list[dict[str, Any]]:
    """The paragraphs, numbered, headings marked, each cut into segments at evidence bounds;
    a segment lists the evidence sentences it belongs to. ``number`` counts as the quiz file
    does; ``printed`` is the number the worksheet prints (none for a heading)."""
    from quizgen.read.reader import paragraph_numbers  # the one rule, for reading and showing

    passage = [str(p) for p in draft.data["passage"]]
    printed = paragraph_numbers(passage)
    spans: dict[int, set[tuple[int, int, int]]] = {}
    for item in draft.data["items"]:
        for span in _spans(passage, item):
            spans.setdefault(span[0], set()).add(span)
    out = []
    for n, text in enumerate(passage):
        here = spans.get(n, set())
        cuts = sorted({0, len(text), *(s[1] for s in here), *(s[2] for s in here)})
        segments = []
        for start, end in zip(cuts, cuts[1:], strict=False):
            keys = sorted(span_key(s) for s in here if s[1] <= start and end <= s[2])
            segments.append({"text": text[start:end], "marks": " ".join(keys)})
        out.append(
            {
                "number": n + 1,
                "printed": printed[n],
                "heading": printed[n] is None,
                "segments": segments,
            }
        )
    return out


# --- items ---------------------------------------------------------------------------------


def printed_numbers(draft: Draft) -> dict[str, int]:
    """Each kept item's number on the printed worksheet (form A), by id."""
    from quizgen.quiz import forms, quizfile

    try:
        quiz = quizfile.from_data(draft.written())
    except Exception:  # noqa: BLE001 - numbers are a courtesy; the quiz file is valid anyway
        return {}
    return {e.item.id: e.number for e in forms.make_form(quiz, LETTERS[0]).entries}


def _text(value: Any) -> str:
    if value is True or value is False:
        return "True" if value else "False"
    return "" if value is None else str(value)


def item_view(
    item: dict[str, Any], passage: list[str], number: int | None, dropped: bool
) -> dict[str, Any]:
    """What an item's card shows and edits."""
    kind = str(item.get("kind", ""))
    answer = item.get("answer", "")
    options = [str(o) for o in item.get("options", ()) or ()]
    key_at = next((k for k, o in enumerate(options) if o == _text(answer)), None)
    evidence = evidence_of(item)
    prompt = str(item.get("prompt", ""))
    printed = _printed(passage)
    return {
        "id": str(item.get("id")),
        "kind": kind,
        "kind_name": KIND_NAMES.get(kind, kind.replace("_", " ").capitalize()),
        "prompt": prompt,
        "segments": prompt.split(BLANK) if kind == "fill_blank" else [prompt],
        "options": [
            {"letter": LETTERS[k], "text": o, "key": k == key_at}
            for k, o in enumerate(options[: len(LETTERS)])
        ],
        "answer": _text(answer),
        "truth": answer if isinstance(answer, bool) else None,
        "accept": [_text(a) for a in item.get("accept", ()) or ()],
        "pairs": [[_text(s) for s in p] for p in item.get("pairs", ()) or () if len(p) == 2],
        "events": [_text(e) for e in item.get("events", ()) or ()],
        "alternatives": alternative_texts(item) if kind == "multiple_choice" else [],
        "evidence": [
            {"paragraph": printed(e["paragraph"]), "sentence": e["sentence"]} for e in evidence[:1]
        ],
        "marks": " ".join(span_key(s) for s in _spans(passage, item)),
        "paragraphs": [printed(n) for n in sorted({e["paragraph"] for e in evidence})],
        "difficulty": str(item.get("difficulty", "medium")),
        "points": item.get("points", 1),
        "skill": str(item.get("skill", "")),
        "rule": str(item.get("rule", "")),
        "refers_to": str(item.get("refers_to", "")),
        "teachers": is_teachers(item),
        "number": number,
        "dropped": dropped,
    }


def _printed(passage: list[str]):
    """The quiz file's paragraph number -> as the worksheet prints it ('heading' for a heading)."""
    from quizgen.read.reader import paragraph_numbers

    numbers = paragraph_numbers(passage)

    def printed(n: int) -> int | str:
        if not 1 <= n <= len(numbers):
            return n
        return numbers[n - 1] or "heading"

    return printed


def item_views(draft: Draft) -> list[dict[str, Any]]:
    """Every item's card, in the quiz file's order, dropped ones in their places."""
    passage = [str(p) for p in draft.data["passage"]]
    numbers = printed_numbers(draft)
    return [
        item_view(
            raw, passage, numbers.get(str(raw.get("id"))), str(raw.get("id")) in draft.dropped
        )
        for raw in draft.data["items"]
    ]


def items_html(draft: Draft, skills: tuple[str, ...]) -> str:
    """The items column's cards."""
    template = environment().get_template("items.html.j2")
    return template.render(items=item_views(draft), **_choices(skills))


def _choices(skills: tuple[str, ...]) -> dict[str, Any]:
    return {"difficulties": DIFFICULTIES, "skills": skills, "kinds": KIND_NAMES}


def page_html(context: dict[str, Any], draft: Draft, skills: tuple[str, ...]) -> str:
    """The whole review page."""
    template = environment().get_template("page.html.j2")
    return template.render(
        passage=passage_view(draft),
        items=item_views(draft),
        title=str(draft.data.get("title", "")),
        kinds_to_add=KINDS_TO_ADD,
        **_choices(skills),
        **context,
    )
