"""Corpus stores: SQLite (default), DuckDB and Parquet, behind one small interface.

``read_only=True`` (what ``search``, ``quotes``, ``events`` and ``export`` use) opens a
store without writing a byte: it works on read-only files and mounts, and refuses a
file or folder that is not a dateline store instead of adding tables to it.
"""

from __future__ import annotations

from pathlib import Path

from dateline.store.base import EventQuery, Store

__all__ = ["EventQuery", "Store", "open_store"]


def open_store(
    db: str | Path | None = "dateline.db", parquet: str | Path | None = None, read_only: bool = False
) -> Store:
    """Open (creating if needed, unless ``read_only``) the store a path names:
    ``.duckdb`` -> DuckDB, else SQLite; ``parquet`` -> a Parquet folder."""
    if parquet:
        from dateline.store.parquet import ParquetStore

        return ParquetStore(parquet, read_only=read_only)
    path = Path(db or "dateline.db")
    if path.suffix.lower() in (".duckdb", ".ddb"):
        from dateline.store.duckdb import DuckDBStore

        return DuckDBStore(path, read_only=read_only)
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(path, read_only=read_only)
