"""The default corpus store: one SQLite file, WAL mode, FTS5 search, named migrations.

WAL with ``synchronous=NORMAL`` makes a commit per article cheap while a killed process
(even ``kill -9``) keeps every committed article: at most the ones in flight are lost.
The file opens in Datasette with ``events_view`` and ``quotes_view`` ready to browse.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.store.base import SqlStore, row_limit
from dateline.store.migrations import migrate


def fts_query(text: str) -> str:
    """User words as an FTS5 query: each word a quoted term (no syntax errors on odd input)."""
    words = re.findall(r"\w+", text)
    return " ".join(f'"{w}"' for w in words)


def _read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: ``mode=ro``, else (a WAL file in a read-only folder,
    where SQLite cannot make its ``-shm`` file) ``immutable=1``."""
    uri = path.absolute().as_uri()  # percent-escapes ?, #, % and quotes in the path
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=30.0)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        if os.access(path.absolute().parent, os.W_OK):
            raise  # a writable folder: the error is real (locked, missing), not the mount
        # nothing can write beside the file, so nothing can change it while we read
        conn = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    conn.execute("PRAGMA query_only=ON")
    return conn


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _why(path: Path) -> str:
    """The usual cause of a failed open for writing, when the file system says so."""
    folder = path.absolute().parent
    if (path.exists() and not os.access(path, os.W_OK)) or (
        folder.exists() and not os.access(folder, os.W_OK)
    ):
        return " (the file or its folder is read-only; search, quotes, events and export can still read it)"
    return ""


class SQLiteStore(SqlStore):
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.migrations_run: list[str] = []
        try:
            if read_only:
                self.conn = _read_only(self.path)
            else:
                self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=30.0)
            tables = _tables(self.conn)
            if (tables and "_migrations" not in tables) or (read_only and "articles" not in tables):
                self.conn.close()
                raise StoreError(
                    f"{self.path} is not a dateline store (it has no dateline tables); "
                    "refusing to use it: name a new file with --db"
                )
            if not read_only:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
                self.conn.execute("PRAGMA foreign_keys=ON")
                self.migrations_run = migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the SQLite store {self.path}: {exc}{_why(self.path)}") from exc

    def _begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def _commit(self) -> None:
        self.conn.execute("COMMIT")

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def search(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Full-text search over title and text, best match first, with a highlighted snippet."""
        query = fts_query(text)
        if not query:
            return []
        return self._rows(
            "SELECT a.id, a.title, a.url, a.published, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
            [query, row_limit(limit)],
        )

    def find_quotes(self, speaker: str | None, about: str | None, limit: int = 50) -> list[dict[str, Any]]:
        """Quotes by speaker (substring) and about words (FTS5 over the quoted content)."""
        if not about:
            return super().find_quotes(speaker, None, limit)
        query = fts_query(about)
        if not query:
            return super().find_quotes(speaker, None, limit)
        sql = (
            "SELECT v.* FROM quotes_fts JOIN quotes q ON q.pk = quotes_fts.rowid "
            "JOIN quotes_view v ON v.article_id = q.article_id AND v.quote_id = q.id "
            "AND v.span_start IS q.span_start "
            "WHERE quotes_fts MATCH ?"
        )
        params: list[Any] = [f"content : ({query})"]
        if speaker:
            sql += " AND lower(v.speaker) LIKE ?"
            params.append(f"%{speaker.lower()}%")
        sql += " ORDER BY rank LIMIT ?"
        return self._rows(sql, [*params, row_limit(limit)])

    def close(self) -> None:
        self.conn.close()
