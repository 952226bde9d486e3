"""Incidents kept in the SQLite store, linked incrementally as articles arrive.

``IncidentStore.link(article)`` runs in one transaction: it replaces the article's
reports, scores them against their blocked candidates already stored, records the
links, and recomputes the incidents the new links touch (connected components, ids from
their smallest member, as in ``linker``). An article stored but not yet linked (a
``kill -9`` between the two commits) is found by ``pending()`` and linked by
``catch_up()``, which every ingest run calls first and last: nothing is lost, and
linking the same article again changes nothing (its reports are compared and skipped).

Only the SQLite store has incidents: DuckDB and Parquet stores ingest without them.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateline import country_codes
from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.linker import REACTION_LINK, Key, blockable, incident_id
from dateline.incidents.reports import Report, reports_of
from dateline.incidents.scoring import link_score
from dateline.records import Article

#: how precise a place is (a city says more than its country)
_PRECISION = {"landmark": 0, "city": 1, "admin": 2, "region": 3, "country": 4}


@dataclass(frozen=True)
class IncidentQuery:
    """Filters for ``dateline incidents``; every field is optional."""

    since: str | None = None
    until: str | None = None
    country: str | None = None
    type: str | None = None
    min_reports: int = 1
    limit: int = 100


def summary(iid: str, reports: list[Report]) -> tuple[Any, ...]:
    """The ``incidents`` row of an incident with these reports."""
    # the type and dates of what happened, not of the reactions to it
    happened = [r for r in reports if not r.about] or reports
    dates = sorted(r.date for r in reports if r.date and not r.about) or sorted(
        r.date for r in reports if r.date
    )

    reports = sorted(reports, key=lambda r: (r.article_id, len(r.event_id), r.event_id))

    def common(values: Iterable[str | None]) -> str | None:
        """The most common value; on a tie, the one of the earliest report (the lead)."""
        seen = [v for v in values if v]
        c = Counter(seen)
        return max(seen, key=lambda v: (c[v], -seen.index(v))) if seen else None

    placed = [r for r in reports if r.place]
    best = min(placed, key=lambda r: (_PRECISION.get(r.feature or "", 5), r.key)) if placed else None
    # the project's country convention (#16): ISO alpha-3 and the name
    cc = country_codes.country(best.country if best else common(r.country for r in reports))
    return (
        iid,
        common(r.family for r in happened),
        common(r.acled_type for r in happened),
        common(r.subtype for r in happened),
        dates[0] if dates else None,
        dates[-1] if dates else None,
        cc.alpha3 if cc else None,
        best.admin1 if best else None,
        best.place if best else None,
        best.geonames_id if best else None,
        best.lat if best else None,
        best.lon if best else None,
        len(reports),
        len({r.article_id for r in reports}),
        cc.name if cc else None,
    )


#: the ``incidents`` columns in ``summary``'s order (``country_name`` came with migration 007)
SUMMARY_COLUMNS = (
    "id", "type", "acled_type", "acled_subtype", "date_start", "date_end", "country", "admin1", "place",
    "geonames_id", "lat", "lon", "n_reports", "n_articles", "country_name",
)  # fmt: skip
_INSERT_SUMMARY = (
    f"INSERT INTO incidents ({', '.join(SUMMARY_COLUMNS)}) VALUES ({', '.join('?' * len(SUMMARY_COLUMNS))})"
)


def incident_store(store: Any, config: LinkConfig = DEFAULT) -> IncidentStore | None:
    """The incident side of a corpus store, or None for a backend without incidents."""
    from dateline.store.sqlite import SQLiteStore

    return IncidentStore(store.conn, config) if isinstance(store, SQLiteStore) else None


class IncidentStore:
    """Incident linking and queries over a SQLite store's connection (autocommit mode)."""

    def __init__(self, conn: sqlite3.Connection, config: LinkConfig = DEFAULT) -> None:
        self.conn = conn
        self.config = config

    # -- linking --------------------------------------------------------------------------
    def link(self, article: Article) -> str:
        """Link the article's events; ``linked``, ``relinked`` or ``unchanged``."""
        new = reports_of(article, self.config)
        new_json = {r.key: json.dumps(r.to_dict(), sort_keys=True) for r in new}
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            old = self.conn.execute(
                "SELECT event_id, report, incident_id FROM incident_reports WHERE article_id = ?",
                [article.id],
            ).fetchall()
            old_json = {(article.id, e): rep for e, rep, _ in old}
            if old and old_json == new_json and all(i for _, _, i in old):
                self.conn.execute("COMMIT")
                return "unchanged"
            touched: set[Key] = set()
            for _event, _report, iid in old:
                touched |= self._members(iid)
            touched -= set(old_json)
            self._forget(article.id)
            self.conn.executemany(
                "INSERT INTO incident_reports VALUES (?, ?, NULL, ?, ?, ?, ?, ?)",
                [
                    (r.article_id, r.event_id, r.family, r.day, r.country, r.admin1, new_json[r.key])
                    for r in new
                ],
            )
            for report in new:
                if report.about:
                    a, b = sorted((report.key, (report.article_id, report.about)))
                    self.conn.execute(
                        "INSERT OR REPLACE INTO incident_links VALUES (?, ?, ?, ?, ?)",
                        [*a, *b, REACTION_LINK],
                    )
                for other in self._candidates(report):
                    s = link_score(report, other, self.config)
                    if s is not None:
                        a, b = sorted((report.key, other.key))
                        self.conn.execute(
                            "INSERT OR REPLACE INTO incident_links VALUES (?, ?, ?, ?, ?)", [*a, *b, s]
                        )
            self._recompute(touched | {r.key for r in new})
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        return "relinked" if old else "linked"

    def _forget(self, article_id: str) -> None:
        self.conn.execute("DELETE FROM incident_reports WHERE article_id = ?", [article_id])
        self.conn.execute(
            "DELETE FROM incident_links WHERE a_article = ? OR b_article = ?", [article_id, article_id]
        )

    def _members(self, iid: str | None) -> set[Key]:
        if not iid:
            return set()
        rows = self.conn.execute(
            "SELECT article_id, event_id FROM incident_reports WHERE incident_id = ?", [iid]
        ).fetchall()
        return {(a, e) for a, e in rows}

    def _candidates(self, report: Report) -> list[Report]:
        rows = self.conn.execute(
            "SELECT report FROM incident_reports WHERE article_id = ?", [report.article_id]
        ).fetchall()
        if report.day is not None:
            w = self.config.window_days
            sql = "SELECT report FROM incident_reports WHERE family = ? AND day BETWEEN ? AND ? AND article_id != ?"
            params: list[Any] = [report.family, report.day - w, report.day + w, report.article_id]
            if report.country:
                sql += " AND (country = ? OR country IS NULL)"
                params.append(report.country)
            rows += self.conn.execute(sql, params).fetchall()
        out = []
        for (text,) in rows:
            other = Report.from_dict(json.loads(text))
            if other.key != report.key and blockable(report, other, self.config):
                out.append(other)
        return out

    def _neighbours(self, key: Key) -> list[Key]:
        rows = self.conn.execute(
            "SELECT b_article, b_event FROM incident_links WHERE a_article = ? AND a_event = ? "
            "UNION SELECT a_article, a_event FROM incident_links WHERE b_article = ? AND b_event = ?",
            [*key, *key],
        ).fetchall()
        return [(a, e) for a, e in rows]

    def _recompute(self, seeds: set[Key]) -> None:
        """Re-derive the components holding these reports; rewrite their ids and summaries."""
        done: set[Key] = set()
        old_ids: set[str] = set()
        for seed in sorted(seeds):
            if seed in done:
                continue
            component: set[Key] = {seed}
            queue = deque([seed])
            while queue:
                for nb in self._neighbours(queue.popleft()):
                    if nb not in component:
                        component.add(nb)
                        queue.append(nb)
            done |= component
            rows = [
                self.conn.execute(
                    "SELECT report, incident_id FROM incident_reports WHERE article_id = ? AND event_id = ?",
                    list(k),
                ).fetchone()
                for k in sorted(component)
            ]
            rows = [r for r in rows if r is not None]
            if not rows:
                continue
            old_ids |= {iid for _, iid in rows if iid}
            reports = [Report.from_dict(json.loads(text)) for text, _ in rows]
            iid = incident_id(r.key for r in reports)
            self.conn.executemany(
                "UPDATE incident_reports SET incident_id = ? WHERE article_id = ? AND event_id = ?",
                [(iid, *r.key) for r in reports],
            )
            self.conn.execute("DELETE FROM incidents WHERE id = ?", [iid])
            self.conn.execute(_INSERT_SUMMARY, summary(iid, reports))
        # ids that no report carries any more (merged away, or their article replaced)
        for iid in old_ids:
            if not self.conn.execute(
                "SELECT 1 FROM incident_reports WHERE incident_id = ?", [iid]
            ).fetchone():
                self.conn.execute("DELETE FROM incidents WHERE id = ?", [iid])

    def pending(self) -> list[str]:
        """Articles whose events are not all linked (or whose linking rows are stale)."""
        rows = self.conn.execute(
            "SELECT DISTINCT e.article_id FROM events e LEFT JOIN incident_reports r "
            "ON r.article_id = e.article_id AND r.event_id = e.id "
            "WHERE r.incident_id IS NULL "
            "UNION SELECT DISTINCT r.article_id FROM incident_reports r LEFT JOIN events e "
            "ON r.article_id = e.article_id AND r.event_id = e.id WHERE e.id IS NULL "
            "ORDER BY 1"
        ).fetchall()
        return [r[0] for r in rows]

    def catch_up(self, get_article: Any) -> int:
        """Link every pending article (``get_article(id)`` reads one from the store)."""
        n = 0
        for aid in self.pending():
            article = get_article(aid)
            if article is None:
                self._drop(aid)
            else:
                self.link(article)
            n += 1
        return n

    def relink_all(self, get_article: Any) -> int:
        """Forget every link and link all stored articles again (after the config changed)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for table in ("incident_links", "incident_reports", "incidents"):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        # a kill from here on leaves articles pending: the next catch-up links them
        return self.catch_up(get_article)

    def _drop(self, article_id: str) -> None:
        """An article no longer stored: forget its reports and re-derive what they touched."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            ids = {
                r[0]
                for r in self.conn.execute(
                    "SELECT incident_id FROM incident_reports WHERE article_id = ?", [article_id]
                )
            }
            touched: set[Key] = set()
            for iid in ids:
                touched |= self._members(iid)
            self._forget(article_id)
            self._recompute({k for k in touched if k[0] != article_id})
            for iid in ids:
                if not self.conn.execute(
                    "SELECT 1 FROM incident_reports WHERE incident_id = ?", [iid]
                ).fetchone():
                    self.conn.execute("DELETE FROM incidents WHERE id = ?", [iid])
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    # -- reading --------------------------------------------------------------------------
    def incident_of(self) -> dict[Key, str]:
        """Every linked event's incident id."""
        rows = self.conn.execute(
            "SELECT article_id, event_id, incident_id FROM incident_reports WHERE incident_id IS NOT NULL"
        )
        return {(a, e): i for a, e, i in rows}

    def attach(self, articles: Iterable[Article]) -> Iterable[Article]:
        """The articles with ``incident`` set on their events from the store."""
        for article in articles:
            rows = dict(
                self.conn.execute(
                    "SELECT event_id, incident_id FROM incident_reports WHERE article_id = ?", [article.id]
                ).fetchall()
            )
            for event in article.events:
                event.incident = rows.get(event.id)
            yield article

    def find(self, query: IncidentQuery) -> list[dict[str, Any]]:
        from dateline.store.base import country_codes as codes_of

        where = ["n_reports >= ?"]
        params: list[Any] = [query.min_reports]
        if query.since:
            where.append("date_end >= ?")
            params.append(query.since)
        if query.until:
            where.append("substr(date_start, 1, ?) <= ?")
            params += [len(query.until), query.until]
        if query.country:
            _a2, a3 = codes_of(query.country)
            where.append("upper(country) = ?")
            params.append(a3)
        if query.type:
            where.append("(upper(type) = ? OR upper(acled_type) = ? OR upper(acled_subtype) = ?)")
            params += [query.type.upper()] * 3
        sql = f"SELECT * FROM incidents WHERE {' AND '.join(where)} ORDER BY date_start, id LIMIT ?"
        cur = self.conn.execute(sql, [*params, query.limit])
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        for row in rows:
            row["articles"] = [
                a
                for (a,) in self.conn.execute(
                    "SELECT DISTINCT article_id FROM incident_reports WHERE incident_id = ? ORDER BY 1",
                    [row["id"]],
                )
            ]
        return rows

    def get(self, iid: str) -> dict[str, Any] | None:
        cur = self.conn.execute("SELECT * FROM incidents WHERE id = ?", [iid])
        row = cur.fetchone()
        if row is None:
            return None
        out = dict(zip([d[0] for d in cur.description], row, strict=True))
        out["members"] = [
            (a, e)
            for a, e in self.conn.execute(
                "SELECT article_id, event_id FROM incident_reports WHERE incident_id = ? ORDER BY 1, 2", [iid]
            )
        ]
        return out
