"""What every corpus store offers, and the SQL both SQLite and DuckDB share.

A store keeps each article once (by id), replaces it in one transaction when its text
changes, and answers the three corpus queries (search, quotes, events). The ingest driver
and the CLI only talk to this interface, so a backend is one small module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from dateline.errors import OptionError
from dateline.limits import MAX_QUERY_ROWS
from dateline.records import Article
from dateline.store.rows import article_from_row, article_rows
from dateline.store.schema import ALL_TABLES, CHILD_TABLES, FAILURES, Table


@dataclass(frozen=True)
class EventQuery:
    """Filters for ``dateline events``; every field is optional."""

    type: str | None = None
    country: str | None = None
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    limit: int = 100

    def __post_init__(self) -> None:
        for name in ("since", "until"):
            value = getattr(self, name)
            if value is not None and not _iso_prefix(value):
                raise OptionError(
                    f"invalid --{name} {value!r}: expected an ISO date, e.g. 2016, 2016-03 or 2016-03-27"
                )


def _iso_prefix(value: str) -> bool:
    """A year, a year-month or a full ISO date that exists (2016, 2016-03, 2016-03-27)."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        return False
    try:
        dt.date.fromisoformat({4: value + "-01-01", 7: value + "-01"}.get(len(value), value))
    except ValueError:
        return False
    return True


def row_limit(limit: int) -> int:
    """A query's row limit within what SQLite and DuckDB can bind (never an overflow)."""
    return max(0, min(int(limit), MAX_QUERY_ROWS))


class Store(Protocol):
    """The corpus store interface the ingest driver, exports and CLI rely on."""

    def all_hashes(self) -> dict[str, str]: ...
    def put(self, article: Article) -> str: ...
    def put_failure(self, input_key: str, article_id: str | None, origin: str | None, error: str) -> None: ...
    def counts(self) -> dict[str, int]: ...
    def iter_articles(self) -> Iterator[Article]: ...
    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]: ...
    def find_quotes(
        self, speaker: str | None, about: str | None, limit: int = 50
    ) -> list[dict[str, Any]]: ...
    def find_events(self, query: EventQuery) -> list[dict[str, Any]]: ...
    def close(self) -> None: ...


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def insert_sql(table: Table) -> str:
    cols = ", ".join(f'"{c}"' for c in table.column_names)
    marks = ", ".join("?" for _ in table.columns)
    return f'INSERT INTO "{table.name}" ({cols}) VALUES ({marks})'


def country_codes(code: str) -> tuple[str, str]:
    """(alpha-2, alpha-3) for a country code or name, so ``--country SYR`` matches places (SY) too."""
    import pycountry

    try:
        c = pycountry.countries.lookup(code)
    except LookupError:
        return (code.upper(), code.upper())
    return (c.alpha_2, c.alpha_3)


class SqlStore:
    """Shared logic of the SQL backends: a DB-API connection with ``?`` placeholders."""

    conn: Any

    # -- transactions are backend-specific --------------------------------------------------
    def _begin(self) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    # -- writing ------------------------------------------------------------------------------
    def all_hashes(self) -> dict[str, str]:
        """Every stored article id with its text hash: what an ingest run may skip."""
        return dict(self.conn.execute("SELECT id, text_sha256 FROM articles").fetchall())

    def put(self, article: Article) -> str:
        """Store one article in one transaction: ``added``, ``replaced`` or ``unchanged``."""
        rows = article_rows(article, now_iso())
        sha = rows["articles"][0][7]
        self._begin()
        try:
            old = self.conn.execute(
                "SELECT text_sha256, record FROM articles WHERE id = ?", [article.id]
            ).fetchone()
            if old is not None and old[0] == sha and old[1] == rows["articles"][0][9]:
                self._commit()
                return "unchanged"
            if old is not None:
                self._delete(article.id)
            for table in (t for t in ALL_TABLES if t.name in rows):
                if rows[table.name]:
                    self.conn.executemany(insert_sql(table), rows[table.name])
            self.conn.execute(f'DELETE FROM "{FAILURES.name}" WHERE article_id = ?', [article.id])
            self._commit()
        except BaseException:
            self._rollback()
            raise
        return "replaced" if old is not None else "added"

    def _delete(self, article_id: str) -> None:
        for table in reversed(CHILD_TABLES):
            self.conn.execute(f'DELETE FROM "{table.name}" WHERE article_id = ?', [article_id])
        self.conn.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def put_failure(self, input_key: str, article_id: str | None, origin: str | None, error: str) -> None:
        self._begin()
        try:
            self.conn.execute(f'DELETE FROM "{FAILURES.name}" WHERE input_key = ?', [input_key])
            self.conn.execute(insert_sql(FAILURES), [input_key, article_id, origin, error, now_iso()])
            self._commit()
        except BaseException:
            self._rollback()
            raise

    # -- reading ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {
            t.name: self.conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in ALL_TABLES
        }

    def iter_articles(self) -> Iterator[Article]:
        cur = self.conn.execute("SELECT text, record FROM articles ORDER BY id")
        while batch := cur.fetchmany(256):
            for text, record in batch:
                yield article_from_row(text, record)

    def get_article(self, article_id: str) -> Article | None:
        row = self.conn.execute("SELECT text, record FROM articles WHERE id = ?", [article_id]).fetchone()
        return article_from_row(row[0], row[1]) if row else None

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles containing every word (a scan; the SQLite store uses its FTS5 index)."""
        words = text.split()
        if not words:
            return []
        where = " AND ".join("(text ILIKE ? OR title ILIKE ?)" for _ in words)
        params = [p for w in words for p in (f"%{w}%", f"%{w}%")]
        return self._rows(
            "SELECT id, title, url, published, substr(text, 1, 160) AS snippet FROM articles "
            f"WHERE {where} ORDER BY published DESC, id LIMIT ?",
            [*params, row_limit(limit)],
        )

    def find_quotes(self, speaker: str | None, about: str | None, limit: int = 50) -> list[dict[str, Any]]:
        where, params = self._quote_filters(speaker, about)
        sql = "SELECT * FROM quotes_view"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY published DESC, article_id, span_start LIMIT ?"
        return self._rows(sql, [*params, row_limit(limit)])

    def _quote_filters(self, speaker: str | None, about: str | None) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if speaker:
            where.append("lower(speaker) LIKE ?")
            params.append(f"%{speaker.lower()}%")
        if about:
            for word in about.split():
                where.append("lower(content) LIKE ?")
                params.append(f"%{word.lower()}%")
        return where, params

    def find_events(self, query: EventQuery) -> list[dict[str, Any]]:
        where: list[str] = []
        params: list[Any] = []
        if query.type:
            where.append("(upper(type) = ? OR upper(acled_subtype) = ? OR upper(acled_type) = ?)")
            params += [query.type.upper()] * 3
        if query.country:
            _a2, a3 = country_codes(query.country)
            where.append(
                "(upper(country) = ? OR upper(place_country) = ? OR upper(actor_country) = ? "
                "OR upper(target_country) = ?)"
            )
            params += [a3] * 4
        if query.since:
            where.append("date >= ?")
            params.append(query.since)
        if query.until:
            where.append("substr(date, 1, ?) <= ?")
            params += [len(query.until), query.until]
        if query.actor:
            where.append("lower(actor) LIKE ?")
            params.append(f"%{query.actor.lower()}%")
        sql = "SELECT * FROM events_view"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY date, article_id, event_id LIMIT ?"
        return self._rows(sql, [*params, row_limit(query.limit)])


def put_all(store: Store, articles: Iterable[Article]) -> dict[str, int]:
    """Store many articles; returns how many were added, replaced or unchanged."""
    out = {"added": 0, "replaced": 0, "unchanged": 0}
    for art in articles:
        out[store.put(art)] += 1
    return out
