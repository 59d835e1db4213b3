"""The web app: FastAPI with server-rendered pages, a JSON API, feeds and static files.

``create_app`` wires it up; ``groundbrief serve`` runs it under uvicorn. Reads go through a
connection per request thread; every write (a brief's check) goes through the one worker
thread of :class:`jobs.JobRunner`.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..config import Settings
from ..errors import GroundbriefError
from ..pipeline import Pipeline
from . import api, routes_pages
from .jobs import JobRunner
from .limits import BodyLimit
from .ratelimit import SlidingWindowLimiter
from .reads import ReadStores
from .security import SecurityHeaders
from .settings import WebSettings
from .state import WebState

STATIC_DIR = Path(__file__).resolve().parent / "static"

PipelineFactory = Callable[[Settings], Pipeline]


def default_pipeline(settings: Settings) -> Pipeline:
    from ..runtime import build_pipeline, open_store

    return build_pipeline(settings, open_store(settings))


def create_app(
    settings: Settings,
    web: WebSettings | None = None,
    *,
    make_pipeline: PipelineFactory = default_pipeline,
) -> FastAPI:
    web = web or WebSettings()
    # Create (or migrate) the store once here, so request threads only ever open it.
    from ..runtime import open_store

    open_store(settings).close()
    state = WebState(
        settings=settings,
        web=web,
        reads=ReadStores(lambda: open_store(settings, create=False)),
        jobs=JobRunner(lambda: make_pipeline(settings), max_queued=web.max_queued_jobs),
        limiter=SlidingWindowLimiter(web.submit_per_minute),
        editor_limiter=SlidingWindowLimiter(web.editor_submit_per_minute),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        state.jobs.start()
        try:
            yield
        finally:
            state.jobs.stop()
            state.reads.close()

    app = FastAPI(
        title="groundbrief",
        summary="Source-grounded explainers of news briefs",
        version="1",
        lifespan=lifespan,
        # The interactive docs pages load scripts from a CDN and inline, which the
        # Content-Security-Policy forbids; the OpenAPI document itself stays at /openapi.json.
        docs_url=None,
        redoc_url=None,
    )
    app.state.web = state
    app.add_middleware(BodyLimit, max_bytes=web.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    app.include_router(api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        if exc.status_code == 404:
            return routes_pages.not_found("page")
        return routes_pages.error_page(exc.status_code, "Request refused", str(exc.detail))

    @app.exception_handler(GroundbriefError)
    async def groundbrief_error(request: Request, exc: GroundbriefError) -> Response:
        # A stored explainer that cannot be shown faithfully (say, a dangling citation) is
        # refused with the reason rather than published half-right.
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, status_code=500)
        return routes_pages.error_page(500, "This page cannot be shown", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors())
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=422)
        return routes_pages.error_page(400, "Bad request", detail)

    return app
