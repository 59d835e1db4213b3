"""Derive groundbrief's antonym table from WordNet 3.0's database files.

    python scripts/build_antonyms.py [--wordnet /usr/share/wordnet] [--out PATH] [--check]

Reads the Princeton WordNet 3.0 data files (Debian's ``wordnet-base`` package installs them in
/usr/share/wordnet; ``apt-get install wordnet-base``) and writes
``src/groundbrief/data/lexicon/antonyms_en.tsv``: one pair of single-word English lemmas per
line, ``POS<TAB>word<TAB>opposite<TAB>how``, both directions. The verifier reads that table
(verify/antonyms.py) so that a claim whose verb or adjective is the opposite of the source's
("praised" / "criticised", "enacted" / "repealed", "compulsory" / "voluntary") is a conflict
without every pair being written by hand. The table is shipped, not WordNet: the runtime needs
no system package and loads 100 KB instead of parsing 30 MB.

How a pair gets in (``how``):

* ``direct``: WordNet's own antonym pointer between two word senses ("praise" / "criticize").
* ``synonym``: a synonym in the same sense as one side ("criticise", "knock" for "criticize").
* ``similar``: an adjective that WordNet lists as similar to one side ("excellent" ~ "good")
  against the other side itself -- WordNet's indirect antonyms. Never two similars against each
  other ("brief" ~ "short" / "lengthy" ~ "long"): there the senses drift ("velvety" / "rocky",
  "fifth" / "fortieth").

Left out: multi-word entries ("give_notice"), and words whose every use is too broad to
contradict anything on its own (``_TOO_BROAD``: "take" / "give", "come" / "go", "have" /
"lack"; "first" / "last", "new" / "old", "both" / "all", "north" / "south" qualify different
things more often than opposite states of one thing -- "North Korea" -- and the verifier's own
list keeps the pairs of them it trusts). ``--check`` exits non-zero when the shipped table
differs from what the WordNet files give (tests/test_antonyms.py runs it where WordNet is
installed).

WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. The table is derived
from WordNet under its licence, reproduced in src/groundbrief/data/lexicon/WORDNET_LICENSE.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "groundbrief" / "data" / "lexicon" / "antonyms_en.tsv"
FILES = {"verb": "data.verb", "adj": "data.adj", "adv": "data.adv", "noun": "data.noun"}
# A word's senses in the order of their frequency in WordNet's tagged texts (index.<pos>): a
# pair counts only when it joins senses a reader would take first (``_RANK``), so "black" (a
# colour first) is not the opposite of "good", though one of its senses is similar to "bad".
INDEXES = {"verb": "index.verb", "adj": "index.adj", "adv": "index.adv", "noun": "index.noun"}
_RANK = {"direct": 2, "synonym": 2, "similar": 1}
_POS_CODE = {"n": "noun", "v": "verb", "a": "adj", "s": "adj", "r": "adv"}

# Too broad to contradict anything alone: light verbs and a few qualifiers that name different
# things more often than opposite states of one thing.
_TOO_BROAD = frozenset("""
be have do make take give get go come put set keep hold let bring stay remain stand sit lie
run turn play work show leave send carry call break catch
first last new same different other own left right front back top bottom in out on off
here there this that up down inside outside early late before after
both all some any each every none few many much
north south east west northern southern eastern western northward southward eastward westward
""".split())


class Synset:
    __slots__ = ("pos", "words", "antonyms", "similar", "head")

    def __init__(self, pos: str, words: list[str]) -> None:
        self.pos = pos
        self.words = words
        # (source word, target synset key, target word)
        self.antonyms: list[tuple[int, str, int]] = []
        self.similar: list[str] = []  # synset keys of similar adjectives
        self.head = True  # False for an adjective satellite


def _word(raw: str) -> str:
    # adjective markers: "galore(ip)", "elect(p)"
    return raw.split("(")[0].lower()


def wordnet_lines(path: Path, script: str = "build_antonyms") -> list[str]:
    """The lines of one WordNet database file, without its licence header (lines opening with
    two spaces); a missing file stops ``script`` with a one-line error saying what to install."""
    if not path.exists():
        raise SystemExit(f"{script}: error: {path} is missing; install WordNet 3.0 "
                         "(apt-get install wordnet-base) or pass --wordnet DIR")
    return [line for line in path.read_text(encoding="latin-1").splitlines()
            if not line.startswith("  ")]


def index_senses(line: str) -> tuple[str, list[str]]:
    """A lemma of an index.<pos> line and its sense offsets, most frequent first."""
    f = line.split()
    return f[0].lower(), f[4 + int(f[3]) + 2:]


def ranks(wordnet: Path) -> dict[tuple[str, str], int]:
    """(word, synset key) -> the sense's rank among the word's senses (1: most frequent)."""
    out: dict[tuple[str, str], int] = {}
    for pos, name in INDEXES.items():
        for line in wordnet_lines(wordnet / name):
            word, offsets = index_senses(line)
            for rank, offset in enumerate(offsets, 1):
                out[(word, f"{pos}:{offset}")] = rank
    return out


def read(wordnet: Path) -> dict[str, Synset]:
    synsets: dict[str, Synset] = {}
    for pos, name in FILES.items():
        for line in wordnet_lines(wordnet / name):
            body = line.split(" | ", 1)[0].split()
            offset, ss_type = body[0], body[2]
            n = int(body[3], 16)
            words = [_word(body[4 + 2 * i]) for i in range(n)]
            i = 4 + 2 * n
            p_cnt = int(body[i])
            syn = Synset(pos, words)
            syn.head = ss_type != "s"
            for k in range(p_cnt):
                symbol, target, tpos, st = body[i + 1 + 4 * k: i + 5 + 4 * k]
                key = f"{_POS_CODE[tpos]}:{target}"
                if symbol == "!":
                    syn.antonyms.append((int(st[:2], 16), key, int(st[2:], 16)))
                elif symbol == "&":
                    syn.similar.append(key)
            synsets[f"{pos}:{offset}"] = syn
    return synsets


def _usable(word: str) -> bool:
    return word.isalpha() and word not in _TOO_BROAD and len(word) > 2


def pairs(synsets: dict[str, Synset],
          sense_rank: dict[tuple[str, str], int]) -> dict[tuple[str, str, str], str]:
    """(pos, word, opposite) -> how, both directions; the strongest ``how`` wins."""
    out: dict[tuple[str, str, str], str] = {}
    rank = {"direct": 0, "synonym": 1, "similar": 2}

    def add(pos: str, a: str, b: str, how: str, sa: str, sb: str) -> None:
        if a == b or not (_usable(a) and _usable(b)):
            return
        limit = _RANK[how]
        if sense_rank.get((a, sa), 99) > limit or sense_rank.get((b, sb), 99) > limit:
            return
        for key in ((pos, a, b), (pos, b, a)):
            if key not in out or rank[how] < rank[out[key]]:
                out[key] = how

    satellites: dict[str, list[str]] = defaultdict(list)  # head synset -> its similar satellites
    for key, syn in synsets.items():
        if syn.head:
            for other in syn.similar:
                satellites[key].append(other)
    for key, syn in synsets.items():
        for src, target_key, tgt in syn.antonyms:
            target = synsets.get(target_key)
            if target is None or not src or not tgt:
                continue
            a, b = syn.words[src - 1], target.words[tgt - 1]
            add(syn.pos, a, b, "direct", key, target_key)
            for w in syn.words:
                add(syn.pos, w, b, "synonym", key, target_key)
            for w in target.words:
                add(syn.pos, a, w, "synonym", key, target_key)
            if syn.pos == "adj":
                # indirect antonyms: what is similar to one head against the other head's words
                for sat in satellites.get(key, ()):
                    for w in synsets[sat].words:
                        for v in target.words:
                            add("adj", w, v, "similar", sat, target_key)
    return out


def render(table: dict[tuple[str, str, str], str]) -> str:
    lines = [
        "# WordNet 3.0 antonyms for groundbrief's verifier: POS, word, opposite, how.",
        "# Generated by scripts/build_antonyms.py; do not edit. WordNet 3.0 Copyright 2006 by",
        "# Princeton University. All rights reserved. Licence: WORDNET_LICENSE beside this file.",
    ]
    lines += ["\t".join((pos, a, b, how)) for (pos, a, b), how in sorted(table.items())]
    return "\n".join(lines) + "\n"


def table_main(argv: list[str] | None, *, name: str, doc: str, out: Path,
               make: Callable[[Path], str], unit: str, header: int) -> int:
    """The command line of a table derived from WordNet (this script's and
    scripts/build_verb_kin.py's): write it, or with ``--check`` compare it with the shipped one."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    ap.add_argument("--wordnet", type=Path,
                    default=Path(os.environ.get("GROUNDBRIEF_WORDNET", "/usr/share/wordnet")))
    ap.add_argument("--out", type=Path, default=out)
    ap.add_argument("--check", action="store_true",
                    help="exit 1 when the shipped table differs from what WordNet gives")
    args = ap.parse_args(argv)
    text = make(args.wordnet)
    if args.check:
        if args.out.read_text(encoding="utf-8") != text:
            print(f"{name}: {args.out} is not what {args.wordnet} gives; run "
                  f"python scripts/{name}.py", file=sys.stderr)
            return 1
        print(f"{name}: {args.out} matches {args.wordnet}")
        return 0
    args.out.write_text(text, encoding="utf-8")
    print(f"{name}: wrote {text.count(chr(10)) - header} {unit} to {args.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return table_main(argv, name="build_antonyms", doc=__doc__ or "", out=OUT,
                      make=lambda wordnet: render(pairs(read(wordnet), ranks(wordnet))),
                      unit="pairs", header=3)


if __name__ == "__main__":
    sys.exit(main())
