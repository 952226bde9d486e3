"""Exports of a corpus to the formats other tools read.

ACLED-style CSV (pandas, Excel), PLOVER JSONL, GeoJSON (QGIS, Leaflet), GraphML (Gephi,
networkx) and plain JSONL. Each writer takes analysed articles, so it serves a store, a
JSONL file from ``dateline analyze``, or a list built in Python alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from dateline.errors import OptionError, value_invalid_msg
from dateline.records import Article

FORMATS = ("acled-csv", "plover-jsonl", "geojson", "graphml", "jsonl")
SUFFIX = {
    "acled-csv": ".csv",
    "plover-jsonl": ".plover.jsonl",
    "geojson": ".geojson",
    "graphml": ".graphml",
    "jsonl": ".jsonl",
}

__all__ = ["FORMATS", "export"]


def export(articles: Iterable[Article], fmt: str, path: Path) -> int:
    """Write ``articles`` to ``path`` in ``fmt``; returns how many rows/features/edges it wrote."""
    if fmt not in FORMATS:
        raise OptionError(value_invalid_msg("export format", fmt, ", ".join(FORMATS)))
    if fmt == "graphml":
        from dateline.export.graphml import write_graphml

        with path.open("wb") as fh:
            return write_graphml(articles, fh)
    with path.open("w", encoding="utf-8", newline="") as out:
        if fmt == "acled-csv":
            from dateline.export.acled_csv import write_acled_csv

            return write_acled_csv(articles, out)
        if fmt == "plover-jsonl":
            from dateline.export.plover_jsonl import write_plover_jsonl

            return write_plover_jsonl(articles, out)
        if fmt == "geojson":
            from dateline.export.geojson import write_geojson

            return write_geojson(articles, out)
        from dateline.export.jsonl import write_jsonl

        return write_jsonl(articles, out)
