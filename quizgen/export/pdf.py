"""Printable worksheet and answer key (PDF): the HTML pages, laid out by WeasyPrint.

The PDF carries no creation or modification date and no random file identifier, so the
same quiz gives the same bytes on every run. WeasyPrint is imported only when a PDF is made.
"""

from __future__ import annotations

from quizgen.errors import QuizgenError
from quizgen.export import Rendered, Settings, html
from quizgen.model import Quiz
from quizgen.resources import output_dir


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """Render the worksheet and answer key of every form as PDF."""
    base_url = str(settings.templates or output_dir())
    return Rendered(files=tuple((name.removesuffix(".html") + ".pdf", to_pdf(page, base_url))
                                for name, page in html.pages(quiz, settings)))


def to_pdf(page: str, base_url: str) -> bytes:
    """Lay out one HTML page as PDF bytes; only local files and data: URLs are fetched."""
    import weasyprint

    fetcher = weasyprint.URLFetcher(allowed_protocols={"file", "data"})  # quizgen is offline
    try:
        return weasyprint.HTML(string=page, base_url=base_url,
                               url_fetcher=fetcher).write_pdf(pdf_tags=True)
    except (OSError, ValueError) as exc:
        raise QuizgenError(f"cannot make the PDF: {exc}") from None
