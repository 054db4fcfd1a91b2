"""Reading passages: every input type from files the tests make themselves, checking that the
passage is the article and nothing else; encodings; stdin; giant paragraphs; books."""

from __future__ import annotations

import io
import socket
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizgen.base.errors import QuizgenError
from quizgen.quiz.model import Passage
from quizgen.read import reader

TITLE = "River towns flood again"
ARTICLE = (
    "The river rose four metres overnight and flooded the old town of Marlow for the second "
    "time this year. Residents woke to find the water at their doors before dawn.",
    "Emergency crews moved more than two hundred families to the school on the hill, where "
    "volunteers served hot soup until late in the evening.",
    "The mayor, Ruth Okafor, said the town would ask the government for money to build a "
    "higher wall along the river before next winter.",
    "Engineers had warned in 2019 that the old wall was too low, but the repairs were delayed "
    "twice because of the cost.",
)
BOILERPLATE = (
    "cookie",
    "Subscribe",
    "Related stories",
    "Storm closes",
    "All rights reserved",
    "Privacy",
    "tracking",
    "Home",
    "Sport",
    "dataLayer",
)

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{TITLE} | The Daily Example</title>
<meta property="og:title" content="{TITLE}">
<script>window.dataLayer = []; function track() {{ console.log("tracking pixel"); }}</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
  <button>Accept all cookies</button></div>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
  <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li></ul></nav>
</header>
<main><article>
<h1>{TITLE}</h1>
{"".join(f"<p>{p}</p>" for p in ARTICLE)}
</article>
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/a">Storm closes the coastal road</a></li>
  <li><a href="/b">Farmers count the cost of a wet spring</a></li></ul></aside>
</main>
<footer><p>&copy; 2024 The Daily Example. All rights reserved.</p>
  <p><a href="/privacy">Privacy policy</a> | <a href="/terms">Terms of use</a></p></footer>
<script>track();</script>
</body></html>
"""


def assert_article(passage: Passage, paragraphs: tuple[str, ...] = ARTICLE) -> None:
    """The passage is the article, titled, and nothing else."""
    assert passage.title == TITLE
    assert passage.paragraphs == paragraphs
    for word in BOILERPLATE:
        assert word not in passage.text


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*_args, **_kwargs):
        raise AssertionError("the reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# web pages


def test_web_page_is_the_article_alone(tmp_path, no_network):
    path = tmp_path / "flood.html"
    path.write_text(PAGE, encoding="utf-8")
    passage = reader.read(path)
    assert_article(passage)
    assert passage.file == str(path)


def test_web_page_in_a_legacy_encoding_and_htm(tmp_path, no_network):
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1252"').replace(
        "Ruth Okafor", "Ruth Okaf\u00f6r"
    )
    path = tmp_path / "flood.htm"
    path.write_bytes(page.encode("cp1252"))
    assert "Ruth Okaf\u00f6r" in reader.read(path).text


def test_web_page_without_an_article(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(QuizgenError, match="no article text"):
        reader.read(path)


# Word


def write_docx(path):
    """A handout with a header, a footer, a title heading, a table and a sub-heading."""
    import docx

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "SCHOOL HANDOUT HEADER"
    document.sections[0].footer.paragraphs[0].text = "Footer: Year 8 English"
    document.add_heading(TITLE, level=1)
    document.add_paragraph(ARTICLE[0])
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "TABLE CELL that must not appear"
    table.cell(1, 1).text = "Another cell"
    document.add_paragraph(ARTICLE[1])
    document.add_heading("What happens next", level=2)
    document.add_paragraph(ARTICLE[2])
    document.add_paragraph(ARTICLE[3])
    document.save(path)


def test_word_document_paragraphs_title_no_table_or_header(tmp_path):
    path = tmp_path / "flood.docx"
    write_docx(path)
    passage = reader.read(path)
    assert_article(passage, (*ARTICLE[:2], "What happens next", *ARTICLE[2:]))
    for leftover in ("TABLE CELL", "Another cell", "HEADER", "Footer"):
        assert leftover not in passage.text


def test_word_document_that_is_broken(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip file")
    with pytest.raises(QuizgenError, match="cannot read this Word document") as caught:
        reader.read(path)
    assert "\n" not in str(caught.value)


# PDF

PDF_CSS = """
@page { size: A6; margin: 1.6cm 1.2cm;
  @top-center { content: "The Daily Example - Flood report"; font-size: 8pt; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; }
  @bottom-right { content: counter(page); font-size: 8pt; } }
body { font-size: 10pt; line-height: 1.3; }
h1 { font-size: 16pt; }
p { margin: 0 0 0.9em 0; }
.narrow { width: 2.6cm; hyphens: auto; }
"""
HYPHENATED = (
    "Volunteers arrived with sandbags, and the council's engineers inspected the "
    "crumbling embankment immediately."
)


def write_pdf(path):
    """The article as a PDF with a running header, page numbers, and a word hyphenated
    at a line end; long enough to run over several pages."""
    from weasyprint import HTML

    body = "".join(f"<p>{p}</p>" for p in ARTICLE * 3)
    HTML(
        string=f"<html lang='en'><head><style>{PDF_CSS}</style></head><body><h1>{TITLE}</h1>"
        f"<p class='narrow'>{HYPHENATED}</p>{body}</body></html>"
    ).write_pdf(path)


@pytest.fixture(scope="module")
def flood_pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "flood.pdf"
    write_pdf(path)
    return path


def test_pdf_pages_have_running_heads_and_a_hyphen_break(flood_pdf):
    import pypdf

    pages = [page.extract_text() for page in pypdf.PdfReader(flood_pdf).pages]
    assert len(pages) >= 3
    assert all("Flood report" in text and "Page" in text for text in pages)
    assert any(line.endswith(("-", "\u2010", "\u00ad")) for line in pages[0].splitlines())


def test_pdf_is_the_article_alone(flood_pdf):
    passage = reader.read(flood_pdf)
    assert_article(passage, (HYPHENATED, *ARTICLE * 3))
    assert "Flood report" not in passage.text and "Page" not in passage.text


def test_pdf_without_a_text_layer(tmp_path):
    import pypdf

    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    with pytest.raises(QuizgenError, match=r"no text layer \(is it a scan\?\)"):
        reader.read(path)


def test_pdf_that_is_broken(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nnot a real pdf at all")
    with pytest.raises(QuizgenError, match="broken.pdf: cannot read this PDF"):
        reader.read(path)


# Markdown

MARKDOWN = f"""---
layout: post
tags: [floods]
---
# {TITLE.replace("flood", "*flood*")}

{ARTICLE[0].replace("Marlow", "[Marlow](https://example.org/marlow)")}
![A photo of the flooded high street](street.jpg)

- {ARTICLE[1].replace("hot soup", "**hot soup**")}
- {ARTICLE[2]}

```python
print("code is not part of the passage")
```

| Year | Floods |
|------|--------|
| 2023 | 3      |

<div class="ad">An advert in raw HTML</div>

> {ARTICLE[3].replace("2019", "`2019`")}
"""


def test_markdown_markup_stripped_first_heading_as_title(tmp_path):
    path = tmp_path / "flood.md"
    path.write_text(MARKDOWN, encoding="utf-8")
    passage = reader.read(path)
    assert_article(passage)
    for leftover in ("layout", "photo", "print", "Year", "advert", "*", "[", "`", "#", "|"):
        assert leftover not in passage.text


def test_markdown_front_matter_title(tmp_path):
    path = tmp_path / "notes.markdown"
    path.write_text(f'---\ntitle: "{TITLE}"\n---\n\n' + "\n\n".join(ARTICLE), encoding="utf-8")
    assert_article(reader.read(path))


# plain text and encodings

TEXT = TITLE + "\n\n" + "\n\n".join(ARTICLE) + "\n"
CAFE = (
    "The caf\u00e9 by the river served cr\u00e8me br\u00fbl\u00e9e to the na\u00efve "
    "visitors, who said it was the best in the whole town by far."
)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"])
def test_unicode_text(tmp_path, encoding):
    text = TEXT.replace("Marlow", "Marl\u00f6w")
    raw = (
        (b"\xfe\xff" + text.encode("utf-16-be"))
        if encoding == "utf-16-be-bom"
        else text.encode(encoding)
    )
    path = tmp_path / "flood.txt"
    path.write_bytes(raw)
    passage = reader.read(path)
    assert passage.title == TITLE
    assert passage.paragraphs[0] == ARTICLE[0].replace("Marlow", "Marl\u00f6w")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_text(tmp_path, encoding):
    extra = "\u201cIt will rise again,\u201d she said." if encoding == "cp1252" else ""
    text = f"{TEXT}\n{CAFE} {extra}\n"
    path = tmp_path / "flood.txt"
    path.write_bytes(text.encode(encoding))
    passage = reader.read(path)
    assert passage.paragraphs[:4] == ARTICLE
    assert passage.paragraphs[4] == f"{CAFE} {extra}".strip()


def test_stray_byte_in_utf8_text(tmp_path):
    raw = TEXT.replace("Marlow", "Marl\u00f6w").encode("utf-8")
    raw = raw.replace(b"the hill", b"the hill\x92s")
    path = tmp_path / "flood.txt"
    path.write_bytes(raw)
    passage = reader.read(path)
    assert "Marl\u00f6w" in passage.text and "the hill\u2019s" in passage.text


def test_binary_and_empty_files(tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(QuizgenError, match="binary file"):
        reader.read(binary)
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n ")
    with pytest.raises(QuizgenError, match="empty"):
        reader.read(empty)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_give_a_passage_or_a_one_line_error(raw):
    try:
        passage = reader.read_bytes(raw, "noise.txt")
    except QuizgenError as exc:
        assert "\n" not in str(exc)
    else:
        assert passage.paragraphs


def test_plain_text_cleanup_is_unchanged():
    text = (
        "Storm hits the coast\n\nCategories: News\n\nThe storm hit the coast at dawn and "
        "knocked out power to ten thousand homes along the bay.\n\nA photo of the beach "
        "after the storm\nA photo of the beach after the storm\n\nCrews worked all day to "
        "bring the power back, and most homes had it by the evening.\n\nLeave a Reply"
    )
    passage = reader.split(text)
    assert passage.title == "Storm hits the coast"
    assert len(passage.paragraphs) == 2 and "photo" not in passage.text
    assert reader.is_heading("Storm hits the coast") and not reader.is_heading("It rained.")
    assert reader.normalize("a\u00a0b\r\nc\u200b") == "a b\nc"


# standard input


def fake_stdin(monkeypatch, raw: bytes):
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)


def test_stdin_plain_text(monkeypatch):
    fake_stdin(monkeypatch, TEXT.encode("utf-8"))
    passage = reader.read("-")
    assert passage.title == TITLE and passage.paragraphs == ARTICLE and passage.file == "-"


def test_stdin_web_page_is_recognized(monkeypatch, no_network):
    fake_stdin(monkeypatch, PAGE.encode("utf-8"))
    assert_article(reader.read("-"))


# supported files


def test_supported_suffixes(tmp_path):
    names = ["a.txt", "b.md", "c.markdown", "d.html", "e.htm", "f.docx", "g.pdf", "story"]
    assert all(reader.supported(tmp_path / n) for n in names)
    others = ["x.yaml", "y.png", ".hidden.txt", "~$lock.docx", "README", "SOURCES.md"]
    assert not any(reader.supported(tmp_path / n) for n in others)


# giant paragraphs and books


def test_giant_paragraph_is_cut_at_sentence_ends():
    sentence = "The water rose again in the night and the town slept upstairs. "
    giant = (sentence * 600).strip()
    pieces = reader.cut_paragraph(giant, limit=5_000)
    assert len(pieces) > 1 and all(len(p) <= 5_000 for p in pieces)
    assert all(p.endswith("upstairs.") for p in pieces)
    assert " ".join(pieces) == giant


def test_run_on_text_without_sentences_is_cut_at_spaces():
    pieces = reader.cut_paragraph("word " * 3000 + "x" * 12_000, limit=5_000)
    assert all(len(p) <= 5_000 for p in pieces)
    assert "".join(pieces).replace(" ", "") == ("word" * 3000 + "x" * 12_000)


def test_giant_paragraph_in_a_file(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text("A wall of text\n\n" + "The river rose and fell. " * 2_000, encoding="utf-8")
    passage = reader.read(path)
    assert len(passage.paragraphs) > 1
    assert all(len(p) <= reader.MAX_PARAGRAPH_CHARS for p in passage.paragraphs)


def book(chapters: int, words_each: int, marked: bool = True) -> Passage:
    """A book of numbered chapters, each of paragraphs of about 50 words."""
    paragraph = " ".join(["The keeper climbed the stairs and lit the lamp again."] * 5)
    per = max(1, words_each // len(paragraph.split()))
    paragraphs: list[str] = []
    for n in range(1, chapters + 1):
        if marked:
            paragraphs.append(f"CHAPTER {n}")
        paragraphs.extend([paragraph] * per)
    return Passage("The Keeper", tuple(paragraphs), "keeper.txt")


def test_a_short_passage_is_not_cut():
    short = book(3, 1_000)
    assert reader.sections(short) == [short]


def test_a_book_is_cut_into_its_chapters():
    parts = reader.sections(book(12, 3_000))
    assert [p.title for p in parts] == [f"The Keeper: CHAPTER {n}" for n in range(1, 13)]
    assert all(not reader.is_chapter_heading(p.paragraphs[0]) for p in parts)
    assert {p.file for p in parts} == {"keeper.txt"}


def test_a_short_last_chapter_joins_the_one_before():
    whole = book(6, 4_000)
    epilogue = ("CHAPTER 7", "The keeper lived to be ninety and never missed a night.")
    parts = reader.sections(Passage(whole.title, whole.paragraphs + epilogue, whole.file))
    assert len(parts) == 6 and parts[-1].paragraphs[-2:] == epilogue


def test_a_book_without_chapters_is_cut_into_parts():
    whole = book(1, 60_000, marked=False)
    parts = reader.sections(whole)
    assert len(parts) == 12 and parts[0].title == "The Keeper (part 1)"
    assert sum(p.words for p in parts) == whole.words
    assert all(p.words <= 2 * reader.PART_WORDS for p in parts)


@pytest.mark.parametrize(
    "heading",
    [
        "Chapter 1",
        "CHAPTER IV",
        "Chapter Two: The Storm",
        "PART III. THE RETURN",
        "Book 2",
        "Chapter Twenty-One",
        "CHAPTER XLIV",
    ],
)
def test_chapter_headings(heading):
    assert reader.is_chapter_heading(heading)


@pytest.mark.parametrize(
    "line",
    [
        "Chapters of history are long.",
        "Partly cloudy",
        "Part of the problem",
        "Book civil war stories",
        "The Book of the Dead was found in a tomb near Thebes, and it "
        "told of the journey of the soul.",
    ],
)
def test_not_chapter_headings(line):
    assert not reader.is_chapter_heading(line)


# compatibility characters (issue 13): every reader gives text a student can type

# what a PDF's text layer or a Word file carries, and what the passage must say instead
PRINTED = (
    "The di\ufb00erential forces were \ufb01rst measured where the rivers \ufb02ow together, "
    "in \uff11\uff19\uff15\uff18, by the \uff2e\uff49\uff4c\uff45 survey team of the "
    "e\ufb03cient Co\ufb00ee Board, whose boats were \ufb00ast and whose \ufb06aff were \ufb05eady."
)
TYPED = (
    "The differential forces were first measured where the rivers flow together, "
    "in 1958, by the Nile survey team of the efficient Coffee Board, whose boats were "
    "ffast and whose staff were steady."
)
# a word broken at a line end by a soft hyphen and by a hyphen; one that keeps its hyphen
BROKEN = (
    "Volunteers filled sandbags beside the em\u00adbank-\nment while the flood\u00ad\nwall "
    "held, and a well\u2011known Anglo-\nSaxon ditch drained the fields by the road."
)
WHOLE = (
    "Volunteers filled sandbags beside the embankment while the floodwall held, and a "
    "well-known Anglo- Saxon ditch drained the fields by the road."
)
# typography the passage keeps: NFKC would spoil these (2½ -> 21⁄2, m² -> m2, ™ -> TM)
KEPT = (
    "\u201cIt rose 2\u00bd metres \u2014 about 3 m\u00b2 of wall\u2026\u201d said the Aqua\u2122 "
    "engineer, who wasn\u2019t surprised at all by the water that night."
)
FOLDED = str.maketrans("", "", "".join(map(chr, reader._TYPEABLE)))


def printed_passage(paragraphs: tuple[str, ...]) -> Passage:
    return Passage(TITLE, paragraphs)


def assert_typeable(passage: Passage, lines_broken: bool = True) -> None:
    """The passage says TYPED and KEPT (and WHOLE, where the reader had line breaks to mend),
    with no character the reader should have folded."""
    expected = (TYPED, WHOLE, KEPT) if lines_broken else (TYPED, KEPT)
    assert passage.title == TITLE
    assert passage.paragraphs == expected
    assert all(p.translate(FOLDED) == p for p in (passage.title, *passage.paragraphs))


def test_plain_text_is_typeable(tmp_path):
    path = tmp_path / "flood.txt"
    path.write_text(f"{TITLE}\n\n{PRINTED}\n\n{BROKEN}\n\n{KEPT}\n", encoding="utf-8")
    assert_typeable(reader.read(path))


def test_standard_input_is_typeable(monkeypatch):
    fake_stdin(monkeypatch, f"{TITLE}\n\n{PRINTED}\n\n{BROKEN}\n\n{KEPT}\n".encode())
    assert_typeable(reader.read("-"))


def test_markdown_is_typeable(tmp_path):
    path = tmp_path / "flood.md"
    path.write_text(f"# {TITLE}\n\n{PRINTED}\n\n{BROKEN}\n\n{KEPT}\n", encoding="utf-8")
    assert_typeable(reader.read(path))


def test_web_page_is_typeable(tmp_path, no_network):
    """A page's soft hyphens sit inside words (&shy;), its line breaks are <br>."""
    broken = BROKEN.replace("\u00ad\n", "&shy;").replace("\n", "<br>")
    body = "".join(f"<p>{p}</p>" for p in (PRINTED, broken, KEPT))
    page = f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{body}"
    path = tmp_path / "flood.html"
    path.write_text(page + "</article></body></html>", encoding="utf-8")
    assert_typeable(reader.read(path))


def test_word_document_is_typeable(tmp_path):
    """Word's own optional hyphen, non-breaking hyphen and line break, and pasted ligatures."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.add_heading(TITLE.replace("fl", "\ufb02"), level=1)
    document.add_paragraph(PRINTED)
    broken = document.add_paragraph()
    for n, piece in enumerate(BROKEN.replace("\u2011", "\x00").split("\n")):
        if n:
            broken.add_run().add_break()  # a line break inside the paragraph
        for m, part in enumerate(piece.split("\x00")):
            if m:
                broken.add_run()._r.append(OxmlElement("w:noBreakHyphen"))
            broken.add_run(part)
    document.add_paragraph(KEPT)
    path = tmp_path / "flood.docx"
    document.save(path)
    assert_typeable(reader.read(path))


def test_pdf_is_typeable(tmp_path):
    """A PDF whose text layer holds ligatures (as LaTeX's and Chromium's PDFs do; the full-width
    forms are left out, as DejaVu has no glyphs for them), and a word the layout hyphenated."""
    import pypdf
    from weasyprint import HTML

    printed = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in PRINTED)
    body = f"<p>{printed}</p><p class='narrow'>{HYPHENATED}</p><p>{KEPT}</p>"
    path = tmp_path / "flood.pdf"
    HTML(
        string=f"<html lang='en'><head><style>{PDF_CSS}</style></head><body>"
        f"<h1>{TITLE.replace('fl', chr(0xFB02))}</h1>{body}</body></html>"
    ).write_pdf(path)
    layer = "".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "di\ufb00erential" in layer and "\ufb02ood" in layer  # the text layer carries them
    passage = reader.read(path)
    assert passage.title == TITLE
    assert passage.paragraphs == (TYPED, HYPHENATED, KEPT)
    assert all(p.translate(FOLDED) == p for p in passage.paragraphs)


@pytest.mark.parametrize(
    ("printed", "typed"),
    [
        ("\ufb00 \ufb01 \ufb02 \ufb03 \ufb04 \ufb05 \ufb06", "ff fi fl ffi ffl st st"),
        ("\uff21\uff42\uff43\uff01 \uff1f", "Abc! ?"),
        (
            "\U0001d41b\U0001d428\U0001d425\U0001d41d \u216b \u017f \u0133 \u203c",
            "bold XII s ij !!",
        ),
        ("well\u2010known, well\u2011known, \u22125 degrees", "well-known, well-known, -5 degrees"),
        ("\uff76\uff9e\uff77", "\u30ac\u30ad"),  # half-width kana, the voiced mark composed
    ],
)
def test_normalize_folds_what_a_keyboard_types_plainly(printed, typed):
    assert reader.normalize(printed) == typed


@pytest.mark.parametrize(
    "kept",
    [
        "2\u00bd m\u00b2 x\u2075 H\u2082O \u2122 \u2460 \u2026",  # NFKC: 21⁄2 m2 x5 H2O TM 1 ...
        "\u2018a\u2019 \u201cb\u201d c\u2013d e\u2014f",  # the passage's typography
    ],
)
def test_normalize_keeps_what_folding_would_spoil(kept):
    assert reader.normalize(kept) == kept


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_normalized_text_needs_no_second_pass(text):
    once = reader.normalize(text)
    assert reader.normalize(once) == once
    assert once.translate(FOLDED) == once


@pytest.mark.model
def test_keys_from_a_pdf_with_ligatures_are_typeable(tmp_path):
    """The issue's case end to end: the seed set with ligature characters in a PDF gives keys
    with plain letters ('differential', not 'diﬀerential')."""
    from pathlib import Path

    from weasyprint import HTML

    from quizgen import pipeline

    seed = Path(__file__).resolve().parents[2] / "seeds" / "drone-strike.txt"
    text = seed.read_text(encoding="utf-8")
    for pair, ligature in (("ffi", "\ufb03"), ("ff", "\ufb00"), ("fi", "\ufb01"), ("fl", "\ufb02")):
        text = text.replace(pair, ligature)
    title, *paragraphs = [p for p in text.split("\n\n") if p.strip()]
    path = tmp_path / "drone-strike.pdf"
    HTML(
        string=f"<html lang='en'><body><h1>{title}</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</body></html>"
    ).write_pdf(path)
    quiz = pipeline.generate(reader.read(path))
    keys = [
        text
        for item in quiz.items
        for text in (str(item.answer), *item.accept, *item.options, *sum(item.pairs, ()))
    ]
    assert keys and all(key.translate(FOLDED) == key for key in keys)
    shown = [*keys, *(item.prompt for item in quiz.items)]  # the letters were there to fold
    assert all(text.translate(FOLDED) == text for text in shown)
    assert any(pair in text for text in shown for pair in ("ff", "fi", "fl"))
