"""Geocoding against the built gazetteer: lookups, context, qualifiers, misspellings (no model)."""

from __future__ import annotations

from dateline.resolve.gazetteer import gazetteer
from dateline.resolve.geocode import GeoContext, fuzzy_candidates, resolve
from dateline.resolve.names import name_key


def test_name_key_spells_out_abbreviations_and_folds() -> None:
    assert name_key("St. Louis") == name_key("Saint Louis") == "saint louis"
    assert name_key("Deir ez-Zor") == "deir ez zor"
    assert name_key("Gällivare") == "gallivare"


def test_gazetteer_has_countries_states_counties_and_towns() -> None:
    gaz = gazetteer()
    syria = [c for c in gaz.lookup("Syria") if c.feature == "country"]
    assert syria and syria[0].gid == 163843
    assert any(c.feature == "admin" and c.cc == "US" and c.gid for c in gaz.lookup("W.Va."))
    assert any(c.admin2 for c in gaz.lookup("Laurel County"))
    assert len(gaz.lookup("Palmyra")) > 5  # Syria, and towns in the US, Brazil, Australia


def test_context_picks_the_syrian_palmyra() -> None:
    gaz = gazetteer()
    ctx = GeoContext()
    ctx.countries["SY"] += 2
    res = resolve(gaz.lookup("Palmyra"), ctx)
    assert res is not None and res.candidate.cc == "SY" and res.candidate.gid == 163808


def test_us_context_picks_the_us_state_not_the_country() -> None:
    gaz = gazetteer()
    ctx = GeoContext()
    ctx.countries["US"] += 3
    res = resolve(gaz.lookup("Georgia"), ctx)
    assert res is not None and res.candidate.cc == "US" and res.candidate.feature == "admin"
    alone = resolve(gaz.lookup("Georgia"), GeoContext())
    assert alone is not None and alone.candidate.feature == "country"


def test_qualifier_after_comma_decides() -> None:
    gaz = gazetteer()
    illinois = [c for c in gaz.lookup("Ill.") if c.feature == "admin"]
    res = resolve(gaz.lookup("Springfield"), GeoContext(), illinois)
    assert res is not None and res.candidate.cc == "US" and res.candidate.admin1 == "IL"


def test_misspelling_resolves_only_within_the_context_country() -> None:
    gaz = gazetteer()
    assert gaz.lookup("Dier al-Zor") == ()
    found = fuzzy_candidates(gaz, "Dier al-Zor", ["SY"])
    assert any(c.name == "Deir ez-Zor" for c in found)
    assert not any(c.name == "Deir ez-Zor" for c in fuzzy_candidates(gaz, "Dier al-Zor", ["FR"]))


def test_a_hamlet_abroad_is_not_a_reading() -> None:
    gaz = gazetteer()
    ctx = GeoContext()
    ctx.countries["SY"] += 3
    # "Bel" matches a small US town only through an alternate name: left unresolved
    assert resolve(gaz.lookup("Bel"), ctx) is None


def test_alternate_name_yields_to_a_larger_official_bearer() -> None:
    from dateline.resolve.gazetteer import Candidate
    from dateline.resolve.geocode import official_first

    big = Candidate(1, 1, "Springdale", "city", "US", "AR", None, 36.2, -94.1, 80_000, 0)
    alias = Candidate(2, 2, "Oldham", "city", "US", "TX", None, 30.0, -97.0, 9_000, 1)
    short = Candidate(3, 3, "Springdale Heights", "city", "US", "OH", None, 40.0, -83.0, 3_000, 1)
    kept = official_first([big, alias, short], "springdale")
    assert big in kept and short in kept and alias not in kept
    assert official_first([alias], "springdale") == [alias]


def test_bare_dollars_lean_an_article_to_the_us() -> None:
    from dateline.extract.places.evidence import _DOLLARS, _OTHER_MONEY

    assert _DOLLARS.search("a $765,000 package") and not _OTHER_MONEY.search("a $765,000 package")
    assert _OTHER_MONEY.search("it cost A$20 or 12 euros")


def test_a_place_added_after_scoring_counts_at_once() -> None:
    """The readings' article features are kept per view (``GeoContext.scored``): a place
    added to the view must not leave the old scores in place."""
    gaz = gazetteer()
    syria = next(c for c in gaz.lookup("Syria") if c.feature == "country")
    ctx = GeoContext()
    before = resolve(gaz.lookup("Palmyra"), ctx, key="palmyra")
    ctx.add_place(syria, 2.0)
    fresh = GeoContext()
    fresh.add_place(syria, 2.0)
    expected = resolve(gaz.lookup("Palmyra"), fresh, key="palmyra")
    assert expected != before
    assert resolve(gaz.lookup("Palmyra"), ctx, key="palmyra") == expected
