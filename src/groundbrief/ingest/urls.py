"""Canonical article URLs: one spelling per article, so re-ingesting it finds the same Source."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Parameters that identify a campaign or a click, never the article.
_TRACKING_EXACT = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid",
    "mc_eid", "_ga", "_gl", "ocid", "cmpid", "icid",
})
_TRACKING_PREFIXES = ("utm_",)
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str | None) -> str | None:
    """Lowercase scheme and host, no default port, no fragment, no tracking parameters.

    Other query parameters are kept in their order (``?id=123`` may be the article itself).
    Returns ``None`` for an empty value or anything that is not an absolute http(s) URL, since
    such a value cannot identify or link to an article.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    query = parts.query
    pairs = parse_qsl(query, keep_blank_values=True)
    if any(_is_tracking(k) for k, _ in pairs):
        # Rebuilt only when something is dropped, so an untouched query keeps its spelling.
        query = urlencode([(k, v) for k, v in pairs if not _is_tracking(k)])
    return urlunsplit((scheme, host, parts.path or "/", query, ""))


def host_of(url: str | None) -> str | None:
    """The host without ``www.``, e.g. for an outlet name when a dump gives only a site URL."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.lower().removeprefix("www.")


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in _TRACKING_EXACT or k.startswith(_TRACKING_PREFIXES)
