"""A kind word beside a name says which of its readings the text means.

"Myanmar's Sagaing region", "the Kenyan county of Mandera", "Mandera town": the noun
after a name (or "the <noun> of" before it) names the kind of place, and the gazetteer
often holds a region and its chief town under one name. The word is evidence for the
reading of that kind (the ``kind_match`` feature of ``resolve.scoring``, decided by
``resolve.geocode.kind_matches``), not a filter:
a "district" in one country is a second-level region, in another a part of a town.

Where the words say a region and no region bears the name, the region may be spelt
another way in GeoNames (its first-level "Sagain" for "Sagaing", "Deir ez-Zor" for "Dier
al-Zor"): the regions of the countries the text names whose name is close
(``rapidfuzz.fuzz.ratio`` >= ``ADMIN_CUTOFF`` with any of their names, see
design/NOTES.md) join the readings, and so do the regions named like the town a close
spelling names (the fuzzy index keeps one entry per spelling, mostly the town's).
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz import fuzz, process

from dateline.extract.places.mentions import DIRECTIONS
from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.geocode import TOWN_NOUNS
from dateline.resolve.names import name_key

__all__ = ["ADMIN_CUTOFF", "ADMIN_NOUNS", "admin_variants", "kind_beside", "kind_of"]

# nouns for administrative divisions (the English names GeoNames' ADM1/ADM2 entries go by);
# not "department" or "division", which news uses for a store, a police force or an army
ADMIN_NOUNS = frozenset(
    [
        "province",
        "region",
        "state",
        "governorate",
        "county",
        "district",
        "prefecture",
        "oblast",
        "parish",
        "emirate",
        "krai",
        "wilaya",
    ]
)


ADMIN_CUTOFF = 85.0  # ratio: a transliteration of the same name, not a neighbour's name


def _kind(word: str) -> str | None:
    w = word.lower()
    return w if w in ADMIN_NOUNS or w in TOWN_NOUNS else None


def kind_of(span) -> str | None:
    """The noun ("region", "county", "town") that says a name's kind, else None.

    A word beside the name (``kind_beside``), else the name's own last word ("Harris
    County", "Mexico City").
    """
    if (k := kind_beside(span)) is not None:
        return k
    return _kind(span[-1].text) if len(span) > 1 else None


def kind_beside(span) -> str | None:
    """The kind noun where a word outside the name says it: the noun right after it in
    lower case ("Sagaing region", "Mandera town"), or "the <noun> of" before it ("the
    county of Mandera", "the Kenyan county of Mandera", "Syria's province of Idlib"; not
    "a county of Taiwan", which names what holds the county, nor "the Rim district of
    Riyom", where the district has a name of its own).
    """
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.is_lower and (k := _kind(nxt.text)):
        return k
    if span.start < 3 or doc[span.start - 1].lower_ != "of" or not doc[span.start - 2].is_lower:
        return None
    j = span.start - 3
    while j > 0 and (doc[j].pos_ in ("ADJ", "SPACE") or doc[j].ent_type_ == "NORP") and doc[j].tag_ != "POS":
        j -= 1  # "the northeastern Syrian province of Raqqa"
    if doc[j].lower_ != "the" and doc[j].tag_ != "POS":
        return None
    return _kind(doc[span.start - 2].text)


def admin_variants(gaz: Gazetteer, text: str, countries: list[str]) -> tuple[Candidate, ...]:
    """Regions of ``countries`` whose name is a close spelling of ``text`` ("Sagain")."""
    key = name_key(text)
    words = key.split()
    if len(key) < 5 or _kind(words[0]) or _kind(words[-1]) or any(w in DIRECTIONS for w in words):
        # "North Eastern Province": the kind word or the compass would make the match
        return ()
    out: dict[int, Candidate] = {}
    for cc in countries:
        keys, eids = gaz.names_in(cc, key[0])
        for _, _, idx in process.extract(
            key, keys, scorer=fuzz.ratio, score_cutoff=ADMIN_CUTOFF, limit=10, processor=None
        ):
            cand = gaz.entry(eids[idx])
            if cand is None:
                continue
            # the spelling's own entry, or the region that bears the name of the town it
            # spells ("Deir al-Zor" spells the city Deir ez-Zor, whose province shares it)
            for c in (cand, *gaz.lookup(cand.name)):
                if c.feature == "admin" and c.cc == cc and c.eid not in out:
                    # another spelling of its own name, not a former or foreign one
                    out[c.eid] = replace(c, kind=0)
    return tuple(out.values())
