"""Event quality gate: the seed's ten events exactly, and score floors on the dev sets.

Floors live in ``events_floors.json`` beside this file and are raised, never lowered
silently. The full pipeline runs (events need times, places, quotes and numbers).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gold_gate import assert_floors, floors, predict_pipeline, read_rows, reference_scorer

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = floors("events")


def test_seed_events_type_actor_country_place_date(pipeline, gold_dir: Path) -> None:
    row = read_rows(gold_dir, "seed-dev.jsonl")[0]
    pred = predict_pipeline(pipeline, [row])[row["id"]]
    places = {p["id"]: p["text"] for p in pred["places"]}
    matched, _ = reference_scorer(gold_dir).event_matches(row["events"], pred["events"])
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
    rows = read_rows(gold_dir, floor["file"], floor["articles"])
    result = reference_scorer(gold_dir).score(rows, predict_pipeline(pipeline, rows))
    assert_floors(result[floor["key"]], floor["min"], name)
