"""The incident tables of the SQLite store (created by migration ``006_incidents``).

``incident_reports``: one row per stored event, the linking features (``report`` JSON)
and the incident it belongs to; ``incident_links``: the scored pairs at or above the
link threshold (the graph whose connected components are the incidents; each pair once,
smaller key first); ``incidents``: one summary row per incident for listing and
filtering (type, dates, most precise place, how many reports and articles).
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
