"""Typed dates from TIMEX3 values: the interval each value covers (property tests)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.dates import timex_range

DAYS = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9998, 12, 31))


@given(DAYS)
def test_a_day_is_itself(day: dt.date) -> None:
    assert timex_range(day.isoformat()) == (day, day, "day")


@given(DAYS)
def test_a_month_runs_to_the_day_before_the_next(day: dt.date) -> None:
    start, end, precision = timex_range(f"{day:%Y-%m}")
    assert precision == "month" and start == day.replace(day=1) and start <= day <= end
    assert (end + dt.timedelta(days=1)).day == 1


@given(DAYS)
def test_a_week_is_its_iso_week(day: dt.date) -> None:
    year, week, _ = day.isocalendar()
    start, end, precision = timex_range(f"{year:04d}-W{week:02d}")
    assert precision == "week" and start <= day <= end and (end - start).days == 6 and start.weekday() == 0


@given(DAYS)
def test_quarter_year_and_decade_contain_the_day(day: dt.date) -> None:
    q = (day.month - 1) // 3 + 1
    for value in (f"{day.year}-Q{q}", f"{day.year}", f"{day.year // 10:03d}"):
        start, end, _ = timex_range(value)
        assert start is not None and end is not None and start <= day <= end


@pytest.mark.parametrize(
    "value", ["XXXX-08", "PRESENT_REF", "2016-13", "2016-02-30", "2016-W54", "", None, "P3D"]
)
def test_values_without_a_calendar_interval(value) -> None:
    assert timex_range(value) == (None, None, None)
