"""ACLED CSV, drop-in: the 31 columns of ACLED's export, in ACLED's order and types.

A script written for an ACLED download (``pd.read_csv``, ``parse_dates=["event_date"]``,
group by ``country``/``region``/``year``, sum ``fatalities``) runs on this file unchanged:

- ``country`` and ``region`` are ACLED's names (country_converter's short names and UN
  sub-regions, with ACLED's own spellings and groupings in ``resources/export``);
  ``iso`` is the ISO 3166 numeric code and ``year`` an integer.
- ``event_date`` is the first day the event's date covers (ISO, or ACLED's
  "15 March 2024" with ``date_format="acled"``); ``time_precision`` says how much of it is
  known, as ACLED's codebook defines it: 1 the day, 2 the week or a few days (an undated
  event reported that day), 3 the month or less.
- ``geo_precision``: 1 a town or a spot in it, 2 a district or part of a region, 3 a
  province, a region or the country. An event known only by its actor's country is
  located at the country (its gazetteer point, ``geo_precision`` 3), as ACLED does.
- ``inter1``/``inter2``/``interaction``: ACLED's actor categories, as text ("State
  forces", "State forces-Civilians", the current export) or as the older numeric codes.
- ``fatalities`` is 0 when no death toll is reported (ACLED's convention), else the
  lowest figure stated (its conservative rule); ``timestamp`` is when the article was
  ingested (Unix seconds).
- Negated, planned and hypothetical events are left out unless asked for; ``tags``
  names the modality of a kept event that is only claimed.
- Every ACLED row has a date and a country; an event with neither a date nor a dated
  article, or with no place and no actor country, is left out (and counted) rather than
  written with empty ``year``/``iso`` cells that would turn those columns into floats.

What dateline cannot know (second- and third-level admin names, the source's scale) is
left empty rather than guessed. Every text cell is made formula-safe (``csv_safe``).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import time
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

from dateline.country_codes import acled_country
from dateline.errors import OptionError, value_invalid_msg
from dateline.export.common import (
    actor_label,
    csv_safe,
    event_country,
    event_dates,
    keep_event,
    place_of,
    sentence_around,
)
from dateline.records import Actor, Article, Event

COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
DATE_FORMATS = ("iso", "acled")
INTER_CODES = ("text", "numeric")

#: ACLED's disorder type of each event type.
DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: ACLED's actor categories (codebook "inter" codes).
INTER_NAMES = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}
#: PLOVER sector -> ACLED category: state organs are state forces, unidentified armed groups
#: political militias (ACLED's default for them), and people without arms civilians.
_SECTOR_INTER = {
    **dict.fromkeys(("GOV", "MIL", "COP", "JUD", "LEG", "PRM", "SPY"), 1),
    **dict.fromkeys(("REB", "INS"), 2),
    **dict.fromkeys(("OPP", "PTY", "UAF"), 3),
    **dict.fromkeys(("CVL", "CIV", "JRN", "MED", "EDU", "REF", "LAB", "AGR", "BUS", "NGO", "ELI"), 7),
    "IGO": 8,
}
_TIME_PRECISION = {"day": 1, "week": 2, "published": 2}
_GEO_PRECISION = {"city": 1, "landmark": 1, "admin": 2, "region": 3, "country": 3}
_FATAL_UNITS = ("killed", "dead", "death", "deaths", "fatalities", "died", "bodies", "lives")


def _inter(actor: Actor | None, event: Event, first: bool) -> int | None:
    if actor is None or not actor_label(actor):
        return None
    code = _SECTOR_INTER.get((actor.sector or "").upper())
    if first and code != 1 and event.acled_type in ("Protests", "Riots"):
        return 6 if event.acled_type == "Protests" else 5
    return code


def actor_columns(event: Event) -> dict[str, Any]:
    """The event's ACLED actor cells: ``actor1``, ``assoc_actor_1``, ``actor2`` (labels) and
    ``inter1``/``inter2`` (ACLED's category codes, None when unknown)."""
    return {
        "actor1": actor_label(event.actor),
        "assoc_actor_1": "; ".join(actor_label(s) for s in event.supporters if actor_label(s)),
        "inter1": _inter(event.actor, event, True),
        "actor2": actor_label(event.target),
        "inter2": _inter(event.target, event, False),
    }


def inter_value(code: int | None, inter: str = "text") -> str | int:
    """An ``inter`` cell: the category's name (ACLED's current export) or its code."""
    if not code:
        return ""
    return code if inter == "numeric" else INTER_NAMES[code]


def interaction(i1: int | None, i2: int | None, inter: str = "text") -> str | int:
    """The ``interaction`` cell of two ``inter`` codes."""
    codes = sorted(c for c in (i1, i2) if c)
    if not codes:
        return ""
    if inter == "numeric":
        return int(f"{codes[0]}{codes[1] if len(codes) > 1 else 0}")
    if len(codes) == 1:
        return f"{INTER_NAMES[codes[0]]} only"
    return f"{INTER_NAMES[codes[0]]}-{INTER_NAMES[codes[1]]}"


def _fatalities(event: Event) -> int:
    """The lowest death toll stated (ACLED's conservative rule); 0 when none is reported."""
    figures = [
        c.low if c.low is not None else c.value for c in event.counts if c.unit.lower() in _FATAL_UNITS
    ]
    return int(min(figures)) if figures else 0


def format_date(day: dt.date, date_format: str = "iso") -> str:
    return f"{day:%d %B %Y}" if date_format == "acled" else day.isoformat()


def _timestamp(value: str | None) -> int:
    if value:
        try:
            stamp = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            pass
        else:
            if stamp.tzinfo is None:
                stamp = stamp.replace(tzinfo=dt.UTC)
            return int(stamp.timestamp())
    return int(time.time())


@functools.cache
def _country_point(alpha2: str) -> tuple[float | None, float | None]:
    """A country's point in the gazetteer (the centre of its main landmasses); none without one."""
    import sqlite3

    from dateline.errors import ResourceError
    from dateline.resolve import geodata

    try:
        db = sqlite3.connect(f"file:{geodata.gazetteer_path()}?mode=ro", uri=True)
    except (ResourceError, sqlite3.Error):
        return (None, None)
    try:
        row = db.execute(
            "SELECT lat, lon FROM entries WHERE feature = 'country' AND cc = ? ORDER BY pop DESC LIMIT 1",
            [alpha2],
        ).fetchone()
    except sqlite3.Error:
        row = None
    finally:
        db.close()
    return (row[0], row[1]) if row else (None, None)


def event_row(
    article: Article,
    event: Event,
    date_format: str = "iso",
    inter: str = "text",
    ingested_at: str | None = None,
) -> dict[str, object]:
    """One ACLED row (values typed as ACLED's file has them; cells not yet formula-safe)."""
    place = place_of(article, event)
    where = event_country(article, event)
    a3 = where.alpha3 if where else ""
    country, region, numeric = acled_country(a3) if a3 else ("", "", None)
    start, _end, precision = event_dates(event, article)
    actors = actor_columns(event)
    i1, i2 = actors["inter1"], actors["inter2"]
    civilian = event.acled_type == "Violence against civilians" or (
        event.target is not None and (event.target.sector or "").upper() in ("CVL", "CIV")
    )
    tags = [] if event.modality == "asserted" else [f"modality: {event.modality}"]
    if event.attributed_to:
        tags.append(f"attributed to quote {event.attributed_to}")
    if place is not None and (place.lat is not None or where is None):
        location, lat, lon = place.name or place.text, place.lat, place.lon
        geo_precision = _GEO_PRECISION.get(place.feature or "", 3)
    elif where is not None:  # no place, or one without coordinates: the country's point
        location, (lat, lon), geo_precision = country, _country_point(where.alpha2), 3
    else:
        location, lat, lon, geo_precision = "", None, None, ""

    return {
        "event_id_cnty": f"{a3 or 'XXX'}-{article.id}-{event.id}",
        "event_date": format_date(start, date_format) if start else "",
        "year": start.year if start else "",
        "time_precision": _TIME_PRECISION.get(precision or "", 3) if start else "",
        "disorder_type": DISORDER.get(event.acled_type or "", ""),
        "event_type": event.acled_type or "",
        "sub_event_type": event.acled_subtype or "",
        "actor1": actors["actor1"],
        "assoc_actor_1": actors["assoc_actor_1"],
        "inter1": inter_value(i1, inter),
        "actor2": actors["actor2"],
        "assoc_actor_2": "",
        "inter2": inter_value(i2, inter),
        "interaction": interaction(i1, i2, inter),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": numeric if numeric is not None else "",
        "region": region,
        "country": country,
        "admin1": (place.admin1 or "") if place and place.feature != "country" else "",
        "admin2": "",
        "admin3": "",
        "location": location,
        "latitude": lat if lat is not None else "",
        "longitude": lon if lon is not None else "",
        "geo_precision": geo_precision,
        "source": article.source or article.url or "",
        "source_scale": "",
        "notes": sentence_around(article.text, *event.span),
        "fatalities": _fatalities(event),
        "tags": "; ".join(tags),
        "timestamp": _timestamp(ingested_at),
    }


def write_acled_csv(
    articles: Iterable[Article],
    out: TextIO,
    all_events: bool = False,
    date_format: str = "iso",
    inter: str = "text",
    modalities: Iterable[str] | None = None,
    ingested: Mapping[str, str] | None = None,
    report: dict[str, int] | None = None,
) -> int:
    """Write the rows; returns how many.

    Events without an ACLED type are left out unless ``all_events``; events of other
    modalities than ``modalities`` (default: asserted and claimed) are always left out.
    ``ingested`` maps article ids to their ingest time (the store's ``ingested_at``);
    articles not in it get the export's time. ``report["left_out"]`` counts the events
    left out for want of a date or a country.
    """
    if date_format not in DATE_FORMATS:
        raise OptionError(value_invalid_msg("date format", date_format, ", ".join(DATE_FORMATS)))
    if inter not in INTER_CODES:
        raise OptionError(value_invalid_msg("inter codes", inter, ", ".join(INTER_CODES)))
    wanted = None if modalities is None else list(modalities)
    rows = (
        event_row(article, event, date_format, inter, (ingested or {}).get(article.id))
        for article in articles
        for event in article.events
        if (event.acled_type or all_events) and keep_event(event, wanted)
    )
    return write_rows(rows, out, report)


def write_rows(rows: Iterable[dict[str, Any]], out: TextIO, report: dict[str, int] | None = None) -> int:
    """Write ACLED rows (header first, cells formula-safe); returns how many.

    A row without a ``year`` or an ``iso`` is left out and counted in
    ``report["left_out"]``: empty cells there would make those columns floats in pandas.
    """
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")  # RFC 4180
    writer.writeheader()
    n = left_out = 0
    for row in rows:
        if row["year"] == "" or row["iso"] == "":
            left_out += 1
            continue
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
        n += 1
    if report is not None:
        report["left_out"] = report.get("left_out", 0) + left_out
    return n
