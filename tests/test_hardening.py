"""Hardening (issue 8): no unsafe loading or unsandboxed templates in the code, all-or-nothing
writes, every export of a hostile quiz parses and reads back, and byte-identical output
whatever the hash seed, the time zone or the process.
"""

from __future__ import annotations

import ast
import csv
import html
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from conftest import HOSTILE, ROOT, make_hostile_quiz, make_sample_quiz, shown_text
from lxml import etree
from lxml import html as lxml_html
from pypdf import PdfReader

from quizgen.base import files
from quizgen.base.errors import QuizgenError
from quizgen.export import FORMATS, Settings, export
from quizgen.export.fields import one_line
from quizgen.quiz import quizfile

TESTS = Path(__file__).resolve().parent
PACKAGE = ROOT / "quizgen"
NODE = shutil.which("node")
GIFT_PEGJS = TESTS / ".node" / "node_modules" / "gift-pegjs"


def cli(*args: str, env: dict | None = None) -> subprocess.Popen:
    """Start the console script's entry point in a process of its own."""
    return subprocess.Popen(
        [sys.executable, "-c", "from quizgen.cli import main; main()", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """Wait for a process; its exit code and its stderr."""
    _, stderr = process.communicate(timeout=300)
    return process.returncode, stderr.decode("utf-8")


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file in a folder, by name."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def write_quiz(folder: Path, quiz) -> Path:
    """The quiz's file in ``folder``, named after nothing hostile."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "q.quiz.yaml"
    path.write_text(quizfile.dump(quiz), encoding="utf-8")
    return path


# --- nothing in the code loads unsafely or renders a template outside the sandbox ----------

UNSAFE_YAML = {
    "load",
    "load_all",
    "unsafe_load",
    "unsafe_load_all",
    "full_load",
    "full_load_all",
    "Loader",
    "FullLoader",
    "UnsafeLoader",
    "CLoader",
    "CFullLoader",
    "CUnsafeLoader",
}
UNSAFE_NAMES = {"eval", "exec", "__import__"}
UNSAFE_MODULES = {"pickle", "marshal", "shelve", "dill"}
UNSANDBOXED_JINJA = {"Environment", "Template", "NativeEnvironment"}


def unsafe_uses(tree: ast.AST) -> list[str]:
    """Uses of unsafe loaders, eval/exec, pickling modules and unsandboxed Jinja2 in a module."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            if node.value.id == "yaml" and node.attr in UNSAFE_YAML:
                found.append(f"yaml.{node.attr}")
            if node.value.id == "jinja2" and node.attr in UNSANDBOXED_JINJA:
                found.append(f"jinja2.{node.attr}")
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in UNSAFE_NAMES
        ):
            found.append(node.func.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            module = getattr(node, "module", None) or ""
            names = [alias.name for alias in node.names]
            if {module.split(".")[0], *(n.split(".")[0] for n in names)} & UNSAFE_MODULES:
                found.append(f"import {module or ', '.join(names)}")
            for name in names:
                if (module == "yaml" and name in UNSAFE_YAML) or (
                    module.startswith("jinja2") and name in UNSANDBOXED_JINJA
                ):
                    found.append(f"from {module} import {name}")
    return found


def test_the_package_loads_yaml_safely_evaluates_nothing_and_sandboxes_templates():
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10
    problems = {
        str(p.relative_to(ROOT)): unsafe_uses(ast.parse(p.read_text(encoding="utf-8")))
        for p in modules
    }
    assert {name: found for name, found in problems.items() if found} == {}


def test_the_scan_would_catch_them():
    source = (
        "import yaml, pickle\nfrom jinja2 import Environment\nyaml.load(s)\n"
        "eval('1')\nyaml.unsafe_load(s)\n"
    )
    assert sorted(unsafe_uses(ast.parse(source))) == sorted(
        [
            "import yaml, pickle",
            "from jinja2 import Environment",
            "yaml.load",
            "eval",
            "yaml.unsafe_load",
        ]
    )


def test_a_fill_blank_with_two_blanks_is_refused():
    """Every format puts the key in the one blank; a second would ask for the wrong word."""
    text = quizfile.dump(make_sample_quiz()).replace(
        "prompt: The Nile is the longest river in _____.",
        "prompt: The _____ is the longest river in _____.",
    )
    problems = quizfile.check(text)[1]
    assert [(p.item, p.message) for p in problems] == [
        ("q5", "a fill_blank prompt has one blank, _____; this one has 2")
    ]


# --- all or nothing ---------------------------------------------------------------------------


def test_write_all_failing_midway_writes_nothing_and_leaves_no_temp_file(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("old a")
    stage = files._stage
    calls = []

    def failing(path, content):
        calls.append(path.name)
        if len(calls) == 3:
            raise QuizgenError(f"{path}: cannot write: No space left on device")
        return stage(path, content)

    monkeypatch.setattr(files, "_stage", failing)
    with pytest.raises(QuizgenError, match="No space left"):
        files.write_all(tmp_path, [("a.txt", "new a"), ("b.txt", "b"), ("c.txt", "c")])
    assert files_in(tmp_path) == {"a.txt": b"old a"}
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_an_interrupt_while_writing_leaves_the_old_files(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("old a")
    sync = os.fsync
    calls = []

    def interrupted(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return sync(fd)

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        files.write_all(tmp_path, [("a.txt", "new a"), ("b.txt", "b")])
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
    assert (tmp_path / "a.txt").read_text() == "old a"


def test_a_folder_where_a_file_goes_stops_every_file_of_the_quiz(tmp_path):
    quiz = write_quiz(tmp_path / "in", make_sample_quiz())
    out = tmp_path / "out"
    (out / "q.moodle.xml").mkdir(parents=True)
    (out / "q.quiz.yaml").write_text("the teacher's edited quiz")
    code, stderr = finish(cli("export", str(quiz), "--format", "yaml,html,moodle", "-o", str(out)))
    assert code == 1 and stderr.count("\n") == 1 and "q.moodle.xml: is a folder" in stderr
    assert sorted(p.name for p in out.iterdir()) == ["q.moodle.xml", "q.quiz.yaml"]
    assert (out / "q.quiz.yaml").read_text() == "the teacher's edited quiz"


def test_a_teacher_template_failing_midway_writes_nothing(tmp_path):
    """The worksheet renders; the key's template fails on its second line: no file at all."""
    quiz = write_quiz(tmp_path / "in", make_sample_quiz())
    templates = tmp_path / "mine" / "output"
    templates.mkdir(parents=True)
    (templates / "key.html.j2").write_text("<p>{{ title }}</p>\n{{ points // 0 }}\n")
    out = tmp_path / "out"
    code, stderr = finish(
        cli(
            "export",
            str(quiz),
            "--format",
            "yaml,html,moodle,gift",
            "-o",
            str(out),
            "--templates",
            str(tmp_path / "mine"),
        )
    )
    assert code == 1 and stderr.count("\n") == 1, stderr
    assert "key.html.j2:2: ZeroDivisionError" in stderr
    assert not out.exists() or not any(out.iterdir())


def test_exporting_into_its_own_folder_leaves_the_teachers_quiz_file_alone(tmp_path):
    quiz = write_quiz(tmp_path, make_sample_quiz())
    edited = quiz.read_text(encoding="utf-8").replace("title: The Nile", "title: The Nile  # mine")
    quiz.write_text(edited, encoding="utf-8")
    code, stderr = finish(cli("export", str(quiz), "--format", "yaml,gift", "-o", str(tmp_path)))
    assert code == 0, stderr
    assert quiz.read_text(encoding="utf-8") == edited
    assert (tmp_path / "q.gift.txt").is_file()


# --- every export of a hostile quiz parses with its validator and reads back ---------------


def squash(text: str) -> str:
    """Text without its whitespace, to compare text a format may reflow."""
    return "".join(str(text).split())


def strings(value) -> list[str]:
    """Every string inside parsed JSON."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def xml_text(data: bytes) -> str:
    """An XML file's text and attribute values, parsed; HTML-in-XML decoded too."""
    root = etree.fromstring(data)
    parts = [*root.itertext(), *(v for e in root.iter() for v in e.attrib.values())]
    text = " ".join(parts)
    return f"{text} {html.unescape(text)}"


def read_yaml(data: bytes) -> str:
    """The quiz file, which must load back as the very quiz it was written from."""
    data, problems = quizfile.check(data.decode("utf-8"))
    assert problems == []
    quiz = quizfile.from_data(data)
    assert quiz == make_hostile_quiz()
    return " | ".join([quiz.title, *quiz.passage, *(item.prompt for item in quiz.items)])


def read_html(data: bytes) -> str:
    doc = lxml_html.fromstring(data)
    assert not doc.xpath("//b | //script"), "hostile markup became markup"
    return doc.text_content()


def read_pdf(data: bytes) -> str:
    return shown_text(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages))


def read_zip(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        members = {name: archive.read(name) for name in archive.namelist()}
    return " ".join(xml_text(body) for name, body in members.items() if name.endswith(".xml"))


def read_tsv(data: bytes) -> str:
    lines = data.decode("utf-8").rstrip("\n").split("\n")
    assert all(line.count("\t") >= 1 for line in lines)
    return " | ".join(field for line in lines for field in line.split("\t"))


def read_csv(data: bytes) -> str:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    return " | ".join(cell for row in rows for cell in row)


def read_xlsx(data: bytes) -> str:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return " | ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row if v)


def read_gift(data: bytes) -> str:
    """What gift-pegjs reads (when node is here), else the text as Moodle would unescape it."""
    text = data.decode("utf-8")
    if NODE is None or not GIFT_PEGJS.is_dir():
        return text.replace("\\", "")
    done = subprocess.run(
        [NODE, str(TESTS / "gift_parse.js")],
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.returncode == 0, f"gift-pegjs refused the file: {done.stderr}"
    return " | ".join(strings(json.loads(done.stdout)))


def read_apkg(data: bytes) -> str:
    """The notes' fields, as Anki's own importer stores them when it is installed."""
    try:
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
    except ImportError:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            database = archive.read("collection.anki2")
        connection = sqlite3.connect(":memory:")
        connection.deserialize(database)
        fields = [row[0] for row in connection.execute("SELECT flds FROM notes")]
        connection.close()
        return html.unescape(" | ".join(fields))
    return _anki_import(data, Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest)


def _anki_import(data: bytes, collection, options, request) -> str:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        deck = Path(folder) / "deck.apkg"
        deck.write_bytes(data)
        col = collection(str(Path(folder) / "collection.anki2"))
        try:
            col.import_anki_package(request(package_path=str(deck), options=options()))
            notes = [col.get_note(nid) for nid in col.find_notes("")]
            return html.unescape(" | ".join(f for note in notes for f in note.fields))
        finally:
            col.close()


READERS = {  # file name ending -> parse with the format's validator, give back its text
    ".quiz.yaml": read_yaml,
    ".schema.json": lambda d: str(json.loads(d)),
    ".html": read_html,
    ".pdf": read_pdf,
    ".moodle.xml": xml_text,
    ".gift.txt": read_gift,
    ".zip": read_zip,
    ".blackboard.txt": read_tsv,
    ".quizlet.txt": read_tsv,
    ".brightspace.csv": read_csv,
    ".kahoot.xlsx": read_xlsx,
    ".apkg": read_apkg,
}


def reader_for(name: str):
    """The hostile-text reader of a written file, found by the ending of its name."""
    found = [read for end, read in READERS.items() if name.endswith(end)]
    assert found, (
        f"{name}: no hostile-text reader for this format: add one to READERS in "
        "tests/test_hardening.py (parse the file as its LMS would, give back its text)"
    )
    return found[0]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_has_a_hostile_text_reader(fmt):
    rendered = export(make_sample_quiz(), fmt, Settings())
    names = [f"quiz.{suffix}" for suffix, _ in rendered.files] + [n for n, _ in rendered.shared]
    for name in names:
        reader_for(name)


def test_a_format_without_a_reader_is_named():
    with pytest.raises(AssertionError, match="quiz.new.fmt: no hostile-text reader"):
        reader_for("quiz.new.fmt")


def test_every_export_of_a_hostile_quiz_parses_and_reads_back_intact(tmp_path):
    quiz = write_quiz(tmp_path / "in", make_hostile_quiz())
    out = tmp_path / "out"
    code, stderr = finish(cli("export", str(quiz), "--format", "all", "-o", str(out)))
    assert code == 0, stderr
    written = files_in(out)
    assert len(written) >= len(FORMATS) + 2  # html and pdf make two files each, yaml a schema
    hostile = squash(one_line(HOSTILE))
    for name, data in written.items():
        text = reader_for(name)(data)
        if not name.endswith(".schema.json"):
            assert hostile in squash(text), f"{name}: the hostile text did not read back intact"


# --- determinism -------------------------------------------------------------------------------

PLACES = (
    {"PYTHONHASHSEED": "1", "TZ": "UTC"},
    {"PYTHONHASHSEED": "4242", "TZ": "Pacific/Kiritimati"},
)  # fourteen hours apart


def test_export_all_is_byte_identical_whatever_the_hash_seed_and_time_zone(tmp_path):
    quiz = write_quiz(tmp_path / "in", make_sample_quiz())
    outs = [tmp_path / f"out{n}" for n in range(len(PLACES))]
    runs = [
        cli("export", str(quiz), "--format", "all", "-o", str(out), env=env)
        for out, env in zip(outs, PLACES, strict=True)
    ]
    assert all(finish(run)[0] == 0 for run in runs)
    first, second = (files_in(out) for out in outs)
    assert len(first) >= len(FORMATS) + 2
    assert first == second, [name for name in first if first[name] != second.get(name)]


@pytest.mark.model
def test_generate_is_byte_identical_whatever_the_hash_seed_and_another_seed_differs(tmp_path):
    passage = ROOT / "seeds" / "drone-strike.txt"
    outs = [tmp_path / "a", tmp_path / "b", tmp_path / "seed8"]
    extra = ([], [], ["--seed", "8"])
    envs = (*PLACES, PLACES[0])
    runs = [
        cli("generate", str(passage), "-o", str(out), "--format", "yaml,html", "-q", *more, env=env)
        for out, more, env in zip(outs, extra, envs, strict=True)
    ]
    assert [finish(run)[0] for run in runs] == [0, 0, 0]
    a, b, other = (files_in(out) for out in outs)
    assert sorted(a) == [
        "drone-strike.key.html",
        "drone-strike.quiz.yaml",
        "drone-strike.worksheet.html",
        "quizgen-1.schema.json",
    ]
    assert a == b, [name for name in a if a[name] != b.get(name)]
    assert other["drone-strike.quiz.yaml"] != a["drone-strike.quiz.yaml"]
