"""scripts/type_confusions.py: the gold-by-predicted type table over the reference scorer's matches."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _script():
    spec = importlib.util.spec_from_file_location("type_confusions", REPO / "scripts" / "type_confusions.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tc = _script()
TEXT = "Rebels shelled the town and the minister condemned it."


def _write(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    gold_events = [{"type": "ASSAULT", "span": [7, 14]}, {"type": "ACCUSE", "span": [41, 50]}]
    gold = [
        {"id": "a", "text": TEXT, "layers": ["events"], "events": gold_events},  # an even half row
        {"id": "e", "text": TEXT, "layers": ["events"], "events": gold_events},  # an odd half row
        {"id": "c", "text": "x", "layers": ["events"], "events": [{"type": "ASSAULT", "span": None}]},
    ]
    shelled_as_protest = [{"type": "PROTEST", "span": [7, 14]}, {"type": "ACCUSE", "span": [41, 50]}]
    pred = [
        {"id": "a", "events": shelled_as_protest},
        {"id": "e", "events": [{"type": "ASSAULT", "span": [7, 14]}, {"type": "SUPPORT", "span": [41, 50]}]},
        {"id": "c", "events": [{"type": "COERCE", "span": [0, 1]}]},
    ]
    return _write(tmp_path / "gold.jsonl", gold), _write(tmp_path / "pred.jsonl", pred)


def test_counts_the_confusions_of_one_half(files, capsys) -> None:
    gold, pred = files
    assert tc.main([str(gold), "--pred", str(pred), "--half", "even", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["matched"] == 2
    assert out["confusions"] == [{"gold": "ASSAULT", "pred": "PROTEST", "n": 1}]


def test_the_other_half_and_both(files, capsys) -> None:
    gold, pred = files
    tc.main([str(gold), "--pred", str(pred), "--half", "odd", "--json"])
    assert json.loads(capsys.readouterr().out)["confusions"] == [
        {"gold": "ACCUSE", "pred": "SUPPORT", "n": 1}
    ]
    tc.main([str(gold), "--pred", str(pred), "--half", "all", "--json"])
    out = json.loads(capsys.readouterr().out)
    assert out["matched"] == 4  # the snippet row without spans has no matched events
    assert sum(r["n"] for r in out["confusions"]) == 2


def test_a_missing_prediction_file_is_a_one_line_error(files, tmp_path: Path) -> None:
    gold, _ = files
    with pytest.raises(SystemExit, match=r"^error: cannot read"):
        tc.main([str(gold), "--pred", str(tmp_path / "none.jsonl")])


def test_a_prediction_row_without_an_id_is_a_one_line_error(files, tmp_path: Path) -> None:
    gold, _ = files
    bad = _write(tmp_path / "bad.jsonl", [{"events": []}])
    with pytest.raises(SystemExit, match="without an id"):
        tc.main([str(gold), "--pred", str(bad)])
