"""Events coded in PLOVER and ACLED (issue 6)."""

from __future__ import annotations

from dateline.context import Context


def extract_events(ctx: Context) -> None:
    return None
