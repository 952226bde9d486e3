"""Inputs from data workflows: CSV and Parquet article tables, news-please JSON, any date form."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.dates import parse_published
from dateline.documents import Document, Failure
from dateline.errors import OptionError
from dateline.ingest import Fields, iter_documents, read_source

STORY = "The council voted on Tuesday to close the old bridge, the mayor said."


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def test_csv_table_with_chosen_fields(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "body_text", "pub", "link", "title"])
        writer.writerow(
            [
                "n1",
                STORY + "\nSecond paragraph, with a comma.",
                "Tue, 29 Mar 2016 09:30:00 GMT",
                "https://x.example/1",
                "Bridge",
            ]
        )
        writer.writerow(["n2", "", "2016-03-30", "", ""])
        writer.writerow(["n3", "Another story about the bridge.", "March 31, 2016", "", ""])
    fields = Fields(text="body_text", id="doc_id", date="pub", url="link")
    docs, fails = _split(iter_documents([str(path)], fields=fields))
    assert [d.id for d in docs] == ["n1", "n3"]
    assert docs[0].text.endswith("with a comma.") and docs[0].url == "https://x.example/1"
    assert docs[0].published == "2016-03-29" and docs[1].published == "2016-03-31"
    assert docs[0].title == "Bridge"
    (fail,) = fails
    assert (
        fail.id == "n2" and "no 'body_text' field" in fail.error and "articles.csv:4" in fail.error
    )  # its line in the file


def test_parquet_table(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "articles.parquet"
    table = pa.table(
        {"id": [7, 8], "text": [STORY, "The ferry resumed service."], "published": ["29/03/2016", None]}
    )
    pq.write_table(table, path)
    docs, fails = _split(read_source(str(path)))
    assert [(d.id, d.published) for d in docs] == [("7", "2016-03-29"), ("8", None)] and not fails


def test_a_broken_parquet_file_is_one_clear_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 not really")
    (fail,) = list(read_source(str(path)))
    assert isinstance(fail, Failure) and "not a readable Parquet file" in fail.error


def test_news_please_json_files(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    article = {
        "maintext": STORY,
        "date_publish": "2016-03-29 09:30:00",
        "title": "Bridge to close",
        "url": "https://news.example/bridge",
        "source_domain": "news.example",
        "authors": ["A. Writer"],
    }
    (folder / "bridge.json").write_text(json.dumps(article), encoding="utf-8")
    docs, fails = _split(iter_documents([str(folder)]))
    (doc,) = docs
    assert not fails
    assert (doc.text, doc.published, doc.title, doc.url, doc.source) == (
        STORY, "2016-03-29", "Bridge to close", "https://news.example/bridge", "news.example",
    )  # fmt: skip


def test_jsonl_takes_news_please_fields_too(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "maintext": STORY, "date_publish": "March 29, 2016"}) + "\n")
    (doc,) = list(read_source(str(path)))
    assert doc.text == STORY and doc.published == "2016-03-29"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tue, 29 Mar 2016 09:30:00 GMT", "2016-03-29"),
        ("March 29, 2016", "2016-03-29"),
        ("29 March 2016", "2016-03-29"),
        ("2016-03-29T09:30:00Z", "2016-03-29"),
        ("29/03/2016", "2016-03-29"),
    ],
)
def test_published_dates_in_the_forms_feeds_write(value: str, expected: str) -> None:
    assert parse_published(value).isoformat() == expected


@pytest.mark.parametrize("value", ["now", "yesterday", "last week", "May", "soon", "12"])
def test_relative_or_partial_dates_are_refused(value: str) -> None:
    with pytest.raises(OptionError, match="invalid publication date"):
        parse_published(value)


@given(st.dates(min_value=__import__("datetime").date(1900, 1, 1)))
def test_rfc_2822_and_long_forms_round_trip(day) -> None:
    import datetime as dt
    from email.utils import format_datetime

    stamp = dt.datetime(day.year, day.month, day.day, 12, 0, tzinfo=dt.UTC)
    assert parse_published(format_datetime(stamp)) == day
    assert parse_published(f"{day:%B} {day.day}, {day.year}") == day
