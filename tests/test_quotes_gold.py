"""Quote-stage gate: the reference scorer over the dev gold, against pinned floors."""

from __future__ import annotations

import pytest

from dateline.context import Context
from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes
from gold_gate import assert_floors, floors, layer_metrics, predict_stages, read_rows, reference_scorer

pytestmark = [pytest.mark.gold, pytest.mark.model]

FLOORS = floors("quotes")


@pytest.mark.parametrize("name", [k for k in FLOORS if not k.startswith("_")])
def test_quote_scores_stay_above_floors(nlp, gold_dir, name):
    path = gold_dir / name
    if not path.exists():
        pytest.skip(f"{name} is not in the gold folder")
    rows = read_rows(gold_dir, name, layer="quotes")
    preds = predict_stages(nlp, rows, [extract_entities, extract_quotes])
    result = layer_metrics(reference_scorer(gold_dir).score(rows, preds), "quotes")
    got = {
        "r": result["r"],
        "f1": result["f1"],
        "speaker_acc": result["speaker_acc"],
        "direct_f1": result["direct"]["f1"],
        "direct_speaker_acc": result["direct"]["speaker_acc"],
    }
    assert_floors(got, FLOORS[name], name)


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
