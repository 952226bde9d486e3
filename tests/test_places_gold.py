"""Place quality gate: score floors on the seed and on slices of the dev sets.

Floors live in ``places_floors.json`` beside this file and are raised, never lowered
silently. Only the entities and places stages run, over the first articles of each set,
so the gate stays well under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.places import extract_places
from gold_gate import assert_floors, floors, layer_metrics, predict_stages, read_rows, reference_scorer

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = floors("places")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_place_scores_stay_above_floors(nlp, gold_dir: Path, name: str) -> None:
    floor = FLOORS[name]
    rows = read_rows(gold_dir, floor["file"], floor["articles"])
    preds = predict_stages(nlp, rows, [extract_entities, extract_places])
    result = reference_scorer(gold_dir).score(rows, preds)
    assert_floors(layer_metrics(result, "places"), floor["min"], name)
