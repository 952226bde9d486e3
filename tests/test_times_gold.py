"""Times quality gate: score floors on the seed and on the first TimeBank dev articles.

Floors live in ``times_floors.json`` beside this file and are raised, never lowered
silently. Only the parse and the times stage run, so the gate stays well under a minute.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.dates import parse_published
from dateline.extract.times import find_times

pytestmark = [pytest.mark.model, pytest.mark.gold]

FLOORS = json.loads((Path(__file__).parent / "times_floors.json").read_text(encoding="utf-8"))


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(nlp, rows: list[dict]) -> dict[str, dict]:
    preds = {}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
        published = parse_published(row["published"]) if row.get("published") else None
        times = [
            {"text": row["text"][f.start : f.end], "span": [f.start, f.end], "type": f.type, "value": f.value}
            for f in find_times(row["text"], published, doc)
        ]
        preds[row["id"]] = {"id": row["id"], "times": times}
    return preds


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_time_scores_stay_above_floors(nlp, gold_dir: Path, name: str) -> None:
    floor = FLOORS[name]
    rows = [json.loads(line) for line in (gold_dir / floor["file"]).open(encoding="utf-8") if line.strip()]
    rows = rows[: floor["articles"]]
    result = _scorer(gold_dir).score(rows, _predict(nlp, rows))
    metrics = next(v for k, v in result.items() if k.endswith("/times"))
    for metric, minimum in floor["min"].items():
        assert metrics[metric] >= minimum, f"{name}: {metric} {metrics[metric]} < floor {minimum}"


def test_seed_gives_all_four_expressions_with_exact_values(nlp, gold_dir: Path) -> None:
    row = json.loads((gold_dir / "seed-dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    predicted = _predict(nlp, [row])[row["id"]]["times"]
    found = {(t["span"][0], t["span"][1], t["type"], t["value"]) for t in predicted}
    for gold in row["times"]:
        assert (gold["span"][0], gold["span"][1], gold["type"], gold["value"]) in found, gold["text"]
