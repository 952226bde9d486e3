"""GeoJSON (RFC 7946) for QGIS and Leaflet: events and places as Point features.

Coordinates are ``[longitude, latitude]`` (the RFC's order, which people get wrong); a
record without coordinates is left out, since a feature needs a geometry to be drawn.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.export.common import actor_label, place_of
from dateline.records import Article


def _point(lat: float, lon: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def features(
    articles: Iterable[Article], kinds: tuple[str, ...] = ("events", "places")
) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for article in articles:
        if "events" in kinds:
            for event in article.events:
                place = place_of(article, event)
                if not place or place.lat is None or place.lon is None:
                    continue
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
                            "place": place.name or place.text,
                            "country": place.country,
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
                            "country": place.country,
                            "admin1": place.admin1,
                            "confidence": place.confidence,
                            "title": article.title,
                            "url": article.url,
                        },
                    }
                )
    return out


def write_geojson(
    articles: Iterable[Article], out: TextIO, kinds: tuple[str, ...] = ("events", "places")
) -> int:
    feats = features(articles, kinds)
    json.dump({"type": "FeatureCollection", "features": feats}, out, ensure_ascii=False)
    out.write("\n")
    return len(feats)
