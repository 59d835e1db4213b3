"""Response headers that make the pages safe to show untrusted source text, and token checks.

The Content-Security-Policy allows scripts only from this site's own files (``'self'``, no
``'unsafe-inline'``), so even a tag that slipped past escaping could not run. The editor token
is compared in constant time; the form carries it in a field (no cookie), which also makes a
cross-site form post useless without the token.
"""

from __future__ import annotations

import hmac

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

# Referrer-Policy "same-origin": outside sites (the sources we link to) get no referrer, while
# our own form posts keep a real Origin header ("no-referrer" would make Chromium send
# "Origin: null", which the submit check must refuse).
HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class SecurityHeaders:
    """Pure ASGI middleware (no per-request task, unlike BaseHTTPMiddleware): adds HEADERS."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADERS if k not in present]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_matches(presented: str | None, configured: str | None) -> bool:
    """True only when a token is configured and ``presented`` equals it (constant time)."""
    if not configured or not presented:
        return False
    return hmac.compare_digest(presented.strip().encode("utf-8"), configured.encode("utf-8"))


def bearer(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return value.strip() or None
