"""The place scoring model: every feature moves a reading's score by its weight, and
prominence yields only to evidence next to the mention (no model needed)."""

from __future__ import annotations

from dataclasses import fields, replace

import pytest

from dateline.resolve.gazetteer import Candidate, gazetteer
from dateline.resolve.geocode import (
    GeoContext,
    LocalEvidence,
    add_support,
    explain,
    famous_bar,
    rank,
    resolve,
)
from dateline.resolve.scoring import (
    WEIGHTS,
    article_features,
    is_capital,
    local_features,
    prior_features,
    total,
)

TOWN = Candidate(1, 1, "Springdale", "city", "US", "AR", None, 36.2, -94.1, 80_000, 0)


def _prior_delta(feature: str) -> float:
    """The prior score of a reading with ``feature`` minus one without it."""
    variants = {
        "population": (replace(TOWN, pop=990), replace(TOWN, pop=9_990)),
        "is_country": (replace(TOWN, feature="other"), replace(TOWN, feature="country")),
        "is_region": (replace(TOWN, feature="other"), replace(TOWN, feature="region")),
        "is_admin": (replace(TOWN, feature="other", admin2="1"), replace(TOWN, feature="admin", admin2="1")),
        "is_capital": (
            replace(TOWN, name="Dover", pop=200_000),
            replace(TOWN, name="Washington", pop=200_000),
        ),
        "alternate_name": (replace(TOWN, pop=50_000), replace(TOWN, pop=50_000, kind=1)),
        "county_short_name": (
            replace(TOWN, feature="admin", admin2="7", pop=0),
            replace(TOWN, feature="admin", admin2="7", pop=0, kind=2),
        ),
    }
    if feature == "small_alternate":
        big, small = replace(TOWN, kind=1, pop=20_000), replace(TOWN, kind=1, pop=19_990)
        p_big, p_small = prior_features(big), prior_features(small)
        assert p_small["small_alternate"] == 1.0 and p_big["small_alternate"] == 0.0
        return total({"small_alternate": 1.0})
    if feature == "former_name":
        alias = replace(TOWN, kind=1)
        return total(prior_features(alias, main=True)) - total(prior_features(alias, main=False))
    if feature == "bare_province":
        us, ca = (
            replace(TOWN, feature="admin", admin2=None),
            replace(TOWN, feature="admin", admin2=None, cc="CA"),
        )
        return total(prior_features(ca)) - total(prior_features(us))
    without, with_ = variants[feature]
    return total(prior_features(with_)) - total(prior_features(without))


PRIOR = [
    "population",
    "is_country",
    "is_region",
    "is_admin",
    "is_capital",
    "alternate_name",
    "county_short_name",
    "small_alternate",
    "bare_province",
    "former_name",
]
ARTICLE = {
    "support": {"support": 1.0},
    "nearness": {"nearness": 1.0},
    "country_share": {"country_share": 1.0},
    "country_named": {"country_named": True},
    "money_lean": {"money_lean": True},
    "region_named": {"region_named": True},
    "dateline_country": {"dateline_country": True},
    "dateline_region": {"dateline_region": True},
    "point_within_50km": {"nearest_km": 10.0},
    "point_within_200km": {"nearest_km": 120.0},
}
LOCAL = {
    "qualifier_inside": {"qualifier": True},
    "qualifier_outside": {"qualifier": False},
    "sentence_country": {"sentence_country": 1.0},
    "sentence_region": {"sentence_region": 1.0},
    "kind_match": {"kind_match": True},
}


def test_every_weight_belongs_to_one_feature() -> None:
    names = {f.name for f in fields(WEIGHTS)} - {"famous_damping"}
    produced = set(prior_features(TOWN)) | set(article_features(TOWN)) | set(local_features())
    assert produced == names
    assert set(PRIOR) | set(ARTICLE) | set(LOCAL) == names


@pytest.mark.parametrize("feature", PRIOR)
def test_prior_feature_moves_the_score_by_its_weight(feature: str) -> None:
    expected = getattr(WEIGHTS, feature)
    assert _prior_delta(feature) == pytest.approx(expected)


@pytest.mark.parametrize("feature", sorted(ARTICLE))
def test_article_feature_moves_the_score_by_its_weight(feature: str) -> None:
    delta = total(article_features(TOWN, **ARTICLE[feature])) - total(article_features(TOWN))
    assert delta == pytest.approx(getattr(WEIGHTS, feature))


@pytest.mark.parametrize("feature", sorted(LOCAL))
def test_local_feature_moves_the_score_by_its_weight(feature: str) -> None:
    delta = total(local_features(**LOCAL[feature])) - total(local_features())
    assert delta == pytest.approx(getattr(WEIGHTS, feature))


def test_capitals_are_the_big_city_of_the_capitals_name() -> None:
    gaz = gazetteer()
    london = {c.cc: c for c in gaz.lookup("London") if c.feature == "city" and c.kind == 0}
    assert is_capital(london["GB"]) and not is_capital(london["CA"]) and not is_capital(london["US"])


def _us_local_context(*names: str) -> GeoContext:
    gaz = gazetteer()
    ctx = GeoContext()
    ctx.countries["US"] += 2
    for name in names:
        add_support(ctx, name.lower(), gaz.lookup(name))
    return ctx


def test_famous_name_needs_local_evidence_to_mean_a_small_namesake() -> None:
    """'London' in an American article is still London, England, unless evidence next to
    the mention (Ohio in its sentence, an anchor) says otherwise (``famous_damping``)."""
    gaz = gazetteer()
    ctx = _us_local_context()
    plain = resolve(gaz.lookup("London"), ctx, key="london")
    assert plain is not None and plain.candidate.cc == "GB"
    ohio = LocalEvidence(regions={("US", "OH"): 1.0})
    near = resolve(gaz.lookup("London"), ctx, key="london", local=ohio)
    assert near is not None and near.candidate.cc == "US" and near.candidate.admin1 == "OH"
    anchored = resolve(gaz.lookup("London"), ctx, key="london", local=LocalEvidence(anchored=True))
    assert anchored is not None and anchored.candidate.cc == "US"


def test_damping_halves_only_the_article_evidence_of_a_small_namesake() -> None:
    gaz = gazetteer()
    cands = gaz.lookup("London")
    ctx = _us_local_context("Columbus", "Xenia")
    bar = famous_bar(cands)
    town = next(c for c in cands if c.cc == "US" and c.admin1 == "OH")
    damped = explain(town, ctx, key="london", bar=bar)
    full = explain(town, ctx, key="london", bar=bar, local=LocalEvidence(anchored=True))
    for name in ("support", "nearness", "country_share"):
        assert damped[name] == pytest.approx(WEIGHTS.famous_damping * full[name])
    assert damped["population"] == full["population"]
    big = next(c for c in cands if c.cc == "GB" and c.feature == "city" and c.kind == 0)
    assert explain(big, ctx, key="london", bar=bar) == explain(big, ctx, key="london", bar=None)


def test_rank_scores_are_the_sum_of_explained_terms() -> None:
    gaz = gazetteer()
    ctx = _us_local_context("Columbus")
    cands = gaz.lookup("Dublin")
    bar = famous_bar(cands)
    main = any(c.kind == 0 for c in cands)
    for score, cand in rank(cands, ctx, key="dublin")[:3]:
        assert score == pytest.approx(sum(explain(cand, ctx, key="dublin", main=main, bar=bar).values()))


def test_kind_word_lets_a_region_beat_its_bigger_namesake_town() -> None:
    # a made-up province and its chief town, which outranks it bare
    region = Candidate(7, 7, "Harlow", "admin", "ZZ", "05", None, 10.0, 20.0, 60_000, 0)
    town = Candidate(8, 8, "Harlow", "city", "ZZ", "05", None, 10.1, 20.1, 150_000, 0)
    ctx = GeoContext()
    bare = resolve((region, town), ctx, None, "harlow")
    worded = resolve((region, town), ctx, None, "harlow", LocalEvidence(kind="province"))
    town_worded = resolve((region, town), ctx, None, "harlow", LocalEvidence(kind="town"))
    assert bare is not None and bare.candidate == town
    assert worded is not None and worded.candidate == region
    assert town_worded is not None and town_worded.candidate == town
