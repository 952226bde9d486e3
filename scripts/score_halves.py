#!/usr/bin/env python3
"""Score predictions on the two hash halves of gold files, with the reference scorer.

Usage: score_halves.py GOLD.jsonl [GOLD.jsonl ...] --pred PRED.jsonl [--scorer PATH] [--json]

Tuning against a dev file is honest only when the errors of one half are looked at and
every change is checked on the other: a change that helps one half and not the other fits
those sentences. Each gold row goes to half ``even`` or ``odd`` by the parity of the
SHA-256 of its id's *first* byte (the gold README already split CASE and event_location
on the parity of the whole digest, i.e. its last byte, so that bit is constant within a
dev file), and each half is scored on its own by ``../shared/tools/score.py`` (or
``--scorer``), so the figures are the reference's. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

_DEFAULT_SCORER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "score.py"


def half_of(row_id: str) -> str:
    """``even`` or ``odd``: the parity of the first byte of sha256(id)."""
    return "even" if hashlib.sha256(row_id.encode("utf-8")).digest()[0] % 2 == 0 else "odd"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise SystemExit(f"error: cannot read {path}: {exc}") from None


def score_halves(scorer: ModuleType, gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]]) -> dict:
    """{"even": metrics, "odd": metrics, "all": metrics} for one gold file."""
    halves: dict[str, list[dict[str, Any]]] = {"even": [], "odd": []}
    for row in gold:
        halves[half_of(str(row["id"]))].append(row)
    out = {name: scorer.score(rows, preds) for name, rows in halves.items()}
    out["all"] = scorer.score(gold, preds)
    out["n"] = {name: len(rows) for name, rows in halves.items()}
    return out


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--pred", required=True, type=Path, action="append")
    ap.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    scorer = load_scorer(args.scorer)
    preds = {r.get("id"): r for path in args.pred for r in read_jsonl(path)}
    results = {str(g): score_halves(scorer, read_jsonl(g), preds) for g in args.gold}
    if args.json:
        print(json.dumps(results, indent=1))
        return 0
    for gold, res in results.items():
        print(f"{Path(gold).name}  (even {res['n']['even']}, odd {res['n']['odd']})")
        for half in ("even", "odd", "all"):
            for key, metrics in res[half].items():
                shown = {k: v for k, v in metrics.items() if not isinstance(v, dict)}
                print(f"  {half:4} {key:22} {json.dumps(shown)}")
                for sub, inner in metrics.items():  # nested figures: quotes' direct+mixed
                    if isinstance(inner, dict):
                        print(f"  {half:4} {key + '.' + sub:22} {json.dumps(inner)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
