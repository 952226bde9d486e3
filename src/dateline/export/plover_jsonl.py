"""PLOVER JSONL: one event a line, in the PLOVER manual's record fields.

Core fields follow the manual's event record (``id``, ``date``, ``event``, ``mode``,
``context``, ``src_actor``/``src_agent``/``src_other``, ``tgt_actor``/``tgt_agent``/
``tgt_other``, ``quad_class``, ``story_id``, ``sentence_num``, ``text``, geolocation);
dateline's compliant extensions (modality, counts, territory_change, ACLED labels) are
added beside them under their own names, as the manual allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from dateline.export.common import actor_label, place_of, sentence_around
from dateline.records import Actor, Article, Event

QUAD = {
    "AGREE": "verbal cooperation",
    "CONSULT": "verbal cooperation",
    "SUPPORT": "verbal cooperation",
    "CONCEDE": "verbal cooperation",
    "COOPERATE": "material cooperation",
    "AID": "material cooperation",
    "RETREAT": "material cooperation",
    "REQUEST": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "REJECT": "verbal conflict",
    "THREATEN": "verbal conflict",
    "SANCTION": "material conflict",
    "PROTEST": "material conflict",
    "MOBILIZE": "material conflict",
    "COERCE": "material conflict",
    "ASSAULT": "material conflict",
}


def _actor_fields(prefix: str, actor: Actor | None) -> dict[str, Any]:
    return {
        f"{prefix}_actor": (actor.country or "") if actor else "",
        f"{prefix}_agent": (actor.sector or "") if actor else "",
        f"{prefix}_other": actor_label(actor),
        f"{prefix}_text": actor.text if actor else "",
    }


def plover_record(article: Article, event: Event) -> dict[str, Any]:
    place = place_of(article, event)
    date = event.date.value if event.date else (article.published or "")[:10]
    record: dict[str, Any] = {
        "id": f"{article.id}-{event.id}",
        "date": date,
        "event": event.type,
        "mode": event.mode or "",
        "context": [],
        "quad_class": QUAD.get(event.type or "", ""),
        **_actor_fields("src", event.actor),
        **_actor_fields("tgt", event.target),
        "story_id": article.id,
        "sentence_num": event.sentence,
        "text": sentence_around(article.text, *event.span),
        "event_text": event.trigger,
        "publication": article.source or "",
        "url": article.url or "",
        "story_date": article.published or "",
        "placename": (place.name or place.text) if place else "",
        "geonames_id": place.geonames_id if place else None,
        "feature_type": (place.feature or "") if place else "",
        "country_code": (place.country or "") if place else "",
        "admin1": (place.admin1 or "") if place else "",
        "lat": place.lat if place else None,
        "lon": place.lon if place else None,
        # dateline extensions (PLOVER-compliant additions)
        "date_precision": event.date.precision if event.date else "",
        "supporters": [actor_label(s) for s in event.supporters],
        "modality": event.modality,
        "attributed_to": event.attributed_to,
        "counts": [{"value": c.value, "unit": c.unit, "text": c.text} for c in event.counts],
        "territory_change": event.territory_change,
        "acled_event_type": event.acled_type or "",
        "acled_sub_event_type": event.acled_subtype or "",
        "confidence": event.confidence,
    }
    return record


def write_plover_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    n = 0
    for article in articles:
        for event in article.events:
            out.write(json.dumps(plover_record(article, event), ensure_ascii=False) + "\n")
            n += 1
    return n
