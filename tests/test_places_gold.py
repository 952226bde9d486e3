"""Place quality gate: score floors on the seed and on slices of the dev sets.

Floors live in ``places_floors.json`` beside this file and are raised, never lowered
silently. Only the entities and places stages run, over the first articles of each set,
so the gate stays well under a minute.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.context import Context
from dateline.extract.entities import extract_entities
from dateline.extract.places import extract_places

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = json.loads((Path(__file__).parent / "places_floors.json").read_text(encoding="utf-8"))


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(nlp, rows: list[dict]) -> dict[str, dict]:
    preds = {}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
        ctx = Context(text=row["text"], doc=doc)
        extract_entities(ctx)
        extract_places(ctx)
        preds[row["id"]] = {"id": row["id"], "places": [_as_dict(p) for p in ctx.places]}
    return preds


def _as_dict(place) -> dict:
    return {f: getattr(place, f) for f in place.__slots__}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_place_scores_stay_above_floors(nlp, gold_dir: Path, name: str) -> None:
    floor = FLOORS[name]
    rows = [json.loads(line) for line in (gold_dir / floor["file"]).open(encoding="utf-8") if line.strip()]
    rows = rows[: floor["articles"]]
    result = _scorer(gold_dir).score(rows, _predict(nlp, rows))
    metrics = next(v for k, v in result.items() if k.endswith("/places"))
    for metric, minimum in floor["min"].items():
        assert metrics[metric] >= minimum, f"{name}: {metric} {metrics[metric]} < floor {minimum}"
