"""``dateline serve`` over HTTP (Starlette's TestClient): every route, every bad parameter.

The store is the session's analysed samples plus an article of ours carrying markup. A
server error would raise inside the client (``raise_server_exceptions``), so each test
also proves "never a 500".
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from conftest import HOSTILE_ID
from dateline.cli.main import main
from dateline.serve.app import create_app
from dateline.serve.db import QueryTimeout, ReadOnlyDB
from dateline.serve.security import allowed_hosts, is_loopback

pytestmark = pytest.mark.model
SEED = "seed-palmyra-2016"


@pytest.fixture(scope="module")
def client(serve_store: Path) -> TestClient:
    return TestClient(create_app(serve_store, hosts=["testserver"]))


def _text_div(body: str) -> str:
    """The reader's text as a person sees it: markers removed, tags stripped, entities decoded."""
    inner = body.split('<div id="text" class="text"', 1)[1].split(">", 1)[1].split("</div>", 1)[0]
    inner = re.sub(r'<a class="mk[^>]*>[A-Z]</a>', "", inner)
    return html.unescape(re.sub(r"<[^>]+>", "", inner))


# -- every page renders ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=Palmyra",
        "/?page=1",
        f"/article/{SEED}",
        f"/article/{SEED}?rec=quote-q2",
        "/events",
        "/events?type=ASSAULT&sort=-date&per_page=10",
        "/events?q=Palmyra&modality=claimed",
        "/events?since=2016&until=2016-03&min_conf=0.5",
        "/events?actor=syrian&sort=actor",
        "/map",
        "/map?type=PROTEST",
        "/map/data.json",
        "/timeline",
        "/timeline?by=day&type=ASSAULT",
        "/incidents",
        "/triage",
        "/triage?kind=vague",
        "/triage?kind=unsourced",
        "/triage?kind=geocode",
        "/static/style.css",
        "/static/app.js",
        "/static/world-110m.geojson",
        "/vendor/leaflet/leaflet.js",
        "/vendor/markercluster/leaflet.markercluster.js",
    ],
)
def test_route_renders(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# -- bad parameters: a 4xx naming the problem ---------------------------------------------------------
@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/events?colour=red", 400, "unknown parameter 'colour'"),
        ("/events?page=999999", 400, "out of range"),
        ("/events?page=500&per_page=50", 400, "past the last row"),
        ("/events?page=40", 400, "past the last page"),
        ("/events?per_page=5000", 400, "per_page=5000 is out of range"),
        ("/events?page=two", 400, "not a whole number"),
        ("/events?since=yesterday", 400, "is not a date"),
        ("/events?since=2016-02-30", 400, "not a real date"),
        ("/events?until=2016-13", 400, "not a real date"),
        ("/events?since=2017&until=2016", 400, "is after"),
        ("/events?min_conf=2", 400, "out of range"),
        ("/events?min_conf=high", 400, "not a number"),
        ("/events?sort=title;drop", 400, "is not one of"),
        ("/events?modality=rumoured", 400, "is not one of"),
        ("/events?type=" + "A" * 300, 400, "longer than"),
        ("/map?region=x", 400, "unknown parameter"),
        ("/timeline?by=week", 400, "by='week'"),
        ("/timeline?since=2016-99", 400, "not a real date"),
        ("/triage?kind=typos", 400, "kind='typos'"),
        ("/triage?kind=vague&page=900", 400, "past the last page"),
        ("/?page=0", 400, "out of range"),
        ("/?sort=x", 400, "unknown parameter"),
        ("/incidents?page=abc", 400, "not a whole number"),
        (f"/article/{SEED}?rec=quote-q999", 400, "not a record of this article"),
        (f"/article/{SEED}?mode=raw", 400, "unknown parameter"),
        ("/article/no-such-article", 404, "no article"),
        ("/incidents/7", 404, "no incident '7' in this store"),
        ("/export/xlsx", 404, "no export format"),
        ("/export/acled-csv?since=soon", 400, "is not a date"),
        ("/nowhere", 404, "Not Found"),
    ],
)
def test_bad_parameter_is_a_clear_4xx(client: TestClient, url: str, status: int, says: str) -> None:
    r = client.get(url)
    assert r.status_code == status
    assert says in html.unescape(r.text)


def test_json_endpoint_answers_errors_in_json(client: TestClient) -> None:
    r = client.get("/map/data.json?since=2016-00")
    assert r.status_code == 400
    assert "not a real date" in r.json()["error"]


def test_host_header_outside_the_allow_list_is_refused(client: TestClient) -> None:
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "testserver:8000"}).status_code == 200


def test_allowed_hosts_and_loopback() -> None:
    assert "localhost" in allowed_hosts("127.0.0.1") and "0.0.0.0" not in allowed_hosts("0.0.0.0")
    assert "reader.lan" in allowed_hosts("0.0.0.0", ("reader.lan",))
    assert is_loopback("127.0.0.1") and is_loopback("::1") and not is_loopback("0.0.0.0")


# -- the reader --------------------------------------------------------------------------------------------
def test_reader_shows_text_exactly_and_the_quote_chain(client: TestClient, serve_store: Path) -> None:
    # q3: the seed's chain quote (the defence ministry quoted by Russian media)
    body = client.get(f"/article/{SEED}?rec=quote-q3").text
    conn = sqlite3.connect(serve_store)
    text = conn.execute("SELECT text FROM articles WHERE id = ?", [SEED]).fetchone()[0]
    speaker, reported_by = conn.execute(
        "SELECT speaker, reported_by FROM quotes WHERE article_id = ? AND id = 'q3'", [SEED]
    ).fetchone()
    assert _text_div(body) == text
    panel = body.split('id="d-quote-q3"', 1)[1].split("</section>", 1)[0]
    assert "hidden" not in panel.split(">", 1)[0]  # the requested record is open
    assert 'data-jump="r-speaker-q3"' in panel and html.escape(speaker) in panel
    for name in json.loads(reported_by):
        assert html.escape(name) in panel and 'data-jump="r-reporter-q3-0"' in panel
    assert 'id="r-speaker-q3"' in body and 'id="r-reporter-q3-0"' in body


def test_markup_in_article_text_is_shown_as_text(client: TestClient, serve_store: Path) -> None:
    body = client.get(f"/article/{HOSTILE_ID}").text
    assert "<script>document.title" not in body and "<img src" not in body
    assert "&lt;script&gt;" in body and "&lt;b&gt;Lyon&lt;/b&gt;" in body
    text = (
        sqlite3.connect(serve_store)
        .execute("SELECT text FROM articles WHERE id = ?", [HOSTILE_ID])
        .fetchone()[0]
    )
    assert _text_div(body) == text
    for page in ("/", "/events?q=Lyon"):
        assert "<b>Lyon</b>" not in client.get(page).text
    # JSON carries the title as data; the map puts it in with textContent (the browser test)
    assert "<b>Lyon</b> march" in {e["title"] for e in client.get("/map/data.json?q=Lyon").json()["events"]}


def test_every_article_round_trips_through_the_reader(client: TestClient, serve_store: Path) -> None:
    for article_id, text in sqlite3.connect(serve_store).execute("SELECT id, text FROM articles"):
        assert _text_div(client.get(f"/article/{article_id}").text) == text, article_id


# -- the events table, permalinks and exports --------------------------------------------------------------
def test_filters_live_in_the_url_and_narrow_the_rows(client: TestClient, serve_store: Path) -> None:
    conn = sqlite3.connect(serve_store)
    n_assault = conn.execute("SELECT count(*) FROM events WHERE type = 'ASSAULT'").fetchone()[0]
    body = client.get("/events?type=ASSAULT&per_page=200").text
    assert f"<strong>{n_assault}</strong> event" in body
    assert body.count("<tr data-row>") == n_assault
    assert 'href="/events?type=ASSAULT&amp;modality=' not in body  # no stale facet links
    assert '<option value="ASSAULT" selected>' in body
    assert 'href="/events"' in body  # the chip's "clear all"


def test_full_text_search_keeps_events_of_matching_articles(client: TestClient) -> None:
    body = client.get("/events?q=Palmyra&per_page=200").text
    ids = set(re.findall(r'href="/article/([^"?]+)\?rec=event-', body))
    assert ids == {SEED}


def test_export_uses_the_same_filters(client: TestClient, serve_store: Path) -> None:
    conn = sqlite3.connect(serve_store)
    n = conn.execute("SELECT count(*) FROM events WHERE type = 'ASSAULT'").fetchone()[0]
    r = client.get("/export/plover-jsonl?type=ASSAULT")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert len(lines) == n and {x["event"] for x in lines} == {"ASSAULT"}
    rows = list(csv.DictReader(io.StringIO(client.get("/export/acled-csv?country=SY").text)))
    assert rows and all(r["event_id_cnty"].startswith("SYR-") for r in rows)
    geo = client.get("/export/geojson?type=PROTEST").json()
    assert geo["features"] and {
        f["properties"]["event_type"] for f in geo["features"] if f["properties"]["kind"] == "event"
    } == {"PROTEST"}
    assert client.get("/export/graphml?type=ASSAULT").text.startswith("<?xml")


def test_map_data_has_coordinates_and_sentences(client: TestClient) -> None:
    data = client.get("/map/data.json?type=ASSAULT").json()
    assert data["events"] and all(e["type"] == "ASSAULT" for e in data["events"])
    assert all(-90 <= e["lat"] <= 90 and -180 <= e["lon"] <= 180 for e in data["events"])
    assert data["places"]
    first = data["events"][0]
    sentence = client.get(
        f"/map/sentence.json?article={first['article_id']}&event={first['event_id']}"
    ).json()
    assert first["trigger"] in sentence["sentence"]
    assert client.get(f"/map/sentence.json?article={SEED}&event=v999").status_code == 404
    assert client.get(f"/map/sentence.json?article={SEED}").status_code == 400


def test_timeline_bars_link_to_their_range(client: TestClient) -> None:
    body = client.get("/timeline?type=ASSAULT&by=month").text
    links = re.findall(r'class="bar" href="([^"]+)"', body)
    assert links and all(link.startswith("/events?type=ASSAULT&amp;since=") for link in links)
    first = html.unescape(links[0])
    month = re.search(r"since=(\d{4}-\d{2})", first).group(1)
    assert f"until={month}" in first
    assert client.get(first).status_code == 200


def test_triage_lists_link_to_their_records(client: TestClient) -> None:
    body = client.get("/triage?kind=unclosed").text
    assert f"/article/{SEED}?rec=quote-" in body
    vague = client.get("/triage?kind=vague").text
    assert "officials" in vague and "Maamoun Abdelkarim" not in vague


# -- incidents: absent, then present ----------------------------------------------------------------------
def test_incidents_page_lists_the_stores_incidents_and_their_merged_view(client: TestClient) -> None:
    listing = client.get("/incidents").text
    assert "No incidents" not in listing
    ids = re.findall(r'href="/incidents/([^"?#]+)"', listing)
    assert ids, "ingest links every event to an incident, so the sample store has some"
    details = [client.get(f"/incidents/{i}").text for i in dict.fromkeys(ids)]
    assert any("Reports side by side" in d and "/article/" in d for d in details)
    assert client.get("/incidents/no-such-incident").status_code == 404


def test_incidents_page_says_when_there_are_none(serve_store: Path, tmp_path: Path) -> None:
    copy = tmp_path / "no-incidents.db"
    shutil.copy(serve_store, copy)
    conn = sqlite3.connect(copy)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'incident%'")
    ]
    for name in names:
        conn.execute(f'DROP TABLE "{name}"')
    conn.commit()
    conn.close()
    client = TestClient(create_app(copy, hosts=["testserver"]))
    assert "No incidents in this store." in client.get("/incidents").text
    assert client.get("/incidents/i1").status_code == 404


# -- the store stays untouched --------------------------------------------------------------------------------
def test_store_is_opened_read_only(serve_store: Path) -> None:
    before = hashlib.sha256(serve_store.read_bytes()).hexdigest()
    db = ReadOnlyDB(serve_store)
    with pytest.raises(sqlite3.OperationalError):
        db.conn.execute("DELETE FROM articles")
    db.conn.execute("PRAGMA query_only = OFF")  # even then, the file itself is opened read-only
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        db.conn.execute("DELETE FROM articles")
    client = TestClient(create_app(serve_store, hosts=["testserver"]))
    for url in ("/", "/events", f"/article/{SEED}", "/export/jsonl", "/timeline", "/triage"):
        client.get(url)
    assert hashlib.sha256(serve_store.read_bytes()).hexdigest() == before


def test_long_queries_are_cut(serve_store: Path) -> None:
    db = ReadOnlyDB(serve_store, query_seconds=0.05)
    endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    with pytest.raises(QueryTimeout):
        db.rows(endless)
    assert db.scalar("SELECT count(*) FROM articles") > 0  # the connection is still usable


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    from dateline.errors import StoreError

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a dateline store"):
        create_app(other)
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.db")


# -- the command --------------------------------------------------------------------------------------------
def test_serve_command_refuses_what_it_cannot_serve(tmp_path: Path, capsys) -> None:
    assert main(["serve", "--parquet", str(tmp_path)]) == 2
    assert "SQLite stores only" in capsys.readouterr().err
    assert main(["serve", "--db", str(tmp_path / "x.duckdb")]) == 2
    assert main(["serve", "--db", str(tmp_path / "missing.db")]) == 1
    assert "no such store" in capsys.readouterr().err


# -- the shipped files ---------------------------------------------------------------------------------------
def test_world_outline_is_shipped_with_its_provenance() -> None:
    from dateline.serve.app import HERE

    world = json.loads((HERE / "static" / "world-110m.geojson").read_text(encoding="utf-8"))
    assert "Natural Earth" in world["source"]
    names = {f["properties"]["name"] for f in world["features"]}
    assert len(names) > 170 and {"Syria", "Myanmar", "Serbia", "Peru"} <= names
    for feature in world["features"]:
        for polygon in feature["geometry"]["coordinates"]:
            for ring in polygon:
                assert ring[0] == ring[-1] and all(-180 <= x <= 180 and -90 <= y <= 90 for x, y in ring)


def test_leaflet_comes_from_the_pinned_xstatic_packages() -> None:
    from xstatic.pkg import leaflet, leaflet_markercluster

    assert leaflet.VERSION == "1.9.3" and leaflet_markercluster.VERSION == "1.4.1"


def test_older_links_walk_every_article_once(client: TestClient, serve_store: Path) -> None:
    n = sqlite3.connect(serve_store).execute("SELECT count(*) FROM articles").fetchone()[0]
    first = re.search(r'href="/article/([^"]+)"', client.get("/").text).group(1)
    seen = [first]
    while True:
        body = client.get(f"/article/{seen[-1]}").text
        found = re.search(r'<a rel="next" href="/article/([^"]+)">', body)
        if not found:
            break
        assert found.group(1) not in seen
        seen.append(found.group(1))
    assert len(seen) == n
    back = re.search(r'<a rel="prev" href="/article/([^"]+)">', client.get(f"/article/{seen[1]}").text)
    assert back and back.group(1) == seen[0]


def test_an_empty_store_renders_every_page(tmp_path: Path) -> None:
    from dateline.store import open_store

    path = tmp_path / "empty.db"
    open_store(path).close()
    client = TestClient(create_app(path, hosts=["testserver"]))
    for url in ("/", "/events", "/events?type=ASSAULT&q=x", "/map", "/map/data.json", "/timeline", "/triage",
                "/incidents", "/export/acled-csv", "/export/graphml"):  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert "No events match" in client.get("/events").text
    assert "No dated events" in client.get("/timeline").text


def test_views_follow_a_store_that_changes_while_served(serve_store: Path, tmp_path: Path) -> None:
    from dateline.store import open_store

    copy = tmp_path / "growing.db"
    shutil.copy(serve_store, copy)
    client = TestClient(create_app(copy, hosts=["testserver"]))
    before = int(
        re.search(r"<strong>([\d,]+)</strong> event", client.get("/events").text).group(1).replace(",", "")
    )
    store = open_store(copy)
    seed = store.get_article(SEED)
    seed.id = "seed-copy"
    store.put(seed)
    store.close()
    after = int(
        re.search(r"<strong>([\d,]+)</strong> event", client.get("/events").text).group(1).replace(",", "")
    )
    assert after == before + len(seed.events)
    assert client.get("/article/seed-copy").status_code == 200
