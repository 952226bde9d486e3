"""Linking reports into incidents: blocking, pair scores, connected components.

An incident is a connected component of the graph whose edges are the blocked pairs
scoring at least ``link_threshold``. Components do not depend on the order reports
arrive in, and an incident's id is derived from its members (the smallest member key),
so one-by-one and all-at-once linking give the same incidents with the same ids. The
price: when a new report bridges two incidents, they merge and the merged one keeps the
smaller member's id (the other id disappears); the store rewrites its members' rows.

Blocking (``BlockIndex``, rule in ``scoring.compatible``): a report is compared only
with reports of its family whose days are within the window and that come from its own
article, or (never across two countries or two first-level regions) name the same
GeoNames place or share a distinctive word. Reports without any date meet only the
undated reports of their article. A reaction (an accusation, rejection, praise or
appeal: ``Report.about``) also joins the event it is about in its own article
(``claims.owner``), without a score. The indexes are bucketed by day and week, so the
candidates of a report depend on how dense the news around it is, not on corpus size.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.reports import Report
from dateline.incidents.scoring import compatible, link_score, words_of

Key = tuple[str, str]
#: the score recorded for a reaction's link to the event it is about (not a pair score)
REACTION_LINK = 100.0


def key_text(key: Key) -> str:
    return f"{key[0]}/{key[1]}"


def incident_id(members: Iterable[Key]) -> str:
    """The id of the incident with these members: a hash of its smallest member key."""
    first = min(members)
    return "inc-" + hashlib.sha256(key_text(first).encode("utf-8")).hexdigest()[:12]


def blockable(a: Report, b: Report, config: LinkConfig = DEFAULT) -> bool:
    """Whether blocking ever puts the two reports side by side (``scoring.compatible``)."""
    return compatible(a, b, config)


class BlockIndex:
    """Candidate look-ups without scanning: by article, by place and week, by word and week.

    ``places``: (family, GeoNames id, week) -> reports; ``words``: (family, word, week) ->
    reports. Both are bucketed in time, so a look-up reads only the window's weeks, and
    their size depends on how dense the news is, not on how long the corpus is.
    """

    def __init__(self, config: LinkConfig = DEFAULT) -> None:
        self.config = config
        self.by_article: dict[str, list[Report]] = defaultdict(list)
        self.places: dict[int, list[Report]] = defaultdict(list)
        # keyed by the hash of (family, word, week): a collision only adds a candidate that
        # ``compatible`` then drops, and an int key costs far less memory than a tuple
        self.words: dict[int, list[Report]] = defaultdict(list)

    def add(self, report: Report) -> None:
        self.by_article[report.article_id].append(report)
        if report.day is None:
            return
        week = report.day // 7
        if report.geonames_id is not None:
            self.places[hash((report.family, report.geonames_id, week))].append(report)
        for word in words_of(report):
            self.words[hash((report.family, word, week))].append(report)

    def _raw(self, report: Report) -> Iterator[Report]:
        yield from self.by_article.get(report.article_id, ())
        if report.day is None:
            return
        w = self.config.window_days
        weeks = range((report.day - w) // 7, (report.day + w) // 7 + 1)
        if report.geonames_id is not None:
            for week in weeks:
                yield from self.places.get(hash((report.family, report.geonames_id, week)), ())
        for word in words_of(report):
            for week in weeks:
                yield from self.words.get(hash((report.family, word, week)), ())

    def candidates(self, report: Report) -> Iterator[Report]:
        seen: set[int] = set()
        for other in self._raw(report):
            if other is report or id(other) in seen:
                continue
            seen.add(id(other))
            if blockable(report, other, self.config):
                yield other


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}

    def add(self, key: Key) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: Key) -> Key:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def union(self, a: Key, b: Key) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # the smaller key is the root, so a component's root is its smallest member
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


class Linker:
    """In-memory incremental linker (eval, benchmark); the store keeps the same graph in SQLite."""

    def __init__(self, config: LinkConfig = DEFAULT) -> None:
        self.config = config
        self.index = BlockIndex(config)
        self.sets = UnionFind()
        self.pairs_scored = 0
        self.edges: list[tuple[Key, Key, float]] = []

    def add(self, report: Report) -> list[tuple[Key, float]]:
        """Link one report to what is already indexed; returns the links it made."""
        links = []
        self.sets.add(report.key)
        if report.about:
            # a reaction is part of what it reacts to: one edge, no scoring
            about = (report.article_id, report.about)
            self.sets.add(about)
            self.sets.union(report.key, about)
            self.edges.append((report.key, about, REACTION_LINK))
            links.append((about, REACTION_LINK))
        for other in self.index.candidates(report):
            self.pairs_scored += 1
            s = link_score(report, other, self.config)
            if s is not None:
                links.append((other.key, s))
                self.sets.union(report.key, other.key)
                self.edges.append((report.key, other.key, s))
        self.index.add(report)
        return links

    def incidents(self) -> dict[Key, str]:
        """Every report's incident id."""
        members: dict[Key, list[Key]] = defaultdict(list)
        for key in self.sets.parent:
            members[self.sets.find(key)].append(key)
        out: dict[Key, str] = {}
        for group in members.values():
            iid = incident_id(group)
            for key in group:
                out[key] = iid
        return out


def link_reports(reports: Iterable[Report], config: LinkConfig = DEFAULT) -> dict[Key, str]:
    """Incident id of every report, linking them all (order does not matter)."""
    linker = Linker(config)
    for report in reports:
        linker.add(report)
    return linker.incidents()
