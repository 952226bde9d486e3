"""``ingest`` loses nothing without a word (issue #13): every input is stored or failed.

The headline defect: a lone surrogate escape in one JSONL line ("\\ud800", valid JSON)
made ``ingest`` drop that article and every later one and exit 0. These run the real CLI
and store on the tiny pipeline. ``HOSTILE`` counts the bad inputs tried here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_helpers import tiny_pipeline
from dateline.documents import Document
from dateline.store import open_store
from dateline.store.ingest import ingest

TESTS = Path(__file__).resolve().parent

HOSTILE = {
    "lone surrogate in text/url/id/title (CLI ingest)": 4,
    "lone surrogate in the Document API to ingest()": 2,
    "every source failing": 2,
    "a reader that crashes midway": 1,
    "an article over the size limit in ingest": 1,
    "analyze onto a full disk (/dev/full)": 1,
    "analyze with an article over the size limit": 1,
}


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS.parent / "src"), str(TESTS), env.get("PYTHONPATH", "")])
    env["DATELINE_PIPELINE_FACTORY"] = "corpus_helpers:tiny_pipeline"
    return env


def _ingest_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dateline.cli.main", "ingest", *args, "--json", "--no-progress"],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("field", ["text", "url", "id", "title"])
def test_a_lone_surrogate_costs_one_article_and_is_counted(tmp_path: Path, field: str) -> None:
    rows = [{"id": f"a{i}", "text": f"The council met {i} times.", "url": f"https://x.example/{i}", "title": "T"}
            for i in range(6)]  # fmt: skip
    rows[2][field] += "\ud800"
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = _ingest_cli(str(corpus), "--db", str(tmp_path / "c.db"))
    assert out.returncode == 1, out.stderr
    assert "Traceback" not in out.stderr and "lone surrogate" in out.stderr
    run = json.loads(out.stdout)
    assert run["run"]["read"] == 6
    assert (run["run"]["added"], run["run"]["failed"]) == (5, 1)
    assert run["counts"]["articles"] == 5 and run["counts"]["failures"] == 1


def test_documents_with_surrogates_through_the_api_fail_alone(tmp_path: Path) -> None:
    st = open_store(tmp_path / "c.db")
    docs = [
        Document("Alpha met on Monday.", id="a"),
        Document("Beta \udc80 met.", id="b"),
        Document("Gamma met.", id="c\ud800"),
        Document("Delta met on Friday.", id="d"),
    ]
    run = ingest(docs, st, tiny_pipeline())
    assert (run.read, run.added, run.failed) == (4, 2, 2)
    assert st.counts()["failures"] == 2
    assert {a.id for a in st.iter_articles()} == {"a", "d"}
    st.close()


def test_ingest_exits_1_when_every_source_failed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    out = _ingest_cli(str(empty), str(tmp_path / "missing.txt"), "--db", str(tmp_path / "c.db"))
    assert out.returncode == 1, out.stderr
    run = json.loads(out.stdout)["run"]
    assert (run["read"], run["failed"], run["added"]) == (2, 2, 0)


def test_a_reader_that_crashes_is_reported_never_silent(tmp_path: Path) -> None:
    def items():
        yield Document("Alpha met on Monday.", id="a")
        raise RuntimeError("reader bug")

    st = open_store(tmp_path / "c.db")
    run = ingest(items(), st, tiny_pipeline())
    assert run.added == 1 and run.failed == 1
    assert "reader bug" in run.failures[0]["error"]
    st.close()


def test_an_oversized_article_fails_alone_in_ingest(tmp_path: Path) -> None:
    pipe = tiny_pipeline()
    pipe.max_chars = 1_000
    st = open_store(tmp_path / "c.db")
    docs = [
        Document("Alpha met.", id="a"),
        Document("word " * 1000, id="big"),
        Document("Gamma met.", id="c"),
    ]
    run = ingest(docs, st, pipe, batch_size=3)
    assert (run.added, run.failed) == (2, 1)
    assert run.failures[0]["id"] == "big"
    assert "over the limit of 1,000" in run.failures[0]["error"]
    st.close()


@pytest.mark.model
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_analyze_onto_a_full_disk_is_one_line_and_exit_1(pipeline, capsys, tmp_path: Path) -> None:
    from dateline.cli.main import main

    src = tmp_path / "a.txt"
    src.write_text("Police arrested 12 protesters in Nairobi on Monday.", encoding="utf-8")
    code = main(["analyze", str(src), "-o", "/dev/full"])
    err = capsys.readouterr().err
    assert code == 1, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "No space left on device" in lines[0]


@pytest.mark.model
def test_analyze_goes_on_past_an_article_over_the_size_limit(pipeline, capsys, tmp_path: Path) -> None:
    """Before: one article over spaCy's limit ended the whole batch with exit 3 and no output."""
    from dateline.cli.main import main
    from dateline.limits import MAX_ARTICLE_CHARS

    good = tmp_path / "a.txt"
    good.write_text("Police arrested 12 protesters in Nairobi on Monday.", encoding="utf-8")
    big = tmp_path / "b.txt"
    big.write_text("word " * (MAX_ARTICLE_CHARS // 5 + 1), encoding="utf-8")
    code = main(["analyze", str(big), str(good), "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert len(rows) == 2
    assert "over the limit" in rows[0]["error"] and "entities" in rows[1]
    assert "Traceback" not in err and "1 analysed, 1 failed" in err
