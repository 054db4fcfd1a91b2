"""Run the review app: a free port on 127.0.0.1, the address printed first, the browser opened,
served by uvicorn until Ctrl-C."""

from __future__ import annotations

import os
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from quizgen.base.errors import QuizgenError


def listen() -> socket.socket:
    """A listening socket on 127.0.0.1 at a port the system chose free (never another address)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
    except OSError as exc:
        sock.close()
        raise QuizgenError(f"cannot listen on 127.0.0.1: {exc.strerror}") from None
    sock.set_inheritable(True)
    return sock


def open_browser(url: str) -> bool:
    """Open the address in the default browser; False where there is none to open (no screen)."""
    graphical = any(os.environ.get(v) for v in ("DISPLAY", "WAYLAND_DISPLAY", "BROWSER"))
    if sys.platform.startswith("linux") and not graphical:  # or a text browser takes the terminal
        return False
    import webbrowser

    try:
        return webbrowser.open(url, new=2)
    except webbrowser.Error:
        return False


def serve(
    path: Path,
    *,
    browser: bool = True,
    echo: Callable[[str], None] = print,
) -> None:
    """Review one quiz file in the browser until Ctrl-C; the first line printed is the address."""
    from quizgen.review.app import Session, create_app
    from quizgen.review.store import Store

    store = Store(Path(path))  # a broken quiz file is refused here, before any port is opened
    sock = listen()
    session = Session(store, sock.getsockname()[1])
    app = create_app(session)
    echo(session.url)
    echo(f"Reviewing {path}: every change is saved at once. Press Ctrl-C to stop.")
    if browser:

        def opened() -> None:
            if not open_browser(session.url):
                echo("No browser could be opened here: open the address above in one.")

        threading.Thread(target=opened, daemon=True).start()
    import uvicorn

    config = uvicorn.Config(
        app,
        log_level="warning",
        access_log=False,
        lifespan="off",
        ws="none",
        timeout_graceful_shutdown=1,
    )
    try:
        uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:  # uvicorn raises the Ctrl-C again once it has shut down
        pass
    finally:
        sock.close()
    echo(f"Stopped. {path} holds every change.")


def made_one(folder: Path, since: float) -> Path:
    """The one quiz file ``quizgen generate`` just wrote into ``folder`` (at or after ``since``,
    a time.time()), to review; several or none is an error that says what to do."""
    try:
        made = sorted(p for p in folder.glob("*.quiz.yaml") if p.stat().st_mtime >= since - 0.01)
    except OSError:
        made = []
    if len(made) != 1:
        what = "no quiz file was written" if not made else f"{len(made)} quizzes were made"
        raise QuizgenError(f"--review opens one quiz, and {what}; run quizgen review QUIZ.yaml")
    return made[0]
