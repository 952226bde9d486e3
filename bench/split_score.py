"""Score predictions on the two halves of a gold file, split by the parity of sha256(id).

Usage:
  python bench/split_score.py GOLD.jsonl PRED.jsonl [--layer places]
  python bench/split_score.py GOLD.jsonl --rerun-places OUT.jsonl [--cache DIR]

Why: the project's rule for tuning against dev gold is to look at the errors of one half
only and check every change on the other; this prints both halves (and the whole) with the
reference scorer, so no change is judged on the half it was fitted to. Half 0 holds the
articles whose sha256(id) is even.

``--rerun-places`` runs the entity, time and place stages (what the place stage reads)
over spaCy parses cached in ``--cache`` (built on first use), writes the predictions to
OUT and scores them: a place change is measured in seconds, not in a full pipeline run.
The full ``dateline eval --save-pred`` remains the reference.

"""Score a dev gold file in two halves split by ``sha256(id)`` parity.

Usage: python bench/split_score.py GOLD.jsonl [--pred PRED.jsonl] [--out DIR] [--stages LIST]

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
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))


def half(article_id: str) -> int:
    """0 or 1: the parity of the id's SHA-256."""
    return int(hashlib.sha256(str(article_id).encode("utf-8")).hexdigest(), 16) % 2


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def split_scores(gold: list[dict], preds: dict[str, dict], layer: str) -> dict[str, dict]:
    """The reference scorer's metrics of ``layer`` for half 0, half 1 and all articles."""
    import score  # the reference scorer, beside the gold files

    out: dict[str, dict] = {}
    for name, rows in (
        ("half0", [g for g in gold if half(g["id"]) == 0]),
        ("half1", [g for g in gold if half(g["id"]) == 1]),
        ("all", gold),
    ):
        metrics = score.score(rows, preds)
        key = next((k for k in metrics if k.endswith(f"/{layer}")), None)
        out[name] = metrics[key] if key else {}
    return out


def rerun_places(gold: list[dict], cache: Path) -> dict[str, dict]:
    """Predictions of the stages the place stage depends on, over cached parses."""
    from dataclasses import asdict

    from spacy.tokens import DocBin

    from dateline.context import Context
    from dateline.extract.entities import extract_entities
    from dateline.extract.places import extract_places
    from dateline.extract.times import extract_times
    from dateline.nlp.model import load_model

    nlp = load_model()
    cache.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256("".join(g["id"] for g in gold).encode()).hexdigest()[:16]
    path = cache / f"{digest}.spacy"
    if path.exists():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([g["text"] for g in gold], batch_size=16))
        DocBin(store_user_data=True, docs=docs).to_disk(path)
    preds: dict[str, dict] = {}
    for g, doc in zip(gold, docs, strict=True):
        ctx = Context(text=g["text"], doc=doc, url=g.get("url"))
        extract_entities(ctx)
        extract_times(ctx)
        extract_places(ctx)
        places = []
        for p in ctx.places:
            d = asdict(p)
            d["span"] = list(d["span"])
            places.append(d)
        preds[g["id"]] = {"id": g["id"], "places": places}
    return preds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("pred", type=Path, nargs="?")
    parser.add_argument("--layer", default="places")
    parser.add_argument("--rerun-places", type=Path, default=None, metavar="OUT")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/dateline-split-cache"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    gold = read_jsonl(args.gold)
    if args.rerun_places is not None:
        preds = rerun_places(gold, args.cache)
        with args.rerun_places.open("w", encoding="utf-8") as fh:
            for row in preds.values():
                fh.write(json.dumps(row) + "\n")
    elif args.pred is not None:
        preds = {r["id"]: r for r in read_jsonl(args.pred)}
    else:
        parser.error("give PRED or --rerun-places OUT")
    result = split_scores(gold, preds, args.layer)
    if args.json:
        print(json.dumps(result))
        return 0
    for name, m in result.items():
        cells = " ".join(f"{k} {v}" for k, v in m.items() if isinstance(v, (int, float)))
        print(f"{args.gold.name} {name}: {cells}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

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
