"""The incidents page, read from whatever incident tables the store has.

Incidents (several reports of one happening, grouped) are built by their own capability
into their own tables; the reader must not depend on their exact shape while it grows.
So this module looks the tables up at run time: an ``incidents`` table (its key ``id`` or
``incident_id``) and every ``incident_*`` table that has an ``incident_id`` column (the
reports, figures, claims...). A report row that names an ``article_id`` (and an
``event_id``) links to the sentence in the reader. Where the incidents capability itself
is installed (``dateline.incidents.view``), its merged view of an incident (figures per
source, disputes, claims and rejections) is shown above the tables. A store without the
tables gets a clear "no incidents in this store" page, not an error.

Table and column names are only ever taken from ``sqlite_master`` / ``table_info`` of
the store itself, and quoted; every value is a bound parameter.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from dateline.serve.db import ReadOnlyDB

log = logging.getLogger("dateline.serve")
PER_PAGE = 50
MAX_REPORT_ROWS = 500
#: Column names (any table) whose truthy value marks a disputed figure or claim.
DISPUTE_WORDS = ("disput", "conflict", "contradict")


@dataclass
class IncidentTables:
    """What the store holds about incidents; ``main`` is None when it holds nothing."""

    main: str | None = None
    key: str = "id"
    columns: list[str] = field(default_factory=list)
    children: dict[str, list[str]] = field(default_factory=dict)


def discover(db: ReadOnlyDB) -> IncidentTables:
    tables = db.tables(db.conn)
    if "incidents" not in tables:
        return IncidentTables()
    columns = db.columns("incidents")
    key = "id" if "id" in columns else ("incident_id" if "incident_id" in columns else columns[0])
    children = {}
    for name in sorted(tables):
        if name.startswith("incident") and name != "incidents" and not name.endswith("_fts"):
            cols = db.columns(name)
            if "incident_id" in cols:
                children[name] = cols
    return IncidentTables("incidents", key, columns, children)


def total(db: ReadOnlyDB, found: IncidentTables) -> int:
    return int(db.scalar('SELECT count(*) FROM "incidents"') or 0) if found.main else 0


def listing(db: ReadOnlyDB, found: IncidentTables, number: int) -> list[dict[str, Any]]:
    if not found.main:
        return []
    order = next((c for c in ("date_start", "start", "date", "first_seen") if c in found.columns), found.key)
    rows = db.rows(
        f'SELECT * FROM "incidents" ORDER BY "{order}" DESC, "{found.key}" LIMIT ? OFFSET ?',
        [PER_PAGE, (number - 1) * PER_PAGE],
        limit=PER_PAGE,
    )
    for name, _cols in found.children.items():
        if rows:
            ids = [r[found.key] for r in rows]
            marks = ",".join("?" for _ in ids)
            counts = db.rows(
                f'SELECT incident_id, count(*) AS n FROM "{name}" WHERE incident_id IN ({marks}) GROUP BY incident_id',
                ids,
            )
            by_id = {c["incident_id"]: c["n"] for c in counts}
            for r in rows:
                r.setdefault("_children", {})[name] = by_id.get(r[found.key], 0)
    return rows


def detail(db: ReadOnlyDB, found: IncidentTables, incident_id: str) -> tuple[dict[str, Any] | None, dict]:
    """The incident row and, per child table, its rows with article titles joined in."""
    if not found.main:
        return None, {}
    row = db.one(f'SELECT * FROM "incidents" WHERE "{found.key}" = ?', [incident_id])
    if row is None:
        return None, {}
    reports: dict[str, list[dict[str, Any]]] = {}
    for name, cols in found.children.items():
        if "article_id" in cols:
            sql = (
                f'SELECT r.*, a.title AS _title, a.source AS _source, a.published AS _published FROM "{name}" r '
                "LEFT JOIN articles a ON a.id = r.article_id WHERE r.incident_id = ?"
            )
        else:
            sql = f'SELECT r.* FROM "{name}" r WHERE r.incident_id = ?'
        reports[name] = db.rows(sql, [incident_id], limit=MAX_REPORT_ROWS)
    return row, reports


def merged(
    found: IncidentTables, row: dict[str, Any], reports: dict, get_article: Any
) -> dict[str, Any] | None:
    """The incidents capability's merged view (reports side by side, figures per source,
    disputes, the claims ledger), when that capability is installed; else None and the
    page shows the tables as they are.
    """
    try:
        from dateline.incidents.view import incident_view
    except ImportError:
        return None
    members = [
        (r["article_id"], r["event_id"])
        for rows in reports.values()
        for r in rows
        if r.get("article_id") is not None and r.get("event_id") is not None
    ]
    if not members:
        return None
    try:
        return incident_view({**row, "members": members}, get_article)
    except (KeyError, TypeError, ValueError, AttributeError):
        log.exception("the incidents view failed on %s; showing its tables instead", row.get(found.key))
        return None


def disputed(row: dict[str, Any]) -> bool:
    return any(any(w in k.lower() for w in DISPUTE_WORDS) and bool(v) for k, v in row.items())
