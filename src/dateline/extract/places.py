"""Toponyms and geocoding (issue 5)."""

from __future__ import annotations

from dateline.context import Context


def extract_places(ctx: Context) -> None:
    return None
