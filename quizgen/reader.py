"""Read a passage: text from a file or standard input, split into a title and paragraphs,
with web-page leftovers (category lines, reply prompts, captions printed twice) dropped by
general rules.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from quizgen.errors import QuizgenError
from quizgen.model import Passage

MAX_BYTES = 20_000_000  # about three million words: far beyond any reading assignment

SENTENCE_END = tuple(".!?\"'\u2019\u201d)…:;")
_LABEL_LINE = re.compile(r"^[A-Z][\w&/-]*(?: [\w&/-]+){0,2}:\s*\S")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize(text: str) -> str:
    """Unicode NFC, one kind of newline, no invisible or control characters, plain spaces."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\t", " ")
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    return _CONTROL.sub("", text)


def _is_sentence_like(line: str) -> bool:
    return line.rstrip().endswith(SENTENCE_END)


def is_heading(paragraph: str) -> bool:
    """A heading or label line: one short line with no sentence-final punctuation."""
    text = paragraph.strip()
    return "\n" not in text and len(text.split()) <= 15 and not _is_sentence_like(text)


def _is_boilerplate(block: str) -> bool:
    """Category and tag lines, reply prompts and such: short, label-like, no sentence."""
    text = block.strip()
    words = text.split()
    if len(words) > 8 or _is_sentence_like(text):
        return False
    return bool(_LABEL_LINE.match(text)) or len(words) <= 4


def _join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines into one paragraph; keep line breaks of verse and lists."""
    out = [lines[0]]
    for line in lines[1:]:
        prev = out[-1]
        wrapped = not _is_sentence_like(prev) and (line[:1].islower() or len(prev) > 60)
        if prev.endswith("-") and line[:1].islower():
            out[-1] = prev[:-1] + line  # a word hyphenated across lines
        elif wrapped:
            out[-1] = f"{prev} {line}"
        else:
            out.append(line)
    return "\n".join(out)


def _printed_twice(lines: list[str]) -> list[bool]:
    """Mark lines printed twice in a row (an image's caption and its alt text), both copies."""
    marks = [False] * len(lines)
    for i in range(len(lines) - 1):
        if lines[i] == lines[i + 1] and len(lines[i].split()) >= 4:
            marks[i] = marks[i + 1] = True
    return marks


def split(text: str, fallback_title: str = "") -> Passage:
    """Split plain text into a title and paragraphs, dropping page leftovers."""
    blocks = [b for b in re.split(r"\n\s*\n", normalize(text).strip()) if b.strip()]
    if not blocks:
        raise QuizgenError("the passage is empty")
    lines_of = [[ln.strip() for ln in b.split("\n") if ln.strip()] for b in blocks]
    title = fallback_title
    first = lines_of[0]
    if len(first) == 1 and len(first[0].split()) <= 25 and not first[0].endswith((".", "?", "!")) \
            and len(lines_of) > 1:
        title = first[0]
        lines_of = lines_of[1:]
    # lines printed twice in a row, within a block or across two blocks
    flat = [(n, line) for n, lines in enumerate(lines_of) for line in lines]
    twice = _printed_twice([line for _, line in flat])
    by_block: dict[int, list[str]] = {}
    for (n, line), drop in zip(flat, twice, strict=True):
        if not drop:
            by_block.setdefault(n, []).append(line)
    paragraphs = [_join_lines(by_block[n]) for n in sorted(by_block)]
    paragraphs = _trim_edges(paragraphs)
    if not paragraphs:
        raise QuizgenError("the passage has no paragraphs of text")
    return Passage(title=title or "Reading quiz", paragraphs=tuple(paragraphs))


def _trim_edges(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate before the first and after the last paragraph of running text."""
    body = [i for i, p in enumerate(paragraphs) if not is_heading(p) and len(p.split()) >= 8]
    if not body:
        return [p for p in paragraphs if not _is_boilerplate(p)]
    first, last = body[0], body[-1]
    head = [p for p in paragraphs[:first] if not _is_boilerplate(p)]
    tail = [p for p in paragraphs[last + 1:] if not _is_boilerplate(p) and not is_heading(p)]
    return head + paragraphs[first:last + 1] + tail


def decode(raw: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else detected."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if b"\x00" in raw[:4096]:
        raise QuizgenError(f"{name}: this looks like a binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise QuizgenError(f"{name}: cannot tell how this text is encoded")
    return str(best)


def _stem_title(name: str) -> str:
    stem = Path(name).name.split(".")[0]
    return re.sub(r"[_-]+", " ", stem).strip().capitalize()


def read_bytes(raw: bytes, name: str) -> Passage:
    """Turn the bytes of a plain-text passage into a Passage."""
    if len(raw) > MAX_BYTES:
        raise QuizgenError(f"{name}: the file is larger than {MAX_BYTES // 1_000_000} MB")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise QuizgenError(f"{name}: this looks like a binary file, not text")
    text = decode(raw, name)
    if not text.strip():
        raise QuizgenError(f"{name}: the passage is empty")
    passage = split(text, _stem_title(name))
    return Passage(passage.title, passage.paragraphs, file=name)


def read(source: str | Path) -> Passage:
    """Read a passage from a file, or from standard input when ``source`` is '-'."""
    name = str(source)
    if name == "-":
        return read_bytes(sys.stdin.buffer.read(MAX_BYTES + 1), "-")
    path = Path(source)
    if not path.exists():
        raise QuizgenError(f"{path}: no such file")
    if path.is_dir():
        raise QuizgenError(f"{path}: is a folder; give a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read: {exc.strerror}") from None
    return read_bytes(raw, name)


SUFFIXES = (".txt", ".text", "")


def supported(path: Path) -> bool:
    """Whether a file in a folder is a passage quizgen can read."""
    return path.suffix.lower() in SUFFIXES and not path.name.startswith(".")
