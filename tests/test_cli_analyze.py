"""The analyze command: one-line errors and exit codes for bad input, records for good input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.cli.main import main

RECORD_LISTS = ("entities", "quotes", "times", "places", "events", "numbers", "flags")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code: int, err: str, needle: str) -> None:
    assert code != 0
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, lines
    assert needle in lines[0]


def test_missing_file(capsys, tmp_path: Path) -> None:
    code, out, err = run(["analyze", str(tmp_path / "nope.txt")], capsys)
    assert_one_line_error(code, err, "no such file")
    assert out == ""


def test_empty_file(capsys, tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    code, _, err = run(["analyze", str(path)], capsys)
    assert_one_line_error(code, err, "empty input")


def test_binary_file(capsys, tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, _, err = run(["analyze", str(path)], capsys)
    assert_one_line_error(code, err, "binary data")


def test_undecodable_bytes(capsys, tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff\xfe\xfa\xfb\x81\x82 hello \xc3\x28 \xa0\xa1")
    code, _, err = run(["analyze", str(path)], capsys)
    assert_one_line_error(code, err, "not valid UTF-8")


def test_broken_html(capsys, tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><head><title>x</title></head><body><div><p><<<>>></div", encoding="utf-8")
    code, _, err = run(["analyze", str(path)], capsys)
    assert_one_line_error(code, err, "HTML")


def test_invalid_published(capsys, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Troops withdrew from the town.", encoding="utf-8")
    code, _, err = run(["analyze", str(path), "--published", "2016-13-45"], capsys)
    assert code == 2
    assert_one_line_error(code, err, "invalid publication date")


def test_invalid_format_is_a_usage_error(capsys, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Troops withdrew from the town.", encoding="utf-8")
    code, _, err = run(["analyze", str(path), "--format", "xml"], capsys)
    assert code == 2 and "Traceback" not in err and "xml" in err


@pytest.mark.model
def test_malformed_jsonl_lines_are_error_records_and_the_run_goes_on(
    capsys, tmp_path: Path, pipeline
) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(
        "\n".join(
            [
                json.dumps({"id": "good-1", "text": "Police arrested 12 protesters in Nairobi on Monday."}),
                "{broken",
                json.dumps({"id": "no-text"}),
                json.dumps(
                    {"id": "good-2", "text": "Rebels shelled the town of Kidal.", "published": "2024-02-01"}
                ),
            ]
        ),
        encoding="utf-8",
    )
    code, out, err = run(["analyze", str(path)], capsys)
    assert code == 1  # some articles failed: the exit code says so, after the whole batch ran
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows if "error" not in r] == ["good-1", "good-2"]
    assert len([r for r in rows if "error" in r]) == 2
    assert "Traceback" not in err and "2 analysed, 2 failed" in err


@pytest.mark.model
def test_seed_prints_every_record_list(capsys, gold_dir: Path, pipeline) -> None:
    code, out, err = run(
        ["analyze", str(gold_dir / "seed-palmyra-2016.txt"), "--published", "2016-03-27"], capsys
    )
    assert code == 0, err
    article = json.loads(out)
    for key in RECORD_LISTS:
        assert isinstance(article[key], list), key
    assert article["published"] == "2016-03-27"
    assert article["entities"] and article["numbers"]


@pytest.mark.model
def test_table_output_and_output_file(capsys, tmp_path: Path, pipeline) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Police arrested 12 protesters in Nairobi on Monday, a spokesman said.", encoding="utf-8")
    target = tmp_path / "out.txt"
    code, out, _ = run(["analyze", str(src), "--format", "table", "--output", str(target)], capsys)
    assert code == 0 and out == ""
    text = target.read_text(encoding="utf-8")
    for key in RECORD_LISTS:
        assert key in text
