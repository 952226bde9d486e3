"""The normaliser's state: the publication date, the narrative reference and the tense.

Relative expressions resolve against the publication date (``dct``); "the next day",
"two days later" and "a year earlier" against the narrative, i.e. the last concrete date
the article mentioned. Without a publication date the parts that need one stay ``X``
("XXXX-08", "XXXX-WXX-6"). The handlers of the grammar's rules live in ``dates.py`` and
``periods.py``; ``resolve.py`` joins them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.extract.times import calendar as cal
from dateline.extract.times.lexicon import lexicon, parse_amount
from dateline.extract.times.retold import NARRATED, Clause, Sentences, StoryTime

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
TIMEX_DAY = re.compile(r"^\d{4}-\d\d-\d\d")
_AHEAD = re.compile(r"\bahead\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_LIMIT = re.compile(r"\b(?:until|till|through|by|to|from|effective|before)\s+(?:the\s+)?$", re.IGNORECASE)
# a limit ahead unless the clause is past: "until", "by", "no later than", "effective"
_DEADLINE = re.compile(r"\b(?:until|till|by|effective|no\s+later\s+than)\s+(?:the\s+)?$", re.IGNORECASE)
_CONJOINED = re.compile(
    r"^\s*(?:,|and|or|to|through|until|till|-|–|—)\s*(?:in\s+|early\s+|late\s+)?$", re.IGNORECASE
)
# granularities fine enough to count days or weeks from
_FINE_ENOUGH = {"D": {"day"}, "W": {"day", "week"}}
# only quarters the text names count as "the quarter" for later mentions
_QUARTER_RULES = {"quarter", "quarter_code", "the_unit"}


# "after a flat second quarter": an indefinite quarter as a noun of its own is an aside
_INDEFINITE = re.compile(r"\b(?:a|an)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


def _aside_quarter(text: str, m: re.Match[str]) -> bool:
    """Whether a named quarter is one the story passes by rather than the one it reports:
    "a (flat) second quarter" is; "a third-quarter loss" (the quarter modifying the
    figure) and "the third quarter" are not."""
    return "-" not in m.group(0) and _INDEFINITE.search(text[max(0, m.start() - 20) : m.start()]) is not None


@dataclass(frozen=True)
class Resolved:
    """A TIMEX3 type and value, and what the value was resolved against."""

    type: str
    value: str
    anchor: str | None


def norm(word: str | None) -> str:
    """Lower case with single spaces, the form the lexicon's keys take."""
    return re.sub(r"\s+", " ", word.lower()).strip() if word else ""


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'the year two thousand' -> 2000."""
    low = norm(text).replace("-", " ")
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


class ResolverBase:
    """Shared state and helpers of the rule handlers (see ``Resolver``)."""

    def __init__(
        self,
        text: str,
        dct: dt.date | None,
        direction: Callable[[int, int], str | None],
        clause: Clause | None = None,
        sentences: Callable[[], Sentences] | None = None,
    ) -> None:
        self.text = text
        self.dct = dct
        self._direction = direction
        self._clause = clause
        self._clauses: dict[tuple[int, int], str | None] = {}
        self.story = StoryTime(dct, sentences)  # the retold story's frame (retold.py)
        self.narrative: str | None = None  # the last concrete date value in the text
        self.narrative_end: int | None = None  # where the expression that gave it ended
        self.last_day: str | None = None  # the last one that names a day
        self._last_end: int | None = None  # where the last resolved expression ended
        self.last_quarter: str | None = None

    def direction(self, m: re.Match[str], present: str | None = None) -> str | None:
        """The clause's tense, corrected by the preposition in front of the expression:
        "until/by/through Friday" names a limit that may lie on either side of a past
        verb, and "ahead of the weekend" is ahead. A present tense gives ``present``
        (a weekday with a present verb is a schedule: "the talks resume Monday")."""
        before = self.text[max(0, m.start() - 20) : m.start()]
        if _AHEAD.search(before):
            return "future"
        tense = self._direction(m.start(), m.end())
        if tense == "past" and _LIMIT.search(before):
            return None
        if tense == "present" and _DEADLINE.search(before):
            return "future"  # a limit in a present clause lies ahead: "the ban lasts until Tuesday"
        return present if tense == "present" else tense

    def clause(self, m: re.Match[str]) -> str | None:
        """How the match's clause tells it (``retold.clause_at``), asked once per match."""
        if self._clause is None:
            return None
        key = m.span()
        if key not in self._clauses:
            self._clauses[key] = self._clause(*key)
        return self._clauses[key]

    def narrated(self, m: re.Match[str]) -> bool:
        """Whether a story frame is open and the match is narrated in it."""
        return self.story.frame is not None and self.clause(m) == NARRATED

    def remember(
        self, rule: str, resolved: Resolved | None, m: re.Match[str] | None = None
    ) -> Resolved | None:
        """Make a concrete date the narrative reference (and a named quarter "the quarter")."""
        if resolved is None or resolved.type not in ("DATE", "TIME") or not resolved.value[:1].isdigit():
            return resolved
        value = resolved.value.split("T")[0] if TIMEX_DAY.match(resolved.value) else resolved.value
        self.narrative = value
        if m is not None:
            self.narrative_end = m.end()
        if TIMEX_DAY.match(value):
            self.last_day = value
        compared = m is not None and (bool(m.groupdict().get("ago")) or _aside_quarter(self.text, m))
        reported = rule in _QUARTER_RULES and not compared and cal.granularity(value) == "quarter"
        if reported and not self._forecast(value) and (m is None or self.direction(m) != "future"):
            self.last_quarter = value
        return resolved

    def _forecast(self, quarter: str) -> bool:
        """Whether a quarter begins after publication ("the third quarter of 1990" in a 1989
        report): a forecast, never the quarter whose results are told (nor is one named in
        a future clause: "expects a loss in the fourth quarter")."""
        if self.dct is None:
            return False
        year, q = int(quarter[:4]), int(quarter[-1])
        return (year, q) > (self.dct.year, cal.quarter_of(self.dct))

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

    def _month_no(self, word: str) -> int:
        return lexicon().months[norm(word).rstrip(".")]

    def _year_offset(self, rel: str) -> int:
        rel = norm(rel)
        if rel in ("last", "the previous"):
            return -1
        if rel in ("next", "the following"):
            return 1
        return 0

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

    def _weekday_no(self, word: str) -> int:
        return lexicon().weekdays[norm(word)]

    def _part(self, word: str | None) -> str | None:
        return lexicon().day_parts.get(norm(word)) if word else None

    def _deixis_day(self, word: str) -> dt.date | None:
        if self.dct is None:
            return None
        offset = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1, "this": 0, "last": -1}[norm(word)]
        return cal.add_days(self.dct, offset)

    def _offset(self, rel: str, unit: str) -> int:
        rel = norm(rel)
        if rel in ("latest", "the latest"):
            return -1 if unit in ("quarter", "year") else 0  # the last one reported, not the running one
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
