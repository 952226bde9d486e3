"""Reading gold files (``spec/GOLD.md``) and prediction files: JSON Lines of dicts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dateline.documents import Document
from dateline.errors import MalformedInput, SourceNotFound


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every JSON object of a JSONL file; a broken line is an error naming file and line."""
    if not path.is_file():
        raise SourceNotFound(f"{path}: no such file")
    rows = []
    with path.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise MalformedInput(f"{path}:{lineno}: malformed JSON ({exc.msg})") from None
    return rows


def predictions_by_id(paths: list[Path]) -> dict[str, dict[str, Any]]:
    """Predictions keyed by article id (failure lines have an ``error`` and no records)."""
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        for row in read_jsonl(path):
            if row.get("id") is not None:
                out[str(row["id"])] = row
    return out


def gold_document(row: dict[str, Any]) -> Document:
    """The article a gold row describes, keeping its id so predictions line up with it."""
    return Document(
        text=row["text"],
        id=row["id"],
        published=row.get("published"),
        url=row.get("url"),
        title=row.get("title"),
        source=row.get("source"),
    )
