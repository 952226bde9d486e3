"""JSONL corpora: one article a line (``id``, ``text``, optional ``published``, ``url``, ``title``,
``source``, or the names ``ingest.fields`` knows or is given; other fields ignored). A bad
line becomes a ``Failure`` and the file goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dateline.ingest.fields import DEFAULT, Fields, document_from_mapping
from dateline.pipeline import Document, Failure


def iter_jsonl(lines: Iterator[str], name: str, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(None, f"{where}: malformed JSON ({exc.msg})", where)
            continue
        if not isinstance(row, dict):
            yield Failure(None, f"{where}: expected a JSON object, got {type(row).__name__}", where)
            continue
        yield document_from_mapping(row, fields, where)


def read_jsonl(path: Path, text: str, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    return iter_jsonl(iter(text.splitlines()), str(path), fields)
