"""One country convention for every output: ISO 3166 alpha-3 plus the ISO short name.

Records keep what their stage found (a place's alpha-2, an actor's alpha-3); every store
view, export and DataFrame turns either into the same pair through ``country()``, so a
join or a filter on ``country`` means one thing everywhere. ACLED's CSV is the exception
on purpose: a drop-in file must use ACLED's own names and regions (``acled_country``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    alpha2: str
    alpha3: str
    name: str
    numeric: int


@cache
def country(code: str | None) -> Country | None:
    """The country an alpha-2 or alpha-3 code (or an ISO name) names; None when none does."""
    if not code or not code.strip():
        return None
    import pycountry

    try:
        c = pycountry.countries.lookup(code.strip())
    except LookupError:
        return None
    return Country(c.alpha_2, c.alpha_3, c.name, int(c.numeric))


def alpha3(code: str | None) -> str | None:
    found = country(code)
    return found.alpha3 if found else None


def name(code: str | None) -> str | None:
    found = country(code)
    return found.name if found else None


#: ACLED's regions from the UN M49 sub-regions country_converter carries; ACLED groups the
#: Middle East, the Caucasus and Central Asia, and all of Europe and Oceania differently.
_ACLED_REGION = {
    "Western Africa": "Western Africa",
    "Middle Africa": "Middle Africa",
    "Eastern Africa": "Eastern Africa",
    "Southern Africa": "Southern Africa",
    "Northern Africa": "Northern Africa",
    "Southern Asia": "South Asia",
    "South-eastern Asia": "Southeast Asia",
    "Eastern Asia": "East Asia",
    "Western Asia": "Middle East",
    "Central Asia": "Caucasus and Central Asia",
    "Eastern Europe": "Europe",
    "Northern Europe": "Europe",
    "Southern Europe": "Europe",
    "Western Europe": "Europe",
    "Caribbean": "Caribbean",
    "Central America": "Central America",
    "South America": "South America",
    "Northern America": "North America",
    "Australia and New Zealand": "Oceania",
    "Melanesia": "Oceania",
    "Micronesia": "Oceania",
    "Polynesia": "Oceania",
    "Antarctica": "Antarctica",
}


@cache
def _acled_overrides() -> dict[str, tuple[str, str, int]]:
    """alpha-3 -> (ACLED name, region, iso) where ACLED differs from country_converter."""
    text = resources.files("dateline.resources").joinpath("export/acled_countries.tsv").read_text("utf-8")
    out: dict[str, tuple[str, str, int]] = {}
    for row in csv.reader((ln for ln in text.splitlines() if ln and not ln.startswith("#")), delimiter="\t"):
        code, acled_name, region, iso = row
        out[code] = (acled_name, region, int(iso) if iso else -1)
    return out


@cache
def _converter_table() -> dict[str, tuple[str, str]]:
    import logging

    import country_converter as coco

    logging.getLogger("country_converter").setLevel(logging.ERROR)
    data = coco.CountryConverter().data
    return {
        str(r.ISO3): (str(r.name_short), _ACLED_REGION.get(str(r.UNregion), ""))
        for r in data[["ISO3", "name_short", "UNregion"]].itertuples(index=False)
    }


@cache
def acled_country(code: str | None) -> tuple[str, str, int | None]:
    """(ACLED country name, ACLED region, ISO numeric) for a code; empty when unknown."""
    found = country(code)
    a3 = found.alpha3 if found else (code or "").upper()
    table = _converter_table()
    if a3 not in table and found is None:
        return ("", "", None)
    cc_name, region = table.get(a3, (found.name if found else "", ""))
    over = _acled_overrides().get(a3)
    if over:
        acled_name, over_region, iso = over
        numeric = iso if iso >= 0 else (found.numeric if found else None)
        return (acled_name or cc_name, over_region or region, numeric)
    return (cc_name, region, found.numeric if found else None)
