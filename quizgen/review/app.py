"""The review app: a Starlette application serving one quiz file to one teacher's browser.

Routes (no route takes a file name; the app knows one quiz file and the export folder beside it):

    GET  /                 the page (``?token=`` on the first visit sets the cookie)
    GET  /static/<asset>   the page's script and style, from a fixed list shipped in the wheel
    GET  /api/version      the quiz's version, so a tab can tell it is stale
    POST /api/edit         one edit, or undo / redo; answers with the new items column
    POST /api/export       render the chosen formats beside the quiz file
    GET  /exported/<n>     the n-th file the last export wrote (worksheet and key open in tabs)

Every request passes :class:`Guard` first: the Host must be 127.0.0.1 or localhost at the
app's port (DNS rebinding), the secret token must come as the cookie or, once, in the query;
a state-changing request must be a POST of JSON from the app's own Origin carrying the page's
CSRF token, and no larger than :data:`MAX_BODY`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from quizgen.base.errors import QuizgenError
from quizgen.review import page
from quizgen.review.store import Invalid, Stale, Store

MAX_BODY = 64 * 1024  # bytes in one request: an edit is a few hundred
HOSTS = ("127.0.0.1", "localhost")
STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {  # the only files the app serves besides exports: name -> media type
    "review.js": "text/javascript; charset=utf-8",
    "review.css": "text/css; charset=utf-8",
}
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
# an exported worksheet or key: its own inline styles, no script at all, in a sandbox
EXPORT_POLICY = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
MEDIA = {".html": "text/html; charset=utf-8", ".pdf": "application/pdf"}
EXPORT_DEFAULTS = ("html",)


@dataclass
class Session:
    """What one run of the app holds: the quiz, its secrets, the export choices and results."""

    store: Store
    port: int
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    paper: str = "a4"
    forms: int = 1
    passage: bool = True
    formats: tuple[str, ...] = EXPORT_DEFAULTS
    exported: list[Path] = field(default_factory=list)
    export_lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def cookie(self) -> str:
        """The token's cookie name: one per port, as cookies do not tell ports apart."""
        return f"quizgen-review-{self.port}"

    @property
    def origins(self) -> tuple[str, ...]:
        """The Origin values of the app's own pages."""
        return tuple(f"http://{host}:{self.port}" for host in HOSTS)

    @property
    def url(self) -> str:
        """The address to open, secret token included."""
        return f"http://127.0.0.1:{self.port}/?token={self.token}"


# --- the guard -----------------------------------------------------------------------------


def _same(a: str | None, b: str) -> bool:
    return a is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware that refuses, before any route runs, what the app must never serve."""

    def __init__(self, app, session: Session) -> None:
        self.app = app
        self.session = session

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "websocket":  # the app has none; refuse before anything runs
            return await send({"type": "websocket.close", "code": 1008})
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self.refuse(scope, headers)
        if refusal is not None:
            status, message = refusal
            response = JSONResponse({"message": message}, status, headers=HEADERS)
            return await response(scope, receive, send)
        await self.app(scope, _limited(receive), send)

    def refuse(self, scope, headers: dict[str, str]) -> tuple[int, str] | None:
        """Why a request is refused (status, message), or None to let it through."""
        session = self.session
        if headers.get("host") not in {f"{h}:{session.port}" for h in HOSTS}:
            return 421, "this app answers only at 127.0.0.1 or localhost"
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 - a malformed cookie header carries no token
            cookie = SimpleCookie()
        given = cookie[session.cookie].value if session.cookie in cookie else None
        by_query = (query.get("token") or [None])[0]
        if not (_same(given, session.token) or _same(by_query, session.token)):
            return 403, "open the address quizgen review printed (it holds the secret token)"
        if scope["method"] in ("GET", "HEAD"):
            return None
        if scope["method"] != "POST":
            return 405, "only GET and POST are answered"
        if headers.get("origin") not in session.origins:
            return 403, "a change must come from the review page itself (Origin)"
        if headers.get("sec-fetch-site", "same-origin") != "same-origin":
            return 403, "a change must come from the review page itself (Sec-Fetch-Site)"
        if not _same(headers.get("x-csrf-token"), session.csrf):
            return 403, "the page's CSRF token is missing or wrong; reload the page"
        if headers.get("content-type", "").split(";")[0].strip() != "application/json":
            return 415, "send JSON"
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return 413, f"a request may hold at most {MAX_BODY} bytes"
        return None


class TooLarge(Exception):
    """A request body past the limit (sent without a length, in chunks)."""


def _limited(receive):
    """``receive`` that stops reading a body once it passes MAX_BODY."""
    seen = 0

    async def wrapped():
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > MAX_BODY:
                raise TooLarge
        return message

    return wrapped


async def _json(request: Request) -> dict[str, Any]:
    """The request's JSON object."""
    try:
        body = await request.body()
    except TooLarge:
        raise _Refused(413, f"a request may hold at most {MAX_BODY} bytes") from None
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        raise _Refused(400, "the request is not JSON") from None
    if not isinstance(data, dict):
        raise _Refused(400, "the request must be a JSON object")
    return data


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _answer(body: dict, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status, headers=HEADERS)


# --- routes --------------------------------------------------------------------------------


def create_app(session: Session) -> Guard:
    """The review app for one session, guarded."""
    store = session.store

    def state() -> dict[str, Any]:
        undo, redo = store.history
        return {
            "version": store.version,
            "items": page.items_html(store.draft, store.skills),
            "title": str(store.draft.data.get("title", "")),
            "undo": undo,
            "redo": redo,
        }

    async def home(request: Request) -> Response:
        if "token" in request.query_params:  # the first visit: the token becomes a cookie
            response = RedirectResponse("/", 303, headers=HEADERS)
            response.set_cookie(
                session.cookie, session.token, httponly=True, samesite="strict", path="/"
            )
            return response
        html = await run_in_threadpool(render_page)
        return HTMLResponse(html, headers={**HEADERS, "Content-Security-Policy": PAGE_POLICY})

    def render_page() -> str:
        with store.lock:
            store.refresh()
            undo, redo = store.history
            from quizgen.export import FORMATS

            context = {
                "csrf": session.csrf,
                "version": store.version,
                "file": store.path.name,
                "folder": str(store.path.parent),
                "undo": undo,
                "redo": redo,
                "outside": store.outside,
                "formats": [(n, f.summary) for n, f in FORMATS.items() if n != "yaml"],
                "chosen": session.formats,
                "paper": session.paper,
                "forms": session.forms,
                "print_passage": session.passage,
                "skill_known": store.skill_known,
                "asset": ASSET_VERSION,
            }
            return page.page_html(context, store.draft, store.skills)

    async def static(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in ASSETS:
            return _answer({"message": "not found"}, 404)
        return Response(
            ASSET_TEXT[name],
            media_type=ASSETS[name],
            headers={**HEADERS, "Cache-Control": "no-cache"},
        )

    async def version(request: Request) -> Response:
        def check() -> dict:
            store.refresh()
            return {"version": store.version, "outside": store.outside}

        return _answer(await run_in_threadpool(check))

    async def edit(request: Request) -> Response:
        try:
            body = await _json(request)
        except _Refused as exc:
            return _answer({"message": str(exc)}, exc.status)
        op = body.get("op")

        def run() -> dict:
            if op == "undo":
                store.undo(body.get("version"))
            elif op == "redo":
                store.redo(body.get("version"))
            else:
                store.edit(str(op), body, body.get("version"))
            return state()

        try:
            return _answer(await run_in_threadpool(run))
        except Stale as exc:
            return _answer({"message": f"{exc}; reload the page", "version": store.version}, 409)
        except Invalid as exc:
            errors = [_error(e) for e in exc.errors]
            return _answer({"message": str(exc), "errors": errors}, 422)
        except QuizgenError as exc:  # the disk refused the write: the old file is still there
            return _answer({"message": f"not saved: {exc}"}, 500)

    async def export(request: Request) -> Response:
        try:
            body = await _json(request)
        except _Refused as exc:
            return _answer({"message": str(exc)}, exc.status)
        try:
            choices = _export_choices(body)
        except _Refused as exc:
            return _answer({"message": str(exc)}, exc.status)
        if body.get("version") != store.version:
            return _answer({"message": "this quiz has changed; reload the page"}, 409)
        try:
            result = await run_in_threadpool(lambda: _export(session, *choices))
        except QuizgenError as exc:
            return _answer({"message": str(exc)}, 422)
        return _answer(result)

    async def exported(request: Request) -> Response:
        n = request.path_params["n"]
        with session.export_lock:
            files = list(session.exported)
        if not 0 <= n < len(files):
            return _answer({"message": "no such exported file; export again"}, 404)
        path = files[n]
        try:
            content = await run_in_threadpool(path.read_bytes)
        except OSError:
            return _answer({"message": f"{path.name} is gone; export again"}, 404)
        media = MEDIA.get(path.suffix)
        headers = {**HEADERS, "Content-Security-Policy": EXPORT_POLICY}
        if media is None:
            media = "application/octet-stream"
            headers["Content-Disposition"] = f'attachment; filename="{_ascii(path.name)}"'
        return Response(content, media_type=media, headers=headers)

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/static/{name:str}", static, methods=["GET"]),
        Route("/api/version", version, methods=["GET"]),
        Route("/api/edit", edit, methods=["POST"]),
        Route("/api/export", export, methods=["POST"]),
        Route("/exported/{n:int}", exported, methods=["GET"]),
    ]
    return Guard(Starlette(routes=routes), session)


def _error(error) -> dict:
    return {"item": error.item, "field": error.field, "message": error.message}


def _ascii(name: str) -> str:
    return "".join(c if c.isascii() and c.isprintable() and c not in '"\\' else "_" for c in name)


def _export_choices(body: dict) -> tuple[tuple[str, ...], str, int, bool]:
    """The formats and worksheet settings an export request asks for, checked."""
    from quizgen.export import FORMATS

    formats = body.get("formats")
    if not isinstance(formats, list) or not formats or len(formats) > len(FORMATS):
        raise _Refused(400, "choose at least one format")
    names = [f for f in formats if isinstance(f, str) and f in FORMATS and f != "yaml"]
    if len(names) != len(formats):
        raise _Refused(400, "unknown format")
    paper = body.get("paper")
    if paper not in ("a4", "letter"):
        raise _Refused(400, "paper must be a4 or letter")
    forms = body.get("forms")
    if isinstance(forms, bool) or not isinstance(forms, int) or not 1 <= forms <= 26:
        raise _Refused(400, "forms must be a whole number from 1 to 26")
    passage = body.get("passage")
    if not isinstance(passage, bool):
        raise _Refused(400, "passage must be true or false")
    ordered = tuple(n for n in FORMATS if n in names)
    return ordered, paper, forms, passage


def _export(session: Session, names: tuple[str, ...], paper: str, forms: int, passage: bool):
    """Write the chosen formats beside the quiz file; list the files, the warnings and the
    worksheet and key to open."""
    from quizgen import render
    from quizgen.export import Settings
    from quizgen.quiz import quizfile

    store = session.store
    with session.export_lock:
        session.formats, session.paper, session.forms, session.passage = (
            names,
            paper,
            forms,
            passage,
        )
        with store.lock:
            quiz = quizfile.from_data(store.draft.written())
        path = store.path
        stem = path.name.removesuffix(".yaml").removesuffix(".yml").removesuffix(".quiz")
        warnings: list[str] = []
        written = render.write(
            quiz,
            stem,
            path.parent,
            names,
            Settings(paper=paper, forms=forms, passage=passage),
            warn=warnings.append,
            keep=path,
        )
        session.exported = list(written)
    files = [{"name": p.name, "url": f"/exported/{n}"} for n, p in enumerate(written)]
    first = "-A" if forms > 1 else ""
    open_names = (f"{stem}.worksheet{first}.html", f"{stem}.key{first}.html")
    return {
        "folder": str(path.parent),
        "files": files,
        "warnings": [w.removeprefix(f"{stem}: ") for w in warnings],
        "open": [f for f in files if f["name"] in open_names],
    }


def _assets() -> dict[str, str]:
    return {name: (STATIC / name).read_text(encoding="utf-8") for name in ASSETS}


ASSET_TEXT = _assets()
ASSET_VERSION = hashlib.sha256("".join(ASSET_TEXT.values()).encode()).hexdigest()[:12]
