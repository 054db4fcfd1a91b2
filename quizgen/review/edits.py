"""The edits a teacher makes on the review page, as pure functions of the quiz file's data.

A :class:`Draft` is the quiz file's data with every item the page shows, dropped ones too
(they stay on the page, greyed, until the page is closed, so a drop can be taken back). Each
edit takes a draft and the request's arguments and returns a new draft; nothing here reads or
writes a file or knows about HTTP. The quiz file's validator judges the result (see
:mod:`quizgen.review.store`); an argument that cannot be an edit at all raises
:class:`EditError` naming the field it concerns.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

MAX_TEXT = 2_000  # characters in one prompt, option or answer; a quiz item is never longer
MAX_OPTIONS = 6  # as the quiz file's schema allows
MAX_POINTS = 100
# where the generator keeps the next-best wrong options of a multiple-choice item (the options
# issue): a list of texts, or of mappings with the text under "text"; the swap menu reads it
ALTERNATIVES = "alternatives"
SOURCES = "sources"  # option text -> where the generator found it
# the reading skills an item may test, as DESIGN.md documents them; the schema's own list wins
SKILLS = ("detail", "cause", "sequence", "vocabulary", "evidence")
KINDS_TO_ADD = ("multiple_choice", "short_answer", "true_false", "fill_blank")
DIFFICULTIES = ("easy", "medium", "hard")
BLANK = "_____"


class EditError(ValueError):
    """An edit the page asked for that cannot be made; ``field`` is where to show why."""

    def __init__(self, field: str, message: str, item: str = "") -> None:
        super().__init__(message)
        self.field = field
        self.item = item


@dataclass(frozen=True, slots=True)
class Draft:
    """The quiz as the page shows it: its data, every item included, and the dropped ids."""

    data: dict[str, Any]
    dropped: frozenset[str] = field(default_factory=frozenset)

    def written(self) -> dict[str, Any]:
        """The quiz file's data: the draft without its dropped items."""
        data = dict(self.data)
        data["items"] = [i for i in self.data["items"] if str(i.get("id")) not in self.dropped]
        return data

    def item(self, iid: str) -> dict[str, Any]:
        """The item with this id (dropped or not)."""
        for raw in self.data["items"]:
            if str(raw.get("id")) == iid:
                return raw
        raise EditError("item", f"there is no item {iid!r}; reload the page", iid)


# --- arguments -----------------------------------------------------------------------------


def clean(value: Any, what: str, *, empty: bool = False) -> str:
    """One line of text from the page: control characters out, white space folded."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise EditError(what, f"{what} must be text")
    text = "".join(
        " " if unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
        for c in str(value)
        if unicodedata.category(c) not in ("Cs", "Co", "Cn")
    )
    text = " ".join(text.split())
    if not text and not empty:
        raise EditError(what, "this cannot be empty")
    if len(text) > MAX_TEXT:
        raise EditError(what, f"this is longer than {MAX_TEXT} characters")
    return text


def lines(value: Any, what: str) -> list[str]:
    """Texts one per line (a list, or one string with a line per text), empty ones left out."""
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list) or len(value) > 50:
        raise EditError(what, f"{what} must be a list of up to 50 texts")
    out: list[str] = []
    for entry in value:
        text = clean(entry, what, empty=True)
        if text and text.casefold() not in {o.casefold() for o in out}:
            out.append(text)
    return out


INDEX_FIELDS = {"option": "options", "pair": "pairs", "side": "pairs"}


def _index(value: Any, length: int, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < length:
        where = INDEX_FIELDS.get(what, what)
        raise EditError(where, f"there is no {what} {value!r}; reload the page")
    return value


def _boolean(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    if value in ("true", "false"):
        return value == "true"
    raise EditError(what, "choose True or False")


def _choice(value: Any, choices: tuple[str, ...], what: str) -> str:
    if value not in choices:
        raise EditError(what, f"choose one of: {', '.join(choices)}")
    return value


def _whole(value: Any, low: int, high: int, what: str) -> int:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise EditError(what, f"a whole number from {low} to {high}")
    return value


# --- helpers on items ----------------------------------------------------------------------


def alternative_texts(item: dict[str, Any]) -> list[str]:
    """The wrong options the generator kept in reserve for an item, as texts."""
    raw = item.get(ALTERNATIVES)
    if not isinstance(raw, list):
        return []
    out = []
    for entry in raw:
        text = entry.get("text") if isinstance(entry, dict) else entry
        if isinstance(text, str | int | float) and not isinstance(text, bool) and str(text):
            out.append(str(text))
    options = {str(o).casefold() for o in item.get("options", ())}
    return [t for t in out if t.casefold() not in options]


def is_teachers(item: dict[str, Any]) -> bool:
    """An item a person wrote: it names no question template."""
    return not item.get("rule")


def next_id(data: dict[str, Any]) -> str:
    """A new item id, q<n> one past the highest in use."""
    taken = {str(i.get("id")) for i in data["items"]}
    numbers = [int(m.group(1)) for t in taken if (m := re.fullmatch(r"q(\d+)", t))]
    n = max(numbers, default=0) + 1
    while f"q{n}" in taken:
        n += 1
    return f"q{n}"


def _same(a: Any, b: Any) -> bool:
    return " ".join(str(a).split()).casefold() == " ".join(str(b).split()).casefold()


# --- the edits -----------------------------------------------------------------------------


def _edit_item(draft: Draft, iid: str, change: Callable[[dict[str, Any]], None]) -> Draft:
    """A new draft in which one item (a copy) has been changed in place by ``change``."""
    draft.item(iid)
    data = copy.deepcopy(draft.data)
    for raw in data["items"]:
        if str(raw.get("id")) == iid:
            change(raw)
            break
    return replace(draft, data=data)


def drop(draft: Draft, iid: str, args: dict) -> Draft:
    """Leave an item out of the quiz (it stays on the page, to keep again)."""
    draft.item(iid)
    return replace(draft, dropped=draft.dropped | {iid})


def keep(draft: Draft, iid: str, args: dict) -> Draft:
    """Take a dropped item back into the quiz."""
    draft.item(iid)
    return replace(draft, dropped=draft.dropped - {iid})


def prompt(draft: Draft, iid: str, args: dict) -> Draft:
    """Reword an item's prompt."""
    text = clean(args.get("value"), "prompt")

    def change(item: dict) -> None:
        item["prompt"] = text

    return _edit_item(draft, iid, change)


def _option_at(item: dict, args: dict, iid: str) -> tuple[list, int]:
    """A multiple-choice item's options and the index the request names."""
    options = item.get("options")
    if item.get("kind") != "multiple_choice" or not isinstance(options, list):
        raise EditError("options", "only a multiple-choice item has options", iid)
    return options, _index(args.get("index"), len(options), "option")


def option(draft: Draft, iid: str, args: dict) -> Draft:
    """Reword one option; when it is the key, the key follows."""
    text = clean(args.get("value"), "options")

    def change(item: dict) -> None:
        options, n = _option_at(item, args, iid)
        if _same(options[n], item.get("answer", "")):
            item["answer"] = text
        sources = item.get(SOURCES)
        if isinstance(sources, dict) and options[n] in sources:
            sources[text] = sources.pop(options[n])  # reworded, it still came from there
        options[n] = text

    return _edit_item(draft, iid, change)


def key(draft: Draft, iid: str, args: dict) -> Draft:
    """Set the key: which option (multiple choice), True or False, or the answer's text."""

    def change(item: dict) -> None:
        kind = item.get("kind")
        if kind == "multiple_choice":
            options = item.get("options") or []
            item["answer"] = options[_index(args.get("index"), len(options), "answer")]
        elif kind == "true_false":
            item["answer"] = _boolean(args.get("value"), "answer")
        elif kind in ("short_answer", "fill_blank"):
            item["answer"] = clean(args.get("value"), "answer")
        else:
            raise EditError("answer", f"a {kind} item's key is not set this way", iid)

    return _edit_item(draft, iid, change)


def accept(draft: Draft, iid: str, args: dict) -> Draft:
    """Replace the other answers marked right (one per line)."""
    texts = lines(args.get("value", []), "accept")

    def change(item: dict) -> None:
        if item.get("kind") not in ("short_answer", "fill_blank"):
            raise EditError("accept", "only short-answer and fill-in items accept answers", iid)
        if texts:
            item["accept"] = texts
        else:
            item.pop("accept", None)

    return _edit_item(draft, iid, change)


def pair(draft: Draft, iid: str, args: dict) -> Draft:
    """Reword one side of a matching pair."""
    text = clean(args.get("value"), "pairs")

    def change(item: dict) -> None:
        pairs = item.get("pairs")
        if item.get("kind") != "matching" or not isinstance(pairs, list):
            raise EditError("pairs", "only a matching item has pairs", iid)
        n = _index(args.get("index"), len(pairs), "pair")
        side = _index(args.get("side"), 2, "side")
        pairs[n] = list(pairs[n])
        pairs[n][side] = text

    return _edit_item(draft, iid, change)


def swap(draft: Draft, iid: str, args: dict) -> Draft:
    """Put one of the kept alternatives in place of a wrong option; the old one is kept instead."""
    text = clean(args.get("value"), "options")

    def change(item: dict) -> None:
        options, n = _option_at(item, args, iid)
        if _same(options[n], item.get("answer", "")):
            raise EditError("options", "the key is not swapped; choose another key first", iid)
        reserve = item.get(ALTERNATIVES)
        place = next(
            (
                k
                for k, entry in enumerate(reserve if isinstance(reserve, list) else [])
                if _same(entry.get("text") if isinstance(entry, dict) else entry, text)
            ),
            None,
        )
        if place is None:
            raise EditError("options", "that alternative is not kept for this item", iid)
        taken = reserve.pop(place)
        old = options[n]
        options[n] = taken.get("text") if isinstance(taken, dict) else taken
        # where each option came from follows it: the new option's source comes from the
        # alternative, the old option's goes with it into the alternatives
        sources = item.get(SOURCES)
        sources = sources if isinstance(sources, dict) else {}
        came_from = sources.pop(old, None)
        if isinstance(taken, dict) and taken.get("source"):
            sources[options[n]] = taken["source"]
        if sources:
            item[SOURCES] = sources
        else:
            item.pop(SOURCES, None)
        # the option swapped out becomes an alternative, in the shape the others have
        if isinstance(taken, dict):
            reserve.insert(0, {"text": old, "source": came_from} if came_from else {"text": old})
        else:
            reserve.insert(0, old)

    return _edit_item(draft, iid, change)


def short_answer(draft: Draft, iid: str, args: dict) -> Draft:
    """Turn a multiple-choice item into a short answer with the same key."""

    def change(item: dict) -> None:
        if item.get("kind") != "multiple_choice":
            raise EditError("item", "only a multiple-choice item becomes a short answer", iid)
        if item.get("refers_to"):
            raise EditError("item", "a Part B item's options are sentences; keep it", iid)
        item["kind"] = "short_answer"
        for name in ("options", ALTERNATIVES, SOURCES):
            item.pop(name, None)

    return _edit_item(draft, iid, change)


def difficulty(draft: Draft, iid: str, args: dict) -> Draft:
    """Label an item easy, medium or hard."""
    value = _choice(args.get("value"), DIFFICULTIES, "difficulty")
    return _edit_item(draft, iid, lambda item: item.__setitem__("difficulty", value))


def points(draft: Draft, iid: str, args: dict) -> Draft:
    """Set what an item is worth."""
    value = _whole(args.get("value"), 0, MAX_POINTS, "points")
    return _edit_item(draft, iid, lambda item: item.__setitem__("points", value))


def skill(draft: Draft, iid: str, args: dict, skills: tuple[str, ...] = SKILLS) -> Draft:
    """Name the reading skill an item tests."""
    value = _choice(args.get("value"), skills, "skill")
    return _edit_item(draft, iid, lambda item: item.__setitem__("skill", value))


def move(draft: Draft, iid: str, args: dict) -> Draft:
    """Move an item one place up (by -1) or down (by 1) in the quiz file's order."""
    by = args.get("by")
    if isinstance(by, bool) or by not in (-1, 1):
        raise EditError("item", "move by -1 or 1")
    draft.item(iid)
    items = list(draft.data["items"])
    n = next(k for k, raw in enumerate(items) if str(raw.get("id")) == iid)
    if not 0 <= n + by < len(items):
        raise EditError("item", "it is already " + ("first" if by < 0 else "last"), iid)
    items[n], items[n + by] = items[n + by], items[n]
    return replace(draft, data={**draft.data, "items": items})


def title(draft: Draft, iid: str, args: dict) -> Draft:
    """Retitle the quiz."""
    return replace(draft, data={**draft.data, "title": clean(args.get("value"), "title")})


def add(draft: Draft, iid: str, args: dict, skills: tuple[str, ...] = ()) -> Draft:
    """Add an item the teacher wrote: no rule, no evidence needed; placed after item ``iid``
    (or last). ``skills``, when the quiz file knows skills, gives the new item one."""
    kind = _choice(args.get("kind"), KINDS_TO_ADD, "kind")
    item: dict[str, Any] = {
        "id": next_id(draft.data),
        "kind": kind,
        "prompt": clean(args.get("prompt"), "prompt"),
    }
    if kind == "multiple_choice":
        answer = clean(args.get("answer"), "answer")
        wrong = lines(args.get("options", []), "options")
        if not 2 <= len(wrong) + 1 <= MAX_OPTIONS:
            raise EditError("options", f"write 1 to {MAX_OPTIONS - 1} wrong options")
        if any(_same(w, answer) for w in wrong):
            raise EditError("options", "a wrong option is the same as the key")
        where = len(draft.data["items"]) % (len(wrong) + 1)  # spread the key's position
        item["options"] = [*wrong[:where], answer, *wrong[where:]]
        item["answer"] = answer
    elif kind == "true_false":
        item["answer"] = _boolean(args.get("answer"), "answer")
    else:
        if kind == "fill_blank" and BLANK not in item["prompt"]:
            raise EditError("prompt", f"mark the blank with five underscores {BLANK}")
        item["answer"] = clean(args.get("answer"), "answer")
        accepted = lines(args.get("accept", []), "accept")
        if accepted:
            item["accept"] = accepted
    item["difficulty"] = _choice(args.get("difficulty", "medium"), DIFFICULTIES, "difficulty")
    if skills:
        item["skill"] = _choice(args.get("skill", skills[0]), skills, "skill")
    items = list(draft.data["items"])
    after = next((k for k, raw in enumerate(items) if str(raw.get("id")) == iid), len(items) - 1)
    items.insert(after + 1, item)
    return replace(draft, data={**draft.data, "items": items})


EDITS: dict[str, Callable[..., Draft]] = {  # the page's name for an edit -> the edit
    "drop": drop,
    "keep": keep,
    "prompt": prompt,
    "option": option,
    "key": key,
    "accept": accept,
    "pair": pair,
    "swap": swap,
    "short_answer": short_answer,
    "difficulty": difficulty,
    "points": points,
    "skill": skill,
    "move": move,
    "title": title,
    "add": add,
}

FIELDS = {  # where the page shows an edit's errors
    "prompt": "prompt",
    "option": "options",
    "key": "answer",
    "accept": "accept",
    "pair": "pairs",
    "swap": "options",
    "short_answer": "item",
    "difficulty": "difficulty",
    "points": "points",
    "skill": "skill",
    "drop": "item",
    "keep": "item",
    "move": "item",
    "title": "title",
    "add": "add",
}


def apply(
    draft: Draft, op: str, args: dict, skills: tuple[str, ...] = SKILLS, *, new_skill: bool = False
) -> Draft:
    """Make the named edit; ``args`` holds the item's id and the edit's values.

    ``skills`` are the skills to choose from; ``new_skill`` gives an added item one (when the
    quiz file knows skills).
    """
    if op not in EDITS:
        raise EditError("item", f"unknown edit {op!r}")
    iid = args.get("item", "")
    if not isinstance(iid, str) or (not iid and op not in ("title", "add")):
        raise EditError("item", "which item? reload the page")
    if op == "skill":
        return skill(draft, iid, args, skills)
    if op == "add":
        return add(draft, iid, args, skills if new_skill else ())
    return EDITS[op](draft, iid, args)
