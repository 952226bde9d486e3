"""Quotes and attribution (issue 3)."""

from __future__ import annotations

from dateline.context import Context


def extract_quotes(ctx: Context) -> None:
    return None
