"""Incident linking at scale: time, memory, and precision/recall on planted duplicates.

Usage: python bench/bench_incidents.py [--n 1000000] [--seed 1] [--years 5] [--from FILE.jsonl]

Links N synthetic reports (``bench/synthetic_events.py``; or a file it wrote) with the
same in-memory linker ``dateline eval`` uses (blocking, pair scores, components), and
reports wall time, pairs scored per report (blocking never scores all pairs), peak
resident memory, and pair precision/recall/F1 plus B-cubed against the planted
incidents. Pair counts come from the contingency of predicted and planted clusters, so
scoring 1M reports needs no pair enumeration either.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from dateline.incidents.linker import Linker
from dateline.incidents.reports import Report
from synthetic_events import synthetic_reports


def pairs(n: int) -> int:
    return n * (n - 1) // 2


def cluster_scores(truth: dict, pred: dict) -> dict[str, float]:
    both = Counter((truth[k], pred[k]) for k in truth)
    t_sizes = Counter(truth.values())
    p_sizes = Counter(pred.values())
    tp = sum(pairs(c) for c in both.values())
    gold, predicted = sum(pairs(c) for c in t_sizes.values()), sum(pairs(c) for c in p_sizes.values())
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    n = len(truth)
    b3p = sum(c * c / p_sizes[pk] for (tk, pk), c in both.items()) / n
    b3r = sum(c * c / t_sizes[tk] for (tk, pk), c in both.items()) / n
    return {
        "pair_p": round(p, 4),
        "pair_r": round(r, 4),
        "pair_f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
        "b3_f1": round(2 * b3p * b3r / (b3p + b3r), 4) if b3p + b3r else 0.0,
        "planted_pairs": gold,
        "predicted_pairs": predicted,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--years", type=float, default=5.0, help="span of the synthetic reports")
    ap.add_argument("--from", dest="source", type=Path)
    args = ap.parse_args()
    if args.source:

        def read():
            with args.source.open(encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    truth = row.pop("truth")
                    yield Report.from_dict(row), truth

        stream = read()
    else:
        stream = synthetic_reports(args.n, args.seed, args.years)
    linker = Linker()
    truth: dict = {}
    t0 = time.perf_counter()
    for i, (report, incident) in enumerate(stream, start=1):
        truth[report.key] = incident
        linker.add(report)
        if i % 100_000 == 0:
            print(
                f"  {i:>9,} reports  {time.perf_counter() - t0:7.1f} s  pairs scored {linker.pairs_scored:,}",
                flush=True,
            )
    elapsed = time.perf_counter() - t0
    pred = linker.incidents()
    result = {
        "reports": len(truth),
        "planted_incidents": len(set(truth.values())),
        "predicted_incidents": len(set(pred.values())),
        "seconds_generate_and_link": round(elapsed, 1),
        "reports_per_s": round(len(truth) / elapsed),
        "pairs_scored": linker.pairs_scored,
        "pairs_scored_per_report": round(linker.pairs_scored / len(truth), 1),
        "all_pairs_would_be": pairs(len(truth)),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        **cluster_scores(truth, pred),
    }
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
