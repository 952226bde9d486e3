"""JSONL corpora: one article a line (``id``, ``text``, optional ``published``, ``url``, ``title``,
``source``; other fields ignored). A bad line becomes a ``Failure`` and the file goes on."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from dateline.dates import parse_published
from dateline.documents import Document, Failure
from dateline.errors import DatelineError


def iter_jsonl(lines: Iterator[str], name: str) -> Iterator[Document | Failure]:
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
        rid = row.get("id")
        rid = str(rid) if rid is not None else None
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            yield Failure(rid, f"{where}: no 'text' field with article text", where)
            continue
        published = row.get("published")
        if published:
            try:
                published = parse_published(str(published)).isoformat()
            except DatelineError as exc:
                yield Failure(rid, f"{where}: {exc}", where)
                continue
        bad = next(
            (k for k in ("url", "title", "source") if row.get(k) is not None and not isinstance(row[k], str)),
            None,
        )
        if bad is not None:
            yield Failure(rid, f"{where}: '{bad}' must be a string, got {type(row[bad]).__name__}", where)
            continue
        yield Document(
            text=text,
            id=rid,
            published=published or None,
            url=row.get("url"),
            title=row.get("title"),
            source=row.get("source"),
        )


def read_jsonl(path: Path, text: str) -> Iterator[Document | Failure]:
    return iter_jsonl(iter(text.splitlines()), str(path))
