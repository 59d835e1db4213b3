#!/usr/bin/env python
"""End-to-end evaluation against human journalism: Wikinews articles and their own sources (issue 3).

The store holds the sources of all 36 stories of ``wikinews/mds_clean.jsonl`` (so every other
story's sources are distractors) and Reuters-21578 articles. For each story the brief is the
Wikinews article's first sentence; the explainer is then compared with the article a human wrote
from the same sources:

* cited sources: precision (share of the explainer's Sources that are the story's own sources)
  and recall (share of the story's sources the explainer cites), averaged over stories;
* What We Know against the article: named entities and numbers (``facts``) of the What We Know
  statements that occur in the article (precision), and of the article's that occur in What We
  Know (recall), averaged over stories;
* the share of the brief's claims that come out Supported (each brief is a sentence a human
  wrote from these sources, so most should be).

* the explainer's own sections (issue 10): on-story precision of Context, Why It Matters, What
  to Watch Next and the FAQ (the share of their statements whose cited sources are the story's
  own, or those of a story of the same event, :data:`EVENTS`), and how often each is filled;
* Related coverage: a second brief per story (the article's title) is explained too, and every
  pair of explainers is scored by ``stories.related.link_score``: the share of same-story pairs
  linked (either way) and of pairs from different events.

Baselines for the fact figures: the brief alone (what a system adds beyond repeating the brief)
and an oracle lead-3 (the first three sentences of the story's longest source).

    .venv/bin/python benchmarks/eval_wikinews.py                      # all stories, all Reuters
    .venv/bin/python benchmarks/eval_wikinews.py --limit 8 --distractors 2000 --json
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _evalcommon as common  # noqa: E402

DATA = common.SHARED_DATA / "wikinews" / "mds_clean.jsonl"
NOW = datetime(2026, 1, 1, tzinfo=timezone.utc)  # fixed, as in eval_averitec.py (no as-of)
MIN_BRIEF_WORDS = 6  # a shorter first paragraph is a date line, not the story's lead
SECTIONS = ("context", "why_it_matters", "watch_next", "faq")

#: Wikinews stories that report one event (read from the articles: all five cover the
#: 26 December 2004 earthquake and tsunami and the relief effort in the days after it).
EVENTS = {
    "tsunami-2004": (
        "enwikinews:U.S._and_U.K._governments_warn_citizens_against_travelling_to_areas_hit_by_tsunamis",
        "enwikinews:Asian_earthquake_toll_nears_60,000",
        "enwikinews:Tsunami_toll_passes_80,000_people_as_relief_effort_continues",
        "enwikinews:Americans_contribute_to_relief_effort",
        "enwikinews:UN_'optimistic'_on_tsunami_aid_effort",
    ),
}


#: Stories none of whose archived sources reports the event (read from the sources): the fill
#: rates are also given over the briefs that have an on-story source, as issue 10 sets them.
NO_REPORT = {
    "enwikinews:US_president_Bush_visits_Canada":
        "its one source is a newspaper's newsletter sign-up form (213 characters)",
    "enwikinews:Police_deactivate_explosive_device_in_Andalucía,_Spain":
        "its one source is a Portuguese business brief on biomass power-plant bids",
}


def event_of(story_id: str) -> str:
    """The event a Wikinews story reports: its own id unless :data:`EVENTS` joins it to others."""
    for event, members in EVENTS.items():
        if story_id in members:
            return event
    return story_id


def story_of_source(source_id: str) -> str:
    """"enwikinews:<Page>#src0" -> "enwikinews:<Page>"; any other source is a story of its own."""
    return source_id.split("#", 1)[0] if source_id.startswith("enwikinews:") else source_id

# ---------------------------------------------------------------- fact extraction
# Named entities are approximated by runs of capitalised words ("Luiz Inácio Lula da Silva",
# "World Trade Organisation") within a sentence, joined by a few lowercase connectors found
# inside names; numbers are digit runs with their separators. Leading words that English news
# otherwise writes in lowercase (the project's lexicon: "The", "Some", "Officials") are dropped,
# since they are capitalised only by position. Matching is by occurrence of the normalised span
# as whole words in the other text, so "Lula da Silva" matches "Luiz Inácio Lula da Silva";
# lenient on span boundaries, strict on spelling.
_CAP = r"[A-ZÀ-ÖØ-Þ](?:[\w'’-]|\.(?=\w))*"
_ENTITY = re.compile(rf"{_CAP}(?:[ \t]+(?:(?:of|de|da|do|dos|del|la|le|van|von|der|al|bin|the)[ \t]+)*{_CAP})*")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*")
_NOT_ENTITY = frozenset("i mr mrs ms dr".split())
# Lowercase in running text, yet the first word of many names ("New Zealand", "South Africa").
_PLACE_WORDS = frozenset("new north south east west united upper lower great".split())


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[’']s\b", "", s).replace("’", "'").strip(" .,'-").lower().split())


def facts(text: str) -> set[str]:
    """Normalised named-entity spans and numbers of ``text`` (see the comment above)."""
    from groundbrief.brief.lexicon import lowercase_words
    from groundbrief.text import sentences

    common_words = lowercase_words()
    out: set[str] = set()
    for sentence in sentences(text):
        for m in _ENTITY.finditer(sentence):
            words = m.group(0).split()
            while words and words[0].lower() not in _PLACE_WORDS and (
                    words[0].lower() in common_words or words[0].lower() in _NOT_ENTITY):
                words = words[1:]
            span = _norm(" ".join(words))
            if len(span) > 1:
                out.add(span)
        for m in _NUMBER.finditer(sentence):
            out.add(m.group(0).replace(",", "").rstrip("."))
    return out


def _occurs(fact: str, text_norm: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(fact)}(?!\w)", text_norm) is not None


def fact_overlap(system_text: str, reference_text: str) -> dict:
    """Precision and recall of ``system_text``'s facts against ``reference_text``."""
    sys_facts, ref_facts = facts(system_text), facts(reference_text)
    ref_norm = _norm_text(reference_text)
    sys_norm = _norm_text(system_text)
    found = sum(_occurs(f, ref_norm) for f in sys_facts)
    covered = sum(_occurs(f, sys_norm) for f in ref_facts)
    return {
        "system_facts": len(sys_facts),
        "reference_facts": len(ref_facts),
        "precision": found / len(sys_facts) if sys_facts else None,
        "recall": covered / len(ref_facts) if ref_facts else None,
    }


def _norm_text(text: str) -> str:
    # The same normalisation as the facts, with thousands separators dropped from numbers.
    return _norm(re.sub(r"(?<=\d),(?=\d{3})", "", text))


# ---------------------------------------------------------------- data


def load_stories(path: Path, part: str, limit: int | None) -> list[dict]:
    from groundbrief.evaluation.splits import part as split_part

    rows = [r for r in common.read_jsonl(path)
            if part == "all" or split_part("wikinews_mds", r["id"]) == part]
    return rows[:limit] if limit is not None else rows


def story_sources(path: Path) -> list:
    """Every story's sources as Sources, with the dump's own ids ("enwikinews:<Page>#src0")."""
    from groundbrief.ingest import ArticleFields, build_source
    from groundbrief.interfaces import Rejected

    out = []
    for i, row in enumerate(common.read_jsonl(path), start=1):
        for s in row["sources"]:
            fields = ArticleFields(text=s.get("text"), title=s.get("title"), url=s.get("url"),
                                   language=s.get("language"), record_id=s["id"])
            source = build_source(fields, where=f"{path}:{i}:{s['id']}", origin=str(path))
            if not isinstance(source, Rejected):
                out.append(source)
    return out


def store_home(path: Path, reuters: Path, distractors: int | None, log=print) -> Path:
    return common.store_with_distractors("wikinews", "Wikinews sources", ("mds", path),
                                         lambda: story_sources(path), reuters, distractors,
                                         log=log)


def brief_of(story: dict) -> str:
    """The article's first sentence, after any leading date line ("December 22, 2004"), which
    some of the 2004 articles keep as a paragraph of its own."""
    from groundbrief.text import sentences

    for paragraph in story["text"].split("\n\n"):
        first = sentences(paragraph)
        if first and len(first[0].split()) >= MIN_BRIEF_WORDS:
            return first[0]
    return story["title"]


def lead3(story: dict) -> str:
    from groundbrief.text import sentences

    longest = max(story["sources"], key=lambda s: len(s.get("text") or ""))
    return " ".join(sentences(longest.get("text") or "")[:3])


# ---------------------------------------------------------------- runs


def section_figures(exp, story_id: str) -> dict:
    """Per section: statements, how many cite only sources of the story's event, and (FAQ)
    questions answered by "no source in the store says"."""
    event = event_of(story_id)

    def on_story(statement) -> bool:
        return all(event_of(story_of_source(c.source_id)) == event for c in statement.citations)

    out = {}
    for name in SECTIONS:
        if name == "faq":
            statements = [a for item in exp.faq for a in item.answer]
        else:
            statements = getattr(exp, name)
        out[name] = {"statements": len(statements),
                     "on_story": sum(on_story(st) for st in statements),
                     # What a reader would see and where it came from, to read the failures.
                     "off_story": [{"text": st.text[:160],
                                    "sources": sorted({c.source_id for c in st.citations})}
                                   for st in statements if not on_story(st)]}
    out["faq"]["unanswered"] = sum(1 for item in exp.faq if not item.answer)
    out["faq"]["questions"] = len(exp.faq)
    return out


def related_pairs(explained: list[tuple[str, object, object]]) -> dict:
    """Links between every pair of explainers: (story id, explainer, brief vector) each."""
    from groundbrief.stories.related import explainer_story, link_score

    keys = [(sid, explainer_story(e.id, e.headline, v, e.story_ids + e.linked_story_ids,
                                  e.story_names))
            for sid, e, v in explained]
    same = same_linked = other = other_linked = 0
    same_event = same_event_linked = 0
    wrong, missed = [], []
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            (sa, a), (sb, b) = keys[i], keys[j]
            linked = link_score(a, b) is not None or link_score(b, a) is not None
            if sa == sb:
                same += 1
                same_linked += linked
                if not linked:
                    missed.append({"story": sa, "cosine": round(float(a.vector @ b.vector), 3),
                                   "names": [sorted(a.names), sorted(b.names)],
                                   "shared_story": bool(a.story_ids & b.story_ids)})
            elif event_of(sa) == event_of(sb):
                same_event += 1
                same_event_linked += linked
            else:
                other += 1
                other_linked += linked
                if linked:
                    wrong.append(f"{sa} ~ {sb}")
    return {
        "same_story_pairs": same,
        "same_story_linked": same_linked / same if same else None,
        "same_event_pairs": same_event,
        "same_event_linked": same_event_linked / same_event if same_event else None,
        "other_pairs": other,
        "other_linked": other_linked / other if other else None,
        "other_unlinked": 1 - other_linked / other if other else None,
        "other_linked_examples": wrong[:20],
        "same_story_missed": missed,
    }


def explain_stories(home: Path, stories: list[dict], log=print,
                    second_briefs: bool = True) -> tuple[list[dict], dict | None]:
    from groundbrief.config import Settings
    from groundbrief.runtime import build_pipeline, open_store

    settings = Settings(home=home)
    rows = []
    with open_store(settings) as store:
        pipeline = build_pipeline(settings, store)
        common.warm_up(pipeline, store)
        explained = []
        for i, story in enumerate(stories, start=1):
            brief = brief_of(story)
            t0 = time.perf_counter()
            exp = pipeline.explain(brief, now=NOW)
            seconds = time.perf_counter() - t0
            explained.append((story["id"], exp, pipeline.embedder.embed(exp.brief.text)))
            own = {s["id"] for s in story["sources"]}
            cited = {ref.id for ref in exp.sources}
            wwk = " ".join(s.text for s in exp.what_we_know)
            checked = [c for c in exp.claims if c.verdict.value != "not_checkworthy"]
            rows.append({
                "id": story["id"],
                "brief": brief,
                "story_sources": len(own),
                "cited_sources": len(cited),
                "cited_own": len(cited & own),
                "source_precision": len(cited & own) / len(cited) if cited else None,
                "source_recall": len(cited & own) / len(own) if own else None,
                "what_we_know": len(exp.what_we_know),
                "facts": fact_overlap(wwk, story["text"]) if wwk else
                         {"precision": None, "recall": 0.0, "system_facts": 0,
                          "reference_facts": len(facts(story["text"]))},
                "brief_facts": fact_overlap(brief, story["text"]),
                "lead3_facts": fact_overlap(lead3(story), story["text"]),
                "claims": [{"kind": c.kind, "text": c.text, "verdict": c.verdict.value}
                           for c in exp.claims],
                "claims_supported": sum(c.verdict.value == "supported" for c in checked),
                "claims_checked": len(checked),
                "seconds": round(seconds, 3),
                "sections": section_figures(exp, story["id"]),
                "story_found": bool(exp.story_ids),
                "notice": exp.notice,
            })
            r = rows[-1]
            log(f"  [{i}/{len(stories)}] cited {r['cited_own']}/{r['cited_sources']} own, "
                f"{r['claims_supported']}/{r['claims_checked']} supported, {seconds:5.1f}s")
        pairs = None
        if second_briefs:
            # The second brief of each story, explained after every first one so that the
            # figures above are those of a store holding first briefs only.
            for story in stories:
                exp = pipeline.explain(story["title"], now=NOW)
                explained.append((story["id"], exp, pipeline.embedder.embed(exp.brief.text)))
            pairs = related_pairs(explained)
    return rows, pairs


def _avg(values: list) -> float | None:
    vals = [v for v in values if v is not None]
    return statistics.mean(vals) if vals else None


def section_summary(rows: list[dict]) -> dict:
    out = {}
    for name in SECTIONS:
        statements = sum(r["sections"][name]["statements"] for r in rows)
        on = sum(r["sections"][name]["on_story"] for r in rows)
        filled = sum(r["sections"][name]["statements"] > 0 for r in rows)
        reportable = [r for r in rows if r["id"] not in NO_REPORT]
        out[name] = {
            "statements": statements,
            "on_story_precision": on / statements if statements else None,
            "filled": filled / len(rows) if rows else None,
            # Over the briefs with an on-story source (the target's denominator).
            "filled_with_source": (sum(r["sections"][name]["statements"] > 0 for r in reportable)
                                   / len(reportable) if reportable else None),
        }
    out["faq"]["unanswered_questions"] = sum(r["sections"]["faq"]["unanswered"] for r in rows)
    out["faq"]["questions"] = sum(r["sections"]["faq"]["questions"] for r in rows)
    out["story_found"] = sum(r["story_found"] for r in rows) / len(rows) if rows else None
    return out


def summarise(rows: list[dict]) -> dict:
    def fact_means(key: str) -> dict:
        return {"precision": _avg([r[key]["precision"] for r in rows]),
                "recall": _avg([r[key]["recall"] for r in rows])}

    checked = sum(r["claims_checked"] for r in rows)
    return {
        "stories": len(rows),
        "stories_citing_nothing": sum(r["cited_sources"] == 0 for r in rows),
        "stories_with_empty_what_we_know": sum(r["what_we_know"] == 0 for r in rows),
        # Precision is averaged over the stories that cite something; a story citing nothing
        # counts as recall 0 (it found none of its sources).
        "source_precision": _avg([r["source_precision"] for r in rows]),
        "source_recall": _avg([r["source_recall"] for r in rows]),
        "facts": fact_means("facts"),
        "claims_supported_share": (sum(r["claims_supported"] for r in rows) / checked
                                   if checked else 0.0),
        "seconds_per_story": _avg([r["seconds"] for r in rows]),
        "sections": section_summary(rows),
        "baselines": {"brief_only": fact_means("brief_facts"),
                      "oracle_lead3": fact_means("lead3_facts")},
    }


def render(res: dict) -> str:
    s = res["summary"]
    b = s["baselines"]
    lines = [f"Wikinews MDS, part {res['part']}: {s['stories']} stories; store "
             f"{res['store']['sources']} sources / {res['store']['passages']} passages "
             f"({res['distractors'] if res['distractors'] is not None else 'all'} Reuters "
             "distractors + every story's sources)"]
    lines.append(common.table([
        ("cited-source precision", [s["source_precision"], None, None]),
        ("story-source recall", [s["source_recall"], None, None]),
        ("What We Know fact precision", [s["facts"]["precision"], b["brief_only"]["precision"],
                                         b["oracle_lead3"]["precision"]]),
        ("What We Know fact recall", [s["facts"]["recall"], b["brief_only"]["recall"],
                                      b["oracle_lead3"]["recall"]]),
        ("brief claims supported", [s["claims_supported_share"], None, None]),
        ("seconds per story", [s["seconds_per_story"], None, None]),
    ], ["system", "brief only", "oracle lead-3"]))
    lines.append(f"stories citing nothing: {s['stories_citing_nothing']}; with an empty What We "
                 f"Know: {s['stories_with_empty_what_we_know']}")
    sec = s["sections"]
    lines.append(common.table(
        [(name, [sec[name]["on_story_precision"], sec[name]["filled"],
                 sec[name]["filled_with_source"], sec[name]["statements"]])
         for name in SECTIONS], ["on-story prec.", "filled", "filled (source)", "statements"]))
    lines.append(f"story found for {sec['story_found']:.3f} of briefs; FAQ questions "
                 f"{sec['faq']['questions']}, answered by 'no source in the store says': "
                 f"{sec['faq']['unanswered_questions']}")
    rel = res.get("related")
    if rel:
        lines.append(
            f"Related coverage: same-story pairs linked {rel['same_story_linked']:.3f} "
            f"(of {rel['same_story_pairs']}); same-event pairs {rel['same_event_linked']} "
            f"(of {rel['same_event_pairs']}); other pairs linked {rel['other_linked']:.4f} "
            f"(of {rel['other_pairs']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", type=Path, default=DATA,
                    help="mds_clean.jsonl (default: ../shared/data/wikinews/mds_clean.jsonl)")
    ap.add_argument("--reuters", type=Path, default=common.REUTERS,
                    help="Reuters-21578 JSONL used as distractors")
    ap.add_argument("--distractors", type=int, default=None,
                    help="the first N Reuters articles only (default: all, 19,042 with a usable body)")
    # Nothing is trained or tuned on these 36 stories, so the default is all of them; the
    # split (key: the story id, data set "wikinews_mds") is there for when something is.
    ap.add_argument("--part", choices=("eval", "train", "all"), default="all")
    ap.add_argument("--limit", type=int, default=None, help="the first N stories")
    ap.add_argument("--out", type=Path, default=None, help="write the results as JSON here")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--no-related", action="store_true",
                    help="skip the second brief per story (the Related coverage pairs)")
    args = ap.parse_args(argv)

    missing = common.missing_files([args.file, args.reuters])
    if missing:
        print(f"{missing[0]}: no such file; pass mds_clean.jsonl and --reuters explicitly, or "
              "put ../shared/data beside the checkout", file=sys.stderr)
        return 2
    log = (lambda m: print(m, file=sys.stderr)) if args.json else print
    stories = load_stories(args.file, args.part, args.limit)
    if not stories:
        print(f"no stories in part {args.part!r} of {args.file}", file=sys.stderr)
        return 2

    home = store_home(args.file, args.reuters, args.distractors, log=log)
    with common.working_copy(home) as work:
        common.regroup(work)
        from groundbrief.config import Settings
        from groundbrief.runtime import open_store

        with open_store(Settings(home=work)) as store:
            counts = store.counts()
        rows, pairs = explain_stories(work, stories, log=log, second_briefs=not args.no_related)

    results = {
        "benchmark": "wikinews_end_to_end",
        **common.run_info(),
        "file": str(args.file),
        "reuters": str(args.reuters),
        "distractors": args.distractors,
        "part": args.part,
        "limit": args.limit,
        "brief": "first sentence of the Wikinews article; no as-of time",
        # Backends come from configuration (a user's config.toml or GROUNDBRIEF_* variables).
        "settings": Settings(home=work).fingerprint(),
        "store": {"sources": counts["sources"], "passages": counts["passages"]},
        "summary": summarise(rows),
        "related": pairs,
        "stories": rows,
    }
    common.emit(results, args.out, args.json, render(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
