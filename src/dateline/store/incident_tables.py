"""The incident tables of the SQLite store (created by migration ``006_incidents``).

``incident_reports``: one row per stored event, the linking features (``report`` JSON)
and the incident it belongs to; ``incident_links``: the scored pairs at or above the
link threshold (the graph whose connected components are the incidents; each pair once,
smaller key first); ``incidents``: one summary row per incident for listing and
filtering (type, dates, most precise place, how many reports and articles).

Migration ``007_incident_countries`` gives ``incidents`` the project's country columns
(#16): ``country`` as ISO alpha-3 and ``country_name``, as in ``events_view`` and the
exports. ``incident_reports.country`` stays the place's alpha-2: it is the blocking key
the linker compares with the reports' own, not something shown.
"""

from __future__ import annotations

import sqlite3

DDL = (
    """CREATE TABLE incident_reports (
        article_id TEXT NOT NULL, event_id TEXT NOT NULL, incident_id TEXT,
        family TEXT, day INTEGER, country TEXT, admin1 TEXT, report TEXT NOT NULL,
        PRIMARY KEY (article_id, event_id))""",
    "CREATE INDEX ix_incident_reports_block ON incident_reports (family, country, day)",
    "CREATE INDEX ix_incident_reports_incident ON incident_reports (incident_id)",
    """CREATE TABLE incident_links (
        a_article TEXT NOT NULL, a_event TEXT NOT NULL, b_article TEXT NOT NULL, b_event TEXT NOT NULL,
        score REAL NOT NULL, PRIMARY KEY (a_article, a_event, b_article, b_event))""",
    "CREATE INDEX ix_incident_links_b ON incident_links (b_article, b_event)",
    """CREATE TABLE incidents (
        id TEXT PRIMARY KEY, type TEXT, acled_type TEXT, acled_subtype TEXT,
        date_start TEXT, date_end TEXT, country TEXT, admin1 TEXT, place TEXT,
        geonames_id INTEGER, lat REAL, lon REAL, n_reports INTEGER, n_articles INTEGER)""",
    "CREATE INDEX ix_incidents_date ON incidents (date_start)",
)


def create_incident_tables(conn: sqlite3.Connection) -> None:
    for statement in DDL:
        conn.execute(statement)


def incident_countries(conn: sqlite3.Connection) -> None:
    """``incidents.country`` as alpha-3 with ``country_name`` (rows stored before are converted)."""
    from dateline import country_codes

    conn.execute("ALTER TABLE incidents ADD COLUMN country_name TEXT")
    for (code,) in conn.execute(
        "SELECT DISTINCT country FROM incidents WHERE country IS NOT NULL"
    ).fetchall():
        conn.execute(
            "UPDATE incidents SET country = ?, country_name = ? WHERE country = ?",
            [country_codes.alpha3(code) or code, country_codes.name(code), code],
        )
