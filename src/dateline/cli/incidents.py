"""``dateline incidents`` and ``dateline incident ID``: the merged view of the store.

Incidents exist in SQLite stores (``dateline ingest`` links them); other backends say so.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from dateline.cli.corpus import DbOpt, FormatOpt, LimitOpt, ViewFormat, _open, _print_rows
from dateline.cli.render import output_console
from dateline.errors import OptionError, StoreError


def incident_side(db: Path | None) -> tuple[Any, Any]:
    """(store, its IncidentStore) for an existing SQLite store; a clear error otherwise."""
    from dateline.incidents.store import incident_store

    store = _open(db, None, must_exist=True)
    side = incident_store(store)
    if side is None:
        store.close()
        raise StoreError("incidents are kept in SQLite stores only (ingest with --db FILE.db)")
    import contextlib
    import sqlite3

    # link what a killed ingest stored but did not link; a read-only store shows what is linked
    with contextlib.suppress(sqlite3.OperationalError):
        side.catch_up(store.get_article)
    return store, side


def incidents(
    since: Annotated[
        str | None, typer.Option("--since", help="Incidents on or after this date (ISO).")
    ] = None,
    until: Annotated[
        str | None, typer.Option("--until", help="Incidents on or before this date (ISO).")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Country code or name: SYR, SY, Syria.")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type or ACLED (sub-)type.")] = None,
    min_reports: Annotated[int, typer.Option("--min-reports", min=1, help="At least N reports.")] = 1,
    relink: Annotated[
        bool, typer.Option("--relink", help="Link every stored article again first (after an upgrade).")
    ] = False,
    db: DbOpt = None,
    limit: LimitOpt = 100,
    format: FormatOpt = ViewFormat.table,
) -> None:
    """Incidents in the store: one real-world event, however many reports describe it."""
    from dateline.incidents.store import IncidentQuery

    store, side = incident_side(db)
    try:
        if relink:
            side.relink_all(store.get_article)
        rows = side.find(IncidentQuery(since, until, country, type, min_reports, limit))
    finally:
        store.close()
    for row in rows:
        row["n_articles"] = len(row["articles"])
    cols = [
        "id",
        "date_start",
        "date_end",
        "type",
        "acled_subtype",
        "place",
        "country",
        "country_name",
        "n_reports",
        "n_articles",
    ]
    _print_rows(rows, format, cols, "incidents")


def incident(
    incident_id: Annotated[str, typer.Argument(help="The incident id (from dateline incidents).")],
    db: DbOpt = None,
    format: FormatOpt = ViewFormat.table,
) -> None:
    """One incident: every report side by side (source, figures, claims, spans), merged."""
    from dateline.incidents.view import incident_view

    store, side = incident_side(db)
    try:
        row = side.get(incident_id)
        if row is None:
            raise OptionError(
                f"no incident {incident_id!r} in the store (list them with: dateline incidents)"
            )
        view = incident_view(row, store.get_article)
    finally:
        store.close()
    if format is ViewFormat.json:
        sys.stdout.write(json.dumps(view, ensure_ascii=False, indent=1) + "\n")
        return
    render_incident(view)


def _claim_cell(s: dict[str, Any]) -> str:
    who = s["party"] + (f" ({s['role']})" if s.get("role") else "")
    return f"{who} {s['cue']}: {s['text'][:160]} [{s['span'][0]}:{s['span'][1]}] ({s['article_id']})"


def _country_cell(view: dict[str, Any]) -> str:
    """``SYR, Syria``: the alpha-3 code and the name (the project's convention, #16)."""
    parts = [p for p in (view.get("country"), view.get("country_name")) if p]
    return ", ".join(parts) or "?"


def render_incident(view: dict[str, Any]) -> None:
    from rich.table import Table
    from rich.text import Text

    console = output_console()
    dates = (
        view["date_start"]
        if view["date_start"] == view["date_end"]
        else f"{view['date_start']} .. {view['date_end']}"
    )
    console.print(
        Text(
            f"incident {view['id']}: {view['type']} / {view.get('acled_subtype') or '-'}, {dates}, "
            f"{view.get('place') or '?'} ({_country_cell(view)}), "
            f"{view['n_reports']} reports in {view['n_articles']} articles"
        )
    )
    reports = Table(title="reports", title_justify="left", show_lines=True)
    for col in ("source", "published", "events [span]", "figures", "claims"):
        reports.add_column(col, overflow="fold")
    for r in view["reports"]:
        events = "\n".join(
            f"{e['trigger']} ({e['type']}) [{e['span'][0]}:{e['span'][1]}]" for e in r["events"]
        )
        figures = ", ".join(f"{k} {v}" for k, v in r["figures"].items())
        claims = "\n".join(f"{s['stance']}: {s['party']} ({s['cue']})" for s in r["claims"])
        reports.add_row(
            Text(" <- ".join(r["source_chain"])),
            Text(r["published"] or ""),
            Text(events),
            Text(figures),
            Text(claims),
        )
    console.print(reports)
    if view["figures"]:
        figs = Table(title="figures (merged: lowest credible)", title_justify="left")
        for col in ("unit", "merged", "disputed", "spread", "by source"):
            figs.add_column(col, overflow="fold")
        for unit, f in view["figures"].items():
            by = ", ".join(f"{src}: {v}" for src, v in f["by_source"].items())
            figs.add_row(
                unit,
                str(f["merged"]),
                "yes" if f["disputed"] else "no",
                f"{f['spread'][0]}-{f['spread'][1]}",
                Text(by),
            )
        console.print(figs)
    ledger = Table(title="claims ledger", title_justify="left", show_lines=True)
    stances = [s for s in ("asserts", "rejects", "accuses") if view["claims"].get(s)]
    for s in stances:
        ledger.add_column(s, overflow="fold")
    if stances:
        depth = max(len(view["claims"][s]) for s in stances)
        for i in range(depth):
            cells = [
                Text(_claim_cell(view["claims"][s][i]) if i < len(view["claims"][s]) else "") for s in stances
            ]
            ledger.add_row(*cells)
        console.print(ledger)


def export_incidents(fmt: str, output: Path, db: Path | None, report: dict[str, int] | None = None) -> int:
    """``dateline export acled-csv|geojson --incidents``: one row or point per incident
    (``report["left_out"]`` counts the CSV rows left out for want of a date or a country)."""
    from dateline.export.common import atomic_output
    from dateline.export.incidents import write_incident_csv, write_incident_geojson
    from dateline.incidents.store import IncidentQuery
    from dateline.incidents.view import incident_view

    if fmt not in ("acled-csv", "geojson"):
        raise OptionError(f"--incidents goes with acled-csv or geojson, not {fmt}")
    store, side = incident_side(db)
    try:
        ids = [r["id"] for r in side.find(IncidentQuery(limit=-1))]
        views = (incident_view(side.get(i), store.get_article) for i in ids)
        # a temporary file renamed over the target at the end, as every export does
        with atomic_output(output) as out:
            if fmt == "acled-csv":
                return write_incident_csv(views, out, report)
            return write_incident_geojson(views, out)
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    app.command()(incidents)
    app.command()(incident)
