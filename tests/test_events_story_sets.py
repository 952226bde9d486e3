"""Whole conflict articles scored as the hidden set is (issue 19): three sets of eight stories
each, written and annotated by hand for dateline before the pipeline was run on them
(``data/events_stories{2,3,4}.jsonl``; integrity checks in ``test_events_stories{2,3,4}.py``).

Which set was read is part of what the floors mean. stories2 and stories3 were read to find
kinds of error (stories3 only after the work it had checked was merged); stories4 was never
read and is the honest estimate of what the hidden set will show. Floors sit a little below
the measured figures (in the comments): raised when the pipeline improves, never lowered
silently.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gold_gate import assert_floors, predict_pipeline, reference_scorer

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
FLOORS = {
    # measured P 0.580, R 0.941, type 0.958, place 0.647
    "events_stories2.jsonl": {"p": 0.55, "r": 0.9, "type_acc": 0.92, "place_acc": 0.6},
    # measured P 0.461, R 0.923, type 0.938, place 0.677
    "events_stories3.jsonl": {"p": 0.43, "r": 0.88, "type_acc": 0.9, "place_acc": 0.63},
    # measured P 0.487, R 0.889, type 0.893, place 0.784 (never read)
    "events_stories4.jsonl": {"p": 0.45, "r": 0.85, "type_acc": 0.85, "place_acc": 0.74},
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_whole_articles_stay_above_floors(pipeline, gold_dir: Path, name: str) -> None:
    rows = [
        json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    result = reference_scorer(gold_dir).score(rows, predict_pipeline(pipeline, rows))
    assert_floors(result["stories/events"], FLOORS[name], name)
