"""What the app's requests share: settings, read connections, the job runner, the limiter."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from ..config import Settings
from .jobs import JobRunner
from .ratelimit import SlidingWindowLimiter
from .reads import ReadStores
from .settings import WebSettings


@dataclass
class WebState:
    settings: Settings
    web: WebSettings
    reads: ReadStores
    jobs: JobRunner
    limiter: SlidingWindowLimiter
    editor_limiter: SlidingWindowLimiter


def web_state(request: Request) -> WebState:
    return request.app.state.web
