"""Publication dates: the one parser for ``--published``, JSONL fields and HTML metadata."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dateline.errors import OptionError

if TYPE_CHECKING:
    from dateline.records import Article, Event


def parse_published(value: str | dt.date | dt.datetime) -> dt.date:
    """A publication date to a date: ISO 8601 first, then the forms feeds and scrapers write
    ("Tue, 29 Mar 2016 09:30:00 GMT", "March 29, 2016", "29/03/2016") through dateparser.

    Only absolute dates with a day, month and year are accepted: "now", "yesterday" or a
    bare "May" are refused rather than read against today's clock.
    """
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
        pass
    parsed = _dateparser(text) if 6 <= len(text) <= 80 else None
    if parsed is None:
        raise OptionError(
            f"invalid publication date {value!r}: expected a date such as 2016-03-27, "
            "2016-03-27T09:30:00Z, 'March 27, 2016' or 'Sun, 27 Mar 2016 09:30:00 GMT'"
        )
    return parsed


def _dateparser(text: str) -> dt.date | None:
    import dateparser

    settings = {
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "DATE_ORDER": "DMY",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return found.date() if found else None


_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def _month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` (months past 12 roll into the next year)."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    first_next = dt.date(year + month // 12, month % 12 + 1, 1)
    return first_next - dt.timedelta(days=1)


def timex_range(value: str | None) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(first day, last day, precision) a TIMEX3 date value covers; Nones when it names no
    calendar interval ("XXXX-08", "PRESENT_REF").

    Typed dates let a spreadsheet, DuckDB's ``date_trunc`` or QGIS's time slider use a
    value such as "2016-W12" or "2015-08" that is not an ISO date: the range says what
    is known, the precision how much (day, week, month, quarter, season, year, decade).
    """
    if not value:
        return (None, None, None)
    v = value.strip()
    try:
        if len(v) >= 10 and v[4] == "-" and v[7] == "-":
            d = dt.date.fromisoformat(v[:10])
            return (d, d, "day")
        if len(v) == 8 and v[4:6] == "-W":
            start = dt.date.fromisocalendar(int(v[:4]), int(v[6:8]), 1)
            return (start, start + dt.timedelta(days=6), "week")
        if len(v) == 7 and v[4] == "-" and v[5:].isdigit():
            year, month = int(v[:4]), int(v[5:])
            return (dt.date(year, month, 1), _month_end(year, month), "month")
        if len(v) == 7 and v[4:6] == "-Q" and v[6] in "1234":
            year, q = int(v[:4]), int(v[6])
            return (dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
        if len(v) == 7 and v[4] == "-" and v[5:] in _SEASONS:
            year, (first, last) = int(v[:4]), _SEASONS[v[5:]]
            return (dt.date(year, first, 1), _month_end(year, last), "season")
        if len(v) == 4 and v.isdigit():
            year = int(v)
            return (dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        if len(v) == 3 and v.isdigit():
            decade = int(v) * 10
            return (dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), "decade")
    except ValueError:
        return (None, None, None)
    return (None, None, None)


def event_dates(event: Event, article: Article) -> tuple[dt.date | None, dt.date | None, str | None]:
    """(date_start, date_end, date_precision) of an event; an undated event takes the
    publication day with the precision ``published`` (what the report date says, no more)."""
    if event.date:
        start, end, precision = timex_range(event.date.value)
        if start is not None:
            return (start, end, event.date.precision or precision)
    start, end, _ = timex_range((article.published or "")[:10])
    if start is not None and start == end:
        return (start, end, "published")
    return (None, None, None)
