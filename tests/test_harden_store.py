"""Stores against hostile paths and faults (issue #13): nothing injected, nothing written by a
read-only command, no foreign database touched, DuckDB offline, faults reported in one line.

``HOSTILE`` counts the hostile inputs and faults tried here, for the hardening report.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_helpers import make_article, sqlite_corpus
from dateline.cli.main import main
from dateline.errors import OptionError, StoreError
from dateline.store import EventQuery, open_store
from dateline.store.ingest import ingest

TESTS = Path(__file__).resolve().parent

# names a user (or an attacker choosing a crawl's folder name) might give a store
HOSTILE_NAMES = [
    "it's",
    "x'); COPY (SELECT 42) TO 'pwned.csv'; --",
    'dq"); DROP TABLE articles; --',
    "glob[1]*?",
    "per%cent#hash?query",
    "semi;colon $(touch pwned)",
    "new\nline",
    "ünïcödé ☃",
]
HOSTILE = {
    "hostile store names x 3 backends": len(HOSTILE_NAMES) * 3,
    "foreign SQLite/DuckDB/Parquet stores (query and ingest)": 5,
    "read-only mount x 3 backends (a query, an ingest)": 6,
    "query commands on a writable store that must stay unchanged": 4,
    "--limit overflow, invalid --since/--until (CLI and API)": 7,
    "full disk: mocked in the store and in export, a real 600 KB tmpfs": 3,
    "an output folder that does not exist": 1,
    "kill -9 during export": 1,
    "an article the store cannot bind": 1,
    "DuckDB connections checked for extension autoload": 2,
}


def _store_path(kind: str, folder: Path, name: str) -> dict:
    if kind == "parquet":
        return {"parquet": folder / name}
    return {"db": folder / (name + (".db" if kind == "sqlite" else ".duckdb"))}


@pytest.mark.parametrize("kind", ["sqlite", "duckdb", "parquet"])
@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_paths_are_names_never_sql(tmp_path: Path, kind: str, name: str) -> None:
    where = _store_path(kind, tmp_path, name)
    st = open_store(**where)
    for i in range(3):
        st.put(make_article(i))
    st.close()
    again = open_store(**where, read_only=True)
    assert again.counts()["articles"] == 3
    assert [a.id for a in again.iter_articles()] == ["art00000", "art00001", "art00002"]
    assert again.search("Homs")
    again.close()
    for folder in (Path.cwd(), tmp_path, tmp_path / name):  # where an injected COPY or touch would write
        assert not (folder / "pwned.csv").exists() and not (folder / "pwned").exists()


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return sqlite_corpus(tmp_path / "corpus.db", 4)


def test_query_commands_never_write_to_the_store(db: Path, tmp_path: Path, capsys) -> None:
    before = _sha(db)
    assert main(["search", "Homs", "--db", str(db), "-f", "json"]) == 0
    assert main(["quotes", "--speaker", "vos1", "--db", str(db), "-f", "json"]) == 0
    assert main(["events", "--type", "ASSAULT", "--db", str(db), "-f", "json"]) == 0
    assert main(["export", "jsonl", "-o", str(tmp_path / "out.jsonl"), "--db", str(db)]) == 0
    capsys.readouterr()
    assert _sha(db) == before  # SQLite may leave empty -wal/-shm beside it, never a changed page


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS.parent / "src"), str(TESTS)]))
    env["DATELINE_PIPELINE_FACTORY"] = "corpus_helpers:tiny_pipeline"
    return env


def _mount_namespace() -> bool:
    """Root ignores file modes, but may mount: a private mount namespace stands in."""
    if os.getuid() != 0 or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
    return probe.returncode == 0


def _run_on_mount(
    tmp_path: Path, content: Path, options: str, commands: list[list[str]]
) -> list[tuple[int, str, str]]:
    """Run CLI commands with ``content`` copied onto a tmpfs mounted (``options``) at its own path.

    As root: inside ``unshare -m``, so the mount vanishes with the process. Otherwise
    file modes do the job (``options`` containing ``ro`` makes the copy read-only).
    """
    results = tmp_path / "results"
    results.mkdir(exist_ok=True)
    py = sys.executable
    lines = ["set -u"]
    if _mount_namespace():
        size = "size=" + (options.split("size=")[1].split(",")[0] if "size=" in options else "64m")
        backup = tmp_path / "backup"
        shutil.copytree(content, backup)
        lines += [
            f"mount -t tmpfs -o {size} tmpfs {shlex.quote(str(content))} || exit 97",
            f"cp -a {shlex.quote(str(backup))}/. {shlex.quote(str(content))}/ 2>/dev/null",
        ]
        if "ro" in options.split(","):
            lines.append(f"mount -o remount,ro {shlex.quote(str(content))} || exit 97")
    elif os.getuid() != 0:
        if "ro" in options.split(","):
            for p in sorted([content, *content.rglob("*")], key=lambda p: -len(p.parts)):
                p.chmod(0o555 if p.is_dir() else 0o444)
    else:
        pytest.skip("needs a non-root user or permission to mount")
    for k, cmd in enumerate(commands):
        argv = " ".join(shlex.quote(a) for a in [py, "-m", "dateline.cli.main", *cmd])
        out, err = shlex.quote(str(results / f"{k}.out")), shlex.quote(str(results / f"{k}.err"))
        lines.append(f"{argv} >{out} 2>{err}; echo $? >{shlex.quote(str(results / f'{k}.rc'))}")
    script = "\n".join(lines)
    argv = ["unshare", "-m", "sh", "-c", script] if _mount_namespace() else ["sh", "-c", script]
    try:
        done = subprocess.run(argv, env=_env(), capture_output=True, text=True, timeout=300)
    finally:
        if not _mount_namespace():
            for p in [content, *content.rglob("*")]:
                p.chmod(0o755 if p.is_dir() else 0o644)
    if done.returncode == 97:
        pytest.skip("cannot mount a tmpfs here")
    return [
        (
            int((results / f"{k}.rc").read_text()),
            (results / f"{k}.out").read_text(encoding="utf-8"),
            (results / f"{k}.err").read_text(encoding="utf-8"),
        )
        for k in range(len(commands))
    ]


@pytest.mark.skipif(os.name != "posix", reason="mounts and file modes")
@pytest.mark.parametrize("kind", ["sqlite", "duckdb", "parquet"])
def test_query_commands_work_on_a_read_only_mount(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    where = _store_path(kind, folder, "corpus")
    st = open_store(**where)
    for i in range(3):
        st.put(make_article(i))
    st.close()
    src = tmp_path / "a.txt"
    src.write_text("Troops withdrew from the town on Monday.", encoding="utf-8")
    opt = ["--parquet", str(where["parquet"])] if kind == "parquet" else ["--db", str(where["db"])]
    (events, ing) = _run_on_mount(
        tmp_path,
        folder,
        "ro",
        [["events", "--country", "Mali", *opt, "-f", "json"], ["ingest", str(src), *opt, "--no-progress"]],
    )
    assert events[0] == 0, events[2]
    assert {r["place"] for r in json.loads(events[1])} == {"Mopti"}
    # writing into it fails with one line naming the cause, never exit 3
    assert ing[0] == 1, ing[2]
    assert "Traceback" not in ing[2] and "internal error" not in ing[2]
    assert "read-only" in ing[2].lower() or "readonly" in ing[2].lower() or "permission" in ing[2].lower()


@pytest.mark.skipif(os.name != "posix", reason="mounts")
def test_a_full_disk_stops_ingest_with_one_line_and_keeps_the_store_sound(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    corpus = tmp_path / "corpus.jsonl"
    filler = " ".join(f"word{k}" for k in range(400))
    corpus.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": f"Article {i}: {filler}"}) + "\n" for i in range(400)),
        encoding="utf-8",
    )
    db = folder / "c.db"
    if not _mount_namespace():
        pytest.skip("a real full disk needs a private tmpfs mount")
    (ing,) = _run_on_mount(
        tmp_path, folder, "size=600k", [["ingest", str(corpus), "--db", str(db), "--no-progress"]]
    )
    assert ing[0] == 1, ing[2]
    assert "Traceback" not in ing[2] and "internal error" not in ing[2]
    assert "full" in ing[2] or "No space left" in ing[2]
    assert len([ln for ln in ing[2].splitlines() if "error" in ln]) == 1


def test_a_foreign_sqlite_database_is_refused_and_untouched(tmp_path: Path, capsys) -> None:
    other = tmp_path / "crm.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE people (name TEXT)")
    conn.execute("INSERT INTO people VALUES ('Ada')")
    conn.commit()
    conn.close()
    before = _sha(other)
    assert main(["search", "x", "--db", str(other)]) == 1
    assert "not a dateline store" in capsys.readouterr().err
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(other)  # an ingest would refuse too
    assert _sha(other) == before


def test_a_foreign_duckdb_database_and_parquet_folder_are_refused(tmp_path: Path) -> None:
    import duckdb

    other = tmp_path / "warehouse.duckdb"
    conn = duckdb.connect(str(other))
    conn.execute("CREATE TABLE sales (amount INTEGER)")
    conn.close()
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(other)
    with pytest.raises(StoreError, match="not a dateline store"):
        open_store(other, read_only=True)
    conn = duckdb.connect(str(other), read_only=True)
    assert [r[0] for r in conn.execute("SELECT table_name FROM information_schema.tables").fetchall()] == [
        "sales"
    ]
    conn.close()
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "cat.jpg").write_bytes(b"\xff\xd8\xff")
    with pytest.raises(StoreError, match="not a dateline Parquet store"):
        open_store(parquet=folder)
    assert [p.name for p in folder.iterdir()] == ["cat.jpg"]


@pytest.mark.parametrize("kind", ["duckdb", "parquet"])
def test_duckdb_never_loads_or_installs_an_extension(tmp_path: Path, kind: str) -> None:
    st = open_store(**_store_path(kind, tmp_path, "c"))
    st.put(make_article(0))
    conn = st._query_conn() if kind == "parquet" else st.conn
    settings = conn.execute(
        "SELECT current_setting('autoload_known_extensions'), current_setting('autoinstall_known_extensions')"
    ).fetchone()
    assert settings == (False, False)
    st.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "x", "--limit", "99999999999999999999"],
        ["events", "--since", "2016-13-45"],
        ["events", "--until", "yesterday"],
        ["events", "--since", "2016-02-30"],
    ],
)
def test_bad_query_options_are_usage_errors(db: Path, capsys, argv: list[str]) -> None:
    code = main([*argv, "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and "internal error" not in err
    assert ("--limit" in err) or ("--since" in err) or ("--until" in err)


def test_the_api_caps_limits_and_checks_dates(db: Path) -> None:
    st = open_store(db, read_only=True)
    assert len(st.search("Homs", limit=10**30)) >= 1
    assert len(st.find_events(EventQuery(limit=2**70))) == 8
    with pytest.raises(OptionError):
        EventQuery(since="03/27/2016")
    assert EventQuery(since="2016", until="2016-03").since == "2016"
    st.close()


class _FullDisk:
    """A store that fills up after ``room`` articles, as SQLite reports it."""

    def __init__(self, inner, room: int) -> None:
        self.inner, self.room = inner, room

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def put(self, article):
        if self.room <= 0:
            raise sqlite3.OperationalError("database or disk is full")
        self.room -= 1
        return self.inner.put(article)


def test_a_full_disk_stops_ingest_with_the_cause_and_keeps_what_was_stored(tmp_path: Path) -> None:
    from corpus_helpers import tiny_pipeline
    from dateline.documents import Document

    st = open_store(tmp_path / "c.db")
    docs = [Document(f"Article number {i} about the harbour.", id=f"d{i}") for i in range(6)]
    with pytest.raises(StoreError, match="disk is full"):
        ingest(docs, _FullDisk(st, room=3), tiny_pipeline())
    assert st.counts()["articles"] == 3
    st.close()


def test_a_full_disk_during_export_is_one_line_and_exit_1(
    db: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    import dateline.export as export

    def full(articles, fmt, path, **options):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(export, "export", full)
    code = main(["export", "jsonl", "-o", str(tmp_path / "o.jsonl"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 1
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and "No space left on device" in lines[0] and "o.jsonl" in lines[0]


def test_a_bad_output_folder_is_one_line_and_exit_1_or_2(db: Path, tmp_path: Path, capsys) -> None:
    code = main(["export", "jsonl", "-o", str(tmp_path / "no" / "such" / "dir" / "o.jsonl"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code in (1, 2) and "Traceback" not in err and "internal error" not in err
    assert "No such file or directory" in err


def test_an_article_the_store_cannot_take_is_its_own_failure(tmp_path: Path) -> None:
    st = open_store(tmp_path / "c.db")
    good, bad = make_article(0), make_article(1)
    # an offset past SQLite's 64-bit INTEGER cannot be bound: OverflowError for this article only
    bad.numbers[0].span = (10**40, 10**40 + 1)
    run = ingest([], st)  # nothing to do: the pipeline is never built
    assert run.read == 0
    from dateline.store.ingest import IngestSummary, _store

    summary = IngestSummary()
    _store(st, summary, bad)
    _store(st, summary, good)
    assert (summary.added, summary.failed) == (1, 1)
    assert "cannot store the article" in summary.failures[0]["error"]
    st.close()


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_kill_9_during_export_leaves_the_store_whole(tmp_path: Path) -> None:
    db = tmp_path / "big.db"
    st = open_store(db)
    for i in range(1500):
        st.put(make_article(i))
    st.close()
    before = _sha(db)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(TESTS.parent / "src"), str(TESTS)]))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "dateline.cli.main",
            "export",
            "jsonl",
            "-o",
            str(out_dir / "all.jsonl"),
            "--db",
            str(db),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None and not any(out_dir.iterdir()):
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert _sha(db) == before
    st = open_store(db, read_only=True)
    assert st.counts()["articles"] == 1500
    st.close()
    assert main(["export", "jsonl", "-o", str(out_dir / "all.jsonl"), "--db", str(db)]) == 0
    assert len((out_dir / "all.jsonl").read_text(encoding="utf-8").splitlines()) == 1500
