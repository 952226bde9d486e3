#!/usr/bin/env python3
"""Score predictions on the two hash halves of gold files, with the reference scorer.

Usage:
  score_halves.py GOLD.jsonl [GOLD.jsonl ...] --pred PRED.jsonl [--layer L] [--json]
  score_halves.py GOLD.jsonl [...] [--stages places] [--cache DIR] [--save-pred OUT] [--layer L]
  options: [--scorer PATH] [--write-halves DIR]

Tuning against a dev file is honest only when the errors of one half are looked at and
every change is checked on the other: a change that helps one half and not the other fits
those sentences. Each gold row goes to half ``even`` or ``odd`` by the parity of the
SHA-256 of its id's *first* byte (the gold README already split CASE and event_location
on the parity of the whole digest, i.e. its last byte, so that bit is constant within a
dev file), and each half is scored on its own by ``../shared/tools/score.py`` (or
``--scorer``), so the figures are the reference's. This is the one half split every
report uses; ``scripts/incidents_halves.py`` splits by gold incident instead.

Without ``--pred`` the predictions are made here: by the full pipeline (as ``dateline
eval`` makes them, the reference), or with ``--stages`` by the named stages and the
stages they require only, over spaCy parses cached in ``--cache`` (built on first use):
a change to one stage is measured in seconds. ``--save-pred`` keeps the predictions;
``--layer`` shows one layer; ``--write-halves`` writes each gold half as a JSONL file
(``NAME.even.jsonl``, ``NAME.odd.jsonl``) for tools that take a file. Scoring uses the
standard library only; predicting imports dateline.
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
_DEFAULT_CACHE = Path("/tmp/dateline-halves-cache")


def half_of(row_id: str) -> str:
    """``even`` or ``odd``: the parity of the first byte of sha256(id)."""
    return "even" if hashlib.sha256(row_id.encode("utf-8")).digest()[0] % 2 == 0 else "odd"


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise SystemExit(f"error: cannot load the scorer at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    try:
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SystemExit(f"error: cannot read {path}: {exc}") from None


def split(gold: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    halves: dict[str, list[dict[str, Any]]] = {"even": [], "odd": []}
    for row in gold:
        halves[half_of(str(row["id"]))].append(row)
    return halves


def score_halves(
    scorer: ModuleType, gold: list[dict[str, Any]], preds: dict[str, dict[str, Any]], layer: str | None = None
) -> dict:
    """{"even": metrics, "odd": metrics, "all": metrics, "n": sizes} for one gold file;
    with ``layer``, only the metrics of that layer ("places", "times", ...)."""
    halves = split(gold)
    out = {name: scorer.score(rows, preds) for name, rows in halves.items()}
    out["all"] = scorer.score(gold, preds)
    if layer:
        for name in ("even", "odd", "all"):
            out[name] = {k: v for k, v in out[name].items() if k.rsplit("/", 1)[-1] == layer}
    out["n"] = {name: len(rows) for name, rows in halves.items()}
    return out


def write_halves(path: Path, gold: list[dict[str, Any]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in split(gold).items():
        with (folder / f"{path.stem}.{name}.jsonl").open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def stages_with_requirements(names: list[str]) -> list[Any]:
    """The pipeline's stages named, and every stage they require, in the pipeline's order."""
    from dateline.pipeline import default_stages

    stages = default_stages()
    by_name = {st.name: st for st in stages}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise SystemExit(f"error: unknown stage(s) {', '.join(unknown)}; stages: {', '.join(by_name)}")
    provider = {p: st.name for st in stages for p in st.provides}
    wanted: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in wanted:
            continue
        wanted.add(name)
        todo += [provider[r] for r in by_name[name].requires if r in provider]
    return [st for st in stages if st.name in wanted]


def predict(gold: list[dict[str, Any]], stages: list[str] | None, cache: Path) -> dict[str, dict[str, Any]]:
    """Predictions for the gold rows: the full pipeline, or only ``stages`` over cached parses."""
    from dateline.eval.gold import gold_document
    from dateline.eval.run import link_predictions, predict_rows
    from dateline.pipeline import Pipeline

    if not stages:
        preds = predict_rows(gold, Pipeline())
        if any("incidents" in (r.get("layers") or []) for r in gold):
            preds = link_predictions(preds)
        return preds
    pipeline = Pipeline(stages=stages_with_requirements(stages))
    out: dict[str, dict[str, Any]] = {}
    for row, doc in zip(gold, _parses(pipeline, gold, cache), strict=True):
        article = pipeline._extract(gold_document(row), doc)
        out[article.id] = article.to_dict()
    return out


def _parses(pipeline: Any, gold: list[dict[str, Any]], cache: Path) -> list[Any]:
    """The spaCy parses of the gold texts, from ``cache`` when they were made before."""
    from spacy.tokens import DocBin

    texts = [r["text"] for r in gold]
    model = str(pipeline.nlp.meta.get("name")) + str(pipeline.nlp.meta.get("version"))
    digest = hashlib.sha256("\0".join([model, *texts]).encode("utf-8")).hexdigest()[:16]
    path = cache / f"{digest}.spacy"
    if path.exists():
        return list(DocBin().from_disk(path).get_docs(pipeline.nlp.vocab))
    docs = [pipeline._parse(t) for t in texts]
    cache.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="+", type=Path)
    ap.add_argument("--pred", type=Path, action="append", help="score these predictions (else make them)")
    ap.add_argument(
        "--stages", help="comma-separated stages to run (with what they require), not the full pipeline"
    )
    ap.add_argument("--cache", type=Path, default=_DEFAULT_CACHE, help="where --stages keeps its parses")
    ap.add_argument("--save-pred", type=Path, help="write the predictions made here (JSONL)")
    ap.add_argument("--layer", help="show this layer only (places, times, quotes, events, incidents)")
    ap.add_argument("--write-halves", type=Path, metavar="DIR", help="write each gold half as JSONL here")
    ap.add_argument("--scorer", type=Path, default=_DEFAULT_SCORER)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.pred and (args.stages or args.save_pred):
        ap.error("--stages and --save-pred make predictions: not with --pred")
    scorer = load_scorer(args.scorer)
    golds = {path: read_jsonl(path) for path in args.gold}
    if args.pred:
        preds = {r.get("id"): r for path in args.pred for r in read_jsonl(path)}
    else:
        stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None
        preds = {}
        for rows in golds.values():
            preds.update(predict(rows, stages, args.cache))
        if args.save_pred:
            with args.save_pred.open("w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in preds.values())
    if args.write_halves:
        for path, rows in golds.items():
            write_halves(path, rows, args.write_halves)
    results = {str(g): score_halves(scorer, rows, preds, args.layer) for g, rows in golds.items()}
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
