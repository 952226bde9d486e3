"""Every export loads back with the tool people use: csv/pandas, json, networkx, GeoJSON rules."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

import pytest

from corpus_helpers import make_article
from dateline.errors import OptionError
from dateline.export import FORMATS, export
from dateline.export.acled_csv import COLUMNS
from dateline.export.common import sentence_around
from dateline.records import article_from_dict

ARTICLES = [make_article(i) for i in range(5)]


def test_acled_csv_loads_in_csv_and_pandas(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "events.csv"
    assert export(ARTICLES, "acled-csv", path) == 5  # the ACCUSE events have no ACLED type
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(COLUMNS)
    frame = pd.read_csv(path)
    assert len(frame) == 5
    first = frame.iloc[0]
    assert first["event_type"] == "Violence against civilians" and first["sub_event_type"] == "Attack"
    assert first["event_date"] == "2016-03-01" and first["year"] == 2016 and first["time_precision"] == 1
    assert first["actor1"] == "Brigade 0" and first["assoc_actor_1"] == "allied militia"
    assert first["inter1"] == "Rebel group" and first["interaction"] == "Rebel group-Civilians"
    assert first["civilian_targeting"] == "Civilian targeting"
    assert first["country"] == "Netherlands" and first["iso"] == 528 and first["region"] == "Europe"
    assert math.isclose(first["latitude"], 51.5555) and first["geo_precision"] == 1
    assert first["fatalities"] == 4
    assert first["notes"].startswith("Brigade 0 fighters attacked Tilburg")
    assert pd.to_datetime(frame["event_date"]).notna().all()


#: The PLOVER manual's event fields and entity-object fields (spec/EVENTS.md, end), written
#: out here rather than imported, so the test checks the exporter against the manual.
PLOVER_EVENT_FIELDS = {"event", "mode", "context", "actor", "recipient", "event_loc", "comment"}
PLOVER_ENTITY_FIELDS = {
    "raw_text", "entity_name", "wikidata_id", "wikidata_description", "country_name", "sector_code",
    "other_sector_codes",
}  # fmt: skip


def test_plover_jsonl_follows_the_manuals_record(tmp_path: Path) -> None:
    path = tmp_path / "events.plover.jsonl"
    assert export(ARTICLES, "plover-jsonl", path) == 10
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    first = records[0]
    assert set(first) >= PLOVER_EVENT_FIELDS
    assert not {"src_actor", "tgt_actor", "src_agent", "quad_class"} & set(first)  # CAMEO-era names
    assert first["event"] == "ASSAULT" and first["mode"] == ["firearms"] and first["context"] is None
    actor, supporter = first["actor"]  # the supporters are members of the actor's side
    assert set(actor) >= PLOVER_ENTITY_FIELDS
    assert actor["raw_text"] == "Brigade 0" and actor["entity_name"] == "Brigade 0"
    assert actor["country_code"] == "SYR" and actor["country_name"] == "Syrian Arab Republic"
    assert actor["sector_code"] == "REB" and supporter["raw_text"] == "allied militia"
    (recipient,) = first["recipient"]
    assert recipient["raw_text"] == "Tilburg" and recipient["sector_code"] == "CVL"
    (loc,) = first["event_loc"]
    assert loc["placename"] == "Tilburg" and loc["country_code"] == "NLD" and loc["lat"] == 51.5555
    assert first["quad_category"] == "MATERIAL CONFLICT"
    assert first["dead"] == 4 and first["injured"] is None
    assert first["date"] == first["date_start"] == "2016-03-01" and first["date_precision"] == "day"
    accuse = records[1]
    assert accuse["event"] == "ACCUSE" and accuse["modality"] == "claimed"
    assert accuse["actor"] is None and accuse["recipient"] is None and accuse["mode"] is None

    def no_empty_strings(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                no_empty_strings(v)
        elif isinstance(value, list):
            for v in value:
                no_empty_strings(v)
        else:
            assert value != ""

    for record in records:
        no_empty_strings(record)


def test_plover_jsonl_writes_the_events_context(tmp_path: Path) -> None:
    article = make_article(0)
    crime = next(e for e in article.events if e.type == "ASSAULT")
    crime.context, crime.acled_type, crime.acled_subtype = "crime", None, None
    path = tmp_path / "events.plover.jsonl"
    export([article], "plover-jsonl", path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assault = next(r for r in records if r["event"] == "ASSAULT")
    assert assault["context"] == ["crime"] and assault["acled_sub_event_type"] is None
    assert all(r["context"] is None for r in records if r is not assault)


def test_geojson_is_a_valid_feature_collection(tmp_path: Path) -> None:
    path = tmp_path / "map.geojson"
    n = export(ARTICLES, "geojson", path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection" and len(data["features"]) == n == 10
    for feat in data["features"]:
        assert feat["type"] == "Feature" and isinstance(feat["properties"], dict)
        geom = feat["geometry"]
        assert geom["type"] == "Point" and len(geom["coordinates"]) == 2
        lon, lat = geom["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    tilburg = next(f for f in data["features"] if f["properties"].get("place") == "Tilburg")
    assert tilburg["geometry"]["coordinates"] == [5.0913, 51.5555]  # RFC 7946: lon, lat
    props = tilburg["properties"]
    assert props["country"] == "NLD" and props["country_name"] == "Netherlands"
    assert props["date_start"] == props["date_end"] == "2016-03-01" and props["date_precision"] == "day"
    assert {f["properties"]["kind"] for f in data["features"]} == {"event", "place"}


def test_graphml_loads_in_networkx(tmp_path: Path) -> None:
    import networkx as nx

    path = tmp_path / "actors.graphml"
    export(ARTICLES, "graphml", path)
    graph = nx.read_graphml(path, force_multigraph=True)
    assert graph.is_directed()
    assert graph.has_edge("brigade 0", "tilburg")
    (edge,) = graph.get_edge_data("brigade 0", "tilburg").values()
    assert edge["type"] == "ASSAULT" and edge["mode"] == "firearms"
    assert edge["start"] == edge["end"] == "2016-03-01" and edge["weight"] == 1
    sup = next(iter(graph.get_edge_data("allied militia @art00000", "brigade 0").values()))
    assert sup["type"] == "supports"
    assert graph.nodes["brigade 0"]["country"] == "SYR"
    assert graph.nodes["brigade 0"]["country_name"] == "Syrian Arab Republic"
    # "allied militia" is a common noun, no name: each article's is its own node
    militias = [n for n, d in graph.nodes(data=True) if d["label"] == "allied militia"]
    assert len(militias) == 5 and all(graph.out_degree(n) == 1 for n in militias)


def test_jsonl_round_trips_articles(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    export(ARTICLES, "jsonl", path)
    back = [article_from_dict(json.loads(line)) for line in path.read_text(encoding="utf-8").splitlines()]
    assert back == ARTICLES


def test_unknown_format_lists_the_valid_ones(tmp_path: Path) -> None:
    with pytest.raises(OptionError, match="acled-csv"):
        export(ARTICLES, "xlsx", tmp_path / "x")
    assert len(FORMATS) == 5


def test_sentence_around_a_span() -> None:
    text = "First one. The army shelled the town! Then it rained."
    start = text.index("shelled")
    assert sentence_around(text, start, start + 7) == "The army shelled the town!"


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2016-03-26", "day", ("2016-03-26", 2016, 1)),
        ("2015-08", "month", ("2015-08-01", 2015, 3)),
        ("2015", "year", ("2015-01-01", 2015, 3)),
        ("2016-W12", "week", ("2016-03-21", 2016, 2)),
        ("XXXX-08", "month", ("2016-03-01", 2016, 2)),  # no calendar date: the report's day
    ],
)
def test_acled_event_date_pads_partial_dates(value: str, precision: str, expected: tuple) -> None:
    from dateline.export.acled_csv import event_row
    from dateline.records import EventDate

    article = make_article(0)
    event = article.events[0]
    event.date = EventDate(value, precision)
    row = event_row(article, event)
    assert (row["event_date"], row["year"], row["time_precision"]) == expected


def test_geojson_reads_in_geopandas_with_date_fields(tmp_path: Path) -> None:
    import geopandas as gpd
    import pandas as pd

    path = tmp_path / "events.geojson"
    export(ARTICLES, "geojson", path)
    frame = gpd.read_file(path)  # GDAL's GeoJSON driver, as QGIS opens it
    events = frame[frame["kind"] == "event"]
    assert len(events) == 5 and frame.crs.to_epsg() == 4326
    assert pd.api.types.is_datetime64_any_dtype(events["date_start"])  # a Date field: QGIS's time slider
    assert events["date_start"].min() == pd.Timestamp("2016-03-01")
    assert set(events["country"]) == {"NLD", "MLI", "SYR"}
    assert events.geometry.x.between(-180, 180).all()


def test_duckdb_reads_the_acled_csv_and_plover_jsonl_with_types(tmp_path: Path) -> None:
    import duckdb

    csv_path, plover = tmp_path / "acled.csv", tmp_path / "events.plover.jsonl"
    export(ARTICLES, "acled-csv", csv_path)
    export(ARTICLES, "plover-jsonl", plover)
    con = duckdb.connect()
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET autoload_known_extensions = false")
    described = con.execute(f"DESCRIBE SELECT * FROM read_csv('{csv_path}')").fetchall()
    types = {row[0]: row[1] for row in described}
    assert types["event_date"] == "DATE" and types["year"] == "BIGINT" and types["iso"] == "BIGINT"
    assert types["fatalities"] == "BIGINT" and types["latitude"] == "DOUBLE"
    by_month = con.execute(
        f"SELECT date_trunc('month', event_date) AS m, sum(fatalities) FROM read_csv('{csv_path}') GROUP BY m"
    ).fetchall()
    assert [(str(m)[:10], n) for m, n in by_month] == [("2016-03-01", 20)]
    # nested PLOVER fields come back as lists of structs, not strings
    rows = con.execute(
        f"SELECT actor[1].entity_name, actor[1].country_code, event_loc[1].placename, mode[1] "
        f"FROM read_json('{plover}') WHERE event = 'ASSAULT' ORDER BY id"
    ).fetchall()
    assert rows[0] == ("Brigade 0", "SYR", "Tilburg", "firearms") and len(rows) == 5
