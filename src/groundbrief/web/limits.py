"""A cap on request bodies, enforced while they are read and before any route sees them.

Routes parse their body (JSON, form) before the handler can check the editor token, so
without this cap anyone could make the server hold a 100 MB body in memory. A declared
``Content-Length`` over the cap is refused at once; a body without one (chunked) is counted
as it arrives and refused the moment it passes the cap. Either way the answer is a 413
through the app's own error handlers, and the rest of the body is never read.
"""

from __future__ import annotations

from starlette.exceptions import HTTPException


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"the request body is over {limit:,} bytes; a brief is a few "
                              "thousand characters, send the post or alert itself")


class BodyLimit:
    """Pure ASGI middleware: no request body larger than ``max_bytes`` reaches the app."""

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_bytes
        declared = _content_length(scope)
        seen = 0

        async def limited_receive():
            nonlocal seen
            if declared is not None and declared > limit:
                raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, limited_receive, send)


def _content_length(scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
