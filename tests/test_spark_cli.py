"""``dateline spark`` without the extra, and its option errors: one clear line, no traceback."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.cli.main import main


def test_without_pyspark_the_command_names_what_to_install(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # import pyspark -> ImportError
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "a", "text": "The council met."}\n', encoding="utf-8")
    assert main(["spark", str(corpus), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "pip install 'dateline[spark]'" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "_commits").exists()


def test_bad_options_are_one_line_errors(tmp_path: Path, capsys) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text('{"id": "a", "text": "The council met."}\n', encoding="utf-8")
    assert main(["spark", str(corpus)]) == 2
    assert "--out is required" in capsys.readouterr().err
    assert main(["spark", str(corpus), "--out", str(tmp_path / "o"), "--conf", "novalue"]) == 2
    assert "key=value" in capsys.readouterr().err
    assert main(["spark", str(tmp_path / "missing.warc.gz"), "--out", str(tmp_path / "o")]) == 1
    assert "no such file" in capsys.readouterr().err
