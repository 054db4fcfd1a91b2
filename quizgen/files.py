"""Writing output files: atomically, so a failure never leaves half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from quizgen.errors import QuizgenError


def prepare_dir(folder: Path) -> Path:
    """Make sure ``folder`` exists and is a writable folder."""
    if folder.exists() and not folder.is_dir():
        raise QuizgenError(f"{folder}: the output path is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"{folder}: cannot create the output folder: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError(f"{folder}: the output folder is not writable")
    return folder


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a file by writing a temporary file beside it and renaming it into place."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise QuizgenError(f"{path}: cannot write: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> list[Path]:
    """Write (name, content) pairs into ``folder``, each atomically; return the paths."""
    written = []
    for name, content in files:
        path = folder / name
        write_atomic(path, content)
        written.append(path)
    return written
