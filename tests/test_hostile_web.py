"""The web app against hostile requests, on a real (empty) store: oversized bodies are cut off
while read and before the token is looked at, as-of times that overflow are a 400, the token
never comes back in a response or a log line, and an editor is not locked out by others'
attempts from the same address."""

from __future__ import annotations

import inspect
import logging

import pytest
from fastapi.testclient import TestClient

from groundbrief.config import Settings
from groundbrief.web import WebSettings, create_app

TOKEN = "hostile-suite-token-0123456789abcdef"


@pytest.fixture()
def client(tmp_path):
    web = WebSettings(editor_token=TOKEN, submit_per_minute=3, max_body_bytes=4096,
                      base_url="https://news.example.org/")
    with TestClient(create_app(Settings(home=tmp_path / "home"), web)) as c:
        yield c


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_a_declared_oversized_body_is_refused_before_the_token(client):
    big = b'{"text": "' + b"x" * 100_000 + b'"}'
    r = client.post("/api/briefs", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and "4,096 bytes" in r.json()["detail"]
    r = client.post("/submit", data={"brief": "x" * 100_000, "token": TOKEN})
    assert r.status_code == 413


def test_a_chunked_oversized_body_is_cut_off_while_read(client):

    def chunks():
        for _ in range(1000):  # 1,000 x 1 KiB; the cap is 4 KiB
            yield b"x" * 1024

    r = client.post("/api/briefs", content=chunks(), headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 413


def test_a_body_under_the_cap_still_works(client):
    r = client.post("/api/briefs", json={"text": "   "}, headers=AUTH)
    assert r.status_code == 400 and "empty" in r.json()["detail"]


@pytest.mark.parametrize("as_of", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_as_of_outside_the_years_a_date_holds_is_a_400(client, as_of):
    r = client.post("/api/briefs", json={"text": "A brief.", "as_of": as_of}, headers=AUTH)
    assert r.status_code == 400, r.text
    assert "outside the years 1 to 9999" in r.json()["detail"]
    r = client.post("/submit", data={"brief": "A brief.", "as_of": as_of, "token": TOKEN})
    assert r.status_code == 400 and "outside the years" in r.text


def test_the_token_is_never_echoed_or_logged(client, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = "wrong-token-" + TOKEN[::-1]
    bodies = []
    for token in (wrong, TOKEN):
        r = client.post("/submit", data={"brief": "", "token": token})
        bodies.append(r.text)
        r = client.post("/api/briefs", json={"text": ""}, headers={"Authorization": f"Bearer {token}"})
        bodies.append(r.text + str(r.headers))
    for text in bodies + [caplog.text]:
        assert TOKEN not in text and wrong not in text


def test_an_editor_is_not_limited_as_an_anonymous_client(client):
    for _ in range(3):
        client.post("/api/briefs", json={"text": "x"}, headers={"Authorization": "Bearer guess"})
    r = client.post("/api/briefs", json={"text": "x"}, headers={"Authorization": "Bearer guess"})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    r = client.post("/api/briefs", json={"text": "  "}, headers=AUTH)
    assert r.status_code == 400, "the editor's request passed the rate limit"


def test_the_editors_budget_is_a_limit_too(tmp_path):
    web = WebSettings(editor_token=TOKEN, editor_submit_per_minute=2)
    with TestClient(create_app(Settings(home=tmp_path / "home"), web)) as c:
        codes = [c.post("/api/briefs", json={"text": " "}, headers=AUTH).status_code for _ in range(3)]
    assert codes == [400, 400, 429]


def test_serve_listens_on_this_machine_only_by_default():
    from groundbrief.cli.serve import serve_command

    assert inspect.signature(serve_command).parameters["host"].default == "127.0.0.1"


def test_a_base_url_that_is_not_http_is_refused():
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        WebSettings(base_url="javascript:alert(1)")
    assert WebSettings(base_url="https://a.example").site_url() == "https://a.example/"
