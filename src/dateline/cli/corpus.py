"""Corpus commands: ingest into a store, query it, export it, and evaluate against gold.

``register(app)`` adds them to the main ``dateline`` app. Each command parses options,
calls the library (``dateline.store``, ``dateline.export``, ``dateline.eval``) and prints;
errors are ``DatelineError`` values that the main entry point turns into exit codes.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from dateline.cli.options import DateFieldOpt, IdFieldOpt, TextFieldOpt, UrlFieldOpt
from dateline.cli.render import column_style, model_loading, output_console
from dateline.errors import StoreError
from dateline.ingest import INPUT_KINDS
from dateline.limits import MAX_QUERY_ROWS

DbOpt = Annotated[
    Path | None,
    typer.Option("--db", help="The store: a SQLite file (default dateline.db), or a .duckdb file."),
]
ParquetOpt = Annotated[
    Path | None, typer.Option("--parquet", help="Use a Parquet store in this folder instead.")
]
MAX_FAILURES_SHOWN = 20
LimitOpt = Annotated[
    int, typer.Option("--limit", "-n", min=1, max=MAX_QUERY_ROWS, help="At most this many rows.")
]


class ViewFormat(StrEnum):
    table = "table"
    json = "json"


FormatOpt = Annotated[ViewFormat, typer.Option("--format", "-f", help="table (for people) or json.")]


class ExportFormat(StrEnum):
    acled_csv = "acled-csv"
    plover_jsonl = "plover-jsonl"
    geojson = "geojson"
    graphml = "graphml"
    jsonl = "jsonl"


def _open(db: Path | None, parquet: Path | None, must_exist: bool = False) -> Any:
    from dateline.store import open_store

    path = db or Path("dateline.db")
    if must_exist and not parquet and not path.exists():
        raise StoreError(f"{path}: no such store (create one with: dateline ingest SOURCE --db {path})")
    if must_exist and parquet and not parquet.is_dir():
        raise StoreError(f"{parquet}: no such Parquet store")
    return open_store(path, parquet, read_only=must_exist)  # the query commands never write


def _print_rows(rows: list[dict[str, Any]], fmt: ViewFormat, columns: list[str], title: str) -> None:
    if fmt is ViewFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1, default=str) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{title} ({len(rows)})", title_justify="left")
    for col in columns:
        table.add_column(col, **column_style(col, [row.get(col) for row in rows]))
    for row in rows:
        table.add_row(*(Text("" if row.get(c) is None else str(row.get(c))) for c in columns))
    output_console().print(table)


class _RichProgress:
    """A rich progress bar on stderr: articles done, articles/s, words/s, ETA when known."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.task: Any = None

    def start(self, total: int | None) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total, rate="")

    def advance(self, summary: Any) -> None:
        done = summary.read
        rate = ""
        if summary.seconds:
            rate = f"{summary.analysed / summary.seconds:.1f} art/s, {summary.words / summary.seconds:,.0f} words/s"
        self.progress.update(self.task, completed=done, rate=rate)

    def stop(self) -> None:
        self.progress.stop()


def ingest(
    sources: Annotated[list[str], typer.Argument(help=f"What to read: {INPUT_KINDS}.")],
    db: DbOpt = None,
    parquet: ParquetOpt = None,
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for sources that carry none.")
    ] = None,
    model: Annotated[str | None, typer.Option("--model", help="Prefer this spaCy pipeline.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per parse batch.")] = 16,
    force: Annotated[bool, typer.Option("--force", help="Re-analyse articles already stored.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    progress: Annotated[
        bool, typer.Option("--progress/--no-progress", help="Progress bar on a terminal.")
    ] = True,
    text_field: TextFieldOpt = None,
    id_field: IdFieldOpt = None,
    date_field: DateFieldOpt = None,
    url_field: UrlFieldOpt = None,
) -> None:
    """Analyse every source into a corpus store; re-runs skip what is stored (idempotent, resumable)."""
    from dateline.dates import parse_published
    from dateline.ingest import Fields, iter_documents
    from dateline.store.ingest import estimate_total, make_pipeline
    from dateline.store.ingest import ingest as run_ingest

    published_iso = parse_published(published).isoformat() if published else None
    store = _open(db, parquet)
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    bar = _RichProgress() if progress and err.is_terminal else None
    try:
        fields = Fields(text_field, id_field, date_field, url_field)

        def load() -> Any:
            if bar is not None:  # the bar is already live on stderr: one live display at a time
                return make_pipeline(model)
            with model_loading(err):
                return make_pipeline(model)

        summary = run_ingest(
            iter_documents(sources, published=published_iso, fields=fields),
            store,
            pipeline=load,
            n_process=n_process,
            batch_size=batch_size,
            force=force,
            progress=bar,
            total=estimate_total(sources) if bar else None,
        )
        counts = store.counts()
    finally:
        store.close()
    for failure in summary.failures[:MAX_FAILURES_SHOWN]:
        err.print(f"dateline: skipped: {failure['error']}", markup=False)
    if len(summary.failures) > MAX_FAILURES_SHOWN:
        more = len(summary.failures) - MAX_FAILURES_SHOWN
        err.print(f"dateline: ... and {more} more (all are in the store's failures table)", markup=False)
    where = str(parquet) if parquet else str(db or "dateline.db")
    if as_json:
        sys.stdout.write(json.dumps({"store": where, "run": summary.to_dict(), "counts": counts}) + "\n")
    else:
        _print_summary(where, summary, counts)
    if summary.failed:  # as ``analyze`` does: the run went on, the exit code says not all went in
        raise typer.Exit(1)


def _print_summary(where: str, summary: Any, counts: dict[str, int]) -> None:
    from rich.table import Table

    console = output_console()
    rate = (
        f"{summary.analysed / summary.seconds:.1f} articles/s" if summary.seconds and summary.analysed else ""
    )
    console.print(
        f"ingest into {where}: read {summary.read}, added {summary.added}, replaced {summary.replaced}, "
        f"skipped (already stored) {summary.skipped}, unchanged {summary.unchanged}, failed {summary.failed}"
        f" in {summary.seconds:.1f} s {rate}"
    )
    table = Table(title="store", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    console.print(table)


def search(
    text: Annotated[str, typer.Argument(help="Words to find in article titles and texts.")],
    db: DbOpt = None,
    parquet: ParquetOpt = None,
    limit: LimitOpt = 20,
    format: FormatOpt = ViewFormat.table,
) -> None:
    """Full-text search over the stored articles (FTS5 in SQLite)."""
    store = _open(db, parquet, must_exist=True)
    try:
        rows = store.search(text, limit)
    finally:
        store.close()
    _print_rows(rows, format, ["id", "published", "title", "snippet"], f"articles matching {text!r}")


def quotes(
    speaker: Annotated[str | None, typer.Option("--speaker", help="Speaker name (any part).")] = None,
    about: Annotated[str | None, typer.Option("--about", help="Words in the quoted content.")] = None,
    db: DbOpt = None,
    parquet: ParquetOpt = None,
    limit: LimitOpt = 50,
    format: FormatOpt = ViewFormat.table,
) -> None:
    """Quotes in the store, by speaker and/or by what they are about."""
    store = _open(db, parquet, must_exist=True)
    try:
        rows = store.find_quotes(speaker, about, limit)
    finally:
        store.close()
    _print_rows(rows, format, ["published", "speaker", "kind", "cue", "content", "title"], "quotes")


def events(
    type: Annotated[
        str | None, typer.Option("--type", help="PLOVER type (ASSAULT) or ACLED (sub-)type.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Country code or name (place or actor): SYR, SY, Syria.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after this date (ISO).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Events on or before this date (ISO).")] = None,
    actor: Annotated[str | None, typer.Option("--actor", help="Actor name (any part).")] = None,
    db: DbOpt = None,
    parquet: ParquetOpt = None,
    limit: LimitOpt = 100,
    format: FormatOpt = ViewFormat.table,
) -> None:
    """Events in the store (from events_view: actor, target, place and date joined)."""
    from dateline.store import EventQuery

    store = _open(db, parquet, must_exist=True)
    try:
        rows = store.find_events(EventQuery(type, country, since, until, actor, limit))
    finally:
        store.close()
    cols = ["date", "type", "acled_subtype", "actor", "target", "place", "country"]
    _print_rows(rows, format, cols, "events")


class DateFormat(StrEnum):
    iso = "iso"
    acled = "acled"


class InterCodes(StrEnum):
    text = "text"
    numeric = "numeric"


def export(
    format: Annotated[
        ExportFormat, typer.Argument(help="acled-csv, plover-jsonl, geojson, graphml or jsonl.")
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="The file to write; - for stdout.")],
    db: DbOpt = None,
    parquet: ParquetOpt = None,
    from_jsonl: Annotated[
        list[Path] | None,
        typer.Option("--from", help="Read analysed articles from JSONL (dateline analyze output) instead."),
    ] = None,
    incidents: Annotated[
        bool,
        typer.Option("--incidents", help="acled-csv/geojson: one row/point per incident (SQLite store)."),
    ] = False,
    type: Annotated[
        str | None, typer.Option("--type", help="Only events of this PLOVER type or ACLED (sub-)type.")
    ] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="Only events in or by this country: SYR, SY, Syria.")
    ] = None,
    since: Annotated[str | None, typer.Option("--since", help="Only events on or after this date.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Only events on or before this date.")] = None,
    modality: Annotated[
        list[str] | None,
        typer.Option(
            "--modality",
            help="Keep events of this modality too (repeatable, or 'all'); ACLED CSV and GeoJSON "
            "keep asserted and claimed ones by default, never negated, planned or hypothetical.",
        ),
    ] = None,
    date_format: Annotated[
        DateFormat, typer.Option("--date-format", help="ACLED CSV event_date: iso (2024-03-15) or acled.")
    ] = DateFormat.iso,
    inter: Annotated[
        InterCodes, typer.Option("--inter", help="ACLED CSV actor categories: text or numeric codes.")
    ] = InterCodes.text,
) -> None:
    """Export the corpus for other tools: ACLED CSV, PLOVER JSONL, GeoJSON, GraphML, JSONL.

    The file is written under a temporary name and renamed into place when complete, so a
    failed export keeps the previous file.
    """
    from dateline.export import export as run_export
    from dateline.export.common import DEFAULT_MODALITIES
    from dateline.export.filters import filter_events
    from dateline.records import MODALITIES
    from dateline.store import EventQuery

    modalities = None
    if modality:
        bad = [m for m in modality if m not in (*MODALITIES, "all")]
        if bad:
            from dateline.errors import OptionError, value_invalid_msg

            raise OptionError(value_invalid_msg("modality", bad[0], ", ".join((*MODALITIES, "all"))))
        modalities = set(MODALITIES) if "all" in modality else DEFAULT_MODALITIES | set(modality)
    query = EventQuery(type, country, since, until)
    filtered = any((type, country, since, until))
    report: dict[str, int] = {}
    options: dict[str, Any] = {
        "date_format": date_format.value,
        "inter": inter.value,
        "modalities": modalities,
        "report": report,
    }
    if incidents:
        from dateline.cli.incidents import export_incidents

        n = export_incidents(format.value, output, db, report)
    elif from_jsonl:
        articles = _articles_from_jsonl(from_jsonl)
        n = run_export(
            filter_events(articles, query) if filtered else articles, format.value, output, **options
        )
    else:
        from dateline.incidents.store import incident_store

        store = _open(db, parquet, must_exist=True)
        try:
            side = incident_store(store)
            articles = side.attach(store.iter_articles()) if side else store.iter_articles()
            n = run_export(
                filter_events(articles, query) if filtered else articles,
                format.value,
                output,
                ingested=_ingest_times(store),
                **options,
            )
        finally:
            store.close()
    err = Console(stderr=True, highlight=False)
    err.print(f"wrote {n} records to {output} ({format.value})", markup=False)
    if report.get("left_out"):
        err.print(
            f"left out {report['left_out']} {'incidents' if incidents else 'events'} with no date or no"
            " country (every ACLED row has both)",
            markup=False,
        )


def _ingest_times(store: Any) -> dict[str, str]:
    """Article id -> when it was stored (ACLED's ``timestamp``)."""
    try:
        rows = store._rows("SELECT id, ingested_at FROM articles")
    except Exception:  # a store without the column: the export's time is used
        return {}
    return {r["id"]: r["ingested_at"] for r in rows if r["ingested_at"]}


def _articles_from_jsonl(paths: list[Path]) -> Any:
    from dateline.eval.gold import read_jsonl
    from dateline.records import article_from_dict

    for path in paths:
        for row in read_jsonl(path):
            if "text" in row and "error" not in row:
                yield article_from_dict(row)


def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files (spec/GOLD.md).")],
    pred: Annotated[
        list[Path] | None,
        typer.Option("--pred", help="Score these predictions instead of running the pipeline."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
    model: Annotated[str | None, typer.Option("--model", help="Prefer this spaCy pipeline.")] = None,
    n_process: Annotated[int, typer.Option("--n-process", min=1, help="Worker processes.")] = 1,
    save_pred: Annotated[
        Path | None, typer.Option("--save-pred", help="Also write the predictions made here (JSONL).")
    ] = None,
) -> None:
    """Score the pipeline (or --pred files) against gold: a table per layer and dataset."""
    from dateline.eval.run import evaluate, render
    from dateline.store.ingest import make_pipeline

    pipeline = None if pred else make_pipeline(model)
    results = evaluate(gold, pred, pipeline=pipeline, n_process=n_process, save_pred=save_pred)
    if as_json:
        sys.stdout.write(json.dumps([r.to_dict() for r in results], indent=1) + "\n")
        return
    render(results, output_console())


def register(app: typer.Typer) -> None:
    """Add the corpus commands to the ``dateline`` app."""
    app.command()(ingest)
    app.command()(search)
    app.command()(quotes)
    app.command()(events)
    app.command()(export)
    app.command(name="eval")(eval_command)
