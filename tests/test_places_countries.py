"""Country names, demonyms and roles -> ISO alpha-3 (the shared country helper)."""

from __future__ import annotations

import pytest

from dateline.resolve.countries import (
    country_by_iso2,
    country_by_iso3,
    country_of,
    demonym_country,
    name_country,
)


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Syria", "SYR"),
        ("Syrian", "SYR"),
        ("Syrians", "SYR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("US", "USA"),
        ("Americans", "USA"),
        ("French", "FRA"),
        ("Iraqi", "IRQ"),
        ("Russia's", "RUS"),
        ("Syrian Culture Minister", "SYR"),
        ("the Syrian Arab Army", "SYR"),
        ("former U.S. envoy to Iraq", "USA"),
        ("U.S.-led coalition", "USA"),
        ("Jordanian-backed", "JOR"),
    ],
)
def test_country_of_names_demonyms_roles(text: str, iso3: str) -> None:
    assert country_of(text) == iso3


@pytest.mark.parametrize(
    "text", ["us", "", "  ", "Kurdish", "Islamic State", "New Mexico governor", "Main Street"]
)
def test_country_of_none(text: str) -> None:
    assert country_of(text) is None


def test_demonym_is_not_a_name() -> None:
    assert demonym_country("Syrian") == "SYR"
    assert name_country("Syrian") is None
    assert name_country("Syria") == "SYR"


def test_country_records_carry_geonames_ids() -> None:
    syria = country_by_iso3("SYR")
    assert syria is not None and syria.iso2 == "SY" and syria.geonameid == 163843
    assert syria.lat is not None and 30 < syria.lat < 38
    assert country_by_iso2("SY") == syria


def test_built_country_table_is_what_the_build_makes() -> None:
    """countries.json is a build artefact from PyPI data (scripts/build_gazetteer.py), never edited by hand."""
    import json

    from dateline.resolve.country_build import build_countries
    from dateline.resolve.geodata import countries_path

    built = json.loads(countries_path().read_text(encoding="utf-8"))
    assert build_countries() == built
