"""The normaliser: one accepted grammar match -> TIMEX3 type, value and anchor.

``Resolver`` joins the rule handlers (``dates.py``, ``periods.py``) over the shared state
of ``base.py`` and is called in text order, so that the narrative reference follows the
article. Weekdays and month names go to the past unless the clause is future; the tense
is asked for lazily (only those expressions need the parse).
"""

from __future__ import annotations

import re

from dateline.extract.times.base import ABSOLUTE, PUBLISHED, Resolved, spelled_year
from dateline.extract.times.dates import DateRules
from dateline.extract.times.periods import PeriodRules

__all__ = ["Resolved", "Resolver", "spelled_year"]


class Resolver(DateRules, PeriodRules):
    """Turns matches into values in text order, keeping the narrative reference."""

    def resolve(self, rule: str, m: re.Match[str]) -> Resolved | None:
        """The value of one match by its rule's handler (``_r_<rule>``); None when the
        match cannot be given one (an impossible date), never an exception."""
        handler = getattr(self, "_r_" + rule, None)
        if handler is None:
            return None
        self.story.at(m.start())
        try:
            resolved = self.remember(rule, handler(m), m)
        except (ValueError, OverflowError, KeyError):
            return None
        if resolved is not None:
            self._last_end = m.end()
            if resolved.type in ("DATE", "TIME"):
                self.story.observe(
                    resolved.value,
                    resolved.anchor == ABSOLUTE,
                    resolved.anchor == PUBLISHED,
                    lambda: self.clause(m),
                    m.end(),
                )
            if self.dct is None and resolved.anchor == PUBLISHED:
                resolved = Resolved(resolved.type, resolved.value, None)
        return resolved
