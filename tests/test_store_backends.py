"""The corpus stores (SQLite, DuckDB, Parquet): round trip, idempotence, replacement, queries."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from corpus_helpers import make_article
from dateline.errors import StoreError
from dateline.store import EventQuery, open_store
from dateline.store.migrations import MIGRATIONS

BACKENDS = ["sqlite", "duckdb", "parquet"]


def _open(kind: str, tmp: Path):
    if kind == "parquet":
        return open_store(parquet=tmp / "corpus.parquet")
    return open_store(tmp / ("corpus.db" if kind == "sqlite" else "corpus.duckdb"))


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    st = _open(request.param, tmp_path)
    yield st
    st.close()


def test_articles_round_trip_exactly(store) -> None:
    articles = [make_article(i) for i in range(4)]
    for art in articles:
        assert store.put(art) == "added"
    assert list(store.iter_articles()) == articles


def test_put_is_idempotent_and_replaces_changed_text(store) -> None:
    for i in range(3):
        store.put(make_article(i))
    before = store.counts()
    assert store.put(make_article(1)) == "unchanged"
    assert store.counts() == before
    changed = make_article(1, text_suffix=" The road was closed.")
    assert store.put(changed) == "replaced"
    assert store.counts() == before
    stored = {a.id: a for a in store.iter_articles()}
    assert stored[changed.id].text == changed.text
    assert store.all_hashes().keys() == {"art00000", "art00001", "art00002"}


def test_normalised_tables_hold_every_record(store) -> None:
    store.put(make_article(0))
    counts = store.counts()
    assert counts == {
        "articles": 1,
        "entities": 2,
        "quotes": 2,
        "times": 1,
        "places": 1,
        "events": 2,
        "event_actors": 3,
        "event_counts": 1,
        "numbers": 2,
        "flags": 1,
        "failures": 0,
    }


def test_queries(store) -> None:
    for i in range(6):
        store.put(make_article(i))
    hits = store.search("shelling Homs")
    assert {h["id"] for h in hits} == {"art00002", "art00005"}
    quotes = store.find_quotes("vos3", None)
    assert [q["speaker"] for q in quotes] == ["Lena Vos3"]
    assert {q["article_id"] for q in store.find_quotes(None, "hold line")} == {
        f"art{i:05d}" for i in range(6)
    }
    syria = store.find_events(EventQuery(type="ASSAULT", country="SYR"))
    assert {e["article_id"] for e in syria} == {f"art{i:05d}" for i in range(6)}  # the actor is Syrian
    mali = store.find_events(EventQuery(country="Mali"))
    assert {e["place"] for e in mali} == {"Mopti"}
    since = store.find_events(EventQuery(type="assault", since="2016-03-04"))
    assert {e["date"] for e in since} == {"2016-03-04", "2016-03-05", "2016-03-06"}
    row = since[0]
    assert row["actor"].startswith("Brigade") and row["target"] and row["lat"] is not None


def test_failures_are_kept_once_per_input(store) -> None:
    store.put_failure("bad.jsonl:3", None, "bad.jsonl:3", "malformed JSON")
    store.put_failure("bad.jsonl:3", None, "bad.jsonl:3", "malformed JSON")
    assert store.counts()["failures"] == 1


def test_sqlite_schema_wal_fts_views_and_migrations(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    st = open_store(path)
    assert st.migrations_run == [m.name for m in MIGRATIONS]
    st.put(make_article(0))
    st.close()
    again = open_store(path)
    assert again.migrations_run == []
    again.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    assert {"articles", "articles_fts", "quotes_fts", "events_view", "quotes_view", "_migrations"} <= names
    row = conn.execute("SELECT actor, target, place, date FROM events_view WHERE event_id = 'v1'").fetchone()
    assert row == ("Brigade 0", "Tilburg", "Tilburg", "2016-03-01")
    # Datasette finds an FTS table by this pattern in its DDL, then offers ?_search= on the table
    for table in ("articles", "quotes"):
        pattern = f"%VIRTUAL TABLE%USING FTS%content=[{table}]%"
        assert conn.execute(
            "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE ?", [pattern]
        ).fetchone()
    # the FTS index follows deletes and replacements (triggers)
    assert (
        conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Tilburg'").fetchone()[0]
        == 1
    )
    conn.close()


def test_sqlite_fts_survives_replacement(tmp_path: Path) -> None:
    st = open_store(tmp_path / "c.db")
    st.put(make_article(0))
    st.put(make_article(0, text_suffix=" Zanzibar was quiet."))
    assert [h["id"] for h in st.search("zanzibar")] == ["art00000"]
    assert len(st.search("Tilburg")) == 1
    assert st.search('"unbalanced AND (') == []  # odd input is quoted, never an FTS syntax error
    st.close()


def test_unreadable_store_is_a_store_error(tmp_path: Path) -> None:
    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(bad)


def test_parquet_parts_are_atomic_and_compact(tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "pq"
    st = open_store(parquet=folder)
    for i in range(3):
        st.put(make_article(i))
    st.close()
    # what a killed writer leaves behind: a part's files without their commit marker, a temp file
    for table in ("articles", "quotes"):
        [committed_file] = (folder / table).glob("*.parquet")
        shutil.copy(committed_file, folder / table / "ingest-00000099.parquet")
    (folder / "articles" / ".ingest-00000100.parquet.abc.tmp").write_bytes(b"half")
    st = open_store(parquet=folder)
    assert st.counts()["articles"] == 3 and st.counts()["quotes"] == 6  # uncommitted parts are ignored
    assert st.put(make_article(1)) == "unchanged"
    st.put(make_article(1, text_suffix=" Later."))
    st.flush()
    assert st.counts()["articles"] == 3
    st.compact()
    assert [p.name for p in (folder / "articles").iterdir()] == ["compact-00000003.parquet"]
    [marker] = (folder / "_commits").iterdir()
    assert json.loads(marker.read_text())["absorbed"] == ["ingest-00000001", "ingest-00000002"]
    assert st.counts()["quotes"] == 6
    assert "Later." in next(a.text for a in st.iter_articles() if a.id == "art00001")
    st.close()


def test_parquet_tables_are_nested_and_read_by_plain_duckdb(tmp_path: Path) -> None:
    import duckdb

    folder = tmp_path / "pq"
    st = open_store(parquet=folder)
    for i in range(3):
        st.put(make_article(i))
    st.put_failure("bad.jsonl:3", None, "bad.jsonl:3", "malformed JSON")
    st.close()
    conn = duckdb.connect()
    glob = str(folder / "events" / "*.parquet")
    rows = conn.execute(
        "SELECT article_id, id, actor.name, target.text, len(supporters), counts[1].value, counts[1].unit "
        "FROM read_parquet(?) ORDER BY article_id, id",
        [glob],
    ).fetchall()
    assert rows[0] == ("art00000", "v1", "Brigade 0", "Tilburg", 1, 4.0, "killed")
    assert rows[1][1:] == ("v2", None, None, 0, None, None)  # one row per event, actor or not
    ent = conn.execute(
        "SELECT roles, mentions[1].start FROM read_parquet(?) WHERE name = 'Lena Vos0'",
        [str(folder / "entities" / "*.parquet")],
    ).fetchone()
    assert ent == (["commander"], make_article(0).text.index("Lena Vos0"))
    failures = conn.execute("SELECT error FROM read_parquet(?)", [str(folder / "failures" / "*.parquet")])
    assert failures.fetchall() == [("malformed JSON",)]


def test_parquet_store_in_the_old_layout_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    old = tmp_path / "pq" / "part-000001"
    old.mkdir(parents=True)
    (old / "articles.parquet").write_bytes(b"PAR1")
    with pytest.raises(StoreError, match="old part-NNNNNN/ layout"):
        open_store(parquet=tmp_path / "pq")
