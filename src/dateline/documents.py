"""What goes into the pipeline (``Document``) and what a bad input becomes (``Failure``).

Readers make these, the pipeline consumes them, the store records failures: they sit
beside ``records`` (what comes out) so that no reader has to import the pipeline.
``check_document`` is the one gate every path (API, ``analyze``, ``ingest``) applies
before an article is parsed or stored, so a bad article costs itself and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dateline.errors import EmptyInput, InputTooLarge, MalformedInput
from dateline.limits import MAX_ARTICLE_CHARS


@dataclass
class Document:
    """One article to analyse: its text and the metadata its reader found."""

    text: str
    id: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    #: the legacy encoding the bytes were decoded from when they were not UTF-8
    encoding: str | None = None


@dataclass
class Failure:
    """A per-article error inside a batch: reported, and the batch goes on."""

    id: str | None
    error: str
    source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "error": self.error, "source": self.source}


_FIELDS = ("id", "published", "url", "title", "source")


def lone_surrogate(text: str) -> int | None:
    """The offset of the first lone surrogate (valid in JSON, not in UTF-8), else None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def check_document(document: Document, max_chars: int = MAX_ARTICLE_CHARS) -> None:
    """Raise an ``InputError`` naming what is wrong with a document, before any work on it.

    Catches what would otherwise fail deep inside the parser or the store (and, there,
    take the batch with it): a text that is not a string, empty, over ``max_chars``, or
    holding a lone surrogate (``"\\ud800"`` is valid JSON but no UTF-8 can store it).
    """
    text = document.text
    if not isinstance(text, str):
        raise MalformedInput(f"the article text must be a string, got {type(text).__name__}")
    for name in _FIELDS:
        value = getattr(document, name)
        if value is not None and not isinstance(value, str):
            raise MalformedInput(f"the article {name} must be a string, got {type(value).__name__}")
        if isinstance(value, str) and (at := lone_surrogate(value)) is not None:
            raise MalformedInput(
                f"the article {name} holds a lone surrogate (U+{ord(value[at]):04X} at offset {at}), "
                "which is not valid Unicode text"
            )
    if not text.strip():
        raise EmptyInput("the article text is empty")
    if max_chars and len(text) > max_chars:
        raise InputTooLarge(
            f"the article is {len(text):,} characters, over the limit of {max_chars:,} "
            "(see docs/limits.md; split it or raise Pipeline(max_chars=...))"
        )
    if (at := lone_surrogate(text)) is not None:
        raise MalformedInput(
            f"the article text holds a lone surrogate (U+{ord(text[at]):04X} at offset {at}), "
            "which is not valid Unicode text"
        )
