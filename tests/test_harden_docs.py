"""docs/limits.md names every limit of ``dateline.limits`` (and the stage and export ones)."""

from __future__ import annotations

from pathlib import Path

import dateline.limits as limits

DOC = Path(__file__).resolve().parents[1] / "docs" / "limits.md"


def test_every_limit_is_documented_with_its_default() -> None:
    text = DOC.read_text(encoding="utf-8")
    names = [n for n in dir(limits) if n.isupper()]
    assert len(names) >= 10
    for name in names:
        assert f"`{name}`" in text, name
    for owned in ("quote stage", "CSV formula injection", "GraphML control characters", "atomic exports"):
        assert owned in text, owned
