"""Place stage benchmark: dateline's geocoder against a population-only baseline.

Usage: python bench/bench_places.py [GOLD.jsonl ...] [--limit N]

Both systems see the same spaCy parse and the same mentions and gazetteer; the baseline
takes each mention's most populous gazetteer entry (the classic "population heuristic"),
dateline's resolver uses the article's context. Prints span P/R/F1, acc161 and country
accuracy for each (the reference scorer's metrics), time per article for the place
stage alone and for the parse, and the gazetteer's size, load time and memory.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))


def _population_only(ctx) -> None:
    """Same mentions, but every toponym becomes its most populous entry."""
    from dateline.extract.places import evidence, passes, stage
    from dateline.resolve import geocode

    def by_population(cands, geo, qualifier=None, key=None, local=None):
        if not cands:
            return None
        top = max(cands, key=lambda c: (c.pop, -c.eid))
        return geocode.Resolution(top, 0.5)

    modules = (stage, evidence, passes)  # every module of the stage that resolves a name
    for module in modules:
        module.resolve = by_population
    try:
        ctx.places = stage.find_places(ctx)
    finally:
        for module in modules:
            module.resolve = geocode.resolve


def run(gold_path: Path, limit: int | None) -> None:
    import score  # the reference scorer, beside the gold files

    from dateline.context import Context
    from dateline.extract.entities import extract_entities
    from dateline.extract.places import extract_places
    from dateline.nlp.model import load_model

    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if "places" in r.get("layers", [])][:limit]
    nlp = load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    parse_s = time.perf_counter() - t0
    results = {}
    for name, stage_fn in (("dateline", extract_places), ("population", _population_only)):
        preds, spent = {}, 0.0
        for row, doc in zip(rows, docs, strict=True):
            ctx = Context(text=row["text"], doc=doc, url=row.get("url"))  # as `dateline eval` sees it
            extract_entities(ctx)
            t = time.perf_counter()
            stage_fn(ctx)
            spent += time.perf_counter() - t
            preds[row["id"]] = {"id": row["id"], "places": [_as_dict(p) for p in ctx.places]}
        key = next(k for k in score.score(rows, preds) if k.endswith("/places"))
        results[name] = (score.score(rows, preds)[key], spent)
    n = len(rows)
    print(f"{gold_path.name}: {n} articles, parse {1000 * parse_s / n:.1f} ms/article", flush=True)
    for name, (r, spent) in results.items():
        print(
            f"  {name:<10} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f} acc161 {r['acc161']:.3f} "
            f"acc161_e2e {r['acc161_e2e']:.3f} country {r['country_acc']} | {1000 * spent / n:.2f} ms/article"
        )


def _as_dict(place) -> dict:
    from dataclasses import asdict

    d = asdict(place)
    d["span"] = list(d["span"])
    return d


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    from dateline.resolve.gazetteer import gazetteer
    from dateline.resolve.geodata import gazetteer_path

    t = time.perf_counter()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    gazetteer()
    load = time.perf_counter() - t
    rss = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss0) / 1024
    print(
        f"gazetteer: {gazetteer_path().stat().st_size / 2**20:.1f} MiB on disk, opened in {1000 * load:.0f} ms, +{rss:.1f} MiB RSS"
    )
    paths = args.gold or [GOLD / "seed-dev.jsonl", GOLD / "lgl-dev.jsonl", GOLD / "geovirus-dev.jsonl"]
    for path in paths:
        run(path, args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
