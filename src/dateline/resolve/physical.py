"""Macro-regions, seas, oceans, lakes, rivers, ranges and deserts: a small table of our own.

Why a table and not the gazetteer: GeoNames' populated places and first-level regions
hold none of these, yet share many of their names with small towns ("Middle East",
Maryland; "Atlantic", Iowa; "Pacific", Missouri), so the gazetteer alone reads "the
Middle East" as a Baltimore neighbourhood. The table (``resources/places/physical.tsv``,
its header says the convention for the points) is read once at run time; a name it holds
is never resolved to a town of that name, unless the text pins the town ("Atlantic,
Iowa").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from dateline.resolve.gazetteer import Candidate
from dateline.resolve.names import name_key

__all__ = ["Feature", "features", "lookup"]

_FILE = ("places", "physical.tsv")
_FIRST_EID = -1_000_000  # table entries get negative ids, apart from the gazetteer's


@dataclass(frozen=True, slots=True)
class Feature:
    """One row of the table: the candidate it reads as, and whether it needs "the"."""

    candidate: Candidate
    after_the: bool


@functools.cache
def features() -> dict[str, list[Feature]]:
    """Name key -> the table's features of that name (read once per process)."""
    text = resources.files("dateline.resources").joinpath(*_FILE).read_text(encoding="utf-8")
    table: dict[str, list[Feature]] = {}
    for n, line in enumerate(line for line in text.splitlines() if line.strip() and not line.startswith("#")):
        name, feature, lat, lon, cc, aliases = (line.split("\t") + [""] * 6)[:6]
        forms = [name, *(a for a in aliases.split("|") if a)]
        bare = name[4:] if name.startswith("the ") else name
        cand = Candidate(
            eid=_FIRST_EID - n,
            gid=None,
            name=bare,
            feature=feature,
            cc=cc or None,
            admin1=None,
            admin2=None,
            lat=float(lat),
            lon=float(lon),
            pop=0,
        )
        for form in forms:
            after_the = form.startswith("the ")
            key = name_key(form[4:] if after_the else form)
            table.setdefault(key, []).append(Feature(cand, after_the))
    return table


def lookup(text: str, after_the: bool) -> Candidate | None:
    """The table's feature called ``text``; ``after_the``: the text has "the" before it."""
    for feat in features().get(name_key(text), []):
        if after_the or not feat.after_the:
            return feat.candidate
    return None
