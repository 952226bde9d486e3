"""The place stage proper: mentions -> candidates -> context -> resolved ``Place`` records.

The steps live in modules of their own: ``finding`` (mentions and candidates),
``evidence`` (the article's context), ``dateline.resolve.geocode`` and ``scoring`` (the
one scoring model), ``passes`` (agreement between readings), ``output`` (records).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter

from dateline.context import Context
from dateline.extract.places.evidence import (
    Article,
    article_context,
    evidence_weight,
    local_evidence,
    view_without,
)
from dateline.extract.places.finding import collect_items
from dateline.extract.places.items import PLACE_LABELS, Item
from dateline.extract.places.kinds import admin_variants
from dateline.extract.places.output import records
from dateline.extract.places.passes import agree
from dateline.records import Place
from dateline.resolve.gazetteer import Candidate, Gazetteer, gazetteer
from dateline.resolve.geocode import (
    TOWN_NOUNS,
    GeoContext,
    LocalEvidence,
    Resolution,
    fuzzy_candidates,
    resolve,
)
from dateline.resolve.names import name_key

_FUZZY_CONFIDENCE = 0.6


def find_places(ctx: Context) -> list[Place]:
    """Mentions -> candidates -> the article's context -> readings -> ``Place`` records."""
    gaz = gazetteer()
    found = collect_items(ctx, gaz)
    items = found.items
    article = article_context(ctx, gaz, items, found.surfaces)
    _admin_spellings(gaz, items, article.base)
    geo = _read_in_context(ctx, items, article)
    agree(ctx, items, geo)
    _misspellings(ctx, gaz, items, geo)
    return records(ctx, gaz, items, geo, found.accepted)


def _admin_spellings(gaz: Gazetteer, items: list[Item], base: GeoContext) -> None:
    """ "Sagaing region" where GeoNames spells the region "Sagain": a name the words call a
    region, with no region among its readings, also reads as the close spellings of the
    regions of the countries the article names, as places or by demonyms
    (``kinds.admin_variants``)."""
    named = Counter(base.countries)
    for it in items:  # the countries the text names as places ("Myanmar's Sagaing region")
        own = {c.cc for c in it.cands if c.feature == "country" and c.kind in (0, 3) and c.cc}
        if it.mention.label in PLACE_LABELS and len(own) == 1:
            named[own.pop()] += 1
    countries = [cc for cc, _ in named.most_common(3)]
    if not countries:
        return
    for it in items:
        if (
            it.kind
            and it.kind not in TOWN_NOUNS
            and it.cands
            and not any(c.feature == "admin" for c in it.cands)
        ):
            extra = admin_variants(gaz, it.text, countries)
            if extra:
                it.cands = it.cands + extra


def _read_in_context(ctx: Context, items: list[Item], article: Article) -> GeoContext:
    """Every name's reading, in passes.

    Pass 1: what is clear without context anchors the article (a country named as such, a
    name with one reading); passes 2-4 read everything in the light of the pass before,
    each name seeing the others but not itself (a name's own earlier reading must not vote
    for itself: that locks in a first mistake); two ambiguous names that lie close
    together in one state ("Huntsville", "Walker County") need the third pass to settle.
    Returns the article's context as every name's reading makes it.
    """
    base, home = article.base, article.home
    contribs: list[tuple[str, Candidate, float]] = []
    read = _Readings()
    for it in items:
        if not it.cands:
            continue
        key = name_key(it.text)
        res = read(it.cands, base, it.qualifier, key, None)
        it.resolution = res
        if res and it.mention.label in PLACE_LABELS and (res.confidence >= 0.9 or it.qualifier):
            contribs.append((key, res.candidate, 1.0 if res.candidate.feature == "country" else 0.7))
    starts = [s.start_char for s in ctx.sents]  # the context's sentences: doc.sents rebuilds them
    sentence_of = [bisect_right(starts, it.start_char) for it in items]
    for _ in range(3):
        # what this pass reads: the readings so far (local evidence) and the contributions
        before = ([it.resolution for it in items], contribs)
        views: dict[str, GeoContext] = {}
        read = _Readings()  # the views are new: so are their readings
        locals_ = local_evidence(items, sentence_of, ctx.doc, article.anchored)
        for i, it in enumerate(items):
            if it.cands:
                key = name_key(it.text)
                view = views.get(key)
                if view is None:
                    view = views[key] = view_without(base, home, contribs, key)
                it.resolution = read(it.cands, view, it.qualifier, key, locals_[i])
        contribs = [
            (name_key(it.text), it.resolution.candidate, evidence_weight(it))
            for it in items
            if it.resolution and evidence_weight(it) > 0
        ]
        if contribs == before[1] and [it.resolution for it in items] == before[0]:
            break  # a fixed point: the next pass would read the same evidence the same way
    return view_without(base, home, contribs, None)


class _Readings:
    """``resolve`` for the mentions of one pass, once per name and view where nothing is
    particular to the mention (no qualifier, no local evidence): the repeated mentions of
    a name read alike. Keyed by identity: the views and candidate tuples outlive the pass."""

    def __init__(self) -> None:
        self._memo: dict[tuple[int, int, str], Resolution | None] = {}

    def __call__(
        self,
        cands: tuple[Candidate, ...],
        view: GeoContext,
        qualifier: list[Candidate] | None,
        key: str,
        local: LocalEvidence | None,
    ) -> Resolution | None:
        if qualifier is not None or local is not None:
            return resolve(cands, view, qualifier, key, local)
        memo_key = (id(view), id(cands), key)
        if memo_key not in self._memo:
            self._memo[memo_key] = resolve(cands, view, None, key)
        return self._memo[memo_key]


def _misspellings(ctx: Context, gaz: Gazetteer, items: list[Item], geo: GeoContext) -> None:
    """Names no gazetteer entry has: only in place positions, only within the article's
    countries, read as the closest name there at a lower confidence (and flagged)."""
    countries = geo.top_countries(3)
    if not countries:
        return
    for it in items:
        if it.cands or it.resolution:
            continue
        if not it.mention.locative or it.mention.label in ("ORG", "FAC", "LANDMARK"):
            continue
        fuzzy = fuzzy_candidates(gaz, it.text, countries)
        if it.kind and it.kind not in TOWN_NOUNS:  # "Dier al-Zor province": the region's spellings too
            fuzzy += [c for c in admin_variants(gaz, it.text, countries) if c not in fuzzy]
        local = LocalEvidence(kind=it.kind) if it.kind else None  # "Dier al-Zor province"
        res = resolve(fuzzy, geo, it.qualifier, None, local) if fuzzy else None
        if res:
            it.resolution = Resolution(res.candidate, round(res.confidence * _FUZZY_CONFIDENCE, 3), True)
            ctx.flag(
                "possible_misspelling",
                f"{it.text!r} read as {res.candidate.name!r}",
                (it.start_char, it.end_char),
            )
