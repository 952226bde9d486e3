"""The normaliser: one accepted grammar match -> TIMEX3 type, value and anchor.

Relative expressions resolve against the publication date (``dct``); "the next day",
"two days later" and "a year earlier" against the narrative, i.e. the last concrete date
the article mentioned. Without a publication date the parts that need one stay ``X``
("XXXX-08", "XXXX-WXX-6"). Weekdays and month names go to the past unless the clause is
future; the tense is asked for lazily (only those expressions need the parse).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.extract.times import calendar as cal
from dateline.extract.times.lexicon import lexicon, parse_amount

PUBLISHED, TEXT, ABSOLUTE = "published", "text", "absolute"

_PAST_REL = {
    "last",
    "past",
    "the past",
    "the last",
    "this past",
    "previous",
    "the previous",
    "latest",
    "the latest",
}
_FUTURE_REL = {"next", "coming", "the coming", "this coming", "the next", "following", "the following"}
_TIMEX_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_AHEAD = re.compile(r"\bahead\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LIMIT = re.compile(r"\b(?:until|till|through|by|to|from|effective|before)\s+(?:the\s+)?$", re.IGNORECASE)
# with no tense to go by, a month name at most this many months ahead is the coming one
_SOON_MONTHS = 4
_CONJOINED = re.compile(
    r"^\s*(?:,|and|or|to|through|until|till|-|–|—)\s*(?:in\s+|early\s+|late\s+)?$", re.IGNORECASE
)
# granularities fine enough to count days or weeks from
_FINE_ENOUGH = {"D": {"day"}, "W": {"day", "week"}}
# only quarters the text names count as "the quarter" for later mentions
_QUARTER_RULES = {"quarter", "quarter_code", "year_period", "the_unit"}


@dataclass(frozen=True)
class Resolved:
    type: str
    value: str
    anchor: str | None


def _norm(word: str | None) -> str:
    return re.sub(r"\s+", " ", word.lower()).strip() if word else ""


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'the year two thousand' -> 2000."""
    low = _norm(text).replace("-", " ")
    low = re.sub(r"^the year ", "", low)
    if low.startswith("two thousand"):
        rest = low[len("two thousand") :].replace("and", "").strip()
        extra = parse_amount(rest) if rest else 0
        return 2000 + int(extra or 0)
    if low.startswith("nineteen "):
        rest = low[len("nineteen ") :]
        if rest == "hundred":
            return 1900
        n = parse_amount(rest)
        return 1900 + int(n) if n is not None and n < 100 else None
    return None


class Resolver:
    """Turns matches into values in text order, keeping the narrative reference."""

    def __init__(self, text: str, dct: dt.date | None, direction: Callable[[int, int], str | None]) -> None:
        self.text = text
        self.dct = dct
        self._direction = direction
        self.narrative: str | None = None  # the last concrete date value in the text
        self.last_day: str | None = None  # the last one that names a day
        self._last_end: int | None = None  # where the last resolved expression ended
        self.last_quarter: str | None = None

    # -- helpers -------------------------------------------------------------------------
    def direction(self, m: re.Match[str]) -> str | None:
        """The clause's tense, corrected by the preposition in front of the expression:
        "until/by/through Friday" names a limit that may lie on either side of a past
        verb, and "ahead of the weekend" is ahead."""
        before = self.text[max(0, m.start() - 20) : m.start()]
        if _AHEAD.search(before):
            return "future"
        tense = self._direction(m.start(), m.end())
        if tense == "past" and _LIMIT.search(before):
            return None
        return None if tense == "present" else tense

    def remember(self, rule: str, resolved: Resolved | None) -> Resolved | None:
        if resolved is None or resolved.type not in ("DATE", "TIME") or not resolved.value[:1].isdigit():
            return resolved
        value = resolved.value.split("T")[0] if _TIMEX_DAY.match(resolved.value) else resolved.value
        self.narrative = value
        if _TIMEX_DAY.match(value):
            self.last_day = value
        if rule in _QUARTER_RULES and cal.granularity(value) == "quarter":
            self.last_quarter = value
        return resolved

    def narrative_ref(self, unit: str = "Y") -> tuple[str | None, str]:
        """The value "the next day" counts from, and whether it came from the text.

        For a ``unit`` of days (D) or weeks (W) the last value fine enough to count in it
        is used ("two days later" after "on Saturday ... in 2015" counts from Saturday),
        else whatever was told last, else the publication date."""
        fine_enough = _FINE_ENOUGH.get(unit)
        coarse = self.narrative is not None and cal.granularity(self.narrative) not in (fine_enough or ())
        if fine_enough and coarse and self.last_day is not None:
            return self.last_day, TEXT
        if self.narrative is not None:
            return self.narrative, TEXT
        if self.dct is not None:
            return self.dct.isoformat(), PUBLISHED
        return None, TEXT

    def _day(self, d: dt.date | None, part: str | None = None, kind: str = "DATE") -> Resolved | None:
        if d is None:
            return None
        if part:
            return Resolved("TIME", f"{d.isoformat()}T{part}", PUBLISHED)
        return Resolved(kind, d.isoformat(), PUBLISHED)

    def resolve(self, rule: str, m: re.Match[str]) -> Resolved | None:
        handler = getattr(self, "_r_" + rule, None)
        if handler is None:
            return None
        try:
            resolved = self.remember(rule, handler(m))
        except (ValueError, OverflowError, KeyError):
            return None
        if resolved is not None:
            self._last_end = m.end()
            if self.dct is None and resolved.anchor == PUBLISHED:
                resolved = Resolved(resolved.type, resolved.value, None)
        return resolved

    # -- absolute dates ------------------------------------------------------------------
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

    def _month_no(self, word: str) -> int:
        return lexicon().months[_norm(word).rstrip(".")]

    def _r_month_day(self, m: re.Match[str]) -> Resolved | None:
        month = self._month_no(m["month"])
        day = int(re.match(r"\d+", m["day"]).group(0))  # type: ignore[union-attr]
        if m["year"]:
            d = cal.safe_date(int(m["year"]), month, day)
            return Resolved("DATE", d.isoformat(), ABSOLUTE) if d else None
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{month:02d}-{day:02d}", None)
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

    def _year_offset(self, rel: str) -> int:
        rel = _norm(rel)
        if rel in ("last", "the previous"):
            return -1
        if rel in ("next", "the following"):
            return 1
        return 0

    def _r_month_rel_year(self, m: re.Match[str]) -> Resolved | None:
        month = self._month_no(m["month"])
        rel = _norm(m["rel"])
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
        rel = _norm(m["rel"])
        if rel in ("last", "this past"):
            year = self.dct.year if month < self.dct.month else self.dct.year - 1
        elif rel in ("next", "this coming"):
            year = self.dct.year if month > self.dct.month else self.dct.year + 1
        elif rel == "this":
            year = self.dct.year
        elif (same := self._conjoined_year(m, month)) is not None:
            year = same
        else:
            direction = self.direction(m)
            if direction is None and (month - self.dct.month) % 12 <= _SOON_MONTHS:
                direction = "future"  # no tense: a month just ahead is meant, else the last one
            year, _ = cal.month_near(self.dct, month, direction or "past")
        return Resolved("DATE", f"{year:04d}-{month:02d}", PUBLISHED)

    def _conjoined_year(self, m: re.Match[str], month: int) -> int | None:
        """The year of the month just named when this one is joined to it ("in March and
        April", "from May to August"): both lie in one year unless the second comes first."""
        if self.narrative is None or self._last_end is None or cal.granularity(self.narrative) != "month":
            return None
        between = self.text[self._last_end : m.start()]
        if not _CONJOINED.match(between):
            return None
        year, prev = int(self.narrative[:4]), int(self.narrative[5:7])
        return year if month >= prev else year + 1

    # -- weekdays, clock times, today --------------------------------------------------------
    def _weekday_no(self, word: str) -> int:
        return lexicon().weekdays[_norm(word)]

    def _part(self, word: str | None) -> str | None:
        return lexicon().day_parts.get(_norm(word)) if word else None

    def _r_weekday(self, m: re.Match[str]) -> Resolved | None:
        wd = self._weekday_no(m["wd"])
        part = self._part(m["part"])
        rel = _norm(m["rel"])
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
        else:
            d = cal.weekday_near(self.dct, wd, self.direction(m))
        return self._day(d, part)

    def _r_weekday_set(self, m: re.Match[str]) -> Resolved | None:
        part = self._part(m["part"])
        return Resolved(
            "SET", f"XXXX-WXX-{self._weekday_no(m['wd'])}" + (f"T{part}" if part else ""), ABSOLUTE
        )

    def _deixis_day(self, word: str) -> dt.date | None:
        if self.dct is None:
            return None
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1}[
            _norm(word)
        ]
        return cal.add_days(self.dct, offset)

    def _r_deixis(self, m: re.Match[str]) -> Resolved | None:
        word = _norm(m["word"])
        part = self._part(m["part"]) or ("NI" if word == "tonight" else None)
        d = self._deixis_day(word)
        if d is None:
            return Resolved("TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""), None)
        return self._day(d, part)

    def _r_daypart(self, m: re.Match[str]) -> Resolved | None:
        part = self._part(m["part"])
        rel = _norm(m["rel"])
        if rel == "last" and part != "NI":
            return None
        d = self._deixis_day(rel)
        if d is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", None)
        return self._day(d, part)

    def _r_midpart(self, m: re.Match[str]) -> Resolved | None:
        part = {"morning": "MO", "afternoon": "AF", "day": "MI"}[_norm(m["part"])]
        d = self._deixis_day(m["deixis"] or "today")
        if d is None:
            return Resolved("TIME", f"XXXX-XX-XXT{part}", None)
        return self._day(d, part)

    def _r_year_period(self, m: re.Match[str]) -> Resolved | None:
        year = int(m["year"])
        if m["ord"]:
            q = lexicon().ordinals[_norm(m["ord"])]
        elif self.last_quarter:
            q = int(self.last_quarter[-1])
        else:
            return Resolved("DATE", f"{year:04d}", ABSOLUTE)
        return Resolved("DATE", f"{year:04d}-Q{q}", ABSOLUTE)

    def _r_clock(self, m: re.Match[str]) -> Resolved | None:
        if m["word"]:
            hh, mm = {"noon": (12, 0), "midday": (12, 0), "midnight": (24, 0)}[_norm(m["word"])]
        elif m["h24"]:
            hh, mm = int(m["h24"]), int(m["min24"])
        else:
            hh, mm = int(m["h"]), int(m["min"] or 0)
            if hh > 12:
                return None
            pm = _norm(m["ampm"]).startswith("p")
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
        elif self.narrative and _TIMEX_DAY.match(self.narrative):
            d, anchor = cal.day_of(self.narrative), TEXT
        elif self.dct:
            d = self.dct
        if d is None:
            return Resolved("TIME", "XXXX-XX-XX" + clock, None)
        return Resolved("TIME", d.isoformat() + clock, anchor)

    # -- weeks, months, years relative to the publication date ---------------------------------
    def _offset(self, rel: str, unit: str) -> int:
        rel = _norm(rel)
        if rel in ("latest", "the latest"):
            return -1 if unit == "quarter" else 0
        if rel in _PAST_REL:
            return -1
        if rel in _FUTURE_REL:
            return 1
        return 0

    def _unit_value(self, unit: str, n: int, m: re.Match[str] | None = None) -> str | None:
        """The value of the ``unit`` that is ``n`` units from the publication date."""
        dct = self.dct
        lex = lexicon()
        if dct is None:
            return {
                "week": "XXXX-WXX",
                "weekend": "XXXX-WXX-WE",
                "month": "XXXX-XX",
                "year": "XXXX",
                "quarter": "XXXX-QX",
                "decade": "XXX",
                "century": "XX",
            }.get(unit, f"XXXX-{lex.seasons[unit]}" if unit in lex.seasons else None)
        if unit == "week":
            return cal.week_value(cal.add_days(dct, 7 * n))
        if unit == "weekend":
            if n == 0:
                direction = self.direction(m) if m is not None else None
                saturday = cal.weekday_near(dct, 6, "future" if direction == "future" else "past")
            else:
                saturday = cal.weekday_near(cal.add_days(dct, 7 * n), 6, "past" if n < 0 else "future")
            return cal.weekend_value(saturday)
        if unit == "month":
            y, mo = cal.add_months(dct.year, dct.month, n)
            return f"{y:04d}-{mo:02d}"
        if unit == "year":
            return f"{dct.year + n:04d}"
        if unit == "quarter":
            y, mo = cal.add_months(dct.year, (cal.quarter_of(dct) - 1) * 3 + 1, 3 * n)
            return f"{y:04d}-Q{(mo - 1) // 3 + 1}"
        if unit == "decade":
            return f"{dct.year // 10 + n:03d}"
        if unit == "century":
            return f"{dct.year // 100 + n:02d}"
        if unit in lex.seasons:
            code = lex.seasons[unit]
            if n == 0:
                return f"{dct.year:04d}-{code}"
            year = cal.season_year(dct, code, "past" if n < 0 else "future")
            current = cal.season_year(dct, code, "past") == dct.year and self._in_season(dct, code)
            if current:
                year += n
            return f"{year:04d}-{code}"
        return None

    @staticmethod
    def _in_season(d: dt.date, code: str) -> bool:
        months = {"SP": (3, 4, 5), "SU": (6, 7, 8), "FA": (9, 10, 11), "WI": (12, 1, 2)}[code]
        return d.month in months

    def _r_relative(self, m: re.Match[str]) -> Resolved | None:
        unit = _norm(m["unit"])
        if unit == "autumn":
            unit = "fall"
        n = self._offset(m["rel"], unit)
        value = self._unit_value(unit, n, m)
        if value is None:
            return None
        return Resolved("DATE", value, PUBLISHED if self.dct else None)

    def _r_the_unit(self, m: re.Match[str]) -> Resolved | None:
        unit = _norm(m["unit"])
        the = _norm(m["the"])
        if the == "that":
            return self._narrative_unit(unit, 0)
        ended = re.match(r"\s+(?:ended|ending|that\s+ended|to\s+date)\b", self.text[m.end() : m.end() + 20])
        if ended and unit in ("year", "month", "week"):
            return Resolved(
                "DURATION", cal.duration_value(1, {"year": "Y", "month": "M", "week": "W"}[unit]), ABSOLUTE
            )
        if unit == "quarter":
            if self.last_quarter:
                return Resolved("DATE", self.last_quarter, TEXT)
            return Resolved(
                "DATE", self._unit_value("quarter", -1) or "XXXX-QX", PUBLISHED if self.dct else None
            )
        part = self._part(unit)
        if unit == "day" or part:
            return self._narrative_unit("day", 0, part)
        value = self._unit_value(unit, 0, m)
        return Resolved("DATE", value, PUBLISHED if self.dct else None) if value else None

    # -- relative to the narrative -----------------------------------------------------------
    def _narrative_unit(self, unit: str, n: int, part: str | None = None) -> Resolved | None:
        ref, anchor = self.narrative_ref(
            "D" if part or unit == "day" else "W" if unit in ("week", "weekend") else "Y"
        )
        if unit == "quarter" and self.last_quarter:
            ref, anchor = self.last_quarter, TEXT
        if ref is None:
            return None
        key = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "Q", "weekend": "W"}.get(
            unit, "D"
        )
        gran = {"D": "day", "W": "week", "M": "month", "Y": "year", "Q": "quarter"}[key]
        base = cal.coarsen(ref, gran) if not part else cal.coarsen(ref, "day")
        if base is None:
            return None
        value = cal.shift_value(base, n, key) if n else base
        if value is None:
            return None
        if unit == "weekend":
            value += "-WE"
        if part:
            return Resolved("TIME", f"{value}T{part}", anchor)
        return Resolved("DATE", value, anchor)

    def _r_narrative(self, m: re.Match[str]) -> Resolved | None:
        rel = _norm(m["rel"])
        unit = _norm(m["unit"])
        n = 0
        if rel in ("the next", "the following"):
            n = 1
        elif rel in ("the previous", "the preceding", "the prior"):
            n = -1
        part = self._part(unit)
        if part:
            return self._narrative_unit("day", n, part)
        return self._narrative_unit(unit, n)

    def _r_unit_around(self, m: re.Match[str]) -> Resolved | None:
        return self._narrative_unit(_norm(m["unit"]), -1 if _norm(m["dir"]) == "before" else 1)

    def _r_ago(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[_norm(m["unit"])]
        amount = parse_amount(m["num"])
        direction = _norm(m["dir"])
        sign = 1 if direction in ("later", "from now", "hence") else -1
        if amount is None:
            return Resolved("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", PUBLISHED)
        n = int(amount) * sign
        if unit == "FN":
            unit, n = "W", n * 2
        if direction in ("earlier", "later", "before", "previously"):
            ref, anchor = self.narrative_ref("D" if unit in ("H", "MIN", "S") else unit)
            if unit == "Y" and abs(n) == 1 and self.last_quarter and direction == "earlier":
                ref, anchor = self.last_quarter, TEXT
        elif self.dct is not None:
            ref, anchor = self.dct.isoformat(), PUBLISHED
            if unit == "Y" and abs(n) == 1 and self.last_quarter:
                ref, anchor = self.last_quarter, TEXT
        else:
            ref, anchor = None, None
        gran = {
            "D": "day",
            "W": "week",
            "M": "month",
            "Q": "quarter",
            "Y": "year",
            "DE": "year",
            "CE": "year",
        }.get(unit)
        if ref is None or gran is None:
            letters = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}
            return Resolved("DATE", letters.get(gran or "", "XXXX"), None)
        if cal.granularity(ref) == "quarter" and unit in ("Y", "Q"):
            base = ref
        else:
            base = cal.coarsen(ref, gran) or ref
        value = cal.shift_value(base, n, unit)
        if value is None:
            return None
        if unit == "DE":
            value = value[:3]
        elif unit == "CE":
            value = value[:2]
        return Resolved("DATE", value, anchor)

    def _r_bare_ago(self, m: re.Match[str]) -> Resolved | None:
        later = _norm(m["dir"]) == "later"
        return Resolved("DATE", "FUTURE_REF" if later else "PAST_REF", PUBLISHED)

    # -- durations and sets -------------------------------------------------------------------
    def _r_duration(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[_norm(m["unit"])]
        amount = parse_amount(m["num"])
        if amount is not None and m.groupdict().get("half"):
            amount += 0.5  # "a year and a half"
        return Resolved("DURATION", cal.duration_value(amount, unit), ABSOLUTE)

    _r_duration_adj = _r_duration

    def _r_half_unit(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DURATION", cal.duration_value(0.5, lexicon().units[_norm(m["unit"])]), ABSOLUTE)

    def _r_few_units(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[_norm(m["unit"])]
        return Resolved("DURATION", cal.duration_value(None, unit), ABSOLUTE)

    def _r_each(self, m: re.Match[str]) -> Resolved | None:
        lex = lexicon()
        if m["wd"]:
            return Resolved("SET", f"XXXX-WXX-{self._weekday_no(m['wd'])}", ABSOLUTE)
        if m["month"]:
            return Resolved("SET", f"XXXX-{self._month_no(m['month']):02d}", ABSOLUTE)
        if m["season"]:
            return Resolved("SET", f"XXXX-{lex.seasons[_norm(m['season'])]}", ABSOLUTE)
        if m["part"]:
            return Resolved("SET", f"XXXX-XX-XXT{self._part(m['part'])}", ABSOLUTE)
        if m["num"]:
            return Resolved(
                "SET", cal.duration_value(parse_amount(m["num"]), lex.units[_norm(m["unit"])]), ABSOLUTE
            )
        what = _norm(m["what"])
        value = {
            "day": "P1D",
            "week": "P1W",
            "weekend": "P1WE",
            "month": "P1M",
            "quarter": "P1Q",
            "year": "P1Y",
        }[what]
        return Resolved("SET", value, ABSOLUTE)

    # -- quarters, halves, fiscal years -----------------------------------------------------------
    def _quarter_year(self, m: re.Match[str]) -> tuple[int | None, str | None]:
        g = m.groupdict()
        if g.get("year") or g.get("year2"):
            return int(g.get("year") or g.get("year2")), ABSOLUTE  # type: ignore[arg-type]
        if g.get("ago"):
            if self.last_quarter:
                return int(self.last_quarter[:4]) - 1, TEXT
            return (self.dct.year - 1, PUBLISHED) if self.dct else (None, None)
        if g.get("prevnext"):
            ref, anchor = self.narrative_ref()
            year = cal.year_of(ref) if ref else None
            if year is None:
                return None, None
            return year + (1 if g["prevnext"].lower() == "following" else -1), anchor
        rel = g.get("poss") or g.get("rel2") or g.get("rel")
        if self.dct is None:
            return None, None
        return self.dct.year + (self._year_offset(rel) if rel else 0), PUBLISHED

    def _r_quarter(self, m: re.Match[str]) -> Resolved | None:
        q = lexicon().ordinals[_norm(m["ord"])]
        year, anchor = self._quarter_year(m)
        plain = not any(m.groupdict().get(k) for k in ("year", "year2", "poss", "ago", "rel2", "prevnext"))
        if plain and year and self.dct and q > cal.quarter_of(self.dct) and self.direction(m) != "future":
            year -= 1  # "the fourth quarter" in January is the one just ended
        return Resolved("DATE", f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}", anchor)

    def _r_quarter_code(self, m: re.Match[str]) -> Resolved | None:
        year, anchor = self._quarter_year(m)
        return Resolved("DATE", f"{year:04d}-Q{m['q']}" if year else f"XXXX-Q{m['q']}", anchor)

    def _r_half(self, m: re.Match[str]) -> Resolved | None:
        h = 1 if _norm(m["ord"]) == "first" else 2
        year, anchor = self._quarter_year(m)
        return Resolved("DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}", anchor)

    def _r_period(self, m: re.Match[str]) -> Resolved | None:
        which = _norm(m["which"])
        if self.last_quarter:
            base, anchor = self.last_quarter, TEXT
        elif self.dct is not None:
            base, anchor = self._unit_value("quarter", -1) or "", PUBLISHED
        else:
            return Resolved("DATE", "XXXX-QX", None)
        if any(
            w in which for w in ("year-ago", "year-earlier", "year-before", "corresponding", "comparable")
        ):
            shifted = cal.shift_value(base, -1, "Y")
        elif which in ("previous", "prior"):
            shifted = cal.shift_value(base, -1, "Q")
        else:
            shifted = base
        if shifted is None:
            return None
        if "last year" in _norm(m.group(0)) or "a year" in _norm(m.group(0)):
            shifted = cal.shift_value(base, -1, "Y") or shifted
        return Resolved("DATE", shifted, anchor)

    def _r_year_ago_adj(self, m: re.Match[str]) -> Resolved | None:
        if self.last_quarter:
            value = cal.shift_value(self.last_quarter, -1, "Y")
            return Resolved("DATE", value, TEXT) if value else None
        if self.dct is None:
            return Resolved("DATE", "XXXX", None)
        return Resolved("DATE", f"{self.dct.year - 1:04d}", PUBLISHED)

    def _r_fiscal_year(self, m: re.Match[str]) -> Resolved | None:
        digits = m["year"].lstrip("'")
        year = (
            int(digits)
            if len(digits) == 4
            else (1900 + int(digits) if int(digits) >= 50 else 2000 + int(digits))
        )
        return Resolved("DATE", f"{year:04d}", ABSOLUTE)

    # -- years, decades, centuries, seasons ---------------------------------------------------------
    def _r_year(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DATE", m["year"], ABSOLUTE)

    _r_year_range = _r_year

    def _r_spelled_year(self, m: re.Match[str]) -> Resolved | None:
        year = spelled_year(m["spelled"])
        return Resolved("DATE", f"{year:04d}", ABSOLUTE) if year else None

    def _r_decade(self, m: re.Match[str]) -> Resolved | None:
        if m["dec"]:
            value = m["dec"][:3]
        elif m["short"] or m["short2"]:
            value = "19" + (m["short"] or m["short2"])[0]
        else:
            value = "19" + str(lexicon().decade_words[_norm(m["word"])])
        return Resolved("DATE", value, ABSOLUTE)

    def _r_century(self, m: re.Match[str]) -> Resolved | None:
        n = lexicon().ordinals[_norm(m["ord"]).replace(" ", "-")]
        return Resolved("DATE", f"{n - 1:02d}", ABSOLUTE)

    def _r_season(self, m: re.Match[str]) -> Resolved | None:
        year = int(m["year"]) if m["year"] else spelled_year(m["spelled"])
        if year is None:
            return None
        return Resolved("DATE", f"{year:04d}-{lexicon().seasons[_norm(m['season'])]}", ABSOLUTE)

    def _r_bare_season(self, m: re.Match[str]) -> Resolved | None:
        code = lexicon().seasons[_norm(m["season"])]
        if self.dct is None:
            return Resolved("DATE", f"XXXX-{code}", None)
        return Resolved("DATE", f"{cal.season_year(self.dct, code, self.direction(m)):04d}-{code}", PUBLISHED)

    def _r_year_end(self, m: re.Match[str]) -> Resolved | None:
        if self.dct is None:
            return Resolved("DATE", "XXXX-12-31", None)
        since = re.search(r"\bsince\s+$", self.text[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
        year = self.dct.year - 1 if since or self.dct.month == 1 else self.dct.year
        return Resolved("DATE", f"{year:04d}-12-31", PUBLISHED)

    def _r_bare_units(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DURATION", cal.duration_value(None, lexicon().units[_norm(m["unit"])]), ABSOLUTE)

    def _r_ref(self, m: re.Match[str]) -> Resolved | None:
        value = lexicon().references[_norm(m["ref"])]
        return Resolved("DATE", value, PUBLISHED if value == "PRESENT_REF" else ABSOLUTE)
