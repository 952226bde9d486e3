"""Predictions for a gold file as JSONL, one analysed article a line with the gold id.

``python -m dateline.eval.predict GOLD.jsonl PRED.jsonl`` writes what the reference scorer
(``../shared/tools/score.py GOLD PRED``) reads; ``dateline eval`` scores in-process.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from dateline.documents import Failure
from dateline.eval.gold import gold_document, read_jsonl
from dateline.pipeline import Pipeline


def predict(gold: Path, out: Path, pipeline: Pipeline | None = None, n_process: int = 1) -> int:
    pipeline = pipeline or Pipeline()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.pipe((gold_document(r) for r in read_jsonl(gold)), n_process=n_process):
            row = result.to_dict()
            fh.write(json.dumps(row, ensure_ascii=not isinstance(result, Failure)) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    predict(Path(sys.argv[1]), Path(sys.argv[2]))
