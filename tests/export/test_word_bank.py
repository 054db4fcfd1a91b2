"""The word bank (--word-bank): stored in the quiz file at generation, printed by export."""

from __future__ import annotations

from dataclasses import replace

import lxml.html

from quizgen.export import Settings, export
from quizgen.export.html import word_bank
from quizgen.quiz import quizfile
from quizgen.quiz.forms import make_forms
from quizgen.quiz.model import Kind

EXTRA = ("Congo", "Tanganyika")


def worksheet(quiz, **settings):
    return lxml.html.fromstring(
        dict(export(quiz, "html", Settings(**settings)).files)["worksheet.html"]
    )


def banked(quiz):
    return replace(quiz, word_bank=EXTRA)


def test_the_word_bank_stands_above_the_blanks_with_every_key_and_the_extra_words(sample_quiz):
    doc = worksheet(banked(sample_quiz), word_bank=True)
    part = doc.xpath("//section[contains(@class,'fill_blank')]")[0]
    bank = part.xpath(".//div[@class='word-bank']")
    assert len(bank) == 1
    # above the items of the part, under its heading
    children = [c.tag for c in part]
    assert children.index("div") < children.index("ol")
    words = [w.text_content() for w in bank[0].xpath(".//ul/li")]
    keys = [str(i.answer) for i in sample_quiz.items if i.kind is Kind.FILL_BLANK]
    assert sorted(words) == sorted([*keys, *EXTRA])
    assert bank[0].get("aria-labelledby") == bank[0].xpath(".//h3")[0].get("id")


def test_no_word_bank_unless_asked(sample_quiz):
    assert not worksheet(banked(sample_quiz)).xpath("//div[@class='word-bank']")


def test_the_key_marks_nothing_extra(sample_quiz):
    plain = dict(export(sample_quiz, "html", Settings()).files)["key.html"]
    asked = dict(export(banked(sample_quiz), "html", Settings(word_bank=True)).files)["key.html"]
    assert plain == asked


def test_the_shuffle_follows_the_seed_and_form(sample_quiz):
    quiz = banked(sample_quiz)
    form = make_forms(quiz, 1)[0]
    assert word_bank(quiz, form) == word_bank(quiz, form)
    assert sorted(word_bank(quiz, form)) == sorted(word_bank(replace(quiz, generator=None), form))


def test_the_quiz_file_keeps_the_word_bank(sample_quiz):
    text = quizfile.dump(banked(sample_quiz))
    assert "word_bank:" in text
    data, problems = quizfile.check(text)
    assert problems == []
    assert quizfile.from_data(data).word_bank == EXTRA
    assert "word_bank" not in quizfile.dump(sample_quiz)  # optional: left out when empty
    assert "word_bank" in quizfile.json_schema()["properties"]
