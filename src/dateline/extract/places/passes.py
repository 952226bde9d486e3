"""Passes that make an article's readings agree: lists of one kind, one sense per name,
parts and short forms of towns the article names."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from dateline.context import Context
from dateline.extract.places.items import INSIDE_NAMES, Item
from dateline.extract.places.mentions import DIRECTIONS
from dateline.resolve.gazetteer import Candidate
from dateline.resolve.geocode import GeoContext, Resolution, resolve
from dateline.resolve.names import name_key

_GENERIC_TAILS = frozenset(["city", "town", "township", "village", "borough"])


_LIST_GAP = re.compile(r"^\s*(?:[,;]\s*(?:and|or|&)?|and|or|&)\s*$")


def _level(c: Candidate) -> str:
    if c.feature == "admin":
        return "admin2" if c.admin2 else "admin1"
    return c.feature


def harmonise_lists(ctx: Context, items: list[Item], geo: GeoContext) -> None:
    """Names listed together are places of one kind, mostly of one country.

    "Arizona, California, Colorado and Georgia": when most of a list of three or more
    resolve to first-level regions of the United States, "California" is the state (not a
    Missouri village) and "Georgia" the state (not the country); the same for lists of
    countries or of provinces. Only names that have a reading of the list's kind change.
    """
    groups: list[list[Item]] = []
    for it in items:
        prev = groups[-1][-1] if groups else None
        if prev is not None and _LIST_GAP.match(ctx.text[prev.end_char : it.start_char]):
            groups[-1].append(it)
        else:
            groups.append([it])
    for group in groups:
        resolved = [it.resolution.candidate for it in group if it.resolution]
        if len(group) < 3 or len(resolved) < 3:
            continue
        # the kind that (nearly) every name of the list can be, the one most already are
        # breaking ties: "Washington, Pennsylvania and California" can all be states
        # (own names and abbreviations only: an alternate name makes "New Jersey" a Michigan town)
        have = Counter(lv for it in group for lv in {_level(c) for c in it.cands if c.kind in (0, 3)})
        now = Counter(_level(c) for c in resolved)
        level = max(have, key=lambda lv: (have[lv], now[lv]), default=None)
        if level is None or have[level] < len(group) - (len(group) >= 4) or not now[level]:
            continue
        ccs = Counter(c.cc for c in resolved if _level(c) == level and c.cc)
        cc = ccs.most_common(1)[0][0] if ccs and level != "country" else None
        for it in group:
            if it.qualifier or (it.resolution and _level(it.resolution.candidate) == level):
                continue
            fits = [c for c in it.cands if _level(c) == level and c.kind in (0, 3)]
            if cc is not None:
                fits = [c for c in fits if c.cc == cc]
            res = resolve(fits, geo, None, name_key(it.text)) if fits else None
            if res is not None:
                it.resolution = Resolution(res.candidate, round(min(res.confidence, 0.85), 3))


def _parts_of_towns(items: list[Item]) -> None:
    """ "north Arlington", "North Arlington" in an article about Arlington: a part of that town.

    A direction word before a name the article also uses alone reads as a part of the
    place it names, unless the whole resolves near it anyway (a suburb of its own).
    """
    alone = {name_key(it.text): it.resolution for it in items if it.resolution}
    for it in items:
        words = it.text.split()
        if len(words) < 2 or words[0].lower() not in DIRECTIONS or it.qualifier:
            continue
        rest = alone.get(name_key(" ".join(words[1:])))
        if rest is None:
            continue
        own = it.resolution
        if rest.candidate.feature != "city" or (own is not None and own.candidate.feature != "city"):
            continue  # "West Virginia" and "Virginia", "South Sudan" and "Sudan" are two places
        if own is None or _far(own.candidate, rest.candidate):
            it.resolution = Resolution(rest.candidate, round(min(rest.confidence, 0.7), 3))


def _short_forms(items: list[Item]) -> None:
    """ "Avondale" after "Avondale Estates": the short form of a town the article names in full.

    Only a town's name (not "Kansas" beside "Kansas City", nor "Washington" beside
    "Washington County": a name that is itself a state, county or country stays what it
    reads as), and only where the full name resolved to a town that bears it.
    """
    full = [
        (name_key(it.text), it.resolution)
        for it in items
        if it.resolution and it.resolution.candidate.feature == "city" and " " in name_key(it.text)
    ]
    if not full:
        return
    for it in items:
        if it.qualifier:
            continue
        key = name_key(it.text)
        if any(c.feature in ("country", "admin", "region") for c in it.cands):
            continue
        for long_key, res in full:
            if long_key.startswith(f"{key} ") and name_key(res.candidate.name).startswith(f"{key} "):
                if it.resolution is None or it.resolution.candidate.eid != res.candidate.eid:
                    it.resolution = Resolution(res.candidate, round(min(res.confidence, 0.8), 3))
                break


def _generic_tails(items: list[Item]) -> None:
    """ "Dublin City (Council)" in an article whose "Dublin" is the Ohio town: that town's."""
    towns = {
        name_key(it.text): it.resolution
        for it in items
        if it.resolution
        and it.resolution.candidate.feature == "city"
        and it.mention.label not in INSIDE_NAMES
    }
    for it in items:
        words = name_key(it.text).split()
        if it.qualifier or len(words) < 2 or words[-1] not in _GENERIC_TAILS:
            continue
        town = towns.get(" ".join(words[:-1]))
        if town is not None and (it.resolution is None or it.resolution.candidate.cc != town.candidate.cc):
            it.resolution = Resolution(town.candidate, round(min(town.confidence, 0.8), 3))


def _far(a: Candidate, b: Candidate, km: float = 50.0) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return a.eid != b.eid
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) > km


def one_sense(items: list[Item]) -> None:
    """One sense per name within the article: its most confident reading, except where a
    qualifier or a kind word beside the name pins a mention. A pinned reading is the
    name's sense for its bare mentions too: "Sagaing region" says which of the name's
    places the article means, and the headline's bare "Sagaing" is that region, not the
    town the name alone would read as."""
    by_key: dict[str, list[Item]] = defaultdict(list)
    for it in items:
        by_key[name_key(it.text)].append(it)
    for group in by_key.values():
        pinned = [g for g in group if g.resolution and _kind_beside(g)]
        best = max(
            (g.resolution for g in pinned or group if g.resolution), key=lambda r: r.confidence, default=None
        )
        if best is None:
            continue
        for g in group:
            if g.resolution is None or (
                g.qualifier is None
                and not _kind_beside(g)
                and g.resolution.candidate.eid != best.candidate.eid
            ):
                g.resolution = best


def _kind_beside(it: Item) -> bool:
    """A kind word outside the name says which place it is ("Sagaing region"; not the
    name's own last word, "Kansas City", which every mention of the name repeats)."""
    return it.kind is not None and name_key(it.text).split()[-1:] != [it.kind]


def _country_short_forms(items: list[Item]) -> None:
    """ "Congo" in an article that names the "Democratic Republic of Congo": that country.

    News calls a country by the last words of its formal name once it has named it in
    full ("the Democratic Republic of Congo ... eastern Congo"); a bare name that is the
    tail of another country's name the article gives (after "of" or "of the") is that
    country, not the one the name alone reads as.
    """
    full: dict[str, Resolution] = {}
    for it in items:
        res = it.resolution
        if res is None or res.candidate.feature != "country":
            continue
        words = name_key(it.text).split()
        if "of" in words[:-1]:
            last_of = len(words) - 1 - words[::-1].index("of")
            tail = words[last_of + 1 :]
            if tail[0] == "the":  # not empty: "of" is not the last word
                tail = tail[1:]
            if tail:
                full.setdefault(" ".join(tail), res)
    if not full:
        return
    for it in items:
        res = full.get(name_key(it.text))
        if res is None or it.qualifier:
            continue
        if it.resolution is None or (
            it.resolution.candidate.feature == "country" and it.resolution.candidate.eid != res.candidate.eid
        ):
            it.resolution = Resolution(res.candidate, round(min(res.confidence, 0.9), 3))


def agree(ctx: Context, items: list[Item], geo: GeoContext) -> None:
    """The passes that make the article's readings agree with each other."""
    harmonise_lists(ctx, items, geo)
    _country_short_forms(items)
    one_sense(items)
    _parts_of_towns(items)
    _short_forms(items)
    _generic_tails(items)
