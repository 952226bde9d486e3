"""ACLED-style CSV: one row per event with an ACLED type, in ACLED's own column names.

Columns dateline cannot know (region, admin names, source scale) are left empty rather
than guessed. ``event_date`` is a full date as ACLED requires: a month- or year-precise
date is written as its first day and ``time_precision`` says so (1 day, 2 week, 3 month
or coarser), the codebook's convention.
"""

from __future__ import annotations

import csv
import re
import time
from collections.abc import Iterable
from typing import TextIO

from dateline.export.common import actor_label, event_country, place_of, sentence_around
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
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
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

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Riots": "Political violence",
    "Protests": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
#: ACLED interaction codes from PLOVER sectors (1 state forces, 2 rebels, 3 political
#: militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other).
_INTER = {
    "GOV": 1,
    "MIL": 1,
    "COP": 1,
    "JUD": 1,
    "LEG": 1,
    "REB": 2,
    "INS": 2,
    "OPP": 3,
    "PTY": 3,
    "CVL": 7,
    "CIV": 7,
}
_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO_PRECISION = {"city": 1, "landmark": 1, "admin": 2, "region": 3, "country": 3}
_FATAL_UNITS = ("killed", "dead", "death", "deaths", "fatalities", "died", "bodies", "lives")


def _inter(actor: Actor | None) -> int | None:
    return _INTER.get((actor.sector or "").upper()) if actor else None


_ISO_PREFIX = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _event_date(event: Event, article: Article) -> tuple[str, str, int | None]:
    """(event_date, year, time_precision); a partial date is padded to its first day."""
    value = event.date.value if event.date else (article.published or "")
    m = _ISO_PREFIX.match(value)
    if not m:
        return ("", "", None)
    year, month, day = m.group(1), m.group(2), m.group(3)
    precision = event.date.precision if event.date else "day"
    if not month:
        precision = "year"
    elif not day and precision == "day":
        precision = "month"
    return (f"{year}-{month or '01'}-{day or '01'}", year, _PRECISION.get(precision, 3))


def _fatalities(event: Event) -> int | str:
    """The lowest fatality figure stated (ACLED's conservative rule); empty when none is."""
    figures = [
        c.low if c.low is not None else c.value for c in event.counts if c.unit.lower() in _FATAL_UNITS
    ]
    return int(min(figures)) if figures else ""


def event_row(article: Article, event: Event) -> dict[str, object]:
    place = place_of(article, event)
    _a2, a3, country, numeric = event_country(article, event)
    date, year, tp = _event_date(event, article)
    i1, i2 = _inter(event.actor), _inter(event.target)
    civilian = event.acled_type == "Violence against civilians" or (
        event.target is not None and (event.target.sector or "").upper() in ("CVL", "CIV")
    )
    tags = [] if event.modality == "asserted" else [f"modality: {event.modality}"]
    if event.attributed_to:
        tags.append(f"attributed to quote {event.attributed_to}")
    return {
        "event_id_cnty": f"{a3 or 'XXX'}-{article.id}-{event.id}",
        "event_date": date,
        "year": year,
        "time_precision": tp or "",
        "disorder_type": _DISORDER.get(event.acled_type or "", ""),
        "event_type": event.acled_type or "",
        "sub_event_type": event.acled_subtype or "",
        "actor1": actor_label(event.actor),
        "assoc_actor_1": "; ".join(actor_label(s) for s in event.supporters if actor_label(s)),
        "inter1": i1 or "",
        "actor2": actor_label(event.target),
        "interaction": int(f"{min(i1, i2)}{max(i1, i2)}") if i1 and i2 else (f"{i1}0" if i1 else ""),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": numeric or "",
        "region": "",
        "country": country,
        "admin1": (place.admin1 or "") if place else "",
        "location": (place.name or place.text) if place else "",
        "latitude": place.lat if place and place.lat is not None else "",
        "longitude": place.lon if place and place.lon is not None else "",
        "geo_precision": _GEO_PRECISION.get(place.feature or "", "") if place else "",
        "source": article.source or article.url or "",
        "source_scale": "",
        "notes": sentence_around(article.text, *event.span),
        "fatalities": _fatalities(event),
        "tags": "; ".join(tags),
        "timestamp": int(time.time()),
    }


def write_acled_csv(articles: Iterable[Article], out: TextIO, all_events: bool = False) -> int:
    """Write the rows; events without an ACLED type are left out unless ``all_events``."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for article in articles:
        for event in article.events:
            if event.acled_type or all_events:
                writer.writerow(event_row(article, event))
                n += 1
    return n
