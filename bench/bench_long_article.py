"""Benchmark: one long article through the full pipeline, parsed in chunks (docs/limits.md).

Usage:  python bench/bench_long_article.py [--chars 100000 300000 950000] [--json]

Each size runs in a fresh child process, so its peak RSS is its own. The article is the
bundled samples' paragraphs repeated up to the size (news text: quotes, places, dates),
analysed with the time budget off. It prints seconds for the parse and for each stage,
and peak RSS; the target is memory that grows with the chunk, not with the article
(peak RSS under 1.5 GB at 950 KB), and time roughly linear in the size.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from typing import Any

TARGET_RSS_MB = 1536


def long_text(chars: int) -> str:
    from dateline.samples import sample_documents

    paragraphs = [p for d in sample_documents() for p in d.text.split("\n\n") if p.strip()]
    out: list[str] = []
    size, k = 0, 0
    while size < chars:
        p = paragraphs[k % len(paragraphs)]
        out.append(p)
        size += len(p) + 2
        k += 1
    return "\n\n".join(out)[:chars]


def _child(chars: int) -> dict[str, Any]:
    from dateline.documents import Document
    from dateline.pipeline import Pipeline

    pipeline = Pipeline(time_budget=None)
    text = long_text(chars)
    stage_times: dict[str, float] = {}
    for st in pipeline.stages:
        run = st.run

        def timed(ctx: Any, run: Any = run, name: str = st.name) -> None:
            t = time.perf_counter()
            run(ctx)
            stage_times[name] = round(time.perf_counter() - t, 2)

        object.__setattr__(st, "run", timed)
    t0 = time.perf_counter()
    doc = pipeline._parse(text)
    parse_s = time.perf_counter() - t0
    article = pipeline._extract(Document(text, id="long"), doc)
    total = time.perf_counter() - t0
    return {
        "chars": chars,
        "words": len(text.split()),
        "quote_marks": sum(text.count(m) for m in '"\u201c\u201d'),
        "parse_s": round(parse_s, 2),
        "total_s": round(total, 2),
        "stages_s": stage_times,
        "records": {k: len(getattr(article, k)) for k in ("entities", "quotes", "times", "places", "events")},
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--chars", type=int, nargs="+", default=[100_000, 300_000, 950_000])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(args.child)))
        return
    rows = []
    for chars in args.chars:
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(chars)], capture_output=True, text=True, check=True
        )
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    for r in rows:
        ok = "ok" if r["peak_rss_mb"] < TARGET_RSS_MB else "OVER"
        print(
            f"{r['chars']:>9,} chars {r['words']:>8,} words {r['quote_marks']:>6,} marks: parse {r['parse_s']:>6.1f} s, "
            f"total {r['total_s']:>6.1f} s, peak RSS {r['peak_rss_mb']:>5} MB ({ok} < {TARGET_RSS_MB})"
        )
        print(f"{'':>12}stages: {r['stages_s']}  records: {r['records']}")


if __name__ == "__main__":
    main()
