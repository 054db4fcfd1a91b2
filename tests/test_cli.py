"""The command line: every command, its help, its exit codes; no model needed."""

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_sample_quiz
from typer.main import get_command
from typer.testing import CliRunner

from quizgen.cli import app
from quizgen.quiz import quizfile

runner = CliRunner()
COMMANDS = sorted(get_command(app).commands)


def test_commands_are_the_documented_ones():
    assert COMMANDS == ["export", "facts", "formats", "generate", "review", "schema", "validate"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_ending_with_an_example(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert result.output.strip().splitlines()[-1].strip().startswith("Example: quizgen ")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_is_in_plain_words_and_every_option_shows_its_default(command):
    import re

    result = runner.invoke(app, [command, "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = result.output
    types = r"<(str|int|float|path|dir|file|bool|list\[\w+\]|int range)>"
    assert not re.search(types + r"|\{\w+|x>=|<=x", text), text  # no <str>, {passages}
    options = text.split("Options:")[1].split("Example:")[0]
    for line in options.splitlines():
        if line.strip().startswith("-") and "--help" not in line:
            assert "[default: " in line or "default: " in line, line


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("quizgen ")


def test_formats_lists_every_format():
    from quizgen.export import FORMATS

    result = runner.invoke(app, ["formats"])
    assert result.exit_code == 0
    assert all(name in result.output for name in FORMATS)


def test_schema_prints_json():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0 and '"$schema"' in result.output


def test_validate_accepts_a_good_file_and_rejects_a_bad_one(tmp_path: Path):
    good = tmp_path / "good.quiz.yaml"
    good.write_text(quizfile.dump(make_sample_quiz()), encoding="utf-8")
    assert runner.invoke(app, ["validate", str(good)]).exit_code == 0
    bad = tmp_path / "bad.quiz.yaml"
    bad.write_text(
        good.read_text(encoding="utf-8").replace("kind: true_false", "kind: essay", 1),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    assert "item q3" in result.output and "line " in result.output


def test_export_renders_an_edited_quiz(tmp_path: Path):
    quiz = tmp_path / "nile.quiz.yaml"
    quiz.write_text(quizfile.dump(make_sample_quiz()), encoding="utf-8")
    result = runner.invoke(
        app, ["export", str(quiz), "--format", "html,gift", "-o", str(tmp_path / "out")]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["nile.gift.txt", "nile.key.html", "nile.worksheet.html"]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """The installed console script's entry point, in a process of its own."""
    return subprocess.run(
        [sys.executable, "-c", "from quizgen.cli import main; main()", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_unknown_format_is_a_one_line_error(tmp_path: Path):
    quiz = tmp_path / "nile.quiz.yaml"
    quiz.write_text(quizfile.dump(make_sample_quiz()), encoding="utf-8")
    result = run("export", str(quiz), "--format", "docx", "-o", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "unknown format 'docx'" in result.stderr


def test_usage_error_exits_2():
    assert run("generate").returncode == 2


def test_missing_quiz_file_is_one_line_no_traceback(tmp_path: Path):
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "no such file" in result.stderr


def test_help_and_validate_do_not_import_spacy(tmp_path: Path):
    quiz = tmp_path / "nile.quiz.yaml"
    quiz.write_text(quizfile.dump(make_sample_quiz()), encoding="utf-8")
    code = (
        "import sys\nfrom quizgen.cli import app\n"
        "for args in (['--help'], ['validate', sys.argv[1]]):\n"
        "    try:\n        app(args)\n    except SystemExit:\n        pass\n"
        "heavy = [m for m in ('spacy', 'weasyprint', 'lxml', 'openpyxl') if m in sys.modules]\n"
        "print(heavy)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(quiz)], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_validate_names_every_problem_of_every_file_and_goes_on_after_broken_yaml(tmp_path):
    good = tmp_path / "good.quiz.yaml"
    good.write_text(quizfile.dump(make_sample_quiz()), encoding="utf-8")
    text = good.read_text(encoding="utf-8")
    misspelled = tmp_path / "misspelled.quiz.yaml"
    misspelled.write_text(text.replace("  accept:", "  acept:", 1), encoding="utf-8")
    broken = tmp_path / "broken.quiz.yaml"
    broken.write_text(text.replace("title: The Nile", "title: The Nile: a river"), encoding="utf-8")
    result = run("validate", str(broken), str(misspelled), str(good))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{broken}: line 3: not valid YAML (column 16): ': ' inside a")
    assert lines[0].endswith('put the text in quotes: title: "The Nile: a river"')
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("  accept:")))
    assert lines[1] == (
        f"{misspelled}: line {line + 1}, item q2: unknown key 'acept' (did you mean 'accept'?)"
    )
    assert result.stdout == f"{good}: valid\n"


def test_the_process_ends_with_all_it_printed_out():
    # the process ends without tearing the interpreter down: what it printed to a pipe is
    # out first, every byte of it, and the exit code is the command's
    from quizgen.quiz import quizfile

    done = run("schema")
    assert done.returncode == 0 and done.stdout == quizfile.schema_text()
    assert run("validate", "no-such.quiz.yaml").returncode == 1


def test_a_reader_that_goes_away_is_no_traceback():
    # 'quizgen schema | head -c 1': the pipe closes before the schema is out
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    done = subprocess.run(
        [sys.executable, "-c", "from quizgen.cli import main; main()", "schema"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=120,
    )
    reader.stdin.close()
    reader.wait()
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
