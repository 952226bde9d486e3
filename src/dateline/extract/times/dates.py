"""Handlers for calendar dates: absolute dates, month and weekday names, clock times,
"yesterday", years, decades, centuries and seasons."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from dateline.extract.times import calendar as cal
from dateline.extract.times import holidays
from dateline.extract.times.base import (
    ABSOLUTE,
    PUBLISHED,
    TEXT,
    TIMEX_DAY,
    Resolved,
    ResolverBase,
    norm,
    spelled_year,
)
from dateline.extract.times.filters import range_years
from dateline.extract.times.lexicon import alternation, lexicon, spelled_days


# a weekday joined to one with a plural day part: "Monday and Tuesday nights"
@cache
def _shared_plural() -> re.Pattern[str]:
    return re.compile(
        rf"\s*(?:,|and|or|&)\s+(?:and\s+)?(?:{alternation(lexicon().weekdays)})\s+"
        r"(?P<part>morning|afternoon|evening|night)s\b",
        re.IGNORECASE,
    )


# with no tense to go by, a month name at most this many months ahead is the coming one
_SOON_MONTHS = 4


class DateRules(ResolverBase):
    """Calendar dates, resolved against the publication date where they need one."""

    def _r_iso(self, m: re.Match[str]) -> Resolved | None:
        d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is None:
            return None
        if m["hh"]:
            return Resolved("TIME", f"{d.isoformat()}T{m['hh']}:{m['mm']}", ABSOLUTE)
        return Resolved("DATE", d.isoformat(), ABSOLUTE)

    def _r_slash(self, m: re.Match[str]) -> Resolved | None:
        first, second = int(m["m"]), int(m["d"])
        # US order (month first) unless the first number cannot be a month: 26/03/2016
        month, day = (second, first) if first > 12 else (first, second)
        d = cal.safe_date(int(m["y"]), month, day)
        return Resolved("DATE", d.isoformat(), ABSOLUTE) if d else None

    def _r_month_day(self, m: re.Match[str]) -> Resolved | None:
        month = self._month_no(m["month"])
        if m.groupdict().get("dayword"):
            day = spelled_days()[norm(m["dayword"])]
        else:
            day = int(re.match(r"\d+", m["day"]).group(0))  # type: ignore[union-attr]
        if m["year"]:
            d = cal.safe_date(int(m["year"]), month, day)
            return Resolved("DATE", d.isoformat(), ABSOLUTE) if d else None
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", None)
        told = self.narrated(m) and self.story.month_day(
            month, day, self._weekday_no(m["wd"]) if m["wd"] else None
        )
        if told:
            return Resolved("DATE", told.isoformat(), TEXT)
        if m["wd"]:  # "Saturday, April 25": the nearby year in which that day is a Saturday
            wd = self._weekday_no(m["wd"])
            fits = [
                d
                for k in (0, -1, 1)
                if (d := cal.safe_date(self.dct.year + k, month, day)) is not None and d.isoweekday() == wd
            ]
            if fits:
                return self._day(fits[0])
        return self._day(cal.month_day_near(self.dct, month, day, self.direction(m)))

    _r_day_month = _r_month_day

    def _r_month_year(self, m: re.Match[str]) -> Resolved | None:
        year = int(m["year"]) if m["year"] else spelled_year(m["spelled"])
        if year is None:
            return None
        return Resolved("DATE", f"{year:04d}-{self._month_no(m['month']):02d}", ABSOLUTE)

    def _r_month_rel_year(self, m: re.Match[str]) -> Resolved | None:
        month = self._month_no(m["month"])
        rel = norm(m["rel"])
        if rel.startswith("the "):
            ref, anchor = self.narrative_ref()
            year = cal.year_of(ref) if ref else None
            if year is None:
                return Resolved("DATE", f"XXXX-{month:02d}", None)
            return Resolved("DATE", f"{year + self._year_offset(rel):04d}-{month:02d}", anchor)
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{month:02d}", None)
        return Resolved("DATE", f"{self.dct.year + self._year_offset(rel):04d}-{month:02d}", PUBLISHED)

    _r_rel_year_month = _r_month_rel_year

    def _r_month(self, m: re.Match[str]) -> Resolved | None:
        month = self._month_no(m["month"])
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{month:02d}", None)
        rel = norm(m["rel"])
        if rel in ("last", "this past"):
            year = self.dct.year if month < self.dct.month else self.dct.year - 1
        elif rel in ("next", "this coming"):
            year = self.dct.year if month > self.dct.month else self.dct.year + 1
        elif rel == "this":
            year = self.dct.year
        elif (same := self._conjoined_year(m, month)) is not None:
            year = same
        elif self.narrated(m) and (told := self.story.month(month)) is not None:
            return Resolved("DATE", f"{told[0]:04d}-{month:02d}", TEXT)
        else:
            direction = self.direction(m)
            if direction is None and (month - self.dct.month) % 12 <= _SOON_MONTHS:
                direction = "future"  # no tense: a month just ahead is meant, else the last one
            year, _ = cal.month_near(self.dct, month, direction or "past")
        return Resolved("DATE", f"{year:04d}-{month:02d}", PUBLISHED)

    def _r_weekday(self, m: re.Match[str]) -> Resolved | None:
        wd = self._weekday_no(m["wd"])
        part = self._part(m["part"])
        rel = norm(m["rel"])
        shared = _shared_plural().match(self.text, m.end()) if not (rel or part or m["pre"]) else None
        if shared:  # "on Monday and Tuesday nights": both are sets of nights
            return Resolved("SET", f"XXXX-WXX-{wd}T{self._part(shared['part'])}", ABSOLUTE)
        if rel in ("the previous", "the following", "that"):
            ref, anchor = self.narrative_ref()
            base = cal.day_of(ref) if ref else None
            if base is None:
                return Resolved(
                    "TIME" if part else "DATE", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None
                )
            d = cal.weekday_near(
                cal.add_days(base, 1 if rel == "the following" else -1),
                wd,
                "future" if rel == "the following" else "past",
            )
            value = d.isoformat() + (f"T{part}" if part else "")
            return Resolved("TIME" if part else "DATE", value, anchor)
        if self.dct is None:
            return Resolved("TIME" if part else "DATE", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), None)
        if rel == "last" or rel == "this past":
            d = cal.weekday_near(cal.add_days(self.dct, -1), wd, "past")
        elif rel == "next" or rel == "this coming":
            d = cal.weekday_near(cal.add_days(self.dct, 1), wd, "future")
        elif rel == "this":
            d = cal.add_days(self.dct, wd - self.dct.isoweekday())
        elif self.narrated(m) and (told := self.story.weekday(wd)) is not None:
            return Resolved("TIME" if part else "DATE", told.isoformat() + (f"T{part}" if part else ""), TEXT)
        else:
            d = cal.weekday_near(self.dct, wd, self.direction(m, present="future"))
        return self._day(d, part)

    def _r_weekday_set(self, m: re.Match[str]) -> Resolved | None:
        part = self._part(m["part"])
        return Resolved(
            "SET", f"XXXX-WXX-{self._weekday_no(m['wd'])}" + (f"T{part}" if part else ""), ABSOLUTE
        )

    _r_weekday_parts = _r_weekday_set

    def _r_deixis(self, m: re.Match[str]) -> Resolved | None:
        word = norm(m["word"])
        part = self._part(m["part"]) or ("NI" if word == "tonight" else None)
        d = self._deixis_day(word)
        if d is None:
            return Resolved("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), None)
        return self._day(d, part)

    def _r_daypart(self, m: re.Match[str]) -> Resolved | None:
        part = self._part(m["part"])
        rel = norm(m["rel"])
        if rel == "last" and part != "NI":
            return None
        d = self._deixis_day(rel)
        if d is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", None)
        return self._day(d, part)

    def _r_midpart(self, m: re.Match[str]) -> Resolved | None:
        part = {"morning": "MO", "afternoon": "AF", "day": "MI"}[norm(m["part"])]
        d = self._deixis_day(m["deixis"] or "today")
        if d is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", None)
        return self._day(d, part)

    def _r_clock(self, m: re.Match[str]) -> Resolved | None:
        if m["word"]:
            hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[norm(m["word"])]
        elif m["h24"]:
            hh, mm = int(m["h24"]), int(m["min24"])
        else:
            hh, mm = int(m["h"]), int(m["min"] or 0)
            if hh > 12:
                return None
            pm = norm(m["ampm"]).startswith("p")
            hh = (hh % 12) + (12 if pm else 0)
        clock = f"T{hh:02d}:{mm:02d}"
        d: dt.date | None = None
        anchor = PUBLISHED
        if m["month"]:
            day = int(re.match(r"\d+", m["day"]).group(0))  # type: ignore[union-attr]
            d = (
                cal.month_day_near(self.dct, self._month_no(m["month"]), day, self.direction(m))
                if self.dct
                else None
            )
        elif m["wd"]:
            d = cal.weekday_near(self.dct, self._weekday_no(m["wd"]), self.direction(m)) if self.dct else None
        elif m["deixis"]:
            d = self._deixis_day(m["deixis"])
        elif self.narrative and TIMEX_DAY.match(self.narrative):
            d, anchor = cal.day_of(self.narrative), TEXT
        elif self.dct:
            d = self.dct
        if d is None:
            return Resolved("TIME", "XXXX-XX-XX" + clock, None)
        return Resolved("TIME", d.isoformat() + clock, anchor)

    def _r_year(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DATE", m["year"], ABSOLUTE)

    _r_year_range = _r_year

    def _r_year_range_end(self, m: re.Match[str]) -> Resolved | None:
        years = range_years(m, self.text)
        return Resolved("DATE", f"{years[1]:04d}", ABSOLUTE) if years else None

    def _r_holiday(self, m: re.Match[str]) -> Resolved | None:
        """A named day in the year the text gives, else the occurrence the tense points to
        (the nearest one when the clause has no tense)."""
        name = norm(m["name"]).replace("’", "'")
        month = holidays.is_month(name)

        def value(d: dt.date) -> str:
            return f"{d.year:04d}" if month else d.isoformat()

        if m["year"]:
            d = holidays.holiday_on(name, int(m["year"]))
            return Resolved("DATE", value(d), ABSOLUTE) if d else None
        if self.dct is None:
            return Resolved("DATE", "XXXX" if month else "XXXX-XX-XX", None)
        rel = norm(m["rel"])
        direction = (
            "past"
            if rel in ("last", "this past")
            else "future"
            if rel in ("next", "this coming")
            else self.direction(m, present="future")
        )
        around = [d for k in (-1, 0, 1) if (d := holidays.holiday_on(name, self.dct.year + k)) is not None]
        if not around:
            return None
        past = [d for d in around if d <= self.dct]
        future = [d for d in around if d >= self.dct]
        if direction == "past" and past:
            d = past[-1]
        elif direction == "future" and future:
            d = future[0]
        else:
            d = min(around, key=lambda d: abs((d - self.dct).days))
        return Resolved("DATE", value(d), PUBLISHED)

    def _r_spelled_year(self, m: re.Match[str]) -> Resolved | None:
        year = spelled_year(m["spelled"])
        return Resolved("DATE", f"{year:04d}", ABSOLUTE) if year else None

    def _r_decade(self, m: re.Match[str]) -> Resolved | None:
        if m["dec"]:
            value = m["dec"][:3]
        elif m["short"] or m["short2"]:
            value = "19" + (m["short"] or m["short2"])[0]
        else:
            value = "19" + str(lexicon().decade_words[norm(m["word"])])
        return Resolved("DATE", value, ABSOLUTE)

    def _r_century(self, m: re.Match[str]) -> Resolved | None:
        n = lexicon().ordinals[norm(m["ord"]).replace(" ", "-")]
        return Resolved("DATE", f"{n - 1:02d}", ABSOLUTE)

    def _r_season(self, m: re.Match[str]) -> Resolved | None:
        year = int(m["year"]) if m["year"] else spelled_year(m["spelled"])
        if year is None:
            return None
        return Resolved("DATE", f"{year:04d}-{lexicon().seasons[norm(m['season'])]}", ABSOLUTE)

    def _r_bare_season(self, m: re.Match[str]) -> Resolved | None:
        code = lexicon().seasons[norm(m["season"])]
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{code}", None)
        return Resolved("DATE", f"{cal.season_year(self.dct, code, self.direction(m)):04d}-{code}", PUBLISHED)

    def _r_year_end(self, m: re.Match[str]) -> Resolved | None:
        if self.dct is None:
            return Resolved("DATE", "XXXX-12-31", None)
        since = re.search(r"\bsince\s+$", self.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
        year = self.dct.year - 1 if since or self.dct.month == 1 else self.dct.year
        return Resolved("DATE", f"{year:04d}-12-31", PUBLISHED)

    def _r_fiscal_year(self, m: re.Match[str]) -> Resolved | None:
        digits = m["year"].lstrip("'")
        year = (
            int(digits)
            if len(digits) == 4
            else (1900 + int(digits) if int(digits) >= 50 else 2000 + int(digits))
        )
        return Resolved("DATE", f"{year:04d}", ABSOLUTE)
