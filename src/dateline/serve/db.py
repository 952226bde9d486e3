"""The server's only way into the store: read-only, parameterised, with time and row caps.

The file is opened with ``mode=ro`` and ``PRAGMA query_only`` so no page, however it is
built, can change the store; a progress handler cuts any statement that runs longer than
the time cap (SQLite answers ``interrupted``, which the app turns into a 503). Each
worker thread keeps its own connection (sqlite3 objects are not shared across threads),
so the page cache stays warm between requests.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from dateline.errors import StoreError

#: Longest any one statement may run before it is interrupted.
QUERY_SECONDS = 2.0
#: Rows any one statement may return to a page (pages ask for far fewer).
MAX_ROWS = 5000


class QueryTimeout(Exception):
    """A statement ran past ``QUERY_SECONDS`` and was interrupted."""


class ReadOnlyDB:
    """Thread-local read-only connections to one SQLite store."""

    def __init__(self, path: str | Path, query_seconds: float = QUERY_SECONDS) -> None:
        self.path = Path(path)
        self.query_seconds = query_seconds
        self._local = threading.local()
        if not self.path.is_file():
            raise StoreError(
                f"{self.path}: no such store (create one with: dateline ingest SOURCE --db {path})"
            )
        conn = self._connect()
        tables = self.tables(conn)
        if "articles" not in tables or "events" not in tables:
            conn.close()
            raise StoreError(f"{self.path}: not a dateline store (no articles/events tables)")
        self._version_conn = conn
        self._version_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        uri = f"file:{quote(str(self.path.resolve()))}?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5.0)
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA foreign_keys = OFF")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the SQLite store {self.path} read-only: {exc}") from exc
        conn.row_factory = sqlite3.Row
        return conn

    @property
    def conn(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self._connect()
        return conn

    @staticmethod
    def tables(conn: sqlite3.Connection) -> set[str]:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    def has_table(self, name: str) -> bool:
        return name in self.tables(self.conn)

    def columns(self, table: str) -> list[str]:
        """Column names of a table that exists (``table`` must come from ``sqlite_master``)."""
        if table not in self.tables(self.conn):
            return []
        return [r[1] for r in self.conn.execute(f'PRAGMA table_info("{table}")')]

    def data_version(self) -> int:
        """Changes when any other connection commits: the key for caches and the event index.

        SQLite's ``data_version`` is per connection, so it is always read from one
        connection kept for that alone (the worker threads' own values do not compare).
        """
        with self._version_lock:
            return int(self._version_conn.execute("PRAGMA data_version").fetchone()[0])

    def rows(self, sql: str, params: Sequence[Any] = (), limit: int = MAX_ROWS) -> list[dict[str, Any]]:
        """Run one parameterised statement; at most ``limit`` rows, at most ``query_seconds``."""
        conn = self.conn
        deadline = time.monotonic() + self.query_seconds
        conn.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 10_000)
        try:
            cur = conn.execute(sql, list(params))
            return [dict(r) for r in cur.fetchmany(min(limit, MAX_ROWS))]
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(
                    f"the query took longer than {self.query_seconds:g} s; narrow the filters"
                ) from exc
            raise
        finally:
            conn.set_progress_handler(None, 0)

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        found = self.rows(sql, params, limit=1)
        return found[0] if found else None

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.one(sql, params)
        return next(iter(row.values())) if row else None
