"""Handlers for stretches and positions of time: "last week", "the next day", "two
years ago", durations, sets ("every Friday", "daily"), quarters and vague references.

DURATION or DATE, as TimeML decides: an amount of time measured from a point ("two
years ago", "a month earlier", "eight years from now") names a point, so it is a DATE
whose value is the shifted point (``2014``, ``2010-05``; ``XXXX-XX`` when the point is
coarser than the shift); an amount alone ("for three weeks", "a 10-day visit") is a
DURATION (``P3W``). Ages ("a 6-year-old") are neither: they are filtered out.
"""

from __future__ import annotations

import re

from dateline.extract.times import calendar as cal
from dateline.extract.times.base import ABSOLUTE, PUBLISHED, TEXT, Resolved, ResolverBase, norm
from dateline.extract.times.lexicon import lexicon, parse_amount

# "(the quarter) ended Sept. 30", "ending June 30, 1990"
_ENDED_ON = re.compile(
    r"\s+(?:that\s+)?(?:ended|ending)\s+(?P<month>[A-Z][a-z]{2,8}\.?)\s+(?P<day>[0-3]?\d)\b(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?"
)

# how far back (characters) "since then" looks for the date it stands for
_THEN_REACH = 250


class PeriodRules(ResolverBase):
    """Weeks, months, quarters and years relative to a reference; durations and sets."""

    def _r_relative(self, m: re.Match[str]) -> Resolved | None:
        unit = norm(m["unit"])
        if unit == "autumn":
            unit = "fall"
        n = self._offset(m["rel"], unit)
        value = self._unit_value(unit, n, m)
        if value is None:
            return None
        return Resolved("DATE", value, PUBLISHED if self.dct else None)

    def _r_the_unit(self, m: re.Match[str]) -> Resolved | None:
        unit = norm(m["unit"])
        the = norm(m["the"])
        if the == "that":
            return self._narrative_unit(unit, 0)
        after = self.text[m.end() : m.end() + 40]
        ended = re.match(r"\s+(?:ended|ending|that\s+ended|to\s+date)\b", after)
        if ended and unit in ("year", "month", "week"):
            return Resolved(
                "DURATION", cal.duration_value(1, {"year": "Y", "month": "M", "week": "W"}[unit]), ABSOLUTE
            )
        if unit == "quarter" and not self.last_quarter and (closed := self._closing_quarter(m)):
            return closed
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

    def _closing_quarter(self, m: re.Match[str]) -> Resolved | None:
        """The calendar quarter holding most of the three months up to the day in "the
        quarter ended Sept. 30" (a fiscal quarter ended July 31 is mostly the second).
        Asked only while the text has named no quarter: a company's own "fiscal first
        quarter" ended Sept. 30 keeps its name."""
        closed = _ENDED_ON.match(self.text, m.end())
        if closed is None or closed["month"].lower().rstrip(".") not in lexicon().months:
            return None
        month = self._month_no(closed["month"].rstrip("."))
        if closed["year"]:
            year, anchor = int(closed["year"]), ABSOLUTE
        elif self.dct is not None:
            day = cal.month_day_near(self.dct, month, int(closed["day"]), "past")
            if day is None:
                return None
            year, anchor = day.year, PUBLISHED
        else:
            return None
        middle = (month - 2) % 12 + 1
        if middle > month:  # the quarter ended in January: its middle month was last year's
            year -= 1
        return Resolved("DATE", f"{year:04d}-Q{(middle - 1) // 3 + 1}", anchor)

    def _r_narrative(self, m: re.Match[str]) -> Resolved | None:
        rel = norm(m["rel"])
        unit = norm(m["unit"])
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
        return self._narrative_unit(norm(m["unit"]), -1 if norm(m["dir"]) == "before" else 1)

    def _r_unit_event(self, m: re.Match[str]) -> Resolved | None:
        """'the day after his death': one unit from the event, dated by the narrative when
        the text has told a date (the event is usually the one just dated), else unknown.
        In apposition to a date ("Oct. 12, the day before the crash") it is that date."""
        unit = norm(m["unit"])
        if self.narrative is None:
            unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
            return Resolved("DATE", unknown, None)
        if self._last_end is not None and re.fullmatch(r"\s*,\s*", self.text[self._last_end : m.start()]):
            return self._narrative_unit(unit, 0)
        return self._r_unit_around(m)

    def _r_ago(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[norm(m["unit"])]
        amount = parse_amount(m["num"])
        direction = norm(m["dir"])
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
        letters_of = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX"}
        if ref is None or gran is None:
            return Resolved("DATE", letters_of.get(gran or "", "XXXX"), None)
        if cal.granularity(ref) == "quarter" and unit in ("Y", "Q"):
            base = ref
        else:
            base = cal.coarsen(ref, gran) or ref
        value = cal.shift_value(base, n, unit)
        if value is None:
            if direction in ("earlier", "later") and gran in letters_of:
                # "a month earlier" than "2010": the month is not told; the expression is
                return Resolved("DATE", letters_of[gran], None)
            return None
        if unit == "DE":
            value = value[:3]
        elif unit == "CE":
            value = value[:2]
        return Resolved("DATE", value, anchor)

    def _r_bare_ago(self, m: re.Match[str]) -> Resolved | None:
        later = norm(m["dir"]) == "later"
        return Resolved("DATE", "FUTURE_REF" if later else "PAST_REF", PUBLISHED)

    def _r_duration(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[norm(m["unit"])]
        amount = parse_amount(m["num"])
        if amount is not None and m.groupdict().get("half"):
            amount += 0.5  # "a year and a half"
        return Resolved("DURATION", cal.duration_value(amount, unit), ABSOLUTE)

    _r_duration_adj = _r_duration

    def _r_unit_long(self, m: re.Match[str]) -> Resolved | None:
        """ "week-long" lasts one week (``P1W``); "months-long" some months (``PXM``)."""
        word = norm(m["unit"])
        amount = None if word.endswith("s") else 1
        return Resolved("DURATION", cal.duration_value(amount, lexicon().units[word]), ABSOLUTE)

    def _r_half_unit(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DURATION", cal.duration_value(0.5, lexicon().units[norm(m["unit"])]), ABSOLUTE)

    def _r_few_units(self, m: re.Match[str]) -> Resolved | None:
        unit = lexicon().units[norm(m["unit"])]
        return Resolved("DURATION", cal.duration_value(None, unit), ABSOLUTE)

    def _r_each(self, m: re.Match[str]) -> Resolved | None:
        lex = lexicon()
        if m["wd"]:
            return Resolved("SET", f"XXXX-WXX-{self._weekday_no(m['wd'])}", ABSOLUTE)
        if m["month"]:
            return Resolved("SET", f"XXXX-{self._month_no(m['month']):02d}", ABSOLUTE)
        if m["season"]:
            return Resolved("SET", f"XXXX-{lex.seasons[norm(m['season'])]}", ABSOLUTE)
        if m["part"]:
            return Resolved("SET", f"XXXX-XX-XXT{self._part(m['part'])}", ABSOLUTE)
        if m["num"]:
            return Resolved(
                "SET", cal.duration_value(parse_amount(m["num"]), lex.units[norm(m["unit"])]), ABSOLUTE
            )
        what = norm(m["what"])
        value = {
            "day": "P1D",
            "week": "P1W",
            "weekend": "P1WE",
            "month": "P1M",
            "quarter": "P1Q",
            "year": "P1Y",
        }[what]
        return Resolved("SET", value, ABSOLUTE)

    def _r_quarter(self, m: re.Match[str]) -> Resolved | None:
        q = lexicon().ordinals[norm(m["ord"])]
        year, anchor = self._quarter_year(m)
        plain = not any(m.groupdict().get(k) for k in ("year", "year2", "poss", "ago", "rel2", "prevnext"))
        if plain and year and self.dct and q > cal.quarter_of(self.dct) and self.direction(m) != "future":
            year -= 1  # "the fourth quarter" in January is the one just ended
        return Resolved("DATE", f"{year:04d}-Q{q}" if year else f"XXXX-Q{q}", anchor)

    def _r_quarter_code(self, m: re.Match[str]) -> Resolved | None:
        year, anchor = self._quarter_year(m)
        return Resolved("DATE", f"{year:04d}-Q{m['q']}" if year else f"XXXX-Q{m['q']}", anchor)

    def _r_half(self, m: re.Match[str]) -> Resolved | None:
        h = 1 if norm(m["ord"] or m["ord2"]) == "first" else 2  # "the last two quarters of 1990": H2
        year, anchor = self._quarter_year(m)
        return Resolved("DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}", anchor)

    def _r_period(self, m: re.Match[str]) -> Resolved | None:
        which = norm(m["which"])
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
        if "last year" in norm(m.group(0)) or "a year" in norm(m.group(0)):
            shifted = cal.shift_value(base, -1, "Y") or shifted
        return Resolved("DATE", shifted, anchor)

    def _r_year_ago_adj(self, m: re.Match[str]) -> Resolved | None:
        if self.last_quarter:
            value = cal.shift_value(self.last_quarter, -1, "Y")
            return Resolved("DATE", value, TEXT) if value else None
        if self.dct is None:
            return Resolved("DATE", "XXXX", None)
        return Resolved("DATE", f"{self.dct.year - 1:04d}", PUBLISHED)

    def _r_year_period(self, m: re.Match[str]) -> Resolved | None:
        year = int(m["year"])
        if m["ord"]:
            q = lexicon().ordinals[norm(m["ord"])]
        elif self.last_quarter:
            q = int(self.last_quarter[-1])
        else:
            return Resolved("DATE", f"{year:04d}", ABSOLUTE)
        return Resolved("DATE", f"{year:04d}-Q{q}", ABSOLUTE)

    def _r_bare_units(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DURATION", cal.duration_value(None, lexicon().units[norm(m["unit"])]), ABSOLUTE)

    def _r_vague_span(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DURATION", "PXY" if norm(m["x"]).endswith("years") else "PXX", ABSOLUTE)

    def _r_modal_day(self, m: re.Match[str]) -> Resolved | None:
        return Resolved("DATE", "FUTURE_REF", PUBLISHED)

    def _r_ordinal_day(self, m: re.Match[str]) -> Resolved | None:
        """ "It is the second day of the offensive": the day of the report in the present
        tense; in the past tense the day the narrative has reached."""
        if m.group(0).lower().startswith("was"):
            return self._narrative_unit("day", 0)
        return self._day(self.dct) if self.dct else Resolved("DATE", "XXXX-XX-XX", None)

    def _r_frequency(self, m: re.Match[str]) -> Resolved | None:
        from dateline.extract.times.grammar import FREQUENCIES

        return Resolved("SET", FREQUENCIES[norm(m["freq"])], ABSOLUTE)

    def _r_at_time(self, m: re.Match[str]) -> Resolved | None:
        """'at the time' in a past clause: TimeML's PAST_REF (the narrative's date would be
        a guess: the time meant is an event's, which the text rarely dates); in a present or
        future clause the present or a future reference."""
        direction = self.direction(m)
        value = {"future": "FUTURE_REF", "present": "PRESENT_REF"}.get(direction or "", "PAST_REF")
        return Resolved("DATE", value, PUBLISHED)

    def _r_then(self, m: re.Match[str]) -> Resolved | None:
        """ "Since then", "until then", "by then": the date the text told just before (in
        the sentence or the one before it, ``_THEN_REACH`` characters), as TimeML values a
        pro-form by its antecedent. With no date that near, "then" points at an event, not
        a time the text gives: no TIMEX3."""
        near = self.narrative_end is not None and m.start() - self.narrative_end <= _THEN_REACH
        if near and self.narrative is not None:
            return Resolved("DATE", self.narrative, TEXT)
        return None

    def _r_ref(self, m: re.Match[str]) -> Resolved | None:
        value = lexicon().references[norm(m["ref"])]
        return Resolved("DATE", value, PUBLISHED if value == "PRESENT_REF" else ABSOLUTE)
