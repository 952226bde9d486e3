"""Corpus stores: SQLite (default), DuckDB and Parquet, behind one small interface."""

from __future__ import annotations

from pathlib import Path

from dateline.store.base import EventQuery, Store

__all__ = ["EventQuery", "Store", "open_store"]


def open_store(db: str | Path | None = "dateline.db", parquet: str | Path | None = None) -> Store:
    """Open (creating if needed) the store a path names: ``.duckdb`` -> DuckDB, else SQLite."""
    if parquet:
        from dateline.store.parquet import ParquetStore

        return ParquetStore(parquet)
    path = Path(db or "dateline.db")
    if path.suffix.lower() in (".duckdb", ".ddb"):
        from dateline.store.duckdb import DuckDBStore

        return DuckDBStore(path)
    from dateline.store.sqlite import SQLiteStore

    return SQLiteStore(path)
