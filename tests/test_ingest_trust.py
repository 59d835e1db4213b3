"""Ingest a desk can trust: records never silently merged, mapped ids kept, ids independent of
the file's name, re-ingest idempotent, archived copies credited to the original, titles that
are titles, and progress with a total and a rate."""

from __future__ import annotations

import io
import json
from pathlib import Path

from groundbrief.config import Settings
from groundbrief.index.indexer import Indexer
from groundbrief.ingest import parse_field_map, read_sources
from groundbrief.ingest.census import count_records
from groundbrief.models import Source
from groundbrief.registry import build_embedder
from groundbrief.runtime import open_store

from .test_desk_cli import run

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ANSWERS = [
    {"doc_id": "av-1-0", "text": "No. The minister said the plant would stay open until 2030.",
     "source_url": "https://news.example/plant#:~:text=minister"},
    {"doc_id": "av-1-1", "text": "Yes. The union confirmed the plant's closure date in March.",
     "source_url": "https://news.example/plant#:~:text=union"},
    {"doc_id": "av-1-1", "text": "Yes. The union confirmed the plant's closure date in March.",
     "source_url": "https://news.example/plant#:~:text=union"},  # an exact repeat
    {"doc_id": "av-2-0", "text": "The council voted to close the library on Fridays.",
     "source_url": "https://web.archive.org/web/20201101145631/https://gazette.example/2020/"
                   "10/30/council-closes-library-on-fridays/"},
]


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def ingest(home: Path, paths: list[Path], field_map: str | None = None):
    settings = Settings(home=home)
    with open_store(settings) as store:
        indexer = Indexer(store, build_embedder(settings))
        report = indexer.index(read_sources([str(p) for p in paths],
                                            field_map=parse_field_map(field_map)))
        sources = list(store.iter_sources())
    return report, sources


def test_same_url_with_different_text_is_kept_apart_and_reported(tmp_path):
    dump = write_jsonl(tmp_path / "answers.jsonl", ANSWERS)
    report, sources = ingest(tmp_path / "h", [dump], "url=source_url")
    assert (report.new, report.kept_apart, report.repeated) == (3, 1, 1)
    (note,) = report.notes
    assert note.startswith(f"{dump}:2: same URL or id as {dump}:1 with different text")
    plant = sorted(s.text for s in sources if s.url == "https://news.example/plant")
    assert len(plant) == 2 and plant[0].startswith("No.") and plant[1].startswith("Yes.")
    assert "kept apart" in report.line() and "1 repeated" in report.line()

    again, after = ingest(tmp_path / "h", [dump], "url=source_url")
    assert (again.new, again.updated, again.unchanged) == (0, 0, 3)
    assert sorted(s.id for s in after) == sorted(s.id for s in sources)


def test_mapped_id_is_the_source_id(tmp_path):
    dump = write_jsonl(tmp_path / "answers.jsonl", ANSWERS)
    report, sources = ingest(tmp_path / "h", [dump], "id=doc_id,url=source_url")
    assert sorted(s.id for s in sources) == ["av-1-0", "av-1-1", "av-2-0"]
    assert report.repeated == 1


def test_same_dump_under_two_names_gives_the_same_ids(tmp_path):
    records = [{"id": i, "text": f"Story number {i} says the harbour reopened on day {i}.",
                "outlet": "Harbour Gazette" if i % 2 else None} for i in range(1, 7)]
    one = write_jsonl(tmp_path / "monday.jsonl", records)
    two = write_jsonl(tmp_path / "copy-of-monday.jsonl", records)
    ids = [sorted(s.id for s in read_sources([str(p)]) if isinstance(s, Source))
           for p in (one, two)]
    assert ids[0] == ids[1]
    assert "harbour-gazette:1" in ids[0]  # readable where the outlet is known
    report, sources = ingest(tmp_path / "h", [one, two])
    assert len(sources) == 6 and report.new == 6


def test_archived_copy_credits_the_original(tmp_path):
    dump = write_jsonl(tmp_path / "answers.jsonl", ANSWERS[3:])
    (source,) = [s for s in read_sources([str(dump)], field_map={"url": "source_url"})
                 if isinstance(s, Source)]
    assert source.url == "https://gazette.example/2020/10/30/council-closes-library-on-fridays/"
    assert source.outlet == "gazette.example"
    assert "archived copy: https://web.archive.org/web/20201101145631/" in source.attribution


def test_titles_are_never_a_fragment_like_no(tmp_path):
    dump = write_jsonl(tmp_path / "t.jsonl", [
        {"id": "1", "text": "No. The minister denied it.", "outlet": "Wire"},
        {"id": "2", "text": "No. The minister denied it.", "published": "2024-05-01",
         "url": "https://news.example/2024/05/minister-denies-plant-closure"},
        {"id": "3", "text": "The council approved the budget on Tuesday by seven votes.",
         "outlet": "Wire"},
    ])
    titles = [s.title for s in read_sources([str(dump)]) if isinstance(s, Source)]
    assert titles == ["Untitled (Wire)", "Minister denies plant closure",
                      "The council approved the budget on Tuesday by seven votes."]


def test_record_count_for_progress(tmp_path):
    dump = write_jsonl(tmp_path / "a.jsonl", ANSWERS)
    assert count_records([str(dump)]) == 4
    assert count_records([str(FIXTURES / "articles.csv")]) >= 1
    assert count_records([str(FIXTURES / "feed.rss")]) == 3
    folder = tmp_path / "f"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl", ANSWERS[:2])
    (folder / "page.html").write_bytes((FIXTURES / "page.html").read_bytes())
    assert count_records([str(folder), str(dump)]) == 2 + 1 + 4
    assert count_records(["https://news.example/feed"]) is None


def test_progress_lines_when_not_a_terminal():
    from rich.console import Console

    from groundbrief.cli.progress import RecordProgress

    ticks = iter(range(0, 1000, 4))
    out = io.StringIO()
    with RecordProgress(100, Console(file=io.StringIO()), every_s=10, stream=out,
                        clock=lambda: float(next(ticks))) as advance:
        for _ in range(5):
            advance(20)
    lines = out.getvalue().splitlines()
    assert lines and lines[0].startswith("ingest: ")
    assert "of 100 records (" in lines[-1] and "records/s" in lines[-1]


def test_ingest_command_reports_progress_notes_and_idempotence(tmp_path):
    dump = write_jsonl(tmp_path / "answers.jsonl", ANSWERS)
    home = tmp_path / "home"
    proc = run("ingest", str(dump), "--map", "url=source_url", home=home)
    assert proc.returncode == 0, proc.stderr
    assert "3 new, 0 updated, 0 unchanged, 0 rejected, 1 kept apart" in proc.stdout
    assert f"note: {dump}:2: same URL or id as {dump}:1" in proc.stderr
    proc = run("ingest", str(dump), "--map", "url=source_url", home=home)
    assert "0 new, 0 updated, 3 unchanged" in proc.stdout
