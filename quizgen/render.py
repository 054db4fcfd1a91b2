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
    for name in names:
        rendered = export(quiz, name, settings)
        for suffix, content in rendered.files:
            out[f"{stem}.{suffix}"] = content
        for shared_name, content in rendered.shared:
            out.setdefault(shared_name, content)
        warnings.extend(f"{name}: {w}" for w in group_warnings(rendered.warnings))
    return list(out.items()), warnings


_ITEM_WARNING = re.compile(r"^(q[\w-]+): (.+)$")


def group_warnings(warnings) -> list[str]:
    """One line per kind of warning, naming its items: 'q7, q8, q9: the card shows the key'."""
    by_message: dict[str, list[str]] = {}
    others: list[str] = []
    for warning in warnings:
        match = _ITEM_WARNING.match(warning)
        if match:
            by_message.setdefault(match.group(2), []).append(match.group(1))
        else:
            others.append(warning)
    return [f"{', '.join(ids)}: {message}" for message, ids in by_message.items()] + others


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
