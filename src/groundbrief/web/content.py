"""Each page of the site, from the store to a string: shared by the server and the static site.

A function here reads what its page needs through the Store's queries, builds the view
(:mod:`views`) and renders the template (:mod:`pages`). ``None`` means "no such thing" (a 404).
"""

from __future__ import annotations

from ..models import Explainer, Passage, Source
from ..index.retrieve import fts_query
from ..render import layout
from ..interfaces import Store
from . import feeds, views
from .pages import render_page
from .urls import Urls

FRONT_PAGE_SIZE = 50
FEED_SIZE = 30
SEARCH_PASSAGES = 20


def index_page(store: Store, urls: Urls) -> str:
    rows = views.summary_rows(store.list_explainers(FRONT_PAGE_SIZE), urls)
    return render_page("index.html.j2", urls, rows=rows)


def explainer_page(store: Store, urls: Urls, explainer_id: str,
                   version: int | None = None) -> str | None:
    explainer = store.get_explainer(explainer_id, version)
    if explainer is None:
        return None
    versions = store.explainer_versions(explainer_id)
    stored = {r.id for r in explainer.related if store.latest_digest(r.id) is not None}
    view = views.explainer_view(explainer, urls, versions=versions, stored_related=stored)
    return render_page("explainer.html.j2", urls, v=view)


def source_page(store: Store, urls: Urls, source_id: str) -> str | None:
    source = store.get_source(source_id)
    if source is None:
        return None
    view = views.source_page(source, store.explainers_citing(source_id), urls)
    return render_page("source.html.j2", urls, s=view)


def find_passages(store: Store, q: str, limit: int = SEARCH_PASSAGES) -> list[tuple[Passage, Source]]:
    """Stored passages matching ``q`` (BM25 over the store's FTS5 index), best first."""
    match = fts_query(q)
    if not match:
        return []
    rowids = [r for r, _ in store.lexical_search(match, limit=limit, as_of_ts=None)]
    passages = store.get_passages(rowids)
    sources = store.get_sources(p.source_id for p in passages.values())
    return [(passages[r], sources[passages[r].source_id]) for r in rowids
            if r in passages and passages[r].source_id in sources]


def search_results(store: Store, urls: Urls, q: str) -> tuple[list[views.SummaryRow], list[views.PassageHit]]:
    q = q.strip()
    if not q:
        return [], []
    explainers = views.summary_rows(store.search_explainers(q), urls)
    hits = [
        views.PassageHit(
            quote=p.text, source_title=layout.one_line(src.title),
            outlet=layout.one_line(src.outlet) if src.outlet else "outlet unknown",
            date=layout.fmt_date(src.published_at), href=urls.source(src.id))
        for p, src in find_passages(store, q)
    ]
    return explainers, hits


def search_page(store: Store | None, urls: Urls, q: str) -> str:
    explainers, passages = search_results(store, urls, q) if store is not None else ([], [])
    return render_page("search.html.j2", urls, q=q, explainers=explainers, passages=passages)


def latest_explainers(store: Store, limit: int = FEED_SIZE) -> list[Explainer]:
    out = []
    for row in store.list_explainers(limit):
        e = store.get_explainer(row.id, row.version)
        if e is not None:
            out.append(e)
    return out


def feed(store: Store, kind: str, *, home: str, self_url: str,
         link_for: feeds.LinkFor) -> bytes:
    _, _, build = feeds.FEEDS[kind]
    return build(latest_explainers(store), home=home, self_url=self_url, link_for=link_for)
