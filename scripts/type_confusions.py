#!/usr/bin/env python3
"""Which PLOVER types the coder confuses: a gold-by-predicted table of matched events.

Usage:
  type_confusions.py GOLD.jsonl --pred PRED.jsonl [--half even|odd|all] [--json] [--scorer PATH]

``type_acc`` (the reference scorer's share of matched events whose type is the gold's)
says how often the type is wrong, not which way. This counts, over the events the
reference scorer matches (its own ``event_matches``, mention by mention), every pair of
gold type and predicted type that differ, on one hash half of the gold file
(``scripts/score_halves.py``'s split): look at the errors of one half, check changes on
the other. Snippet rows (CASE: events without spans) have no matched events and are
skipped. Standard library only.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

_HERE = Path(__file__).resolve().parent


def _halves() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_halves", _HERE / "score_halves.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


halves = _halves()


def confusions(
    scorer: ModuleType, gold: list[dict[str, Any]], pred: dict[str, dict[str, Any]], half: str
) -> tuple[Counter[tuple[str, str]], int]:
    """(counts of (gold type, predicted type) that differ, number of matched typed events)."""
    out: Counter[tuple[str, str]] = Counter()
    matched = 0
    for row in gold:
        if half != "all" and halves.half_of(str(row["id"])) != half:
            continue
        events = row.get("events") or []
        if not events or all(e.get("span") is None for e in events):
            continue
        predicted = (pred.get(row["id"]) or {}).get("events") or []
        pairs, _ = scorer.event_matches(events, predicted)
        for g, p in pairs:
            if not g.get("type"):
                continue
            matched += 1
            if g["type"] != p.get("type"):
                out[(g["type"], p.get("type") or "NONE")] += 1
    return out, matched


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, required=True)
    ap.add_argument("--half", choices=("even", "odd", "all"), default="even")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--scorer", type=Path, default=halves._DEFAULT_SCORER)
    args = ap.parse_args(argv)
    scorer = halves.load_scorer(args.scorer)
    gold = halves.read_jsonl(args.gold)
    pred: dict[str, dict[str, Any]] = {}
    for row in halves.read_jsonl(args.pred):
        if not isinstance(row, dict) or "id" not in row:
            raise SystemExit(f"error: {args.pred}: a prediction row without an id")
        pred[str(row["id"])] = row
    if any(not isinstance(r, dict) or "id" not in r for r in gold):
        raise SystemExit(f"error: {args.gold}: a gold row without an id")
    table, matched = confusions(scorer, gold, pred, args.half)
    if args.json:
        rows = [{"gold": g, "pred": p, "n": n} for (g, p), n in table.most_common()]
        print(json.dumps({"half": args.half, "matched": matched, "confusions": rows}))
        return 0
    wrong = sum(table.values())
    print(f"{args.gold.name} ({args.half}): {matched} matched typed events, {wrong} with another type")
    for (g, p), n in table.most_common():
        print(f"  {n:4d}  gold {g:10} predicted {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
