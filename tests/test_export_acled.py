"""The ACLED CSV is a drop-in: read as ACLED's own example scripts read their downloads."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from corpus_helpers import make_article
from dateline.export import export
from dateline.export.acled_csv import COLUMNS
from dateline.records import Article, Count, EventDate

ACLED_ORDER = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
]


def _corpus() -> list[Article]:
    arts = [make_article(i) for i in range(3)]  # Tilburg (NL), Mopti (ML), Homs (SY)
    arts[1].events[0].counts = []  # no death toll reported
    arts[1].events[0].date = EventDate("2016-03", "month")
    arts[2].events[0].counts = [Count(12, "killed", "at least 12", low=12, high=15)]
    negated = make_article(3)
    negated.events[0].modality = "negated"
    planned = make_article(4)
    planned.events[0].modality = "planned"
    undated = make_article(5)  # no event date, no publication date: no ACLED row
    undated.events[0].date, undated.published = None, None
    nowhere = make_article(6)  # no place, no actor country: no ACLED row
    nowhere.events[0].place, nowhere.events[0].actor.country = None, None
    return [*arts, negated, planned, undated, nowhere]


def test_an_event_known_only_by_its_actors_country_is_located_at_the_country(tmp_path: Path) -> None:
    import pandas as pd

    art = make_article(0)
    art.events[0].place = None  # the actor is Syrian (SYR); no place named
    path = tmp_path / "acled.csv"
    assert export([art], "acled-csv", path) == 1
    row = pd.read_csv(path).iloc[0]
    assert (row["country"], row["location"], row["geo_precision"]) == ("Syria", "Syria", 3)
    assert 32 < row["latitude"] < 38 and 35 < row["longitude"] < 43  # inside Syria


def test_columns_are_acleds_31_in_order() -> None:
    assert list(COLUMNS) == ACLED_ORDER and len(COLUMNS) == 31


def test_an_acled_style_analysis_script_runs_on_the_export(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "acled.csv"
    report: dict[str, int] = {}
    n = export(
        _corpus(), "acled-csv", path, ingested={"art00000": "2024-05-01T10:00:00+00:00"}, report=report
    )
    assert n == 3  # the negated and the planned attack are left out
    assert report == {"left_out": 2}  # and so are the undated and the countryless one

    # the way ACLED's examples load and summarise a download
    df = pd.read_csv(path, parse_dates=["event_date"])
    assert list(df.columns) == ACLED_ORDER
    for col in ("year", "iso", "fatalities", "time_precision", "geo_precision", "timestamp"):
        assert pd.api.types.is_integer_dtype(df[col]), col
    assert pd.api.types.is_datetime64_any_dtype(df["event_date"])
    assert (df["event_date"].dt.year == df["year"]).all()
    by_country = df.groupby("country")["fatalities"].sum().to_dict()
    assert by_country == {"Netherlands": 4, "Mali": 0, "Syria": 12}
    by_region = df.groupby("region").size().to_dict()
    assert by_region == {"Europe": 1, "Western Africa": 1, "Middle East": 1}
    monthly = df.groupby(pd.Grouper(key="event_date", freq="MS"))["fatalities"].sum()
    assert monthly.sum() == 16
    vac = df[df["event_type"] == "Violence against civilians"]
    assert len(vac) == 3 and (vac["disorder_type"] == "Political violence").all()
    assert set(df["iso"]) == {528, 466, 760}

    mali = df[df["country"] == "Mali"].iloc[0]
    assert mali["time_precision"] == 3 and str(mali["event_date"].date()) == "2016-03-01"
    assert mali["longitude"] < 0 and mali["geo_precision"] == 1
    nl = df[df["country"] == "Netherlands"].iloc[0]
    assert nl["time_precision"] == 1 and nl["timestamp"] == 1714557600
    assert nl["inter1"] == "Rebel group" and nl["inter2"] == "Civilians"
    assert nl["interaction"] == "Rebel group-Civilians"
    assert nl["civilian_targeting"] == "Civilian targeting"


def test_acled_dates_and_numeric_inter_codes(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "acled.csv"
    export(_corpus(), "acled-csv", path, date_format="acled", inter="numeric")
    df = pd.read_csv(path)
    assert df["event_date"].iloc[0] == "01 March 2016"
    parsed = pd.to_datetime(df["event_date"], format="%d %B %Y")
    assert parsed.notna().all()
    assert pd.api.types.is_integer_dtype(df["inter1"]) and df["inter1"].iloc[0] == 2
    assert df["interaction"].iloc[0] == 27


def test_modality_option_brings_back_what_did_not_happen(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    n = export(_corpus(), "acled-csv", path, modalities=("asserted", "claimed", "negated", "planned"))
    assert n == 5
    with path.open(encoding="utf-8", newline="") as fh:
        tags = [r["tags"] for r in csv.DictReader(fh)]
    assert "modality: negated" in tags and "modality: planned" in tags


def test_geojson_leaves_out_negated_events_by_default(tmp_path: Path) -> None:
    import json

    path = tmp_path / "m.geojson"
    export(_corpus(), "geojson", path)
    events = [f for f in json.loads(path.read_text())["features"] if f["properties"]["kind"] == "event"]
    assert len(events) == 4  # the three dated ones and the undated one; not the negated or planned
    export(_corpus(), "geojson", path, modalities=("asserted", "negated"))
    events = [f for f in json.loads(path.read_text())["features"] if f["properties"]["kind"] == "event"]
    assert {e["properties"]["modality"] for e in events} == {"asserted", "negated"}


@pytest.mark.parametrize(
    "payload", ['=HYPERLINK("http://x.example")', "+1+2", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_csv_cells_cannot_start_a_formula(tmp_path: Path, payload: str) -> None:
    art = make_article(1)  # Mopti: a negative longitude that must stay a number
    art.events[0].actor.name = payload
    art.source = payload
    path = tmp_path / "acled.csv"
    export([art], "acled-csv", path)
    with path.open(encoding="utf-8", newline="") as fh:
        row = next(csv.DictReader(fh))
    assert row["actor1"] == "'" + payload and row["source"] == "'" + payload
    assert row["longitude"].startswith("-") and float(row["longitude"]) < 0


def test_a_failed_export_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "acled.csv"
    export(_corpus(), "acled-csv", path)
    before = path.read_bytes()

    def broken():
        yield make_article(0)
        raise RuntimeError("the store went away")

    for fmt in ("acled-csv", "geojson", "graphml", "jsonl", "plover-jsonl"):
        with pytest.raises(RuntimeError):
            export(broken(), fmt, path)
        assert path.read_bytes() == before, fmt
    assert [p.name for p in tmp_path.iterdir()] == ["acled.csv"]  # no temporary file left
