"""Typed dates and one country convention in the store views, in all three backends."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from corpus_helpers import make_article
from dateline.records import EventDate
from dateline.store import open_store
from dateline.store.schema import ADDED_COLUMNS


def _articles():
    arts = [make_article(i) for i in range(3)]
    arts[1].events[0].date = EventDate("2016-02", "month")
    arts[2].events[0].date = None  # undated: the publication day, precision "published"
    return arts


def _fill(store) -> None:
    for art in _articles():
        store.put(art)


def _view(store) -> dict[str, dict]:
    rows = store._rows("SELECT * FROM events_view WHERE event_id = 'v1' ORDER BY article_id")
    return {r["article_id"]: r for r in rows}


@pytest.mark.parametrize("kind", ["sqlite", "duckdb", "parquet"])
def test_events_view_has_typed_dates_and_alpha3_countries(tmp_path: Path, kind: str) -> None:
    store = (
        open_store(parquet=tmp_path / "p")
        if kind == "parquet"
        else open_store(tmp_path / ("c.db" if kind == "sqlite" else "c.duckdb"))
    )
    try:
        _fill(store)
        rows = _view(store)
    finally:
        store.close()
    day = rows["art00000"]
    assert str(day["date_start"]) == str(day["date_end"]) == "2016-03-01"
    assert day["date_precision"] == "day" and day["date"] == "2016-03-01"
    month = rows["art00001"]
    assert (str(month["date_start"]), str(month["date_end"])) == ("2016-02-01", "2016-02-29")
    assert month["date_precision"] == "month" and month["date"] == "2016-02"
    undated = rows["art00002"]
    assert str(undated["date_start"]) == "2016-03-03" and undated["date_precision"] == "published"
    assert (day["country"], day["country_name"], day["place_country"]) == ("NLD", "Netherlands", "NLD")
    assert day["actor_country"] == "SYR"
    if kind != "sqlite":  # DuckDB and Parquet: real DATE values
        assert isinstance(day["date_start"], dt.date)


def test_duckdb_date_trunc_and_parquet_date32(tmp_path: Path) -> None:
    import duckdb
    import pyarrow.parquet as pq

    store = open_store(tmp_path / "c.duckdb")
    _fill(store)
    store.close()
    con = duckdb.connect(str(tmp_path / "c.duckdb"))
    months = con.execute(
        "SELECT date_trunc('month', date_start) AS m, count(*) FROM events_view "
        "WHERE date_start IS NOT NULL GROUP BY m ORDER BY m"
    ).fetchall()
    con.close()
    assert [(m.isoformat()[:7], n) for m, n in months] == [("2016-02", 1), ("2016-03", 5)]

    pstore = open_store(parquet=tmp_path / "p")
    _fill(pstore)
    pstore.close()
    (part,) = sorted((tmp_path / "p" / "events").glob("*.parquet"))
    schema = pq.read_schema(part)
    assert str(schema.field("date_start").type) == "date32[day]"


def test_sqlite_dates_work_with_sql_date_functions(tmp_path: Path) -> None:
    store = open_store(tmp_path / "c.db")
    _fill(store)
    store.close()
    conn = sqlite3.connect(tmp_path / "c.db")
    rows = conn.execute(
        "SELECT strftime('%Y-%m', date_start), julianday(date_end) - julianday(date_start) "
        "FROM events_view WHERE event_id = 'v1' ORDER BY article_id"
    ).fetchall()
    assert rows == [("2016-03", 0.0), ("2016-02", 28.0), ("2016-03", 0.0)]


def test_an_older_sqlite_file_gains_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store = open_store(path)
    _fill(store)
    store.close()
    conn = sqlite3.connect(path)  # make it look like a file from before migration 005
    conn.execute("DROP VIEW events_view")
    conn.execute("DROP INDEX ix_events_date_start")
    for table, cols in ADDED_COLUMNS.items():
        for col in cols:
            conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{col}"')
    conn.execute("DELETE FROM _migrations WHERE name LIKE '005%'")
    conn.commit()
    conn.close()
    store = open_store(path)
    try:
        assert store.migrations_run == ["005_typed_dates_and_countries"]
        rows = _view(store)
    finally:
        store.close()
    assert rows["art00001"]["date_end"] == "2016-02-29" and rows["art00000"]["country"] == "NLD"


def test_an_older_duckdb_file_gains_the_columns(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    store = open_store(path)
    _fill(store)
    store.close()
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW events_view")
    for table, cols in ADDED_COLUMNS.items():
        for col in cols:
            con.execute(f'ALTER TABLE "{table}" DROP COLUMN "{col}"')
    con.close()
    store = open_store(path)
    try:
        rows = _view(store)
    finally:
        store.close()
    assert str(rows["art00001"]["date_end"]) == "2016-02-29" and rows["art00002"]["country"] == "SYR"
