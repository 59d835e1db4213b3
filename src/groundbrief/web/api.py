"""The JSON API (documented at /openapi.json): explainers, claims with evidence, search,
brief submission (``Authorization: Bearer <editor token>``) and job status."""

from __future__ import annotations

from datetime import datetime

from fastapi import APIRouter, Depends, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..models import Claim, Explainer, ExplainerSummary
from . import content
from .jobs import Job
from .state import WebState, web_state
from .security import bearer
from .submit import Refused, accept
from .urls import Urls

router = APIRouter(prefix="/api", tags=["api"])
URLS = Urls()


class BriefIn(BaseModel):
    text: str = Field(..., description="the brief: a post, alert or press line", max_length=100_000)
    as_of: datetime | None = Field(None, description="use only sources published by then (UTC)")


class JobOut(BaseModel):
    id: str
    status: str = Field(..., description="queued | running | done | failed")
    stage: str | None = None
    stages: dict[str, str] = Field(..., description="each pipeline stage: waiting | running | done | failed")
    state_line: str
    submitted_at: datetime
    explainer_id: str | None = None
    version: int | None = None
    explainer_url: str | None = None
    error: str | None = None
    status_url: str


class PassageOut(BaseModel):
    passage_id: str
    source_id: str
    source_title: str
    outlet: str
    text: str
    source_url: str


class SearchOut(BaseModel):
    explainers: list[ExplainerSummary]
    passages: list[PassageOut]


class Problem(BaseModel):
    detail: str


def job_out(job: Job) -> JobOut:
    return JobOut(
        id=job.id, status=job.status, stage=job.stage, stages=job.stage_states(),
        state_line=job.state_line(), submitted_at=job.submitted_at,
        explainer_id=job.explainer_id, version=job.version,
        explainer_url=URLS.explainer(job.explainer_id) if job.explainer_id else None,
        error=job.error, status_url=URLS.api_job(job.id),
    )


@router.get("/explainers", response_model=list[ExplainerSummary])
def list_explainers(limit: int = Query(50, ge=1, le=500),
                    state: WebState = Depends(web_state)) -> list[ExplainerSummary]:
    return state.reads.get().list_explainers(limit)


def _explainer(state: WebState, explainer_id: str, version: int | None) -> Explainer:
    e = state.reads.get().get_explainer(explainer_id, version)
    if e is None:
        raise HTTPException(404, f"no explainer '{explainer_id}'"
                                 + (f" version {version}" if version else ""))
    return e


@router.get("/explainers/{explainer_id}", response_model=Explainer,
            responses={404: {"model": Problem}})
def get_explainer(explainer_id: str, version: int | None = Query(None, ge=1),
                  state: WebState = Depends(web_state)) -> JSONResponse:
    # Serialised by the model itself (ISO 8601 UTC times), as every other groundbrief output.
    return JSONResponse(_explainer(state, explainer_id, version).model_dump(mode="json"))


@router.get("/explainers/{explainer_id}/claims", response_model=list[Claim],
            responses={404: {"model": Problem}})
def get_claims(explainer_id: str, version: int | None = Query(None, ge=1),
               state: WebState = Depends(web_state)) -> list[Claim]:
    return _explainer(state, explainer_id, version).claims


@router.get("/search", response_model=SearchOut)
def search(q: str = Query(..., min_length=1, max_length=200),
           state: WebState = Depends(web_state)) -> SearchOut:
    store = state.reads.get()
    passages = [
        PassageOut(passage_id=p.id, source_id=src.id, source_title=src.title,
                   outlet=src.outlet or "", text=p.text, source_url=URLS.source(src.id))
        for p, src in content.find_passages(store, q)
    ]
    summaries = store.search_explainers(q)
    return SearchOut(explainers=summaries, passages=passages)


@router.post("/briefs", status_code=202, response_model=JobOut,
             responses={400: {"model": Problem}, 401: {"model": Problem},
                        429: {"model": Problem}, 503: {"model": Problem}})
def submit_brief(body: BriefIn, request: Request,
                 authorization: str | None = Header(None),
                 state: WebState = Depends(web_state)) -> JobOut:
    """Queue a brief for checking. Poll ``status_url`` until ``status`` is done or failed."""
    try:
        job = accept(state, client=request.client.host if request.client else "unknown",
                     token=bearer(authorization), brief=body.text, as_of=body.as_of,
                     origin=request.headers.get("origin"), host=request.headers.get("host"))
    except Refused as exc:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else {}
        if exc.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="groundbrief"'
        raise HTTPException(exc.status, exc.message, headers=headers or None) from None
    return job_out(job)


@router.get("/jobs/{job_id}", response_model=JobOut, responses={404: {"model": Problem}})
def job_status(job_id: str, state: WebState = Depends(web_state)) -> JobOut:
    job = state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, f"no job '{job_id}'")
    return job_out(job)
