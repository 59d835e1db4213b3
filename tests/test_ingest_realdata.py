"""Ingest on slices of the real evaluation data in ../shared/data (skipped where it is absent)."""

from __future__ import annotations

import itertools
import json
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from groundbrief.ingest import read_sources
from groundbrief.interfaces import Rejected
from groundbrief.models import Source

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def data_file(relative: str) -> Path:
    path = DATA / relative
    if not path.exists():
        pytest.skip(f"{path} not found: the real-data ingest tests need ../shared/data")
    return path


def rows(path: Path, n: int | None = None) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


def test_reuters_first_200_lines(tmp_path):
    source = data_file("reuters21578/reuters.jsonl")
    head = tmp_path / "reuters.jsonl"
    with open(source, "rb") as f:
        head.write_bytes(b"".join(itertools.islice(f, 200)))
    raw = rows(head)
    items = list(read_sources([str(head)]))
    sources = [i for i in items if isinstance(i, Source)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    with_body = [r for r in raw if (r.get("body") or "").strip()]
    assert len(sources) == len(with_body)
    assert len(sources) + len(rejected) == 200
    assert all(r.reason.startswith(("empty text", "no text and no title")) for r in rejected)
    assert [s.id for s in sources] == [f"reuters:{r['newid']}" for r in with_body]
    assert {s.outlet for s in sources} == {"Reuters"}
    assert {s.language for s in sources} == {"en"}
    assert all(s.published_at.year == 1987 and s.published_at.tzinfo == timezone.utc
               for s in sources)
    first = sources[0]
    assert first.title == "BAHIA COCOA REVIEW"
    assert first.published_at == datetime(1987, 2, 26, 15, 1, 1, 790000, tzinfo=timezone.utc)
    assert first.text.startswith("Showers continued throughout the week in the Bahia cocoa zone")
    # Titleless rows with a body get their first sentence, never an empty title.
    assert all(s.title for s in sources)


def test_wikinews_corpus():
    path = data_file("wikinews/corpus.jsonl")
    raw = {r["id"]: r for r in rows(path)}
    items = list(read_sources([str(path)]))
    assert all(isinstance(i, Source) for i in items)
    assert {s.id for s in items} == set(raw)  # "enwikinews:<Page>" ids kept as they are
    for s in items:
        r = raw[s.id]
        assert s.attribution == f"Wikinews, {s.url}, CC BY 2.5; converted to plain text"
        assert s.outlet == "Wikinews"
        assert s.language == "en"
        assert s.title == r["title"].strip()
        expected = r["published"]
        assert (s.published_at.date().isoformat() if s.published_at else None) == expected
    # Paragraph breaks survive cleaning.
    assert sum("\n\n" in s.text for s in items) > 200


def test_fakenewsnet_articles():
    path = data_file("fakenewsnet_v1/articles.jsonl")
    raw = rows(path)
    items = list(read_sources([str(path)]))
    sources = [i for i in items if isinstance(i, Source)]
    rejected = [i for i in items if isinstance(i, Rejected)]
    usable = [r for r in raw if (r.get("text") or "").strip()]
    assert len(sources) == len(usable)
    assert len(rejected) == len(raw) - len(usable)
    by_url = {}
    for s, r in zip(sources, usable):
        assert s.url and s.id.startswith("src_")
        assert s.authors == [a for a in dict.fromkeys(a.strip() for a in r["authors"]) if a]
        if r["publish_date_ms"] is None:
            assert s.published_at is None
        else:
            assert s.published_at.timestamp() * 1000 == r["publish_date_ms"]
        assert s.outlet and "://" not in s.outlet  # the site URL becomes a host name
        by_url.setdefault(s.url, set()).add(s.id)
    # The same article listed twice (BuzzFeed and PolitiFact) gets one id.
    assert all(len(ids) == 1 for ids in by_url.values())


def test_german_articles_are_detected_as_german(tmp_path):
    source = data_file("gnad10k_de/test.jsonl")
    head = tmp_path / "gnad.jsonl"
    with open(source, "rb") as f:
        head.write_bytes(b"".join(itertools.islice(f, 100)))
    sources = [i for i in read_sources([str(head)]) if isinstance(i, Source)]
    assert len(sources) == 100
    assert {s.language for s in sources} == {"de"}
    # No URL and no outlet: ids come from the content, so the same lines under another file
    # name are the same sources (issue 13, "identity of records").
    renamed = tmp_path / "copy.jsonl"
    renamed.write_bytes(head.read_bytes())
    again = [i for i in read_sources([str(renamed)]) if isinstance(i, Source)]
    assert [s.id for s in again] == [s.id for s in sources]
    assert len({s.id for s in sources}) == 100


@pytest.mark.slow
def test_reuters_full_file_throughput():
    path = data_file("reuters21578/reuters.jsonl")
    start = time.perf_counter()
    sources = rejected = 0
    for item in read_sources([str(path)]):
        if isinstance(item, Source):
            sources += 1
        else:
            rejected += 1
    elapsed = time.perf_counter() - start
    print(f"\nreuters.jsonl: {sources} sources + {rejected} rejected in {elapsed:.2f} s = "
          f"{(sources + rejected) / elapsed:,.0f} records/s, {sources / elapsed:,.0f} sources/s")
    assert sources + rejected == 21578
