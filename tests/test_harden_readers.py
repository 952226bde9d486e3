"""Readers against hostile input (issue #13): limits, truncation, encodings, links, surrogates.

No model and no network: URLs go through httpx's mock transport. ``HOSTILE`` counts the
bad inputs tried here, for the hardening report.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import time
from pathlib import Path

import httpx
import pytest

from dateline import ingest as readers
from dateline.documents import Document, Failure
from dateline.errors import DecodeError
from dateline.ingest import read_source
from dateline.ingest import url as url_reader
from dateline.ingest.decode import decode_bytes
from dateline.ingest.jsonl import iter_jsonl_bytes
from dateline.ingest.warc import read_warc

TEXT = "Police arrested 12 protesters in Nairobi on Monday, a spokesman said."
HTML = f"<html><head><title>Arrests</title></head><body><article><p>{TEXT}</p></article></body></html>"

HOSTILE = {
    "jsonl lone surrogates (text, url, id, title, source)": 5,
    "jsonl U+2028/U+0085/U+001C inside a string": 3,
    "jsonl invalid UTF-8 line": 1,
    "jsonl over-long line": 1,
    "UTF-16/32 with BOM": 3,
    "random bytes behind a UTF-16 BOM": 1,
    "legacy cp1251 text": 1,
    "UTF-8 with one broken byte": 1,
    "uppercase URL schemes": 2,
    "URL: announced and streamed over the byte cap": 2,
    "URL: gzip bomb": 1,
    "URL: drip past the deadline": 1,
    "WARC: record over the cap": 1,
    "WARC: truncated plain and gzip": 3,
    "folder: links out, to a parent, dangling, looping, twice inside": 5,
    "stdin over the cap": 1,
}


def _split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Failure)]


def _jsonl(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("field", ["text", "url", "id", "title", "source"])
def test_jsonl_lone_surrogate_fails_that_line_only(field: str) -> None:
    row = {"id": "bad", "text": TEXT, "url": "https://x.example/a", "title": "T", "source": "S"}
    row[field] = row[field] + "\ud800"
    lines = [json.dumps({"id": "a", "text": TEXT}), json.dumps(row), json.dumps({"id": "c", "text": TEXT})]
    docs, fails = _split(iter_jsonl_bytes(io.BytesIO(_jsonl(lines)), "c.jsonl"))
    assert [d.id for d in docs] == ["a", "c"]
    (fail,) = fails
    assert "c.jsonl:2" in fail.error and "lone surrogate" in fail.error and field in fail.error
    fail.error.encode("utf-8")  # the failure itself is storable


@pytest.mark.parametrize("sep", ["\u2028", "\x85", "\x1c"])
def test_jsonl_splits_lines_only_at_newline(sep: str) -> None:
    text = f"First part.{sep}Second part."
    data = (json.dumps({"id": "a", "text": text}, ensure_ascii=False) + "\n").encode()
    (doc,) = list(iter_jsonl_bytes(io.BytesIO(data), "c.jsonl"))
    assert isinstance(doc, Document) and doc.text == text


def test_jsonl_bad_utf8_and_overlong_lines_cost_themselves(tmp_path: Path) -> None:
    good = json.dumps({"id": "g", "text": TEXT}).encode()
    data = (
        good
        + b"\n"
        + b'{"id": "u", "text": "caf\xe9"}\n'
        + b'{"id": "long", "text": "'
        + b"x" * 5000
        + b'"}\n'
        + good
    )
    items = list(iter_jsonl_bytes(io.BytesIO(data), "c.jsonl", max_line=1000))
    docs, fails = _split(items)
    assert [d.id for d in docs] == ["g", "g"]
    assert "c.jsonl:2" in fails[0].error and "not valid UTF-8" in fails[0].error
    assert "c.jsonl:3" in fails[1].error and "over 1,000 bytes" in fails[1].error


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom_are_text(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("\ufeff" + TEXT + "\r\nNext line.").encode(encoding))
    (doc,) = list(read_source(str(path)))
    assert isinstance(doc, Document), doc
    assert doc.text == TEXT + "\nNext line." and doc.encoding is None


def test_random_bytes_behind_a_bom_are_not_text() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(b"\xff\xfe\xfa\xfb\x81\x82 hello \xc3\x28 \xa0\xa1", "x")


def test_legacy_encoding_is_named_and_flagged(tmp_path: Path) -> None:
    text = "Полиция задержала двенадцать демонстрантов в центре города в понедельник. " * 3
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    (doc,) = list(read_source(str(path)))
    assert isinstance(doc, Document) and doc.text == text
    assert doc.encoding and "1251" in doc.encoding


def test_utf8_with_one_broken_byte_is_refused_not_garbled() -> None:
    data = ("Café owners in Zürich said — again — that prices rose. " * 4).encode() + b"\xe9 end."
    with pytest.raises(DecodeError, match=r"otherwise UTF-8.*|offset \d+"):
        decode_bytes(data, "x.txt")


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch):
    """Route URL fetches to a handler the test sets."""
    routes: dict[str, httpx.Response] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        return routes[request.url.path]

    monkeypatch.setattr(url_reader, "TRANSPORT", httpx.MockTransport(handler))
    return routes


@pytest.mark.parametrize("url", ["HTTPS://news.example.org/a", "Http://news.example.org/a"])
def test_uppercase_schemes_are_urls(served, url: str) -> None:
    served["/a"] = httpx.Response(200, headers={"content-type": "text/html"}, text=HTML)
    (doc,) = list(read_source(url))
    assert isinstance(doc, Document) and TEXT in doc.text


class _Drip(httpx.SyncByteStream):
    def __init__(self, chunks: int, size: int, pause: float) -> None:
        self.chunks, self.size, self.pause = chunks, size, pause

    def __iter__(self):
        for _ in range(self.chunks):
            time.sleep(self.pause)
            yield b"a" * self.size


def test_url_size_caps_and_deadline(served, monkeypatch: pytest.MonkeyPatch) -> None:
    served["/announced"] = httpx.Response(
        200, headers={"content-length": str(10**12)}, stream=_Drip(1, 10, 0)
    )
    served["/streamed"] = httpx.Response(200, stream=_Drip(100, 1000, 0))
    bomb = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    served["/bomb"] = httpx.Response(200, headers={"content-encoding": "gzip"}, content=bomb)
    served["/drip"] = httpx.Response(200, stream=_Drip(1000, 1, 0.01))

    def fail(path: str, **limits) -> str:
        with pytest.raises(Exception) as info:
            url_reader.fetch(f"https://news.example.org{path}", **limits)
        return str(info.value)

    assert "over the limit" in fail("/announced", max_bytes=50_000)
    assert "over the limit of 50,000 bytes" in fail("/streamed", max_bytes=50_000)
    assert "decompressed body over the limit" in fail("/bomb", max_decompressed=100_000)
    t0 = time.monotonic()
    assert "deadline of 0.3 s" in fail("/drip", deadline=0.3)
    assert time.monotonic() - t0 < 3
    (item,) = list(read_source("https://news.example.org/announced"))  # through the reader: a Failure
    assert isinstance(item, Failure)


def _warc(pages: list[tuple[str, str]], gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for uri, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        payload = io.BytesIO(body.encode("utf-8"))
        writer.write_record(writer.create_warc_record(uri, "response", payload=payload, http_headers=headers))
    return buf.getvalue()


def test_warc_record_over_the_cap_fails_alone(tmp_path: Path) -> None:
    big = HTML.replace(TEXT, TEXT + (" filler" * 2000))
    path = tmp_path / "c.warc.gz"
    path.write_bytes(
        _warc(
            [("https://a.example/1", HTML), ("https://a.example/2", big), ("https://a.example/3", HTML)], True
        )
    )
    docs, fails = _split(read_warc(path, max_record=5_000))
    assert len(docs) == 2
    (fail,) = fails
    assert "a.example/2" in fail.error and "over the limit of 5,000" in fail.error


@pytest.mark.parametrize(("gz", "cut"), [(False, 100), (True, 100), (True, 1)])
def test_truncated_warc_is_flagged_not_a_success(tmp_path: Path, gz: bool, cut: int) -> None:
    data = _warc([(f"https://a.example/{i}", HTML + " " * 400 * i) for i in range(3)], gz)
    path = tmp_path / ("c.warc.gz" if gz else "c.warc")
    path.write_bytes(data[:-cut])
    docs, fails = _split(read_source(str(path)))
    assert len(docs) == (3 if cut == 1 else 2)  # a cut gzip trailer leaves the last page whole
    assert fails and all("truncated" in f.error for f in fails)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_folder_links_never_lead_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Outside text that must not be read.", encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "out.txt").symlink_to(outside / "secret.txt")
    (folder / "outdir").symlink_to(outside, target_is_directory=True)
    (folder / "sub" / "up").symlink_to(folder, target_is_directory=True)  # a loop
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    (folder / "sub" / "again.txt").symlink_to(folder / "a.txt")  # inside: read once
    files = list(readers.folder_files(folder))
    assert [p.name for p in files] == ["a.txt"]
    docs, fails = _split(read_source(str(folder)))
    assert [d.text for d in docs] == [TEXT] and not fails


def test_stdin_over_the_cap_is_a_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)

    class Stdin:
        buffer = io.BytesIO(b"word " * 100)

    monkeypatch.setattr(readers.sys, "stdin", Stdin)
    (fail,) = list(read_source("-"))
    assert isinstance(fail, Failure) and "over 100 bytes" in fail.error
