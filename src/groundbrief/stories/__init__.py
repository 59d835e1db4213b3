"""Stories: sources grouped by the event they report (grouping.py, on ingest), and the brief's
story with its background found at explain time (finder.py)."""

from __future__ import annotations

import numpy as np

from ..store import SQLiteStore
from .grouping import Assignment, StoryGrouper
from .profile import SourceProfile, profile

__all__ = ["Assignment", "SourceProfile", "StoryGrouper", "group_ungrouped", "profile"]


def group_ungrouped(store: SQLiteStore, grouper: StoryGrouper | None = None,
                    batch: int = 500) -> int:
    """Group the sources stored before story grouping existed, in the order they were stored;
    returns how many. Their passage vectors are in the store, so nothing is embedded again."""
    pending = store.sources_without_story()
    if not pending:
        return 0
    grouper = grouper or StoryGrouper(store)
    for i in range(0, len(pending), batch):
        ids = pending[i: i + batch]
        sources = store.get_sources(ids)
        passages = store.source_passages(ids)
        with store.transaction():
            for source_id in ids:
                rows = passages.get(source_id) or []
                if not rows:
                    continue
                grouper.assign(profile(sources[source_id], [p for p, _ in rows],
                                       np.stack([v for _, v in rows])))
    return len(pending)
