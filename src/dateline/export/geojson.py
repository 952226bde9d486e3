"""GeoJSON (RFC 7946) for QGIS and Leaflet: events and places as Point features.

Coordinates are ``[longitude, latitude]`` (the RFC's order, which people get wrong); a
record without coordinates is left out, since a feature needs a geometry to be drawn.
Event features carry typed dates (``date_start``, ``date_end`` as ISO days, which GDAL
reads as Date fields, so QGIS's time slider can use them, and ``date_precision``) beside
the TIMEX value, and the country as ISO alpha-3 plus its name. Negated, planned and
hypothetical events are left out unless ``modalities`` says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.country_codes import country
from dateline.export.common import actor_label, event_dates, iso, keep_event, place_of
from dateline.records import Article


def _country(code: str | None) -> tuple[str | None, str | None]:
    found = country(code)
    return (found.alpha3, found.name) if found else (None, None)


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def features(
    articles: Iterable[Article],
    kinds: tuple[str, ...] = ("events", "places"),
    modalities: Iterable[str] | None = None,
) -> list[dict[str, Any]]:
    wanted = None if modalities is None else list(modalities)
    out: list[dict[str, Any]] = []
    for article in articles:
        if "events" in kinds:
            for event in article.events:
                place = place_of(article, event)
                if not place or place.lat is None or place.lon is None or not keep_event(event, wanted):
                    continue
                start, end, precision = event_dates(event, article)
                a3, cname = _country(place.country)
                out.append(
                    {
                        "type": "Feature",
                        "id": f"{article.id}-{event.id}",
                        "geometry": _point(place.lat, place.lon),
                        "properties": {
                            "kind": "event",
                            "article_id": article.id,
                            "event_type": event.type,
                            "mode": event.mode,
                            "acled_type": event.acled_type,
                            "acled_subtype": event.acled_subtype,
                            "trigger": event.trigger,
                            "actor": actor_label(event.actor),
                            "target": actor_label(event.target),
                            "date": event.date.value if event.date else None,
                            "date_start": iso(start),
                            "date_end": iso(end),
                            "date_precision": precision,
                            "place": place.name or place.text,
                            "country": a3,
                            "country_name": cname,
                            "modality": event.modality,
                            "title": article.title,
                            "url": article.url,
                        },
                    }
                )
        if "places" in kinds:
            for place in article.places:
                if place.lat is None or place.lon is None:
                    continue
                a3, cname = _country(place.country)
                out.append(
                    {
                        "type": "Feature",
                        "id": f"{article.id}-{place.id}",
                        "geometry": _point(place.lat, place.lon),
                        "properties": {
                            "kind": "place",
                            "article_id": article.id,
                            "text": place.text,
                            "name": place.name,
                            "geonames_id": place.geonames_id,
                            "feature": place.feature,
                            "country": a3,
                            "country_name": cname,
                            "admin1": place.admin1,
                            "confidence": place.confidence,
                            "title": article.title,
                            "url": article.url,
                        },
                    }
                )
    return out


def write_geojson(
    articles: Iterable[Article],
    out: TextIO,
    kinds: tuple[str, ...] = ("events", "places"),
    modalities: Iterable[str] | None = None,
) -> int:
    feats = features(articles, kinds, modalities)
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
