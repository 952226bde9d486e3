"""Incident-level exports: one ACLED-style CSV row per incident, GeoJSON incident points.

Kept apart from the per-event exporters: they read merged incident views
(``dateline.incidents.view``), not single articles. Sources are joined in ``source``;
disputed figures and the claims ledger go into ``notes``; ``fatalities`` is the
conservative merged figure (ACLED's rule).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.country_codes import acled_country
from dateline.export.acled_csv import DISORDER, inter_value, interaction, write_rows
from dateline.export.common import country_info


def _notes(view: dict[str, Any]) -> str:
    parts = []
    for unit, fig in view["figures"].items():
        if fig["disputed"]:
            by = ", ".join(f"{v} ({src})" for src, v in fig["by_source"].items())
            parts.append(f"{unit} disputed: {fig['spread'][0]}-{fig['spread'][1]} [{by}]")
    for stance, said in view["claims"].items():
        parties = sorted({s["party"] for s in said})
        parts.append(f"{stance}: {'; '.join(parties)}")
    first = next((r for r in view["reports"] if r["events"]), None)
    if first:
        ev = first["events"][0]
        parts.append(f"{first['source']}: {ev['trigger']}")
    return " | ".join(parts)


def incident_actors(view: dict[str, Any]) -> dict[str, Any]:
    """ACLED's actor cells for the incident, from its reports' events (as the per-event
    export fills them): ``actor1`` is the actor most of the events that happened name
    (statements about them are left out: their actor is the speaker), on a tie the lead
    report's; ``assoc_actor_1`` the others and the supporters; ``actor2`` likewise."""
    events = [ev for r in view["reports"] for ev in r["events"] if ev.get("material", True)]
    actors = [ev["actors"] for ev in events if ev.get("actors")]

    def common(field: str) -> tuple[str, int | None]:
        named = [a for a in actors if a[field]]
        if not named:
            return ("", None)
        tally = Counter(a[field] for a in named)
        label = max(named, key=lambda a: (tally[a[field]], -named.index(a)))[field]
        codes = [a["inter" + field[-1]] for a in named if a[field] == label and a["inter" + field[-1]]]
        return (label, codes[0] if codes else None)

    actor1, inter1 = common("actor1")
    actor2, inter2 = common("actor2")
    assoc: dict[str, None] = {}
    for a in actors:
        for name in [a["actor1"], *a["assoc_actor_1"].split("; ")]:
            if name and name not in (actor1, actor2):
                assoc[name] = None
    return {
        "actor1": actor1,
        "assoc_actor_1": "; ".join(assoc),
        "inter1": inter_value(inter1),
        "actor2": actor2,
        "inter2": inter_value(inter2),
        "interaction": interaction(inter1, inter2),
    }


def incident_row(view: dict[str, Any]) -> dict[str, Any]:
    """One ACLED row for an incident (typed as ACLED's file has them; not yet formula-safe)."""
    _a2, a3, _name, numeric = country_info(view.get("country"))
    country, region, acled_numeric = acled_country(a3) if a3 else ("", "", None)
    start, end = view.get("date_start") or "", view.get("date_end") or ""
    precision = 1 if start == end and len(start) == 10 else (2 if start[:7] == end[:7] else 3)
    labels = Counter(ev["trigger"] for r in view["reports"] for ev in r["events"] if ev.get("trigger"))
    fat = view["figures"].get("fatalities")
    return {
        "event_id_cnty": f"{a3 or 'XXX'}-{view['id']}",
        "event_date": start[:10] if len(start) >= 10 else (start + "-01-01")[:10] if start else "",
        "year": int(start[:4]) if start[:4].isdigit() else "",
        "time_precision": precision if start else "",
        "disorder_type": DISORDER.get(view.get("acled_type") or "", ""),
        "event_type": view.get("acled_type") or "",
        "sub_event_type": view.get("acled_subtype") or "",
        **incident_actors(view),
        "civilian_targeting": "Civilian targeting"
        if view.get("acled_type") == "Violence against civilians"
        else "",
        "iso": acled_numeric if acled_numeric is not None else (numeric or ""),
        "region": region,
        "country": country,
        "admin1": view.get("admin1") or "",
        "location": view.get("place") or "",
        "latitude": view.get("lat") if view.get("lat") is not None else "",
        "longitude": view.get("lon") if view.get("lon") is not None else "",
        "geo_precision": "",
        "source": "; ".join(dict.fromkeys(r["source"] for r in view["reports"])),
        "source_scale": "",
        "notes": _notes(view),
        "fatalities": fat["merged"] if fat else 0,  # ACLED's 0 when no toll is reported
        "tags": f"incident of {view['n_reports']} reports in {view['n_articles']} articles; "
        + ", ".join(t for t, _ in labels.most_common(3)),
        "timestamp": int(time.time()),
    }


def write_incident_csv(
    views: Iterable[dict[str, Any]], out: TextIO, report: dict[str, int] | None = None
) -> int:
    """Write one row per incident; returns how many.

    As in the per-event export, every row has a date and a country: an incident with
    neither a dated report nor a placed one is left out and counted in
    ``report["left_out"]`` (empty ``year``/``iso`` cells would make those columns floats).
    """
    return write_rows((incident_row(view) for view in views), out, report)


def incident_feature(view: dict[str, Any]) -> dict[str, Any] | None:
    """A GeoJSON Point for an incident with coordinates (its most precise report's place)."""
    if view.get("lat") is None or view.get("lon") is None:
        return None
    return {
        "type": "Feature",
        "id": view["id"],
        "geometry": {"type": "Point", "coordinates": [round(view["lon"], 6), round(view["lat"], 6)]},
        "properties": {
            "kind": "incident",
            "type": view.get("type"),
            "acled_type": view.get("acled_type"),
            "acled_subtype": view.get("acled_subtype"),
            "date_start": view.get("date_start"),
            "date_end": view.get("date_end"),
            "place": view.get("place"),
            "country": view.get("country"),
            "country_name": view.get("country_name"),
            "n_reports": view.get("n_reports"),
            "n_articles": view.get("n_articles"),
            "sources": [r["source"] for r in view["reports"]],
            "fatalities": (view["figures"].get("fatalities") or {}).get("merged"),
            "disputed": view.get("disputed"),
        },
    }


def write_incident_geojson(views: Iterable[dict[str, Any]], out: TextIO) -> int:
    feats = [f for f in (incident_feature(v) for v in views) if f is not None]
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
