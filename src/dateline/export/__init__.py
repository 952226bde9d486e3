"""Exports of a corpus to the formats other tools read.

ACLED-style CSV (pandas, Excel), PLOVER JSONL, GeoJSON (QGIS, Leaflet), GraphML (Gephi,
networkx) and plain JSONL. Each writer takes analysed articles, so it serves a store, a
JSONL file from ``dateline analyze``, or a list built in Python alike.

Every export is written to a temporary file beside the target and renamed into place
when complete: a failed export leaves the previous file as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from dateline.errors import OptionError, value_invalid_msg
from dateline.export.common import atomic_output
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


def export(
    articles: Iterable[Article],
    fmt: str,
    path: Path | str,
    *,
    date_format: str = "iso",
    inter: str = "text",
    modalities: Iterable[str] | None = None,
    ingested: Mapping[str, str] | None = None,
    report: dict[str, int] | None = None,
) -> int:
    """Write ``articles`` to ``path`` (``-``: stdout) in ``fmt``; returns how many rows,
    features, lines or edges it wrote.

    ``modalities`` (ACLED CSV and GeoJSON) keeps events of these modalities (default:
    asserted and claimed); ``date_format`` and ``inter`` are the ACLED CSV's options;
    ``ingested`` maps article ids to their ingest time (ACLED's ``timestamp``);
    ``report`` receives counts of what was left out (``left_out``: ACLED events without
    a date or a country).
    """
    if fmt not in FORMATS:
        raise OptionError(value_invalid_msg("export format", fmt, ", ".join(FORMATS)))
    if fmt == "graphml":
        from dateline.export.graphml import write_graphml

        with atomic_output(path, binary=True) as fh:
            return write_graphml(articles, fh)
    with atomic_output(path) as out:
        if fmt == "acled-csv":
            from dateline.export.acled_csv import write_acled_csv

            return write_acled_csv(
                articles,
                out,
                date_format=date_format,
                inter=inter,
                modalities=modalities,
                ingested=ingested,
                report=report,
            )
        if fmt == "plover-jsonl":
            from dateline.export.plover_jsonl import write_plover_jsonl

            return write_plover_jsonl(articles, out)
        if fmt == "geojson":
            from dateline.export.geojson import write_geojson

            return write_geojson(articles, out, modalities=modalities)
        from dateline.export.jsonl import write_jsonl

        return write_jsonl(articles, out)
