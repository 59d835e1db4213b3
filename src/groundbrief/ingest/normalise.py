"""One raw article record → one normalised :class:`Source` (or a :class:`Rejected`).

Every reader (dumps, feeds, pages) fills an :class:`ArticleFields` with the values as it found
them and hands it here, so that ids, hashes, URLs, dates and text hygiene (I9) are decided in one
place and re-reading the same input yields identical Sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..interfaces import Rejected
from ..models import Source, iso
from ..text import clean, clean_line, content_hash, scrub, sentence_spans, short_hash
from .dates import DateError, parse_date
from .language import detect_language, normalise_language
from .options import MAX_RECORD_CHARS
from .urls import canonical_url, host_of

# A dump id that already names its collection ("enwikinews:Some_page") is kept as it is.
_NAMESPACED = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*:(?!//)\S+")
_TITLE_MAX = 150  # characters of a title made from the first sentence
_ID_HASH_CHARS = 16  # 64 bits: no collision in any corpus this tool will hold
_TITLE_MIN_WORDS = 4
_WORD = re.compile(r"\w+")
_WAYBACK = re.compile(r"^/web/[0-9]{1,14}[a-z_]*/(.+)$")
# Bylines name a handful of people; a record listing thousands is broken or hostile, and
# keeping them all would cost time on every page that shows the source.
MAX_AUTHORS = 50


@dataclass
class ArticleFields:
    """Values as a reader found them; nothing here is cleaned or validated yet."""

    text: object = None
    title: object = None
    url: object = None
    published: object = None
    outlet: object = None
    language: object = None
    authors: object = None
    record_id: object = None
    attribution: object = None
    licence: object = None
    id_mapped: bool = False  # the user named the id column (--map id=...): use it verbatim


def build_source(
    fields: ArticleFields,
    *,
    where: str,
    origin: str,
    namespace: str | None = None,
    default_outlet: str | None = None,
    max_record_chars: int = MAX_RECORD_CHARS,
) -> Source | Rejected:
    """Normalise ``fields`` into a Source; ``where`` ("file:line") locates a rejection.

    Whatever the record holds, the answer is a Source or a Rejected, never an exception: one
    bad record must cost only itself, not the batch or the records after it.
    """
    where, origin = scrub(where), scrub(origin)  # file names may hold undecodable bytes
    try:
        return _build(fields, where=where, origin=origin, namespace=namespace,
                      default_outlet=default_outlet, max_record_chars=max_record_chars)
    except (ValueError, TypeError, OverflowError, RecursionError, LookupError) as exc:
        # _build's own checks cover every failure fuzzing has found; this names any other
        # one against its record instead of ending the ingest (docs/reliability.md).
        detail = scrub(str(exc).splitlines()[0] if str(exc) else "")[:120]
        return Rejected(where, f"unreadable record ({type(exc).__name__}: {detail}); fix or "
                               "remove it")


def _build(fields: ArticleFields, *, where: str, origin: str, namespace: str | None,
           default_outlet: str | None, max_record_chars: int) -> Source | Rejected:
    body = fields.text
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        body = "\n\n".join(body)  # some dumps store the body as a list of paragraphs
    raw = _as_text(body)
    if len(raw) > max_record_chars:
        return Rejected(where, f"the article text has {len(raw):,} characters, over the "
                               f"{max_record_chars:,} allowed for one record; split it or raise "
                               "GROUNDBRIEF_MAX_RECORD_CHARS")
    text = clean(raw)
    if not text:
        return Rejected(where, "empty text: the record has no article body (if the body is "
                               "under another name, map it with --map text=COLUMN)")
    url = canonical_url(_as_text(fields.url) or None)
    original = unarchived(url)  # an archived copy is credited to the original
    try:
        published = parse_date(fields.published)
    except DateError as exc:
        return Rejected(where, f"{exc}; fix the date or map another field with "
                               "--map published=FIELD")
    outlet = _outlet(fields.outlet) or (_line(default_outlet) or None)
    if original and outlet and outlet.lower() in ("web.archive.org", "archive.org"):
        outlet = None
    if original:
        url, archived_at = original, url
    else:
        archived_at = None
    outlet = outlet or ("Wikinews" if _is_wikinews(url) else host_of(url))
    title = _line(fields.title) or title_from_url(url) or title_from_text(text) or untitled(
        outlet, published)
    language = normalise_language(fields.language) or detect_language(text)
    rid = _as_text(fields.record_id).strip()
    attribution = _attribution(fields, url, outlet)
    if archived_at:
        attribution = "; ".join(p for p in (attribution, f"archived copy: {archived_at}") if p)
    return Source(
        id=rid if rid and fields.id_mapped else source_id(
            rid, url, _slug(outlet) or namespace, title, text),
        url=url,
        title=title,
        outlet=outlet,
        authors=_authors(fields.authors),
        published_at=published,
        language=language,
        text=text,
        content_hash=content_hash(title, text, url or "", iso(published) or ""),
        attribution=attribution,
        origin=origin,
        where=where,
    )


def source_id(record_id: object, url: str | None, namespace: str | None, title: str,
              text: str) -> str:
    """Stable id: a namespaced dump id as is, else the canonical URL's hash, else the dump id
    under the outlet's namespace ("reuters:1"; never the file's name, so one dump read under two
    names gives one set of ids), else a hash of title and text."""
    rid = _as_text(record_id).strip()
    if rid and _NAMESPACED.fullmatch(rid):
        return rid
    if url:
        return "src_" + short_hash(url, _ID_HASH_CHARS)
    if rid and namespace:
        return f"{namespace}:{rid}"
    return "src_" + short_hash(f"{title}\x00{text}", _ID_HASH_CHARS)


def title_from_text(text: str) -> str:
    """The first sentence, when it reads as a headline would (a whole sentence of a few words
    or more; "No." or "Yes, but." is not a title): else "". A long one is cut at a word
    boundary and marked with "…"."""
    head = text[: _TITLE_MAX * 4]
    spans = sentence_spans(head)
    first = head[spans[0][0]: spans[0][1]] if spans else head
    first = " ".join(first.split())
    if len(_WORD.findall(first)) < _TITLE_MIN_WORDS:
        return ""
    if len(first) <= _TITLE_MAX:
        return first
    cut = first[:_TITLE_MAX]
    space = cut.rfind(" ")
    if space > _TITLE_MAX // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


def title_from_url(url: str | None) -> str:
    """A headline slug of the URL's last path segment ("/2024/05/bridge-reopens-after-repairs"
    → "Bridge reopens after repairs"), when it has words enough to be one; else ""."""
    if not url:
        return ""
    segment = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    segment = re.sub(r"\.(?:s?html?|php|aspx?)$", "", segment, flags=re.I)
    words = [w for w in re.split(r"[-_+]+", segment) if w]
    if len(words) < _TITLE_MIN_WORDS or not all(w.isalpha() or w.isdigit() for w in words):
        return ""
    if sum(w.isalpha() for w in words) < _TITLE_MIN_WORDS:
        return ""
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def untitled(outlet: str | None, published) -> str:
    """A label that says plainly there is no title, rather than a fragment of the text."""
    when = published.strftime("%d %b %Y") if published is not None else None
    detail = ", ".join(p for p in (outlet, when) if p)
    return f"Untitled ({detail})" if detail else "Untitled"


def unarchived(url: str | None) -> str | None:
    """The original article's canonical URL when ``url`` is a Wayback Machine copy
    (``web.archive.org/web/20200101000000/https://outlet.example/story``), else None."""
    if not url or host_of(url) not in ("web.archive.org", "wayback.archive.org"):
        return None
    m = _WAYBACK.match(urlsplit(url).path + ("?" + urlsplit(url).query if urlsplit(url).query
                                             else ""))
    if not m:
        return None
    inner = m.group(1)
    if not re.match(r"https?://", inner, re.I):
        inner = "http://" + inner.lstrip("/")
    return canonical_url(re.sub(r"^(https?):/(?!/)", r"\1://", inner, flags=re.I))


def _slug(outlet: str | None) -> str | None:
    if not outlet:
        return None
    slug = re.sub(r"[^\w.]+", "-", outlet.lower()).strip("-.")
    return slug or None


def _as_text(value: object) -> str:
    # Every string from a record passes here first: this is the boundary where it is
    # scrubbed (surrogates, control characters, NFC) so no later stage can meet them.
    if value is None:
        return ""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, float):
        return repr(value) if value == value and abs(value) != float("inf") else ""
    if isinstance(value, int) and not isinstance(value, bool):
        # str() of an int over 4,300 digits raises; no id or title is that long.
        return str(value) if value.bit_length() < 1024 else ""
    return ""


def _line(value: object) -> str:
    # clean_line costs a few regex passes; most optional fields are absent.
    s = _as_text(value)
    return clean_line(s) if s else ""


def _outlet(value: object) -> str | None:
    s = _line(value)
    if not s:
        return None
    # Dumps such as FakeNewsNet give the site's URL as its "source".
    if re.match(r"https?://", s, re.IGNORECASE):
        return host_of(s)
    return s


def _authors(value: object) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        # ";" separates people in trafilatura and most CMS exports; "," does not ("Smith, J.").
        parts = value.split(";", MAX_AUTHORS * 4)
    elif isinstance(value, (list, tuple)):
        parts = [_as_text(v.get("name") if isinstance(v, dict) else v)
                 for v in value[: MAX_AUTHORS * 4]]
    else:
        return []
    out: list[str] = []
    seen: set[str] = set()
    for part in parts:
        name = clean_line(part)
        if name and name not in seen:
            seen.add(name)
            out.append(name)
            if len(out) >= MAX_AUTHORS:
                break
    return out


def _is_wikinews(url: str | None) -> bool:
    host = host_of(url) or ""
    return host == "wikinews.org" or host.endswith(".wikinews.org")


def _attribution(fields: ArticleFields, url: str | None, outlet: str | None) -> str | None:
    explicit = _line(fields.attribution)
    if explicit:
        return explicit
    if _is_wikinews(url):
        return f"Wikinews, {url}, CC BY 2.5; converted to plain text"
    licence = _line(fields.licence)
    if licence:
        return ", ".join(p for p in (outlet, url, licence) if p)
    return None
