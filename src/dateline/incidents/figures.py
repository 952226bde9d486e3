"""Figures across reports, ACLED-style: each source's numbers, the conservative merge, disputes.

ACLED codes the lowest credible figure when sources disagree and maps vague words to
numbers (codebook: "several"/"many" fatalities -> 10, "dozens" -> 12, "hundreds" ->
100). dateline adds "a few" -> 3, "a couple" -> 2 and "a dozen" -> 12 (its own reading,
in the same spirit). A figure is *disputed* when the sources' figures for one unit
differ; the spread is their [lowest, highest].
"""

from __future__ import annotations

import re
from typing import Any

#: vague quantity words -> the number ACLED (or, where marked above, dateline) codes
VAGUE = {
    "hundreds": 100,
    "scores": 40,
    "dozens": 12,
    "a dozen": 12,
    "several": 10,
    "many": 10,
    "numerous": 10,
    "multiple": 10,
    "a few": 3,
    "a couple": 2,
}
_VAGUE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True)) + r")\b", re.I)


def vague_value(text: str | None) -> int | None:
    """The number a vague quantity in ``text`` stands for ('dozens of people' -> 12), or None."""
    found = [VAGUE[m.group(1).lower()] for m in _VAGUE.finditer(text or "")]
    return max(found) if found else None  # "many hundreds" is hundreds


def figure(count: list[Any]) -> float | None:
    """The credible (lowest) value of a stored count ``[class, value, low, high, text]``."""
    _cls, value, low, _high, text = count
    vague = vague_value(text)
    if vague is not None and not re.search(r"\d", text or ""):
        return float(vague)
    candidates = [v for v in (low, value) if isinstance(v, int | float) and v >= 0]
    return float(min(candidates)) if candidates else None


def merge_figures(by_source: dict[str, dict[str, float]]) -> dict[str, dict[str, Any]]:
    """Per unit: every source's figure, the merged (lowest) one, ``disputed`` and the spread."""
    units = sorted({u for figs in by_source.values() for u in figs})
    out: dict[str, dict[str, Any]] = {}
    for unit in units:
        reported = {src: figs[unit] for src, figs in by_source.items() if unit in figs}
        values = sorted(set(reported.values()))
        out[unit] = {
            "merged": _num(values[0]),
            "disputed": len(values) > 1,
            "spread": [_num(values[0]), _num(values[-1])],
            "by_source": {src: _num(v) for src, v in reported.items()},
        }
    return out


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v
