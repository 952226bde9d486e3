"""eval/metrics.py against the reference scorer, on every gold file, without the model.

Predictions are the gold records perturbed deterministically (dropped, shifted, relabelled,
moved, renamed, plus spurious ones), so every metric sees hits and misses; the reference
``tools/score.py`` runs as a subprocess on the same files and both must agree.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from dateline.eval.metrics import ACLED25, acled_key, match, match_events, score, speaker_ok, weighted_f1
from gold_gate import reference_scores

REPO = Path(__file__).resolve().parents[1]
SCORER = REPO.parent / "shared" / "tools" / "score.py"
GOLD_FILES = sorted((REPO.parent / "shared" / "gold").glob("*.jsonl"))


def _h(*parts: object) -> int:
    return int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:8], 16)


def _shift(span: list[int] | None, k: int) -> list[int] | None:
    if not span:
        return span
    s, e = span
    n = e - s
    return [
        [s, e],
        [s + 1, e + 1],
        [s + max(1, n // 3), e + n],  # partial overlap, sometimes under half
        [e + 5, e + 9],  # no overlap
        [s, s + max(1, n // 2)],
    ][k % 5]


def _perturb_record(layer: str, rec: dict[str, Any], key: int) -> dict[str, Any] | None:
    if key % 7 == 0:
        return None
    out = copy.deepcopy(rec)
    out["span"] = _shift(rec.get("span"), key // 7)
    k = key // 41
    if layer == "quotes":
        out["kind"] = ["direct", "mixed", "indirect", rec.get("kind")][k % 4]
        speaker = rec.get("speaker") or ""
        out["speaker"] = [speaker, speaker.split()[-1] if speaker.split() else None, "Someone Else", None][
            (k // 4) % 4
        ]
        if (k // 16) % 2:
            out["speaker_span"] = _shift(rec.get("speaker_span"), k)
        else:
            out["speaker_span"] = None
    elif layer == "times":
        if k % 3 == 0:
            out["value"] = "XXXX"
        if k % 4 == 0:
            out["type"] = "DURATION"
    elif layer == "places":
        if rec.get("lat") is not None and k % 3:
            out["lat"] = rec["lat"] + [0.4, 3.0][k % 2]
        if k % 5 == 0:
            out["lat"] = out["lon"] = None
        if k % 6 == 0:
            out["geonames_id"] = None
        out["country"] = [rec.get("country"), "FR", None][k % 3]
    elif layer == "events":
        out["type"] = [rec.get("type"), "ASSAULT", None][k % 3]
        ps = rec.get("place_span")
        if ps:
            out.pop("place_span", None)
            mode = k % 4
            if mode == 1:
                out["place"] = {"span": ps}
            elif mode == 2:
                out["place_span"] = _shift(ps, k)
            elif mode == 3:
                out["place"] = "pl-ev"
    return out


def _fold_mentions(gold_id: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gather some events into the one before as its ``mentions`` (one record, several words)."""
    out: list[dict[str, Any]] = []
    for i, ev in enumerate(events):
        if out and ev.get("span") and out[-1].get("span") and _h(gold_id, "fold", i) % 3 == 0:
            host = out[-1]
            host["mentions"] = [*(host.get("mentions") or [host["span"]]), ev["span"]]
            continue
        out.append(ev)
    return out


def perturbed_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    pred: dict[str, Any] = {"id": gold["id"], "text": gold["text"]}
    for layer in ("quotes", "times", "places", "events"):
        records = []
        for i, rec in enumerate(gold.get(layer) or []):
            new = _perturb_record(layer, rec, _h(gold["id"], layer, i))
            if new is not None:
                records.append(new)
        if _h(gold["id"], layer) % 4 == 0:
            records.append(
                {"span": [0, 3], "kind": "direct", "value": "2000", "type": "DATE", "lat": 0.0, "lon": 0.0}
            )
        pred[layer] = records
    pred["events"] = _fold_mentions(gold["id"], pred["events"])
    for ev in pred["events"]:
        if ev.get("span") is None:  # snippet corpora: vary the label's spelling
            k = _h(gold["id"], "label") % 5
            label = ev.get("acled_subtype")
            ev["acled_subtype"] = [label, "Armed clash", "Peaceful protest", None, "Attack"][k]
        if ev.get("place") == "pl-ev" and ev.get("span"):
            pred["places"].append({"id": "pl-ev", "span": ev["span"]})
    if _h(gold["id"], "missing") % 11 == 0:
        return {"id": gold["id"], "error": "dropped"}
    return pred


def _round3(obj: Any) -> Any:
    if isinstance(obj, float):
        return round(obj, 3)
    if isinstance(obj, dict):
        return {k: _round3(v) for k, v in obj.items()}
    return obj


@pytest.mark.gold
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_metrics_equal_reference_scorer(gold_path: Path, tmp_path: Path) -> None:
    if not SCORER.exists():
        pytest.skip("../shared/tools/score.py is absent")
    gold = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    preds = [perturbed_prediction(g) for g in gold]
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
    ref = reference_scores(SCORER, gold_path, pred_path)
    ours = score(gold, {p["id"]: p for p in preds})
    assert ref, "the reference scored nothing"
    assert _round3(ours) == _round3(ref)
    # the perturbation must leave hits and misses, or the comparison proves little
    for key, metrics in ours.items():
        if "f1" in metrics and metrics.get("gold"):
            assert 0 < metrics["f1"] < 1, key


def test_match_is_greedy_one_to_one_by_largest_overlap() -> None:
    gold = [{"span": [0, 10]}, {"span": [12, 20]}]
    pred = [{"span": [2, 10]}, {"span": [0, 4]}, {"span": [11, 19]}]
    pairs = match(gold, pred)
    assert [(g["span"], p["span"]) for g, p in pairs] == [([0, 10], [2, 10]), ([12, 20], [11, 19])]


def test_events_match_mention_by_mention() -> None:
    # one predicted event with three mentions covers two gold events; a second one covers none
    gold = [{"span": [0, 6]}, {"span": [20, 26]}, {"span": [40, 45]}]
    merged = {"span": [0, 6], "mentions": [[0, 6], [20, 26], [30, 34]]}
    stray = {"span": [50, 55]}
    pairs, hit = match_events(gold, [merged, stray])
    assert sorted(g["span"] for g, _ in pairs) == [[0, 6], [20, 26]] and hit == 1
    row = {"id": "a", "dataset": "d", "layers": ["events"], "events": gold}
    out = score([row], {"a": {"events": [merged, stray]}})["d/events"]
    assert (out["p"], out["r"], out["tp"], out["pred"]) == (0.5, round(2 / 3, 4), 2, 2)


def test_match_needs_half_of_the_shorter_span() -> None:
    assert match([{"span": [0, 10]}], [{"span": [6, 20]}]) == []
    assert len(match([{"span": [0, 10]}], [{"span": [5, 20]}])) == 1


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        ({"speaker": "Maria Lopez"}, {"speaker": "Lopez"}, True),
        ({"speaker": "the ministry"}, {"speaker": "Defence Ministry"}, True),
        ({"speaker": None}, {"speaker": None}, True),
        ({"speaker": "Ana"}, {"speaker": None}, False),
        ({"speaker": "Ana", "speaker_span": [3, 6]}, {"speaker": "x", "speaker_span": [5, 9]}, True),
    ],
)
def test_speaker_ok(gold: dict, pred: dict, ok: bool) -> None:
    assert speaker_ok(gold, pred) is ok


def test_acled_labels_map_codes_and_names_to_one_key() -> None:
    assert acled_key("Government regains territory") == acled_key("GOV_REGAINS_TERIT") == "GOV_REGAINS_TERIT"
    assert acled_key("Air/drone strike") == "AIR_STRIKE"
    assert acled_key(None) == "NONE"
    assert acled_key("MANMADE_DISASTER") == "MANMADE_DISASTER"
    assert len(ACLED25) == 25


def test_weighted_f1() -> None:
    assert weighted_f1(["A", "A", "B"], ["A", "B", "B"]) == round((2 / 3 * 2 + 2 / 3 * 1) / 3, 4)
    assert weighted_f1([], []) == 0.0


def test_layers_not_listed_are_not_scored() -> None:
    gold = [{"id": "a", "dataset": "d", "layers": ["times"], "times": [], "quotes": [{"span": [0, 1]}]}]
    out = score(gold, {"a": {"quotes": [{"span": [5, 9]}], "times": [{"span": [0, 2]}]}})
    assert list(out) == ["d/times"]
    assert out["d/times"]["pred"] == 1
