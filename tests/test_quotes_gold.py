"""Quote-stage gate: the reference scorer over the dev gold, against pinned floors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from dateline.context import Context
from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes

pytestmark = [pytest.mark.gold, pytest.mark.model]

FLOORS = json.loads((Path(__file__).with_name("quotes_floors.json")).read_text(encoding="utf-8"))


def _scorer(gold_dir: Path):
    spec = importlib.util.spec_from_file_location("score", gold_dir.parent / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _predict(nlp, rows: list[dict]) -> dict[str, dict]:
    preds = {}
    for row, doc in zip(rows, nlp.pipe([r["text"] for r in rows]), strict=True):
        ctx = Context(text=row["text"], doc=doc)
        extract_entities(ctx)
        extract_quotes(ctx)
        preds[row["id"]] = {
            "quotes": [
                {
                    "kind": q.kind,
                    "span": list(q.span),
                    "speaker": q.speaker,
                    "speaker_span": list(q.speaker_span) if q.speaker_span else None,
                }
                for q in ctx.quotes
            ]
        }
    return preds


@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_")])
def test_quote_scores_stay_above_floors(nlp, gold_dir, name):
    path = gold_dir / name
    if not path.exists():
        pytest.skip(f"{name} is not in the gold folder")
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if "quotes" in r.get("layers", [])]
    result = next(
        v for k, v in _scorer(gold_dir).score(rows, _predict(nlp, rows)).items() if k.endswith("/quotes")
    )
    got = {
        "r": result["r"],
        "f1": result["f1"],
        "speaker_acc": result["speaker_acc"],
        "direct_f1": result["direct"]["f1"],
        "direct_speaker_acc": result["direct"]["speaker_acc"],
    }
    floors = FLOORS[name]
    assert all(got[k] >= floors[k] for k in floors), (got, floors)


def test_seed_quotes_and_speakers(nlp, seed_text):
    ctx = Context(text=seed_text, doc=nlp(seed_text))
    extract_entities(ctx)
    extract_quotes(ctx)
    kinds = [q.kind for q in ctx.quotes]
    assert kinds.count("direct") == 4 and kinds.count("mixed") == 1
    flagged = {code for q in ctx.quotes for code in q.flags}
    assert flagged == {"unclosed_quote", "missing_source"}
    assert {f.code for f in ctx.flags} >= {"unclosed_quote", "missing_source"}
    assert [q.id for q in ctx.quotes] == [f"q{i}" for i in range(1, len(ctx.quotes) + 1)]
    by_cue = {(q.cue, q.speaker) for q in ctx.quotes}
    assert ("read", "army general command") in by_cue and (
        "quoted ... saying",
        "defence ministry in Moscow",
    ) in by_cue
