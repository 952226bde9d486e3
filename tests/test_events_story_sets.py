"""Whole conflict articles scored as the hidden set is (issue 19): nine sets of eight stories
each, written and annotated by hand for dateline before the pipeline was run on them
(``data/events_stories{2,...,10}.jsonl``; integrity checks in ``test_events_stories{2,...,10}.py``).

Which set was read is part of what the floors mean. stories2 and stories3 were read to find
kinds of error (stories3 only after the work it had checked was merged); stories4 was read
for event places after it had served as a blind check; stories5's odd half was read for
event types only, by work that did not land, and its event place errors were read in stop 27.
stories6 to stories10 were never read, event by event or as text, and are the honest
estimate of what the hidden set will show (pooled, the figure to quote: one set's eight
stories swing place accuracy by 0.1 either way); their totals are read only here and at
merges (stories7's floor once sent a change back: 4fac365). Floors sit a little below the
measured figures (in the comments): raised when the pipeline improves, never lowered
silently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gold_gate import assert_floors, predict_pipeline, reference_scorer

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data"
FLOORS = {
    # measured P 0.681, R 0.941, type 1.0, place 0.852
    "events_stories2.jsonl": {"p": 0.65, "r": 0.9, "type_acc": 0.95, "place_acc": 0.8},
    # measured P 0.550, R 0.961, type 1.0, place 0.687
    "events_stories3.jsonl": {"p": 0.52, "r": 0.92, "type_acc": 0.95, "place_acc": 0.65},
    # measured P 0.574, R 0.936, type 1.0, place 0.800
    "events_stories4.jsonl": {"p": 0.55, "r": 0.9, "type_acc": 0.95, "place_acc": 0.76},
    # measured P 0.620, R 0.896, type 0.913, place 0.658
    "events_stories5.jsonl": {"p": 0.59, "r": 0.86, "type_acc": 0.88, "place_acc": 0.62},
    # measured P 0.570, R 0.917, type 0.940, place 0.675 (never read)
    "events_stories6.jsonl": {"p": 0.54, "r": 0.88, "type_acc": 0.9, "place_acc": 0.64},
    # measured P 0.544, R 0.915, type 0.938, place 0.666 (never read)
    "events_stories7.jsonl": {"p": 0.52, "r": 0.88, "type_acc": 0.9, "place_acc": 0.63},
    # measured P 0.672, R 0.931, type 0.987, place 0.850 (never read)
    "events_stories8.jsonl": {"p": 0.64, "r": 0.9, "type_acc": 0.95, "place_acc": 0.8},
    # measured P 0.644, R 0.868, type 0.924, place 0.772 (never read)
    "events_stories9.jsonl": {"p": 0.61, "r": 0.83, "type_acc": 0.89, "place_acc": 0.72},
    # measured P 0.700, R 0.955, type 0.952, place 0.840 (never read)
    "events_stories10.jsonl": {"p": 0.67, "r": 0.92, "type_acc": 0.92, "place_acc": 0.8},
}


# The sets never read, pooled: the estimate of the hidden whole-article targets (F1 >= 0.65,
# type >= 0.90, place >= 0.72). Measured F1 0.746 (P 0.628, R 0.917), type 0.950, place 0.764
# over 216 event places (stories6-10).
BLIND = [f"events_stories{k}.jsonl" for k in (6, 7, 8, 9, 10)]
BLIND_FLOORS = {"f1": 0.72, "type_acc": 0.93, "place_acc": 0.74}


def _rows(name: str) -> list[dict]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def story_scores(pipeline, gold_dir: Path) -> dict[str, tuple[list[dict], dict]]:
    """Each set's gold rows and predictions, made once for the per-set and pooled checks."""
    out = {}
    for name in sorted(FLOORS):
        rows = _rows(name)
        out[name] = (rows, predict_pipeline(pipeline, rows))
    return out


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_whole_articles_stay_above_floors(story_scores, gold_dir: Path, name: str) -> None:
    rows, preds = story_scores[name]
    result = reference_scorer(gold_dir).score(rows, preds)
    assert_floors(result["stories/events"], FLOORS[name], name)


def test_the_blind_sets_pooled_stay_above_the_whole_article_targets(story_scores, gold_dir: Path) -> None:
    rows = [row for name in BLIND for row in story_scores[name][0]]
    preds = {k: v for name in BLIND for k, v in story_scores[name][1].items()}
    result = reference_scorer(gold_dir).score(rows, preds)
    assert_floors(result["stories/events"], BLIND_FLOORS, "stories6-10 pooled")
