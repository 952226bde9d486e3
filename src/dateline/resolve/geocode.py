"""Choose the gazetteer entry a toponym refers to, from what the article says around it.

Why context and not population alone: "Palmyra" is a town in Syria in an article about
Syria, and one of a dozen US villages elsewhere. Why not context alone: "London" in a
story that also names Ohio towns is still London, England, unless the words next to it
say otherwise. Each reading is scored by the one model of ``scoring`` (prior, article
evidence, local evidence, and prominence damping); this module computes the features:
the countries and regions the article names, the readings of its other names that lie in
the same state or within ~200 km (spatial minimality: "New London" beside "Mount
Pleasant" is the Iowa pair), the dateline, the qualifier. ``explain`` lists a reading's
weighted terms. Misspellings resolve by fuzzy matching only within the countries the
article already names, and with a lower confidence.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.names import name_key, same_name
from dateline.resolve.scoring import (
    WEIGHTS,
    article_features,
    is_capital,
    local_features,
    prior,
    prior_features,
    total,
)

__all__ = [
    "TOWN_NOUNS",
    "GeoContext",
    "LocalEvidence",
    "Resolution",
    "explain",
    "fuzzy_candidates",
    "kind_matches",
    "rank",
    "resolve",
]

_CELL = 2.0  # degrees: a reading's 3x3 block of cells holds everything within ~170 km of it
_NEAR_READINGS = 25
_METROPOLIS = 500_000  # people: a city the world knows by its bare name
_ALIAS_METROPOLIS = 1_000_000  # a city that bears a state's name only as an alternate one
_FAMOUS_MARGIN = 3.0  # a region's prior this far above a town's (1,000 times the people)
_FAMOUS_CITY_MARGIN = 1.0  # a capital's or metropolis's prior this far above a namesake's


@dataclass
class GeoContext:
    """What the article has established so far about where it is."""

    countries: Counter[str] = field(default_factory=Counter)  # ISO alpha-2 -> weight
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)  # (cc, admin1 code) -> weight
    points: set[tuple[float, float]] = field(default_factory=set)
    home: Candidate | None = None  # the dateline place
    # (cc, admin1) -> {name key: probability that the name lies there}: how many *other*
    # names of the article could lie in the same state or province (spatial minimality)
    support: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    # 2-degree grid cell -> {name key: [(lat, lon, weight)]}: where the article's other
    # names may lie, for the nearness of a reading to them (shared, like ``support``)
    near: dict[tuple[int, int], dict[str, list[tuple[float, float, float]]]] = field(default_factory=dict)
    # a country the text's conventions point to (bare-dollar money: the US), that counts
    # only while no other country has evidence of its own ("$" is also Canada's)
    lean: str | None = None
    # (reading's eid, name key) -> (support, nearness): fixed once ``support`` and ``near``
    # are complete, so the caller that completed them may share a dict here among its views
    memo: dict[tuple[int, str | None], tuple[float, float]] | None = None
    # (id of a reading, name key) -> (the reading, its article features, their total): the
    # repeated mentions of a name score the same readings against the same view; a place
    # added changes the features, so ``add_place`` empties it
    scored: dict[tuple[int, str | None], tuple[Candidate, dict[str, float], float]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def add_place(self, cand: Candidate, weight: float = 1.0) -> None:
        self.scored.clear()
        if cand.cc:
            self.countries[cand.cc] += weight
        if cand.cc and cand.admin1 and cand.feature != "country":
            self.admin1[(cand.cc, cand.admin1)] += weight
        if cand.lat is not None and cand.lon is not None and cand.feature in ("city", "admin"):
            self.points.add((round(cand.lat, 2), round(cand.lon, 2)))

    def top_countries(self, n: int = 3) -> list[str]:
        return [cc for cc, _ in self.countries.most_common(n)]


@dataclass(frozen=True, slots=True)
class LocalEvidence:
    """What the words next to a mention say, which the article's tally must not outvote.

    ``countries``: bonuses (in units of ``sentence_country``) for the countries resolved
    in the mention's own sentence and the next ones; ``kind``: the noun beside the name
    that says its kind ("Sagaing region": "region"; see ``kind_matches``); ``regions``: the first-level regions
    ((cc, admin1)) resolved in its own sentence (in units of ``sentence_region``); ``anchored``: the mention (or another
    of the same name) is the dateline's, heads its town's public service ("Paris Police
    Department"), or is the name the publisher's web address carries: the article is
    local to a place of that name, so its evidence for a small namesake counts in full.
    """

    countries: dict[str, float] = field(default_factory=dict)
    regions: dict[tuple[str, str], float] = field(default_factory=dict)
    anchored: bool = False
    kind: str | None = None  # the noun beside the name that says its kind ("region", "town")


_NO_LOCAL = LocalEvidence()


@dataclass(frozen=True, slots=True)
class Resolution:
    candidate: Candidate
    confidence: float
    fuzzy: bool = False


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _nearest_km(a: tuple[float, float], points: set[tuple[float, float]]) -> float:
    """Distance to the nearest point; a cheap degree box skips the far ones (most of them)."""
    best = 1e9
    for p in points:
        if abs(p[0] - a[0]) > 2.0 or abs(p[1] - a[1]) > 6.0:
            continue  # > 200 km whatever the latitude: only the bands below matter
        best = min(best, distance_km(a, p))
    return best


def add_support(ctx: GeoContext, key: str, cands: tuple[Candidate, ...] | list[Candidate]) -> None:
    """Record where the name ``key`` may lie, each region weighted by its prior probability."""
    ctx.scored.clear()  # the support and nearness of every reading may change
    cands = official_first(cands, key)
    if not cands:
        return
    scores = [prior(c) for c in cands]
    top = max(scores)
    # flatter than the prior itself (one point, a tenfold population, counts e-fold): a
    # small town in the same county as the article's other places still votes for it
    weights = [math.exp(s - top) for s in scores]
    total = max(weights)  # relative to the name's best reading: ambiguity is not penalised
    best: dict[tuple[str, str], float] = {}
    for c, w in zip(cands, weights, strict=True):
        if c.cc:  # the country level, "" for the region, lets a country compete on equal terms
            best[(c.cc, "")] = max(best.get((c.cc, ""), 0.0), w / total)
        if c.cc and c.admin1 and c.feature in ("city", "admin"):
            region = (c.cc, c.admin1)
            best[region] = max(best.get(region, 0.0), w / total)
    for region, p in best.items():
        ctx.support.setdefault(region, {})[key] = p
    # for nearness a flatter weight still: a village of the name 20 km from another name's
    # town is telling even when a city elsewhere bears the name too
    spots = sorted(
        (
            (math.exp((s - top) / 2), c)
            for c, s in zip(cands, scores, strict=True)
            if c.feature in ("city", "admin") and c.lat is not None and c.lon is not None
        ),
        key=lambda t: -t[0],
    )[:_NEAR_READINGS]
    for w, c in spots:
        assert c.lat is not None and c.lon is not None
        cell = (math.floor(c.lat / _CELL), math.floor(c.lon / _CELL))
        ctx.near.setdefault(cell, {}).setdefault(key, []).append((c.lat, c.lon, w))


def _nearness(c: Candidate, ctx: GeoContext, key: str | None) -> float:
    """How many of the article's other names have a reading close to ``c`` (each up to 1)."""
    if not ctx.near or c.lat is None or c.lon is None or c.feature not in ("city", "admin"):
        return 0.0
    ci, cj = math.floor(c.lat / _CELL), math.floor(c.lon / _CELL)
    best: dict[str, float] = {}
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            cell = ctx.near.get((ci + di, cj + dj))
            if not cell:
                continue
            for k, spots in cell.items():
                if key is not None and same_name(k, key):
                    continue
                for lat, lon, w in spots:
                    d = distance_km((c.lat, c.lon), (lat, lon))
                    f = 1.0 if d < 40 else 0.7 if d < 100 else 0.4 if d < 200 else 0.0
                    if f and w * f > best.get(k, 0.0):
                        best[k] = w * f
    return min(3.0, sum(best.values()))


def _support(c: Candidate, ctx: GeoContext, key: str | None) -> float:
    if not ctx.support or not c.cc:
        return 0.0
    if c.first_level:
        # a country or a state is supported by the names that could lie anywhere in it
        region = (c.cc, "") if c.feature == "country" else (c.cc, c.admin1 or "")
    elif c.admin1 and c.feature in ("city", "admin"):
        region = (c.cc, c.admin1)
    else:
        return 0.0
    names = ctx.support.get(region)
    if not names:
        return 0.0
    return min(3.0, sum(p for k, p in names.items() if key is None or not same_name(k, key)))


def context_features(
    c: Candidate, ctx: GeoContext, qualifier: list[Candidate] | None = None, key: str | None = None
) -> dict[str, float]:
    """The article evidence and the qualifier for reading ``c`` (see ``scoring``)."""
    total = sum(ctx.countries.values())
    nearest = None
    if ctx.points and c.lat is not None and c.lon is not None and c.feature in ("city", "admin"):
        nearest = _nearest_km((c.lat, c.lon), ctx.points)
    near = ctx.memo.get((c.eid, key)) if ctx.memo is not None else None
    if near is None:
        near = (_support(c, ctx, key), _nearness(c, ctx, key))
        if ctx.memo is not None:
            ctx.memo[(c.eid, key)] = near
    feats = article_features(
        c,
        support=near[0],
        nearness=near[1],
        country_share=(ctx.countries.get(c.cc, 0) / total) if c.cc and total else 0.0,
        country_named=bool(c.cc and c.cc in ctx.countries),
        money_lean=bool(
            ctx.lean
            and c.cc == ctx.lean
            and not any(k != ctx.lean and v >= 1.0 for k, v in ctx.countries.items())
        ),
        region_named=bool(
            c.cc and c.admin1 and c.feature in ("city", "admin") and ctx.admin1.get((c.cc, c.admin1))
        ),
        dateline_country=ctx.home is not None and c.cc == ctx.home.cc,
        dateline_region=ctx.home is not None
        and c.cc == ctx.home.cc
        and bool(c.admin1)
        and c.admin1 == ctx.home.admin1,
        nearest_km=nearest,
    )
    return feats


def context_score(
    c: Candidate, ctx: GeoContext, qualifier: list[Candidate] | None = None, key: str | None = None
) -> float:
    """Article evidence plus the qualifier, weighted (kept for callers that score one reading)."""
    within = None if not qualifier else any(inside(c, q) for q in qualifier)
    return total(context_features(c, ctx, qualifier, key)) + total(local_features(within))


def inside(c: Candidate, q: Candidate) -> bool:
    """``c`` lies in the country or first-level region ``q`` ("Springfield, Ill.")."""
    if q.feature == "country":
        return c.cc == q.cc
    if q.feature == "admin" and not q.admin2:
        return c.cc == q.cc and c.admin1 == q.admin1 and c.eid != q.eid
    return False


@functools.lru_cache(maxsize=16384)  # one name's readings, scored per mention and pass
def famous_bar(cands: tuple[Candidate, ...]) -> float | None:
    """The prior at or below which a reading is a small namesake of a famous one.

    Famous: the own name of a country or state, a thousand times a town's size (a
    province, which news names less often than a state, counts by its size: its
    ``bare_province`` penalty is left out); a national capital or a metropolis, ten times
    a namesake's size. The world knows them by the bare name ("London", "Rome", "Moscow").
    """
    bars = [
        prior(c) - WEIGHTS.bare_province * c.province - _FAMOUS_MARGIN
        for c in cands
        if c.kind == 0 and c.first_level
    ] + [
        prior(c) - _FAMOUS_CITY_MARGIN
        for c in cands
        if c.kind == 0 and c.feature == "city" and (c.pop >= _METROPOLIS or is_capital(c))
    ]
    return max(bars, default=None)


# nouns for populated places (GeoNames' PPL entries); the other kind nouns name regions
TOWN_NOUNS = frozenset(["city", "town", "village", "hamlet", "settlement"])


def kind_matches(noun: str | None, c: Candidate) -> bool:
    """Reading ``c`` is of the kind the noun beside its name says (``kind_match``): a town
    for "city", "town", "village"; for "province", "region", "county" a region, and a
    region matched by its name without its last word only where that word is the noun
    ("Pader district" is Pader District; "the Pacific region" is no Pacific County)."""
    if noun is None:
        return False
    if noun in TOWN_NOUNS:
        return c.feature == "city"
    return c.feature == "admin" and (c.kind != 2 or name_key(c.name).endswith(noun))


def _parts(
    c: Candidate,
    ctx: GeoContext,
    qualifier: list[Candidate] | None,
    key: str | None,
    local: LocalEvidence | None,
    main: bool,
    bar: float | None,
    with_prior: bool = True,
) -> tuple[dict[str, float], dict[str, float], float, float, dict[str, float]]:
    """Reading ``c``'s prior features, article features and their total, the scale of its article
    evidence (``famous_damping`` for a small namesake of a famous reading, see ``scoring``)."""
    pri = prior_features(c, main) if with_prior else {}
    art, art_total = _article_features(c, ctx, key)
    within = None if not qualifier else any(inside(c, q) for q in qualifier)
    local = local or _NO_LOCAL
    region = local.regions.get((c.cc, c.admin1), 0.0) if c.cc and c.admin1 and not c.first_level else 0.0
    loc = local_features(
        within,
        local.countries.get(c.cc or "", 0.0),
        region,
        kind_matches(local.kind, c),
    )
    damp = (
        bar is not None
        and (c.feature == "city" or c.kind == 2)
        and not qualifier
        and not local.anchored
        and prior(c) <= bar
        and art_total > 0
    )
    return pri, art, art_total, (WEIGHTS.famous_damping if damp else 1.0), loc


def _article_features(c: Candidate, ctx: GeoContext, key: str | None) -> tuple[dict[str, float], float]:
    """``context_features`` (which reads no qualifier) and their total, once per reading,
    name and view (``GeoContext.scored``; the reading is kept, so its id stays its own)."""
    hit = ctx.scored.get((id(c), key))
    if hit is None or hit[0] is not c:
        art = context_features(c, ctx, None, key)
        hit = ctx.scored[(id(c), key)] = (c, art, total(art))
    return hit[1], hit[2]


def explain(
    c: Candidate,
    ctx: GeoContext,
    qualifier: list[Candidate] | None = None,
    key: str | None = None,
    local: LocalEvidence | None = None,
    main: bool = False,
    bar: float | None = None,
) -> dict[str, float]:
    """Every feature of reading ``c`` times its weight: the score is their sum.

    Article evidence for a small namesake of a famous reading (prior at most ``bar``) is
    damped unless local evidence anchors the mention (see ``scoring`` and ``LocalEvidence``).
    """
    pri, art, _, scale, loc = _parts(c, ctx, qualifier, key, local, main, bar)
    out = {f: getattr(WEIGHTS, f) * v for f, v in pri.items()}
    out.update({f: scale * getattr(WEIGHTS, f) * v for f, v in art.items()})
    out.update({f: getattr(WEIGHTS, f) * v for f, v in loc.items()})
    return out


def rank(
    cands: tuple[Candidate, ...] | list[Candidate],
    ctx: GeoContext,
    qualifier: list[Candidate] | None = None,
    key: str | None = None,
    local: LocalEvidence | None = None,
) -> list[tuple[float, Candidate]]:
    """The readings by score (the sum of ``explain``'s terms), best first."""
    best: dict[int, tuple[float, Candidate]] = {}
    main = any(c.kind == 0 for c in cands)
    bar = famous_bar(tuple(cands))
    for c in cands:
        _, _, art_total, scale, loc = _parts(c, ctx, qualifier, key, local, main, bar, with_prior=False)
        s = prior(c, main) + scale * art_total + total(loc)
        if c.eid not in best or s > best[c.eid][0]:
            best[c.eid] = (s, c)
    return sorted(best.values(), key=lambda t: (-t[0], t[1].eid))


def resolve(
    cands: tuple[Candidate, ...] | list[Candidate],
    ctx: GeoContext,
    qualifier: list[Candidate] | None = None,
    key: str | None = None,
    local: LocalEvidence | None = None,
) -> Resolution | None:
    """The best candidate and a confidence from its margin over the runner-up.

    ``local``: the evidence next to the mention (see ``LocalEvidence``)
    sentence and the next ones), which matter more than the article's in a round-up.
    """
    cands = official_first(cands, key)
    if local is None or local.kind is None or local.kind in TOWN_NOUNS:  # "the county of Mandera"
        cands = _prefer_cities(cands)
    ranked = rank(cands, ctx, qualifier, key, local)
    if not ranked:
        return None
    top_score, top = ranked[0]
    if not plausible(top, ctx, qualifier):
        return None
    if len(ranked) == 1:
        conf = 0.95
    else:
        margin = top_score - ranked[1][0]
        conf = 0.5 + 0.45 * (1 - math.exp(-margin / 1.5))
    return Resolution(top, round(conf, 3))


def plausible(c: Candidate, ctx: GeoContext, qualifier: list[Candidate] | None = None) -> bool:
    """A small town far from everything the article mentions is a coincidence of names, not a reading."""
    if c.feature != "city" or qualifier:
        return True
    # the country the text's money points to counts as named: a US local story that names
    # only Egypt still has its own towns ("Tickets cost $10 ... in Shakopee")
    if c.cc in ctx.countries or (ctx.lean is not None and c.cc == ctx.lean):
        return c.pop >= 1000 or c.kind == 0
    if ctx.countries:
        # an alternate name abroad ("Hamas" is also a name of Hamm) must name a metropolis
        return c.pop >= (1_000_000 if c.kind == 1 else 100_000 if c.kind else 50_000)
    return (c.kind == 0 and c.pop >= 1000) or c.pop >= 50_000


def official_first(cands: tuple[Candidate, ...] | list[Candidate], key: str | None = None) -> list[Candidate]:
    """Drop places that bear the name only as an alternate when a larger one bears it officially.

    "Maryville" is also a former name of a Texas town, "Arlington" a variant of an Ohio
    suburb's: with the article set in Texas those readings would win on context alone.
    An alternate name still counts where it names the biggest place ("Bombay", "Kiev"),
    or is the short form of the place's own name ("Avondale" for Avondale Estates).
    """
    top = max((c.pop for c in cands if c.kind != 1 and c.feature == "city"), default=-1)
    if top < 0:
        return list(cands)
    short = f"{key} " if key else None
    return [c for c in cands if c.kind != 1 or c.pop > top or (short and name_key(c.name).startswith(short))]


def _prefer_cities(cands: tuple[Candidate, ...] | list[Candidate]) -> list[Candidate]:
    """Drop a state or province that shares its name with a big city of its country.

    In running text "Moscow", "Quebec", "New York" and "Washington" mean the city; the
    stage keeps only the region where the words say so ("New York state", "upstate",
    "Washington's governor", "Buffalo, New York"; see ``stage.state_mode``). The city must
    bear the name itself ("Bihar" is also an alternate name of Bihar Sharif), or, as
    New York City bears "New York", be a city of millions ("Oklahoma" stays the state).
    """
    cities = {
        c.cc
        for c in cands
        if c.feature == "city"
        and ((c.kind == 0 and c.pop >= 100_000) or (c.kind == 1 and c.pop >= _ALIAS_METROPOLIS))
    }
    return [c for c in cands if not (c.feature == "admin" and not c.admin2 and c.cc in cities)]


def fuzzy_candidates(
    gaz: Gazetteer, text: str, countries: list[str], cutoff: float = 88.0
) -> list[Candidate]:
    """Entries of the article's own countries whose name is close to ``text`` (a misspelling)."""
    key = name_key(text)
    if len(key) < 6:
        return []
    out: list[Candidate] = []
    for cc in countries:
        # same first letter: the index slice keeps the scan to a few hundred names
        keys, eids = gaz.names_in(cc, key[0])
        for _, score, idx in process.extract(
            key,
            keys,
            scorer=fuzz.ratio,
            score_cutoff=cutoff,
            limit=3,
            processor=None,
        ):
            cand = gaz.entry(eids[idx])
            if cand is not None:
                out.append(cand)
            del score
    return out
