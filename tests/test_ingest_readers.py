"""Readers: every source kind, and every kind of bad input, without loading the model."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.documents import Document, Failure
from dateline.errors import BinaryInput, DecodeError, EmptyInput
from dateline.ingest import iter_documents, read_source
from dateline.ingest import url as url_reader
from dateline.ingest.decode import decode_text

ARTICLE = (
    "Police arrested 12 protesters in Nairobi on Monday, a police spokesman said.\n\nThe march was peaceful."
)
HTML = f"""<!doctype html><html><head><title>Arrests in Nairobi</title>
<meta property="article:published_time" content="2024-05-07T08:00:00Z">
<link rel="canonical" href="https://news.example.org/nairobi-arrests"></head>
<body><nav>Home | World | Sport</nav><article><h1>Arrests in Nairobi</h1>
<p>{ARTICLE.split(chr(10))[0]}</p><p>The march through the city centre was peaceful, organisers said later.</p>
</article><footer>Copyright 2024</footer></body></html>"""


def _docs(items):
    return [d for d in items if isinstance(d, Document)]


def _fails(items):
    return [d for d in items if isinstance(d, Failure)]


def test_text_file_keeps_text_exactly(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = list(read_source(str(path)))
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE


def test_html_file_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.html"
    path.write_text(HTML, encoding="utf-8")
    (doc,) = list(read_source(str(path)))
    assert isinstance(doc, Document)
    assert "arrested 12 protesters" in doc.text
    assert "Copyright" not in doc.text and "Home | World" not in doc.text
    assert doc.title == "Arrests in Nairobi"
    assert doc.published == "2024-05-07"
    assert doc.url == "https://news.example.org/nairobi-arrests"
    assert "\n\n" in doc.text  # paragraphs are separated by a blank line


def test_jsonl_keeps_ids_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    rows = [
        json.dumps({"id": "a1", "text": ARTICLE, "published": "2024-05-07", "extra": 1}),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps(["a list"]),
        json.dumps({"id": "a5", "text": "Rebels shelled the town.", "published": "last week"}),
        json.dumps({"id": 6, "text": "Troops withdrew.", "url": "https://x.example/6", "source": "X"}),
    ]
    path.write_text("\n".join(rows) + "\n\n", encoding="utf-8")
    items = list(read_source(str(path)))
    docs, fails = _docs(items), _fails(items)
    assert [d.id for d in docs] == ["a1", "6"]
    assert docs[0].published == "2024-05-07"
    assert docs[1].url == "https://x.example/6" and docs[1].source == "X"
    assert len(fails) == 4
    assert any("malformed JSON" in f.error for f in fails)
    assert any("no 'text'" in f.error for f in fails)
    assert any("invalid publication date" in f.error for f in fails)


def _warc_bytes(pages: list[tuple[str, str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        rec = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def test_warc_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc_bytes(
            [
                ("https://news.example.org/a", "text/html; charset=utf-8", HTML),
                ("https://news.example.org/logo.png", "image/png", "PNG"),
                ("https://news.example.org/b", "text/html", "<html><body></body></html>"),
            ]
        )
    )
    items = list(read_source(str(path)))
    docs, fails = _docs(items), _fails(items)
    assert len(docs) == 1 and "arrested 12 protesters" in docs[0].text
    assert docs[0].url == "https://news.example.org/a"
    assert len(fails) == 1 and "no article text" in fails[0].error


def test_broken_warc_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"WARC/1.0\r\nthis is not a warc record\r\n"))
    items = list(read_source(str(path)))
    assert items and all(isinstance(i, Failure) for i in items)


def test_folder_recursive_and_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text(HTML, encoding="utf-8")
    (tmp_path / ".hidden" / "c.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    items = list(read_source(str(tmp_path)))
    assert len(_docs(items)) == 2
    assert len(_fails(items)) == 1 and "empty" in _fails(items)[0].error


def test_stdin_text_and_html() -> None:
    (doc,) = list(read_source("-", stdin=ARTICLE.encode()))
    assert doc.text == ARTICLE
    (page,) = list(read_source("-", stdin=HTML.encode()))
    assert page.title == "Arrests in Nairobi"


def test_url_through_mock_transport(monkeypatch: pytest.MonkeyPatch) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/missing":
            return httpx.Response(404)
        return httpx.Response(200, headers={"content-type": "text/html"}, text=HTML)

    monkeypatch.setattr(url_reader, "TRANSPORT", httpx.MockTransport(handler))
    (doc,) = list(read_source("https://news.example.org/nairobi-arrests"))
    assert isinstance(doc, Document) and doc.title == "Arrests in Nairobi"
    (fail,) = list(read_source("https://news.example.org/missing"))
    assert isinstance(fail, Failure) and "HTTP 404" in fail.error


def test_published_fills_only_missing_dates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.html").write_text(HTML, encoding="utf-8")
    docs = _docs(iter_documents([str(tmp_path)], published="2020-01-02"))
    assert sorted(d.published for d in docs) == ["2020-01-02", "2024-05-07"]


def test_missing_source_is_a_failure() -> None:
    (fail,) = list(read_source("/no/such/file.txt"))
    assert isinstance(fail, Failure) and "no such file" in fail.error


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInput),
        (b"   \n\n ", EmptyInput),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput),
        (b"text with a \x00 NUL byte", BinaryInput),
        (b"\xff\xfe\xfa\xfb\x81\x82 hello \xc3\x28 \xa0\xa1", DecodeError),
    ],
)
def test_decode_rejects_bad_bytes(data: bytes, error: type[Exception]) -> None:
    with pytest.raises(error):
        decode_text(data, "x")


def test_decode_accepts_bom_and_crlf() -> None:
    assert decode_text("\ufeffA line.\r\nB line.".encode(), "x") == "A line.\nB line."


@given(st.text(min_size=1).filter(lambda s: s.strip() and "\x00" not in s))
def test_decode_roundtrips_printable_utf8(text: str) -> None:
    """Any UTF-8 text without control bytes decodes to itself (newlines normalised)."""
    if sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\x0c") > 8:
        return
    data = text.encode("utf-8")
    try:
        out = decode_text(data, "x")
    except (BinaryInput, EmptyInput):
        return
    assert out == text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def test_jsonl_rejects_a_url_title_or_source_that_is_not_a_string(tmp_path: Path) -> None:
    # the place stage reads the URL: a number there is bad input, reported on its line
    path = tmp_path / "u.jsonl"
    rows = [
        json.dumps({"id": "u1", "text": "Officials in Dublin said the vote was close.", "url": 12345}),
        json.dumps({"id": "u2", "text": "Troops withdrew.", "title": ["a", "list"]}),
        json.dumps({"id": "u3", "text": "Troops withdrew.", "url": None, "source": "X"}),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_source(str(path)))
    assert [d.id for d in _docs(items)] == ["u3"]
    errors = sorted(f.error for f in _fails(items))
    assert "'url' must be a string, got int" in errors[0] and "'title' must be a string" in errors[1]
