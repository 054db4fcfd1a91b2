"""A YAML error in a quiz file, said for the teacher who made it: the line where the broken
construct starts (an unclosed '[' is reported where it opens, not where the file ends), and
what to do about it (put a text with ': ' in quotes).

libyaml names two places in an error: where the construct it was reading starts (the
context mark: the '[', the opening quote, the list) and where it gave up (the problem mark,
often a line or more later, or the end of the file). A colon inside an unquoted text has no
context mark; the text it broke is found by scanning again with PyYAML's own scanner, whose
tokens say where each text starts.
"""

from __future__ import annotations

import re

import yaml

CLOSERS = {"flow sequence": ("[", "]"), "flow mapping": ("{", "}")}
NEEDS_QUOTES = "*&!@`%|>"  # a text starting with one of these is read as YAML syntax
_KEY_AND_VALUE = re.compile(r"\s*((?:-\s+)*)(?:([\w-]+):\s+)?(.*?)\s*$")


def explain(text: str, exc: yaml.MarkedYAMLError, keys: frozenset[str]) -> tuple[int, int, str]:
    """(line, column, message) for a YAML error: 1-based, at the start of what is broken.

    Args:
        keys: the keys a quiz file may hold, to tell 'prompt: a: b' from '- a: b'.
    """
    problem, context = exc.problem or "", exc.context or ""
    mark, start = exc.problem_mark or exc.context_mark, exc.context_mark
    at = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "the end"
    quote = _open_quote(text)
    if quote is not None and "quoted scalar" not in context:
        return _place(
            quote,
            f"the quoted text that starts here runs on to the next quote, on a later line, and "
            f"YAML then fails at {at} ({problem}): is this text's closing quote missing?",
        )
    if "mapping values are not allowed" in problem and mark is not None:
        return _colon(text, mark, keys)
    if ("alias" in context or "anchor" in context) and start is not None:  # '*', '&' alone
        mark = start
    char = _char(text, mark)
    if char == "\t":
        return _place(mark, "a tab indents this line; YAML indents with spaces only")
    if char and char in NEEDS_QUOTES:
        return _place(mark, f"a text that starts with {char!r} must be in quotes: '{char}…'")
    if "alias" in problem and mark is not None:  # '*text' read as a reference to '&text'
        return _place(mark, f"a text that starts with '*' must be in quotes ({problem})")
    for kind, (opener, closer) in CLOSERS.items():
        if kind in context and start is not None:
            return _place(
                start,
                f"the {opener!r} here is never closed with {closer!r} (YAML looked for "
                f"',' or {closer!r} up to {at})",
            )
    if "quoted scalar" in context and start is not None:
        if "end of stream" in problem:
            return _place(start, "the quote that opens this text is never closed")
        return _place(
            start,
            f"in the text quoted here: {problem} at {at} (inside double quotes a backslash "
            "is written \\\\; or use single quotes)",
        )
    if "block" in context and start is not None:
        what = "list" if "collection" in context or "sequence" in context else "mapping"
        return _place(
            start,
            f"the {what} that starts here has a line indented differently at {at} "
            f"({problem}); indent it like the entries above it",
        )
    if start is not None and (mark is None or start.line != mark.line):
        return _place(start, f"{context}: {problem} at {at}")
    return _place(mark, f"{problem or context}")


def _place(mark: yaml.Mark | None, message: str) -> tuple[int, int, str]:
    return (mark.line + 1, mark.column + 1, message) if mark else (0, 0, message)


def _char(text: str, mark: yaml.Mark | None) -> str:
    """The character at a mark ('' past the end)."""
    if mark is None:
        return ""
    lines = text.split("\n")
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column : mark.column + 1]


def _colon(text: str, mark: yaml.Mark, keys: frozenset[str]) -> tuple[int, int, str]:
    """': ' inside an unquoted text: the text it broke, and that text quoted."""
    scalar = _text_start(text)
    if scalar is not None and scalar.line < mark.line:
        return _place(
            scalar,
            f"the text that starts here runs on to line {mark.line + 1}, where ': ' would "
            f"start a key inside it; indent line {mark.line + 1} like the key above it if it "
            "is a key of its own, or put the whole text in quotes",
        )
    line = text.split("\n")[mark.line]
    return _place(
        mark,
        "': ' inside a text that is not in quotes starts a key in YAML; put the text in "
        f"quotes: {_quoted(line, keys)}",
    )


def _text_start(text: str) -> yaml.Mark | None:
    """Where the last plain text before a scanner error starts (PyYAML's scanner keeps the
    tokens it read ahead)."""
    scanner = yaml.SafeLoader(text)
    last = None
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, yaml.ScalarToken):
                last = token.start_mark
    except yaml.YAMLError:
        queued = [t for t in scanner.tokens if isinstance(t, yaml.ScalarToken)]
        last = queued[-1].start_mark if queued else last
    finally:
        scanner.dispose()
    return last


def _open_quote(text: str) -> yaml.Mark | None:
    """Where a quoted text starts that runs over a line end, in a file that then breaks: the
    sign of a closing quote left out (the next quote in the file closed it instead)."""
    scanner = yaml.SafeLoader(text)
    last = None
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if isinstance(token, yaml.ScalarToken) and token.style in ('"', "'"):
                last = token if token.start_mark.line < token.end_mark.line else None
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    return last.start_mark if last is not None else None


def _quoted(line: str, keys: frozenset[str]) -> str:
    """The line with its text in quotes: 'prompt: Who said: hi?' -> 'prompt: "Who said: hi?"';
    '- Persia: the old name' (no key of the quiz file) -> '- "Persia: the old name"'."""
    dashes, key, value = _KEY_AND_VALUE.fullmatch(line).groups()
    if key and key not in keys and not key.startswith("x-"):
        key, value = None, f"{key}: {value}"
    plain = '"' not in value and "\\" not in value
    quoted = f'"{value}"' if plain else "'" + value.replace("'", "''") + "'"
    return f"{dashes}{key}: {quoted}" if key else f"{dashes}{quoted}"
