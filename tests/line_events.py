"""Counting work instead of timing it: the Python line events one call runs.

A stage is linear when an article four times as long costs about four times the line
events; counting them (``sys.settrace``) gives the same answer on a loaded machine as on
an idle one, where a timed test would flake.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any


def line_events(run: Callable[[], Any]) -> int:
    """How many trace events ``run()`` produces (calls, lines, returns)."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        count += 1
        return tracer

    sys.settrace(tracer)
    try:
        run()
    finally:
        sys.settrace(None)
    return count
