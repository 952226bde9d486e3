"""The SQL behind each page, over the read-only store: every value a bound parameter.

Aggregates that scan the whole events table (facet counts, the timeline's buckets) are
cached per ``PRAGMA data_version``, so an unchanged store answers them once and a store
that an ingest run is filling shows new rows on the next request.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from dateline.export.common import sentence_around
from dateline.records import Article
from dateline.serve.db import ReadOnlyDB
from dateline.serve.filters import DATE_EXPR, EVENT_COLUMNS, EVENT_FROM, FACETS, Filters
from dateline.store.rows import article_from_row
from dateline.store.sqlite import fts_query

T = TypeVar("T")
FACET_VALUES = 40
MAP_CAP = 5000
EXPORT_CAP = 20_000
ARTICLES_PER_PAGE = 50
#: Calendar dates only: TIMEX values such as 2016-W12 or 2016-SU have no month or day to bucket by.
DATE_GLOBS = {
    4: "[0-9][0-9][0-9][0-9]*",
    7: "[0-9][0-9][0-9][0-9]-[01][0-9]*",
    10: "[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]*",
}
#: Characters of text read around an event to find its sentence (a window, not the article).
WINDOW = 400


class Queries:
    """Page queries over one store, with a small cache for whole-table aggregates."""

    def __init__(self, db: ReadOnlyDB, cache_size: int = 256) -> None:
        self.db = db
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_size = cache_size
        self._lock = threading.Lock()

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        full = (self.db.data_version(), *key)
        with self._lock:
            if full in self._cache:
                self._cache.move_to_end(full)
                return self._cache[full]
        value = compute()
        with self._lock:
            self._cache[full] = value
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return value

    # -- the store at a glance --------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        names = ("articles", "events", "quotes", "places", "times", "flags")
        return self.cached(
            ("counts",), lambda: {n: int(self.db.scalar(f'SELECT count(*) FROM "{n}"')) for n in names}
        )

    def articles(self, q: str | None, page: int) -> tuple[int, list[dict[str, Any]]]:
        offset = (page - 1) * ARTICLES_PER_PAGE
        fts = fts_query(q or "")
        if fts:
            total = self.db.scalar("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?", [fts])
            rows = self.db.rows(
                "SELECT a.id, a.title, a.source, a.published, a.n_words, "
                "snippet(articles_fts, 1, '', '', ' … ', 16) AS snippet "
                "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
                [fts, ARTICLES_PER_PAGE, offset],
            )
            return int(total or 0), rows
        total = self.counts()["articles"]
        rows = self.db.rows(
            "SELECT id, title, source, published, n_words, substr(text, 1, 160) AS snippet FROM articles "
            "ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
            [ARTICLES_PER_PAGE, offset],
        )
        return total, rows

    # -- one article --------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article | None:
        row = self.db.one("SELECT text, record FROM articles WHERE id = ?", [article_id])
        return article_from_row(row["text"], row["record"]) if row else None

    def neighbours(self, article_id: str) -> tuple[str | None, str | None]:
        """The previous and next article in the list order (newest first), for n/p."""
        here = self.db.one("SELECT published, id FROM articles WHERE id = ?", [article_id])
        if here is None:
            return None, None
        pub = here["published"] or ""
        prev = self.db.scalar(
            "SELECT id FROM articles WHERE (COALESCE(published, ''), id) > (?, ?) "
            "ORDER BY COALESCE(published, '') ASC, id ASC LIMIT 1",
            [pub, article_id],
        )
        nxt = self.db.scalar(
            "SELECT id FROM articles WHERE (COALESCE(published, ''), id) < (?, ?) "
            "ORDER BY COALESCE(published, '') DESC, id DESC LIMIT 1",
            [pub, article_id],
        )
        return prev, nxt

    # -- events -------------------------------------------------------------------------------------
    def event_total(self, f: Filters) -> int:
        where, params = f.where()
        sql = f"SELECT count(*) {EVENT_FROM}" + (" WHERE " + " AND ".join(where) if where else "")
        return int(self.cached(("total", sql, *params), lambda: self.db.scalar(sql, params)) or 0)

    def events(self, f: Filters) -> list[dict[str, Any]]:
        where, params = f.where()
        sql = f"SELECT {EVENT_COLUMNS} {EVENT_FROM}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {f.order_by()} LIMIT ? OFFSET ?"
        return self.db.rows(sql, [*params, f.per_page, f.offset], limit=f.per_page)

    def facets(self, f: Filters) -> dict[str, list[tuple[str, int]]]:
        """For each facet, its values and counts under every *other* active filter."""
        out: dict[str, list[tuple[str, int]]] = {}
        for name, expr in FACETS.items():
            where, params = f.where(skip=name)
            where = [*where, f"{expr} IS NOT NULL"]
            sql = (
                f"SELECT {expr} AS value, count(*) AS n {EVENT_FROM} WHERE {' AND '.join(where)} "
                f"GROUP BY value ORDER BY n DESC, value LIMIT {FACET_VALUES}"
            )
            rows = self.cached(
                ("facet", sql, *params), lambda sql=sql, params=params: self.db.rows(sql, params)
            )
            out[name] = [(str(r["value"]), int(r["n"])) for r in rows]
        return out

    def event_sentences(self, rows: list[dict[str, Any]]) -> None:
        """Add each row's supporting sentence, read from a window of its article's text."""
        for row in rows:
            start, end = row.get("span_start"), row.get("span_end")
            if start is None or end is None:
                row["sentence_text"] = ""
                continue
            left = max(0, start - WINDOW)
            window = self.db.scalar(
                "SELECT substr(text, ?, ?) FROM articles WHERE id = ?",
                [left + 1, end - left + WINDOW, row["article_id"]],
            )
            row["sentence_text"] = sentence_around(window or "", start - left, end - left)

    # -- map and timeline -----------------------------------------------------------------------------
    def map_events(self, f: Filters) -> list[dict[str, Any]]:
        where, params = f.where()
        where = [*where, "p.lat IS NOT NULL", "p.lon IS NOT NULL"]
        sql = (
            f"SELECT {EVENT_COLUMNS} {EVENT_FROM} WHERE {' AND '.join(where)} ORDER BY {f.order_by()} LIMIT ?"
        )
        rows = self.db.rows(sql, [*params, MAP_CAP], limit=MAP_CAP)
        self.event_sentences(rows)
        return rows

    def map_places(self, f: Filters) -> list[dict[str, Any]]:
        """Places with coordinates in the articles the filters select (all articles when none)."""
        clauses, params = [], []
        if f.active:
            where, wparams = f.where()
            clauses.append(
                f"p.article_id IN (SELECT e.article_id {EVENT_FROM} WHERE {' AND '.join(where) or '1'})"
            )
            params += wparams
        sql = (
            "SELECT p.article_id, p.id, p.text, p.name, p.country, p.admin1, p.feature, p.confidence, "
            "p.lat, p.lon, a.title FROM places p JOIN articles a ON a.id = p.article_id "
            "WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL"
            + "".join(f" AND {c}" for c in clauses)
            + " LIMIT ?"
        )
        return self.db.rows(sql, [*params, MAP_CAP], limit=MAP_CAP)

    def timeline(self, f: Filters, width: int) -> list[tuple[str, int]]:
        """Events per bucket (``width`` leading characters of the ISO date: 4 year, 7 month, 10 day)."""
        where, params = f.where()
        where = [*where, f"{DATE_EXPR} GLOB ?"]
        params = [*params, DATE_GLOBS[width]]
        sql = (
            f"SELECT substr({DATE_EXPR}, 1, {width}) AS bucket, count(*) AS n {EVENT_FROM} "
            f"WHERE {' AND '.join(where)} GROUP BY bucket ORDER BY bucket"
        )
        rows = self.cached(("timeline", sql, *params), lambda: self.db.rows(sql, params))
        return [(r["bucket"], int(r["n"])) for r in rows]

    def date_range(self, f: Filters) -> tuple[str | None, str | None]:
        where, params = f.where()
        where = [*where, f"{DATE_EXPR} GLOB ?"]
        params = [*params, DATE_GLOBS[4]]
        sql = (
            f"SELECT min({DATE_EXPR}) AS lo, max({DATE_EXPR}) AS hi {EVENT_FROM} WHERE {' AND '.join(where)}"
        )
        row = self.cached(("range", sql, *params), lambda: self.db.one(sql, params)) or {}
        return row.get("lo"), row.get("hi")

    # -- export ---------------------------------------------------------------------------------------
    def export_articles(self, f: Filters) -> list[Article]:
        """The articles behind the filtered events, each keeping only the events shown."""
        where, params = f.where()
        sql = f"SELECT e.article_id, e.id AS event_id {EVENT_FROM}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {f.order_by()} LIMIT ?"
        keep: dict[str, set[str]] = {}
        for row in self.db.rows(sql, [*params, EXPORT_CAP], limit=EXPORT_CAP):
            keep.setdefault(row["article_id"], set()).add(row["event_id"])
        out = []
        for article_id, ids in keep.items():
            article = self.article(article_id)
            if article is not None:
                article.events = [e for e in article.events if e.id in ids]
                out.append(article)
        return out
