"""``dateline search / quotes / events / export / eval --pred`` over a hand-built store."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from corpus_helpers import sqlite_corpus
from dateline.cli.main import main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sqlite_corpus(tmp_path / "corpus.db", 6)


def _json(capsys, argv: list[str]) -> list[dict]:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_search_json(db: Path, capsys) -> None:
    rows = _json(capsys, ["search", "Mopti shelling", "--db", str(db), "--format", "json"])
    assert {r["id"] for r in rows} == {"art00001", "art00004"}


def test_quotes_by_speaker_and_about(db: Path, capsys) -> None:
    rows = _json(
        capsys, ["quotes", "--speaker", "residents", "--about", "shelling", "--db", str(db), "-f", "json"]
    )
    assert len(rows) == 6 and all(r["kind"] == "indirect" for r in rows)


def test_events_filters(db: Path, capsys) -> None:
    rows = _json(
        capsys,
        [
            "events",
            "--type",
            "ASSAULT",
            "--country",
            "Mali",
            "--since",
            "2016-03-03",
            "--db",
            str(db),
            "-f",
            "json",
        ],
    )
    assert {(r["place"], r["date"]) for r in rows} == {("Mopti", "2016-03-05")}


def test_table_output_prints(db: Path, capsys) -> None:
    assert main(["events", "--db", str(db), "--type", "ACCUSE"]) == 0
    assert "events (6)" in capsys.readouterr().out


def test_reading_a_missing_store_is_an_error(tmp_path: Path, capsys) -> None:
    assert main(["search", "x", "--db", str(tmp_path / "none.db")]) == 1
    assert "no such store" in capsys.readouterr().err
    assert not (tmp_path / "none.db").exists()


def test_export_from_store_and_from_jsonl(db: Path, tmp_path: Path, capsys) -> None:
    graph = tmp_path / "g.graphml"
    assert main(["export", "graphml", "-o", str(graph), "--db", str(db)]) == 0
    assert nx.read_graphml(graph).number_of_edges() == 6 + 6  # brigade -> town, militia -> brigade
    jsonl = tmp_path / "all.jsonl"
    assert main(["export", "jsonl", "-o", str(jsonl), "--db", str(db)]) == 0
    csv_path = tmp_path / "e.csv"
    assert main(["export", "acled-csv", "-o", str(csv_path), "--from", str(jsonl)]) == 0
    assert len(csv_path.read_text(encoding="utf-8").splitlines()) == 1 + 6


def test_eval_with_pred_files(tmp_path: Path, capsys) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "On Monday the council met. It met again on Friday."
    gold.write_text(
        json.dumps(
            {
                "id": "g1",
                "dataset": "mini",
                "text": text,
                "layers": ["times"],
                "times": [
                    {"text": "Monday", "span": [3, 9], "type": "DATE", "value": "2024-01-01"},
                    {"text": "Friday", "span": [43, 49], "type": "DATE", "value": "2024-01-05"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    pred = tmp_path / "pred.jsonl"
    pred.write_text(
        json.dumps({"id": "g1", "times": [{"span": [3, 9], "type": "DATE", "value": "2024-01-01"}]}) + "\n",
        encoding="utf-8",
    )
    out = _json(capsys, ["eval", str(gold), "--pred", str(pred), "--json"])
    times = out[0]["metrics"]["mini/times"]
    assert (times["p"], times["r"], times["value_f1"]) == (1.0, 0.5, 0.6667)
    assert main(["eval", str(gold), "--pred", str(pred)]) == 0
    assert "mini" in capsys.readouterr().out


def test_every_corpus_command_is_documented() -> None:
    import typer

    from dateline.cli.corpus import register

    app = typer.Typer()
    register(app)
    doc = (Path(__file__).resolve().parents[1] / "docs" / "corpus.md").read_text(encoding="utf-8")
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert sorted(names) == ["eval", "events", "export", "ingest", "quotes", "search"]
    for name in names:
        assert f"dateline {name}" in doc, name
