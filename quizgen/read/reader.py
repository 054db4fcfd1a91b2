"""Read a passage: plain text, Markdown, a saved web page, a Word document or a PDF, from a
file or standard input, turned into a title and paragraphs by one shared cleanup that drops
page leftovers (category lines, reply prompts, captions printed twice) by general rules.
A book is cut into chapters (or parts) so that each is quizzed on its own.
"""

from __future__ import annotations

import io
import logging
import math
import re
import statistics
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from quizgen.base.errors import QuizgenError
from quizgen.quiz.model import Passage

MAX_BYTES = 20_000_000  # a text file: about three million words, far beyond any assignment
MAX_DOCUMENT_BYTES = 200_000_000  # a PDF or Word file, pictures and all
DOCUMENTS = (".pdf", ".docx")  # formats whose files are mostly not text
MAX_PARAGRAPH_CHARS = 10_000  # longer paragraphs are cut at sentence ends before parsing
BOOK_WORDS = 20_000  # longer passages are quizzed a chapter (or a part) at a time
PART_WORDS = 5_000  # the size of a part where a book marks no chapters
MIN_SECTION_WORDS = 300  # a shorter chapter (a dedication, a contents list) joins the next

SENTENCE_END = tuple(".!?\"'\u2019\u201d)…:;")
_LABEL_LINE = re.compile(r"^[A-Z][\w&/-]*(?: [\w&/-]+){0,2}:\s*\S")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_STRAY = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, escaped by the decoder
_UTF8_CHAR = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
    rb"|[\xf0-\xf4][\x80-\xbf]{3}"
)
WESTERN = ("cp1252", "latin_1", "iso8859_15", "mac_roman")  # legacy encodings of English text
_SENTENCE_GAP = re.compile(
    r"(?:(?<=[.!?…])|(?<=[.!?…][\"'\u2019\u201d)\]]))\s+"
    r"(?=[\"'\u2018\u201c(\[]?[A-Z0-9])"
)
_NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|first|second|"
    r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)"
)
_ROMAN = r"(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})"  # up to 399
_CHAPTER = re.compile(
    rf"(?:chapter|book|part)\s+(?:\d+|{_ROMAN}|{_NUMBER_WORD})\b(?:[\s.:—–-].*)?", re.IGNORECASE
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_PAGE_NUMBER = re.compile(
    r"[-–—(\[]?\s*(?:[Pp]age\s+)?(?:\d+|[ivxlc]+)(?:\s*(?:of|/)\s*\d+)?"
    r"\s*[-–—)\]]?"
)
_HYPHENS = ("-", "\u00ad", "\u2010")
# A word broken at a line end: by a soft hyphen (always a break), or by a hyphen before a
# lower-case letter ('embank-\nment'; 'Anglo-\nSaxon' keeps its hyphen and its capital).
_LINE_END_HYPHEN = re.compile(r"(?<=[^\W\d_])([-\u00ad\u2010]) *\n *(?=[^\W\d_])")

# Compatibility characters a PDF's text layer or a Word file carries where a keyboard types
# a plain one that means the same: folded as NFKC folds them, so a key the passage gives is
# one a student can type. The blocks: ligatures (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ, Armenian ones), full-width and
# half-width forms, small and vertical presentation forms, Arabic presentation forms,
# mathematical letters and digits (the 'bold' of a pasted post), Roman numerals (Ⅻ),
# Kangxi radicals, the long s (ſ), letter digraphs (ĳ, ǆ) and doubled marks (‼ ⁇).
# Left alone, as the typography the passage keeps or because NFKC would change the sense:
# curly quotes, dashes and the ellipsis; fractions (NFKC makes '2½' into '21⁄2'), super- and
# subscripts ('m²' is not 'm2'), ™ (not 'TM'), ① and other symbols; half-width Hangul.
_COMPATIBLE_BLOCKS = (
    (0x0132, 0x0133),
    (0x017F, 0x017F),
    (0x01C4, 0x01CC),
    (0x01F1, 0x01F3),
    (0x2024, 0x2024),
    (0x203C, 0x203C),
    (0x2047, 0x2049),
    (0x2160, 0x217F),
    (0x2F00, 0x2FD5),
    (0xFB00, 0xFB06),
    (0xFB13, 0xFB17),
    (0xFB50, 0xFDCF),
    (0xFE10, 0xFE19),
    (0xFE30, 0xFE6B),
    (0xFE70, 0xFEFC),
    (0xFF01, 0xFF9F),
    (0xFFE0, 0xFFEE),
    (0x1D400, 0x1D7FF),
)
# hyphens no keyboard types, for the one every keyboard has: 'well‑known' typed 'well-known'
_PLAIN_HYPHENS = {0x2010: "-", 0x2011: "-", 0x2212: "-"}


def _compatible_table() -> dict[int, str]:
    """Code point -> its NFKC form, for the blocks above (not where NFKC leaves a bare mark)."""
    table: dict[int, str] = {}
    for first, last in _COMPATIBLE_BLOCKS:
        for code in range(first, last + 1):
            folded = unicodedata.normalize("NFKC", chr(code))
            if folded != chr(code) and not folded[0].isspace():
                table[code] = folded
    return {**table, **_PLAIN_HYPHENS}


_TYPEABLE = {**_INVISIBLE, **_compatible_table()}  # one pass: dropped, or folded


def join_hyphenated(text: str) -> str:
    """Words broken across a line end by a hyphen made whole again (see _LINE_END_HYPHEN)."""
    return _LINE_END_HYPHEN.sub(_joined, text)


def _joined(match: re.Match) -> str:
    after = match.string[match.end()]
    return "" if match.group(1) == "\u00ad" or after.islower() else match.group()


def normalize(text: str) -> str:
    """Unicode NFC, one kind of newline, words broken at a line end joined, compatibility
    characters typeable (see _COMPATIBLE_BLOCKS), no invisible or control characters, plain
    spaces. Every reader passes its text through here before anything is parsed."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = join_hyphenated(text.replace("\u2029", "\n\n").replace("\t", " "))
    text = unicodedata.normalize("NFC", text.translate(_TYPEABLE))
    text = re.sub(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]", " ", text)
    return _CONTROL.sub("", text)


def _is_sentence_like(line: str) -> bool:
    return line.rstrip().endswith(SENTENCE_END)


def is_heading(paragraph: str) -> bool:
    """A heading or label line: one short line with no sentence-final punctuation."""
    text = paragraph.strip()
    return "\n" not in text and len(text.split()) <= 15 and not _is_sentence_like(text)


def paragraph_numbers(paragraphs) -> tuple[int | None, ...]:
    """The number each paragraph is printed with: none for a heading (an article's subheading
    is no paragraph 1), the others 1, 2, ... in order."""
    numbers: list[int | None] = []
    count = 0
    for paragraph in paragraphs:
        if is_heading(paragraph):
            numbers.append(None)
        else:
            count += 1
            numbers.append(count)
    return tuple(numbers)


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


def _blocks(paragraphs: Iterable[str]) -> list[list[str]]:
    """Each non-empty paragraph as its stripped, non-empty lines."""
    lines_of = ([" ".join(ln.split()) for ln in normalize(p).split("\n")] for p in paragraphs)
    return [[ln for ln in lines if ln] for lines in lines_of if any(lines)]


def _take_title(blocks: list[list[str]]) -> tuple[str, list[list[str]]]:
    """The first block as the title when it is one short line that is not a sentence."""
    first = blocks[0]
    if (
        len(first) == 1
        and len(first[0].split()) <= 25
        and not first[0].endswith((".", "?", "!"))
        and len(blocks) > 1
    ):
        return first[0], blocks[1:]
    return "", blocks


def split(text: str, fallback_title: str = "") -> Passage:
    """Split plain text into a title and paragraphs, dropping page leftovers."""
    blocks = _blocks(re.split(r"\n\s*\n", normalize(text).strip()))
    if not blocks:
        raise QuizgenError("the passage is empty")
    title, blocks = _take_title(blocks)
    return _clean(title or fallback_title, blocks)


def _clean(title: str, blocks: list[list[str]]) -> Passage:
    """Drop lines printed twice, join wrapped lines, trim page leftovers, cut giant paragraphs."""
    flat = [(n, line) for n, lines in enumerate(blocks) for line in lines]
    twice = _printed_twice([line for _, line in flat])
    by_block: dict[int, list[str]] = {}
    for (n, line), drop in zip(flat, twice, strict=True):
        if not drop:
            by_block.setdefault(n, []).append(line)
    paragraphs = _trim_edges([_join_lines(by_block[n]) for n in sorted(by_block)])
    if not paragraphs:
        raise QuizgenError("the passage has no paragraphs of text")
    pieces = tuple(piece for p in paragraphs for piece in cut_paragraph(p))
    return Passage(title=" ".join(normalize(title).split()) or "Reading quiz", paragraphs=pieces)


def _trim_edges(paragraphs: list[str]) -> list[str]:
    """Drop boilerplate before the first and after the last paragraph of running text."""
    body = [i for i, p in enumerate(paragraphs) if not is_heading(p) and len(p.split()) >= 8]
    if not body:
        return [p for p in paragraphs if not _is_boilerplate(p)]
    first, last = body[0], body[-1]
    head = [p for p in paragraphs[:first] if not _is_boilerplate(p)]
    tail = [p for p in paragraphs[last + 1 :] if not _is_boilerplate(p) and not is_heading(p)]
    return head + paragraphs[first : last + 1] + tail


def cut_paragraph(paragraph: str, limit: int = MAX_PARAGRAPH_CHARS) -> list[str]:
    """A giant paragraph as pieces of at most ``limit`` characters, cut at sentence ends
    (else at spaces), so that no Doc is too big to parse; a normal paragraph as itself."""
    if len(paragraph) <= limit:
        return [paragraph]
    pieces: list[str] = []
    current = ""
    for sentence in _SENTENCE_GAP.split(paragraph):
        for part in _wrap(sentence, limit):
            if current and len(current) + 1 + len(part) > limit:
                pieces.append(current)
                current = ""
            current = f"{current} {part}" if current else part
    return [*pieces, current] if current else pieces


def _wrap(text: str, limit: int) -> list[str]:
    """A run-on 'sentence' longer than ``limit`` cut at spaces (or anywhere, if it has none)."""
    if len(text) <= limit:
        return [text]
    cut = text.rfind(" ", 0, limit + 1)
    cut = cut if cut > 0 else limit
    return [text[:cut], *_wrap(text[cut:].lstrip(), limit)]


def _passage(title: str, paragraphs: Iterable[str], name: str) -> Passage:
    """A document's paragraphs through the shared cleanup; the title from the document, else
    from a first line that looks like one, else from the file name."""
    blocks = _blocks(paragraphs)
    if not blocks:
        raise QuizgenError(f"{name}: found no text in this file")
    if not title.strip():
        title, blocks = _take_title(blocks)
    elif len(blocks) > 1 and " ".join(blocks[0]) == " ".join(title.split()):
        blocks = blocks[1:]  # the title printed again above the text
    try:
        passage = _clean(title or _stem_title(name), blocks)
    except QuizgenError as exc:
        raise QuizgenError(f"{name}: {exc}") from None
    return Passage(passage.title, passage.paragraphs, file=name)


# plain text


def decode(raw: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (with or without BOM; a stray byte from another encoding read
    as Windows-1252), UTF-16 with BOM, else a legacy encoding detected by charset-normalizer."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if b"\x00" in raw[:4096]:
        raise QuizgenError(f"{name}: this looks like a binary file, not text")
    text = raw.decode("utf-8-sig", errors="surrogateescape")  # bytes that are not UTF-8 kept
    stray = len(_STRAY.findall(text))
    if stray and len(_UTF8_CHAR.findall(raw)) < stray:
        return _detect(raw, name)  # not UTF-8 at all
    return _STRAY.sub(_as_cp1252, text)


def _as_cp1252(stray: re.Match) -> str:
    """A byte that is not UTF-8, in an otherwise UTF-8 file, read as Windows-1252."""
    byte = bytes([ord(stray.group()) - 0xDC00])
    return byte.decode("cp1252", errors="replace").replace("\ufffd", "")


def _detect(raw: bytes, name: str) -> str:
    """Decode legacy text; among equally good guesses prefer the Western code pages."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(raw))
    if not matches:
        raise QuizgenError(f"{name}: cannot tell how this text is encoded")
    least = min(m.chaos for m in matches)
    western = [m for m in matches if m.chaos <= least and m.encoding in WESTERN]
    return str(western[0] if western else matches[0])


def _stem_title(name: str) -> str:
    stem = Path(name).name.split(".")[0]
    return re.sub(r"[_-]+", " ", stem).strip().capitalize()


def _read_text(raw: bytes, name: str) -> Passage:
    """A plain-text passage: title on the first line, paragraphs between blank lines."""
    return _passage("", re.split(r"\n\s*\n", normalize(_decoded(raw, name))), name)


def _decoded(raw: bytes, name: str) -> str:
    """The text of a text file; an empty one is an error."""
    text = decode(raw, name)
    if not text.strip():
        raise QuizgenError(f"{name}: the passage is empty")
    return text


# Markdown


def _read_markdown(raw: bytes, name: str) -> Passage:
    """Markdown: markup stripped; headings, paragraphs and list items kept as paragraphs;
    code, tables, images and raw HTML dropped; the first heading as the title."""
    from markdown_it import MarkdownIt

    text = normalize(_decoded(raw, name))
    front = _FRONT_MATTER.match(text)
    title = _front_title(front.group(1)) if front else ""
    tokens = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .parse(text[front.end() :] if front else text)
    )
    paragraphs = []
    for before, token in pairwise(tokens):
        if token.type != "inline" or before.type not in ("heading_open", "paragraph_open"):
            continue  # inline text of table cells is not a paragraph
        if before.type == "heading_open" and not title:
            title = _inline_text(token.children or [])
        else:
            paragraphs.append(_inline_text(token.children or []))
    return _passage(title, paragraphs, name)


def _front_title(front_matter: str) -> str:
    """The title: line of a Markdown file's YAML front matter."""
    found = re.search(r"^title:\s*[\"']?(.*?)[\"']?\s*$", front_matter, re.MULTILINE)
    return found.group(1) if found else ""


def _inline_text(children) -> str:
    """The words of an inline run: link text kept, images and inline HTML dropped."""
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append("\n")  # a wrapped line, not a line break: joined below
        elif child.type == "hardbreak":
            parts.append("\u2028")  # a line break, which normalize() makes a newline
    return join_hyphenated("".join(parts)).replace("\n", " ")


# web pages


def _read_html(raw: bytes, name: str) -> Passage:
    """A saved web page: the article alone (trafilatura), with its title; menus, banners,
    related links, comments, tables, footers and scripts dropped. Nothing is fetched."""
    import trafilatura
    from lxml import etree

    _quiet("trafilatura", "htmldate", "courlan")
    xml = trafilatura.extract(
        raw,
        output_format="xml",
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
        with_metadata=True,
    )
    doc = etree.fromstring(xml.encode("utf-8")) if xml else None
    paragraphs = [_element_text(el) for el in _leaf_blocks(doc)]
    if not any(p.strip() for p in paragraphs):
        raise QuizgenError(f"{name}: found no article text in this web page")
    title = doc.get("title") if doc is not None else None
    return _passage(title or "", paragraphs, name)


HTML_BLOCKS = ("head", "p", "item", "quote")  # trafilatura's block elements in its XML


def _leaf_blocks(doc) -> list:
    """Block elements of the article body that hold no other block element."""
    body = doc.find("main") if doc is not None else None
    if body is None:
        return []
    return [
        el
        for el in body.iter(*HTML_BLOCKS)
        if not any(True for _ in el.iterdescendants(*HTML_BLOCKS))
    ]


def _element_text(element) -> str:
    """An element's text with its line breaks (trafilatura's <lb/>) kept."""
    for br in element.iter("lb"):
        br.tail = "\n" + (br.tail or "")
    return "".join(element.itertext())


# Word


def _read_docx(raw: bytes, name: str) -> Passage:
    """A Word document: body paragraphs; the first Title or Heading paragraph as the title;
    tables, headers, footers, footnotes and text boxes skipped."""
    import docx

    try:
        document = docx.Document(io.BytesIO(raw))
    except Exception as exc:  # a broken zip, a missing part, bad XML: python-docx raises them all
        raise QuizgenError(f"{name}: cannot read this Word document ({_why(exc)})") from None
    title, paragraphs = "", []
    for paragraph in document.paragraphs:
        if not title and paragraph.text.strip() and _is_heading_style(paragraph):
            title = paragraph.text
        else:
            paragraphs.append(paragraph.text)
    return _passage(title, paragraphs, name)


def _is_heading_style(paragraph) -> bool:
    """Whether a Word paragraph is styled as a title or a heading."""
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.lower().startswith(("title", "heading"))


def _quiet(*libraries: str) -> None:
    """Keep a library's warnings about a damaged file off the screen: our error says it."""
    for name in libraries:
        logging.getLogger(name).setLevel(logging.ERROR)


def _why(exc: Exception) -> str:
    """An exception as a short phrase for a one-line error."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:120]


# PDF


def _read_pdf(raw: bytes, name: str) -> Passage:
    """A PDF's text layer: lines joined into paragraphs by their spacing, words hyphenated at
    line ends joined, running headers, footers and page numbers dropped."""
    pages = _pdf_pages(raw, name)
    if not any(pages):
        raise QuizgenError(
            f"{name}: this PDF has no text layer (is it a scan?); run it through OCR first"
        )
    repeated = _running_lines(pages)
    lines = [line for page in pages for line in _body_lines(page, repeated)]
    return _passage("", _pdf_paragraphs(lines), name)


@dataclass(slots=True)
class _Line:
    """One printed line of a PDF page: its text, where it starts, and its font size."""

    text: str
    x: float
    y: float
    size: float
    page_start: bool = False


def _pdf_pages(raw: bytes, name: str) -> list[list[_Line]]:
    """The lines of each page of a PDF, in reading order."""
    import pypdf

    _quiet("pypdf")
    try:
        pdf = pypdf.PdfReader(io.BytesIO(raw))
        if pdf.is_encrypted and not pdf.decrypt(""):
            raise QuizgenError(f"{name}: this PDF is password-protected")
        return [_page_lines(page) for page in pdf.pages]
    except QuizgenError:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise QuizgenError(f"{name}: cannot read this PDF ({_why(exc)})") from None


def _page_lines(page) -> list[_Line]:
    """A page's lines as pypdf breaks them, each placed where its first text is printed."""
    pieces: list[tuple[str, tuple[float, float, float]]] = []
    page.extract_text(
        visitor_text=lambda text, cm, tm, _font, size: pieces.append(
            (text, _placement(cm, tm, size))
        )
    )
    lines: list[_Line] = []
    text, start = "", None
    for piece, where in pieces:
        for n, part in enumerate(piece.split("\n")):
            if n:  # pypdf ends a line here
                _add_line(lines, text, start)
                text, start = "", None
            if start is None and part.strip():
                start = where
            text += part
    _add_line(lines, text, start)
    if lines:
        lines[0].page_start = True
    return lines


def _placement(cm, tm, size: float) -> tuple[float, float, float]:
    """Where a piece of text is printed on the page (x, y) and its printed size."""
    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
    return x, y, size * (scale or 1)


def _add_line(lines: list[_Line], text: str, start: tuple[float, float, float] | None) -> None:
    """Add a line to a page's lines, unless it is blank."""
    text = " ".join(text.split())
    if text and start is not None:
        lines.append(_Line(text, *start))


def _shape(text: str) -> str:
    """A line with its digits masked, to match 'Page 3 of 9' with 'Page 4 of 9'."""
    return re.sub(r"\d+", "#", text.casefold())


def _edges(page: list[_Line]) -> list[_Line]:
    """The two top-most and two bottom-most lines of a page, where running heads print."""
    by_height = sorted(page, key=lambda line: -line.y)
    return by_height[:2] + by_height[2:][-2:]


def _running_lines(pages: list[list[_Line]]) -> set[tuple[str, int]]:
    """Lines printed at the same height at the top or bottom of most pages (running heads
    and feet), by shape and height."""
    if len(pages) < 2:
        return set()
    counts = Counter(key for page in pages for key in {_key(line) for line in _edges(page)})
    return {key for key, n in counts.items() if n >= max(2, 0.4 * len(pages))}


def _key(line: _Line) -> tuple[str, int]:
    """A line's shape and height: a running head prints the same way on every page."""
    return _shape(line.text), round(line.y)


def _body_lines(page: list[_Line], repeated: set[tuple[str, int]]) -> list[_Line]:
    """A page's lines without running heads, feet and page numbers."""
    edges = {id(line) for line in _edges(page)}
    kept = [
        line
        for line in page
        if id(line) not in edges
        or (_key(line) not in repeated and not _PAGE_NUMBER.fullmatch(line.text))
    ]
    if kept:
        kept[0].page_start = True
    return kept


def _pdf_paragraphs(lines: list[_Line]) -> list[str]:
    """Join lines into paragraphs: a wider gap, an indent or a change of size starts one."""
    if not lines:
        return []
    layout = _Layout(
        gap=_usual_gap(lines),
        left=statistics.median_low(ln.x for ln in lines),
        width=statistics.median(len(ln.text) for ln in lines),
        bottom=min(ln.y for ln in lines),
    )
    paragraphs = [[lines[0]]]
    for prev, line in pairwise(lines):
        if _starts_paragraph(prev, line, layout):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [_unwrap([line.text for line in group]) for group in paragraphs]


@dataclass(frozen=True, slots=True)
class _Layout:
    """A PDF's usual line spacing, left margin, line length (in characters) and lowest line."""

    gap: float
    left: float
    width: float
    bottom: float


def _usual_gap(lines: list[_Line]) -> float:
    """The commonest distance between one line and the next of the same size."""
    gaps = [
        round(a.y - b.y, 1)
        for a, b in pairwise(lines)
        if not b.page_start and a.y > b.y and abs(a.size - b.size) < 0.5
    ]
    return Counter(gaps).most_common(1)[0][0] if gaps else 0.0


def _starts_paragraph(prev: _Line, line: _Line, layout: _Layout) -> bool:
    """Whether a line begins a new paragraph rather than continuing the one before."""
    if abs(prev.size - line.size) >= 0.5:
        return True  # a heading begins or ends
    if line.page_start:  # a paragraph that runs on to the next page fills the page before
        short = len(prev.text) < 0.85 * layout.width
        high = prev.y - layout.bottom > layout.gap * 0.5
        return _is_sentence_like(prev.text) and (short or high)
    if line.y >= prev.y or (layout.gap and prev.y - line.y > layout.gap * 1.3):
        return True  # a new column, or the space between paragraphs
    indent = line.size * 0.8
    return line.x - layout.left > indent >= prev.x - layout.left  # a first-line indent


def _unwrap(lines: list[str]) -> str:
    """One paragraph's lines as one line; a word hyphenated at a line end joined again."""
    text = lines[0]
    for line in lines[1:]:
        if text.endswith(_HYPHENS) and line[:1].islower():
            text = text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


# dispatch


READERS: dict[str, Callable[[bytes, str], Passage]] = {  # suffix -> reader
    ".txt": _read_text,
    ".text": _read_text,
    "": _read_text,
    ".md": _read_markdown,
    ".markdown": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}
SUFFIXES = tuple(READERS)


def _sniff(raw: bytes) -> str:
    """The suffix a file without one would have, from its first bytes."""
    start = raw[:1024].lstrip().lower()
    if raw.startswith(b"%PDF-"):
        return ".pdf"
    if raw.startswith(b"PK\x03\x04") and b"word/" in raw[:4096]:
        return ".docx"
    if start.startswith((b"<!doctype html", b"<html")):
        return ".html"
    return ""


def read_bytes(raw: bytes, name: str) -> Passage:
    """Turn the bytes of a passage file into a Passage; the name's suffix picks the reader."""
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix not in READERS:
        suffix = ""  # 'notes.2024' and such: read as text
    suffix = suffix or _sniff(raw)
    limit = MAX_DOCUMENT_BYTES if suffix in DOCUMENTS else MAX_BYTES
    if len(raw) > limit:
        raise QuizgenError(f"{name}: the file is larger than {limit // 1_000_000} MB")
    return READERS[suffix](raw, name)


def read(source: str | Path) -> Passage:
    """Read a passage from a file, or from standard input when ``source`` is '-'."""
    name = str(source)
    if name == "-":
        if sys.stdin.isatty():
            print(
                "quizgen: reading the passage from standard input; end it with Ctrl-D",
                file=sys.stderr,
            )
        return read_bytes(sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1), "-")
    path = Path(source)
    if not path.exists():
        raise QuizgenError(f"{path}: no such file")
    if path.is_dir():
        raise QuizgenError(f"{path}: is a folder; give a file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_DOCUMENT_BYTES + 1)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read: {exc.strerror}") from None
    return read_bytes(raw, name)


# files that describe a folder rather than hold a reading: README.md, SOURCES.md, LICENSE.txt
FOLDER_NOTES = re.compile(
    r"^(readme|sources?|license|licence|changelog|contributing|notes?)\b", re.I
)


def supported(path: Path) -> bool:
    """Whether a file in a folder is a passage quizgen can read (not a hidden file, nor the
    lock file Word keeps beside an open document, '~$name.docx', nor a folder's README)."""
    return (
        path.suffix.lower() in SUFFIXES
        and not path.name.startswith((".", "~$"))
        and not FOLDER_NOTES.match(path.name)
    )


# books


def is_chapter_heading(paragraph: str) -> bool:
    """'Chapter 1', 'CHAPTER IV. The Storm', 'Part Two': a heading that opens a chapter."""
    return is_heading(paragraph) and bool(_CHAPTER.fullmatch(paragraph.strip()))


def sections(
    passage: Passage, book_words: int = BOOK_WORDS, part_words: int = PART_WORDS
) -> list[Passage]:
    """A passage longer than ``book_words`` cut into chapters where they are marked, else into
    parts of about ``part_words`` words at headings or paragraph ends; a shorter one whole."""
    if passage.words <= book_words:
        return [passage]
    marked = sum(map(is_chapter_heading, passage.paragraphs)) >= 2
    groups: list[list[str]] = [[]]
    words = 0
    for paragraph in passage.paragraphs:
        if words >= MIN_SECTION_WORDS and _opens_section(
            paragraph, words, part_words, marked=marked
        ):
            groups.append([])
            words = 0
        groups[-1].append(paragraph)
        words += 0 if is_heading(paragraph) else len(paragraph.split())
    if len(groups) > 1 and words < MIN_SECTION_WORDS:  # an epilogue too short for a quiz
        groups[-2:] = [groups[-2] + groups[-1]]
    return [_section(passage, group, n) for n, group in enumerate(groups, start=1)]


def _opens_section(paragraph: str, words: int, part_words: int, *, marked: bool) -> bool:
    """Whether a paragraph starts a new section, given the words of the current one."""
    if marked and is_chapter_heading(paragraph):
        return True
    if words >= part_words and (is_heading(paragraph) or not marked):
        return True
    return words >= 2 * part_words  # a chapter too long for one quiz


def _section(book: Passage, paragraphs: list[str], number: int) -> Passage:
    """One section of a book as a passage, titled by its opening heading or its number."""
    if len(paragraphs) > 1 and is_heading(paragraphs[0]):
        return Passage(f"{book.title}: {paragraphs[0]}", tuple(paragraphs[1:]), book.file)
    return Passage(f"{book.title} (part {number})", tuple(paragraphs), book.file)
