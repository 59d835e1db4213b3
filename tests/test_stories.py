"""Story grouping on ingest (stories/grouping.py) and the brief's story at explain time
(stories/finder.py), with the real embedder and real SQLite files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from groundbrief.index.embed import UniversalSentenceEncoder
from groundbrief.index.indexer import Indexer
from groundbrief.ingest import read_sources
from groundbrief.models import Brief, Source
from groundbrief.store import SQLiteStore
from groundbrief.stories.finder import main_names
from groundbrief.stories.profile import names_of, shares_name
from groundbrief.text import content_hash

SEED = Path(__file__).parent / "fixtures" / "stories" / "seed_migration.jsonl"
DAY0 = datetime(2024, 3, 4, 9, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def embedder():
    return UniversalSentenceEncoder()


def _source(sid: str, title: str, text: str, days: float | None = 0.0) -> Source:
    return Source(id=sid, title=title, outlet="Test Wire", text=text, language="en",
                  published_at=None if days is None else DAY0 + timedelta(days=days),
                  content_hash=content_hash(title, text))


QUAKE_1 = _source(
    "q1", "Earthquake of magnitude 6.8 strikes Valparaíso region of Chile",
    "An earthquake of magnitude 6.8 struck the Valparaíso region of Chile on Monday, the "
    "Chilean seismological service said. Buildings in Viña del Mar were damaged and power "
    "was cut in parts of Valparaíso. President Gabriel Boric said emergency teams were on "
    "their way.")
QUAKE_2 = _source(
    "q2", "Chile quake: Boric visits damaged Viña del Mar",
    "Chile's President Gabriel Boric visited Viña del Mar on Tuesday, a day after a magnitude "
    "6.8 earthquake shook the Valparaíso region. Officials said 40 buildings were damaged in "
    "Valparaíso and Viña del Mar.", days=1)
BANK = _source(
    "b1", "Central bank of Norway raises interest rate",
    "Norges Bank raised its key interest rate by a quarter point to 4.5 percent on Thursday, "
    "citing inflation that stayed above its target. Governor Ida Wolden Bache said more "
    "increases could follow.", days=3)


def _stories(store: SQLiteStore, ids) -> dict[str, str]:
    return store.stories_of(ids)


def test_reports_of_one_event_form_one_story_and_others_do_not(tmp_path, embedder):
    with SQLiteStore(tmp_path / "gb.db") as store:
        Indexer(store, embedder).index([QUAKE_1, BANK, QUAKE_2])
        story = _stories(store, ["q1", "q2", "b1"])
        assert story["q1"] == story["q2"]
        assert story["b1"] != story["q1"]
        assert store.story_sources([story["q1"]])[story["q1"]] == ["q1", "q2"]


def test_the_same_actors_months_apart_are_another_story(tmp_path, embedder):
    later = QUAKE_2.model_copy(update={"id": "q9", "published_at": DAY0 + timedelta(days=90)})
    with SQLiteStore(tmp_path / "gb.db") as store:
        Indexer(store, embedder).index([QUAKE_1, later])
        story = _stories(store, ["q1", "q9"])
        assert story["q1"] != story["q9"]


def test_stories_are_kept_when_the_store_is_reopened_and_an_updated_source_moves(tmp_path, embedder):
    path = tmp_path / "gb.db"
    with SQLiteStore(path) as store:
        Indexer(store, embedder).index([QUAKE_1, BANK])
    with SQLiteStore(path) as store:
        Indexer(store, embedder).index([QUAKE_2])  # a new grouper, loaded from the store
        assert len(set(_stories(store, ["q1", "q2"]).values())) == 1
        # q2 is corrected into a report on Norway's rate decision: it leaves the quake story.
        moved = _source("q2", "Norway's central bank raises rate again",
                        BANK.text.replace("Thursday", "Friday"), days=3)
        report = Indexer(store, embedder).index([moved])
        assert report.updated == 1
        story = _stories(store, ["q1", "q2", "b1"])
        assert story["q2"] != story["q1"]


def test_a_store_written_before_stories_is_grouped_on_the_next_ingest(tmp_path, embedder):
    with SQLiteStore(tmp_path / "gb.db") as store:
        Indexer(store, embedder).index([QUAKE_1, QUAKE_2, BANK])
        with store.transaction():
            store.db.execute("DELETE FROM story_members")
        assert not store.story_state_current()  # rebuilt by the next grouper
        assert len(store.sources_without_story()) == 3
        Indexer(store, embedder).index([])
        assert store.sources_without_story() == []
        story = _stories(store, ["q1", "q2", "b1"])
        assert story["q1"] == story["q2"] != story["b1"]


def test_seed_articles_group_by_event_not_by_topic(tmp_path, embedder):
    with SQLiteStore(tmp_path / "gb.db") as store:
        Indexer(store, embedder).index(read_sources([str(SEED)]))
        ids = [r[0] for r in store.db.execute("SELECT id FROM sources ORDER BY rowid")]
        story = _stories(store, ids)
        # The letter (May), the coalition deal (January) and the Lisbon flood: three stories.
        assert len(set(story.values())) == 3


def test_main_names_of_a_brief_leave_out_its_outlet_and_read_handles():
    brief = Brief(text="Integration is non-committal and border controls barely exist, says "
                       "Belgian MEP @Assita_Kanko in a V24 interview.",
                  speaker="Assita Kanko", outlet="V24", handles={"@Assita_Kanko": "Assita Kanko"})
    names = main_names(brief)
    assert "assita kanko" in names and "v24" not in names


@pytest.mark.parametrize(("wanted", "text", "found"), [
    ("belgian", "Belgium's prime minister co-signed the letter.", True),
    ("eu", "Leaders of the European Union met in Brussels.", True),
    ("assita kanko", "Kanko told the broadcaster that borders are open.", True),
    ("austria", "Australia's prime minister spoke on Monday.", False),
    ("belgian", "The Netherlands and Germany signed the letter.", False),
    ("united states president george w bush", "President Bush arrived in Ottawa.", True),
    ("canada", "He met the Prime Minister of Canada on Tuesday.", True),
    ("brazilian president", "President Bush arrived in Ottawa.", False),
])
def test_a_main_name_is_found_as_a_name_alias_surname_or_demonym(wanted, text, found):
    assert shares_name(wanted, names_of(text)) is found


def test_a_nationality_weighs_less_than_a_place_and_a_generic_word_nothing():
    from groundbrief.stories.finder import WEAK_NAME, name_weights

    brief = Brief(text="Former Chilean dictator Augusto Pinochet was placed under house arrest "
                       "by the Spanish police in Almería, the President said.")
    main = main_names(brief)
    weights = name_weights(brief, main)
    assert weights["augusto pinochet"] == 1.0 and weights["almeria"] == 1.0
    assert weights["spanish"] == WEAK_NAME
    assert weights[next(n for n in main if n.endswith("chilean"))] == WEAK_NAME
    assert weights.get("president", 0.0) == 0.0


ALMERIA = "A small explosive device was deactivated today by the Spanish police in Almería, Spain."
DELTA = ("CAPE CANAVERAL, Florida - The first new heavy lift space vehicle in a generation is "
         "cleared to launch from Cape Canaveral Air Force Station.")


@pytest.mark.parametrize(("brief_text", "text", "similarity", "speaks"), [
    # Spain and "Spanish" are one country: one name and a half, in a distant passage.
    (ALMERIA, "Thousands of Spanish farmers fought police in Saragossa, Spain.", 0.30, False),
    # The same in a passage close to the brief: one name is enough there.
    (ALMERIA, "Thousands of Spanish farmers fought police in Saragossa, Spain.", 0.50, True),
    # Two places of the brief.
    (ALMERIA, "Police in Almería, Spain, closed the road.", 0.20, True),
    # One place, written twice ("Cape Canaveral" inside the station's name), far away.
    (DELTA, "A Delta rocket lifted off from Cape Canaveral Air Force Station.", 0.30, False),
])
def test_a_source_speaks_to_a_brief_by_names_that_identify_its_event(brief_text, text,
                                                                      similarity, speaks):
    from groundbrief.stories.finder import name_weights, speaks_to

    brief = Brief(text=brief_text)
    main = main_names(brief)
    assert speaks_to(main, name_weights(brief, main), names_of(text), similarity) is speaks


def test_grouping_counts_a_long_name_once_not_word_by_word(tmp_path):
    """"Cape Canaveral Air Force Station" is one place shared, not four rare words: a report
    of a 1987 launch from the Cape and an undated page on a 2004 rocket share one name."""
    import numpy as np

    from groundbrief.stories.grouping import StoryGrouper, _Story
    from groundbrief.stories.profile import name_words

    with SQLiteStore(tmp_path / "gb.db") as store:
        grouper = StoryGrouper(store)
        story = _Story(id="s", total=np.zeros(4, dtype=np.float32), size=1)
        story.names.update(name_words({"cape canaveral air force station", "delta", "nasa"}))
        rare = [frozenset(name_words({n})) for n in
                ("cape canaveral", "cape canaveral air force station", "boeing delta iv")]
        assert grouper._shared(rare, story) == 2  # the Cape, and "delta" of the rocket


def test_a_nationality_counts_in_full_when_the_brief_names_nothing_else():
    from groundbrief.stories.finder import name_weights

    brief = Brief(text="South American nations began the creation of an economic and legislative "
                       "bloc by a declaration made at the Third South American Summit.")
    main = main_names(brief)
    assert main and set(name_weights(brief, main).values()) == {1.0}


def _random_stream(seed: int = 7, n: int = 400, moves: int = 30):
    """``n`` random profiles with overlapping names, dates and vectors (a fifth undated), then
    ``moves`` of them re-ingested unchanged."""
    import random

    import numpy as np

    from groundbrief.stories.profile import SourceProfile

    rng = random.Random(seed)
    vocab = [f"name{i:03d}" for i in range(60)]
    topics = [np.asarray([rng.gauss(0, 1) for _ in range(16)], dtype=np.float32) for _ in range(12)]

    def profile(i: int) -> SourceProfile:
        v = topics[rng.randrange(len(topics))] + np.asarray(
            [rng.gauss(0, 0.6) for _ in range(16)], dtype=np.float32)
        names = frozenset(" ".join(rng.sample(vocab, rng.randint(1, 2))) for _ in range(rng.randint(0, 4)))
        ts = None if rng.random() < 0.2 else rng.uniform(0, 40) * 86400.0
        return SourceProfile(f"s{i}", v / np.linalg.norm(v), names, ts)

    stream = [profile(i) for i in range(n)]
    stream += [stream[rng.randrange(n)] for _ in range(moves)]  # re-ingested sources move
    return stream


def _group(path: Path, stream, *, scan_all: bool = False, reopen_every: int = 0,
           migrate_at: int | None = None, opener=SQLiteStore) -> list[tuple[str, bool]]:
    """Each source's (story, opened) when ``stream`` is grouped into a new store at ``path``
    (opened by ``opener``): by one grouper, or by a new one on the store reopened every
    ``reopen_every`` sources (a new process's), or with the store taken back to before the
    story state existed (schema 4) after ``migrate_at`` sources and reopened (an existing
    store on its first open)."""
    import numpy as np

    from groundbrief.stories import grouping

    def open_grouper():
        store = opener(path)
        g = grouping.StoryGrouper(store)
        if scan_all:  # the cosine with every story, and every story above 0.35 looked at
            g._cosines = lambda p: g._buffer[: len(g._order)] @ p.vector
            g._candidates = lambda cos, rare: list(np.flatnonzero(cos >= grouping.MANY_NAMES_COSINE))
        return store, g

    store, g = open_grouper()
    with store.transaction():
        for i in sorted({int(p.source_id[1:]) for p in stream}):  # what memberships refer to
            store.upsert_source(_source(f"s{i}", f"Report {i}", f"Text of report {i}."), [],
                                np.zeros((0, 16), dtype=np.float32), "test")
    out = []
    for k, p in enumerate(stream):
        if k and ((reopen_every and k % reopen_every == 0) or k == migrate_at):
            if k == migrate_at:
                _before_story_state(store)
            store.close()
            store, g = open_grouper()
        with store.transaction():
            a = g.assign(p)
        out.append((a.story_id, a.opened))
    store.close()
    return out


def _before_story_state(store: SQLiteStore) -> None:
    """Take ``store`` back to schema 4: no story state, memberships only."""
    with store.transaction():
        store.db.execute("DROP TRIGGER story_members_deleted")
        store.db.execute("DROP TABLE stories")
        store.db.execute("DROP TABLE story_words")
        store.db.execute("DELETE FROM meta WHERE key='story_state'")
        store.db.execute("UPDATE meta SET value='4' WHERE key='schema_version'")


def test_only_stories_sharing_a_rare_name_are_scanned_and_the_choice_is_unchanged(tmp_path):
    """Grouping looks only at stories in the source's time window and, of those, only at the
    ones listed under its rare name words (or very close in meaning); on a random stream of
    sources with overlapping names, dates and vectors every assignment equals the one the full
    scan (every story's cosine, every story above 0.35) gives."""
    stream = _random_stream()
    indexed = _group(tmp_path / "a.db", stream)
    assert indexed == _group(tmp_path / "b.db", stream, scan_all=True)
    assert 20 < len({sid for sid, _ in indexed}) < 380  # sources both joined and opened stories


def test_a_grouper_reopened_from_the_store_assigns_as_one_that_stayed_open(tmp_path):
    """A new process loads only the stories its sources' time windows reach, from the story
    state kept in the store, not every membership: on the random stream with re-ingested
    sources, groupers reopened every few sources, and a store written before the story state
    existed (rebuilt from its memberships on first open), assign exactly as one grouper that
    stayed open; the state rebuilt equals the state kept."""
    stream = _random_stream()
    stayed = _group(tmp_path / "open.db", stream)
    for every in (1, 7, 50):
        assert _group(tmp_path / f"re{every}.db", stream, reopen_every=every) == stayed, every
    # Migrated before the re-ingests: with moves, the opening order of a migrated store is that
    # of the members' first rows, which is what the grouper reloading every membership used.
    assert _group(tmp_path / "old.db", stream, migrate_at=300) == stayed


def test_the_story_state_kept_is_the_one_rebuilt_from_the_memberships(tmp_path):
    """Exactly (same sums in the same order, same opening order) while no source has moved;
    with moves, the same but for the rounding of sums that lost a member and the order."""
    import numpy as np

    stream = _random_stream()
    for n in (300, len(stream)):
        path = tmp_path / f"s{n}.db"
        _group(path, stream[:n])
        with SQLiteStore(path) as store:
            kept = _state_of(store)
            with store.transaction():
                _grouper(store)._rebuild()
            rebuilt = _state_of(store)
        if n == 300:
            assert kept == rebuilt
            continue
        assert [r[:5] for r in kept[0]] == [r[:5] for r in rebuilt[0]] and kept[1] == rebuilt[1]
        for a, b in zip(kept[0], rebuilt[0], strict=True):
            assert np.allclose(np.frombuffer(a[6], np.float32), np.frombuffer(b[6], np.float32),
                               atol=1e-5)


def _grouper(store: SQLiteStore):
    from groundbrief.stories.grouping import StoryGrouper

    return StoryGrouper(store)


def _state_of(store: SQLiteStore) -> tuple[list, list]:
    """Stories (id, size, dates, names, opening order, sum) and name-word counts."""
    stories = store.db.execute("SELECT id, size, first_ts, last_ts, names, seq, total "
                               "FROM stories ORDER BY id").fetchall()
    words = store.db.execute("SELECT word, sources FROM story_words WHERE sources > 0 "
                             "ORDER BY word").fetchall()
    return [tuple(r) for r in stories], [tuple(r) for r in words]


def test_a_source_that_left_the_story_named_after_it_opens_one_under_another_name(tmp_path):
    """The story a source opened is named after it and lives on when the source, corrected,
    leaves it for a story of its own: that one gets another name (two live stories under one id
    were one story in the store and two in the grouper's memory)."""
    import numpy as np

    from groundbrief.stories.grouping import StoryGrouper
    from groundbrief.stories.profile import SourceProfile

    e1, e2 = np.eye(16, dtype=np.float32)[:2]
    with SQLiteStore(tmp_path / "gb.db") as store:
        with store.transaction():
            for sid in ("a", "b"):
                store.upsert_source(_source(sid, sid, sid), [], np.zeros((0, 16), np.float32), "t")
            g = StoryGrouper(store)
            first = g.assign(SourceProfile("a", e1, frozenset(), 0.0))
            assert g.assign(SourceProfile("b", e1, frozenset(), 0.0)).story_id == first.story_id
            moved = g.assign(SourceProfile("a", e2, frozenset(), 0.0))
        assert moved.opened and moved.story_id != first.story_id
        assert store.story_sources([first.story_id, moved.story_id]) == {
            first.story_id: ["b"], moved.story_id: ["a"]}
