"""What the event tests ask of an analysed article: the events that cover a word, an
event's place record. One copy here instead of one per test file."""

from __future__ import annotations

from dateline.records import Article, Event, Place


def covering(art: Article, word: str, nth: int = 0) -> list[Event]:
    """The events one of whose mentions covers the ``nth`` occurrence of ``word``."""
    start = -1
    for _ in range(nth + 1):
        start = art.text.index(word, start + 1)
    return [ev for ev in art.events if any(s <= start < e for s, e in ev.mentions)]


def place_of(art: Article, ev: Event) -> Place | None:
    """The place record the event points at, or None."""
    return next((p for p in art.places if p.id == ev.place), None)
