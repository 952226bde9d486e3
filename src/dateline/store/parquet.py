"""The Parquet corpus store (``--parquet DIR``): an append-only log of parts, latest wins.

Parquet files are written once, so each committed batch is one part folder
(``part-000007/<table>.parquet``) written as ``_writing-000007`` and renamed into place:
a killed run leaves whole parts or nothing. An article re-ingested with new text lands in
a newer part; readers keep, per article id, the rows of its newest part only.
``compact()`` rewrites the folder as one part. Queries go through an in-memory DuckDB.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store.base import SqlStore, now_iso
from dateline.store.rows import Row, article_rows, text_sha256
from dateline.store.schema import ALL_TABLES, ARTICLE_TABLES, EVENTS_VIEW, FAILURES, QUOTES_VIEW, Table

_ARROW = {"TEXT": "string", "INTEGER": "int64", "REAL": "float64", "DATE": "date32"}


def _schema(table: Table) -> Any:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "date32": pa.date32()}
    fields = [pa.field(name, types[_ARROW[kind]]) for name, kind in table.columns]
    return pa.schema([*fields, pa.field("_part", pa.int64())])


def _day(value: Any) -> dt.date | None:
    """A DATE cell from a row: ISO text (new rows) or a date (rows read back by compact)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


class ParquetStore(SqlStore):
    def __init__(self, folder: str | Path, batch_size: int = 64) -> None:
        self.folder = Path(folder)
        self.batch_size = batch_size
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the Parquet store {self.folder}: {exc}") from exc
        for tmp in self.folder.glob("_writing-*"):
            shutil.rmtree(tmp, ignore_errors=True)
        self._pending: dict[str, list[Row]] = {t.name: [] for t in ALL_TABLES}
        self._pending_ids: dict[str, str] = {}
        self._hashes = self._load_hashes()
        self.conn: Any = None

    # -- parts ----------------------------------------------------------------------------------
    def _parts(self) -> list[Path]:
        return sorted(p for p in self.folder.glob("part-*") if p.is_dir())

    def _next_part(self) -> int:
        parts = self._parts()
        return int(parts[-1].name.split("-")[1]) + 1 if parts else 1

    def _load_hashes(self) -> dict[str, str]:
        import pyarrow.parquet as pq

        out: dict[str, str] = {}
        for part in self._parts():
            path = part / "articles.parquet"
            if path.exists():
                t = pq.read_table(path, columns=["id", "text_sha256"])
                out.update(zip(t.column("id").to_pylist(), t.column("text_sha256").to_pylist(), strict=True))
        return out

    def _write_part(self, rows_by_table: dict[str, list[Row]]) -> int:
        """Write one part under a scratch name, fsync, and rename it into place (atomic)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        number = self._next_part()
        tmp = self.folder / f"_writing-{number:06d}"
        tmp.mkdir()
        for table in ALL_TABLES:
            rows = rows_by_table.get(table.name, [])
            cols = list(zip(*rows, strict=True)) if rows else [[] for _ in table.columns]
            arrays = {
                name: [_day(v) for v in col] if kind == "DATE" else list(col)
                for (name, kind), col in zip(table.columns, cols, strict=True)
            }
            arrays["_part"] = [number] * len(rows)
            pq.write_table(pa.Table.from_pydict(arrays, schema=_schema(table)), tmp / f"{table.name}.parquet")
        with open(tmp / "_COMMITTED", "w") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.folder / f"part-{number:06d}")
        self.conn = None
        return number

    def flush(self) -> None:
        """Write the pending articles as one new part."""
        if not any(self._pending.values()):
            return
        self._write_part(self._pending)
        self._hashes.update(self._pending_ids)
        self._pending = {t.name: [] for t in ALL_TABLES}
        self._pending_ids = {}

    # -- the Store interface ----------------------------------------------------------------------
    def all_hashes(self) -> dict[str, str]:
        return {**self._hashes, **self._pending_ids}

    def put(self, article: Article) -> str:
        sha = text_sha256(article.text)
        old = self._hashes.get(article.id) or self._pending_ids.get(article.id)
        if old == sha:
            return "unchanged"
        if article.id in self._pending_ids:
            self.flush()
        for name, rows in article_rows(article, now_iso()).items():
            self._pending[name].extend(rows)
        self._pending_ids[article.id] = sha
        if len(self._pending_ids) >= self.batch_size:
            self.flush()
        return "replaced" if old else "added"

    def put_failure(self, input_key: str, article_id: str | None, origin: str | None, error: str) -> None:
        pending = [r for r in self._pending[FAILURES.name] if r[0] != input_key]
        self._pending[FAILURES.name] = [*pending, (input_key, article_id, origin, error, now_iso())]

    def _query_conn(self) -> Any:
        """An in-memory DuckDB whose tables are views over the newest part of each article."""
        import duckdb

        self.flush()  # pending rows become a part (and drop the cached views)
        if self.conn is not None:
            return self.conn
        conn = duckdb.connect()
        have_parts = bool(self._parts())
        for table in ALL_TABLES:
            glob = str(self.folder / "part-*" / f"{table.name}.parquet")
            if not have_parts:
                cols = ", ".join(
                    f'CAST(NULL AS {"VARCHAR" if k == "TEXT" else "DOUBLE"}) AS "{c}"'
                    for c, k in table.columns
                )
                conn.execute(f'CREATE VIEW "{table.name}" AS SELECT {cols} WHERE false')
                continue
            src = f"read_parquet('{glob}')"
            cols = ", ".join(f't."{c}"' for c in table.column_names)
            if table.name == "articles":
                sql = f"SELECT {cols} FROM {src} t QUALIFY _part = max(_part) OVER (PARTITION BY id)"
            elif table in ARTICLE_TABLES:
                latest = f"(SELECT id, max(_part) AS p FROM read_parquet('{self.folder / 'part-*' / 'articles.parquet'}') GROUP BY id)"
                sql = f"SELECT {cols} FROM {src} t JOIN {latest} l ON l.id = t.article_id AND l.p = t._part"
            else:
                sql = f"SELECT {cols} FROM {src} t QUALIFY _part = max(_part) OVER (PARTITION BY input_key)"
            conn.execute(f'CREATE VIEW "{table.name}" AS {sql}')
        for view in (EVENTS_VIEW, QUOTES_VIEW):
            conn.execute(view)
        self.conn = conn
        return conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        self._query_conn()
        return super()._rows(sql, params)

    def counts(self) -> dict[str, int]:
        conn = self._query_conn()
        return {t.name: conn.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in ALL_TABLES}

    def iter_articles(self) -> Iterator[Article]:
        self._query_conn()
        yield from super().iter_articles()

    def compact(self) -> None:
        """Rewrite the store as a single part holding only the live rows."""
        conn = self._query_conn()
        old_parts = self._parts()
        live = {t.name: conn.execute(f'SELECT * FROM "{t.name}"').fetchall() for t in ALL_TABLES}
        self._write_part(live)
        for part in old_parts:
            shutil.rmtree(part)
        self.conn = None

    def _begin(self) -> None:  # parts are the transactions
        return None

    def _commit(self) -> None:
        return None

    def _rollback(self) -> None:
        return None

    def close(self) -> None:
        self.flush()
        if self.conn is not None:
            self.conn.close()
            self.conn = None
