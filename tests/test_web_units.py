"""Small parts of the web package on their own: the rate limiter, token checks, file names,
as-of parsing and the job runner's bookkeeping."""

from __future__ import annotations

import pytest

from groundbrief.web.ratelimit import SlidingWindowLimiter
from groundbrief.web.security import bearer, token_matches
from groundbrief.web.submit import Refused, parse_as_of, same_origin
from groundbrief.web.urls import StaticUrls, Urls, file_name


class Clock:
    def __init__(self):
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_rate_limiter_slides():
    clock = Clock()
    limiter = SlidingWindowLimiter(2, window_s=60, clock=clock)
    assert limiter.check("a") is None
    clock.t += 10
    assert limiter.check("a") is None
    assert limiter.check("a") == 50  # the first attempt leaves the window in 50 s
    assert limiter.check("b") is None, "limits are per client"
    clock.t += 50.5
    assert limiter.check("a") is None


def test_rate_limiter_memory_is_bounded():
    clock = Clock()
    limiter = SlidingWindowLimiter(1, window_s=1, clock=clock, max_clients=10)
    for i in range(10):
        limiter.check(f"c{i}")
    clock.t += 5
    limiter.check("new")
    assert len(limiter._hits) == 1


def test_tokens():
    assert token_matches("s3cret", "s3cret")
    assert not token_matches("s3cre", "s3cret")
    assert not token_matches("", "s3cret")
    assert not token_matches("anything", None), "no configured token lets nobody in"
    assert not token_matches("", "")
    assert bearer("Bearer abc") == "abc" and bearer("bearer  abc ") == "abc"
    assert bearer("Basic abc") is None and bearer(None) is None and bearer("Bearer ") is None


def test_blank_configured_token_means_closed(monkeypatch):
    from groundbrief.web.settings import WebSettings

    monkeypatch.setenv("GROUNDBRIEF_EDITOR_TOKEN", "   ")
    assert WebSettings().token() is None
    monkeypatch.setenv("GROUNDBRIEF_EDITOR_TOKEN", "tok")
    assert WebSettings().token() == "tok"


def test_file_names_are_plain_and_distinct():
    ids = ["exp_abc", "enwikinews:Russia's_Navalny", "enwikinews:Russia-s_Navalny", "a/../b", "é"]
    names = [file_name(i) for i in ids]
    assert names[0] == "exp_abc"
    assert len(set(names)) == len(names)
    assert all(ch.isalnum() or ch in "_-" for n in names for ch in n)


def test_urls():
    assert Urls().source("enwikinews:Russia's") == "/sources/enwikinews%3ARussia%27s"
    assert StaticUrls(3).explainer("exp_1", 2) == "../../../explainers/exp_1/v/2.html"
    assert StaticUrls(0).static("site.css") == "static/site.css"


def test_as_of_and_origin():
    assert parse_as_of("2020-09-06").isoformat() == "2020-09-06T00:00:00+00:00"
    assert parse_as_of("2020-09-06T12:00:00Z").hour == 12
    assert parse_as_of("  ") is None
    with pytest.raises(Refused):
        parse_as_of("last week")
    assert same_origin(None, "h:1") and same_origin("http://h:1", "h:1")
    assert not same_origin("null", "h:1") and not same_origin("https://evil", "h:1")
