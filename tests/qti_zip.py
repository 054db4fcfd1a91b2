"""Helpers for the QTI zip exports (canvas, qti21): unpack, load a schema once, golden folders."""

from __future__ import annotations

import io
import zipfile
from functools import cache
from pathlib import Path

import xmlschema
from lxml import html

SCHEMAS = Path(__file__).resolve().parent / "schemas"  # the IMS XSDs, with their notices


def unpack(data: bytes) -> dict[str, bytes]:
    """The files of a zip, by name, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def zip_dates(data: bytes) -> set[tuple[int, ...]]:
    """The distinct timestamps of a zip's entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.date_time for info in archive.infolist()}


@cache
def _schema(path: Path) -> xmlschema.XMLSchema10:
    return xmlschema.XMLSchema10(str(path), allow="local")


def schema(relative: str) -> xmlschema.XMLSchema10:
    """An XSD from tests/schemas, built once per session."""
    return _schema(SCHEMAS / relative)


def assert_valid(xsd: xmlschema.XMLSchema10, data: bytes, name: str) -> None:
    """Fail with every schema error of one file, named."""
    errors = [f"{e.path}: {e.reason}" for e in xsd.iter_errors(io.BytesIO(data))]
    assert not errors, f"{name} is not valid:\n" + "\n".join(errors)


def html_text(fragment: str) -> str:
    """The text an HTML fragment shows, with its markup gone and its entities decoded."""
    return html.fromstring(f"<div>{fragment}</div>").text_content()
