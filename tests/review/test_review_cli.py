"""`quizgen review` as a teacher runs it: the address first, 127.0.0.1 only, quick to answer,
no spaCy, Ctrl-C stops it; and `quizgen generate --review`."""

from __future__ import annotations

import http.cookiejar
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from review_quiz import write_quiz

from quizgen.quiz import quizfile
from quizgen.review.server import listen, made_one

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from quizgen.cli import main; main()"]


def quiet_env() -> dict[str, str]:
    """The environment without a screen or browser, so nothing is opened."""
    env = {
        k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER")
    }
    env["PYTHONUNBUFFERED"] = "1"
    return env


def start(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [*CLI, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=quiet_env(),
        cwd=ROOT,
    )


def first_page(url: str) -> tuple[int, str]:
    """Open the printed address as a browser would: follow the redirect with the cookie."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with opener.open(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


def stop(process: subprocess.Popen) -> tuple[str, str]:
    process.send_signal(signal.SIGINT)  # Ctrl-C
    try:
        out, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    return out, err


def test_review_prints_the_address_first_answers_quickly_and_stops_on_ctrl_c(tmp_path):
    path = write_quiz(tmp_path)
    began = time.perf_counter()
    process = start("review", str(path), "--no-browser")
    try:
        url = process.stdout.readline().strip()
        parts = urlsplit(url)
        assert parts.scheme == "http" and parts.hostname == "127.0.0.1" and parts.port
        assert parts.path == "/" and parts.query.startswith("token=") and len(parts.query) > 40
        status, page = first_page(url)
        elapsed = time.perf_counter() - began
        assert status == 200 and "The Nile" in page
        # the interpreter, Starlette, uvicorn and the page: well under two seconds here
        assert elapsed < 3, f"first page after {elapsed:.2f} s"
        with pytest.raises(urllib.error.HTTPError) as refused:  # the bare address needs the token
            urllib.request.urlopen(f"http://127.0.0.1:{parts.port}/", timeout=10)
        assert refused.value.code == 403
    finally:
        out, err = stop(process)
    assert process.returncode == 0, err
    assert out.strip().splitlines()[-1].startswith("Stopped.")
    assert quizfile.validate(path) == []


def test_review_refuses_a_broken_quiz_file_in_one_line(tmp_path):
    path = tmp_path / "broken.quiz.yaml"
    path.write_text("format: quizgen/1\ntitle: [unclosed\n", encoding="utf-8")
    done = subprocess.run(
        [*CLI, "review", str(path), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=60,
        env=quiet_env(),
    )
    assert done.returncode == 1 and done.stdout == ""
    assert len(done.stderr.strip().splitlines()) == 1 and "not valid YAML" in done.stderr
    missing = subprocess.run(
        [*CLI, "review", str(tmp_path / "none.yaml"), "--no-browser"],
        capture_output=True,
        text=True,
        timeout=60,
        env=quiet_env(),
    )
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_the_review_app_loads_no_spacy_and_no_exporter_until_export(tmp_path):
    path = write_quiz(tmp_path)
    script = f"""
import sys
from pathlib import Path
import quizgen.cli
from quizgen.review.app import Session, create_app
from quizgen.review.store import Store
from starlette.testclient import TestClient
session = Session(Store(Path({str(path)!r})), 8765)
client = TestClient(create_app(session), base_url="http://127.0.0.1:8765")
assert client.get("/?token=" + session.token).status_code == 200
heavy = [m for m in ("spacy", "weasyprint", "openpyxl", "genanki", "lxml") if m in sys.modules]
print(",".join(heavy) or "none")
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


def test_the_app_listens_on_127_0_0_1_at_a_free_port():
    first, second = listen(), listen()
    try:
        assert first.getsockname()[0] == second.getsockname()[0] == "127.0.0.1"
        assert first.getsockname()[1] != second.getsockname()[1] > 0
    finally:
        first.close()
        second.close()


def test_generate_review_needs_exactly_one_new_quiz(tmp_path):
    from quizgen.base.errors import QuizgenError

    since = time.time()
    with pytest.raises(QuizgenError, match="no quiz file"):
        made_one(tmp_path, since)
    one = write_quiz(tmp_path)
    assert made_one(tmp_path, since) == one
    write_quiz(tmp_path, name="other.quiz.yaml")
    with pytest.raises(QuizgenError, match="2 quizzes"):
        made_one(tmp_path, since)


@pytest.mark.model
def test_generate_then_review(tmp_path):
    process = start("generate", "seeds/drone-strike.txt", "-o", str(tmp_path), "-q", "--review")
    try:
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "?token=" in url
        status, page = first_page(url)
        assert status == 200 and "drone strike" in page.lower()
    finally:
        out, err = stop(process)
    assert process.returncode == 0, err
    assert quizfile.validate(tmp_path / "drone-strike.quiz.yaml") == []
