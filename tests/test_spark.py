"""``dateline spark``: same records as ``dateline ingest --parquet``, retried tasks without
duplicates, reruns that process only what is missing, failures kept as rows.

One SparkSession (``local[2]`` with two attempts per task) serves the whole module; the
fault tests run a tiny pipeline (``corpus_helpers``) named by the job, so only the equality
test loads the real model (in the test process and once per Python worker).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.store import open_store
from dateline.store.schema import ALL_TABLES
from spark_corpus import article, gz_lines, warc_bytes, write_jsonl, write_truncated_warc

pytest.importorskip("pyspark", reason="the spark extra is not installed (pip install 'dateline[spark]')")
if shutil.which("java") is None:
    pytest.skip("Spark needs Java 17 (apt-get install openjdk-17-jre-headless)", allow_module_level=True)

from dateline.spark import driver, plan
from dateline.spark.worker import KILL_ENV, read_manifest

TESTS = Path(__file__).resolve().parent
SRC = TESTS.parent / "src"
TINY = "corpus_helpers:tiny_pipeline"
CRASHY = "corpus_helpers:crashy_pipeline"


@pytest.fixture(scope="session")
def spark():
    # the Python workers import the tests' tiny pipelines: they inherit this environment
    os.environ["PYTHONPATH"] = os.pathsep.join([str(TESTS), str(SRC), os.environ.get("PYTHONPATH", "")])
    session = driver.build_session("local[2]", max_failures=2)
    yield session
    session.stop()


def _run(spark, inputs: list[str], out: Path, factory: str | None = None, tasks: int | None = None):
    version = plan.pipeline_version(None, factory)
    job = plan.make_plan(inputs, str(out), version, tasks)
    cfg = driver.worker_config(job, None, factory, batch_size=8)
    return job, driver.run_plan(spark, job, cfg)


def _table_rows(store, table: str) -> list[tuple]:
    conn = store._query_conn()
    cols = [
        c for c, *_ in conn.execute(f'DESCRIBE "{table}"').fetchall() if c not in ("ingested_at", "seen_at")
    ]
    sql = f'SELECT {", ".join(cols)} FROM "{table}"'
    return sorted((tuple(r) for r in conn.execute(sql).fetchall()), key=repr)


def _raw_duplicates(out: Path) -> int:
    import duckdb

    files = str(out / "articles" / "*.parquet")
    total, distinct = (
        duckdb.connect()
        .execute("SELECT count(*), count(DISTINCT id) FROM read_parquet(?)", [files])
        .fetchone()
    )
    return total - distinct


def _shards(tmp: Path, n_jsonl: int, per: int, crash_in: int | None = None) -> list[str]:
    paths = []
    for s in range(n_jsonl):
        rows = [article(s * per + i) for i in range(per)]
        if crash_in == s:
            rows[1]["text"] += " BOOM"
        paths.append(str(write_jsonl(tmp / f"shard-{s}.jsonl", rows)))
    return paths


@pytest.mark.model
def test_spark_local2_equals_ingest_parquet_record_for_record(
    spark, pipeline, tmp_path: Path, capsys
) -> None:
    """240 generated articles in 4 JSONL and 2 WARC shards, the 13 bundled samples, a
    truncated WARC and a malformed line: the same rows, table by table, keyed by article id."""
    from dateline.ingest import iter_documents
    from dateline.samples import sample_documents
    from dateline.store.ingest import ingest

    src = tmp_path / "in"
    src.mkdir()
    inputs = []
    for s in range(4):
        rows = [article(s * 45 + i) for i in range(45)]
        extra = ("{not json",) if s == 0 else ()
        inputs.append(str(write_jsonl(src / f"shard-{s}.jsonl", rows, extra)))
    for w in range(2):
        path = src / f"crawl-{w}.warc.gz"
        path.write_bytes(warc_bytes([article(180 + w * 30 + i) for i in range(30)]))
        inputs.append(str(path))
    samples = [
        {"id": d.id, "text": d.text, "published": d.published, "url": d.url, "title": d.title}
        for d in sample_documents()
    ]
    inputs.append(str(write_jsonl(src / "samples.jsonl", samples)))
    inputs.append(str(write_truncated_warc(src / "truncated.warc.gz", [article(900 + i) for i in range(4)])))

    local = open_store(parquet=tmp_path / "local")
    ingest(iter_documents(inputs), local, pipeline, batch_size=8)
    out = tmp_path / "spark"
    job, summary = _run(spark, inputs, out)
    assert (summary.processed, summary.failed, job.tasks) == (8, 0, 8)
    remote = open_store(parquet=out)
    counts = local.counts()
    assert counts == remote.counts()
    assert (
        counts["articles"] == 240 + len(samples) + 3 and counts["failures"] == 3
    )  # the malformed line; the truncated WARC: its cut record and its cut gzip member
    assert counts["events"] > 200 and counts["quotes"] > 200 and counts["places"] > 240
    for table in ALL_TABLES:
        assert _table_rows(local, table.name) == _table_rows(remote, table.name), table.name
    local_articles = {a.id: a for a in local.iter_articles()}
    assert local_articles == {a.id: a for a in remote.iter_articles()}
    errors = {r["error"] for r in remote._rows("SELECT error FROM failures")}
    assert any("malformed JSON" in e for e in errors)
    assert any("truncated.warc.gz" in e for e in errors)
    local.close()
    remote.close()
    from dateline.cli.main import main

    views = []
    for store in (tmp_path / "local", out):
        assert main(["events", "--parquet", str(store), "-f", "json", "-n", "10000"]) == 0
        views.append(json.loads(capsys.readouterr().out))
    assert views[0] == views[1] and len(views[0]) == counts["events"]
    manifest = read_manifest(str(out))
    assert sorted(r["uri"] for r in manifest) == sorted(inputs)
    assert {r["status"] for r in manifest} == {"committed"} and {r["attempts"] for r in manifest} == {1}
    assert sum(r["articles"] for r in manifest) == counts["articles"]


def test_killed_worker_is_retried_without_duplicates(spark, tmp_path: Path, monkeypatch) -> None:
    src = tmp_path / "in"
    src.mkdir()
    inputs = _shards(src, 4, 12, crash_in=1)
    inputs.append(str(write_truncated_warc(src / "cut.warc.gz", [article(500 + i) for i in range(4)])))
    monkeypatch.setenv(KILL_ENV, "shard-2")
    out = tmp_path / "out"
    _, summary = _run(spark, inputs, out, factory=CRASHY)
    assert (summary.processed, summary.failed) == (5, 0)
    rows = {Path(r["uri"]).name: r for r in read_manifest(str(out))}
    assert rows["shard-2.jsonl"]["attempts"] == 2 and rows["shard-0.jsonl"]["attempts"] == 1
    assert _raw_duplicates(out) == 0
    store = open_store(parquet=out)
    assert store.counts()["articles"] == 48 - 1 + 3
    failures = {r["article_id"]: r["error"] for r in store._rows("SELECT article_id, error FROM failures")}
    assert "stage 'crashy' failed: RuntimeError" in failures["gen-0013"]  # the record that raises
    assert any("cut.warc.gz" in e for e in failures.values())  # the truncated WARC
    store.close()
    again, rerun = _run(spark, inputs, out, factory=CRASHY)
    assert (len(again.inputs), rerun.skipped, rerun.processed) == (0, 5, 0)
    store = open_store(parquet=out)
    store.compact()  # one part now; the inputs it folded in are still known as committed
    assert store.counts()["articles"] == 50
    store.close()
    assert plan.make_plan(inputs, str(out), plan.pipeline_version(None, CRASHY)).inputs == []


def test_without_retries_a_rerun_processes_only_the_missing_inputs(spark, tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    inputs = _shards(src, 4, 10)
    out = tmp_path / "out"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(TESTS), str(SRC), os.environ.get("PYTHONPATH", "")]),
        "DATELINE_PIPELINE_FACTORY": TINY,
        KILL_ENV: "shard-2",
    }
    cmd = [sys.executable, "-m", "dateline.cli.main", "spark", *inputs, "--out", str(out)]
    first = subprocess.run(
        [*cmd, "--master", "local[2]", "--max-failures", "1", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert first.returncode == 1, first.stderr[-2000:]
    assert "run the same command again" in first.stderr
    assert (out / "articles").is_dir() and not (
        out / "_commits" / f"{plan.part_name(inputs[2], plan.pipeline_version(None, TINY))}.json"
    ).exists()
    store = open_store(parquet=out)
    committed_before = store.counts()["articles"]
    store.close()
    assert committed_before % 10 == 0 and committed_before <= 30  # whole inputs, never shard-2's
    before = {Path(r["uri"]).name: r for r in read_manifest(str(out)) if r["status"] == "committed"}
    assert "shard-2.jsonl" not in before
    job, summary = _run(spark, inputs, out, factory=TINY)
    assert summary.skipped == len(before) and summary.processed == 4 - len(before)
    assert {Path(t.uri).name for t in job.inputs} == {f"shard-{s}.jsonl" for s in range(4)} - set(before)
    rows = {Path(r["uri"]).name: r for r in read_manifest(str(out))}
    assert rows["shard-2.jsonl"]["attempts"] == 2 and rows["shard-2.jsonl"]["status"] == "committed"
    assert _raw_duplicates(out) == 0
    store = open_store(parquet=out)
    assert store.counts()["articles"] == 40 and store.counts()["quotes"] == 40
    store.close()
    quotes = subprocess.run(
        [
            sys.executable,
            "-m",
            "dateline.cli.main",
            "quotes",
            "--parquet",
            str(out),
            "-f",
            "json",
            "-n",
            "100",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert quotes.returncode == 0 and len(json.loads(quotes.stdout)) == 40


def test_dry_run_plans_common_crawl_paths(tmp_path: Path, capsys) -> None:
    from dateline.cli.main import main

    paths = gz_lines(
        tmp_path / "warc.paths.gz",
        [
            "crawl-data/CC-NEWS/2024/01/CC-NEWS-20240101.warc.gz",
            "# a comment",
            "",
            "/crawl-data/CC-NEWS/b.warc.gz",
        ],
    )
    argv = [
        "spark",
        "--paths-from",
        str(paths),
        "--input-base-url",
        "https://data.commoncrawl.org",
        "--out",
        str(tmp_path / "out"),
        "--dry-run",
        "--json",
        "--tasks",
        "1",
    ]
    assert main(argv) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["uri"] for p in data["parts"]] == [
        "https://data.commoncrawl.org/crawl-data/CC-NEWS/2024/01/CC-NEWS-20240101.warc.gz",
        "https://data.commoncrawl.org/crawl-data/CC-NEWS/b.warc.gz",
    ]
    assert data["tasks"] == 1 and data["to_process"] == 2 and not (tmp_path / "out" / "_commits").exists()
    assert data["layout"]["commit_markers"].endswith("_commits/<part>.json")


def test_options_and_engine_settings() -> None:
    assert driver.master_with_retries("local[2]", 3) == "local[2,3]"
    assert driver.master_with_retries("local[*]", None) == "local[*]"
    assert driver.master_with_retries("spark://host:7077", 3) == "spark://host:7077"
    assert driver.parse_conf(["spark.executor.memory=4g"]) == {"spark.executor.memory": "4g"}
    env = driver.worker_env()
    assert env["PYSPARK_PYTHON"] == sys.executable and env["OMP_NUM_THREADS"] == "1"
    a, b = plan.part_name("s3://b/x.warc.gz", "v1"), plan.part_name("s3://b/x.warc.gz", "v2")
    assert a != b and a == plan.part_name("s3://b/x.warc.gz", "v1")


def test_an_article_in_two_inputs_is_kept_once_from_the_later_input(spark, tmp_path: Path) -> None:
    first, second = article(1), article(1)
    second["text"] += " Talks resumed on Wednesday."
    inputs = [
        str(write_jsonl(tmp_path / "a.jsonl", [article(0), first])),
        str(write_jsonl(tmp_path / "b.jsonl", [second])),
    ]
    out = tmp_path / "out"
    _run(spark, inputs, out, factory=TINY)
    store = open_store(parquet=out)
    assert store.counts()["articles"] == 2
    kept = {a.id: a.text for a in store.iter_articles()}
    assert kept["gen-0001"].endswith("Talks resumed on Wednesday.")
    assert store.counts()["quotes"] == 2  # the earlier copy's rows are hidden with it
    store.close()
