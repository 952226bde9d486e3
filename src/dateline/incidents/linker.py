"""Linking reports into incidents: blocking, pair scores, connected components.

An incident is a connected component of the graph whose edges are the blocked pairs
scoring at least ``link_threshold``. Components do not depend on the order reports
arrive in, and an incident's id is derived from its members (the smallest member key),
so one-by-one and all-at-once linking give the same incidents with the same ids. The
price: when a new report bridges two incidents, they merge and the merged one keeps the
smaller member's id (the other id disappears); the store rewrites its members' rows.

Blocking (``BlockIndex``): reports are indexed by (family, country, admin1, day); a
report is compared only with the reports of its family and country (or of no known
country) in the days of the window, and with the same first-level region when both
know it. Reports without any date are compared only with undated reports of the same
article. A reaction (an accusation, rejection, praise or appeal: ``Report.about``) also joins
the event it is about, in its own article (``claims.owner``), without a score. This keeps the candidates of a report to its neighbourhood, so linking cost
grows about linearly with the corpus.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator

from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.reports import Report
from dateline.incidents.scoring import compatible, score

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
    """Whether blocking ever puts the two reports side by side (symmetric)."""
    if (a.day is None) != (b.day is None):
        return False
    if a.day is None and a.article_id != b.article_id:
        return False
    if a.admin1 and b.admin1 and a.country == b.country and a.admin1 != b.admin1:
        return False
    return compatible(a, b, config)


class BlockIndex:
    """Reports by (family, country) then day, for candidate look-ups in a window."""

    def __init__(self, config: LinkConfig = DEFAULT) -> None:
        self.config = config
        self.by_country: dict[tuple[str, str], dict[int, list[Report]]] = defaultdict(dict)
        self.countries: dict[str, set[str]] = defaultdict(set)
        self.undated: dict[str, list[Report]] = defaultdict(list)

    def add(self, report: Report) -> None:
        if report.day is None:
            self.undated[report.article_id].append(report)
            return
        country = report.country or ""
        self.by_country[(report.family, country)].setdefault(report.day, []).append(report)
        self.countries[report.family].add(country)

    def candidates(self, report: Report) -> Iterator[Report]:
        if report.day is None:
            for other in self.undated.get(report.article_id, ()):
                if other is not report and blockable(report, other, self.config):
                    yield other
            return
        countries = [report.country, ""] if report.country else sorted(self.countries.get(report.family, ()))
        w = self.config.window_days
        for country in countries:
            days = self.by_country.get((report.family, country))
            if not days:
                continue
            for day in range(report.day - w, report.day + w + 1):
                for other in days.get(day, ()):
                    if other is not report and blockable(report, other, self.config):
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
            s = score(report, other, self.config)
            if s >= self.config.link_threshold:
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
