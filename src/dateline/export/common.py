"""Small lookups every export shares: an event's place, its country, its context sentence."""

from __future__ import annotations

import re
from functools import cache

from dateline.records import Actor, Article, Event, Place


def place_of(article: Article, event: Event) -> Place | None:
    if not event.place:
        return None
    return next((p for p in article.places if p.id == event.place), None)


def actor_label(actor: Actor | None) -> str:
    """The normalised name where there is one, else the words as written."""
    if actor is None:
        return ""
    return actor.name or actor.text or ""


@cache
def country_info(code: str | None) -> tuple[str, str, str, int | None]:
    """(alpha-2, alpha-3, name, ISO numeric) for a country code; empty parts when unknown."""
    if not code:
        return ("", "", "", None)
    import pycountry

    try:
        c = pycountry.countries.lookup(code)
    except LookupError:
        return ("", "", "", None)
    return (c.alpha_2, c.alpha_3, c.name, int(c.numeric))


def event_country(article: Article, event: Event) -> tuple[str, str, str, int | None]:
    """Where the event happened: its place's country, else the actor's affiliation."""
    place = place_of(article, event)
    if place and place.country:
        return country_info(place.country)
    if event.actor and event.actor.country:
        return country_info(event.actor.country)
    return ("", "", "", None)


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+|\n+")


def sentence_around(text: str, start: int, end: int, limit: int = 400) -> str:
    """The sentence holding a span (split on end punctuation or line breaks), for notes columns."""
    left = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        left = m.end()
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    return text[left:right].strip()[:limit]
