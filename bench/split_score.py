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
"""

from __future__ import annotations

import argparse
import hashlib
import json
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
