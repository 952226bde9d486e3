"""The pandas and notebook API: to_pandas, read_store, Article._repr_html_, pipe() with dicts."""

from __future__ import annotations

from pathlib import Path

import pytest

import dateline
from corpus_helpers import make_article, tiny_pipeline
from dateline.errors import OptionError, StoreError
from dateline.records import Article, EventDate
from dateline.store import open_store

ARTICLES = [make_article(i) for i in range(3)]


def test_events_frame_joins_actor_target_place_and_dates() -> None:
    import pandas as pd

    ARTICLES[1].events[0].date = EventDate("2016-02", "month")
    try:
        frame = dateline.to_pandas(ARTICLES, layer="events")
    finally:
        ARTICLES[1].events[0].date = EventDate("2016-03-02", "day")
    assert len(frame) == 6  # two events an article
    first = frame.iloc[0]
    assert (first["actor"], first["actor_country"], first["target"], first["place"]) == (
        "Brigade 0", "SYR", "Tilburg", "Tilburg",
    )  # fmt: skip
    assert first["country"] == "NLD" and first["country_name"] == "Netherlands"
    assert first["fatalities"] == 4 and first["supporters"] == ["allied militia"]
    assert pd.api.types.is_datetime64_any_dtype(frame["date_start"])
    month = frame[(frame.article_id == "art00001") & (frame.event_id == "v1")].iloc[0]
    assert (month["date_start"], month["date_end"]) == (
        pd.Timestamp("2016-02-01"),
        pd.Timestamp("2016-02-29"),
    )
    by_month = frame.groupby(frame["date_start"].dt.to_period("M")).size()
    assert by_month.to_dict() == {pd.Period("2016-02"): 1, pd.Period("2016-03"): 5}


@pytest.mark.parametrize("layer", ["quotes", "places", "times", "entities", "articles"])
def test_every_layer_is_one_row_per_record(layer: str) -> None:
    frame = dateline.to_pandas(ARTICLES, layer=layer)
    expected = {"quotes": 6, "places": 3, "times": 3, "entities": 6, "articles": 3}[layer]
    assert len(frame) == expected
    if layer == "places":
        assert list(frame["country"]) == ["NLD", "MLI", "SYR"] and frame["lat"].dtype == "float64"
    if layer == "quotes":
        assert set(frame["speaker"]) >= {"Lena Vos0", "Residents"}


def test_read_store_and_to_pandas_from_a_store_or_its_path(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    store = open_store(db)
    for art in ARTICLES:
        store.put(art)
    store.close()
    opened = dateline.read_store(db)
    try:
        from_store = dateline.to_pandas(opened, layer="events")
    finally:
        opened.close()
    from_path = dateline.to_pandas(str(db), layer="events")
    assert from_store.equals(from_path) and len(from_path) == 6
    with pytest.raises(StoreError, match="no such store"):
        dateline.read_store(tmp_path / "missing.db")
    assert not (tmp_path / "missing.db").exists()
    with pytest.raises(OptionError, match="events"):
        dateline.to_pandas(ARTICLES, layer="nope")


def test_article_html_escapes_text_and_marks_records() -> None:
    art = make_article(0, text_suffix=" <script>alert(1)</script> & more.")
    page = art._repr_html_()
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more." in page
    assert 'class="dl-place"' in page and 'title="place: Tilburg, 01, NL"' in page
    assert 'class="dl-event"' in page and 'title="ASSAULT/firearms"' in page
    assert 'class="dl-quote" title="quote: Lena Vos0"' in page
    assert 'class="dl-time" title="DATE 2016-03-01"' in page


def test_pipe_accepts_dicts_like_dataframe_records() -> None:
    pipeline = tiny_pipeline()
    rows = [
        {"id": "r1", "text": 'Police said "stay home" twice.', "published": "March 29, 2016"},
        {"id": "r2", "maintext": "Troops left 3 towns.", "date_publish": "2016-03-30 08:00:00"},
        {"id": "r3", "title": "no text here"},
    ]
    out = list(pipeline.pipe(rows))
    assert [o.id for o in out] == ["r1", "r2", "r3"]
    assert isinstance(out[0], Article) and out[0].published == "2016-03-29" and len(out[0].quotes) == 1
    assert isinstance(out[1], Article) and out[1].published == "2016-03-30"
    assert isinstance(out[2], dateline.Failure) and "no 'text' field" in out[2].error
