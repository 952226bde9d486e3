"""Publication dates: the one parser for ``--published``, JSONL fields and HTML metadata."""

from __future__ import annotations

import datetime as dt

from dateline.errors import OptionError


def parse_published(value: str | dt.date | dt.datetime) -> dt.date:
    """An ISO 8601 date or datetime to a date; anything else is an ``OptionError``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        if len(text) > 10:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        return dt.date.fromisoformat(text)
    except ValueError:
        raise OptionError(
            f"invalid publication date {value!r}: expected ISO 8601, e.g. 2016-03-27 or 2016-03-27T09:30:00Z"
        ) from None
