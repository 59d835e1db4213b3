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


def test_every_token_check_is_a_constant_time_comparison(client, monkeypatch):
    """Both ways in (the API's bearer header, the form's field), right token and wrong, go
    through hmac.compare_digest; none short-circuits on an ordinary string comparison."""
    import hmac

    from groundbrief.web import security

    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", spy)
    wrong = TOKEN[:-1] + "X"  # same length, differs in the last character only
    outcomes = []
    for token in (wrong, TOKEN):
        before = len(calls)
        r = client.post("/api/briefs", json={"text": " "}, headers={"Authorization": f"Bearer {token}"})
        outcomes.append(r.status_code)
        assert len(calls) > before, "the API compared the token without compare_digest"
        before = len(calls)
        r = client.post("/submit", data={"brief": " ", "token": token})
        assert len(calls) > before, "the form compared the token without compare_digest"
    assert outcomes == [401, 400]  # the wrong token refused, the right one reaches the checks
    assert all(isinstance(a, bytes) and b == TOKEN.encode() for a, b in calls)


def test_serve_binds_this_machine_only_and_never_prints_the_token(tmp_path):
    """The real ``groundbrief serve`` process: it listens on 127.0.0.1 (a connection to this
    machine's other addresses is refused), and neither its start-up lines nor its log while
    refusing and accepting tokens show the token, short (warned about) or long."""
    import os
    import socket
    import subprocess
    import sys
    import time

    import httpx

    from .conftest import REPO

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token = "short-SECRET-1"  # under 20 characters: serve warns, naming only its length
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), GROUNDBRIEF_HOME=str(tmp_path / "home"),
               GROUNDBRIEF_EDITOR_TOKEN=token, TOKENIZERS_PARALLELISM="false")
    env.pop("GROUNDBRIEF_BASE_URL", None)
    server = subprocess.Popen(
        [sys.executable, "-c", "from groundbrief.cli import main; main()", "serve", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(base + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
                time.sleep(0.3)
        for sent in ("wrong-" + token, token):
            httpx.post(base + "/api/briefs", json={"text": " "}, timeout=10,
                       headers={"Authorization": f"Bearer {sent}"})
            httpx.post(base + "/submit", data={"brief": " ", "token": sent}, timeout=10)
        # This machine's other addresses (its name's, and the one it routes out from; a UDP
        # connect sends nothing): nothing listens there.
        others = set()
        try:
            others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), port,
                                                                  socket.AF_INET)}
        except socket.gaierror:
            pass
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            try:
                probe.connect(("192.0.2.1", 9))
                others.add(probe.getsockname()[0])
            except OSError:
                pass
        for address in others - {"127.0.0.1"}:
            if address.startswith("127."):
                continue
            with socket.socket() as s:
                s.settimeout(2)
                assert s.connect_ex((address, port)) != 0, f"serve answers on {address}"
    finally:
        server.terminate()
        out, log = server.communicate(timeout=30)
    # The console wraps long lines (a long store path moves "at" to a line of its own).
    flat = " ".join(log.split())
    assert f"at http://127.0.0.1:{port}/" in flat, log
    assert "has 14 characters" in flat, log
    assert token not in out + log, "the token was printed"


def test_a_request_thread_that_ended_does_not_keep_its_store_open(tmp_path):
    """Request threads come and go (anyio stops a worker idle for 10 s); every store one
    opened was kept until shutdown, so a long-lived server gathered SQLite connections and
    memory (0.3 MB a request in the API fuzz run, which each ran on a new thread, until it
    hit its 2 GiB limit). Here every search runs on a new worker thread, as it does when
    each request comes to an event loop of its own."""
    import asyncio
    import sqlite3
    import threading

    import httpx

    app = create_app(Settings(home=tmp_path / "home"), WebSettings(editor_token=TOKEN))
    reads = app.state.web.reads

    async def search(i: int) -> int:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as c:
            return (await c.get(f"/api/search?q=dam{i}")).status_code

    first = None
    for i in range(40):
        assert asyncio.run(search(i)) == 200
        first = first or next(iter(reads._opened.values()))
    assert reads.open_count <= 2, reads.open_count  # was 40: one per thread ever seen
    with pytest.raises(sqlite3.ProgrammingError):  # the first thread's store was closed
        first.db.execute("SELECT 1")
    # A thread still running keeps its store, and it is the same one on every call.
    seen = []
    opened, gate = threading.Event(), threading.Event()

    def hold() -> None:
        seen.append(reads.get())
        opened.set()
        gate.wait(10)
        seen.append(reads.get())

    worker = threading.Thread(target=hold)
    worker.start()
    assert opened.wait(10)
    reads.get()  # opening one for this thread closes only the ended threads' stores
    seen[0].db.execute("SELECT 1")
    gate.set()
    worker.join()
    assert seen[0] is seen[1]
    reads.close()
    assert reads.open_count == 0
