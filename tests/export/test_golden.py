"""Every format's rendering of the sample quiz (which holds every item kind) matches its golden
files: one test, every format in the registry (see tests/golden_check.py)."""

from __future__ import annotations

import pytest
from golden_check import check, readable

from quizgen.export import FORMATS, Settings, export


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_matches_its_golden_files(fmt, sample_quiz):
    rendered = export(sample_quiz, fmt, Settings())
    files: dict[str, bytes] = {}
    folders = []
    for suffix, content in rendered.files:
        files.update(readable(f"sample.{suffix}", content))
        if suffix.endswith(".zip"):
            folders.append(f"sample.{suffix.removesuffix('.zip')}")
    check(files, tuple(folders))


def test_a_format_without_a_golden_file_fails(tmp_path, monkeypatch):
    import golden_check

    monkeypatch.setattr(golden_check, "GOLDEN", tmp_path)
    monkeypatch.delenv("UPDATE_GOLDEN", raising=False)
    with pytest.raises(pytest.fail.Exception, match="no golden file for sample.new.txt"):
        check(readable("sample.new.txt", "text"))
