"""The ingest driver and ``dateline ingest``: idempotent, resumable after kill -9, and
per-article failures reported while the run goes on.

These run the real store code on a tiny pipeline (blank tokenizer, one cheap stage) named
through ``DATELINE_PIPELINE_FACTORY``, so they need no model.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_helpers import crashy_pipeline, tiny_pipeline
from dateline.documents import Document, Failure
from dateline.store import open_store
from dateline.store.ingest import ingest

TESTS = Path(__file__).resolve().parent
SUBJECTS = ["The harbour council", "Farmers from the valley", "A transport union", "The river authority"]
VERBS = ["approved", "rejected", "postponed", "debated"]


def synthetic_corpus(n: int) -> list[dict]:
    """Articles of our own making: a few sentences each, one quote, a couple of numbers."""
    rows = []
    for i in range(n):
        who, verb = SUBJECTS[i % 4], VERBS[(i // 4) % 4]
        text = (
            f"{who} {verb} plan number {i} on Tuesday after {i % 9 + 2} hours of talks. "
            f'"This is plan {i} and it matters," a spokesperson said. '
            f"About {100 + i} residents attended the meeting in hall {i % 5}."
        )
        rows.append({"id": f"doc-{i:04d}", "text": text, "published": "2024-05-0" + str(i % 9 + 1)})
    return rows


def _write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(TESTS), env.get("PYTHONPATH", "")])
    env["DATELINE_PIPELINE_FACTORY"] = "corpus_helpers:tiny_pipeline"
    env.update(extra)
    return env


def _cli(*args: str, **env: str) -> list[str]:
    return [sys.executable, "-m", "dateline.cli.main", "ingest", *args]


def _counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        tables = ["articles", "quotes", "numbers"]
        out = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
        out["distinct_ids"] = conn.execute("SELECT count(DISTINCT id) FROM articles").fetchone()[0]
        out["quote_ids"] = conn.execute("SELECT count(DISTINCT article_id || id) FROM quotes").fetchone()[0]
        return out
    finally:
        conn.close()


def _docs(rows: list[dict]) -> list[Document]:
    return [Document(text=r["text"], id=r["id"], published=r.get("published")) for r in rows]


def test_ingest_twice_leaves_identical_counts(tmp_path: Path) -> None:
    rows = synthetic_corpus(12)
    store = open_store(tmp_path / "c.db")
    pipe = tiny_pipeline()
    first = ingest(_docs(rows), store, pipe)
    counts = store.counts()
    second = ingest(_docs(rows), store, pipe)
    assert (first.added, first.skipped) == (12, 0)
    assert (second.added, second.skipped, second.analysed) == (0, 12, 0)
    assert store.counts() == counts
    assert counts["articles"] == 12 and counts["quotes"] == 12
    store.close()


def test_changed_text_replaces_and_force_reanalyses(tmp_path: Path) -> None:
    rows = synthetic_corpus(3)
    store = open_store(tmp_path / "c.db")
    pipe = tiny_pipeline()
    ingest(_docs(rows), store, pipe)
    rows[1]["text"] += " The vote was 7 to 2."
    run = ingest(_docs(rows), store, pipe)
    assert (run.replaced, run.skipped) == (1, 2)
    assert store.counts()["articles"] == 3
    assert "7 to 2" in next(a for a in store.iter_articles() if a.id == "doc-0001").text
    forced = ingest(_docs(rows), store, pipe, force=True)
    assert (forced.unchanged, forced.analysed) == (3, 0)
    store.close()


def test_a_run_with_nothing_new_never_builds_the_pipeline(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    ingest(_docs(synthetic_corpus(2)), store, tiny_pipeline())

    def boom():
        raise AssertionError("the model must not load when everything is stored")

    assert ingest(_docs(synthetic_corpus(2)), store, boom).skipped == 2
    store.close()


def test_failures_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    items = [
        *_docs(synthetic_corpus(2)),
        Failure(None, "x.jsonl:3: malformed JSON", "x.jsonl:3"),
        Document(text="   ", id="blank"),
        *_docs(synthetic_corpus(4)[2:]),
    ]
    run = ingest(items, store, tiny_pipeline())
    assert (run.added, run.failed) == (4, 2)
    assert store.counts()["failures"] == 2
    store.close()


def test_cli_ingest_summary_and_malformed_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, synthetic_corpus(5), ("{not json", '{"id": "empty", "text": ""}'))
    db = tmp_path / "c.db"
    args = [*_cli(str(corpus), "--db", str(db), "--json")]
    out = subprocess.run(args, env=_env(), capture_output=True, text=True, timeout=120)
    assert out.returncode == 1, out.stderr  # some inputs failed: the run went on, the exit code says so
    first = json.loads(out.stdout)
    assert first["run"]["added"] == 5 and first["run"]["failed"] == 2
    assert "malformed JSON" in out.stderr
    again = json.loads(subprocess.run(args, env=_env(), capture_output=True, text=True, timeout=120).stdout)
    assert again["run"]["skipped"] == 5 and again["counts"] == first["counts"]


@pytest.mark.parametrize("backend", ["sqlite", "parquet"])
def test_kill_9_midway_then_resume_loses_and_doubles_nothing(tmp_path: Path, backend: str) -> None:
    n = 120
    rows = synthetic_corpus(n)
    corpus = tmp_path / "corpus.jsonl"
    _write_jsonl(corpus, rows)
    where = ["--db", str(tmp_path / "c.db")] if backend == "sqlite" else ["--parquet", str(tmp_path / "pq")]
    args = _cli(str(corpus), *where, "--batch-size", "1")
    proc = subprocess.Popen(
        args, env=_env(DATELINE_TINY_DELAY="0.05"), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        stored = _stored(tmp_path, backend)
        if stored >= 10:
            break
    assert proc.poll() is None, "the ingest finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    partial = _stored(tmp_path, backend)
    assert 10 <= partial < n
    resumed = subprocess.run([*args, "--json"], env=_env(), capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    run = json.loads(resumed.stdout)
    assert run["run"]["skipped"] == partial
    assert run["run"]["added"] == n - partial
    assert run["counts"]["articles"] == n
    assert run["counts"]["quotes"] == n  # one quote an article: none lost, none doubled
    assert run["counts"]["numbers"] == sum(
        len([t for t in r["text"].split() if t.strip('.,"').isdigit()]) for r in rows
    )
    if backend == "sqlite":
        counts = _counts(tmp_path / "c.db")
        assert counts["articles"] == counts["distinct_ids"] == n
        assert counts["quotes"] == counts["quote_ids"] == n


def _stored(tmp_path: Path, backend: str) -> int:
    if backend == "sqlite":
        db = tmp_path / "c.db"
        if not db.exists():
            return 0
        try:
            return _counts(db)["articles"]
        except sqlite3.OperationalError:
            return 0
    markers = sorted((tmp_path / "pq" / "_commits").glob("*.json"))
    return sum(json.loads(m.read_text())["rows"]["articles"] for m in markers)


def test_estimate_total_for_the_eta(tmp_path: Path) -> None:
    from dateline.store.ingest import estimate_total

    corpus = tmp_path / "c.jsonl"
    _write_jsonl(corpus, synthetic_corpus(7))
    (tmp_path / "one.txt").write_text("A short article.", encoding="utf-8")
    assert estimate_total([str(corpus)]) == 7
    assert estimate_total([str(tmp_path)]) == 8
    assert estimate_total(["https://example.org/a"]) is None


def test_a_crashing_stage_fails_one_article_and_the_run_goes_on(tmp_path: Path) -> None:
    rows = synthetic_corpus(40)
    rows[5]["text"] += " BOOM"
    rows[23]["text"] += " BOOM"
    store = open_store(tmp_path / "c.db")
    run = ingest(_docs(rows), store, crashy_pipeline(), batch_size=4)
    assert (run.added, run.failed) == (38, 2)
    assert {f["id"] for f in run.failures} == {"doc-0005", "doc-0023"}
    assert all("stage 'crashy' failed: RuntimeError" in f["error"] for f in run.failures)
    assert store.counts()["articles"] == 38
    assert ingest(_docs(rows), store, crashy_pipeline()).failed == 2  # retried next time, not skipped
    store.close()
