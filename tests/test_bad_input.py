"""The bad-input matrix (issue 8): each row runs the real CLI entry point in a process of its own
and must end in one clear line on stderr, a non-zero exit and no file written anywhere.

Exit 1 is a bad input, quiz file or option value the library refuses; exit 2 is a command
line Click refuses. The output folder exists beforehand with a file of the user's in it, and
the whole test folder must be as it was afterwards. Every row runs with QUIZGEN_MODEL naming a
pipeline that is not installed: had one loaded the model (the too-short and not-English rows
are refused before it loads), it would fail with that message instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, make_sample_quiz

from quizgen.quiz import quizfile
from quizgen.read import reader
from quizgen.read.language import looks_english

SEED = ROOT / "seeds" / "drone-strike.txt"
GERMAN = (
    "Der Hund lief schnell über die Straße, weil er die Katze gesehen hatte. Die Kinder "
    "spielten im Garten und lachten laut, während ihre Mutter das Abendessen kochte und "
    "der Vater in der Küche die Zeitung las."
)
FRENCH = (
    "Le chien courait vite dans la rue parce qu'il avait vu le chat. Les enfants jouaient "
    "dans le jardin et riaient fort pendant que leur mère préparait le dîner et que leur "
    "père lisait le journal dans la cuisine."
)
DUTCH = (
    "De hond liep snel over de straat omdat hij de kat had gezien. De kinderen speelden in "
    "de tuin en lachten hard, terwijl hun moeder het avondeten kookte. Het was een mooie dag "
    "en iedereen was blij."
)  # 'over', 'had', 'in', 'was' are English words too
GIBBERISH = (
    "Xqzvb plorf wexnatu grimble snorf quaddle vexor plimb zuntak frobble wizzet krumb "
    "laxor nepti vorgle sqump tivvy draxle mimbo quarn zeltig fobrin."
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
SENTENCE = b"The river flows north through eleven countries before it reaches the sea. "


NO_MODEL = "no_such_pipeline_for_bad_input_tests"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    """The console script's entry point, in a process of its own, with no model to load."""
    env = {**os.environ, "QUIZGEN_MODEL": NO_MODEL}
    return subprocess.run(
        [sys.executable, "-c", "from quizgen.cli import main; main()", *args],
        capture_output=True,
        input=stdin,
        env=env,
        timeout=120,
    )


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under ``folder``, with its size and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
    }


def write(path: Path, content: str | bytes) -> Path:
    """Write a file, making its folder; return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def quiz_text(edit: Callable[[str], str] = lambda text: text) -> str:
    """The sample quiz file's text, edited."""
    return edit(quizfile.dump(make_sample_quiz()))


def big_passage(path: Path) -> Path:
    """An English passage one sentence over the reader's size limit, written in one go."""
    copies = reader.MAX_BYTES // len(SENTENCE) + 2
    return write(path, SENTENCE * copies)


def unwritable(tmp: Path) -> str:
    """An output folder this process cannot write into.

    chmod does not stop root, so as root the folder is one under /proc/self, which the
    kernel refuses to anyone.
    """
    if os.geteuid() != 0:
        folder = tmp / "locked"
        folder.mkdir()
        folder.chmod(0o500)
        return str(folder)
    if os.access("/proc/self", os.W_OK):
        pytest.skip("running as root where /proc/self is writable: no folder refuses writes")
    return "/proc/self/quizgen-out"


@dataclass(frozen=True)
class Row:
    """One row of the matrix: the command line it runs, the exit code and message it expects."""

    name: str
    args: Callable[[Path], list[str]]
    code: int
    message: str  # a regular expression the one line must match
    stdin: bytes | None = None


def gen(passage: Callable[[Path], Path | str], *options: str) -> Callable[[Path], list[str]]:
    """`quizgen generate PASSAGE -o tmp/out OPTIONS`, the passage made in tmp/in."""
    return lambda tmp: ["generate", str(passage(tmp / "in")), "-o", str(tmp / "out"), *options]


def exp(text: Callable[[], str | bytes], *options: str) -> Callable[[Path], list[str]]:
    """`quizgen export QUIZ -o tmp/out OPTIONS`, the quiz file written in tmp/in."""
    return lambda tmp: [
        "export",
        str(write(tmp / "in" / "q.quiz.yaml", text())),
        "-o",
        str(tmp / "out"),
        *options,
    ]


def seed(folder: Path) -> Path:
    return write(folder / "drone-strike.txt", SEED.read_bytes())


ROWS = [
    Row("empty file", gen(lambda d: write(d / "empty.txt", b"")), 1, r"empty"),
    Row(
        "only white space",
        gen(lambda d: write(d / "blank.txt", " \n\t\n \r\n\u3000 \n")),
        1,
        r"empty|no text",
    ),
    Row(
        "binary: PNG",
        gen(lambda d: write(d / "picture.txt", PNG + bytes(range(256)))),
        1,
        r"binary",
    ),
    Row(
        "binary: random bytes with NULs",
        gen(lambda d: write(d / "noise.txt", bytes((n * 7919 + 13) % 256 for n in range(4096)))),
        1,
        r"binary",
    ),
    Row("missing path", gen(lambda d: d / "nowhere.txt"), 1, r"nowhere\.txt: no such file"),
    Row(
        "empty folder",
        gen(lambda d: (d / "empty").mkdir(parents=True) or d / "empty"),
        1,
        r"no passages",
    ),
    Row(
        "too short to ask anything of",
        gen(lambda d: write(d / "short.txt", "The cat sat.")),
        1,
        r"too short to ask anything of \(3 words\)",
    ),
    Row(
        "not English: German",
        gen(lambda d: write(d / "de.txt", GERMAN)),
        1,
        r"does not look like English",
    ),
    Row(
        "not English: French",
        gen(lambda d: write(d / "fr.txt", FRENCH)),
        1,
        r"does not look like English",
    ),
    Row(
        "not English: random letters",
        gen(lambda d: write(d / "xx.txt", GIBBERISH)),
        1,
        r"does not look like English",
    ),
    Row(
        "output path is a file",
        lambda tmp: [
            "generate",
            str(seed(tmp / "in")),
            "-o",
            str(write(tmp / "out" / "taken", b"mine")),
        ],
        1,
        r"taken: the output path is a file",
    ),
    Row(
        "output path under a file",
        lambda tmp: [
            "export",
            str(write(tmp / "in" / "q.quiz.yaml", quiz_text())),
            "-o",
            str(write(tmp / "out" / "taken", b"mine") / "sub"),
        ],
        1,
        r"taken is a file",
    ),
    Row(
        "output folder cannot be written",
        lambda tmp: ["generate", str(seed(tmp / "in")), "-o", unwritable(tmp)],
        1,
        r"not writable",
    ),
    Row(
        "quiz YAML does not parse",
        exp(lambda: "format: quizgen/1\ntitle: x: y\nitems: []\n"),
        1,
        r"not valid YAML at line 2, column 9",
    ),
    Row(
        "quiz: unknown kind",
        exp(lambda: quiz_text(lambda t: t.replace("kind: short_answer", "kind: essay"))),
        1,
        r"item q2: kind: 'essay' is not one of",
    ),
    Row(
        "quiz: missing required key",
        exp(lambda: quiz_text(lambda t: t.replace("  answer: eleven\n", ""))),
        1,
        r"item q2: 'answer' is missing",
    ),
    Row(
        "quiz: not UTF-8",
        exp(lambda: "format: quizgen/1\ntitle: Café\n".encode("latin-1")),
        1,
        r"must be UTF-8 text",
    ),
    Row(
        "quiz: a folder",
        lambda tmp: ["export", str(tmp), "-o", str(tmp / "out")],
        1,
        r"is a folder",
    ),
    Row(
        "passage over the size limit",
        gen(lambda d: big_passage(d / "huge.txt")),
        1,
        rf"larger than {reader.MAX_BYTES // 1_000_000} MB",
    ),
    Row(
        "standard input empty",
        lambda tmp: ["generate", "-", "-o", str(tmp / "out")],
        1,
        r"empty",
        stdin=b"",
    ),
    Row("unknown --format", gen(seed, "--format", "html,docx"), 1, r"unknown format 'docx'"),
    Row("unknown --kinds", gen(seed, "--kinds", "essay"), 1, r"unknown item kind 'essay'"),
    Row("--forms 0", gen(seed, "--forms", "0"), 2, r"--forms.*greater than or equal to 1"),
    Row("missing argument", lambda tmp: ["export"], 2, r"Missing argument"),
    Row("unknown option", gen(seed, "--colour", "red"), 2, r"No such option: --colour"),
]


@pytest.mark.parametrize("row", ROWS, ids=[row.name for row in ROWS])
def test_bad_input_gives_one_line_a_non_zero_exit_and_no_files(row: Row, tmp_path: Path):
    write(tmp_path / "out" / "earlier.txt", "a file of the user's, left alone")
    args = row.args(tmp_path)
    before = snapshot(tmp_path)
    result = run(*args, stdin=row.stdin)
    stderr = result.stderr.decode("utf-8")
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("quizgen: ") and "internal error" not in lines[0], lines[0]
    assert re.search(row.message, lines[0]), lines[0]
    assert result.returncode == row.code, lines[0]
    assert result.stdout == b""
    assert snapshot(tmp_path) == before  # nothing written, no temporary file left


def test_python_tags_are_refused_and_nothing_runs(tmp_path: Path):
    marker = tmp_path / "ran"
    text = quiz_text(
        lambda t: t.replace(
            "title: The Nile", f"title: !!python/object/apply:os.system ['touch {marker}']"
        )
    )
    quiz = write(tmp_path / "in" / "evil.quiz.yaml", text)
    before = snapshot(tmp_path)
    for command in (["export", str(quiz), "-o", str(tmp_path / "out")], ["validate", str(quiz)]):
        result = run(*command)
        lines = result.stderr.decode("utf-8").splitlines()
        assert result.returncode == 1 and len(lines) == 1, lines
        assert re.search(r"refused at line 3, column 8: .*python/object/apply", lines[0]), lines
    assert not marker.exists()
    assert snapshot(tmp_path) == before


def test_the_model_is_really_not_installed_under_the_name_the_rows_use(tmp_path: Path):
    """The rows' guard works: a passage that gets as far as the model fails on its name."""
    result = run("generate", str(seed(tmp_path / "in")), "-o", str(tmp_path / "out"))
    assert result.returncode == 1
    assert NO_MODEL.encode() in result.stderr
    assert not any((tmp_path / "out").glob("*"))


@pytest.mark.parametrize(
    "text", [GERMAN, FRENCH, DUTCH, GIBBERISH], ids=["German", "French", "Dutch", "random letters"]
)
def test_other_languages_do_not_look_english(text):
    assert not looks_english(text)


def test_every_sample_passage_looks_english_paragraph_by_paragraph():
    paths = [SEED, *sorted((SHARED / "passages").glob("*.txt"))]
    paragraphs = [
        p
        for path in paths
        for p in path.read_text(encoding="utf-8").split("\n\n")
        if len(p.split()) >= 30
    ]
    assert len(paragraphs) > 10
    assert [p[:60] for p in paragraphs if not looks_english(p)] == []
