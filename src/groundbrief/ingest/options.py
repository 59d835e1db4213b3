"""Settings shared by every reader, gathered in one object instead of long keyword chains."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..errors import InputError

# Our field → the names dumps commonly use for it, tried in order. ``--map`` replaces the list
# for a field with the one name the user gives.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "newid", "doc_id", "guid"),
    "title": ("title", "headline"),
    "url": ("url", "link", "canonical_url"),
    "published": ("published", "published_at", "date", "publish_date", "publish_date_ms",
                  "pubdate", "datetime"),
    "outlet": ("outlet", "source", "sitename", "publisher"),
    "language": ("language", "lang"),
    "text": ("text", "body", "content"),
    "authors": ("authors", "author"),
    "attribution": ("attribution",),
    "licence": ("licence", "license"),
}

MAX_BYTES = 5 * 1024 * 1024  # a news page or feed larger than this is not an article
# One article's text, in characters. The longest real articles in the corpora are under
# 200,000; past this a record is a dump of something else, and chunking and embedding it would
# hold an ingest for minutes (a 50 MB record once ran 7 minutes and stored nothing).
MAX_RECORD_CHARS = 1_000_000


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs.

    ``field_map`` maps our field names to a dump's column names ({"text": "body"}, from the
    CLI's ``--map text=body``). ``default_outlet`` names the outlet of records that carry none
    (``--outlet Reuters``). ``allow_private`` lifts the SSRF guard, for tests against a local
    server only.
    """

    field_map: Mapping[str, str] = field(default_factory=dict)
    default_outlet: str | None = None
    allow_private: bool = False
    max_bytes: int = MAX_BYTES
    timeout_s: float = 15.0
    respect_robots: bool = True
    # Fetching (see ingest/fetch.py): hosts exempt from the private-address guard (tests,
    # intranets), the deadline for one whole fetch, and the pause between two requests to
    # one host.
    allowed_hosts: frozenset[str] = frozenset()
    deadline_s: float = 30.0
    host_interval_s: float = 1.0
    max_record_chars: int = MAX_RECORD_CHARS

    def __post_init__(self) -> None:
        unknown = sorted(set(self.field_map) - set(FIELD_ALIASES))
        if unknown:
            raise InputError(
                f"--map: unknown field {unknown[0]!r}; use one of {', '.join(FIELD_ALIASES)}"
            )
        for ours, theirs in self.field_map.items():
            if not isinstance(theirs, str) or not theirs.strip():
                raise InputError(f"--map: empty column name for {ours!r}; write {ours}=COLUMN")

    def names_for(self, ours: str) -> tuple[str, ...]:
        mapped = self.field_map.get(ours)
        return (mapped,) if mapped else FIELD_ALIASES[ours]


def parse_field_map(spec: str | None) -> dict[str, str]:
    """``"text=body,published=date"`` (the CLI's ``--map``) → ``{"text": "body", ...}``."""
    out: dict[str, str] = {}
    if not spec:
        return out
    for item in spec.split(","):
        if not item.strip():
            continue
        ours, sep, theirs = item.partition("=")
        if not sep or not ours.strip() or not theirs.strip():
            raise InputError(f"--map: cannot read {item.strip()!r}; write FIELD=COLUMN, e.g. "
                             "text=body,published=date")
        out[ours.strip()] = theirs.strip()
    ReadOptions(field_map=out)  # validates the field names
    return out


def fetch_options(settings, **overrides) -> ReadOptions:
    """:class:`ReadOptions` with the fetch settings of ``settings`` (a :class:`Settings`)."""
    values = dict(
        allowed_hosts=frozenset(h.strip().lower().rstrip(".")
                                for h in settings.fetch_allowed_hosts if h.strip()),
        deadline_s=settings.fetch_deadline_s,
        timeout_s=settings.fetch_timeout_s,
        host_interval_s=settings.fetch_host_interval_s,
        max_bytes=settings.fetch_max_bytes,
        max_record_chars=settings.max_record_chars,
    )
    values.update(overrides)
    return ReadOptions(**values)
