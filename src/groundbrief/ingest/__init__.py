"""Ingest: dumps, feeds, pages and URLs → normalised :class:`~groundbrief.models.Source` records.

Nothing here stores anything; the store compares ``content_hash`` to decide whether a Source
is new, updated or unchanged.
"""

from .dates import DateError, parse_date
from .fetch import Fetcher, check_url, forbidden_address, resolve_host
from .language import detect_language, normalise_language
from .markup import html_to_text
from .normalise import ArticleFields, build_source, source_id, title_from_text
from .options import FIELD_ALIASES, ReadOptions, fetch_options, parse_field_map
from .reader import LocationReader, read_sources
from .urls import canonical_url, host_of

__all__ = [
    "ArticleFields",
    "DateError",
    "FIELD_ALIASES",
    "Fetcher",
    "LocationReader",
    "ReadOptions",
    "build_source",
    "canonical_url",
    "check_url",
    "detect_language",
    "fetch_options",
    "forbidden_address",
    "host_of",
    "html_to_text",
    "normalise_language",
    "parse_date",
    "parse_field_map",
    "read_sources",
    "resolve_host",
    "source_id",
    "title_from_text",
]
