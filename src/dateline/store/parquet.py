"""The Parquet corpus store (``--parquet DIR``): committed parts, newest row per article wins.

The layout (``parts.py``) is one folder per table with a file per part and a commit
marker per part, written last; ``dateline spark`` writes the same layout, one part per
input file. Readers look at committed parts only. Each row carries the order of its part
(``_seq``) and of its article within the part (``_ord``): an article re-ingested with new
text lands in a newer part, and readers keep, per article id, its newest rows only.
Queries go through an in-memory DuckDB over pyarrow datasets of the committed files, so no
path is ever spliced into SQL. ``compact()`` rewrites the live rows as one part.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store.base import SqlStore
from dateline.store.parquet_rows import PARQUET_TABLES, arrow_schema, nested_views
from dateline.store.parts import (
    COMMITS,
    Folder,
    PartWriter,
    check_layout,
    committed,
    table_file,
)
from dateline.store.rows import text_sha256
from dateline.store.schema import ALL_TABLES, ARTICLES, EVENTS_VIEW, FAILURES, QUOTES_VIEW

_NEWEST = "ORDER BY _seq DESC, _ord DESC"


def connect_views(folder: Folder, markers: list[dict[str, Any]] | None = None) -> Any:
    """An in-memory DuckDB whose tables are views over the newest rows of the committed parts."""
    import duckdb
    import pyarrow.dataset as ds

    markers = committed(folder) if markers is None else markers
    conn = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    for table in PARQUET_TABLES:
        files = [table_file(folder, table.name, m["part"]) for m in markers]
        dataset = ds.dataset(files, schema=arrow_schema(table), format="parquet", filesystem=folder.fs)
        conn.register(f"_raw_{table.name}", dataset)
    # which rows are live is computed once per connection (every view joins it)
    conn.execute(
        f"CREATE TEMP TABLE _live AS SELECT id, _seq, _ord FROM _raw_articles "
        f"QUALIFY row_number() OVER (PARTITION BY id {_NEWEST}) = 1"
    )
    for table in PARQUET_TABLES:
        raw = f"_raw_{table.name}"
        if table is FAILURES:
            sql = (
                f"SELECT f.* EXCLUDE (_seq, _ord) FROM {raw} f LEFT JOIN _live l ON l.id = f.article_id "
                "WHERE l.id IS NULL OR l._seq < f._seq OR (l._seq = f._seq AND l._ord < f._ord) "
                "QUALIFY row_number() OVER (PARTITION BY f.input_key ORDER BY f._seq DESC, f._ord DESC) = 1"
            )
        else:
            key = "id" if table is ARTICLES else "article_id"
            sql = (
                f"SELECT t.* EXCLUDE (_seq, _ord) FROM {raw} t JOIN _live l "
                f"ON l.id = t.{key} AND l._seq = t._seq AND l._ord = t._ord"
            )
        conn.execute(f'CREATE VIEW "{table.name}" AS {sql}')
    for name, sql in nested_views("events").items():
        conn.execute(f'CREATE VIEW "{name}" AS {sql}')
    for view in (EVENTS_VIEW, QUOTES_VIEW):
        conn.execute(view)
    return conn


def _refuse_foreign(folder: Path) -> None:
    """A local folder that holds files of its own is no dateline store: never write into it."""
    if not folder.is_dir():
        return
    ours = {t.name for t in PARQUET_TABLES} | {COMMITS}
    foreign = [p.name for p in folder.iterdir() if p.name not in ours and not p.name.startswith((".", "_"))]
    if foreign:
        raise StoreError(
            f"{folder} is not a dateline Parquet store (it holds other files, e.g. {foreign[0]}); "
            "refusing to use it: name a new or empty folder with --parquet"
        )


class ParquetStore(SqlStore):
    def __init__(self, folder: str | Path, batch_size: int = 64, read_only: bool = False) -> None:
        self.folder = Folder(folder)
        self.batch_size = batch_size
        self.read_only = read_only
        if read_only:
            if not Path(folder).is_dir():
                raise StoreError(f"{folder}: no such Parquet store")
        else:
            try:
                self.folder.mkdirs(self.folder.root)
            except OSError as exc:
                raise StoreError(f"cannot create the Parquet store {folder}: {exc}") from exc
        check_layout(self.folder)
        _refuse_foreign(Path(str(folder)))
        self.conn: Any = None
        self._writer: PartWriter | None = None
        self._last_seq = max((m["seq"] for m in committed(self.folder)), default=0)
        self._hashes = dict(self._query_conn().execute("SELECT id, text_sha256 FROM articles").fetchall())

    # -- parts ----------------------------------------------------------------------------------
    def _current(self) -> PartWriter:
        if self.read_only:
            raise StoreError(f"{self.folder.root}: the store was opened read-only")
        if self._writer is None:
            self._last_seq += 1
            part = f"ingest-{self._last_seq:08d}"
            self._writer = PartWriter(self.folder, part, self._last_seq, row_group=self.batch_size)
        return self._writer

    def flush(self) -> None:
        """Commit the pending articles and failures as one new part."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        try:
            writer.finish()
            writer.commit(source="ingest")
        except BaseException:
            writer.abort()
            raise
        self.conn = None

    # -- the Store interface ----------------------------------------------------------------------
    def all_hashes(self) -> dict[str, str]:
        return dict(self._hashes)

    def put(self, article: Article) -> str:
        sha = text_sha256(article.text)
        old = self._hashes.get(article.id)
        if old == sha:
            return "unchanged"
        writer = self._current()
        writer.put(article)
        self._hashes[article.id] = sha
        if len(writer.hashes) >= self.batch_size:
            self.flush()
        return "replaced" if old else "added"

    def put_failure(self, input_key: str, article_id: str | None, origin: str | None, error: str) -> None:
        self._current().put_failure(input_key, article_id, origin, error)

    def _query_conn(self) -> Any:
        self.flush()  # pending rows become a part (and drop the cached views)
        if self.conn is None:
            self.conn = connect_views(self.folder)
        return self.conn

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
        """Rewrite the store as one part holding only the live rows; drop every other file."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        conn = self._query_conn()
        old = committed(self.folder)
        self._last_seq += 1
        seq, part = self._last_seq, f"compact-{self._last_seq:08d}"
        writer = PartWriter(self.folder, part, seq)
        top = conn.execute("SELECT coalesce(max(_ord), 0) FROM _live").fetchone()[0]
        for table in PARQUET_TABLES:
            if table is FAILURES:
                sql = f'SELECT *, {seq} AS _seq, {top} + row_number() OVER () AS _ord FROM "failures"'
            else:
                key = "id" if table is ARTICLES else "article_id"
                sql = (
                    f"SELECT t.* REPLACE ({seq} AS _seq) FROM _raw_{table.name} t JOIN _live l "
                    f"ON l.id = t.{key} AND l._seq = t._seq AND l._ord = t._ord"
                )
            data = conn.execute(sql).to_arrow_table().select(arrow_schema(table).names)
            data = data.cast(arrow_schema(table))
            self.folder.mkdirs(self.folder.path(table.name))
            with self.folder.fs.open_output_stream(writer._tmp(table.name)) as sink:
                pq.write_table(data if data.num_rows else pa.Table.from_pylist([], schema=data.schema), sink)
            self.folder.fs.move(writer._tmp(table.name), table_file(self.folder, table.name, part))
            writer.rows[table.name] = data.num_rows
        # the parts folded in stay known as committed, so a rerun of ``dateline spark`` skips them
        absorbed = sorted({p for m in old for p in [m["part"], *m.get("absorbed", [])]})
        writer.commit(source="compact", absorbed=absorbed)
        for marker in old:
            self.folder.delete(self.folder.path(COMMITS, f"{marker['part']}.json"))
        for table in PARQUET_TABLES:  # old parts, and files no marker names (killed writers)
            for name in self.folder.names(table.name):
                if name != f"{part}.parquet":
                    self.folder.delete(self.folder.path(table.name, name))
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
