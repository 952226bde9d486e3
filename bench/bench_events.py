"""Event stage benchmark: what the coder costs next to the parse, and what it scores.

Usage: python bench/bench_events.py [GOLD.jsonl ...] [--limit N]

Every stage before events runs first (events read their records); only the events stage
is timed, beside the spaCy parse of the same texts. Also prints a no-refinement baseline
for snippet corpora: each trigger's own ACLED class with no sentence cues, the "keyword
trigger" coders start from, so that the gain of the refinement step stays visible.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))

DEFAULT = [
    "seed-dev.jsonl",
    "case2021-dev.jsonl",
    "plover-dev.jsonl",
    "eventloc-dev.jsonl",
    "wikievents-dev.jsonl",
]


def _no_refinement(base, mode, trigger, actor, target, cues, target_protesters=False, **_context):
    """Baseline: the trigger's own class, resolved without reading the sentence."""
    from dateline.extract.events.acled import ACLED_TYPE

    fixed = {"territory": "Government regains territory", "violence": "Attack", "protest": "Peaceful protest"}
    base = fixed.get(base, base)
    return (base if base in ACLED_TYPE else None), mode


def run(gold_path: Path, limit: int | None) -> None:
    import score  # the reference scorer, beside the gold files

    from dateline.context import Context
    from dateline.dates import parse_published
    from dateline.extract.events import build, extract_events
    from dateline.pipeline import Pipeline

    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()][:limit]
    pipe = Pipeline()
    before = [st for st in pipe.stages if st.name not in ("events", "flags")]
    t0 = time.perf_counter()
    docs = list(pipe.nlp.pipe([r["text"] for r in rows]))
    parse_s = time.perf_counter() - t0
    contexts = []
    for row, doc in zip(rows, docs, strict=True):
        published = parse_published(row["published"]) if row.get("published") else None
        ctx = Context(text=row["text"], doc=doc, published=published, published_raw=row.get("published"))
        for st in before:
            st.run(ctx)
        contexts.append(ctx)
    results = {}
    for name in ("dateline", "no-refinement"):
        original = build.acled.resolve_subtype
        if name == "no-refinement":
            build.acled.resolve_subtype = _no_refinement
        try:
            spent, preds = 0.0, {}
            for row, ctx in zip(rows, contexts, strict=True):
                t = time.perf_counter()
                extract_events(ctx)
                spent += time.perf_counter() - t
                preds[row["id"]] = {
                    "id": row["id"],
                    "events": [_event(e) for e in ctx.events],
                    "places": [{"id": p.id, "span": list(p.span)} for p in ctx.places],
                }
        finally:
            build.acled.resolve_subtype = original
        results[name] = (score.score(rows, preds), spent)
        if name == "dateline":
            by_type = _recall_by_type(score, rows, preds)
    n = len(rows)
    print(f"{gold_path.name}: {n} articles, parse {1000 * parse_s / n:.2f} ms/article")
    for name, (res, spent) in results.items():
        metrics = {k: v for k, v in res.items() if "events" in k}
        print(
            f"  {name:<14} events {1000 * spent / n:.2f} ms/article ({100 * spent / parse_s:.1f}% of parse) {json.dumps(metrics)}"
        )
    if by_type:
        print("  trigger recall by type: " + ", ".join(f"{t} {h}/{k}" for t, (h, k) in by_type.items()))


def _recall_by_type(score, rows: list[dict], preds: dict[str, dict]) -> dict[str, tuple[int, int]]:
    """Matched / gold triggers per annotated type (KAIROS types in WikiEvents), most frequent first."""
    counts: dict[str, list[int]] = {}
    for row in rows:
        gold = [e for e in row.get("events", []) if e.get("kairos_type") and e.get("span")]
        if not gold:
            continue
        found = {id(g) for g, _ in score.event_matches(gold, preds[row["id"]]["events"])[0]}
        for g in gold:
            hit_n = counts.setdefault(".".join(g["kairos_type"].split(".")[:2]), [0, 0])
            hit_n[0] += id(g) in found
            hit_n[1] += 1
    return {k: (v[0], v[1]) for k, v in sorted(counts.items(), key=lambda kv: -kv[1][1])}


def _event(ev) -> dict:
    import dataclasses

    d = dataclasses.asdict(ev)
    d["span"] = list(ev.span)
    d["mentions"] = [list(m) for m in ev.mentions]
    return d


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", help="gold JSONL files (default: the event dev sets)")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    for name in args.gold or DEFAULT:
        path = Path(name) if Path(name).exists() else GOLD / name
        run(path, args.limit)


if __name__ == "__main__":
    main()
