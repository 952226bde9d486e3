"""Shared pieces of the gold quality gates: rows, the reference scorer, predictions, floors.

Each gate scores a slice of ``../shared/gold`` with the reference scorer and asserts the
floors pinned in a JSON file beside the tests (raised when a stage improves, never lowered
silently). Gold text is read in place, never copied.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from dateline.context import Context
from dateline.dates import parse_published
from dateline.eval.gold import gold_document

HERE = Path(__file__).parent


def floors(name: str) -> dict[str, Any]:
    """The floors file ``<name>_floors.json`` beside the tests."""
    return json.loads((HERE / f"{name}_floors.json").read_text(encoding="utf-8"))


@cache
def reference_scorer(gold_dir: Path) -> ModuleType:
    """``../shared/tools/score.py``, imported from where it lies (it is not a dependency)."""
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_rows(gold_dir: Path, name: str, limit: int | None = None, layer: str | None = None) -> list[dict]:
    with (gold_dir / name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if layer:
        rows = [r for r in rows if layer in r.get("layers", [])]
    return rows[:limit] if limit else rows


def predict_pipeline(pipeline, rows: list[dict]) -> dict[str, dict]:
    """Full-pipeline predictions keyed by gold id."""
    docs = (gold_document(r) for r in rows)
    return {r["id"]: art.to_dict() for r, art in zip(rows, pipeline.pipe(docs), strict=True)}


def predict_stages(nlp, rows: list[dict], stages: Iterable[Callable[[Context], None]]) -> dict[str, dict]:
    """Predictions from a few stages only (cheaper gates), as the scorer reads them."""
    stages = list(stages)
    preds = {}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
        published = parse_published(row["published"]) if row.get("published") else None
        ctx = Context(text=row["text"], doc=doc, published=published, url=row.get("url"))
        for stage in stages:
            stage(ctx)
        preds[row["id"]] = {
            "id": row["id"],
            **{
                kind: [_as_dict(r) for r in getattr(ctx, kind)]
                for kind in ("quotes", "times", "places", "events")
            },
        }
    return preds


def _as_dict(record) -> dict:
    from dataclasses import asdict

    return json.loads(json.dumps(asdict(record)))


def layer_metrics(result: dict[str, dict], layer: str) -> dict:
    return next(v for k, v in result.items() if k.endswith(f"/{layer}"))


def assert_floors(metrics: dict, minimums: dict[str, float], name: str) -> None:
    low = {m: (metrics[m], v) for m, v in minimums.items() if metrics[m] < v}
    assert not low, f"{name}: below floor (got, floor): {low}"


def reference_scores(scorer: Path, gold: Path, pred: Path) -> dict[str, dict]:
    """What ``score.py GOLD PRED --json`` prints, run as users run it (a separate process)."""
    out = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out)
