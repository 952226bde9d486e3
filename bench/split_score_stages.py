"""Score a dev gold file in two halves split by ``sha256(id)`` parity.

Usage: python bench/split_score_stages.py GOLD.jsonl [--pred PRED.jsonl] [--out DIR] [--stages LIST]

Tuning against a dev file is honest only when one half is looked at and the other checks
the change: this writes ``DIR/<name>.even.jsonl`` and ``DIR/<name>.odd.jsonl`` (the gold
halves), gets predictions for the whole file, and runs the reference scorer
(``../shared/tools/score.py``) on each half and on the whole file.

Predictions come from ``--pred`` when given; else from ``dateline eval GOLD --save-pred``
(the full pipeline, as users run it); with ``--stages times`` (or ``entities,quotes``)
only the parse and those stages run, which is much faster while iterating. Prints one
JSON line per half with the layer metrics the scorer gives.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score.py"


def half_of(article_id: str) -> str:
    """'even' or 'odd': the parity of the id's sha256, stable across runs and machines."""
    return "even" if int(hashlib.sha256(article_id.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "odd"


def split(gold: Path, out: Path) -> dict[str, Path]:
    rows: dict[str, list[str]] = {"even": [], "odd": []}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows[half_of(json.loads(line)["id"])].append(line)
    paths = {}
    for half, lines in rows.items():
        paths[half] = out / f"{gold.stem}.{half}.jsonl"
        paths[half].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def predict_stages(gold: Path, pred: Path, stages: list[str]) -> None:
    """Parse + the named stages only (``dateline.extract.<stage>.extract_<stage>``)."""
    import importlib
    from dataclasses import asdict

    from dateline.context import Context
    from dateline.dates import parse_published
    from dateline.store.ingest import make_pipeline

    funcs = [getattr(importlib.import_module(f"dateline.extract.{s}"), f"extract_{s}") for s in stages]
    nlp = make_pipeline(None).nlp
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with pred.open("w", encoding="utf-8") as fh:
        for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
            published = parse_published(row["published"]) if row.get("published") else None
            ctx = Context(text=row["text"], doc=doc, published=published, url=row.get("url"))
            for func in funcs:
                func(ctx)
            out = {"id": row["id"]}
            for kind in ("quotes", "times", "places", "events"):
                out[kind] = [json.loads(json.dumps(asdict(r))) for r in getattr(ctx, kind)]
            fh.write(json.dumps(out) + "\n")


def score(gold: Path, pred: Path) -> dict:
    res = subprocess.run(
        [sys.executable, str(SCORER), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(res.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--pred", type=Path, help="score these predictions (else make them)")
    ap.add_argument(
        "--out", type=Path, default=Path("/tmp/split_score"), help="where halves and predictions go"
    )
    ap.add_argument("--stages", help="comma-separated stages to run instead of the full pipeline")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    halves = split(args.gold, args.out)
    pred = args.pred
    if pred is None:
        pred = args.out / f"{args.gold.stem}.pred.jsonl"
        if args.stages:
            predict_stages(args.gold, pred, args.stages.split(","))
        else:
            cli = Path(sys.executable).with_name("dateline")
            subprocess.run(
                [str(cli), "eval", str(args.gold), "--save-pred", str(pred)],
                check=True,
                stdout=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(REPO / "src")},
            )
    for half, path in (*halves.items(), ("all", args.gold)):
        result = score(path, pred)
        print(json.dumps({"half": half, **result}))


if __name__ == "__main__":
    main()
