"""Times quality gate: score floors on the seed and on TimeBank dev (``times_floors.json``).

Only the parse and the times stage run, so the gate stays well under a minute.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.extract.times import extract_times
from gold_gate import assert_floors, floors, layer_metrics, predict_stages, read_rows, reference_scorer

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = floors("times")


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_time_scores_stay_above_floors(nlp, gold_dir: Path, name: str) -> None:
    floor = FLOORS[name]
    rows = read_rows(gold_dir, floor["file"], floor["articles"])
    result = reference_scorer(gold_dir).score(rows, predict_stages(nlp, rows, [extract_times]))
    assert_floors(layer_metrics(result, "times"), floor["min"], name)


def test_seed_gives_all_four_expressions_with_exact_values(nlp, gold_dir: Path) -> None:
    row = read_rows(gold_dir, "seed-dev.jsonl")[0]
    predicted = predict_stages(nlp, [row], [extract_times])[row["id"]]["times"]
    found = {(t["span"][0], t["span"][1], t["type"], t["value"]) for t in predicted}
    for gold in row["times"]:
        assert (gold["span"][0], gold["span"][1], gold["type"], gold["value"]) in found, gold["text"]
