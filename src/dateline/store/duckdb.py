"""The DuckDB corpus store (``--db corpus.duckdb``): the same tables and views, columnar.

DuckDB suits analytical queries over a large corpus (group by country, month, type); its
text search here is a plain ``ILIKE`` scan, as the FTS extension would need a download.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.store.base import SqlStore
from dateline.store.schema import ALL_TABLES, ARTICLES, EVENTS_VIEW, FAILURES, QUOTES_VIEW, Table

_TYPES = {"TEXT": "VARCHAR", "INTEGER": "BIGINT", "REAL": "DOUBLE", "DATE": "DATE"}


def _ddl(table: Table) -> str:
    cols = [f'"{name}" {_TYPES[kind]}' for name, kind in table.columns]
    if table in (ARTICLES, FAILURES):
        cols.append(f"PRIMARY KEY ({', '.join(table.key)})")
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" ({", ".join(cols)})'


#: dateline is offline: DuckDB must never fetch an extension (it would, for instance, to
#: read a SQLite file); every connection dateline makes gets these settings.
OFFLINE = {"autoinstall_known_extensions": False, "autoload_known_extensions": False}


def connect(path: str = ":memory:", read_only: bool = False) -> Any:
    """A DuckDB connection that never downloads or loads an extension on its own."""
    import duckdb

    return duckdb.connect(path, read_only=read_only, config=dict(OFFLINE))


class DuckDBStore(SqlStore):
    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        import duckdb

        self.path = Path(path)
        self.read_only = read_only
        try:
            self.conn = connect(str(self.path), read_only=read_only)
            tables = {
                r[0] for r in self.conn.execute("SELECT table_name FROM information_schema.tables").fetchall()
            }
            if (tables and "articles" not in tables) or (read_only and "articles" not in tables):
                self.conn.close()
                raise StoreError(
                    f"{self.path} is not a dateline store (it has no dateline tables); "
                    "refusing to use it: name a new file with --db"
                )
            if not read_only:
                for table in ALL_TABLES:
                    self.conn.execute(_ddl(table))
                self._upgrade()
                for view in (EVENTS_VIEW, QUOTES_VIEW):
                    self.conn.execute(view.replace("CREATE VIEW", "CREATE OR REPLACE VIEW"))
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the DuckDB store {self.path}: {exc}") from exc

    def _upgrade(self) -> None:
        """Columns added since a file was created (typed dates, country names), filled in."""
        from dateline.store.migrations import add_typed_columns

        self.conn.execute("DROP VIEW IF EXISTS events_view")
        self.conn.begin()
        try:
            add_typed_columns(self.conn, _TYPES)
            self.conn.commit()
        except BaseException:
            self._rollback()
            raise

    def _begin(self) -> None:
        self.conn.begin()

    def _commit(self) -> None:
        self.conn.commit()

    def _rollback(self) -> None:
        import duckdb

        with contextlib.suppress(duckdb.Error):
            self.conn.rollback()

    def close(self) -> None:
        self.conn.close()
