"""Article tables from data workflows: CSV (a header row) and Parquet files, one article a
row, and news-please's JSON files (one article, or a list of them, per file).

Which column holds the text, id, date and URL is ``ingest.fields``' business; a row that
lacks its text becomes a ``Failure`` naming the row, and the table goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from dateline.documents import Document, Failure
from dateline.errors import MalformedInput
from dateline.ingest.decode import decode_text
from dateline.ingest.fields import DEFAULT, Fields, document_from_mapping

TABLE_SUFFIXES = {".csv", ".tsv", ".parquet", ".json"}


def read_table(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        yield from read_parquet(path, fields)
    elif suffix == ".json":
        yield from read_json(path, fields)
    else:
        yield from read_csv(path, fields, delimiter="\t" if suffix == ".tsv" else ",")


def read_csv(path: Path, fields: Fields = DEFAULT, delimiter: str = ",") -> Iterator[Document | Failure]:
    """Rows of a CSV file with a header (long article texts are allowed in a cell)."""
    text = decode_text(path.read_bytes(), str(path))
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(text.splitlines(keepends=True), delimiter=delimiter)
    try:
        for row in reader:
            yield document_from_mapping(row, fields, f"{path}:{reader.line_num}")
    except csv.Error as exc:
        yield Failure(None, f"{path}:{reader.line_num}: malformed CSV ({exc})", str(path))


def read_parquet(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    """Rows of a Parquet file, read a batch at a time."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise MalformedInput(f"{path}: not a readable Parquet file ({exc})") from None
    row_number = 0
    for batch in table.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            row_number += 1
            yield document_from_mapping(row, fields, f"{path}:row {row_number}")


def read_json(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    """A JSON file holding one article object (news-please's output) or a list of them."""
    try:
        data = json.loads(decode_text(path.read_bytes(), str(path)))
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"{path}: malformed JSON ({exc.msg})") from None
    rows = data if isinstance(data, list) else [data]
    for i, row in enumerate(rows, start=1):
        where = str(path) if len(rows) == 1 else f"{path}:item {i}"
        if not isinstance(row, dict):
            yield Failure(None, f"{where}: expected a JSON object, got {type(row).__name__}", str(path))
            continue
        yield document_from_mapping(row, fields, where)
