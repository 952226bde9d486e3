"""``dateline eval``: predict (or read predictions) for gold files and score them.

The pipeline runs over the gold texts keeping the gold ids (the same object every other
command uses); ``--pred`` scores predictions made elsewhere instead.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.documents import Failure
from dateline.eval.gold import gold_document, predictions_by_id, read_jsonl
from dateline.eval.metrics import score
from dateline.pipeline import Pipeline


@dataclass
class FileResult:
    gold: Path
    n_articles: int
    metrics: dict[str, dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"gold": str(self.gold), "n_articles": self.n_articles, "metrics": self.metrics}


def predict_rows(
    rows: list[dict[str, Any]], pipeline: Pipeline, n_process: int = 1
) -> dict[str, dict[str, Any]]:
    """Analyse gold texts (ids kept); a failed article predicts nothing."""
    docs = [gold_document(r) for r in rows]
    out: dict[str, dict[str, Any]] = {}
    for result in pipeline.pipe(docs, n_process=n_process):
        if isinstance(result, Failure):
            continue
        out[result.id] = result.to_dict()
    return out


def evaluate(
    gold_paths: list[Path],
    pred_paths: list[Path] | None = None,
    pipeline: Pipeline | None = None,
    n_process: int = 1,
    save_pred: Path | None = None,
) -> list[FileResult]:
    preds = predictions_by_id(pred_paths) if pred_paths else None
    results = []
    saved = save_pred.open("w", encoding="utf-8") if save_pred else None
    try:
        for path in gold_paths:
            rows = read_jsonl(path)
            if preds is None:
                pipeline = pipeline or Pipeline()
                file_preds = predict_rows(rows, pipeline, n_process)
                if any("incidents" in (r.get("layers") or []) for r in rows):
                    file_preds = link_predictions(file_preds)
                if saved:
                    for pred in file_preds.values():
                        saved.write(json.dumps(pred, ensure_ascii=False) + "\n")
            else:
                file_preds = preds
            results.append(FileResult(path, len(rows), score(rows, file_preds)))
    finally:
        if saved:
            saved.close()
    return results


def link_predictions(preds: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Link the analysed articles of a whole-file layer into incidents (as ingest does)."""
    from dateline.incidents.apply import link_articles
    from dateline.records import article_from_dict

    articles = link_articles(article_from_dict(p) for p in preds.values())
    return {a.id: a.to_dict() for a in articles}


#: The headline columns of the table, per layer (everything is in --json).
COLUMNS: dict[str, tuple[str, ...]] = {
    "quotes": ("p", "r", "f1", "speaker_acc", "direct.f1", "direct.speaker_acc"),
    "times": ("p", "r", "f1", "value_f1", "type_acc"),
    "places": ("p", "r", "f1", "acc161", "acc161_e2e", "country_acc"),
    "incidents": ("pair_p", "pair_r", "pair_f1", "b3_p", "b3_r", "b3_f1"),
    "events": ("p", "r", "f1", "type_acc", "place_acc", "weighted_f1", "acled25_weighted_f1", "accuracy"),
}


def _get(metrics: dict[str, Any], dotted: str) -> Any:
    value: Any = metrics
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def render(results: list[FileResult], console: Any) -> None:
    """One table per layer, a row per dataset (per gold file)."""
    from rich.table import Table

    by_layer: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for res in results:
        for key, metrics in res.metrics.items():
            dataset, layer = key.split("/")
            by_layer.setdefault(layer, []).append((res.gold.name, dataset, metrics))
    for layer, entries in by_layer.items():
        cols = [c for c in COLUMNS.get(layer, ()) if any(_get(m, c) is not None for _, _, m in entries)]
        table = Table(title=f"{layer}", title_justify="left")
        table.add_column("dataset")
        for c in cols:
            table.add_column(c, justify="right")
        table.add_column("n", justify="right")
        for name, dataset, metrics in entries:
            cells = [_fmt(_get(metrics, c)) for c in cols]
            n = metrics.get("gold", metrics.get("n")) if layer != "incidents" else metrics.get("articles")
            label = dataset if dataset != "snippets" else f"{Path(name).stem} (snippets)"
            table.add_row(label, *cells, str(n if n is not None else ""))
        console.print(table)


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)
