"""TIMEX3 value arithmetic: unit cases and hypothesis properties of the normaliser."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.times import calendar as cal
from dateline.extract.times import find_times
from dateline.extract.times.lexicon import parse_amount

dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))
months = st.integers(min_value=1, max_value=12)
weekdays = st.integers(min_value=1, max_value=7)
directions = st.sampled_from(["past", "future", None])

TIMEX_VALUE = re.compile(
    r"^(?:\d{4}(?:-(?:\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI|MI))?)?|W\d\d(?:-WE)?|Q[1-4]|H[12]|SP|SU|FA|WI))?"
    r"|\d{2,3}|X{2,3}|XXXX(?:-[\dWQXSUFAIE-]+)?(?:T[\w:]+)?"
    r"|P(?:\d+|X)(?:Y|M|W|D|DE|CE|Q|WE)(?:\d+[MD])?(?:T\d+[HMS])?|PT(?:\d+|X)[HMS](?:\d+[MS])?"
    r"|PAST_REF|PRESENT_REF|FUTURE_REF)$"
)


@pytest.mark.parametrize(
    ("day", "week"),
    [
        (dt.date(2016, 3, 26), "2016-W12"),
        (dt.date(2016, 1, 1), "2015-W53"),
        (dt.date(2014, 12, 29), "2015-W01"),
    ],
)
def test_week_value_is_the_iso_week(day: dt.date, week: str) -> None:
    assert cal.week_value(day) == week


@pytest.mark.parametrize(
    ("value", "n", "unit", "expected"),
    [
        ("2016-03-26", 1, "D", "2016-03-27"),
        ("2016-03-31", -1, "M", "2016-02-29"),
        ("1989-Q3", -1, "Y", "1988-Q3"),
        ("1989-Q1", -1, "Q", "1988-Q4"),
        ("2016-W01", -1, "W", "2015-W53"),
        ("2015-08", 5, "M", "2016-01"),
        ("2015", -1, "Y", "2014"),
        ("199", 1, "DE", "200"),
        ("2015-SU", 1, "Y", "2016-SU"),
    ],
)
def test_shift_value_keeps_granularity(value: str, n: int, unit: str, expected: str) -> None:
    assert cal.shift_value(value, n, unit) == expected


@pytest.mark.parametrize(
    ("n", "unit", "expected"),
    [
        (10, "M", "P10M"),
        (24, "H", "PT24H"),
        (2, "D", "P2D"),
        (None, "Y", "PXY"),
        (2.5, "Y", "P2Y6M"),
        (3, "Q", "P9M"),
    ],
)
def test_duration_values(n: float | None, unit: str, expected: str) -> None:
    assert cal.duration_value(n, unit) == expected


@pytest.mark.parametrize(
    ("words", "value"),
    [("10", 10), ("two", 2), ("twenty-five", 25), ("2,000", 2000), ("a few", None), ("2 1/2", 2.5), ("a", 1)],
)
def test_parse_amount(words: str, value: float | None) -> None:
    assert parse_amount(words) == value


# --- properties ---------------------------------------------------------------------------------


@given(dates, weekdays, directions)
def test_weekday_near_names_that_weekday_within_a_week(
    ref: dt.date, weekday: int, direction: str | None
) -> None:
    day = cal.weekday_near(ref, weekday, direction)
    assert day.isoweekday() == weekday
    gap = (day - ref).days
    assert (0 <= gap < 7) if direction == "future" else (-7 < gap <= 0)


@given(dates, months, directions)
def test_month_near_is_within_a_year_on_the_right_side(
    ref: dt.date, month: int, direction: str | None
) -> None:
    year, m = cal.month_near(ref, month, direction)
    assert m == month
    index, ref_index = year * 12 + m, ref.year * 12 + ref.month
    assert abs(index - ref_index) < 12
    if direction == "past":
        assert index <= ref_index
    if direction == "future":
        assert index >= ref_index


@given(dates, months, st.integers(min_value=1, max_value=31), directions)
def test_month_day_near_is_within_a_year(ref: dt.date, month: int, day: int, direction: str | None) -> None:
    found = cal.month_day_near(ref, month, day, direction)
    if found is not None:
        assert (found.month, found.day) == (month, day)
        # a leap day may lie two years off; any other day within a year
        assert abs((found - ref).days) <= (731 if (month, day) == (2, 29) else 366)


@given(dates, st.integers(min_value=-400, max_value=400), st.sampled_from(["D", "W", "M", "Y"]))
def test_shift_value_round_trips_for_days_and_weeks(day: dt.date, n: int, unit: str) -> None:
    value = day.isoformat() if unit != "W" else cal.week_value(day)
    if unit in ("M", "Y"):
        value = f"{day.year:04d}-{day.month:02d}"
    shifted = cal.shift_value(value, n, unit)
    assert shifted is not None
    assert cal.shift_value(shifted, -n, unit) == value


@given(
    st.one_of(st.none(), st.integers(min_value=0, max_value=500)),
    st.sampled_from(["S", "MIN", "H", "D", "W", "M", "Q", "Y", "DE", "CE"]),
)
def test_duration_values_are_timex3(n: int | None, unit: str) -> None:
    assert TIMEX_VALUE.match(cal.duration_value(n, unit))


_WORDS = st.sampled_from(
    [
        "on",
        "in",
        "at",
        "last",
        "next",
        "this",
        "the",
        "of",
        "for",
        "ago",
        "later",
        "earlier",
        "early",
        "late",
        "mid",
        "Saturday",
        "Monday",
        "August",
        "May",
        "March",
        "December",
        "2015",
        "1990s",
        "10",
        "two",
        "a",
        "few",
        "months",
        "days",
        "weeks",
        "year",
        "quarter",
        "third",
        "fiscal",
        "yesterday",
        "today",
        "now",
        "recent",
        "soon",
        "past",
        "future",
        "night",
        "morning",
        "p.m.",
        "14:00",
        "noon",
        ",",
        ".",
        "2,000",
        "people",
        "$",
        "5",
        "percent",
        "century",
        "11th",
        "summer",
        "every",
        "each",
    ]
)


@given(st.lists(_WORDS, max_size=14), st.one_of(st.none(), dates))
def test_any_word_salad_gives_wellformed_values_and_spans(
    words: list[str], published: dt.date | None
) -> None:
    text = " ".join(words)
    found = find_times(text, published)
    last_end = -1
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.start >= last_end  # no overlaps, text order
        last_end = f.end
        assert f.type in ("DATE", "TIME", "DURATION", "SET")
        assert TIMEX_VALUE.match(f.value), f.value
        if published is None:
            assert f.anchor != "published"
