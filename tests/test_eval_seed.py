"""``dateline eval`` on the seed with the real model agrees with the reference scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.eval.run import evaluate
from gold_gate import reference_scores


@pytest.mark.model
@pytest.mark.gold
def test_eval_on_the_seed_matches_score_py(pipeline, gold_dir: Path, tmp_path: Path) -> None:
    scorer = gold_dir.parent / "tools" / "score.py"
    gold = gold_dir / "seed-dev.jsonl"
    pred = tmp_path / "seed-pred.jsonl"
    [result] = evaluate([gold], pipeline=pipeline, save_pred=pred)
    ref = reference_scores(scorer, gold, pred)
    assert result.metrics == ref
    assert set(ref) == {"seed/quotes", "seed/times", "seed/places", "seed/events"}
