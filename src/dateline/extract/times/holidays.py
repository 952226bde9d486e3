"""Named days of the calendar: the date a holiday falls on in a given year.

Fixed days are month and day; movable Christian feasts count from Easter, which
``dateutil.easter`` computes (Gregorian, western); Islamic feasts and Ramadan are fixed in
the Hijri calendar and converted with ``hijridate`` (the Umm al-Qura tables, the reckoning
most news follows; local moon sightings can shift a feast by a day; the tables cover
1924-2077, outside them no value is given). US federal days are
the weekday rules of 5 U.S.C. 6103. National days are in when the name says the country
or the day ("Bastille Day", "Australia Day", "Anzac Day", "Armistice Day"); those whose
date depends on the country ("Independence Day", "National Day") are left out: the name
alone does not say which.

``Ramadan`` is a month, not a day: its value is the Gregorian year it begins in (TimeML
has no value for a month of another calendar; the year is the finest one that is right).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from dateutil.easter import easter
from hijridate import Hijri


def _fixed(month: int, day: int) -> Callable[[int], dt.date | None]:
    return lambda year: dt.date(year, month, day)


def _from_easter(days: int) -> Callable[[int], dt.date | None]:
    return lambda year: easter(year) + dt.timedelta(days=days)


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], dt.date | None]:
    """The ``n``-th ``weekday`` (0 = Monday) of ``month``; ``n = -1``: the last one."""

    def day(year: int) -> dt.date:
        if n > 0:
            first = dt.date(year, month, 1)
            return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)

    return day


def _hijri(month: int, day: int) -> Callable[[int], dt.date | None]:
    """The Gregorian date of a Hijri month and day that falls in Gregorian ``year``."""

    def on(year: int) -> dt.date | None:
        # a Hijri year is 354 or 355 days: the Gregorian year holds one or two of them
        base = int((year - 622) * 33 / 32)
        for hijri_year in (base - 1, base, base + 1):
            try:
                g = Hijri(hijri_year, month, day).to_gregorian()
            except (ValueError, OverflowError):
                continue
            if g.year == year:
                return dt.date(g.year, g.month, g.day)
        return None

    return on


# lower-case names as the grammar matches them (spaces single, "’" as "'")
DAYS: dict[str, Callable[[int], dt.date | None]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "boxing day": _fixed(12, 26),
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "easter": _from_easter(0),
    "easter sunday": _from_easter(0),
    "easter monday": _from_easter(1),
    "good friday": _from_easter(-2),
    "palm sunday": _from_easter(-7),
    "ash wednesday": _from_easter(-46),
    "pentecost": _from_easter(49),
    "thanksgiving": _nth_weekday(11, 3, 4),
    "thanksgiving day": _nth_weekday(11, 3, 4),
    "labor day": _nth_weekday(9, 0, 1),
    "memorial day": _nth_weekday(5, 0, -1),
    "martin luther king day": _nth_weekday(1, 0, 3),
    "presidents' day": _nth_weekday(2, 0, 3),
    "presidents day": _nth_weekday(2, 0, 3),
    "columbus day": _nth_weekday(10, 0, 2),
    "veterans day": _fixed(11, 11),
    "veterans' day": _fixed(11, 11),
    "juneteenth": _fixed(6, 19),
    # national days that name their country or their day
    "armistice day": _fixed(11, 11),
    "remembrance day": _fixed(11, 11),
    "bastille day": _fixed(7, 14),
    "australia day": _fixed(1, 26),
    "anzac day": _fixed(4, 25),
    "canada day": _fixed(7, 1),
    "st. patrick's day": _fixed(3, 17),
    "st patrick's day": _fixed(3, 17),
    "eid al-fitr": _hijri(10, 1),
    "eid al-adha": _hijri(12, 10),
}
MONTHS: dict[str, Callable[[int], dt.date | None]] = {"ramadan": _hijri(9, 1)}


def holiday_on(name: str, year: int) -> dt.date | None:
    """The day ``name`` falls on in ``year`` (the first day, for a month like Ramadan)."""
    rule = DAYS.get(name) or MONTHS.get(name)
    return rule(year) if rule else None


def is_month(name: str) -> bool:
    return name in MONTHS
