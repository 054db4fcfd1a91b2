"""The wheel ships what a non-editable install needs: build it, install it into a fresh virtual
environment, and run `quizgen generate` from another folder."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("quizgen-*.whl"))


def test_wheel_holds_templates_and_data(wheel: Path):
    import zipfile

    names = zipfile.ZipFile(wheel).namelist()
    assert any(n.startswith("quizgen/_templates/questions/") and n.endswith(".yaml") for n in names)
    assert any(n.startswith("quizgen/_templates/output/") for n in names)
    assert "quizgen/text/data/places.tsv" in names


def test_installed_wheel_generates_from_another_folder(wheel: Path, tmp_path: Path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # the dependencies come from this environment (no network); quizgen itself only from the wheel
    site = Path(sysconfig.get_paths()["purelib"])
    target = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (target / "dependencies.pth").write_text(f"{site}\n", encoding="utf-8")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    work = tmp_path / "elsewhere"
    work.mkdir()
    (work / "story.txt").write_text(
        (ROOT / "seeds" / "drone-strike.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    result = subprocess.run(
        [str(env_dir / "bin" / "quizgen"), "generate", "story.txt", "-o", "out"],
        cwd=work,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    origin = subprocess.run(
        [str(python), "-c", "import quizgen, sys; print(quizgen.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
    ).stdout
    assert str(env_dir) in origin  # the installed copy ran, not the checkout
    assert (work / "out" / "story.quiz.yaml").exists()
    assert (work / "out" / "story.worksheet.html").exists()
