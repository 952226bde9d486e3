"""Event quality gate: the seed's ten events exactly, and score floors on the dev sets.

Floors live in ``events_floors.json`` beside this file and are raised, never lowered
silently. The full pipeline runs (events need times, places, quotes and numbers).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.pipeline import Document

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = json.loads((Path(__file__).parent / "events_floors.json").read_text(encoding="utf-8"))


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _rows(gold_dir: Path, name: str, limit: int | None = None) -> list[dict]:
    with (gold_dir / name).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return rows[:limit] if limit else rows


def _predict(pipeline, rows: list[dict]) -> dict[str, dict]:
    docs = (Document(r["text"], id=r["id"], published=r.get("published")) for r in rows)
    return {r["id"]: art.to_dict() for r, art in zip(rows, pipeline.pipe(docs), strict=True)}


def test_seed_events_type_actor_country_place_date(pipeline, gold_dir: Path) -> None:
    row = _rows(gold_dir, "seed-dev.jsonl")[0]
    pred = _predict(pipeline, [row])[row["id"]]
    places = {p["id"]: p["text"] for p in pred["places"]}
    matched = _scorer(gold_dir).matches(row["events"], pred["events"])
    assert len(matched) == len(row["events"]) == 10
    for gold, ev in matched:
        where = f"{gold['evidence']!r}"
        assert ev["type"] == gold["type"], where
        assert (ev["actor"] or {}).get("country") == gold["actor_country"], where
        assert places.get(ev["place"]) == gold["place"], where
        assert ((ev["date"] or {}).get("value")) == gold["date"], where
        if gold.get("acled_subtype"):
            assert ev["acled_subtype"] == gold["acled_subtype"], where


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_event_scores_stay_above_floors(pipeline, gold_dir: Path, name: str) -> None:
    floor = FLOORS[name]
    rows = _rows(gold_dir, floor["file"], floor["articles"])
    result = _scorer(gold_dir).score(rows, _predict(pipeline, rows))
    metrics = result[floor["key"]]
    for metric, minimum in floor["min"].items():
        assert metrics[metric] >= minimum, f"{name}: {metric} {metrics[metric]} < floor {minimum}"
