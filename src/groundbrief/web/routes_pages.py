"""The HTML pages of the live site. Handlers are plain ``def``: FastAPI runs them in its
thread pool, each thread reading through its own SQLite connection (:mod:`reads`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from . import content
from .feeds import FEEDS
from .jobs import STAGES
from .pages import render_page
from .state import WebState, web_state
from .submit import Refused, accept
from .urls import Urls

router = APIRouter(include_in_schema=False)
URLS = Urls()


def error_page(status: int, title: str, message: str, headers: dict[str, str] | None = None) -> HTMLResponse:
    html = render_page("error.html.j2", URLS, title=title, message=message)
    return HTMLResponse(html, status_code=status, headers=headers)


def not_found(what: str) -> HTMLResponse:
    return error_page(404, "Not found", f"There is no {what} here. It may have been mistyped.")


@router.get("/", response_class=HTMLResponse)
def front_page(state: WebState = Depends(web_state)) -> HTMLResponse:
    return HTMLResponse(content.index_page(state.reads.get(), URLS))


@router.get("/explainers/{explainer_id}", response_class=HTMLResponse)
def explainer(explainer_id: str, state: WebState = Depends(web_state)) -> HTMLResponse:
    html = content.explainer_page(state.reads.get(), URLS, explainer_id)
    return HTMLResponse(html) if html is not None else not_found(f"explainer '{explainer_id}'")


@router.get("/explainers/{explainer_id}/v/{version}", response_class=HTMLResponse)
def explainer_version(explainer_id: str, version: int, state: WebState = Depends(web_state)) -> HTMLResponse:
    html = content.explainer_page(state.reads.get(), URLS, explainer_id, version)
    if html is None:
        return not_found(f"version {version} of explainer '{explainer_id}'")
    return HTMLResponse(html)


@router.get("/sources/{source_id:path}", response_class=HTMLResponse)
def source(source_id: str, state: WebState = Depends(web_state)) -> HTMLResponse:
    html = content.source_page(state.reads.get(), URLS, source_id)
    return HTMLResponse(html) if html is not None else not_found(f"source '{source_id}'")


@router.get("/search", response_class=HTMLResponse)
def search(q: str = "", state: WebState = Depends(web_state)) -> HTMLResponse:
    return HTMLResponse(content.search_page(state.reads.get(), URLS, q[:200]))


def _submit_form(state: WebState, *, status: int = 200, error: str | None = None,
                 brief: str = "", as_of: str = "") -> HTMLResponse:
    enabled = state.web.token() is not None
    html = render_page("submit.html.j2", URLS, enabled=enabled, error=error, brief=brief,
                       as_of=as_of, max_chars=state.web.max_brief_chars)
    # Without a configured token the form is refused outright, as the write API is.
    return HTMLResponse(html, status_code=status if enabled else 401)


@router.get("/submit", response_class=HTMLResponse)
def submit_form(state: WebState = Depends(web_state)) -> HTMLResponse:
    return _submit_form(state)


@router.post("/submit")
def submit_brief(
    request: Request,
    brief: str = Form(""),
    as_of: str = Form(""),
    token: str = Form(""),
    state: WebState = Depends(web_state),
) -> Response:
    try:
        job = accept(state, client=request.client.host if request.client else "unknown",
                     token=token, brief=brief, as_of=as_of,
                     origin=request.headers.get("origin"), host=request.headers.get("host"))
    except Refused as exc:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        response = _submit_form(state, status=exc.status, error=exc.message, brief=brief, as_of=as_of)
        if headers:
            response.headers.update(headers)
        return response
    # 303: the browser follows with a GET, so a reload of the next page never re-submits.
    return RedirectResponse(URLS.job(job.id), status_code=303)


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
def job_page(job_id: str, state: WebState = Depends(web_state)) -> Response:
    job = state.jobs.get(job_id)
    if job is None:
        return not_found(f"job '{job_id}' (jobs are kept in memory until the server restarts)")
    if job.status == "done" and job.explainer_id:
        return RedirectResponse(URLS.explainer(job.explainer_id), status_code=303)
    states = job.stage_states()
    html = render_page(
        "job.html.j2", URLS, job=job, status_url=URLS.api_job(job.id), state_line=job.state_line(),
        stages=[(name, label, states[name]) for name, label in STAGES], result_href=None,
    )
    return HTMLResponse(html)


def _feed(kind: str, request: Request, state: WebState) -> Response:
    name, media_type, _ = FEEDS[kind]
    # The configured address, never the request's Host header: a client could otherwise
    # make a cached feed point readers at any site ("Host: evil.example").
    base = state.web.site_url()
    body = content.feed(
        state.reads.get(), kind, home=base, self_url=f"{base}feeds/{name}",
        link_for=lambda eid: base.rstrip("/") + URLS.explainer(eid),
    )
    return Response(body, media_type=media_type)


@router.get("/feeds/rss.xml")
def feed_rss(request: Request, state: WebState = Depends(web_state)) -> Response:
    return _feed("rss", request, state)


@router.get("/feeds/atom.xml")
def feed_atom(request: Request, state: WebState = Depends(web_state)) -> Response:
    return _feed("atom", request, state)


@router.get("/feeds/feed.json")
def feed_json(request: Request, state: WebState = Depends(web_state)) -> Response:
    return _feed("json", request, state)
