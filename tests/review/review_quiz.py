"""What the review app's tests share: a quiz file to review, and a client that passes the guard."""

from __future__ import annotations

from pathlib import Path

from conftest import make_sample_quiz
from starlette.testclient import TestClient

from quizgen.quiz import quizfile
from quizgen.review.app import Session, create_app
from quizgen.review.edits import ALTERNATIVES
from quizgen.review.store import Store, dump

PORT = 8765  # the test client binds nothing; the app only needs to know its own port
ORIGIN = f"http://127.0.0.1:{PORT}"
Q1_ALTERNATIVES = ["Mungo Park", "Henry Stanley"]


def quiz_data(quiz=None) -> dict:
    """The sample quiz (every kind) as quiz file data, q1 with alternatives kept in reserve."""
    data = quizfile.to_data(quiz or make_sample_quiz())
    data["items"][0][ALTERNATIVES] = list(Q1_ALTERNATIVES)
    return data


def write_quiz(folder: Path, data: dict | None = None, name: str = "nile.quiz.yaml") -> Path:
    """A valid quiz file in ``folder``."""
    path = folder / name
    path.write_text(dump(data or quiz_data()), encoding="utf-8")
    assert quizfile.validate(path) == []
    return path


def session_for(path: Path) -> Session:
    return Session(Store(path), PORT)


def client_for(session: Session, *, signed_in: bool = True) -> TestClient:
    """A test client at the app's own address; signed in by the token's first visit."""
    client = TestClient(create_app(session), base_url=ORIGIN)
    if signed_in:
        first = client.get(f"/?token={session.token}", follow_redirects=False)
        assert first.status_code == 303
        client.cookies.set(session.cookie, session.token)
    return client


def post(client: TestClient, session: Session, url: str, body: dict, **headers):
    """A POST as the page sends it: JSON, from the app's origin, with the CSRF token."""
    sent = {
        "Origin": ORIGIN,
        "X-CSRF-Token": session.csrf,
        "Content-Type": "application/json",
        **headers,
    }
    return client.post(url, json=body, headers={k: v for k, v in sent.items() if v is not None})


def edit(client: TestClient, session: Session, **body):
    """One edit on the store's current version."""
    return post(client, session, "/api/edit", {"version": session.store.version, **body})
