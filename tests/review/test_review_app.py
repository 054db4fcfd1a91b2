"""The review app through Starlette's test client: every route, every security check, every
edit leaving a valid quiz file, and a failed or interrupted write leaving the old one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import HOSTILE, make_hostile_quiz
from review_quiz import (
    ORIGIN,
    PORT,
    Q1_ALTERNATIVES,
    client_for,
    edit,
    post,
    quiz_data,
    session_for,
    write_quiz,
)
from starlette.routing import Route

from quizgen.quiz import quizfile
from quizgen.review import app as review_app
from quizgen.review.edits import ALTERNATIVES
from quizgen.review.store import orig_path, schema_skills


@pytest.fixture
def quiz_path(tmp_path: Path) -> Path:
    return write_quiz(tmp_path)


@pytest.fixture
def session(quiz_path):
    return session_for(quiz_path)


@pytest.fixture
def client(session):
    return client_for(session)


def on_disk(path: Path) -> dict:
    """The quiz file's data, after checking it is valid."""
    assert quizfile.validate(path) == [], path.read_text(encoding="utf-8")
    return quizfile.safe_load(path.read_text(encoding="utf-8"))


def item(data: dict, iid: str) -> dict:
    return next(i for i in data["items"] if i["id"] == iid)


# --- the token -----------------------------------------------------------------------------


def test_first_visit_with_the_token_sets_a_strict_cookie_and_drops_the_token(session):
    client = client_for(session, signed_in=False)
    first = client.get(f"/?token={session.token}", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/"
    cookie = first.headers["set-cookie"]
    assert f"{session.cookie}={session.token}" in cookie
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    page = client.get("/")  # the cookie alone lets the page in
    assert page.status_code == 200 and "The Nile" in page.text


@pytest.mark.parametrize(
    "url", ["/", "/static/review.js", "/static/review.css", "/api/version", "/exported/0"]
)
def test_every_route_needs_the_token(session, url):
    client = client_for(session, signed_in=False)
    assert client.get(url).status_code == 403
    assert client.get(url, params={"token": "wrong"}).status_code == 403
    client.cookies.set(session.cookie, session.token[:-1] + "x")
    assert client.get(url).status_code == 403


def test_a_post_needs_the_token_too(session):
    client = client_for(session, signed_in=False)
    assert edit(client, session, op="drop", item="q1").status_code == 403
    assert on_disk(session.store.path)["items"][0]["id"] == "q1"


def test_another_apps_cookie_is_no_token(session):
    client = client_for(session, signed_in=False)
    client.cookies.set(f"quizgen-review-{PORT + 1}", session.token)  # a cookie of another port
    assert client.get("/").status_code == 403


# --- Host, Origin, CSRF, methods, bodies ---------------------------------------------------


@pytest.mark.parametrize(
    "host", ["evil.example", f"evil.example:{PORT}", "127.0.0.1", f"127.0.0.1:{PORT + 1}", ""]
)
def test_a_foreign_host_is_refused_dns_rebinding(client, host):
    response = client.get("/", headers={"Host": host})
    assert response.status_code == 421


def test_localhost_is_the_apps_own_host(client):
    assert client.get("/", headers={"Host": f"localhost:{PORT}"}).status_code == 200


@pytest.mark.parametrize(
    "origin", [None, "http://evil.example", f"http://127.0.0.1:{PORT + 1}", "null"]
)
def test_a_change_from_another_origin_is_refused(client, session, origin):
    body = {"version": session.store.version, "op": "drop", "item": "q1"}
    response = post(client, session, "/api/edit", body, Origin=origin)
    assert response.status_code == 403
    assert "q1" in [i["id"] for i in on_disk(session.store.path)["items"]]


def test_localhost_origin_is_the_apps_own(client, session):
    body = {"version": session.store.version, "op": "drop", "item": "q1"}
    response = post(client, session, "/api/edit", body, Origin=f"http://localhost:{PORT}")
    assert response.status_code == 200


def test_a_cross_site_fetch_is_refused_even_with_the_right_origin(client, session):
    body = {"version": session.store.version, "op": "drop", "item": "q1"}
    response = post(client, session, "/api/edit", body, **{"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403


@pytest.mark.parametrize("token", [None, "", "wrong"])
def test_a_change_without_the_csrf_token_is_refused(client, session, token):
    body = {"version": session.store.version, "op": "drop", "item": "q1"}
    response = post(client, session, "/api/edit", body, **{"X-CSRF-Token": token})
    assert response.status_code == 403
    assert response.json()["message"].startswith("the page's CSRF token")


@pytest.mark.parametrize("url", ["/api/edit", "/api/export"])
def test_a_change_must_be_json(client, session, url):
    response = client.post(
        url,
        content=b"op=drop&item=q1",
        headers={
            "Origin": ORIGIN,
            "X-CSRF-Token": session.csrf,
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert response.status_code == 415


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_only_get_and_post_are_answered(client, method):
    assert client.request(method, "/api/edit", headers={"Origin": ORIGIN}).status_code == 405


def test_a_body_over_the_limit_is_refused_by_its_length(client, session):
    big = {"op": "prompt", "item": "q1", "value": "x" * review_app.MAX_BODY}
    response = post(client, session, "/api/edit", {"version": session.store.version, **big})
    assert response.status_code == 413
    assert item(on_disk(session.store.path), "q1")["prompt"].startswith("Who reached")


def test_a_body_over_the_limit_is_refused_when_sent_in_chunks(client, session):
    def chunks():
        yield b'{"op": "prompt", "item": "q1", "value": "'
        for _ in range(20):
            yield b"x" * 8192
        yield b'"}'

    response = client.post(
        "/api/edit",
        content=chunks(),
        headers={
            "Origin": ORIGIN,
            "X-CSRF-Token": session.csrf,
            "Content-Type": "application/json",
        },
    )
    assert response.status_code == 413


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"a": ' * 5000])
def test_a_body_that_is_no_json_object_is_refused(client, session, body):
    response = client.post(
        "/api/edit",
        content=body,
        headers={
            "Origin": ORIGIN,
            "X-CSRF-Token": session.csrf,
            "Content-Type": "application/json",
        },
    )
    assert response.status_code == 400


# --- no request names a file ---------------------------------------------------------------


def test_no_route_takes_a_path(session):
    app = review_app.create_app(session).app
    for route in app.routes:
        assert isinstance(route, Route)
        for convertor in route.param_convertors.values():
            assert type(convertor).__name__ in ("StringConvertor", "IntegerConvertor")
    assert {r.path for r in app.routes} == {
        "/",
        "/static/{name:str}",
        "/api/version",
        "/api/edit",
        "/api/export",
        "/exported/{n:int}",
    }


@pytest.mark.parametrize(
    "url",
    [
        "/static/..%2f..%2fpyproject.toml",
        "/static/../app.py",
        "/static/app.py",
        "/static/nile.quiz.yaml",
        "/exported/0",
        "/exported/-1",
        "/nile.quiz.yaml",
        "/etc/passwd",
    ],
)
def test_a_file_name_in_a_request_serves_nothing(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "format: quizgen/1" not in response.text and "import" not in response.text


def test_an_edit_cannot_name_a_file(client, session, tmp_path):
    for body in (
        {"op": "title", "value": "T", "path": str(tmp_path / "other.yaml")},
        {"op": "title", "value": "T", "file": "../other.yaml"},
    ):
        assert edit(client, session, **body).status_code == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nile.quiz.orig.yaml", "nile.quiz.yaml"]


def test_export_cannot_name_a_file_or_folder(client, session, tmp_path):
    body = {
        "version": session.store.version,
        "formats": ["gift"],
        "paper": "a4",
        "forms": 1,
        "passage": True,
        "folder": "/tmp",
        "out": "/",
        "stem": "../x",
    }
    assert post(client, session, "/api/export", body).status_code == 200
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nile.gift.txt", "nile.quiz.yaml"]


# --- headers and escaping ------------------------------------------------------------------


def test_the_page_forbids_inline_script_framing_and_caching(client):
    response = client.get("/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text and " style=" not in response.text


def test_a_hostile_quiz_renders_as_text(tmp_path):
    path = write_quiz(tmp_path, quiz_data(make_hostile_quiz()))
    session = session_for(path)
    client = client_for(session)
    page = client.get("/").text
    assert "<b>Tom" not in page and "&lt;b&gt;Tom &amp; &#34;Jerry&#34;&lt;/b&gt;" in page
    assert "<title>Review: Title &lt;b&gt;Tom" in page
    response = edit(client, session, op="prompt", item="q1", value=f"<script>x()</script>{HOSTILE}")
    assert response.status_code == 200
    html = response.json()["items"]
    assert "<script>" not in html and "&lt;script&gt;x()&lt;/script&gt;" in html
    assert "<b>" not in html
    assert item(on_disk(path), "q1")["prompt"] == " ".join(f"<script>x()</script>{HOSTILE}".split())


def test_static_assets_have_their_types(client):
    js = client.get("/static/review.js")
    css = client.get("/static/review.css")
    assert js.headers["content-type"].startswith("text/javascript") and "use strict" in js.text
    assert css.headers["content-type"].startswith("text/css") and ".item" in css.text
    assert "http://" not in js.text + css.text and "https://" not in js.text + css.text


def test_the_page_fetches_nothing_from_elsewhere(client):
    page = client.get("/").text
    for attribute in ("src=", "href="):
        for part in page.split(attribute)[1:]:
            value = part[1:].split(part[0])[0]
            assert value.startswith(("/", "data:")), value


# --- the page ------------------------------------------------------------------------------


def test_the_page_shows_the_numbered_passage_with_evidence_marked(client):
    page = client.get("/").text
    assert page.count('class="pnum"') == 3
    assert 'data-marks="e1-0-40' in page  # "The Nile is the longest river in Africa."
    assert 'id="item-q1"' in page and 'data-marks="e2-0-' in page


def test_headings_print_as_headings(tmp_path):
    data = quiz_data()
    data["passage"] = ["The River Nile", *data["passage"]]
    for raw in data["items"]:
        for ev in [raw.get("evidence"), *raw.get("pair_evidence", [])]:
            ev["paragraph"] += 1
    client = client_for(session_for(write_quiz(tmp_path, data)))
    page = client.get("/").text
    assert '<li id="para-1" class="heading">' in page and "<h3>The River Nile</h3>" in page
    # numbered as the worksheet prints it: the heading has no number, the paragraphs 1, 2, 3
    assert page.count('class="pnum"') == 3
    assert '<li id="para-2"><span class="pnum" aria-label="paragraph 1">1</span>' in page
    card = page.split('id="item-q1"')[1]  # its evidence is the file's paragraph 3, printed 2
    assert "¶ 2" in card[:2000] and "¶ 3" not in card[:2000]


def test_items_show_as_they_print_with_their_printed_numbers(client):
    page = client.get("/").text
    # the worksheet prints parts by kind: multiple choice, true/false, fill-in, matching, short
    numbers = {"q1": 1, "q3": 2, "q4": 3, "q5": 4, "q6": 5, "q2": 6}
    for iid, number in numbers.items():
        card = page.split(f'id="item-{iid}"')[1]
        assert f'<span class="num" title="number on the worksheet">{number}.</span>' in card[:400]
    q5 = page.split('id="item-q5"')[1].split("</article>")[0]
    assert '<span class="blank">Africa</span>' in q5
    q1 = page.split('id="item-q1"')[1].split("</article>")[0]
    assert '<li class="key"><span class="letter">B.</span> John Speke' in q1


def test_swap_menu_offers_the_kept_alternatives_and_nothing_without_them(client):
    page = client.get("/").text
    q1 = page.split('id="item-q1"')[1].split("</article>")[0]
    assert q1.count('data-op="swap"') == 3  # every wrong option, not the key
    assert all(f"<option>{a}</option>" in q1 for a in Q1_ALTERNATIVES)


def test_no_alternatives_means_an_empty_swap_menu(tmp_path):
    data = quiz_data()
    del data["items"][0][ALTERNATIVES]
    page = client_for(session_for(write_quiz(tmp_path, data))).get("/").text
    assert 'data-op="swap"' not in page
    assert "No alternative options were kept" in page


def test_version_route_tells_the_version(client, session):
    assert client.get("/api/version").json() == {"version": session.store.version, "outside": ""}


# --- edits: each saved at once, the file valid after every one -----------------------------

EDITS = [
    ({"op": "drop", "item": "q2"}, lambda d: "q2" not in [i["id"] for i in d["items"]]),
    (
        {"op": "prompt", "item": "q1", "value": "  Who  got to\nLake Victoria? "},
        lambda d: item(d, "q1")["prompt"] == "Who got to Lake Victoria?",
    ),
    (
        {"op": "option", "item": "q1", "index": 0, "value": "Richard F. Burton"},
        lambda d: item(d, "q1")["options"][0] == "Richard F. Burton",
    ),
    (
        {"op": "option", "item": "q1", "index": 1, "value": "J. H. Speke"},
        lambda d: item(d, "q1")["answer"] == "J. H. Speke" == item(d, "q1")["options"][1],
    ),
    (
        {"op": "key", "item": "q1", "index": 2},
        lambda d: item(d, "q1")["answer"] == "David Livingstone",
    ),
    ({"op": "key", "item": "q3", "value": "true"}, lambda d: item(d, "q3")["answer"] is True),
    ({"op": "key", "item": "q2", "value": "11"}, lambda d: item(d, "q2")["answer"] == "11"),
    (
        {"op": "accept", "item": "q2", "value": "eleven\n\nXI\neleven"},
        lambda d: item(d, "q2")["accept"] == ["eleven", "XI"],
    ),
    ({"op": "accept", "item": "q2", "value": ""}, lambda d: "accept" not in item(d, "q2")),
    (
        {"op": "pair", "item": "q6", "index": 1, "side": 1, "value": "named the lake"},
        lambda d: item(d, "q6")["pairs"][1] == ["Queen Victoria", "named the lake"],
    ),
    (
        {"op": "swap", "item": "q1", "index": 0, "value": "Mungo Park"},
        lambda d: (
            item(d, "q1")["options"][0] == "Mungo Park"
            and item(d, "q1")[ALTERNATIVES] == ["Richard Burton", "Henry Stanley"]
        ),
    ),
    (
        {"op": "short_answer", "item": "q1"},
        lambda d: (
            item(d, "q1")["kind"] == "short_answer"
            and "options" not in item(d, "q1")
            and item(d, "q1")["answer"] == "John Speke"
        ),
    ),
    (
        {"op": "difficulty", "item": "q2", "value": "hard"},
        lambda d: item(d, "q2")["difficulty"] == "hard",
    ),
    ({"op": "points", "item": "q6", "value": "3"}, lambda d: item(d, "q6")["points"] == 3),
    (
        {"op": "skill", "item": "q2", "value": "detail"},
        lambda d: item(d, "q2")["skill"] == "detail",
    ),
    (
        {"op": "move", "item": "q2", "by": -1},
        lambda d: [i["id"] for i in d["items"]][:2] == ["q2", "q1"],
    ),
    ({"op": "move", "item": "q2", "by": 1}, lambda d: [i["id"] for i in d["items"]][2] == "q2"),
    (
        {"op": "title", "value": "The Nile, Africa's river"},
        lambda d: d["title"] == "The Nile, Africa's river",
    ),
]


@pytest.mark.parametrize(
    ("body", "holds"), EDITS, ids=[f"{e[0]['op']}-{n}" for n, e in enumerate(EDITS)]
)
def test_every_edit_is_saved_at_once_and_the_file_stays_valid(client, session, body, holds):
    before = session.store.version
    response = edit(client, session, **body)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["version"] == before + 1 and answer["undo"] == 1 and answer["redo"] == 0
    assert holds(on_disk(session.store.path))
    assert 'class="item' in answer["items"]


def test_a_dropped_item_stays_on_the_page_to_keep_again(client, session):
    html = edit(client, session, op="drop", item="q3").json()["items"]
    card = html.split('id="item-q3"')[0].rsplit("<article", 1)[1] + html.split('id="item-q3"')[1]
    assert "dropped" in card.split(">")[0] and 'data-op="keep"' in card.split("</article>")[0]
    assert "q3" not in [i["id"] for i in on_disk(session.store.path)["items"]]
    assert edit(client, session, op="keep", item="q3").status_code == 200
    assert [i["id"] for i in on_disk(session.store.path)["items"]] == [
        "q1",
        "q2",
        "q3",
        "q4",
        "q5",
        "q6",
    ]


def test_undo_and_redo(client, session):
    path = session.store.path
    original = path.read_text(encoding="utf-8")
    assert edit(client, session, op="drop", item="q1").status_code == 200
    dropped = path.read_text(encoding="utf-8")
    assert (
        edit(client, session, op="prompt", item="q2", value="How many countries?").status_code
        == 200
    )
    assert edit(client, session, op="undo").json()["redo"] == 1
    assert path.read_text(encoding="utf-8") == dropped
    assert edit(client, session, op="undo").json()["undo"] == 0
    assert on_disk(path) == quizfile.safe_load(original)
    assert edit(client, session, op="redo").status_code == 200
    assert path.read_text(encoding="utf-8") == dropped
    edit(client, session, op="undo")
    nothing = edit(client, session, op="undo")
    assert nothing.status_code == 422 and nothing.json()["errors"][0]["field"] == "history"
    edit(client, session, op="title", value="New")  # a new change clears what could be redone
    assert edit(client, session, op="redo").status_code == 422


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"op": "prompt", "item": "q1", "value": "   "}, "prompt"),
        ({"op": "prompt", "item": "q5", "value": "The Nile is long."}, "prompt"),  # no blank
        ({"op": "option", "item": "q1", "index": 0, "value": "David Livingstone"}, "options"),
        ({"op": "option", "item": "q1", "index": 9, "value": "X"}, "options"),
        ({"op": "key", "item": "q3", "value": "maybe"}, "answer"),
        ({"op": "points", "item": "q1", "value": -1}, "points"),
        ({"op": "difficulty", "item": "q1", "value": "brutal"}, "difficulty"),
        ({"op": "skill", "item": "q1", "value": "guessing"}, "skill"),
        ({"op": "swap", "item": "q1", "index": 1, "value": "Mungo Park"}, "options"),  # the key
        ({"op": "swap", "item": "q1", "index": 0, "value": "Someone Else"}, "options"),
        ({"op": "short_answer", "item": "q2"}, "item"),
        ({"op": "move", "item": "q1", "by": -1}, "item"),
        ({"op": "title", "value": ""}, "title"),
        ({"op": "explode", "item": "q1"}, "item"),
        ({"op": "drop", "item": "q99"}, "item"),
    ],
)
def test_a_bad_edit_is_refused_with_the_reason_on_its_field(client, session, body, field):
    path = session.store.path
    before = path.read_bytes()
    version = session.store.version
    response = edit(client, session, **body)
    assert response.status_code == 422, response.text
    errors = response.json()["errors"]
    assert errors and errors[0]["field"] == field and errors[0]["message"]
    assert path.read_bytes() == before and session.store.version == version
    assert not orig_path(path).exists()


def test_dropping_every_item_is_refused_by_the_validator(client, session):
    for iid in ("q1", "q2", "q3", "q4", "q5"):
        assert edit(client, session, op="drop", item=iid).status_code == 200
    last = edit(client, session, op="drop", item="q6")
    assert last.status_code == 422 and last.json()["errors"][0]["item"] == "q6"
    assert [i["id"] for i in on_disk(session.store.path)["items"]] == ["q6"]


@pytest.mark.parametrize(
    "body",
    [
        {
            "kind": "multiple_choice",
            "prompt": "Which lake did Speke reach?",
            "answer": "Lake Victoria",
            "options": "Lake Tana\nLake Chad\nLake Albert",
        },
        {"kind": "true_false", "prompt": "The Nile flows south.", "answer": "false"},
        {
            "kind": "short_answer",
            "prompt": "Name the river.",
            "answer": "the Nile",
            "accept": "Nile\nriver Nile",
        },
        {"kind": "fill_blank", "prompt": "Floods came every _____.", "answer": "summer"},
    ],
)
def test_an_item_of_your_own_needs_no_evidence_and_has_no_rule(client, session, body):
    response = edit(client, session, op="add", item="q2", difficulty="easy", **body)
    assert response.status_code == 200, response.text
    data = on_disk(session.store.path)
    ids = [i["id"] for i in data["items"]]
    assert ids[:3] == ["q1", "q2", "q7"]  # after the selected item, a new id
    added = item(data, "q7")
    assert "rule" not in added and "evidence" not in added and added["prompt"] == body["prompt"]
    assert added["difficulty"] == "easy"
    if body["kind"] == "multiple_choice":
        assert added["answer"] == "Lake Victoria" and len(added["options"]) == 4
    if body["kind"] == "true_false":
        assert added["answer"] is False
    if body["kind"] == "short_answer":
        assert added["accept"] == ["Nile", "river Nile"]
    assert (
        'id="item-q7"' in response.json()["items"] and "your own item" in response.json()["items"]
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "multiple_choice", "prompt": "Which?", "answer": "A", "options": ""}, "options"),
        (
            {"kind": "multiple_choice", "prompt": "Which?", "answer": "A", "options": "a\nB"},
            "options",
        ),
        ({"kind": "fill_blank", "prompt": "No blank here.", "answer": "x"}, "prompt"),
        ({"kind": "short_answer", "prompt": "", "answer": "x"}, "prompt"),
        ({"kind": "short_answer", "prompt": "Why?", "answer": ""}, "answer"),
        ({"kind": "matching", "prompt": "Match.", "answer": ""}, "kind"),
    ],
)
def test_a_bad_item_of_your_own_is_refused_on_its_field(client, session, body, field):
    before = session.store.path.read_bytes()
    response = edit(client, session, op="add", item="", **body)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field
    assert session.store.path.read_bytes() == before


# --- the first original, stale tabs, changes from outside -------------------------------------


def test_the_first_original_is_kept_once(client, session):
    path = session.store.path
    original = path.read_text(encoding="utf-8")
    keep = orig_path(path)
    assert keep.name == "nile.quiz.orig.yaml" and not keep.exists()
    edit(client, session, op="title", value="One")
    assert keep.read_text(encoding="utf-8") == original
    edit(client, session, op="title", value="Two")
    assert keep.read_text(encoding="utf-8") == original
    # a later review of the same file keeps the first original, not the file as it is now
    again = session_for(path)
    edit(client_for(again), again, op="title", value="Three")
    assert keep.read_text(encoding="utf-8") == original


def test_orig_names():
    assert orig_path(Path("a/b.quiz.yaml")) == Path("a/b.quiz.orig.yaml")
    assert orig_path(Path("b.yml")) == Path("b.orig.yml")
    assert orig_path(Path("quiz")) == Path("quiz.orig.yaml")


def test_a_stale_tab_is_refused_and_told_to_reload(session):
    first, second = client_for(session), client_for(session)
    version = session.store.version
    body = {"version": version, "op": "title", "item": ""}
    assert post(first, session, "/api/edit", {**body, "value": "From tab one"}).status_code == 200
    stale = post(second, session, "/api/edit", {**body, "value": "From tab two"})
    assert stale.status_code == 409 and "reload" in stale.json()["message"]
    assert on_disk(session.store.path)["title"] == "From tab one"
    assert second.get("/api/version").json()["version"] == version + 1
    exported = post(
        second,
        session,
        "/api/export",
        {"version": version, "formats": ["gift"], "paper": "a4", "forms": 1, "passage": True},
    )
    assert exported.status_code == 409


def test_a_change_made_outside_the_page_is_not_overwritten(client, session):
    path = session.store.path
    data = on_disk(path)
    data["title"] = "Edited in a text editor"
    path.write_text(quizfile.SCHEMA_COMMENT + json.dumps(data), encoding="utf-8")
    refused = edit(client, session, op="drop", item="q1")
    assert refused.status_code == 409 and "outside" in refused.json()["message"]
    assert on_disk(path)["title"] == "Edited in a text editor"
    # the page reloads: the file is read again and editing goes on from it
    assert "Edited in a text editor" in client.get("/").text
    assert edit(client, session, op="drop", item="q1").status_code == 200
    assert on_disk(path)["title"] == "Edited in a text editor"


def test_a_file_broken_outside_the_page_is_reported_and_left_alone(client, session):
    path = session.store.path
    path.write_text("format: quizgen/1\ntitle: [unclosed\n", encoding="utf-8")
    version = client.get("/api/version").json()
    assert "not valid YAML" in version["outside"]
    assert edit(client, session, op="drop", item="q1").status_code == 409
    assert path.read_text(encoding="utf-8") == "format: quizgen/1\ntitle: [unclosed\n"
    assert "not valid YAML" in client.get("/").text


def test_a_broken_quiz_file_is_refused_before_serving(tmp_path):
    from quizgen.base.errors import QuizgenError

    path = tmp_path / "bad.quiz.yaml"
    path.write_text("format: quizgen/1\ntitle: x\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match="passage"):
        session_for(path)


# --- a write that fails or is cut short ----------------------------------------------------


def test_a_failed_write_leaves_the_old_file_and_the_state(client, session, monkeypatch):
    path = session.store.path
    before = path.read_bytes()
    version = session.store.version

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    response = edit(client, session, op="drop", item="q1")
    assert response.status_code == 500 and "No space left" in response.json()["message"]
    assert path.read_bytes() == before and session.store.version == version
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.undo()
    assert edit(client, session, op="drop", item="q1").status_code == 200


def test_a_crash_mid_write_leaves_the_old_file(tmp_path):
    """The process is killed after the new text is written but before it is renamed into place."""
    path = write_quiz(tmp_path)
    before = path.read_bytes()
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from quizgen.review.store import Store
        store = Store(Path({str(path)!r}))
        real = os.replace
        def crash(src, dst):
            if str(dst).endswith("nile.quiz.yaml"):
                os.kill(os.getpid(), signal.SIGKILL)
            return real(src, dst)
        os.replace = crash
        store.edit("drop", {{"item": "q1"}}, store.version)
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -9, done.stderr.decode()
    assert path.read_bytes() == before
    assert quizfile.validate(path) == []


# --- export --------------------------------------------------------------------------------


def test_export_writes_beside_the_quiz_file_and_lists_files_and_warnings(client, session):
    path = session.store.path
    edit(client, session, op="prompt", item="q2", value="How many countries does it cross?")
    quiz_text = path.read_text(encoding="utf-8")
    body = {
        "version": session.store.version,
        "formats": ["html", "gift", "kahoot"],
        "paper": "letter",
        "forms": 1,
        "passage": False,
    }
    response = post(client, session, "/api/export", body)
    assert response.status_code == 200, response.text
    result = response.json()
    names = [f["name"] for f in result["files"]]
    assert names == [
        "nile.worksheet.html",
        "nile.key.html",
        "nile.passage.html",  # the passage left off the worksheet is a handout of its own
        "nile.gift.txt",
        "nile.kahoot.xlsx",
    ]
    assert result["folder"] == str(path.parent)
    assert all((path.parent / n).is_file() for n in names)
    assert path.read_text(encoding="utf-8") == quiz_text  # export never rewrites the quiz file
    assert any(w.startswith("kahoot:") for w in result["warnings"])  # kahoot drops some kinds
    assert [f["name"] for f in result["open"]] == ["nile.worksheet.html", "nile.key.html"]
    sheet = client.get(result["open"][0]["url"])
    assert sheet.status_code == 200 and sheet.headers["content-type"].startswith("text/html")
    assert sheet.headers["content-security-policy"].startswith("sandbox")
    assert "How many countries does it cross?" in sheet.text and "paper-letter" in sheet.text
    assert "Reading passage" not in sheet.text  # passage off
    sheet_file = client.get(f"/exported/{names.index('nile.kahoot.xlsx')}")
    assert sheet_file.headers["content-disposition"].startswith("attachment")
    # the page remembers the choices
    page = client.get("/").text
    assert 'value="letter" checked' in page and 'name="passage" checked' not in page


def test_export_with_forms_opens_form_a(client, session):
    body = {
        "version": session.store.version,
        "formats": ["html"],
        "paper": "a4",
        "forms": 2,
        "passage": True,
    }
    result = post(client, session, "/api/export", body).json()
    assert [f["name"] for f in result["open"]] == ["nile.worksheet-A.html", "nile.key-A.html"]
    assert len(result["files"]) == 4


@pytest.mark.parametrize(
    "change",
    [
        {"formats": []},
        {"formats": ["html", "nonsense"]},
        {"formats": ["yaml"]},  # the quiz file is saved by every edit, never exported over
        {"formats": "html"},
        {"paper": "a3"},
        {"forms": 0},
        {"forms": 27},
        {"forms": True},
        {"passage": "yes"},
    ],
)
def test_export_refuses_bad_choices(client, session, change):
    body = {
        "version": session.store.version,
        "formats": ["html"],
        "paper": "a4",
        "forms": 1,
        "passage": True,
        **change,
    }
    response = post(client, session, "/api/export", body)
    assert response.status_code == 400
    assert sorted(p.name for p in session.store.path.parent.iterdir()) == ["nile.quiz.yaml"]


def test_every_export_format_of_quizgen_export_is_offered(client):
    from quizgen.export import FORMATS

    page = client.get("/").text
    for name in FORMATS:
        assert (f'name="format" value="{name}"' in page) == (name != "yaml")


def test_skills_come_from_the_schema_when_it_has_them():
    skills, known = schema_skills()
    assert "detail" in skills
    assert isinstance(known, bool)
