"""scripts/score_halves.py: the one half split every report uses, its layer filter, the
stages it runs for a quick rerun, and its one-line errors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score.py"


def _script():
    spec = importlib.util.spec_from_file_location("score_halves", REPO / "scripts" / "score_halves.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


halves = _script()


@pytest.mark.parametrize(
    ("row_id", "half"),
    [
        ("a", "even"),  # sha256 ca...bb: an even first byte, an odd last one
        ("b", "even"),  # 3e...9d
        ("e", "odd"),  # 3f...ea: an odd first byte, an even last one
        ("f", "odd"),  # 25...11
    ],
)
def test_the_half_is_the_parity_of_the_first_byte_of_the_digest(row_id, half):
    assert halves.half_of(row_id) == half


def _rows() -> list[dict]:
    text = "Flooding closed the bridge in Dayton on Monday."
    return [
        {"id": i, "text": text, "layers": ["times"], "times": [{"span": [40, 46], "type": "DATE"}]}
        for i in "abef"
    ]


@pytest.fixture(scope="module")
def scorer():
    if not SCORER.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    return halves.load_scorer(SCORER)


def test_each_half_is_scored_on_its_own_rows(scorer):
    gold = _rows()
    hit = {"times": [{"span": [40, 46], "type": "DATE"}]}
    preds = {"a": {"id": "a", **hit}, "b": {"id": "b", **hit}}  # the even half found, the odd none
    res = halves.score_halves(scorer, gold, preds, layer="times")
    assert res["n"] == {"even": 2, "odd": 2}
    (even,) = res["even"].values()
    (odd,) = res["odd"].values()
    assert even["r"] == 1.0 and odd["r"] == 0.0
    assert all(k.endswith("/times") for k in res["all"])


def test_write_halves_splits_the_file(tmp_path):
    gold = tmp_path / "mine.jsonl"
    halves.write_halves(gold, _rows(), tmp_path / "out")
    even = [json.loads(x)["id"] for x in (tmp_path / "out" / "mine.even.jsonl").read_text().splitlines()]
    odd = [json.loads(x)["id"] for x in (tmp_path / "out" / "mine.odd.jsonl").read_text().splitlines()]
    assert (even, odd) == (["a", "b"], ["e", "f"])


def test_stages_come_with_what_they_require_in_pipeline_order():
    names = [st.name for st in halves.stages_with_requirements(["places"])]
    assert names == ["entities", "times", "places"]
    assert [st.name for st in halves.stages_with_requirements(["numbers"])] == ["numbers"]


def test_an_unknown_stage_is_a_one_line_error():
    with pytest.raises(SystemExit, match="unknown stage"):
        halves.stages_with_requirements(["plcaes"])


def test_an_unreadable_gold_file_is_a_one_line_error(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read"):
        halves.main([str(bad), "--pred", str(bad)])


@pytest.mark.model
def test_a_stage_rerun_predicts_that_layer_only(tmp_path):
    gold = tmp_path / "g.jsonl"
    gold.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    out = tmp_path / "p.jsonl"
    if not SCORER.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    halves.main([str(gold), "--stages", "times", "--cache", str(tmp_path / "c"), "--save-pred", str(out)])
    preds = [json.loads(x) for x in out.read_text().splitlines()]
    assert [p["id"] for p in preds] == ["a", "b", "e", "f"]
    assert all(p["times"] and not p["places"] and not p["events"] for p in preds)
    assert (tmp_path / "c").is_dir()  # the parses are kept for the next rerun
