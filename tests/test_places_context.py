"""Context rules of the place stage: lists, split names, institutions, nearness; built centres."""

from __future__ import annotations

import pytest

from dateline.resolve.countries import country_by_iso2
from dateline.resolve.country_build import main_landmass_centre
from dateline.resolve.gazetteer import gazetteer
from dateline.resolve.gazetteer_build import _bare_region, _middle
from dateline.resolve.geocode import GeoContext, add_support, resolve


def _places(analyze, text: str) -> dict:
    return {p.text: p for p in analyze(text).places}


@pytest.mark.model
def test_a_list_of_states_reads_every_name_as_a_state(analyze) -> None:
    places = _places(
        analyze,
        "Cases were reported in Arizona, California, Colorado, Georgia, Illinois and Missouri, "
        "health officials said on Tuesday.",
    )
    for name in ("California", "Georgia"):
        assert places[name].feature == "admin" and places[name].country == "US", name


@pytest.mark.model
def test_a_country_name_cut_in_two_by_the_ner_is_one_place(analyze) -> None:
    places = _places(analyze, "The outbreak spread from Mali to Burkina Faso and Niger last month.")
    assert places["Burkina Faso"].feature == "country" and places["Burkina Faso"].country == "BF"


@pytest.mark.model
def test_a_county_heading_an_agency_is_a_place_and_locates_the_town(analyze) -> None:
    places = _places(
        analyze,
        "Deputies from the Guernsey County Sheriff's Office were called to a house near Byesville "
        "on Friday. The victim was taken to a hospital in Cambridge.",
    )
    assert places["Guernsey County"].admin1 == "Ohio"
    assert places["Cambridge"].admin1 == "Ohio"


def test_nearness_favours_the_reading_beside_the_other_names() -> None:
    """A small town close to the article's other places beats a larger namesake far away."""
    gaz = gazetteer()
    ctx = GeoContext()
    add_support(ctx, "guernsey county", gaz.lookup("Guernsey County"))
    add_support(ctx, "byesville", gaz.lookup("Byesville"))
    res = resolve(gaz.lookup("Cambridge"), ctx, key="cambridge")
    assert res is not None and res.candidate.cc == "US" and res.candidate.admin1 == "OH"


def test_country_points_lie_at_the_centre_of_the_main_landmass() -> None:
    us = country_by_iso2("US")
    assert us is not None and us.lat is not None and us.lon is not None
    assert 38.5 < us.lat < 40.5 and -101 < us.lon < -97  # not pulled to Alaska, not Kansas' corner
    nz = country_by_iso2("NZ")
    assert nz is not None and nz.lat is not None and -43 < nz.lat < -40  # between the two islands


def test_main_landmass_centre_of_hand_made_borders() -> None:
    square = [[[10.0, 0.0], [12.0, 0.0], [12.0, 2.0], [10.0, 2.0], [10.0, 0.0]]]
    islet = [[[50.0, 50.0], [50.1, 50.0], [50.1, 50.1], [50.0, 50.1], [50.0, 50.0]]]
    info = {"geoJSON": {"features": [{"geometry": {"type": "MultiPolygon", "coordinates": [square, islet]}}]}}
    lat, lon = main_landmass_centre(info) or (None, None)
    assert lat == pytest.approx(1.0, abs=0.01) and lon == pytest.approx(11.0, abs=0.01)
    assert main_landmass_centre({}) is None
    assert main_landmass_centre({"geoJSON": "not a literal ("}) is None


@pytest.mark.parametrize(
    ("name", "bare"),
    [
        ("Anhui Sheng", "Anhui"),
        ("Nyanza Province", "Nyanza"),
        ("Ningxia Huizu Zizhiqu", "Ningxia"),
        ("Muhafazat al Basrah", "Basrah"),
        ("Eastern Province", None),
        ("Texas", "Texas"),
    ],
)
def test_region_names_without_generic_words(name: str, bare: str | None) -> None:
    assert _bare_region(name) == bare


def test_region_middle_is_the_centre_of_its_extent() -> None:
    assert _middle([(0.0, 0.0), (0.0, 1.0), (0.0, 1.1), (10.0, 2.0)]) == (5.0, 1.0)
    assert _middle([]) == (None, None)
    lat, lon = _middle([(0.0, 179.0), (0.0, -179.0)])  # across the antimeridian: the mean
    assert lat == 0.0 and lon == 0.0


def test_abbreviated_provinces_are_names_of_their_region() -> None:
    gaz = gazetteer()
    assert any(c.name == "New South Wales" and c.cc == "AU" for c in gaz.lookup("NSW"))
    assert any(c.name == "British Columbia" and c.cc == "CA" for c in gaz.lookup("B.C."))


def test_regions_divided_by_direction_words_are_one_region() -> None:
    from dateline.resolve.gazetteer_build import _divided_regions

    names = {
        ("SD", "1"): "Northern Darfur",
        ("SD", "2"): "Western Darfur",
        ("RW", "1"): "Eastern Province",
        ("RW", "2"): "Western Province",
        ("XX", "1"): "North Carolina",
    }
    got = _divided_regions(names)
    assert got[("SD", "Darfur")] == ["1", "2"]
    assert ("RW", "Province") not in got  # a generic word is no region's name
    darfur = [c for c in gazetteer().lookup("Darfur") if c.feature == "region"]
    assert darfur and darfur[0].cc == "SD" and darfur[0].lat is not None and 10 < darfur[0].lat < 16
