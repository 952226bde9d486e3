"""Parts of a Parquet store: one file per table, then a commit marker written last.

A part is what one writer commits at once: a batch of a local ``ingest --parquet`` run, or
everything one input file (a WARC, a JSONL shard) gave a Spark task. The layout is plain
table folders, so DuckDB, Spark and pandas read a table with one glob::

    DIR/articles/<part>.parquet      every table has a file in every part (maybe empty)
    DIR/events/<part>.parquet        ... one folder per table of ``parquet_rows.PARQUET_TABLES``
    DIR/_commits/<part>.json         the marker: {part, seq, source, version, rows, committed_at}
    DIR/_manifest/<part>.json        (Spark) status, articles, failures, seconds, attempts

Files are written under a hidden temporary name and moved into place; the marker goes
last, so a part without a marker is not committed and dateline's readers ignore it. A
writer that runs again for the same part (a retried or speculative task) writes the same
file names, so nothing is ever doubled. Any filesystem pyarrow knows works (local, S3,
GCS, HDFS): Spark's executors write through it without the JVM.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.errors import StoreError
from dateline.records import Article
from dateline.store.base import now_iso
from dateline.store.parquet_rows import PARQUET_TABLES, arrow_schema, failure_row, parquet_rows
from dateline.store.rows import text_sha256

COMMITS = "_commits"
MANIFEST = "_manifest"


class Folder:
    """A store root on a pyarrow filesystem: a local path or a URI (``s3://``, ``gs://``, ``hdfs://``)."""

    def __init__(self, where: str | Path) -> None:
        from pyarrow import fs

        text = str(where)
        try:
            if "://" in text and not text.startswith("file://"):
                # Hadoop's s3a:// and s3n:// name the same buckets pyarrow calls s3://
                for alias in ("s3a://", "s3n://"):
                    if text.startswith(alias):
                        text = "s3://" + text[len(alias) :]
                self.fs, self.root = fs.FileSystem.from_uri(text)
            else:
                self.fs = fs.LocalFileSystem()
                self.root = str(Path(text.removeprefix("file://")).absolute())
        except (OSError, ValueError) as exc:
            raise StoreError(f"{where}: cannot open this output location ({exc})") from None
        self.root = self.root.rstrip("/")
        self.uri = str(where)

    @property
    def is_local(self) -> bool:
        from pyarrow import fs

        return isinstance(self.fs, fs.LocalFileSystem)

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def exists(self, path: str) -> bool:
        from pyarrow import fs

        return self.fs.get_file_info(path).type != fs.FileType.NotFound

    def mkdirs(self, path: str) -> None:
        self.fs.create_dir(path, recursive=True)

    def names(self, sub: str, suffix: str = "") -> list[str]:
        """File names (not paths) directly in ``sub``, sorted; none when it does not exist."""
        from pyarrow import fs

        if not self.exists(self.path(sub)):
            return []
        infos = self.fs.get_file_info(fs.FileSelector(self.path(sub)))
        return sorted(
            i.base_name for i in infos if i.type == fs.FileType.File and i.base_name.endswith(suffix)
        )

    def write_atomic(self, path: str, data: bytes) -> None:
        """Write under a hidden temporary name in the same folder, then move into place."""
        folder, _, name = path.rpartition("/")
        self.mkdirs(folder)
        tmp = f"{folder}/.{name}.{uuid.uuid4().hex[:12]}.tmp"
        with self.fs.open_output_stream(tmp) as out:
            out.write(data)
        self.fs.move(tmp, path)

    def read_json(self, path: str) -> dict[str, Any] | None:
        try:
            with self.fs.open_input_stream(path) as fh:
                return json.loads(fh.read().decode("utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            return None  # a marker half-written by a crashed writer on a non-atomic filesystem

    def delete(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.fs.delete_file(path)


def committed(folder: Folder) -> list[dict[str, Any]]:
    """The markers of every committed part, oldest first (by ``seq``, then name)."""
    markers = [folder.read_json(folder.path(COMMITS, name)) for name in folder.names(COMMITS, ".json")]
    good = [m for m in markers if m and isinstance(m.get("part"), str) and isinstance(m.get("seq"), int)]
    return sorted(good, key=lambda m: (m["seq"], m["part"]))


def next_seq(folder: Folder) -> int:
    return max((m["seq"] for m in committed(folder)), default=0) + 1


def table_file(folder: Folder, table: str, part: str) -> str:
    return folder.path(table, f"{part}.parquet")


class PartWriter:
    """Writes one part, streaming: the Store interface the ingest driver needs, into Parquet.

    Rows go to one ``pyarrow.parquet.ParquetWriter`` per table (a row group every
    ``row_group`` articles), so a task over a 1 GB WARC holds one row group in memory,
    not the whole input. ``finish()`` moves the files into place, ``commit()`` writes the
    marker. An article id met twice in one part keeps both rows; the later ``_ord`` wins.
    """

    def __init__(self, folder: Folder, part: str, seq: int, row_group: int = 256) -> None:
        self.folder, self.part, self.seq, self.row_group = folder, part, seq, row_group
        self._token = uuid.uuid4().hex[:12]
        self._buffers: dict[str, list[dict[str, Any]]] = {t.name: [] for t in PARQUET_TABLES}
        self._writers: dict[str, Any] = {}
        self._failures: dict[str, dict[str, Any]] = {}
        self._pending_articles = 0
        self._ord = 0
        self.hashes: dict[str, str] = {}
        self.rows: Counter[str] = Counter()

    def _tmp(self, table: str) -> str:
        return self.folder.path(table, f".{self.part}.parquet.{self._token}.tmp")

    # -- the Store interface the ingest driver calls ------------------------------------------
    def all_hashes(self) -> dict[str, str]:
        return dict(self.hashes)

    def put(self, article: Article) -> str:
        self._ord += 1
        old = self.hashes.get(article.id)
        for name, rows in parquet_rows(article, now_iso(), self.seq, self._ord).items():
            self._buffers[name].extend(rows)
        self.hashes[article.id] = text_sha256(article.text)
        self._pending_articles += 1
        if self._pending_articles >= self.row_group:
            self._flush()
        return "replaced" if old else "added"

    def put_failure(self, input_key: str, article_id: str | None, origin: str | None, error: str) -> None:
        self._ord += 1
        self._failures.pop(input_key, None)
        self._failures[input_key] = failure_row(
            input_key, article_id, origin, error, now_iso(), self.seq, self._ord
        )

    # -- files ----------------------------------------------------------------------------------
    def _flush(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        for table in PARQUET_TABLES:
            rows = self._buffers[table.name]
            if not rows:
                continue
            schema = arrow_schema(table)
            if table.name not in self._writers:
                self.folder.mkdirs(self.folder.path(table.name))
                sink = self.folder.fs.open_output_stream(self._tmp(table.name))
                self._writers[table.name] = (pq.ParquetWriter(sink, schema, compression="zstd"), sink)
            self._writers[table.name][0].write_table(pa.Table.from_pylist(rows, schema=schema))
            self.rows[table.name] += len(rows)
            self._buffers[table.name] = []
        self._pending_articles = 0

    def finish(self) -> dict[str, int]:
        """Write what is buffered and move every table's file into place (not yet committed)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._buffers["failures"].extend(self._failures.values())
        self._failures = {}
        self._flush()
        for table in PARQUET_TABLES:
            if table.name not in self._writers:  # an empty file, so every part has every table
                self.folder.mkdirs(self.folder.path(table.name))
                with self.folder.fs.open_output_stream(self._tmp(table.name)) as sink:
                    pq.write_table(pa.Table.from_pylist([], schema=arrow_schema(table)), sink)
            else:
                writer, sink = self._writers.pop(table.name)
                writer.close()
                sink.close()
            self.folder.fs.move(self._tmp(table.name), table_file(self.folder, table.name, self.part))
        return {t.name: self.rows[t.name] for t in PARQUET_TABLES}

    def commit(self, **meta: Any) -> dict[str, Any]:
        """Write the marker, last: from now on readers see this part."""
        marker = {
            "part": self.part,
            "seq": self.seq,
            "rows": {t.name: self.rows[t.name] for t in PARQUET_TABLES},
            "committed_at": now_iso(),
            **meta,
        }
        self.folder.write_atomic(
            self.folder.path(COMMITS, f"{self.part}.json"), json.dumps(marker, ensure_ascii=False).encode()
        )
        return marker

    def abort(self) -> None:
        for writer, sink in self._writers.values():
            try:
                writer.close()
                sink.close()
            except OSError:
                pass
        self._writers = {}
        for table in PARQUET_TABLES:
            self.folder.delete(self._tmp(table.name))


def check_layout(folder: Folder) -> None:
    """Refuse a folder in the first Parquet layout (``part-NNNNNN/`` folders)."""
    if folder.is_local and any(Path(folder.root).glob("part-*/articles.parquet")):
        raise StoreError(
            f"{folder.uri}: a Parquet store in the old part-NNNNNN/ layout; "
            "ingest again into a new folder (the articles' JSON is in its articles.parquet)"
        )
