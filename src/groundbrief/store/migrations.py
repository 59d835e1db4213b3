"""Schema migrations, applied in order; ``meta.schema_version`` records how many ran.

Never edit a migration that has shipped: append a new one.
"""

MIGRATIONS: list[str] = [
    # 1: sources, passages with vectors, FTS5 over passages, runs and their stage outputs,
    #    explainer versions.
    """
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        url TEXT,
        title TEXT NOT NULL,
        outlet TEXT,
        authors TEXT NOT NULL DEFAULT '[]',
        published_at TEXT,
        published_ts REAL,
        language TEXT,
        text TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        attribution TEXT,
        origin TEXT
    );
    CREATE INDEX sources_published ON sources(published_ts);
    CREATE INDEX sources_url ON sources(url);
    CREATE TABLE passages (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
        ordinal INTEGER NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        text TEXT NOT NULL,
        published_ts REAL,
        vector BLOB NOT NULL,
        embedder TEXT NOT NULL
    );
    CREATE INDEX passages_source ON passages(source_id);
    CREATE VIRTUAL TABLE passages_fts USING fts5(
        text, title, content='',
        tokenize='porter unicode61 remove_diacritics 2'
    );
    CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        brief TEXT NOT NULL,
        as_of TEXT,
        started_at TEXT NOT NULL,
        settings TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'running',
        explainer_id TEXT,
        version INTEGER
    );
    CREATE TABLE run_stages (
        run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
        stage TEXT NOT NULL,
        output TEXT NOT NULL,
        PRIMARY KEY (run_id, stage)
    );
    CREATE TABLE explainers (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        run_id TEXT NOT NULL,
        headline TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        digest TEXT NOT NULL,
        vector BLOB NOT NULL,
        json TEXT NOT NULL,
        PRIMARY KEY (id, version)
    )
    """,
    # 2: story memberships (stories/grouping.py): each source's story, with the profile that
    #    placed it there (lead vector, name keys, date), so the grouper can reload its stories.
    """
    CREATE TABLE story_members (
        source_id TEXT PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
        story_id TEXT NOT NULL,
        published_ts REAL,
        vector BLOB NOT NULL,
        names TEXT NOT NULL DEFAULT '[]'
    );
    CREATE INDEX story_members_story ON story_members(story_id)
    """,
]

# 3: feed subscriptions of the live desk (groundbrief/desk/): one row per feed with its
#    conditional-GET validators, poll schedule and error backoff, and the entries already
#    taken from it, so a linked article is fetched once.
MIGRATIONS.append(
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        added_at TEXT NOT NULL,
        interval_s REAL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_ok_at TEXT,
        next_poll_ts REAL NOT NULL DEFAULT 0,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        entries_taken INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE feed_entries (
        feed_url TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
        entry_key TEXT NOT NULL,
        source_id TEXT,
        taken_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, entry_key)
    )
    """
)

# 4 (issue 12): the passage-vector log that keeps the on-disk approximate index
#    (index/ann.py) in step with the passages: every insert and delete of a passage appends
#    its rowid, so the index replays what changed since it was saved (rowids can be reused
#    after a delete, hence a log rather than "rowids above the last one indexed").
#    AUTOINCREMENT keeps sequence numbers rising even after the log is pruned.
#    The published_ts index serves the exact search over a small as-of subset.
MIGRATIONS.append(
    """
    CREATE TABLE vector_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, passage INTEGER NOT NULL);
    CREATE TRIGGER passages_vector_log_insert AFTER INSERT ON passages BEGIN INSERT INTO vector_log(passage) VALUES (new.rowid); END;
    CREATE TRIGGER passages_vector_log_delete AFTER DELETE ON passages BEGIN INSERT INTO vector_log(passage) VALUES (old.rowid); END;
    CREATE INDEX passages_published ON passages(published_ts)
"""
)

# 5 (issue 12): per-story state kept by the grouper (stories/grouping.py) on every join and
#    leave, so that a new process loads only the stories a new source can join instead of
#    every membership (19 s at 50,000 articles, and linear in the store): each story's opening
#    order (``seq``: ties go to the older story), member count, first and last date, float32
#    sum of its members' vectors and how many members carry each name word; and how many
#    grouped sources carry each name word (``story_words``; the word '' counts them all).
#    ``span_level`` files a story by how long it runs (first to last date within 2**level
#    days; NULL when undated), so the stories that reach a time window are read by index
#    ranges (sqlite._window_query); an index on the dates alone reads every story that ends
#    after the window starts, half the store for a window in the middle of it.
#    Derived from story_members, so 'story_state' in meta says whether it is current: stale
#    after this migration (the grouper fills it from story_members on first use) and whenever
#    a membership row is deleted, which the grouper never does (it moves a source by updating
#    its row); a store copy marks it stale too (SQLiteStore.after_copy).
MIGRATIONS.append(
    """
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        size INTEGER NOT NULL,
        first_ts REAL,
        last_ts REAL,
        span_level INTEGER,
        total BLOB NOT NULL,
        names TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX stories_span ON stories(span_level, first_ts);
    CREATE TABLE story_words (word TEXT PRIMARY KEY, sources INTEGER NOT NULL);
    CREATE TRIGGER story_members_deleted AFTER DELETE ON story_members BEGIN INSERT OR REPLACE INTO meta(key, value) VALUES('story_state', 'stale'); END;
    INSERT OR REPLACE INTO meta(key, value) VALUES('story_state', 'stale')
"""
)
