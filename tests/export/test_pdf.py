"""The PDF worksheet and key: text, page counts, labels on every page, identical bytes."""

from __future__ import annotations

import io

import pytest
from conftest import PASSAGE, make_sample_quiz, shown_text
from pypdf import PdfReader

from quizgen.export import Settings, export
from quizgen.quiz.model import BLANK


def pdfs(quiz, **settings) -> dict[str, bytes]:
    """file name -> PDF bytes."""
    return dict(export(quiz, "pdf", Settings(**settings)).files)


def page_texts(data: bytes) -> list[str]:
    """Each page's text as a reader sees it (compatibility characters and white space folded)."""
    return [shown_text(page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def sample_pdfs():
    return pdfs(make_sample_quiz())


def test_file_names(sample_pdfs):
    assert list(sample_pdfs) == ["worksheet.pdf", "key.pdf"]
    assert all(data.startswith(b"%PDF-") for data in sample_pdfs.values())


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_worksheet_has_the_title_every_prompt_and_a_sane_page_count(paper):
    quiz = make_sample_quiz()
    pages = page_texts(pdfs(quiz, paper=paper)["worksheet.pdf"])
    assert 1 <= len(pages) <= 3
    text = " ".join(pages)
    assert quiz.title in text
    for item in quiz.items:
        for segment in item.prompt.split(BLANK):
            assert " ".join(segment.split()) in text, item.id
        for option in item.options:
            assert option in text


def test_key_has_answers_and_evidence(sample_pdfs):
    pages = page_texts(sample_pdfs["key.pdf"])
    assert 1 <= len(pages) <= 3
    text = " ".join(pages)
    assert "Quick key" in pages[0]
    for needle in (
        "John Speke",
        "eleven (or 11)",
        "Africa",
        "Flesch–Kincaid grade",
        "Paragraph 3: Floods came every summer.",
    ):
        assert needle in text


def test_paper_size(sample_pdfs):
    a4 = PdfReader(io.BytesIO(sample_pdfs["worksheet.pdf"])).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    letter = PdfReader(io.BytesIO(pdfs(make_sample_quiz(), paper="letter")["key.pdf"])).pages[0]
    assert (round(float(letter.mediabox.width)), round(float(letter.mediabox.height))) == (612, 792)


def test_every_page_has_its_number_and_form_label():
    quiz = make_sample_quiz(PASSAGE * 12)  # long enough for several pages
    files = pdfs(quiz, forms=2)
    assert list(files) == ["worksheet-A.pdf", "key-A.pdf", "worksheet-B.pdf", "key-B.pdf"]
    for name, label in (("worksheet-B.pdf", "Form B"), ("key-B.pdf", "Answer key · Form B")):
        pages = page_texts(files[name])
        assert len(pages) >= 2, name
        for number, text in enumerate(pages, start=1):
            assert label in text, (name, number)
            assert f"Page {number} of {len(pages)}" in text, (name, number)


def test_same_quiz_same_bytes(sample_pdfs):
    again = pdfs(make_sample_quiz())
    assert again == sample_pdfs
    reader = PdfReader(io.BytesIO(sample_pdfs["worksheet.pdf"]))
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    assert reader.metadata.title == "The Nile — worksheet"


def test_hostile_text_survives_into_the_pdf(hostile_quiz):
    text = " ".join(page_texts(pdfs(hostile_quiz)["worksheet.pdf"]))
    assert '<b>Tom & "Jerry"</b>' in text
    assert "café naïve" in text


def test_a_template_cannot_pull_files_from_outside_its_folders_into_the_pdf(tmp_path):
    from quizgen.export.pdf import to_pdf

    secret = tmp_path / "secret.txt"
    secret.write_text("do not leak", encoding="utf-8")
    inside = tmp_path / "templates"
    inside.mkdir()
    page = (
        f'<html><head><link rel="attachment" href="{secret.as_uri()}"></head>'
        "<body><p>Quiz</p></body></html>"
    )
    assert b"EmbeddedFile" not in to_pdf(page, str(inside), (inside.resolve(),))
    assert b"EmbeddedFile" in to_pdf(page, str(inside), (tmp_path.resolve(),))


def _many(n: int):
    """The sample quiz's items over and over, ``n`` in all."""
    from dataclasses import replace

    quiz = make_sample_quiz()
    items = [replace(quiz.items[k % len(quiz.items)], id=f"q{k + 1}") for k in range(n)]
    return replace(quiz, items=tuple(items))


def test_the_key_runs_on_after_the_quick_key(sample_pdfs):
    pages = page_texts(sample_pdfs["key.pdf"])
    assert "Quick key" in pages[0] and "Answers with evidence" in pages[0]  # no forced break


def _x_of(data: bytes, needle: str) -> list[float]:
    """Where on page 1 (points from the left) each run of text equal to ``needle`` starts."""
    found: list[float] = []

    def visit(text, cm, tm, *_):
        if text.strip() == needle:
            found.append(cm[4] + tm[4] * cm[0])

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_quick_key_columns_share_the_width_between_the_margins(paper):
    width = {"a4": 595.3, "letter": 612}[paper]
    left = _x_of(pdfs(_many(24), paper=paper)["key.pdf"], "No.")
    assert len(left) == 2  # two columns of twelve
    margin = left[0]
    # the second column starts half-way across the text block (less half the gap between them)
    assert left[1] - margin > 0.45 * (width - 2 * margin)


def test_a_passage_left_off_the_worksheet_is_a_handout_of_its_own():
    files = pdfs(make_sample_quiz(), passage=False)
    assert list(files) == ["worksheet.pdf", "key.pdf", "passage.pdf"]
    text = " ".join(page_texts(files["passage.pdf"]))
    assert "Reading passage" in text and PASSAGE[2] in text
    assert PASSAGE[2] not in " ".join(page_texts(files["worksheet.pdf"]))
