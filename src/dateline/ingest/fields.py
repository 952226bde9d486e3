"""One row of a data table (a JSONL line, a CSV or Parquet row, a news-please JSON file, a
dict given to ``Pipeline.pipe``) as a ``Document``: which field holds what.

Data workflows name their columns differently, so the fields can be chosen
(``--text-field``, ``--id-field``, ``--date-field``, ``--url-field``); without a choice,
the usual names are tried in order, news-please's among them (``maintext``,
``date_publish``, ``source_domain``). Publication dates in any common form ("Tue, 29 Mar
2016 09:30:00 GMT", "March 29, 2016") become ISO dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dateline.dates import parse_published
from dateline.documents import Document, Failure
from dateline.errors import DatelineError

TEXT_KEYS = ("text", "maintext", "content", "body")
ID_KEYS = ("id",)
DATE_KEYS = ("published", "date_publish", "date")
URL_KEYS = ("url",)
TITLE_KEYS = ("title",)
SOURCE_KEYS = ("source", "source_domain")


@dataclass(frozen=True)
class Fields:
    """The field names to read; None tries the usual names."""

    text: str | None = None
    id: str | None = None
    date: str | None = None
    url: str | None = None

    def keys(self, chosen: str | None, usual: tuple[str, ...]) -> tuple[str, ...]:
        return (chosen,) if chosen else usual


DEFAULT = Fields()


def _first(row: Mapping[str, Any], keys: tuple[str, ...]) -> tuple[str, Any]:
    for key in keys:
        value = row.get(key)
        if value is not None and value != "":
            return key, value
    return keys[0], None


def document_from_mapping(
    row: Mapping[str, Any], fields: Fields = DEFAULT, where: str = ""
) -> Document | Failure:
    """The document a row describes, or a ``Failure`` saying what is wrong with it."""
    prefix = f"{where}: " if where else ""
    _, rid = _first(row, fields.keys(fields.id, ID_KEYS))
    rid = str(rid) if rid is not None else None
    text_key, text = _first(row, fields.keys(fields.text, TEXT_KEYS))
    if not isinstance(text, str) or not text.strip():
        return Failure(rid, f"{prefix}no '{text_key}' field with article text", where or None)
    _, published = _first(row, fields.keys(fields.date, DATE_KEYS))
    if published is not None:
        try:
            published = (
                parse_published(published)
                if isinstance(published, dt.date)
                else parse_published(str(published))
            ).isoformat()
        except DatelineError as exc:
            return Failure(rid, f"{prefix}{exc}", where or None)
    values: dict[str, Any] = {}
    for name, keys in (
        ("url", fields.keys(fields.url, URL_KEYS)),
        ("title", TITLE_KEYS),
        ("source", SOURCE_KEYS),
    ):
        key, value = _first(row, keys)
        if value is not None and not isinstance(value, str):
            return Failure(
                rid, f"{prefix}'{key}' must be a string, got {type(value).__name__}", where or None
            )
        values[name] = value
    return Document(text=text, id=rid, published=published or None, **values)
