"""``dateline serve``: the web reader over a SQLite store (needs the ``serve`` extra)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dateline.errors import OptionError, StoreError


def serve(
    db: Annotated[Path, typer.Option("--db", help="The SQLite store to read (opened read-only).")] = Path(
        "dateline.db"
    ),
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; anything but 127.0.0.1 warns.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", help="Another Host header name to answer (e.g. this machine's name)."),
    ] = None,
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Not supported: serve reads SQLite stores only.")
    ] = None,
) -> None:
    """Browse a store in a web browser: reader, events, map, timeline, incidents, triage."""
    if parquet is not None or db.suffix.lower() in (".duckdb", ".ddb"):
        raise OptionError(
            "dateline serve reads SQLite stores only (it opens them read-only with FTS5); "
            "Parquet and DuckDB stores are not served: ingest into a SQLite store with --db FILE.db"
        )
    if not db.is_file():
        raise StoreError(f"{db}: no such store (create one with: dateline ingest SOURCE --db {db})")
    from dateline.serve import serve as run

    Console(stderr=True, highlight=False).print(f"dateline serve: {db} (read-only) on http://{host}:{port}/")
    run(db, host=host, port=port, allow_hosts=tuple(allow_host or ()))


def register(app: typer.Typer) -> None:
    app.command()(serve)
