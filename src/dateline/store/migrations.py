"""Named, transactional schema migrations for the SQLite store (the sqlite-utils idea).

Each migration runs once, inside its own transaction, and is recorded by name in
``_migrations``; opening an older file applies only what it lacks. Never edit a
migration that has shipped: add a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dateline.store.incident_tables import create_incident_tables, incident_countries
from dateline.store.schema import (
    ADDED_COLUMNS,
    ALL_TABLES,
    ARTICLES,
    EVENTS_VIEW,
    QUOTES,
    QUOTES_VIEW,
    TABLES,
    Table,
)


@dataclass(frozen=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


#: Tables that get an integer key so that their FTS index survives VACUUM.
_INTEGER_KEYED = {ARTICLES.name, QUOTES.name}


def _create_table(conn: sqlite3.Connection, table: Table) -> None:
    cols = [f'"{name}" {kind}' for name, kind in table.columns]
    if table.name in _INTEGER_KEYED:
        cols.insert(0, "pk INTEGER PRIMARY KEY")
    if table is ARTICLES:
        cols[cols.index('"id" TEXT')] = '"id" TEXT NOT NULL UNIQUE'
    elif "article_id" in table.column_names and table.name != "failures":
        cols.append("FOREIGN KEY (article_id) REFERENCES articles(id) ON DELETE CASCADE")
    elif table.name == "failures":
        cols[cols.index('"input_key" TEXT')] = '"input_key" TEXT PRIMARY KEY'
    conn.execute(f'CREATE TABLE "{table.name}" ({", ".join(cols)})')


def _tables(conn: sqlite3.Connection) -> None:
    for table in ALL_TABLES:
        _create_table(conn, table)


def _indexes(conn: sqlite3.Connection) -> None:
    for table in ALL_TABLES:
        if "article_id" in table.column_names:
            conn.execute(f'CREATE INDEX "ix_{table.name}_article" ON "{table.name}" (article_id)')
    conn.execute("CREATE INDEX ix_articles_published ON articles (published)")
    conn.execute("CREATE INDEX ix_events_type ON events (type)")
    conn.execute("CREATE INDEX ix_events_date ON events (date_value)")
    conn.execute("CREATE INDEX ix_quotes_speaker ON quotes (speaker)")
    conn.execute("CREATE INDEX ix_event_actors_event ON event_actors (article_id, event_id)")
    conn.execute("CREATE INDEX ix_places_name ON places (name)")


def _fts(conn: sqlite3.Connection) -> None:
    """External-content FTS5 indexes kept in step by triggers (Datasette finds them itself)."""
    specs = {"articles": ("title", "text"), "quotes": ("content", "speaker")}
    for table, cols in specs.items():
        collist = ", ".join(cols)
        new = ", ".join(f"new.{c}" for c in cols)
        old = ", ".join(f"old.{c}" for c in cols)
        conn.execute(
            f"CREATE VIRTUAL TABLE {table}_fts USING fts5({collist}, content=[{table}], content_rowid=[pk], "
            "tokenize='porter unicode61 remove_diacritics 2')"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {table}_fts(rowid, {collist}) VALUES (new.pk, {new}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {collist}) VALUES ('delete', old.pk, {old}); END"
        )
        conn.execute(
            f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {table}_fts({table}_fts, rowid, {collist}) VALUES ('delete', old.pk, {old}); "
            f"INSERT INTO {table}_fts(rowid, {collist}) VALUES (new.pk, {new}); END"
        )
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")


def _views(conn: sqlite3.Connection) -> None:
    conn.execute(EVENTS_VIEW)
    conn.execute(QUOTES_VIEW)


def add_typed_columns(conn: Any, type_names: dict[str, str] | None = None) -> None:
    """Add the typed-date and country-name columns an older file lacks, and fill them.

    Shared by SQLite (migration 005) and DuckDB (on open, with its ``type_names``): both
    speak DB-API with ``?`` placeholders.
    """
    for table, columns in ADDED_COLUMNS.items():
        have = _columns(conn, table)
        kinds = dict(TABLES[table].columns)
        for col in columns:
            if col not in have:
                kind = (type_names or {}).get(kinds[col], kinds[col])
                conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{col}" {kind}')
    backfill(conn)


def _columns(conn: Any, table: str) -> set[str]:
    cur = conn.execute(f'SELECT * FROM "{table}" LIMIT 0')
    return {d[0] for d in cur.description}


def backfill(conn: Any) -> None:
    """Compute the added columns for rows stored before they existed (NULL ones only)."""
    from dateline import country_codes
    from dateline.dates import event_dates
    from dateline.records import Article, Event, EventDate

    for table, col in (("entities", "country"), ("event_actors", "country")):
        codes = conn.execute(
            f'SELECT DISTINCT "{col}" FROM "{table}" WHERE country_name IS NULL AND "{col}" IS NOT NULL'
        ).fetchall()
        for (code,) in codes:
            conn.execute(
                f'UPDATE "{table}" SET country_name = ? WHERE "{col}" = ? AND country_name IS NULL',
                [country_codes.name(code), code],
            )
    for (code,) in conn.execute(
        "SELECT DISTINCT country FROM places WHERE country_iso3 IS NULL AND country IS NOT NULL"
    ).fetchall():
        conn.execute(
            "UPDATE places SET country_iso3 = ?, country_name = ? WHERE country = ? AND country_iso3 IS NULL",
            [country_codes.alpha3(code), country_codes.name(code), code],
        )
    rows = conn.execute(
        "SELECT e.article_id, e.id, e.date_value, e.date_precision, a.published FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.date_start IS NULL"
    ).fetchall()
    for article_id, event_id, value, precision, published in rows:
        event = Event(event_id, "", "", (0, 0), 0, date=EventDate(value, precision) if value else None)
        start, end, _ = event_dates(event, Article(article_id, "", published=published))
        if start is not None:
            conn.execute(
                "UPDATE events SET date_start = ?, date_end = ? WHERE article_id = ? AND id = ?",
                [start.isoformat(), end.isoformat() if end else None, article_id, event_id],
            )


def _typed_dates_and_countries(conn: sqlite3.Connection) -> None:
    add_typed_columns(conn)
    conn.execute("CREATE INDEX IF NOT EXISTS ix_events_date_start ON events (date_start)")
    conn.execute("DROP VIEW IF EXISTS events_view")
    conn.execute(EVENTS_VIEW)


MIGRATIONS: tuple[Migration, ...] = (
    Migration("001_tables", _tables),
    Migration("002_indexes", _indexes),
    Migration("003_fts5_articles_quotes", _fts),
    Migration("004_events_and_quotes_views", _views),
    Migration("005_typed_dates_and_countries", _typed_dates_and_countries),
    Migration("006_incidents", create_incident_tables),
    Migration("007_incident_countries", incident_countries),
)


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM _migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the missing migrations, each in its own transaction; returns their names.

    The connection must be in autocommit mode (``isolation_level=None``) so that the
    explicit ``BEGIN IMMEDIATE`` here is the only transaction.
    """
    done = set(applied(conn))
    ran: list[str] = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # another process may have applied it while we waited for the write lock
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (migration.name,)).fetchone():
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute(
                "INSERT INTO _migrations (name, applied_at) VALUES (?, datetime('now'))", (migration.name,)
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        ran.append(migration.name)
    return ran
