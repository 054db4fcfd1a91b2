"""Printed forms (A, B, ...) of a quiz: items grouped into parts by kind, numbered, and shuffled.

Every shuffle draws from a ``Random`` seeded with the quiz's seed, the form's label and the
part or item it orders, so a form is the same on every run and editing one item does not
reshuffle the others. Form A keeps the quiz file's order of items and options (the options'
order there is already balanced); later forms shuffle both. A matching item's right-hand
column is shuffled on every form, or its order would give the answers away.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from random import Random

from quizgen.base.errors import QuizgenError
from quizgen.quiz.model import Item, Kind, Quiz

# parts in the order a worksheet prints them: quick recognition first, writing last
PART_ORDER = (
    Kind.MULTIPLE_CHOICE,
    Kind.TRUE_FALSE,
    Kind.FILL_BLANK,
    Kind.MATCHING,
    Kind.ORDERING,
    Kind.SHORT_ANSWER,
)
LETTERS = string.ascii_uppercase


@dataclass(frozen=True, slots=True)
class Entry:
    """One item as a form prints it: its number, and the item with options and pairs reordered."""

    number: int
    item: Item
    column: tuple[int, ...] = ()  # matching: indexes into item.pairs, in right-hand column order;
    # ordering: indexes into item.events, in the order printed

    @property
    def letter(self) -> str:
        """The key as a letter: the right option, or T / F; empty for other kinds."""
        item = self.item
        if item.kind is Kind.TRUE_FALSE:
            return "T" if item.answer is True else "F"
        if item.kind is Kind.MULTIPLE_CHOICE and item.answer in item.options:
            return LETTERS[item.options.index(item.answer)]
        return ""

    @property
    def printed_events(self) -> tuple[str, ...]:
        """Ordering: the events in the order printed (never the right one)."""
        if not self.item.events:
            return ()
        return tuple(self.item.events[i] for i in self.column)

    @property
    def order(self) -> tuple[int, ...]:
        """Ordering: for each printed event, its place in the right order (from 1)."""
        if not self.item.events:
            return ()
        return tuple(i + 1 for i in self.column)

    @property
    def right(self) -> tuple[str, ...]:
        """Matching: the right-hand column's texts, in the order printed (lettered A, B, ...)."""
        if not self.item.pairs:
            return ()
        return tuple(self.item.pairs[i][1] for i in self.column)

    @property
    def matches(self) -> tuple[str, ...]:
        """Matching: for each left-hand row in order, the letter of its right-hand text."""
        if not self.item.pairs:
            return ()
        return tuple(LETTERS[self.column.index(i)] for i in range(len(self.item.pairs)))


@dataclass(frozen=True, slots=True)
class Part:
    """The items of one kind, under one heading (Part A, Part B, ...)."""

    letter: str
    kind: Kind
    entries: tuple[Entry, ...]

    @property
    def points(self) -> int:
        """The part's total points."""
        return sum(e.item.points for e in self.entries)


@dataclass(frozen=True, slots=True)
class Form:
    """One printed version of a quiz, with its label (A, B, ...) and its parts in order."""

    label: str
    parts: tuple[Part, ...]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """Every entry, in printed order."""
        return tuple(e for part in self.parts for e in part.entries)

    @property
    def points(self) -> int:
        """The form's total points."""
        return sum(part.points for part in self.parts)


def make_forms(quiz: Quiz, k: int) -> list[Form]:
    """Make forms A, B, ... of a quiz, ``k`` of them."""
    if not 1 <= k <= len(LETTERS):
        raise QuizgenError(f"forms must be between 1 and {len(LETTERS)}, not {k}")
    return [make_form(quiz, label) for label in LETTERS[:k]]


def make_form(quiz: Quiz, label: str) -> Form:
    """Make the form with the given label; form A keeps the quiz file's order."""
    keep = label == LETTERS[0]
    parts, number = [], 1
    # a Part B is printed in its Part A's part (after a short answer, a multiple choice)
    kinds = {item.id: item.kind for item in quiz.items}
    section = [kinds.get(item.refers_to, item.kind) for item in quiz.items]
    for kind in PART_ORDER:
        items = [item for item, at in zip(quiz.items, section, strict=True) if at is kind]
        if not items:
            continue
        order = together(
            shuffled(len(items), Random(f"{quiz.seed}/{label}/{kind}"), keep=keep), items
        )
        entries = []
        for i in order:
            entries.append(
                _entry(number, items[i], Random(f"{quiz.seed}/{label}/{items[i].id}"), keep=keep)
            )
            number += 1
        parts.append(Part(LETTERS[len(parts)], kind, tuple(entries)))
    return Form(label, tuple(parts))


def together(order: list[int], items: list[Item]) -> list[int]:
    """The order with each Part B (an item that ``refers_to`` another) right after its Part A."""
    ids = {item.id: i for i, item in enumerate(items)}
    second = {ids[item.refers_to]: i for i, item in enumerate(items) if item.refers_to in ids}
    out = []
    for i in order:
        if i in second.values():
            continue
        out.append(i)
        if i in second:
            out.append(second[i])
    return out


def shuffled(n: int, rng: Random, *, keep: bool = False) -> list[int]:
    """Indexes 0..n-1 in the given order if ``keep``, else shuffled into an order that differs."""
    order = list(range(n))
    while not keep and n > 1 and order == sorted(order):
        rng.shuffle(order)
    return order


def _entry(number: int, item: Item, rng: Random, *, keep: bool) -> Entry:
    """Reorder one item's options or pairs for a form."""
    if item.options:
        order = shuffled(len(item.options), rng, keep=keep)
        item = replace(item, options=tuple(item.options[i] for i in order))
    if item.events:  # printed in an order that is never the right one, on every form
        return Entry(number, item, tuple(shuffled(len(item.events), rng)))
    if not item.pairs:
        return Entry(number, item)
    rows = shuffled(len(item.pairs), rng, keep=keep)
    evidence = item.pair_evidence
    if len(evidence) == len(item.pairs):
        evidence = tuple(evidence[i] for i in rows)
    item = replace(item, pairs=tuple(item.pairs[i] for i in rows), pair_evidence=evidence)
    return Entry(number, item, tuple(shuffled(len(item.pairs), rng)))
