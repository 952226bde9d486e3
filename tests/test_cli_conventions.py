"""CLI conventions: --version, python -m dateline, -o -, COLUMNS-aware tables, export filters,
progress on analyze, table inputs from the command line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_helpers import sqlite_corpus
from dateline import __version__
from dateline.cli.main import main

TESTS = Path(__file__).resolve().parent


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sqlite_corpus(tmp_path / "corpus.db", 6)


def test_version(capsys) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"dateline {__version__}"


def test_python_dash_m_dateline() -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS.parent / "src"), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "--version"], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0 and done.stdout.strip() == f"dateline {__version__}"


def test_export_to_stdout_with_the_events_filters(db: Path, capsys) -> None:
    argv = ["export", "acled-csv", "-o", "-", "--db", str(db)]
    assert main([*argv, "--country", "Mali", "--since", "2016-03-03"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["country"], r["event_date"]) for r in rows] == [("Mali", "2016-03-05")]
    assert main([*argv, "--until", "2016-03-02", "--type", "Attack"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(r["event_date"] for r in rows) == ["2016-03-01", "2016-03-02"]
    assert main(["export", "plover-jsonl", "-o", "-", "--db", str(db), "--type", "ACCUSE"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 6 and {json.loads(x)["event"] for x in lines} == {"ACCUSE"}


def test_export_timestamp_is_the_ingest_time(db: Path, tmp_path: Path, capsys) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    conn.execute("UPDATE articles SET ingested_at = '2024-01-02T03:04:05+00:00'")
    conn.commit()
    conn.close()
    assert main(["export", "acled-csv", "-o", "-", "--db", str(db), "--inter", "numeric"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["timestamp"] for r in rows} == {"1704164645"} and rows[0]["inter1"] == "2"


def test_export_modality_option(db: Path, capsys) -> None:
    assert main(["export", "acled-csv", "-o", "-", "--db", str(db), "--modality", "sometimes"]) == 2
    assert "invalid modality 'sometimes'" in capsys.readouterr().err
    assert main(["export", "acled-csv", "-o", "-", "--db", str(db), "--modality", "all"]) == 0


def test_tables_honour_columns_and_keep_dates_whole(db: Path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    assert main(["events", "--db", str(db), "--type", "ASSAULT"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 72
    for day in range(1, 7):
        assert f"2016-03-0{day}" in out  # a date is never wrapped mid-word


def test_analyze_tables_jsonl_to_stdout_with_progress(tmp_path: Path) -> None:
    table = tmp_path / "news.csv"
    with table.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["key", "story", "when"])
        for i in range(3):
            writer.writerow([f"k{i}", f'The mayor said "we reopen on day {i}".', "March 29, 2016"])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(TESTS.parent / "src"), env.get("PYTHONPATH", "")])
    env["DATELINE_PIPELINE_FACTORY"] = "corpus_helpers:tiny_pipeline"
    cmd = [sys.executable, "-m", "dateline", "analyze", str(table), "--text-field", "story"]
    cmd += ["--id-field", "key", "--date-field", "when", "-o", "-", "--progress"]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    articles = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(a["id"], a["published"]) for a in articles] == [(f"k{i}", "2016-03-29") for i in range(3)]
    assert "3/3" in done.stderr  # the progress bar's count


def test_export_to_a_missing_folder_is_a_clear_error(db: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no" / "such" / "e.csv"
    assert main(["export", "acled-csv", "-o", str(target), "--db", str(db)]) == 2
    err = capsys.readouterr().err
    assert "cannot write the export to" in err and "Traceback" not in err


def test_a_status_line_while_the_model_loads() -> None:
    from rich.console import Console

    from dateline.cli.render import model_loading

    terminal = Console(file=io.StringIO(), force_terminal=True)
    with model_loading(terminal):
        pass
    assert "loading the spaCy model" in terminal.file.getvalue()
    quiet = Console(file=io.StringIO(), force_terminal=False)
    with model_loading(quiet):
        pass
    assert quiet.file.getvalue() == ""  # pipes and files get no spinner
