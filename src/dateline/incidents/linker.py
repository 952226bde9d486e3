"""Linking reports into incidents: blocking, pair scores, connected components.

An incident is a connected component of the graph whose edges are the blocked pairs
scoring at least ``link_threshold``. Components do not depend on the order reports
arrive in, and an incident's id is derived from its members (the smallest member key),
so one-by-one and all-at-once linking give the same incidents with the same ids. The
price: when a new report bridges two incidents, they merge and the merged one keeps the
smaller member's id (the other id disappears); the store rewrites its members' rows.

Blocking (``BlockIndex``, rule in ``scoring.compatible``): a report is compared only
with reports of its family in the days of the window, in its country and first-level
region (when both know them), or sharing a distinctive word when a side has no known
country, or in its own article. Reports without any date meet only the undated reports
of their article. A reaction (an accusation, rejection, praise or appeal: ``Report.about``) also joins
the event it is about, in its own article (``claims.owner``), without a score. This keeps the candidates of a report to its neighbourhood, so linking cost
grows about linearly with the corpus.
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
    """Candidate look-ups without scanning: a place index and a word index.

    ``places``: (family, country, first-level region or "") -> day -> reports; a report
    with a region looks in its region and in the country's region-less reports, one with
    only a country in all the country's regions. ``words``: (family, word) -> reports, for
    pairs where a side has no known country (they must share a distinctive word).
    """

    def __init__(self, config: LinkConfig = DEFAULT) -> None:
        self.config = config
        self.places: dict[tuple[str, str, str], dict[int, list[Report]]] = defaultdict(dict)
        self.regions: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.words: dict[tuple[str, str], list[Report]] = defaultdict(list)
        self.by_article: dict[str, list[Report]] = defaultdict(list)

    def add(self, report: Report) -> None:
        self.by_article[report.article_id].append(report)
        if report.day is None:
            return
        if report.country:
            region = report.admin1 or ""
            self.places[(report.family, report.country, region)].setdefault(report.day, []).append(report)
            self.regions[(report.family, report.country)].add(region)
        for word in words_of(report):
            self.words[(report.family, word)].append(report)

    def _raw(self, report: Report) -> Iterator[Report]:
        yield from self.by_article.get(report.article_id, ())
        if report.day is None:
            return
        w = self.config.window_days
        if report.country:
            if report.admin1:
                regions = [report.admin1, ""]
            else:
                regions = sorted(self.regions.get((report.family, report.country), ()))
            for region in regions:
                days = self.places.get((report.family, report.country, region))
                if days:
                    for day in range(report.day - w, report.day + w + 1):
                        yield from days.get(day, ())
        for word in sorted(words_of(report)):
            for other in self.words.get((report.family, word), ()):
                # a pair of placed reports is found through the place index above
                if not (report.country and other.country):
                    yield other

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
