"""The ``events`` command's filters (type, country, dates, actor) applied to articles, so that
``dateline export`` takes the same ``--type/--country/--since/--until`` as ``dateline events``."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from dateline.country_codes import alpha3
from dateline.records import Article, Event
from dateline.store.base import EventQuery


def _matches(event: Event, article: Article, query: EventQuery) -> bool:
    if query.type:
        wanted = query.type.upper()
        if wanted not in {(x or "").upper() for x in (event.type, event.acled_type, event.acled_subtype)}:
            return False
    if query.country:
        want = alpha3(query.country) or query.country.upper()
        place = next((p for p in article.places if p.id == event.place), None)
        codes = {alpha3(place.country) if place else None}
        codes |= {alpha3(a.country) for a in (event.actor, event.target) if a is not None}
        if want not in codes:
            return False
    date = event.date.value if event.date else (article.published or "")[:10]
    if query.since and not (date and date >= query.since):
        return False
    if query.until and not (date and date[: len(query.until)] <= query.until):
        return False
    if query.actor:
        name = (event.actor.name or event.actor.text) if event.actor else ""
        if query.actor.lower() not in (name or "").lower():
            return False
    return True


def filter_events(articles: Iterable[Article], query: EventQuery) -> Iterator[Article]:
    """Articles with only their matching events; articles left with none are dropped."""
    for article in articles:
        events = [e for e in article.events if _matches(e, article, query)]
        if events:
            yield dataclasses.replace(article, events=events)
