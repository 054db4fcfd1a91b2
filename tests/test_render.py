"""Writing several formats: warnings name items as the worksheet numbers them."""

from __future__ import annotations

from conftest import make_sample_quiz

from quizgen import render


def test_warnings_name_the_printed_number_and_the_quiz_files_id_where_they_differ():
    quiz = make_sample_quiz()  # q2 is a short answer: printed last, as item 6
    numbers = render.printed_numbers(quiz)
    assert numbers == {"q1": 1, "q3": 2, "q4": 3, "q5": 4, "q6": 5, "q2": 6}
    warnings = ["q2: left out: no short answers", "q3: too long", "q4: too long", "q5: too long"]
    assert render.group_warnings(warnings, numbers) == [
        "item 6 (q2 in the quiz file): left out: no short answers",
        "items 2\u20134 (q3\u2013q5 in the quiz file): too long",
    ]
    same = {"q1": 1, "q2": 2, "q3": 3, "q5": 5}
    assert render.group_warnings(["q5: x", "q1: x", "q2: x"], same) == ["items 1, 2, 5: x"]
    assert render.group_warnings(["q1: x", "a note"]) == ["q1: x", "a note"]  # without numbers


def test_the_cli_warns_by_printed_number(tmp_path, capsys):
    quiz = make_sample_quiz()
    render.write(quiz, "nile", tmp_path, ("kahoot",), render.Settings())
    err = capsys.readouterr().err
    assert "kahoot: item 6 (q2 in the quiz file): left out" in err
