"""Golden files, in one place: every format's rendering of the sample quiz, kept as text a
reviewer can read in a diff, and compared here.

A text file is its golden as it is; a zip is a folder of its members; a spreadsheet, a PDF
and an Anki deck are kept as the text they hold (``sample.<suffix>.txt``). ``UPDATE_GOLDEN=1``
rewrites the golden files; without it, a file with no golden fails, so a new format cannot
go untested. Review golden diffs as you would code.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
import textwrap
import zipfile

import openpyxl
import pytest
from conftest import GOLDEN, shown_text
from pypdf import PdfReader

TEXT_SUFFIXES = (".txt", ".csv", ".xml", ".html", ".yaml", ".json")


def _xlsx_text(data: bytes) -> str:
    """Each sheet's rows, one a line, cells apart by tabs (an empty cell is empty)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    lines = []
    for sheet in book.worksheets:
        lines.append(f"# sheet {sheet.title}")
        for row in sheet.iter_rows(values_only=True):
            lines.append("\t".join("" if v is None else str(v) for v in row).rstrip("\t"))
    return "\n".join(lines) + "\n"


def _pdf_text(data: bytes) -> str:
    """The words of the text layer, page by page, wrapped for reading (layout-blind: the line
    and page breaks a font moves are not kept)."""
    pages = PdfReader(io.BytesIO(data)).pages
    return "".join(
        f"# page {n}\n" + textwrap.fill(shown_text(page.extract_text()), 96) + "\n"
        for n, page in enumerate(pages, start=1)
    )


def _apkg_text(data: bytes) -> str:
    """The deck's notes, in id order: guid, tags, then each field on its own line."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        database = archive.read("collection.anki2")
    connection = sqlite3.connect(":memory:")
    connection.deserialize(database)
    rows = connection.execute("SELECT guid, tags, flds FROM notes ORDER BY id").fetchall()
    connection.close()
    return "".join(
        f"# note {guid} [{tags.strip()}]\n" + "".join(f"{f}\n" for f in fields.split("\x1f"))
        for guid, tags, fields in rows
    )


BINARY_TEXT = {".xlsx": _xlsx_text, ".pdf": _pdf_text, ".apkg": _apkg_text}


def readable(name: str, content: str | bytes) -> dict[str, bytes]:
    """A rendered file as its golden files: path (under golden/) -> bytes."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            folder = name.removesuffix(".zip")
            return {f"{folder}/{member}": archive.read(member) for member in archive.namelist()}
    if name.endswith(TEXT_SUFFIXES):
        return {name: data}
    for suffix, text_of in BINARY_TEXT.items():
        if name.endswith(suffix):
            return {f"{name}.txt": text_of(data).encode("utf-8")}
    raise AssertionError(
        f"{name}: no way to keep it as a golden file: add its suffix to TEXT_SUFFIXES or "
        "BINARY_TEXT in tests/golden_check.py"
    )


def check(files: dict[str, bytes], folders: tuple[str, ...] = ()) -> None:
    """Compare golden files (path under golden/ -> bytes) with those stored; ``folders`` are
    golden folders that must hold exactly the given files. UPDATE_GOLDEN=1 rewrites them."""
    if os.environ.get("UPDATE_GOLDEN"):
        for folder in folders:
            shutil.rmtree(GOLDEN / folder, ignore_errors=True)
        for name, data in files.items():
            path = GOLDEN / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    missing = sorted(name for name in files if not (GOLDEN / name).is_file())
    if missing:
        pytest.fail(
            f"no golden file for {', '.join(missing)}: run with UPDATE_GOLDEN=1 to write it, "
            "then review it",
            pytrace=False,
        )
    for folder in folders:
        stored = {p.relative_to(GOLDEN).as_posix() for p in (GOLDEN / folder).rglob("*")}
        stored = {name for name in stored if (GOLDEN / name).is_file()}
        extra = stored - set(files)
        assert not extra, f"golden files no format makes any more: {sorted(extra)}"
    for name, data in files.items():
        # compared as text, so that a failure shows a readable diff
        assert data.decode("utf-8") == (GOLDEN / name).read_bytes().decode("utf-8"), name
