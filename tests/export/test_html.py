"""The HTML worksheet and key: golden files, content, forms, escaping, teacher templates."""

from __future__ import annotations

import os
import re
from dataclasses import replace

import lxml.html
import pytest
from conftest import HOSTILE

from quizgen.base.errors import QuizgenError
from quizgen.export import Settings, export
from quizgen.export.html import css_string, reading_grade
from quizgen.quiz.model import BLANK, Kind
from quizgen.read.reader import is_heading

KEY_WORDS = re.compile(r"answer|correct|right|key|accept|evidence|solution", re.I)


def pages(quiz, **settings) -> dict[str, str]:
    """file name -> HTML."""
    return dict(export(quiz, "html", Settings(**settings)).files)


def tree(html: str):
    return lxml.html.fromstring(html)


def text(node) -> str:
    """A node's text, pieces joined by single spaces."""
    return " ".join(" ".join(node.itertext()).split())


def test_file_names_per_form(sample_quiz):
    assert list(pages(sample_quiz)) == ["worksheet.html", "key.html"]
    assert list(pages(sample_quiz, forms=3)) == [
        "worksheet-A.html",
        "key-A.html",
        "worksheet-B.html",
        "key-B.html",
        "worksheet-C.html",
        "key-C.html",
    ]


def test_worksheet_shows_every_part_item_and_kind(sample_quiz):
    doc = tree(pages(sample_quiz)["worksheet.html"])
    assert doc.get("lang") == "en"
    assert text(doc.find(".//h1")) == sample_quiz.title
    headings = [text(h) for h in doc.xpath("//section[contains(@class,'part')]/h2")]
    assert headings[0] == "Part A — Multiple choice (1 point)"
    assert headings[1] == "Part B — True or false (1 point each)"
    kinds = {c for li in doc.xpath("//li[contains(@class,'item')]") for c in li.classes}
    assert {k.value for k in Kind} - {"ordering"} <= kinds
    body = text(doc)
    for label in ("Name", "Class", "Date", "Score"):
        assert label in body
    for item in sample_quiz.items:
        for segment in item.prompt.split(BLANK):
            assert " ".join(segment.split()) in body
    assert [text(li) for li in doc.xpath("//ol[contains(@class,'options')]/li")] == [
        f"{letter}. {option}"
        for letter, option in zip("ABCD", sample_quiz.items[0].options, strict=True)
    ]
    assert len(doc.xpath("//span[@class='blank']")) == 1
    assert len(doc.xpath("//div[@class='lines']/div")) == 2
    assert len(doc.xpath("//table[@class='matching']/tbody/tr")) == 3


def test_passage_paragraphs_are_numbered_and_can_be_left_out(sample_quiz):
    doc = tree(pages(sample_quiz)["worksheet.html"])
    numbers = [text(s) for s in doc.xpath("//ol[@class='paragraphs']/li/span[@class='pnum']")]
    assert numbers == ["1", "2", "3"]
    left_off = pages(sample_quiz, passage=False)
    without = left_off["worksheet.html"]
    assert 'class="paragraphs"' not in without
    assert sample_quiz.passage[2] not in without
    assert "passage you have been given" in without
    # ... and then it is a handout of its own, numbered as the key cites it, with no items
    assert list(left_off) == ["worksheet.html", "key.html", "passage.html"]
    handout = tree(left_off["passage.html"])
    assert [text(s) for s in handout.xpath("//span[@class='pnum']")] == ["1", "2", "3"]
    assert text(handout.xpath("//ol[@class='paragraphs']/li/p")[2]) == sample_quiz.passage[2]
    assert not handout.xpath("//li[contains(@class,'item')]")
    assert list(pages(sample_quiz, passage=False, forms=2))[-1] == "passage.html"  # one for all


def test_headings_are_printed_as_headings_and_not_numbered(sample_quiz):
    def later(evidence):  # the quiz file's count: the heading is its paragraph 1
        return replace(evidence, paragraph=evidence.paragraph + 1)

    items = tuple(
        replace(i, evidence=later(i.evidence), pair_evidence=tuple(map(later, i.pair_evidence)))
        for i in sample_quiz.items
    )
    quiz = replace(sample_quiz, passage=("The Upper Nile", *sample_quiz.passage), items=items)
    doc = tree(pages(quiz)["worksheet.html"])
    first, *rest = doc.xpath("//ol[@class='paragraphs']/li")
    assert first.find("span") is None  # a subheading is no paragraph 1
    assert text(first.find("h3")) == "The Upper Nile"
    assert [text(li.find("span")) for li in rest] == ["1", "2", "3"]
    # the key cites paragraphs as printed, exactly as without the heading; the file keeps its count
    assert text(tree(pages(quiz)["key.html"]).find("body")) == text(
        tree(pages(sample_quiz)["key.html"]).find("body")
    ).replace("39 words", "42 words").replace("grade 4.1", f"grade {_grade(quiz)}")
    assert quiz.items[0].evidence.paragraph == 3
    assert is_heading("Ocean Tides and the Moon")
    assert not is_heading("The Nile is long.")
    words = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    assert is_heading(f"{words} fifteen")  # the reader's rule: up to fifteen words
    assert not is_heading(f"{words} fifteen sixteen")
    assert not is_heading("two\nlines")


def test_paper_size_reaches_the_page_rule(sample_quiz):
    assert "size: A4;" in pages(sample_quiz)["worksheet.html"]
    assert "size: letter;" in pages(sample_quiz, paper="letter")["key.html"]


def test_form_label_in_the_header_and_on_every_page(sample_quiz):
    html = pages(sample_quiz, forms=2)["worksheet-B.html"]
    assert text(tree(html).xpath("//p[@class='form-label']")[0]) == "Form B"
    assert '@top-right { content: "Form B"; }' in html
    key = pages(sample_quiz, forms=2)["key-B.html"]
    assert "Answer key · Form B" in text(tree(key).find(".//header"))
    assert "Form A" not in pages(sample_quiz)["worksheet.html"]


def test_worksheet_gives_no_answer_away(sample_quiz):
    html = pages(sample_quiz)["worksheet.html"]
    doc = tree(html)
    assert "<!--" not in html
    for node in doc.iter():
        for attr, value in node.attrib.items():
            if attr not in ("content", "name", "style"):
                plain = re.sub("|".join(k.value for k in Kind), "", value)  # kinds as classes
                assert not KEY_WORDS.search(plain), (node.tag, attr, value)
    options = doc.xpath("//ol[contains(@class,'options')]/li")
    assert len({tuple(sorted(li.attrib.items())) for li in options}) == 1
    assert {li.find("span").get("class") for li in options} == {"letter"}
    # what is left when the passage, the options and the matching choices are taken away
    for shown in doc.xpath(
        "//section[@class='passage'] | //ol[contains(@class,'options')]"
        " | //table[@class='matching']"
    ):
        shown.drop_tree()
    rest = text(doc.find("body"))
    for item in sample_quiz.items:
        if item.kind in (Kind.SHORT_ANSWER, Kind.FILL_BLANK):
            for key in (str(item.answer), *item.accept):
                assert not re.search(rf"\b{re.escape(key)}\b", rest, re.I), (item.id, key)
        if item.evidence:
            assert item.evidence.sentence not in rest
    assert not re.search(r"accept|evidence|paragraph \d", rest, re.I)
    statements = [text(li) for li in doc.xpath("//li[contains(@class,'true_false')]")]
    assert statements == [
        "2. T F Floods came every winter.",
        "3. T F Ancient Egyptians farmed the land beside the Nile.",
    ]


def test_worksheet_template_cannot_reach_the_key(sample_quiz, tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "worksheet.html.j2").write_text(
        "{% for p in parts %}{% for e in p.entries %}\n{{ e.answer }}{% endfor %}{% endfor %}"
    )
    with pytest.raises(QuizgenError, match=r"worksheet\.html\.j2:2: UndefinedError"):
        export(sample_quiz, "html", Settings(templates=tmp_path))


def test_key_lists_answers_variants_and_evidence(sample_quiz):
    doc = tree(pages(sample_quiz)["key.html"])
    body = text(doc)
    assert f"Passage: {sample_quiz.words} words" in body
    assert f"Flesch–Kincaid grade {reading_grade(' '.join(sample_quiz.passage))}" in body
    quick = {
        text(tr.find("th")): text(tr.find("td"))
        for tr in doc.xpath("//table[@class='quick-key']/tbody/tr")
    }
    assert quick == {
        "1": "B John Speke",
        "2": "False",
        "3": "True",
        "4": "Africa",
        "5": "1 B · 2 C · 3 A",
        "6": "eleven (or 11)",
    }
    details = [text(li) for li in doc.xpath("//section[@class='details']//li")]
    assert "Answer: B — John Speke" in details[0]
    assert "Also accept: 11" in details[5]
    assert "africa" not in details[3]  # a variant that differs only in case is noise
    # a blank's answer is written in the blank, underlined, not on a line of its own
    assert text(doc.xpath("//section[@class='details']//span[@class='filled']")[0]) == "Africa"
    assert details[3].startswith("4. The Nile is the longest river in Africa")
    assert "Answer:" not in details[3]
    for item, detail in zip(_in_printed_order(sample_quiz), details, strict=True):
        assert f"Paragraph {item.evidence.paragraph}: {item.evidence.sentence}" in detail
        assert item.id in detail
    rows = [text(tr) for tr in doc.xpath("//table[@class='key-matches']/tbody/tr")]
    assert rows == [
        "1 John Speke B reached Lake Victoria paragraph 2",
        "2 Queen Victoria C gave the lake its name paragraph 2",
        "3 The Nile A the longest river in Africa paragraph 1",
    ]


def _in_printed_order(quiz):
    order = [
        Kind.MULTIPLE_CHOICE,
        Kind.TRUE_FALSE,
        Kind.FILL_BLANK,
        Kind.MATCHING,
        Kind.SHORT_ANSWER,
    ]
    return sorted(quiz.items, key=lambda i: order.index(i.kind))


def _sheet(html: str) -> dict[str, dict]:
    """number -> {prompt, options, choices} from a worksheet."""
    out = {}
    for li in tree(html).xpath("//li[contains(@class,'item')]"):
        number = text(li.find_class("num")[0]).rstrip(".")
        out[number] = {
            "prompt": text(li.find("p")),
            "options": [
                text(o).split(". ", 1)[1] for o in li.xpath(".//ol[contains(@class,'options')]/li")
            ],
            "rows": [text(td).split(". ", 1)[1] for td in li.xpath(".//table//tr/td[1]")],
            "choices": [text(td).split(". ", 1)[1] for td in li.xpath(".//table//tr/td[2]")],
        }
    return out


def test_forms_differ_and_each_key_matches_its_own_form(sample_quiz):
    files = pages(sample_quiz, forms=3)
    orders = [[s["prompt"] for s in _sheet(files[f"worksheet-{x}.html"]).values()] for x in "ABC"]
    assert orders[0] != orders[1] and orders[0] != orders[2]
    by_prompt = {i.prompt: i for i in sample_quiz.items}
    for label in "ABC":
        sheet = _sheet(files[f"worksheet-{label}.html"])
        key = tree(files[f"key-{label}.html"])
        quick = {
            text(tr.find("th")): tr.find("td")
            for tr in key.xpath("//table[@class='quick-key']/tbody/tr")
        }
        for number, shown in sheet.items():
            item = next(
                i for p, i in by_prompt.items() if p.split(BLANK)[0].strip() in shown["prompt"]
            )
            cell = quick[number]
            if item.kind is Kind.MULTIPLE_CHOICE:
                letter = text(cell.find("strong"))
                assert shown["options"]["ABCD".index(letter)] == item.answer
            if item.kind is Kind.MATCHING:
                letters = [text(s) for s in cell.xpath(".//strong")]
                for left, letter in zip(shown["rows"], letters, strict=True):
                    assert shown["choices"]["ABC".index(letter)] == dict(item.pairs)[left]


def test_hostile_text_is_escaped_and_reads_back_intact(hostile_quiz):
    for name, html in pages(hostile_quiz, forms=2).items():
        doc = tree(html)
        assert not doc.xpath("//b | //script"), name
        assert text(doc.find(".//h1")) == " ".join(hostile_quiz.title.split())
        assert HOSTILE in doc.text_content()
        for item in hostile_quiz.items:
            for segment in item.prompt.split(BLANK):
                assert " ".join(segment.split()) in text(doc), (name, item.id)
        style = doc.find(".//style").text
        assert "<" not in style and "Jerry" not in style.replace("Jerry\\22", "")
    key = tree(pages(hostile_quiz)["key.html"])
    assert f"Also accept: {' '.join((HOSTILE + '!').split())}" in text(key)


def test_css_string_escapes_everything_but_letters_digits_and_spaces():
    assert css_string('a "b" </style> \\') == r'"a \22 b\22  \3c \2f style\3e  \5c "'


def test_teacher_template_folder_is_searched_first(sample_quiz, tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "worksheet.html.j2").write_text(
        '{% extends "base.html.j2" %}{% block body %}<p>Mine: {{ title }}</p>{% endblock %}'
    )
    files = pages(sample_quiz, templates=tmp_path)
    assert "<p>Mine: The Nile</p>" in files["worksheet.html"]
    assert files["key.html"] == pages(sample_quiz)["key.html"]


def test_an_edited_template_takes_effect_despite_the_compiled_cache(sample_quiz, tmp_path):
    """Compiled templates are cached within the process and on disk; an edit shows at once."""
    template = tmp_path / "worksheet.html.j2"
    outputs = []
    for n, word in enumerate(["first", "second", "first"]):
        template.write_text(f"<p>{word}: {{{{ title }}}}</p>")
        os.utime(template, (1_000_000 + n, 1_000_000 + n))  # a new time, however fast the disk
        outputs.append(pages(sample_quiz, templates=tmp_path)["worksheet.html"])
    assert outputs == [f"<p>{w}: The Nile</p>" for w in ("first", "second", "first")]


@pytest.mark.parametrize(
    "source, message",
    [
        ("{% for x in parts %}\n{{ x.letter }\n", r"worksheet\.html\.j2:2: unexpected '}'"),
        (
            "line one\n{{ title.__class__.__mro__[1].__subclasses__() }}",
            r"worksheet\.html\.j2:2: (SecurityError|UndefinedError)",
        ),
        ("{{ 1 // 0 }}", r"worksheet\.html\.j2:1: ZeroDivisionError"),
        (
            '{% include "missing.html.j2" %}',
            r"worksheet\.html\.j2:1: TemplateNotFound: 'missing\.html\.j2' not found",
        ),
    ],
)
def test_template_errors_name_the_file_and_line(sample_quiz, tmp_path, source, message):
    (tmp_path / "worksheet.html.j2").write_text(source)
    with pytest.raises(QuizgenError, match=message):
        export(sample_quiz, "html", Settings(templates=tmp_path))


def test_reading_grade_is_sane_and_needs_no_download():
    assert reading_grade("") == 0.0
    easy = reading_grade("The cat sat on the mat. The dog ran to the cat.")
    hard = reading_grade(
        "Notwithstanding considerable institutional opposition, the "
        "administration systematically implemented comprehensive regulatory "
        "modifications affecting international telecommunications infrastructure."
    )
    assert easy < 3 < 12 < hard


def test_reading_grade_counts_sentences_not_decimal_points_or_headings():
    plain = reading_grade("The big red book cost 3 dollars at the shop.")
    assert reading_grade("The big red book cost 3.50 dollars at the shop.") == plain
    assert reading_grade("Prices\n\nThe big red book cost 3.50 dollars at the shop.") < plain


@pytest.mark.parametrize("kind", list(Kind))
def test_each_kind_alone_makes_a_worksheet_and_key(skills_quiz, kind):
    item = next(i for i in skills_quiz.items if i.kind is kind)
    files = pages(replace(skills_quiz, items=(item,)))
    sheet, key = tree(files["worksheet.html"]), tree(files["key.html"])
    assert "in Part A." in text(sheet.find(".//header"))
    assert len(sheet.xpath(f"//li[contains(@class,'{kind.value}')]")) == 1
    assert len(key.xpath("//table[@class='quick-key']/tbody/tr")) == 1
    assert item.id in text(key)


def test_a_quiz_without_items_still_renders(sample_quiz):
    for passage in (True, False):
        files = pages(replace(sample_quiz, items=()), passage=passage)
        assert "Part A" not in files["worksheet.html"] and "Quick key" in files["key.html"]


def test_an_unwritable_template_cache_costs_only_time(monkeypatch, tmp_path):
    """A full disk under the compiled-template cache: the template is compiled anew."""
    from quizgen.export import html

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jinja2.bccache.tempfile.NamedTemporaryFile", refuse)
    monkeypatch.setattr("jinja2.bccache.open", refuse, raising=False)
    cache = html._QuietCache(str(tmp_path))
    bucket = cache.get_bucket(html.environment(), "x.j2", None, "<p>x</p>")  # reads: refused
    assert bucket.code is None
    bucket.code = compile("x = 1", "x", "exec")
    cache.set_bucket(bucket)  # writes: refused, quietly
    assert list(tmp_path.iterdir()) == []


def _grade(quiz) -> float:
    return reading_grade("\n\n".join(quiz.passage))


def test_formats_cite_paragraphs_as_printed_and_the_quiz_file_keeps_its_count(sample_quiz):
    from quizgen.export import as_printed

    assert as_printed(sample_quiz) is sample_quiz  # no heading: nothing to renumber
    first = sample_quiz.items[0]  # its evidence: paragraph 2
    moved = replace(first, evidence=replace(first.evidence, paragraph=3))
    quiz = replace(sample_quiz, passage=("The Upper Nile", *sample_quiz.passage), items=(moved,))
    assert as_printed(quiz).items[0].evidence.paragraph == 2
    gift = export(quiz, "gift").files[0][1]
    assert "Paragraph 2" in gift and "Paragraph 3" not in gift
    assert "paragraph: 3" in export(quiz, "yaml").files[0][1]


def test_a_multiple_choice_sentence_blank_prints_its_line_and_the_key_fills_it(sample_quiz):
    mc = next(i for i in sample_quiz.items if i.kind is Kind.MULTIPLE_CHOICE)
    cloze = replace(
        mc,
        prompt=f"\u201cThe strike was ordered by {BLANK}.\u201d Which answer belongs in the blank?",
    )
    quiz = replace(sample_quiz, items=(cloze, *sample_quiz.items[1:]))
    made = pages(quiz)
    sheet = tree(made["worksheet.html"])
    assert len(sheet.xpath("//span[@class='blank short']")) == 1
    assert BLANK not in text(sheet)
    key = tree(made["key.html"])
    filled = key.xpath("//section[@class='details']//span[@class='filled']")
    assert [text(f) for f in filled][:1] == [str(mc.answer)]
