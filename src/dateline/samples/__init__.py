"""The bundled sample corpus: the seed article plus hand-written wire-style stories.

The samples exist so that a fresh install can be tried, demonstrated and smoke-tested
without any network or external data. ``index.json`` lists every file with its metadata
and the constructions it exercises (quote kinds, attribution chains, relative dates,
event types), so tests and demos can pick articles by what they cover.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.documents import Document

SAMPLES_DIR = Path(__file__).resolve().parent
INDEX = SAMPLES_DIR / "index.json"


@cache
def _index() -> tuple[dict[str, Any], ...]:
    """Read index.json once per process; the list is small and never changes at run time."""
    return tuple(json.loads(INDEX.read_text(encoding="utf-8")))


def sample_index() -> list[dict[str, Any]]:
    """Copies of the index entries, in index order (safe for callers to mutate)."""
    return [dict(entry) for entry in _index()]


def sample_paths() -> list[Path]:
    """Paths of the sample articles, in index order."""
    return [SAMPLES_DIR / entry["file"] for entry in _index()]


def sample_documents() -> list[Document]:
    """The samples as pipeline ``Document`` objects, with the metadata from index.json.

    ``Document`` is imported here rather than at module level so that importing
    ``dateline.samples`` (e.g. just to list files) does not pull in the pipeline and spaCy.
    """
    from dateline.documents import Document

    return [
        Document(
            text=(SAMPLES_DIR / entry["file"]).read_text(encoding="utf-8"),
            id=entry["id"],
            published=entry.get("published"),
            url=entry.get("url"),
            title=entry.get("title"),
            source=entry.get("source"),
        )
        for entry in _index()
    ]
