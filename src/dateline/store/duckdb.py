"""The DuckDB corpus store (``--db corpus.duckdb``): the same tables and views, columnar.

DuckDB suits analytical queries over a large corpus (group by country, month, type); its
text search here is a plain ``ILIKE`` scan, as the FTS extension would need a download.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from dateline.errors import StoreError
from dateline.store.base import SqlStore
from dateline.store.schema import ALL_TABLES, ARTICLES, EVENTS_VIEW, FAILURES, QUOTES_VIEW, Table

_TYPES = {"TEXT": "VARCHAR", "INTEGER": "BIGINT", "REAL": "DOUBLE", "DATE": "DATE"}


def _ddl(table: Table) -> str:
    cols = [f'"{name}" {_TYPES[kind]}' for name, kind in table.columns]
    if table in (ARTICLES, FAILURES):
        cols.append(f"PRIMARY KEY ({', '.join(table.key)})")
    return f'CREATE TABLE IF NOT EXISTS "{table.name}" ({", ".join(cols)})'


class DuckDBStore(SqlStore):
    def __init__(self, path: str | Path) -> None:
        import duckdb

        self.path = Path(path)
        try:
            self.conn = duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            raise StoreError(f"cannot open the DuckDB store {self.path}: {exc}") from exc
        for table in ALL_TABLES:
            self.conn.execute(_ddl(table))
        self._upgrade()
        for view in (EVENTS_VIEW, QUOTES_VIEW):
            self.conn.execute(view.replace("CREATE VIEW", "CREATE OR REPLACE VIEW"))

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
