"""Render a quiz in several formats and write the files, each atomically."""

from __future__ import annotations

import re
from pathlib import Path

from quizgen.base import files
from quizgen.export import DEFAULT_FORMATS, Settings, export, parse_formats
from quizgen.quiz.model import Quiz


def formats(spec: str | None, default: tuple[str, ...] = DEFAULT_FORMATS) -> tuple[str, ...]:
    """Format names from a comma list such as 'html,lms'."""
    return parse_formats(spec, default)


def render_all(
    quiz: Quiz,
    stem: str,
    names: tuple[str, ...],
    settings: Settings,
) -> tuple[list[tuple[str, str | bytes]], list[str]]:
    """Render every named format in memory first: a failure writes nothing."""
    out: dict[str, str | bytes] = {}
    warnings: list[str] = []
    numbers = printed_numbers(quiz)
    for name in names:
        rendered = export(quiz, name, settings)
        for suffix, content in rendered.files:
            out[f"{stem}.{suffix}"] = content
        for shared_name, content in rendered.shared:
            out.setdefault(shared_name, content)
        warnings.extend(f"{name}: {w}" for w in group_warnings(rendered.warnings, numbers))
    return list(out.items()), warnings


_ITEM_WARNING = re.compile(r"^(q[\w-]+): (.+)$")


def printed_numbers(quiz: Quiz) -> dict[str, int]:
    """Each item's number as the worksheet prints it (form A, parts by kind), by quiz-file id."""
    from quizgen.quiz.forms import LETTERS, make_form

    return {entry.item.id: entry.number for entry in make_form(quiz, LETTERS[0]).entries}


def group_warnings(warnings, numbers: dict[str, int] | None = None) -> list[str]:
    """One line per kind of warning, naming its items by the numbers the worksheet prints,
    with the quiz file's ids where they differ: 'items 14-16 (q16-q18 in the quiz file): the
    card shows the key'. Without ``numbers``, by id alone."""
    by_message: dict[str, list[str]] = {}
    others: list[str] = []
    for warning in warnings:
        match = _ITEM_WARNING.match(warning)
        if match:
            by_message.setdefault(match.group(2), []).append(match.group(1))
        else:
            others.append(warning)
    named = [f"{name_items(ids, numbers)}: {message}" for message, ids in by_message.items()]
    return named + others


def name_items(ids: list[str], numbers: dict[str, int] | None) -> str:
    """'item 14 (q16 in the quiz file)', 'items 1-13', or the ids alone without numbers."""
    if not numbers or any(i not in numbers for i in ids):
        return ", ".join(ids)
    ids = sorted(ids, key=numbers.__getitem__)
    printed = [numbers[i] for i in ids]
    label = f"item{'s' if len(ids) > 1 else ''} {_runs(printed)}"
    if ids == [f"q{n}" for n in printed]:
        return label
    if all(re.fullmatch(r"q\d+", i) for i in ids) and len(set(ids)) == len(ids):
        own = _runs(sorted(int(i[1:]) for i in ids), prefix="q")
    else:
        own = ", ".join(ids)
    return f"{label} ({own} in the quiz file)"


def _runs(numbers: list[int], prefix: str = "") -> str:
    """'1-3, 5, 7, 8' for [1, 2, 3, 5, 7, 8]: runs of three or more joined by a dash."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(
        f"{prefix}{r[0]}\u2013{prefix}{r[-1]}"
        if len(r) >= 3
        else ", ".join(f"{prefix}{n}" for n in r)
        for r in runs
    )


def write(
    quiz: Quiz,
    stem: str,
    folder: Path,
    names: tuple[str, ...],
    settings: Settings,
    warn=None,
    keep: Path | None = None,
) -> list[Path]:
    """Render the quiz in each named format and write the files into ``folder``, all or none.

    ``keep`` is a file never to overwrite: the quiz file being exported, whose comments and
    layout are the teacher's.
    """
    rendered, warnings = render_all(quiz, stem, names, settings)
    rendered = [(name, content) for name, content in rendered if not _same(folder / name, keep)]
    for message in warnings:
        if warn is not None:
            warn(f"{stem}: {message}")
        else:
            import sys

            print(f"quizgen: warning: {stem}: {message}", file=sys.stderr)
    files.prepare_dir(folder)
    return files.write_all(folder, rendered)


def _same(path: Path, other: Path | None) -> bool:
    """Whether two paths name one existing file."""
    try:
        return other is not None and path.exists() and path.samefile(other)
    except OSError:
        return False
