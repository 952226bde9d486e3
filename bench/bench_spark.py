"""Benchmark: ``dateline spark`` on local[1] vs local[2] over the same inputs.

Usage:  python bench/bench_spark.py [--n 240] [--shards 8] [--masters 'local[1]' 'local[2]']
                                    [--model NAME] [--json]

Writes ``n`` articles (the bundled samples, cycled, each with its own id) as ``shards``
JSONL files, then runs ``dateline spark`` once per master, each in a fresh process (a fresh
JVM) into a fresh store. Prints per master: Spark's startup (SparkSession creation), the
job's wall time and words/s (model loads in the workers included), the whole command's
wall time, and the peak RSS of the Python workers (from the per-input manifest rows);
then the speed-up of the second master over the first (target >= 1.6x on 2 free cores).
The machine's load average is printed too: on a shared machine the figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_SCALING = 1.6


def write_shards(folder: Path, n: int, shards: int) -> list[str]:
    from dateline.samples import sample_documents

    docs = sample_documents()
    paths = []
    for s in range(shards):
        path = folder / f"shard-{s:03d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(s, n, shards):
                d = docs[i % len(docs)]
                row = {"id": f"bench-{i:05d}", "text": d.text, "published": d.published, "title": d.title}
                fh.write(json.dumps(row) + "\n")
        paths.append(str(path))
    return paths


def run_master(master: str, inputs: list[str], out: Path, model: str | None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "dateline.cli.main", "spark", *inputs, "--out", str(out)]
    cmd += ["--master", master, "--json"] + (["--model", model] if model else [])
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{master}: dateline spark failed:\n{proc.stderr[-3000:]}")
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    from dateline.spark.worker import read_manifest

    manifest = read_manifest(str(out))
    return {
        "master": master,
        "startup_s": summary.get("startup_seconds"),
        "job_s": summary["seconds"],
        "command_wall_s": round(wall, 2),
        "articles": summary["articles"],
        "words": summary["words"],
        "words_per_s": summary["words_per_s"],
        "words_per_s_with_startup": round(summary["words"] / wall, 1),
        "worker_cpu_s": round(sum(r.get("cpu_seconds", 0) for r in manifest), 2),
        "words_per_cpu_s": round(
            summary["words"] / max(sum(r.get("cpu_seconds", 0) for r in manifest), 1e-9), 1
        ),
        "worker_peak_rss_mb": max((r.get("peak_rss_mb", 0) for r in manifest), default=None),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=240)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    ap.add_argument("--model", default=None)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-spark-") as tmp:
        folder = Path(tmp)
        inputs = write_shards(folder, args.n, args.shards)
        results = [run_master(m, inputs, folder / f"out-{i}", args.model) for i, m in enumerate(args.masters)]
    report: dict[str, Any] = {
        "n": args.n,
        "shards": args.shards,
        "cpus": os.cpu_count(),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "runs": results,
    }
    if len(results) >= 2 and results[0]["words_per_s"]:
        report["scaling"] = round(results[1]["words_per_s"] / results[0]["words_per_s"], 2)
        report["scaling_target"] = TARGET_SCALING
    if args.json:
        print(json.dumps(report, indent=1))
        return
    print(f"{args.n} articles in {args.shards} JSONL shards; load average before {report['load_before']}")
    for r in results:
        print(
            f"{r['master']:>10}: startup {r['startup_s']} s, job {r['job_s']} s, "
            f"{r['words_per_s']} words/s ({r['words_per_s_with_startup']} with startup), "
            f"{r['words_per_cpu_s']} words per worker CPU-second, worker peak RSS {r['worker_peak_rss_mb']} MB"
        )
    if "scaling" in report:
        print(
            f"scaling {args.masters[1]} / {args.masters[0]}: {report['scaling']}x (target >= {TARGET_SCALING}x)"
        )
    print(f"load average after {report['load_after']}")


if __name__ == "__main__":
    main()
