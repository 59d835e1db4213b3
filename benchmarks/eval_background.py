#!/usr/bin/env python
"""Background from earlier stories, on dated news (issue 10): does a later report's Context give
the earlier reports of its running story, dated, and nothing else?

The Wikinews sources of ``eval_wikinews.py`` carry no date, so the background that Context draws
from earlier stories is never exercised there. Here the store holds the 336 dated Wikinews
articles of ``wikinews/corpus.jsonl`` (2004-2021; CC BY 2.5) after the dated Reuters-21578
distractors (1987). Each article is explained as of the end of its own publication day, its
brief its first sentence, so only what was published by then can be used (I6).

Gold: ``benchmarks/data/wikinews_threads.tsv``, running stories written for this project from
the articles (Hong Kong's protests of 2019, the suspension of the UK parliament, the COVID-19
pandemic, the 2020 US presidential election, ...). An earlier article of the brief's thread is
background a reader wants; anything else from another article is not (strict: an article
outside every thread has no earlier report of its story in the corpus, as far as the threads
say).

* background precision: of the Context statements citing another article than the brief's
  own, the share citing an earlier article of one of the brief's threads;
* thread recall: of the thread briefs with an earlier thread article in the store by their
  date, the share whose Context cites one;
* dated: every Context statement from another article carries its date, no date is after
  the as-of time, and Context reads earliest first;
* 1987 wire items shown as background of a 2019 story (Reuters statements).

Briefs: every article of a thread plus every ``--stride``-th other dated article (a sample
across the years, for the precision of background where none is expected).

    .venv/bin/python benchmarks/eval_background.py --distractors 2000
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime, time, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evalcommon as common  # noqa: E402
from eval_wikinews import brief_of  # noqa: E402  (the article's first sentence, as there)

DATA = common.SHARED_DATA / "wikinews" / "corpus.jsonl"
THREADS = Path(__file__).resolve().parent / "data" / "wikinews_threads.tsv"


def load_threads(path: Path) -> dict[str, set[str]]:
    """Article id -> the threads it follows."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        thread, _published, article = line.split("\t")
        out.setdefault(article, set()).add(thread)
    return out


def as_of_of(article: dict) -> datetime:
    """The end of the article's publication day (UTC): what was published that day is usable."""
    day = datetime.fromisoformat(article["published"]).date()
    return datetime.combine(day, time(23, 59, 59), tzinfo=timezone.utc)


def store_home(path: Path, reuters: Path, distractors: int | None, log=print) -> Path:
    def sources():
        from groundbrief.ingest import read_sources
        from groundbrief.interfaces import Rejected

        return [s for s in read_sources([str(path)]) if not isinstance(s, Rejected)]

    return common.store_with_distractors("wikinews-corpus", "Wikinews articles",
                                         ("corpus", path), sources, reuters, distractors, log=log)


def choose(articles: list[dict], threads: dict[str, set[str]], stride: int) -> list[dict]:
    dated = [a for a in articles if a.get("published")]
    others = [a for a in dated if a["id"] not in threads]
    sample = {a["id"] for a in others[::stride]} if stride > 0 else set()
    return [a for a in dated if a["id"] in threads or a["id"] in sample]


def relation(cited: str, article: dict, threads: dict[str, set[str]],
             published: dict[str, str]) -> str:
    """How a cited source stands to the brief's article: its own text, an earlier (or same-day)
    article of one of its threads, a Reuters distractor, or another article."""
    if cited == article["id"]:
        return "own"
    if not cited.startswith("enwikinews:"):
        return "reuters"
    if (threads.get(cited, set()) & threads.get(article["id"], set())
            and published.get(cited, "9999") <= article["published"]):
        return "thread"
    return "other"


def explain_all(home: Path, chosen: list[dict], threads: dict[str, set[str]],
                published: dict[str, str], log=print) -> list[dict]:
    from groundbrief.config import Settings
    from groundbrief.runtime import build_pipeline, open_store

    rows = []
    with open_store(Settings(home=home)) as store:
        pipeline = build_pipeline(Settings(home=home), store)
        common.warm_up(pipeline, store)
        for i, article in enumerate(chosen, start=1):
            as_of = as_of_of(article)
            exp = pipeline.explain(brief_of(article), now=as_of, as_of=as_of)
            mine = threads.get(article["id"], set())
            earlier = sorted(a for a, ts in threads.items() if ts & mine and a != article["id"]
                             and published.get(a, "9999") <= article["published"])
            context = []
            for st in exp.context:
                cited = sorted({c.source_id for c in st.citations})
                rel = [relation(c, article, threads, published) for c in cited]
                context.append({"text": st.text[:160], "sources": cited, "date": st.date,
                                "relation": ("own" if all(r == "own" for r in rel) else
                                             next(r for r in ("reuters", "other", "thread")
                                                  if r in rel))})
            rows.append({"id": article["id"], "published": article["published"],
                         "threads": sorted(mine), "earlier_thread_articles": earlier,
                         "story_found": bool(exp.story_ids), "context": context})
            others = [c for c in context if c["relation"] != "own"]
            log(f"  [{i}/{len(chosen)}] {article['published']} context {len(context)}, "
                f"from other articles {len(others)} "
                f"({sum(c['relation'] == 'thread' for c in others)} of its thread)")
    return rows


def summarise(rows: list[dict]) -> dict:
    others = [c for r in rows for c in r["context"] if c["relation"] != "own"]
    on_thread = [c for c in others if c["relation"] == "thread"]
    with_earlier = [r for r in rows if r["earlier_thread_articles"]]
    found = [r for r in with_earlier if any(c["relation"] == "thread" for c in r["context"])]
    undated = [c for c in others if not c["date"]]
    late = [c for r in rows for c in r["context"] if c["date"] and c["date"] > r["published"]]
    unordered = [r["id"] for r in rows
                 if [c["date"] or "9999" for c in r["context"]]
                 != sorted(c["date"] or "9999" for c in r["context"])]
    return {
        "briefs": len(rows),
        "thread_briefs": sum(bool(r["threads"]) for r in rows),
        "context_from_other_articles": len(others),
        "background_precision": len(on_thread) / len(others) if others else None,
        "thread_briefs_with_earlier_article": len(with_earlier),
        "thread_recall": len(found) / len(with_earlier) if with_earlier else None,
        "reuters_statements": sum(c["relation"] == "reuters" for c in others),
        "other_article_statements": sum(c["relation"] == "other" for c in others),
        "undated_background": len(undated),
        "dated_after_as_of": len(late),
        "not_earliest_first": unordered,
        "off_thread_examples": [
            {"brief": r["id"], "text": c["text"], "sources": c["sources"], "date": c["date"]}
            for r in rows for c in r["context"] if c["relation"] in ("reuters", "other")][:40],
    }


def render(res: dict) -> str:
    s = res["summary"]
    return "\n".join([
        f"Background on dated Wikinews articles: {s['briefs']} briefs ({s['thread_briefs']} of "
        f"running stories), store {res['store']['sources']} sources "
        f"({res['distractors'] if res['distractors'] is not None else 'all'} Reuters distractors)",
        common.table([
            ("background precision", [s["background_precision"]]),
            ("thread recall", [s["thread_recall"]]),
            ("Context from other articles", [s["context_from_other_articles"]]),
            ("  of which Reuters 1987", [s["reuters_statements"]]),
            ("  of which other articles", [s["other_article_statements"]]),
            ("thread briefs with an earlier one", [s["thread_briefs_with_earlier_article"]]),
            ("undated background statements", [s["undated_background"]]),
            ("statements dated after as-of", [s["dated_after_as_of"]]),
            ("Contexts not earliest first", [len(s["not_earliest_first"])]),
        ], ["system"]),
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DATA,
                    help="corpus.jsonl (default: ../shared/data/wikinews/corpus.jsonl)")
    ap.add_argument("--threads", type=Path, default=THREADS)
    ap.add_argument("--reuters", type=Path, default=common.REUTERS)
    ap.add_argument("--distractors", type=int, default=2000,
                    help="the first N Reuters articles (default 2,000; -1 for all)")
    ap.add_argument("--stride", type=int, default=6,
                    help="explain every N-th article outside the threads too (0: none)")
    ap.add_argument("--limit", type=int, default=None, help="the first N chosen briefs")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    distractors = None if args.distractors is not None and args.distractors < 0 else args.distractors

    missing = common.missing_files([args.file, args.reuters, args.threads])
    if missing:
        print(f"{missing[0]}: no such file; pass corpus.jsonl, --threads and --reuters "
              "explicitly, or put ../shared/data beside the checkout", file=sys.stderr)
        return 2
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    articles = common.read_jsonl(args.file)
    threads = load_threads(args.threads)
    published = {a["id"]: a["published"] for a in articles if a.get("published")}
    unknown = sorted(set(threads) - set(published))
    if unknown:
        print(f"{args.threads}: {unknown[0]} is not a dated article of {args.file}; fix the "
              "threads file", file=sys.stderr)
        return 2
    chosen = choose(articles, threads, args.stride)[: args.limit]

    home = store_home(args.file, args.reuters, distractors, log=log)
    with common.working_copy(home) as work:
        common.regroup(work)
        from groundbrief.config import Settings
        from groundbrief.runtime import open_store

        with open_store(Settings(home=work)) as store:
            counts = store.counts()
        rows = explain_all(work, chosen, threads, published, log=log)

    results = {
        "benchmark": "wikinews_background",
        **common.run_info(),
        "file": str(args.file),
        "threads": str(args.threads),
        "distractors": distractors,
        "stride": args.stride,
        "limit": args.limit,
        "brief": "first sentence of the Wikinews article, as of the end of its publication day",
        "store": {"sources": counts["sources"], "passages": counts["passages"]},
        "summary": summarise(rows),
        "briefs": rows,
    }
    common.emit(results, args.out, args.json, render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
