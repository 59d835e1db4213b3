"""Figures of an aligned clause against the claim's: how many, how much, at what age, by what
multiple, in which currency and unit. Two figures of one kind in one role that cannot both hold
are a conflict ("sources say 95, not 89 (the age)"); a figure the clause gives of another thing,
or in another currency, is no comparison at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..words import FIGURE_AT_LEAST_EN, FIGURE_AT_MOST_EN, FIGURE_NEARLY_EN
from .findings import Finding, Relation
from .participants import arg_same, is_pronoun
from .parts import AGENT, CURRENCIES, CURRENCY_WORDS, PATIENT, Argument, Figure, Frame, norm


def figure_equal(a: Figure, b: Figure) -> bool:
    """The same value, to half a per cent; a score only exactly."""
    if a.value == b.value:
        return True
    if a.kind == "score" or b.kind == "score":
        return False  # a result is its two figures exactly: "2-1" is not "2-0"
    hi = max(abs(a.value), abs(b.value))
    return hi > 0 and abs(a.value - b.value) / hi < 0.005


def figure_allows(fig: Figure, cf: Frame, other: Figure, pf: Frame) -> bool:
    """Whether the claim's figure, read with its qualifier and its rounding ("about 8 per cent",
    "nearly 32 million", "42%"), allows the passage's figure of the same kind (8.13 pct)."""
    from .figures import extract_figures

    def stated(f: Figure, sentence: str):
        return [g for g in extract_figures(sentence) if abs(g.value - f.value) <= 0.005 * max(1.0, abs(f.value))]

    return any(c.allows(p) for c in stated(fig, cf.sentence or cf.text)
               for p in stated(other, pf.sentence or pf.text))


def compare_figures(cf: Frame, pf: Frame, pframes: Sequence[Frame]) -> list[Finding]:
    from .checks import check_dates

    out = []
    # A figure beside a period the passage does not name, or names differently ("March load
    # factor 55.5 pct" for the claim's "February ... 57.9 pct"), is another period's figure.
    period = check_dates(cf.sentence or cf.text, pf.sentence)
    if period.missing or period.conflicting:
        return out
    for fig in cf.figures:
        same_kind = [f for f in pf.figures if f.kind == fig.kind]
        mine = _currency(fig, cf.sentence or cf.text) if fig.kind == "money" else None
        unit = _UNIT_OF.get(fig.kind)
        if not same_kind and unit is not None:
            other = next((f for f in pf.figures if _UNIT_OF.get(f.kind, ("", ""))[0] == unit[0]
                          and _UNIT_OF[f.kind][1] != unit[1] and figure_equal(fig, f)), None)
            if other is not None:
                # "3 km" / "3 miles": the same number of another unit of the same measure
                out.append(Finding(f"figure:{unit[0]}", f"{fig.text} {unit[1]}",
                                   f"{other.text} {_UNIT_OF[other.kind][1]}", Relation.CONFLICT))
                continue
        if not same_kind:
            # an age is a property of the person, often stated in a sentence of its own
            # ("He was 95"): look at clauses of the passage about the claim's subject
            if fig.kind == "age":
                same_kind = [f for fr in pframes if _about_subject(cf, fr)
                             for f in fr.figures if f.kind == "age"]
            if not same_kind:
                continue
        if any(figure_equal(fig, f) for f in same_kind):
            other = next(f for f in same_kind if figure_equal(fig, f))
            theirs = _currency(other, pf.sentence or pf.text) if mine else None
            if mine and theirs and mine != theirs:
                # "$5 billion" / "5 billion euros": the same number of another currency
                out.append(Finding("figure:money", _money_text(fig, cf), _money_text(other, pf),
                                   Relation.CONFLICT))
                continue
            cb, pb = _bound(fig, cf.sentence or cf.text), _bound(other, pf.sentence)
            if cb and pb and cb[0] != pb[0]:
                # "more than 200" / "fewer than 200": one number, bounds on opposite sides
                out.append(Finding(f"figure:{fig.kind}", f"{cb[1]} {fig.text}",
                                   f"{pb[1]} {other.text}", Relation.CONFLICT))
                continue
            if fig.change and other.change and fig.change != other.change and not any(
                    figure_equal(fig, f) and f.change == fig.change for f in same_kind):
                # "rose to 5%" / "rose by 5%": a level is not an amount of change
                out.append(Finding(f"figure:{fig.kind}", f"{fig.change} {fig.text}",
                                   f"{other.change} {other.text}", Relation.UNBACKED))
            continue
        if mine and all((o := _currency(f, pf.sentence or pf.text)) is not None and o != mine
                        for f in same_kind):
            continue  # amounts in two currencies are two amounts, not one changed
        if fig.kind != "score" and any(figure_allows(fig, cf, f, pf) for f in same_kind):
            continue  # "about 8 per cent" or "8 pct" for the passage's "8.13 pct"
        if cf.dates and pf.dates and not _dates_match(cf, pf):
            continue  # another period: a figure and a date that both differ
        relation = Relation.UNBACKED if _other_quantity(cf, pf) else Relation.CONFLICT
        out.append(Finding(f"figure:{fig.kind}", fig.text, same_kind[0].text, relation))
    return out


#: Units of one measure, by the count kind parts.py gives a figure ("count:km"): (measure,
#: the unit as shown)
_UNIT_OF = {f"count:{u}": (measure, shown) for measure, units in {
    "length": {"km": "km", "kilometre": "km", "kilometer": "km", "mile": "miles", "metre": "m",
               "meter": "m", "foot": "feet", "feet": "feet", "yard": "yards"},
    "weight": {"kg": "kg", "kilogram": "kg", "tonne": "tonnes", "ton": "tons", "lb": "lb"},
    "area": {"hectare": "hectares", "acre": "acres"},
    "volume": {"litre": "litres", "liter": "litres", "gallon": "gallons", "barrel": "barrels"},
}.items() for u, shown in units.items()}


def _currency(fig: Figure, sentence: str) -> str | None:
    """The currency written at the figure in the sentence ("$5 billion", "5 billion euros"),
    as a code of parts.CURRENCIES; None when none is written there."""
    at = sentence.find(fig.text)
    if at < 0:
        return None
    before, after = sentence[max(0, at - 3):at], sentence[at + len(fig.text):at + len(fig.text) + 24]
    # the currency word may follow a country's name: "1,325 French francs", "U.S. dollars"
    following = [w.strip(".,;").lower() for w in after.split()[:2]]
    for code, words in CURRENCIES.items():
        if any(w in words for w in following) or any(
                sym in before for sym in words if not sym.isalpha()):
            return code
    return None


def _money_text(fig: Figure, frame: Frame) -> str:
    sentence = frame.sentence or frame.text
    at = sentence.find(fig.text)
    if at < 0:
        return fig.text
    before = sentence[max(0, at - 1):at]
    after = (sentence[at + len(fig.text):].split() or [""])[0].strip(".,;")
    if before in ("$", "€", "£", "¥"):
        return before + fig.text
    return f"{fig.text} {after}" if after.lower() in CURRENCY_WORDS else fig.text


def figures_of_deed(cf: Frame, pf: Frame, pframes: Sequence[Frame]) -> list[Finding]:
    """The claim's deed told in another clause of the aligned sentence, with another figure:
    "The treaty was signed by 40 countries but ratified by only 12" against "ratified by 40
    countries" aligns with "signed" (the treaty, the 40 countries), but what it says of
    ratifying is 12. A bare number there ("only 12") counts what the claim counts."""
    out: list[Finding] = []
    for f in pframes:
        if f is pf or f.sentence != pf.sentence or f.predicate != cf.predicate \
                or f.negated != cf.negated or f.under_negation:
            continue
        ca, fa = cf.args.get(AGENT), f.args.get(AGENT)
        if ca is not None and fa is not None and ca.name_type and fa.name_type \
                and not arg_same(ca, fa):
            continue  # another doer's deed: "the Ivory Coast was offering" beside Ghana's
        for fig in cf.figures:
            mine = _currency(fig, cf.sentence or cf.text)
            theirs = [g for g in f.figures if (g.kind == fig.kind or "number" in (g.kind, fig.kind))
                      and not (mine and (o := _currency(g, f.sentence)) and o != mine)]
            if theirs and not any(figure_equal(fig, g) for g in theirs):
                out.append(Finding(f"figure:{fig.kind}", fig.text, theirs[0].text,
                                   Relation.CONFLICT))
        break
    return out


_AT_LEAST = re.compile(rf"\b({'|'.join(FIGURE_AT_LEAST_EN)})\s*$", re.IGNORECASE)
# "nearly 100" is below 100 as "fewer than 100" is
_AT_MOST = re.compile(rf"\b({'|'.join(FIGURE_AT_MOST_EN + FIGURE_NEARLY_EN)})\s*$", re.IGNORECASE)


def _bound(fig: Figure, sentence: str) -> tuple[str, str] | None:
    """Which side of the figure the sentence puts the quantity, with the words that say it:
    ("above", "more than") for "more than 200", ("below", "fewer than") for "fewer than
    200"; None for a figure stated as it is, or not found in the sentence."""
    at = sentence.find(fig.text)
    if at < 0:
        return None
    before = sentence[max(0, at - 30):at]
    for side, pattern in (("above", _AT_LEAST), ("below", _AT_MOST)):
        m = pattern.search(before)
        if m:
            return side, m.group(1)
    return None


def _other_quantity(cf: Frame, pf: Frame) -> bool:
    """Whether the two clauses name one thing with different qualifiers, so their figures may
    count different things: "Nigeria's urban population was 7 million" and "Nigeria's
    population was 45.1 million" (a part and its whole) are not one figure given twice."""
    # The doer of a deed done to something is not what its figure counts: "the bank" /
    # "the central bank raised rates by half a point" count the same rates.
    def counted(f: Frame) -> list[Argument]:
        return [a for r, a in f.args.items() if not (r == AGENT and PATIENT in f.args)]

    return any(c.head == p.head and not c.name_type and set(c.modifiers) != set(p.modifiers)
               for c in counted(cf) for p in counted(pf))


def figures_elsewhere(cf: Frame, pframes: Sequence[Frame]) -> tuple[Finding, ...]:
    """Without an aligned clause, only an age stated of the claim's subject can conflict."""
    out = []
    for fig in cf.figures:
        if fig.kind != "age":
            continue
        ages = [f for fr in pframes if _about_subject(cf, fr) for f in fr.figures
                if f.kind == "age"]
        if ages and not any(figure_equal(fig, f) for f in ages):
            out.append(Finding("figure:age", fig.text, ages[0].text, Relation.CONFLICT))
    return tuple(out)




def _about_subject(cf: Frame, fr: Frame) -> bool:
    subj = cf.args.get(AGENT) or cf.args.get(PATIENT)
    other = fr.args.get(AGENT) or fr.args.get(PATIENT)
    if subj is None or other is None:
        return False
    return is_pronoun(other) and other.head in ("he", "she") or arg_same(subj, other)


def _dates_match(cf: Frame, pf: Frame) -> bool:
    return any(norm(a) == norm(b) or norm(a) in norm(b) or norm(b) in norm(a)
               for a in cf.dates for b in pf.dates)
