"""Pieces the import formats share: one-line fields, short labels, keys, evidence, zips.

Escaping stays in each format's module; this holds only what every format means the same way,
and what Moodle's two importers (GIFT and XML) read alike.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace

from quizgen.base.folding import fold
from quizgen.quiz.model import Item, Kind, Quiz, short_part_b_prompt

ELLIPSIS = "…"


def one_line(text: str) -> str:
    """The text with every run of whitespace (tabs, line breaks) turned into one space, trimmed."""
    return " ".join(str(text).split())


def clip(text: str, limit: int) -> str:
    """The text cut to at most ``limit`` characters at a word boundary, the cut marked with '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # drop the half word
    return cut.rstrip(" ,;:-") + ELLIPSIS


def label(item: Item, limit: int = 80) -> str:
    """A short name for an item in a question bank: its id, then the start of its prompt."""
    return clip(one_line(f"{item.id} {item.prompt}"), limit)


def evidence_note(item: Item) -> str:
    """Where the key is proved, as feedback: 'Paragraph 2: <sentence>' ('' without evidence)."""
    if item.evidence is None:
        return ""
    return f"Paragraph {item.evidence.paragraph}: {item.evidence.sentence}"


def accepted(item: Item) -> list[str]:
    """Every answer to mark right (short_answer, fill_blank): the key first, each form once."""
    return list(dict.fromkeys([str(item.answer), *item.accept]))


def is_key(item: Item, option: str) -> bool:
    """Whether a multiple-choice option is the item's key, compared as the quiz file check does."""
    return fold(option) == fold(item.answer)


ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest a zip can say: no clock in the bytes


def pack(files: dict[str, bytes]) -> bytes:
    """A zip of the files, sorted, with fixed timestamps so equal input gives equal bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the platform, so the bytes agree
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


# --- Moodle: what its two importers (GIFT and XML) share -----------------------------------

_ENTITY_START = re.compile(r"&(?=[a-zA-Z0-9#]{1,8};)")  # replace_ampersands_not_followed_by_entity


def moodle_literal(answer: str) -> str:
    """A short answer as Moodle's matching takes it literally: ``*`` is its wildcard ('=*'
    accepts any response, 'a*b' accepts 'aQQQb'), and ``\\*`` a star
    (qtype_shortanswer_question::compare_string_with_wildcard)."""
    return answer.replace("*", "\\*")


def moodle_shown(text: str) -> str:
    """Text Moodle shows through ``format_string`` (question names, matching answers,
    categories), which strips tags ('x <= y & y >= z' shows as 'x = z'): each ``<`` written
    ``&lt;``, and an ``&`` that would start an entity ``&amp;``, so it shows as typed."""
    return _ENTITY_START.sub("&amp;", text).replace("<", "&lt;")


ORDINALS = ("1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th")


def as_matching(item: Item) -> Item:
    """An ordering item as matching, for formats without an ordering question: each event
    with its place (1st, 2nd, ...), the events listed in an order that is not the right one."""
    import random

    from quizgen.quiz.forms import shuffled

    rows = shuffled(len(item.events), random.Random(f"order/{item.id}"))
    evidence = item.event_evidence if len(item.event_evidence) == len(item.events) else ()
    return replace(
        item,
        kind=Kind.MATCHING,
        prompt=f"{item.prompt} Match each event with its place in the order.",
        pairs=tuple((item.events[i], ORDINALS[i]) for i in rows),
        pair_evidence=tuple(evidence[i] for i in rows) if evidence else (),
        events=(),
        event_evidence=(),
    )


def with_part_a(item: Item, part_a: Item | None) -> Item:
    """A Part B as a question of its own: its prompt names its Part A and repeats it."""
    if part_a is None or short_part_b_prompt(item.prompt, part_a.id) != item.prompt:
        return item  # none, or it quotes its Part A already
    return replace(item, prompt=f"{item.prompt} (Part A is {part_a.id}: {part_a.prompt})")


def carried(quiz: Quiz, *, ordering: bool = False) -> tuple[Quiz, list[str]]:
    """The quiz as a format without the newer item shapes takes it: ordering items as matching
    (unless the format has ``ordering``), every Part B naming its Part A; and the warnings
    that say so."""
    by_id = {i.id: i for i in quiz.items}
    items, warnings = [], []
    for item in quiz.items:
        if item.kind is Kind.ORDERING and not ordering:
            item = as_matching(item)
            warnings.append(
                f"{item.id}: an ordering item, carried as matching (each event with its "
                "place: 1st, 2nd, ...)"
            )
        if item.refers_to:
            item = with_part_a(item, by_id.get(item.refers_to))
        items.append(item)
    return replace(quiz, items=tuple(items)), warnings
