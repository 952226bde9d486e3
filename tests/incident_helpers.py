"""Hand-built analysed articles for the incident tests (sentences written for these tests).

Records are built directly (no model), so the tests exercise linking, merging and the
store, whatever the extraction stages make of a text on a given day.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from dateline.records import Actor, Article, Count, Event, EventDate, Place, Quote

TOWNS = {
    "Millbrook": (4001, "US", "OH", 40.10, -83.00),
    "Fairhaven": (4002, "US", "OH", 41.50, -81.60),
    "Lakeport": (4003, "US", "MI", 43.00, -82.50),
    "Westfield": (4004, "US", "IN", 40.00, -86.10),
}


def place(pid: str, town: str, text: str) -> Place:
    gid, cc, admin1, lat, lon = TOWNS[town]
    start = text.index(town)
    return Place(pid, town, (start, start + len(town)), 0, town, gid, "city", cc, admin1, lat, lon, 0.9)


def event(
    eid: str,
    text: str,
    trigger: str,
    date: str | None,
    place_id: str | None,
    after: int = 0,
    type: str = "ASSAULT",
    acled: tuple[str | None, str | None] = ("Violence against civilians", "Attack"),
    counts: list[Count] | None = None,
    actor: Actor | None = None,
    target: Actor | None = None,
    attributed_to: str | None = None,
) -> Event:
    start = text.index(trigger, after)
    return Event(
        eid,
        type,
        trigger,
        (start, start + len(trigger)),
        0,
        acled_type=acled[0],
        acled_subtype=acled[1],
        place=place_id,
        date=EventDate(date, "day") if date else None,
        counts=counts or [],
        actor=actor,
        target=target,
        attributed_to=attributed_to,
    )


def article(aid: str, text: str, published: str, events: list[Event], places: list[Place], **kw) -> Article:
    return Article(aid, text, published=published, events=events, places=places, **kw)


def quote(qid: str, text: str, content: str, cue: str, speaker: str, role: str | None = None) -> Quote:
    s = text.index(content)
    c = text.index(cue)
    p = text.index(speaker)
    return Quote(qid, "indirect", content, (s, s + len(content)), 0, cue, (c, c + len(cue)), speaker,
                 (p, p + len(speaker)), None, role)  # fmt: skip


def synthetic_articles(n: int, seed: int = 7) -> list[Article]:
    """Wire-style stories about n // 3 made-up shootings, each told by one to three articles."""
    rng = random.Random(seed)
    first = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Jordan", "Kendall", "Logan"]
    last = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Quispe", "Brennan", "Sato", "Ruiz"]
    streets = ["Elm Street", "Birch Road", "Harbor Lane", "Quarry Avenue", "Mill Drive", "Orchard Way"]
    out: list[Article] = []
    i = 0
    while len(out) < n:
        town = rng.choice(list(TOWNS))
        day = f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        victim = f"{rng.choice(first)} {rng.choice(last)}"
        street = rng.choice(streets)
        number = rng.randint(100, 9999)
        for k in range(rng.randint(1, 3)):
            if len(out) >= n:
                break
            text = (
                f"Man shot on {street} in {town}\n\n"
                f"{victim} was shot outside a house at {number} {street} in {town}, police said. "
                f"Detective {rng.choice(last)} asked witnesses to call."
            )
            pl = place("p1", town, text)
            ev = event("v1", text, "shot", day, "p1", after=text.index("\n"))
            out.append(article(f"syn-{i:04d}-{k}", text, day, [ev], [pl]))
        i += 1
    return out


def link_in_store(db: str, n: int) -> None:
    """Store and link the synthetic corpus one article at a time (the killed process)."""
    from dateline.incidents.store import incident_store
    from dateline.store import open_store

    store = open_store(Path(db))
    side = incident_store(store)
    for art in synthetic_articles(n):
        store.put(art)
        side.link(art)
    store.close()


if __name__ == "__main__":
    link_in_store(sys.argv[1], int(sys.argv[2]))
