"""The timeline as a server-rendered SVG bar chart: events per year, month or day.

Each bar is a link to the same filters narrowed to its bucket, so a click (or a dragged
range, with the page's script) filters the table, the map and the exports alike. The
bucket size follows the data's span unless ``by`` is given: days up to three months,
months up to fifteen years, years beyond. Counts are written on each bar's title and in a
table under the chart, so nothing depends on reading the bars' heights or colours.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from dateline.serve.filters import Filters

WIDTH, HEIGHT, PAD_LEFT, PAD_BOTTOM, PAD_TOP = 960, 240, 44, 36, 12
MAX_BARS = 400
WIDTHS = {"year": 4, "month": 7, "day": 10}


@dataclass
class Bar:
    bucket: str
    n: int
    x: float
    y: float
    w: float
    h: float
    since: str
    until: str
    href: str


@dataclass
class TimelineChart:
    by: str
    bars: list[Bar] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    y_ticks: list[tuple[float, int]] = field(default_factory=list)
    total: int = 0
    peak: int = 0
    dropped: int = 0
    sparse: bool = False
    width: int = WIDTH
    height: int = HEIGHT
    plot_left: int = PAD_LEFT
    plot_bottom: int = HEIGHT - PAD_BOTTOM
    base_qs: str = ""


def _choose(lo: str | None, hi: str | None) -> str:
    if not lo or not hi:
        return "month"
    try:
        a = dt.date.fromisoformat((lo + "-01-01")[:10] if len(lo) == 4 else (lo + "-01")[:10])
        b = dt.date.fromisoformat((hi + "-01-01")[:10] if len(hi) == 4 else (hi + "-01")[:10])
    except ValueError:
        return "month"
    days = (b - a).days
    return "day" if days <= 92 else ("month" if days <= 15 * 366 else "year")


def _next(bucket: str, by: str) -> str:
    if by == "year":
        return f"{int(bucket) + 1:04d}"
    if by == "month":
        y, m = int(bucket[:4]), int(bucket[5:7])
        return f"{y + m // 12:04d}-{m % 12 + 1:02d}"
    return (dt.date.fromisoformat(bucket) + dt.timedelta(days=1)).isoformat()


def _continuous(buckets: list[tuple[str, int]], by: str) -> list[tuple[str, int]]:
    """Empty buckets between the first and the last, so the axis is time, not a list of dates.

    A span wider than ``MAX_BARS`` buckets stays as it is (gaps closed) rather than drawing
    thousands of empty bars; the page then suggests a wider bucket.
    """
    if len(buckets) < 2:
        return buckets
    counts = dict(buckets)
    out: list[tuple[str, int]] = []
    try:
        current = buckets[0][0]
        while current <= buckets[-1][0]:
            out.append((current, counts.get(current, 0)))
            if len(out) > MAX_BARS:
                return buckets
            current = _next(current, by)
    except ValueError:
        return buckets
    return out


def _label(bucket: str, by: str) -> str:
    if by == "month" and len(bucket) == 7 and bucket[5:7].isdigit() and 1 <= int(bucket[5:7]) <= 12:
        return f"{calendar.month_abbr[int(bucket[5:7])]} {bucket[:4]}"
    return bucket


def build_chart(queries: object, f: Filters, by: str | None) -> TimelineChart:
    from dateline.serve.queries import Queries

    assert isinstance(queries, Queries)
    lo, hi = queries.date_range(f)
    by = by or _choose(lo, hi)
    found = queries.timeline(f, WIDTHS[by])
    buckets = _continuous(found, by)
    chart = TimelineChart(by=by, sparse=len(found) > 1 and buckets is found)
    chart.total = sum(n for _, n in buckets)
    chart.base_qs = f.query_string(paging=False, since=None, until=None)
    if len(buckets) > MAX_BARS:
        chart.dropped = len(buckets) - MAX_BARS
        buckets = buckets[-MAX_BARS:]
    if not buckets:
        return chart
    chart.peak = max(n for _, n in buckets)
    plot_w = WIDTH - PAD_LEFT - 8
    plot_h = HEIGHT - PAD_BOTTOM - PAD_TOP
    step = plot_w / len(buckets)
    gap = min(2.0, step * 0.2)
    for i, (bucket, n) in enumerate(buckets):
        h = plot_h * n / chart.peak if n else 0.0
        # a partial ISO date is its own range: since=2016-03 and until=2016-03 is March 2016
        since = until = bucket
        qs = f.query_string(paging=False, since=since, until=until)
        chart.bars.append(
            Bar(
                bucket=_label(bucket, by),
                n=n,
                x=round(PAD_LEFT + i * step + gap / 2, 2),
                y=round(HEIGHT - PAD_BOTTOM - h, 2),
                w=round(max(1.0, step - gap), 2),
                h=round(h, 2),
                since=since,
                until=until,
                href=f"/events{qs}",
            )
        )
    every = max(1, len(buckets) // 8)
    chart.ticks = [(b.x + b.w / 2, b.bucket) for i, b in enumerate(chart.bars) if i % every == 0]
    chart.y_ticks = [(HEIGHT - PAD_BOTTOM - plot_h * k / 4, round(chart.peak * k / 4)) for k in range(5)]
    return chart
