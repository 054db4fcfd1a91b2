"""Printable worksheet and answer key (PDF): the HTML pages, laid out by WeasyPrint.

The PDF carries no creation or modification date and no random file identifier, so the
same quiz gives the same bytes on every run. WeasyPrint is imported only when a PDF is made.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from quizgen.base.errors import QuizgenError
from quizgen.base.resources import output_dir
from quizgen.export import Rendered, Settings, html
from quizgen.quiz.model import Quiz


def render(quiz: Quiz, settings: Settings) -> Rendered:
    """Render the worksheet and answer key of every form as PDF."""
    base_url = str(settings.templates or output_dir())
    roots = tuple(p.resolve() for p in (output_dir(), settings.templates) if p is not None)
    return Rendered(
        files=tuple(
            (name.removesuffix(".html") + ".pdf", to_pdf(page, base_url, roots))
            for name, page in html.pages(quiz, settings)
        )
    )


def allowed(url: str, roots: tuple[Path, ...]) -> bool:
    """data: URLs, and files inside the template folders; nothing else (no network, and no
    file a shared template pack could smuggle into the PDF, such as /etc/passwd)."""
    if url.startswith("data:"):
        return True
    if not url.startswith("file:"):
        return False
    path = Path(unquote(urlparse(url).path)).resolve()
    return any(path.is_relative_to(root) for root in roots)


def to_pdf(page: str, base_url: str, roots: tuple[Path, ...] = ()) -> bytes:
    """Lay out one HTML page as PDF bytes, fetching only what :func:`allowed` lets through."""
    import weasyprint

    class Fetcher(weasyprint.URLFetcher):
        """WeasyPrint's fetcher, kept to the template folders."""

        def fetch(self, url, headers=None):
            if not allowed(url, roots or (output_dir().resolve(),)):
                raise ValueError(f"not fetched: {url}")
            return super().fetch(url, headers)

    fetcher = Fetcher(allowed_protocols={"file", "data"})
    try:
        return weasyprint.HTML(string=page, base_url=base_url, url_fetcher=fetcher).write_pdf(
            pdf_tags=True
        )
    except (OSError, ValueError) as exc:
        raise QuizgenError(f"cannot make the PDF: {exc}") from None
