"""What each page reads: SQL over the read-only store (every value a bound parameter) for
articles and records, and the in-memory ``EventIndex`` for the filtered event views.

Counts and search results are cached per ``PRAGMA data_version``, so an unchanged store
answers them once and a store that an ingest run is filling shows new rows on the next
request.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

import numpy as np

from dateline.export.common import sentence_around
from dateline.records import Article
from dateline.serve.db import ReadOnlyDB
from dateline.serve.filters import FACETS, Filters
from dateline.serve.index import EventIndex
from dateline.store.rows import article_from_row
from dateline.store.sqlite import fts_query

T = TypeVar("T")
FACET_VALUES = 40
MAP_CAP = 5000
EXPORT_CAP = 20_000
ARTICLES_PER_PAGE = 50
#: Articles a text search may select for the event views.
MAX_FTS = 100_000
#: What a row of the table, the map or an export needs.
ROW_COLUMNS = [
    "article_id", "event_id", "type", "mode", "acled_type", "acled_subtype", "trigger", "modality",
    "confidence", "attributed_to", "span_start", "span_end", "date", "actor", "target", "place",
    "country", "admin1", "lat", "lon", "title",
]  # fmt: skip


class Queries:
    """Page queries over one store, with a small cache for whole-table aggregates."""

    def __init__(self, db: ReadOnlyDB, cache_size: int = 256) -> None:
        self.db = db
        self.index = EventIndex(db)
        self._parts: dict[tuple[Any, ...], dict[str, np.ndarray]] = {}
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
        """The previous and next article in the list order (newest first), for n/p.

        Compared on (published, id) as plain columns so the published index answers it;
        articles without a date come after the oldest dated one, in id order (as in the list).
        """
        here = self.db.one("SELECT published FROM articles WHERE id = ?", [article_id])
        if here is None:
            return None, None
        pub = here["published"]
        first_undated = "SELECT id FROM articles WHERE published IS NULL AND id > ? ORDER BY id LIMIT 1"
        if pub is None:
            newer = self.db.scalar(
                "SELECT id FROM articles WHERE published IS NULL AND id < ? ORDER BY id DESC LIMIT 1",
                [article_id],
            ) or self.db.scalar(
                "SELECT id FROM articles WHERE published IS NOT NULL ORDER BY published, id LIMIT 1"
            )
            return newer, self.db.scalar(first_undated, [article_id])
        newer = self.db.scalar(
            "SELECT id FROM articles WHERE (published, id) > (?, ?) ORDER BY published, id LIMIT 1",
            [pub, article_id],
        )
        older = self.db.scalar(
            "SELECT id FROM articles WHERE (published, id) < (?, ?) ORDER BY published DESC, id DESC LIMIT 1",
            [pub, article_id],
        ) or self.db.scalar(first_undated, [""])
        return newer, older

    # -- events (from the in-memory index) -------------------------------------------------------------
    def fts_articles(self, q: str) -> set[str]:
        """Ids of the articles whose title or text match ``q`` (FTS5), cached per store version."""
        fts = fts_query(q)
        if not fts:
            return set()
        sql = "SELECT x.id FROM articles_fts JOIN articles x ON x.pk = articles_fts.rowid WHERE articles_fts MATCH ?"
        return self.cached(("fts", fts), lambda: {r["id"] for r in self.db.rows(sql, [fts], limit=MAX_FTS)})

    def _keep(self, f: Filters, skip: str | None = None) -> np.ndarray:
        """Rows of the event index that ``f`` selects; the per-filter masks are kept for the
        next call with the same filters (a page asks for them once per facet)."""
        self.index.refresh()
        key = (self.index.version, id(self.index.frame), replace(f, sort="date", page=1, per_page=1))
        with self._lock:
            parts = self._parts.get(key)
        if parts is None:
            parts = self.index.components(f, self.fts_articles)
            with self._lock:
                self._parts = {key: parts}
        return self.index.combine(parts, skip)

    def event_total(self, f: Filters) -> int:
        return int(self._keep(f).sum())

    def events(self, f: Filters) -> list[dict[str, Any]]:
        rows = self.index.ordered(self._keep(f), f.sort)[f.offset : f.offset + f.per_page]
        return self.index.records(rows, ROW_COLUMNS)

    def facets(self, f: Filters) -> dict[str, list[tuple[str, int]]]:
        """For each facet, its values and counts under every *other* active filter."""
        return {
            name: self.index.facet_counts(self._keep(f, skip=name), name, FACET_VALUES) for name in FACETS
        }

    def event_sentences(self, rows: list[dict[str, Any]]) -> None:
        """Add each row's supporting sentence, read from its article's text (one query per article)."""
        ids = sorted({r["article_id"] for r in rows})
        texts: dict[str, str] = {}
        for chunk in range(0, len(ids), 500):
            part = ids[chunk : chunk + 500]
            marks = ",".join("?" for _ in part)
            for r in self.db.rows(
                f"SELECT id, text FROM articles WHERE id IN ({marks})", part, limit=len(part)
            ):
                texts[r["id"]] = r["text"]
        for row in rows:
            start, end, text = row.get("span_start"), row.get("span_end"), texts.get(row["article_id"], "")
            row["sentence_text"] = sentence_around(text, int(start), int(end)) if start is not None else ""

    # -- map and timeline -----------------------------------------------------------------------------
    def map_events(self, f: Filters, columns: list[str] = ROW_COLUMNS) -> list[dict[str, Any]]:
        keep = (
            self._keep(f)
            & self.index.frame["lat"].notna().to_numpy()
            & self.index.frame["lon"].notna().to_numpy()
        )
        return self.index.records(self.index.ordered(keep, f.sort)[:MAP_CAP], columns)

    def event_sentence(self, article_id: str, event_id: str) -> str | None:
        """One event's supporting sentence (a map popup asks for it when it opens)."""
        row = self.db.one(
            "SELECT e.article_id, e.span_start, e.span_end FROM events e WHERE e.article_id = ? AND e.id = ?",
            [article_id, event_id],
        )
        if row is None:
            return None
        self.event_sentences([row])
        return str(row["sentence_text"])

    def map_places(self, f: Filters) -> list[dict[str, Any]]:
        """Places with coordinates in the articles the filters select (all articles when none)."""
        clause, params = "", []
        if f.active:
            keep = self._keep(f)
            ids = sorted(set(self.index.frame["article_id"][keep].astype(str)))
            clause, params = " AND p.article_id IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
        sql = (
            "SELECT p.article_id, p.id, p.text, p.name, p.country, p.admin1, p.feature, p.confidence, "
            "p.lat, p.lon, a.title FROM places p JOIN articles a ON a.id = p.article_id "
            f"WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL{clause} LIMIT ?"
        )
        return self.db.rows(sql, [*params, MAP_CAP], limit=MAP_CAP)

    def timeline(self, f: Filters, width: int) -> list[tuple[str, int]]:
        """Events per bucket (``width`` leading characters of the ISO date: 4 year, 7 month, 10 day)."""
        return self.index.buckets(self._keep(f), width)

    def date_range(self, f: Filters) -> tuple[str | None, str | None]:
        frame = self.index.frame
        keep = self._keep(f) & frame["bucket4"].notna().to_numpy()
        dates = frame["date"][keep]
        return (str(dates.min()), str(dates.max())) if len(dates) else (None, None)

    # -- export ---------------------------------------------------------------------------------------
    def export_articles(self, f: Filters) -> list[Article]:
        """The articles behind the filtered events, each keeping only the events shown."""
        rows = self.index.ordered(self._keep(f), f.sort)[:EXPORT_CAP]
        keep: dict[str, set[str]] = {}
        for row in self.index.records(rows, ["article_id", "event_id"]):
            keep.setdefault(row["article_id"], set()).add(row["event_id"])
        out = []
        for article_id, ids in keep.items():
            article = self.article(article_id)
            if article is not None:
                article.events = [e for e in article.events if e.id in ids]
                out.append(article)
        return out
