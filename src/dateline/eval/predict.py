"""Run the pipeline over a gold file's texts, keeping each gold id, as JSONL predictions."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

from dateline.pipeline import Document, Failure, Pipeline


def gold_documents(path: Path) -> Iterator[Document]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            row = json.loads(line)
            yield Document(
                text=row["text"],
                id=row["id"],
                published=row.get("published"),
                url=row.get("url"),
                title=row.get("title"),
                source=row.get("source"),
            )


def predict(gold: Path, out: Path, pipeline: Pipeline | None = None, n_process: int = 1) -> int:
    pipeline = pipeline or Pipeline()
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for result in pipeline.pipe(gold_documents(gold), n_process=n_process):
            if isinstance(result, Failure):
                fh.write(json.dumps(result.to_dict()) + "\n")
            else:
                fh.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            n += 1
    return n


if __name__ == "__main__":
    predict(Path(sys.argv[1]), Path(sys.argv[2]))
