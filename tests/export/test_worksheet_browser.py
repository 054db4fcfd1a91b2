"""The worksheet and key in a real headless Chromium: laid out, visible, within the page."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from conftest import PASSAGE, make_sample_quiz, make_skills_quiz, shown_text
from pypdf import PdfReader

from quizgen.export import Settings, export

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
OFFLINE = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--no-default-browser-check",
    "--mute-audio",
]
WIDTH = {"a4": 794, "letter": 816}  # CSS pixels of the paper's width at 96 dpi

# measures every element of the page once laid out, and writes the findings into the DOM
MEASURE = """<script>
const width = document.documentElement.clientWidth;
const problems = [];
for (const el of document.body.querySelectorAll("*")) {
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const where = el.tagName + "." + el.className + ": " + el.textContent.slice(0, 40);
  if (box.left < -0.5 || box.right > width + 0.5) problems.push("outside the page: " + where);
  if (el.matches(".item, .item *:not(.rule, .write-line, .blank, .lines, .lines *)") &&
      (box.width < 1 || box.height < 1 || style.visibility !== "visible" || style.opacity === "0"))
    problems.push("not visible: " + where);
}
document.body.dataset.items = document.querySelectorAll(".item").length;
document.body.dataset.scroll = document.documentElement.scrollWidth - width;
document.body.dataset.problems = JSON.stringify(problems);
</script>"""


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM:
        pytest.skip("chromium is not installed (tests/run.sh installs Debian's chromium)")
    return CHROMIUM


def run(chromium: str, profile: Path, *args: str) -> str:
    """Run headless Chromium off the network; return what it prints."""
    done = subprocess.run(
        [chromium, *OFFLINE, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def long_words_quiz():
    """The sample quiz with an unbreakable 120-character word in the passage and an option."""
    quiz = make_sample_quiz()
    word = "https://example.org/" + "x" * 100
    first = replace(quiz.items[0], options=(*quiz.items[0].options[:3], word))
    return replace(
        quiz, passage=(*quiz.passage, f"See {word} for more."), items=(first, *quiz.items[1:])
    )


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize(
    "quiz", [make_sample_quiz, long_words_quiz, make_skills_quiz], ids=["sample", "long", "skills"]
)
def test_every_item_is_visible_and_nothing_overflows(chromium, tmp_path, paper, quiz):
    quiz = quiz()
    for name, html in export(quiz, "html", Settings(paper=paper)).files:
        page = tmp_path / name
        page.write_text(html.replace("</body>", MEASURE + "</body>"), encoding="utf-8")
        dom = run(
            chromium,
            tmp_path / "profile",
            "--dump-dom",
            f"--window-size={WIDTH[paper]},1100",
            page.as_uri(),
        )
        body = lxml.html.fromstring(dom).find("body")
        assert int(body.get("data-items")) == len(quiz.items), name
        assert json.loads(body.get("data-problems")) == [], name
        assert int(body.get("data-scroll")) <= 0, name


def test_printed_pages_carry_number_and_form_label(chromium, tmp_path):
    quiz = make_sample_quiz(PASSAGE * 12)
    files = dict(export(quiz, "html", Settings(forms=2, paper="letter")).files)
    page = tmp_path / "worksheet-B.html"
    page.write_text(files["worksheet-B.html"], encoding="utf-8")
    pdf = tmp_path / "worksheet-B.pdf"
    run(
        chromium,
        tmp_path / "profile",
        f"--print-to-pdf={pdf}",
        "--no-pdf-header-footer",
        page.as_uri(),
    )
    pages = [shown_text(p.extract_text()) for p in PdfReader(pdf).pages]
    assert 2 <= len(pages) <= 6
    for number, text in enumerate(pages, start=1):
        assert "Form B" in text, number
        assert f"Page {number} of {len(pages)}" in text, number
    for item in quiz.items:
        assert item.prompt.split("_____")[0].strip() in " ".join(pages)


def test_screenshot_is_a_white_page_with_ink(chromium, tmp_path):
    html = dict(export(make_sample_quiz(), "html", Settings()).files)["worksheet.html"]
    page = tmp_path / "worksheet.html"
    page.write_text(html, encoding="utf-8")
    shot = tmp_path / "worksheet.png"
    run(
        chromium,
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=794,1123",
        "--hide-scrollbars",
        page.as_uri(),
    )
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000  # a blank page compresses to ~5 kB


# every printed number (items, paragraphs, the quick key's rows, matching rows): its text on one
# line, one line high, inside its own box (so it never runs into the text beside it)
NUMBERS = """<script>
const bad = [];
let count = 0;
for (const el of document.querySelectorAll(
    ".num, .pnum, table.quick-key tbody th, .row-num, table.key-matches tbody th")) {
  count += 1;
  const range = document.createRange();
  range.selectNodeContents(el);
  const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
  const box = el.getBoundingClientRect();
  const text = range.getBoundingClientRect();
  const style = getComputedStyle(el);
  const line = parseFloat(style.lineHeight) || 1.25 * parseFloat(style.fontSize);
  const where = el.className + " " + JSON.stringify(el.textContent);
  if (lines.size !== 1) bad.push("on " + lines.size + " lines: " + where);
  if (text.height > 1.5 * line) bad.push("taller than a line: " + where);
  if (text.left < box.left - 0.5 || text.right > box.right + 0.5)
    bad.push("out of its box: " + where);
}
document.body.dataset.numbers = count;
document.body.dataset.bad = JSON.stringify(bad);
</script>"""


def numbered_quiz(n: int):
    """The sample quiz's items over and over, ``n`` in all: numbers of two or three digits."""
    quiz = make_sample_quiz()
    items = [replace(quiz.items[k % len(quiz.items)], id=f"q{k + 1}") for k in range(n)]
    return replace(quiz, items=tuple(items))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("n", [24, 120])
def test_every_number_is_one_line_inside_its_box(chromium, tmp_path, paper, n):
    quiz = numbered_quiz(n)
    for name, html in export(quiz, "html", Settings(paper=paper)).files:
        page = tmp_path / name
        page.write_text(html.replace("</body>", NUMBERS + "</body>"), encoding="utf-8")
        dom = run(
            chromium,
            tmp_path / "profile",
            "--dump-dom",
            f"--window-size={WIDTH[paper]},1100",
            page.as_uri(),
        )
        body = lxml.html.fromstring(dom).find("body")
        assert int(body.get("data-numbers")) >= n, name
        assert json.loads(body.get("data-bad")) == [], name
