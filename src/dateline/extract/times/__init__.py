"""Time expressions (issue 4): TIMEX3 types and values, normalised against the publication date.

``extract_times`` is the pipeline stage; ``find_times`` the same over plain text (the
parse is optional: without it tense defaults to the past and no names are filtered).
"""

from __future__ import annotations

from dateline.extract.times.stage import FoundTime, extract_times, find_times

__all__ = ["FoundTime", "extract_times", "find_times"]
