"""The normaliser: one accepted grammar match -> TIMEX3 type, value and anchor.

``Resolver`` joins the rule handlers (``dates.py``, ``periods.py``) over the shared state
of ``base.py`` and is called in text order, so that the narrative reference follows the
article. Weekdays and month names go to the past unless the clause is future; the tense
is asked for lazily (only those expressions need the parse).
"""

from __future__ import annotations

import re

from dateline.extract.times import calendar as cal
from dateline.extract.times.base import ABSOLUTE, PUBLISHED, Resolved, norm, spelled_year
from dateline.extract.times.dates import DateRules
from dateline.extract.times.lexicon import lexicon, parse_amount
from dateline.extract.times.periods import PeriodRules

__all__ = ["Resolved", "Resolver", "spelled_year"]


class Resolver(DateRules, PeriodRules):
    """Turns matches into values in text order, keeping the narrative reference."""

    def range_parts(
        self, rule: str, m: re.Match[str], start: int, end: int
    ) -> list[tuple[int, int, Resolved]] | None:
        """The two ends of an amount range ("two to six days") as separate durations, the
        way TimeML annotates them: "two" (P2D) and "six days" (P6D); None for anything else."""
        if rule != "duration" or not m["num2"] or not re.match(r"\s+to\s", self.text[m.end("num") :]):
            return None
        unit = lexicon().units[norm(m["unit"])]
        low, high = parse_amount(m["num"]), parse_amount(m["num2"])
        if low is None or high is None:
            return None
        return [
            (start, m.end("num"), Resolved("DURATION", cal.duration_value(low, unit), ABSOLUTE)),
            (m.start("num2"), end, Resolved("DURATION", cal.duration_value(high, unit), ABSOLUTE)),
        ]

    def resolve(self, rule: str, m: re.Match[str]) -> Resolved | None:
        """The value of one match by its rule's handler (``_r_<rule>``); None when the
        match cannot be given one (an impossible date), never an exception."""
        handler = getattr(self, "_r_" + rule, None)
        if handler is None:
            return None
        try:
            resolved = self.remember(rule, handler(m), m)
        except (ValueError, OverflowError, KeyError):
            return None
        if resolved is not None:
            self._last_end = m.end()
            if self.dct is None and resolved.anchor == PUBLISHED:
                resolved = Resolved(resolved.type, resolved.value, None)
        return resolved
