"""TIMEX3 value arithmetic: pure functions over dates and value strings.

Values keep the granularity of what the text says ("last week" is a week, ``2016-W12``,
not a day), so shifting works on the value string itself: a quarter shifted by a year
stays a quarter. Nothing here knows about text or the parse.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange

Direction = str | None  # "past", "future" or None (unknown)

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")

# how many months one unit is, for shifting month-based values
UNIT_MONTHS = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}


def week_value(d: dt.date) -> str:
    """ISO week of a day, TimeML style: ``2016-W12``."""
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def weekend_value(d: dt.date) -> str:
    return week_value(d) + "-WE"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def add_days(d: dt.date, n: int) -> dt.date:
    try:
        return d + dt.timedelta(days=n)
    except OverflowError:
        return d


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def weekday_near(ref: dt.date, weekday: int, direction: Direction) -> dt.date:
    """The day named ``weekday`` (1 = Monday) nearest ``ref`` on the side of ``direction``.

    News names the publication day itself by its weekday ("said Friday" in a Friday
    article), so the reference day counts on both sides; unknown direction means past.
    """
    delta = weekday - ref.isoweekday()
    if direction == "future":
        return add_days(ref, delta % 7)
    return add_days(ref, -((-delta) % 7))


def month_near(ref: dt.date, month: int, direction: Direction) -> tuple[int, int]:
    """Year and month of a bare month name: past or future as the tense says, else the closest.

    The reference month itself counts on both sides; between two equally close years the
    past wins (news reports more than it announces).
    """
    past = ref.year if month <= ref.month else ref.year - 1
    future = ref.year if month >= ref.month else ref.year + 1
    if direction == "past":
        return past, month
    if direction == "future":
        return future, month
    back = (ref.month - month) % 12
    ahead = (month - ref.month) % 12
    return (past if back <= ahead else future), month


def month_day_near(
    ref: dt.date, month: int, day: int, direction: Direction, slack: int = 60
) -> dt.date | None:
    """A month and day without a year: the closest one; the tense only overrules it when
    the closest lies more than ``slack`` days on the other side (a past verb often governs
    a coming date: "extended the offer to Nov. 20")."""
    options = [safe_date(ref.year + k, month, day) for k in (-1, 0, 1)]
    dates = [d for d in options if d is not None]
    if not dates:
        return None
    closest = min(dates, key=lambda d: abs((d - ref).days))
    if direction == "past" and (closest - ref).days > slack:
        past = [d for d in dates if d <= ref]
        return max(past) if past else closest
    if direction == "future" and (ref - closest).days > slack:
        future = [d for d in dates if d >= ref]
        return min(future) if future else closest
    return closest


def season_year(ref: dt.date, season: str, direction: Direction) -> int:
    """The year of a bare season name, most recent unless future."""
    start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[season]
    if direction == "future":
        return ref.year if start + 2 >= ref.month else ref.year + 1
    return ref.year if start <= ref.month else ref.year - 1


def granularity(value: str) -> str | None:
    """The granularity of a TIMEX3 date value: day, week, month, quarter, season, year..."""
    for name, pattern in (
        ("day", _DAY),
        ("week", _WEEK),
        ("month", _MONTH),
        ("quarter", _QUARTER),
        ("half", _HALF),
        ("season", _SEASON),
        ("year", _YEAR),
        ("decade", _DECADE),
    ):
        if pattern.match(value):
            return name
    return None


def day_of(value: str) -> dt.date | None:
    m = _DAY.match(value)
    return safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def year_of(value: str) -> int | None:
    m = re.match(r"^(\d{4})", value)
    return int(m.group(1)) if m else None


def shift_value(value: str, n: int, unit: str) -> str | None:
    """Shift a date value by ``n`` units (D, W, M, Q, Y, DE), keeping its granularity;
    None when the unit does not fit the value or the result leaves years 1-9999."""
    try:
        shifted = _shift(value, n, unit)
    except (ValueError, OverflowError):
        return None
    if shifted is None or not shifted[:1].isdigit() or shifted.startswith(("0000", "000-")):
        return None
    return shifted


def _shift(value: str, n: int, unit: str) -> str | None:
    if unit in ("D", "W"):
        days = n * (7 if unit == "W" else 1)
        d = day_of(value)
        if d is not None:
            return add_days(d, days).isoformat()
        m = _WEEK.match(value)
        if m:
            try:
                monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            except ValueError:
                return None
            return week_value(add_days(monday, days))
        return None
    months = UNIT_MONTHS.get(unit)
    if months is None:
        return None
    months *= n
    d = day_of(value)
    if d is not None:
        y, mo = add_months(d.year, d.month, months)
        if not 1 <= y <= 9999:
            return None
        return dt.date(y, mo, min(d.day, monthrange(y, mo)[1])).isoformat()
    m = _MONTH.match(value)
    if m:
        y, mo = add_months(int(m.group(1)), int(m.group(2)), months)
        return f"{y:04d}-{mo:02d}"
    m = _QUARTER.match(value)
    if m and months % 3 == 0:
        y, mo = add_months(int(m.group(1)), (int(m.group(2)) - 1) * 3 + 1, months)
        return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
    m = _WEEK.match(value)
    if m and months % 12 == 0:
        return f"{int(m.group(1)) + months // 12:04d}-W{m.group(2)}"
    for pattern, fmt in ((_SEASON, "{}-{}"), (_HALF, "{}-H{}")):
        m = pattern.match(value)
        if m and months % 12 == 0:
            return fmt.format(f"{int(m.group(1)) + months // 12:04d}", m.group(2))
    m = _YEAR.match(value)
    if m and months % 12 == 0:
        return f"{int(m.group(1)) + months // 12:04d}"
    m = _DECADE.match(value)
    if m and months % 120 == 0:
        return f"{int(m.group(1)) + months // 120:03d}"
    return None


def coarsen(value: str, to: str) -> str | None:
    """The ``to`` granularity (year, month, quarter, week, day) containing a value."""
    d = day_of(value)
    if to == "year":
        y = year_of(value)
        return f"{y:04d}" if y is not None else None
    if d is None:
        if to == "quarter" and (m := _MONTH.match(value)):
            return f"{m.group(1)}-Q{(int(m.group(2)) - 1) // 3 + 1}"
        return value if granularity(value) == to else None
    return {
        "day": d.isoformat(),
        "week": week_value(d),
        "month": f"{d.year:04d}-{d.month:02d}",
        "quarter": f"{d.year:04d}-Q{quarter_of(d)}",
    }.get(to)


def duration_value(n: float | None, unit: str) -> str:
    """``P10M``, ``PT24H``, ``P2W``; an unknown amount is ``X`` (``PXY``)."""
    if unit == "FN":
        unit, n = "W", (n * 2 if n is not None else None)
    if unit == "Q":
        if n is None:
            return "PXQ"
        unit, n = "M", n * 3
    if unit == "DE" and n is not None:
        unit, n = "Y", n * 10
    if unit == "CE" and n is not None:
        unit, n = "Y", n * 100
    letter = {"S": "S", "MIN": "M", "H": "H", "D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "DE", "CE": "CE"}[
        unit
    ]
    time_part = unit in ("S", "MIN", "H")
    if n is None:
        amount = "X"
    elif n == int(n):
        amount = str(int(n))
    elif time_part:
        return _fraction_duration(n, unit)
    else:
        return _fraction_duration(n, unit)
    return ("PT" if time_part else "P") + amount + letter


def _fraction_duration(n: float, unit: str) -> str:
    """2.5 years -> P2Y6M, 1.5 hours -> PT1H30M (TimeML writes no decimals)."""
    whole = int(n)
    frac = n - whole
    smaller = {
        "Y": ("M", 12),
        "M": ("D", 30),
        "W": ("D", 7),
        "D": ("H", 24),
        "H": ("MIN", 60),
        "MIN": ("S", 60),
    }
    if unit not in smaller:
        return f"P{n:g}{unit}"
    sub_unit, factor = smaller[unit]
    sub = round(frac * factor)
    parts_date, parts_time = [], []
    for amount, u in ((whole, unit), (sub, sub_unit)):
        if not amount:
            continue
        if u in ("H", "MIN", "S"):
            parts_time.append(f"{amount}{'M' if u == 'MIN' else u}")
        else:
            parts_date.append(f"{amount}{u}")
    out = "P" + "".join(parts_date)
    if parts_time:
        out += "T" + "".join(parts_time)
    return out
