"""Pair scoring: named features of two reports, weighted in ``config.LinkConfig``.

Every feature is symmetric and reads only the two reports (no corpus statistics), so a
pair scores the same whenever and in whatever order it is met: this is what makes
linking order-independent (see ``linker``).
"""

from __future__ import annotations

import math

from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.reports import Report


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def compatible(a: Report, b: Report, config: LinkConfig = DEFAULT) -> bool:
    """The blocking test (symmetric): same family and days within the window, and then
    the same article, or (never across two countries, nor across two first-level regions
    unless the paragraphs share ``cross_region_words`` details) the same GeoNames place or at least one distinctive word in common around the events (a
    story's words alone never put two reports side by side: every page of one outlet
    shares its boilerplate). Undated reports meet only the undated reports of their own
    article. A planned event meets only other planned ones: what is announced is not a
    report of what took place."""
    if a.family != b.family or a.happened != b.happened:
        return False
    if a.day is None or b.day is None:
        return a.day is None and b.day is None and a.article_id == b.article_id
    if abs(a.day - b.day) > config.window_days:
        return False
    if a.article_id == b.article_id:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return len(words_of(a) & words_of(b)) >= config.cross_region_words
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return True
    return not words_of(a).isdisjoint(words_of(b))


#: ``Place.precision`` values whose coordinates are not the place's own point
_VAGUE = frozenset({"area", "container", "vicinity"})


def place_feature(a: Report, b: Report, config: LinkConfig = DEFAULT) -> float:
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return 1.0
    if a.lat is not None and b.lat is not None and a.lon is not None and b.lon is not None:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)
        if km > config.far_km:
            # a country or region contains its cities, and a place located at its
            # container's point (or an area's centre) may lie anywhere in it: not a
            # contradiction, just vaguer
            if {a.feature, b.feature} & {"country", "admin", "region"} or {a.precision, b.precision} & _VAGUE:
                return 0.0
            return -1.0
        return 0.5
    if a.admin1 and a.admin1 == b.admin1:
        return 0.5
    return 0.0


def date_feature(a: Report, b: Report, config: LinkConfig = DEFAULT) -> float:
    if a.day is None or b.day is None:
        return 0.0
    return max(0.0, 1.0 - abs(a.day - b.day) / max(1, config.window_days))


def words_of(report: Report) -> frozenset[str]:
    """The report's context as a set, made once per report (pair scoring is the hot loop)."""
    if report.words is None:
        report.words = frozenset(report.context)
    return report.words


def _overlap(a: Report, b: Report) -> tuple[int, float]:
    """(shared words, cosine) of the two contexts."""
    wa, wb = words_of(a), words_of(b)
    if not wa or not wb:
        return (0, 0.0)
    shared = len(wa & wb)
    return (shared, shared / math.sqrt(len(wa) * len(wb)))


def _story_overlap(a: Report, b: Report) -> float:
    """``context_feature``'s measure over the two articles' whole stories."""
    shared = len(set(a.story).intersection(b.story))
    return shared / math.sqrt(len(a.story) * len(b.story)) * min(1.0, shared / 3) if shared else 0.0


def story_feature(a: Report, b: Report) -> float:
    """What the two articles' whole stories agree on beyond the events' own paragraphs
    (``context_feature``): 0 when the stories say no more than the paragraphs, within
    one article (its events share one story whatever they are) or for a background
    event (it has no story)."""
    if a.article_id == b.article_id or not a.story or not b.story:
        return 0.0
    return max(0.0, _story_overlap(a, b) - context_feature(a, b))


def context_feature(a: Report, b: Report) -> float:
    """Cosine of the two sets of distinctive words (names, numbers) around the events,
    scaled down below three shared words (one shared name in two short lists is chance)."""
    shared, cos = _overlap(a, b)
    return cos * min(1.0, shared / 3)


def actors_feature(a: Report, b: Report) -> float:
    return 1.0 if set(a.actors) & set(b.actors) else 0.0


def counts_feature(a: Report, b: Report) -> float:
    """Up to +1 when a figure agrees (a large figure says more than "one dead": log scale,
    full weight from 10), -1 when every shared unit disagrees, 0 with nothing to compare."""
    if not a.counts or not b.counts:
        return 0.0
    mine: dict[str, set[float]] = {}
    for cls, value, *_ in a.counts:
        mine.setdefault(cls, set()).add(float(value))
    theirs: dict[str, set[float]] = {}
    for cls, value, *_ in b.counts:
        theirs.setdefault(cls, set()).add(float(value))
    shared = set(mine) & set(theirs)
    if not shared:
        return 0.0
    agreed = [v for c in shared for v in mine[c] & theirs[c]]
    if agreed:
        return min(1.0, math.log10(1 + max(agreed)) / math.log10(11))
    return -1.0


def features(a: Report, b: Report, config: LinkConfig = DEFAULT) -> dict[str, float]:
    """Every named feature of the pair (the keys of ``LinkConfig.weights``)."""
    return {
        "place": place_feature(a, b, config),
        "date": date_feature(a, b, config),
        "context": context_feature(a, b),
        "story": story_feature(a, b),
        "actors": actors_feature(a, b),
        "counts": counts_feature(a, b),
        "same_article": 1.0 if a.article_id == b.article_id else 0.0,
        "subtype": subtype_feature(a, b),
        "details_differ": details_differ_feature(a, b, config),
        "type_conflict": type_conflict_feature(a, b),
    }


def details_differ_feature(a: Report, b: Report, config: LinkConfig = DEFAULT) -> float:
    """-1 when both reports name enough details (``differ_min_words``) and almost none agree: two
    shootings in one town on one day are told apart by their victims, streets and times."""
    if len(a.context) < config.differ_min_words or len(b.context) < config.differ_min_words:
        return 0.0
    return -1.0 if _overlap(a, b)[1] < config.differ_below else 0.0


def subtype_feature(a: Report, b: Report) -> float:
    """1 for the same ACLED sub-type (or PLOVER mode) on both sides."""
    return 1.0 if a.subtype and a.subtype == b.subtype else 0.0


def type_conflict_feature(a: Report, b: Report) -> float:
    """-1 when both have ACLED event types and they differ (for ACLED an air strike and a
    territory regained are two events, even on one day in one town)."""
    return -1.0 if a.acled_type and b.acled_type and a.acled_type != b.acled_type else 0.0


def score(a: Report, b: Report, config: LinkConfig = DEFAULT) -> float:
    """The weighted sum of the pair's features (``LinkConfig.weights``).

    The same sum as over ``features(a, b)`` (a test holds them equal), written out
    because it runs once per blocked pair: the context overlap is computed once here.
    """
    w = config.weights
    total = w["place"] * place_feature(a, b, config) + w["date"] * date_feature(a, b, config)
    shared, cos = _overlap(a, b)
    local = cos * min(1.0, shared / 3)
    total += w["context"] * local
    if a.story and b.story and a.article_id != b.article_id:
        total += w["story"] * max(0.0, _story_overlap(a, b) - local)
    n = config.differ_min_words
    if len(a.context) >= n and len(b.context) >= n and cos < config.differ_below:
        total -= w["details_differ"]
    if a.actors and b.actors and not set(a.actors).isdisjoint(b.actors):
        total += w["actors"]
    if a.counts and b.counts:
        total += w["counts"] * counts_feature(a, b)
    if a.article_id == b.article_id:
        total += w["same_article"]
    if a.subtype and a.subtype == b.subtype:
        total += w["subtype"]
    if a.acled_type and b.acled_type and a.acled_type != b.acled_type:
        total -= w["type_conflict"]
    return total


def link_score(a: Report, b: Report, config: LinkConfig = DEFAULT) -> float | None:
    """The pair's score when it links, else None.

    A link needs the threshold and some evidence that the two are one happening, not
    just alike: the same article, places that agree, or a detail word in common. A date
    and a type alone (with a generic actor such as "police") never link two stories.
    """
    total = score(a, b, config)
    if total < config.link_threshold:
        return None
    if a.article_id == b.article_id or place_feature(a, b, config) > 0 or _overlap(a, b)[0] > 0:
        return total
    return None
