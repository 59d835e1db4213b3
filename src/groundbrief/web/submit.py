"""Accepting a brief for checking: rate limit, token, origin, input checks, then the queue.

The HTML form and the JSON API both come through :func:`accept`, so they refuse the same
things with the same words. Attempts without the right token count against the client's
address (so guessing is slowed: 6 a minute by default); attempts with it count against the
editors' own, larger budget, so an editor is never refused because of what others sent from
the same address. The token is compared in constant time and never echoed or logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urlsplit

from .jobs import Job, QueueFull
from .security import token_matches
from .state import WebState


EDITOR = "editor"  # the editors' budget: one token, so one shared key


@dataclass
class Refused(Exception):
    status: int
    message: str
    retry_after: int | None = None


def parse_as_of(text: str | None) -> datetime | None:
    if text is None or not text.strip():
        return None
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError:
        raise Refused(400, f"as-of time '{text.strip()[:40]}' is not a date; use ISO 8601 such as "
                           "2020-09-06 or 2020-09-06T12:00:00Z") from None


def as_utc(dt: datetime) -> datetime:
    """``dt`` in UTC (naive means UTC); a time whose zone offset carries it outside years
    1-9999 (``0001-01-01T00:00:00+01:00``) is refused with a 400, not a 500."""
    try:
        return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        raise Refused(400, f"as-of time {dt.isoformat()} falls outside the years 1 to 9999 in "
                           "UTC; give a real publication cut-off") from None


def same_origin(origin: str | None, host: str | None) -> bool:
    """A browser's Origin header, when sent, must name this server (defence in depth: the
    token in the form is what really stops a cross-site post)."""
    if not origin:
        return True
    if origin == "null" or not host:
        return False
    return urlsplit(origin).netloc.lower() == host.lower()


def accept(state: WebState, *, client: str, token: str | None, brief: str,
           as_of: datetime | str | None, origin: str | None = None,
           host: str | None = None) -> Job:
    configured = state.web.token()
    if configured is None:
        raise Refused(401, "submitting is switched off: no editor token is configured "
                           "(set GROUNDBRIEF_EDITOR_TOKEN on the server)")
    # Constant-time comparison, so looking at the token first reveals nothing by timing.
    # An editor with the token is limited on the editors' own budget, never locked out
    # because other attempts came from the same address (an office behind one NAT).
    if token_matches(token, configured):
        wait = state.editor_limiter.check(EDITOR)
    else:
        wait = state.limiter.check(client)
    if wait is not None:
        raise Refused(429, f"too many submissions; try again in {wait} s", retry_after=wait)
    if not same_origin(origin, host):
        raise Refused(403, "this form was sent from another site; submit it from this site's own page")
    if not token_matches(token, configured):
        raise Refused(401, "the editor token is missing or wrong")
    text = brief.strip()
    if not text:
        raise Refused(400, "the brief is empty; paste the post, alert or press line to check")
    if len(text) > state.web.max_brief_chars:
        raise Refused(400, f"the brief has {len(text):,} characters; a brief is at most "
                           f"{state.web.max_brief_chars:,} (paste the post itself, not the article)")
    if isinstance(as_of, datetime):
        cutoff: datetime | None = as_utc(as_of)
    else:
        cutoff = parse_as_of(as_of)
    try:
        return state.jobs.submit(text, cutoff)
    except QueueFull as exc:
        raise Refused(503, f"{exc}; try again in a minute", retry_after=60) from None
