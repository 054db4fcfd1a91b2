"""Writing output files: atomically and all together, so a failure never leaves half a file,
nor half of one passage's files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from quizgen.base.errors import QuizgenError


def check_dir(folder: Path) -> None:
    """Fail early, creating nothing, when ``folder`` cannot be (made into) a writable folder."""
    try:
        _check_dir(folder)
    except OSError as exc:
        raise QuizgenError(f"{folder}: cannot use the output folder: {exc.strerror}") from None


def _check_dir(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise QuizgenError(f"{folder}: the output path is a file, not a folder")
    nearest = next((p for p in (folder, *folder.absolute().parents) if p.exists()), None)
    if nearest is None:
        return
    if not nearest.is_dir():
        raise QuizgenError(f"{folder}: cannot create the output folder: {nearest} is a file")
    if not os.access(nearest, os.W_OK | os.X_OK):
        what = "the output folder" if nearest == folder else f"{nearest}, where it would be made,"
        raise QuizgenError(f"{folder}: {what} is not writable")


def prepare_dir(folder: Path) -> Path:
    """Make sure ``folder`` exists and is a writable folder."""
    check_dir(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise QuizgenError(f"{folder}: cannot create the output folder: {exc.strerror}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise QuizgenError(f"{folder}: the output folder is not writable")
    return folder


def _stage(path: Path, content: str | bytes) -> Path:
    """Write ``content`` to a new temporary file beside ``path``; return the temporary file."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        # a short prefix: the temporary name must fit wherever the final name fits
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise QuizgenError(f"{path}: cannot write: {exc.strerror}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _sync_dir(folder: Path) -> None:
    """Make the renames in ``folder`` durable (best effort: not every system can)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_all(folder: Path, files: Iterable[tuple[str, str | bytes]]) -> list[Path]:
    """Write (name, content) pairs into ``folder``, all or nothing; return the paths.

    Every file is written to a temporary name first; only when all of them are written are
    they renamed into place, so a failure (a full disk, a folder where a file should go)
    leaves the old files as they were and no temporary file behind.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files:
            path = folder / name
            if path.is_dir():
                raise QuizgenError(f"{path}: is a folder; cannot write a file there")
            staged.append((_stage(path, content), path))
        for tmp, path in staged:
            try:
                os.replace(tmp, path)
            except OSError as exc:
                raise QuizgenError(f"{path}: cannot write: {exc.strerror}") from None
    finally:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
    _sync_dir(folder)
    return [path for _, path in staged]
