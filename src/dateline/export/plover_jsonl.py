"""PLOVER JSONL: one event a line, in the record shape of the PLOVER manual.

The manual's fields (see the end of ``spec/EVENTS.md``): ``event`` (one of the 16
categories), ``mode`` and ``context`` as lists (null when nothing fits; ``context`` is the
event's own, "crime" for violence ACLED would not code), ``actor`` and
``recipient`` as lists of entity objects (``raw_text``, ``entity_name``, ``wikidata_id``,
``wikidata_description``, ``country_name``, ``country_code``, ``sector_code``,
``other_sector_codes``), ``event_loc`` (the event's locations), ``quad_category`` and a
free ``comment``. Missing values are null, never "".

Supporters backing the actor are members of the actor's side, as the manual's compound
actors are. Casualties follow the manual's commented-out ASSAULT proposal (``dead``,
``injured``, ``size``) as a documented extension; dateline's other compliant extensions
(``modality``, ``counts``, ``territory_change``, the ACLED labels, typed dates) sit beside
them under their own names (``docs/records.md``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.country_codes import country
from dateline.export.common import event_dates, iso, place_of, sentence_around
from dateline.records import Actor, Article, Entity, Event

QUAD = {
    "AGREE": "VERBAL COOPERATION",
    "CONSULT": "VERBAL COOPERATION",
    "SUPPORT": "VERBAL COOPERATION",
    "CONCEDE": "VERBAL COOPERATION",
    "COOPERATE": "MATERIAL COOPERATION",
    "AID": "MATERIAL COOPERATION",
    "RETREAT": "MATERIAL COOPERATION",
    "REQUEST": "VERBAL CONFLICT",
    "ACCUSE": "VERBAL CONFLICT",
    "REJECT": "VERBAL CONFLICT",
    "THREATEN": "VERBAL CONFLICT",
    "SANCTION": "MATERIAL CONFLICT",
    "PROTEST": "MATERIAL CONFLICT",
    "MOBILIZE": "MATERIAL CONFLICT",
    "COERCE": "MATERIAL CONFLICT",
    "ASSAULT": "MATERIAL CONFLICT",
}
_DEAD = ("killed", "dead", "death", "deaths", "fatalities", "died", "bodies", "lives")
_INJURED = ("injured", "wounded", "hurt", "injuries")


def _or_none(value: Any) -> Any:
    return None if value == "" or value == [] else value


def entity(actor: Actor, entities: dict[str, Entity]) -> dict[str, Any]:
    """An actor as the manual's entity object; its name is the article's entity cluster's."""
    cluster = entities.get(actor.entity or "")
    code = actor.country or (cluster.country if cluster else None)
    found = country(code)
    return {
        "raw_text": _or_none(actor.text),
        "entity_name": _or_none(actor.name or (cluster.name if cluster else None) or actor.text),
        "wikidata_id": None,
        "wikidata_description": None,
        "country_name": found.name if found else None,
        "country_code": found.alpha3 if found else None,
        "sector_code": _or_none(actor.sector),
        "other_sector_codes": [],
    }


def _casualty(event: Event, units: tuple[str, ...]) -> int | None:
    figures = [c.low if c.low is not None else c.value for c in event.counts if c.unit.lower() in units]
    return int(min(figures)) if figures else None


def plover_record(article: Article, event: Event) -> dict[str, Any]:
    entities = {e.id: e for e in article.entities}
    place = place_of(article, event)
    start, end, precision = event_dates(event, article)
    actors = [event.actor, *event.supporters] if event.actor else list(event.supporters)
    loc = None
    if place:
        where = country(place.country)
        loc = [
            {
                "raw_text": place.text,
                "placename": place.name or place.text,
                "geonames_id": place.geonames_id,
                "feature_type": place.feature,
                "country_name": where.name if where else None,
                "country_code": where.alpha3 if where else None,
                "admin1": place.admin1,
                "lat": place.lat,
                "lon": place.lon,
            }
        ]
    dead, injured = _casualty(event, _DEAD), _casualty(event, _INJURED)
    return {
        "id": f"{article.id}-{event.id}",
        "date": iso(start),
        "event": event.type,
        "mode": [event.mode] if event.mode else None,
        "context": [event.context] if event.context else None,
        "actor": [entity(a, entities) for a in actors if a is not None] or None,
        "recipient": [entity(event.target, entities)] if event.target else None,
        "event_loc": loc,
        "quad_category": QUAD.get(event.type or ""),
        "comment": None,
        "event_text": _or_none(event.trigger),
        "text": _or_none(sentence_around(article.text, *event.span)),
        "story_id": article.id,
        "sentence_num": event.sentence,
        "publication": _or_none(article.source),
        "url": _or_none(article.url),
        "story_date": _or_none(article.published),
        # dateline extensions (PLOVER-compliant additions, docs/records.md)
        "dead": dead,
        "injured": injured,
        "size": None,
        "date_start": iso(start),
        "date_end": iso(end),
        "date_precision": precision,
        "timex": event.date.value if event.date else None,
        "modality": event.modality,
        "attributed_to": event.attributed_to,
        "counts": [
            {"value": c.value, "unit": c.unit, "text": c.text, "low": c.low, "high": c.high}
            for c in event.counts
        ],
        "territory_change": event.territory_change,
        "acled_event_type": event.acled_type,
        "acled_sub_event_type": event.acled_subtype,
        "confidence": event.confidence,
    }


def write_plover_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    n = 0
    for article in articles:
        for event in article.events:
            out.write(json.dumps(plover_record(article, event), ensure_ascii=False) + "\n")
            n += 1
    return n
