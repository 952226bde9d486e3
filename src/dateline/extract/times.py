"""Time expressions (issue 4): filled by the times stage."""

from __future__ import annotations

from dateline.context import Context


def extract_times(ctx: Context) -> None:
    return None
