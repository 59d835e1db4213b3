"""What a source looks like to story grouping: its lead's meaning, its names and its date.

A story is one event. Two reports of one event open alike (their leads are close in the
embedding space), name the same people, places and bodies, and appear within days of each
other; two reports that share only a common word or a number do none of these. A profile holds
exactly those three signals, computed once when the source is indexed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Passage, Source
from ..verify.names import _ALIASES as NAME_ALIASES  # the verifier's table: one list of aliases
from ..verify.names import extract_names, name_key
from ..verify.surface import STOPWORDS

#: Passages of the lead that stand for the source. A report's opening carries its event; later
#: paragraphs drift into background and reactions that other stories share.
LEAD_PASSAGES = 4
#: Characters of the text read for names, beyond the title: the lead names the event's actors.
NAME_CHARS = 2000
# Demonym endings: "Belgian" names Belgium, "Chinese" China, "Brazilian" Brazil. A brief says
# "Belgian MEP" where the report says "Belgium's prime minister".
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "an")
_MIN_STEM = 4


@dataclass(frozen=True)
class SourceProfile:
    source_id: str
    vector: np.ndarray  # float32, L2-normalised mean of the lead passages' vectors
    names: frozenset[str]  # name keys (verify.names.name_key) of the title and lead
    published_ts: float | None


def profile(source: Source, passages: Sequence[Passage], vectors: np.ndarray) -> SourceProfile:
    """The profile of ``source`` from its passages and their vectors (rows in passage order)."""
    order = sorted(range(len(passages)), key=lambda i: passages[i].ordinal)[:LEAD_PASSAGES]
    # float16 as stored, so a profile made at ingest equals one rebuilt from the store.
    lead = np.asarray(vectors, dtype=np.float16)[order].astype(np.float32) if order else (
        np.zeros((1, vectors.shape[1] if vectors.ndim == 2 else 1), dtype=np.float32))
    mean = lead.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    vector = (mean / norm if norm > 0 else mean).astype(np.float32)
    return SourceProfile(
        source_id=source.id,
        vector=vector,
        names=names_of(source.title + ".\n\n" + source.text[:NAME_CHARS]),
        published_ts=source.published_at.timestamp() if source.published_at else None,
    )


def names_of(text: str, aliases: bool = True) -> frozenset[str]:
    """Name keys of ``text`` ("Orbán's" and "Orban" alike), without one-letter leftovers, with
    the aliases of each ("eu" and "european union"), so that two texts naming one body two ways
    share its name."""
    keys = {k for k in (name_key(n) for n in extract_names(text)) if len(k) > 1}
    if not aliases:
        return frozenset(keys)
    return frozenset(keys | {a for k in keys for a in NAME_ALIASES.get(k, ())})


def name_words(names: frozenset[str] | set[str]) -> frozenset[str]:
    """The words of ``names`` that can tie two reports together: "brazilian president luiz
    inacio lula da silva" and "lula" share "lula". Short words and function words are dropped."""
    return frozenset(w for n in names for w in n.split() if len(w) >= 3 and w not in STOPWORDS)


def demonym_stems(names: frozenset[str] | set[str]) -> set[str]:
    """Stems of the single-word names that read as demonyms ("belgian" -> "belg")."""
    stems = set()
    for name in names:
        if " " in name:
            continue
        for ending in _DEMONYM_ENDINGS:
            if name.endswith(ending) and len(name) - len(ending) >= _MIN_STEM:
                stems.add(name[: -len(ending)])
                break
    return stems


# Words that end many names without identifying anyone: "Brazilian President" and "President
# Bush" do not share a person, "Labour Party" and "Green Party" no party.
GENERIC_LAST = frozenset(
    """president minister secretary chancellor premier leader spokesman spokeswoman spokesperson
    official officials party union council commission ministry department government agency
    company group corporation bank court committee office house state states city university
    news times post service association republic kingdom nations""".split())


def shares_name(wanted: str, names: frozenset[str] | set[str]) -> bool:
    """Whether ``names`` holds ``wanted``: the same key or an alias; for a person, the same
    surname ("george w bush" and "president bush", "assita kanko" and "kanko"); for a
    one-word name, a word of a longer one ("canada" in "prime minister of canada"); or the
    country of a demonym ("belgium" for "belgian")."""
    if wanted in names:
        return True
    words = name_words(names)
    if " " in wanted:
        last = wanted.rsplit(" ", 1)[1]
        return (len(last) >= 4 and last not in GENERIC_LAST
                and any(n == last or n.endswith(" " + last) for n in names))
    if len(wanted) >= 4 and wanted not in GENERIC_LAST and wanted in words:
        return True
    stems = demonym_stems({wanted})
    return any(w.startswith(st) for st in stems for w in words)
