"""Property tests over readers, the API and the CLI (issue #13): random text, bytes,
surrogates and sizes never crash anything, and nothing is lost without a word:
every input comes out as an article or as a failure (input count == stored + failed).

The pipeline is the tiny one (blank tokenizer, one cheap stage), so hundreds of
examples run in seconds; ``EXAMPLES`` is the number of generated inputs per test,
counted in the hardening report.
"""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from corpus_helpers import tiny_pipeline
from dateline.cli.main import main
from dateline.documents import Document, Failure
from dateline.ingest import read_source
from dateline.ingest.jsonl import iter_jsonl_bytes
from dateline.records import Article
from dateline.store import open_store
from dateline.store.ingest import ingest

EXAMPLES = {"bytes": 150, "jsonl": 150, "pipe": 100, "ingest": 60, "cli": 40, "url": 80, "warc": 80}

# every code point, lone surrogates included (hypothesis leaves them out by default)
ANY_CHAR = st.characters(codec=None, exclude_categories=())
TEXTS = st.one_of(
    st.text(ANY_CHAR, max_size=300),
    st.text(st.sampled_from(' "\u201c\u201d\n.,;:!?aZ9\t\u2028\ud800'), max_size=400),
    st.builds(lambda w, n: (w + " ") * n, st.text(ANY_CHAR, min_size=1, max_size=8), st.integers(0, 300)),
)
FIELD = st.one_of(
    st.none(), st.text(ANY_CHAR, max_size=20), st.integers(), st.lists(st.integers(), max_size=2)
)
PIPE = tiny_pipeline()
PIPE.chunk_chars = 500  # small chunks, so long random texts go through the chunked parse too


def _surrogatepass(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _storable(doc: Document) -> None:
    for value in (doc.text, doc.id, doc.url, doc.title, doc.source, doc.published):
        if value is not None:
            assert isinstance(value, str)
            value.encode("utf-8")  # no lone surrogate gets past a reader


@settings(max_examples=EXAMPLES["bytes"], deadline=None)
@given(data=st.binary(max_size=3000) | TEXTS.map(_surrogatepass))
def test_any_bytes_read_as_documents_or_failures(data: bytes) -> None:
    items = list(read_source("-", stdin=data))
    assert items
    for item in items:
        assert isinstance(item, Document | Failure)
        if isinstance(item, Document):
            _storable(item)
        else:
            item.error.encode("utf-8")


ROW = st.fixed_dictionaries(
    {"text": st.one_of(TEXTS, FIELD)},
    optional={"id": FIELD, "url": FIELD, "title": FIELD, "source": FIELD, "published": FIELD},
)


@settings(max_examples=EXAMPLES["jsonl"], deadline=None)
@given(rows=st.lists(st.one_of(ROW, st.text(ANY_CHAR, max_size=30)), max_size=8))
def test_jsonl_one_item_per_nonblank_line(rows: list) -> None:
    lines = [json.dumps(r) if isinstance(r, dict) else r.replace("\n", " ") for r in rows]
    data = _surrogatepass("\n".join(lines))
    items = list(iter_jsonl_bytes(io.BytesIO(data), "p.jsonl"))
    nonblank = [ln for ln in data.split(b"\n") if ln.strip()]
    assert len(items) == len(nonblank)
    for item in items:
        if isinstance(item, Document):
            _storable(item)


@settings(max_examples=EXAMPLES["pipe"], deadline=None)
@given(items=st.lists(st.one_of(TEXTS, FIELD), max_size=6), batch=st.integers(1, 4))
def test_pipe_returns_one_result_per_item(items: list, batch: int) -> None:
    out = list(PIPE.pipe(items, batch_size=batch))
    assert len(out) == len(items)
    for item, result in zip(items, out, strict=True):
        assert isinstance(result, Article | Failure)
        if isinstance(result, Article):
            assert result.text == item
            for q in result.quotes:
                assert result.text[q.span[0] : q.span[1]] == q.content


@settings(
    max_examples=EXAMPLES["ingest"],
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(TEXTS, max_size=6), kind=st.sampled_from(["sqlite", "duckdb", "parquet"]))
# integers past a double's exact range (2**53) and past SQLite's 64 bits are stored, not refused
@example(texts=["9007199254740993"], kind="parquet")
@example(texts=["He paid 123456789012345678901234567890 dollars."], kind="sqlite")
def test_ingest_stores_or_fails_every_input(texts: list[str], kind: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        where = {"parquet": Path(tmp) / "pq"} if kind == "parquet" else {"db": Path(tmp) / f"c.{kind}"}
        store = open_store(**where)
        docs = [Document(t, id=f"d{i}") for i, t in enumerate(texts)]
        run = ingest(docs, store, PIPE)
        assert run.read == len(texts) == run.added + run.failed
        assert store.counts()["articles"] == run.added
        store.close()


@pytest.fixture(scope="module")
def tiny_env():
    mp = pytest.MonkeyPatch()
    mp.setenv("DATELINE_PIPELINE_FACTORY", "corpus_helpers:tiny_pipeline")
    yield
    mp.undo()


@settings(
    max_examples=EXAMPLES["cli"], deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    files=st.lists(
        st.tuples(
            st.sampled_from([".txt", ".jsonl", ".html"]), st.binary(max_size=600) | TEXTS.map(_surrogatepass)
        ),
        min_size=1,
        max_size=4,
    )
)
def test_cli_ingest_exit_code_and_counts(tiny_env, capsys, files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, (suffix, data) in enumerate(files):
            path = Path(tmp) / f"in{k}{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        code = main(["ingest", *paths, "--db", str(Path(tmp) / "c.db"), "--json", "--no-progress"])
        out, err = capsys.readouterr()
        assert code in (0, 1), err
        assert "Traceback" not in err and "internal error" not in err
        run = json.loads(out)["run"]
        assert (
            run["read"] == run["added"] + run["failed"] + run["skipped"] + run["replaced"] + run["unchanged"]
        )
        assert (code == 1) == (run["failed"] > 0)


@settings(max_examples=EXAMPLES["url"], deadline=None)
@given(
    body=st.binary(max_size=2000) | TEXTS.map(_surrogatepass),
    ctype=st.sampled_from(
        ["text/html", "text/plain; charset=utf-8", "text/plain; charset=koi8-r", "", "x/y"]
    ),
    encoding=st.sampled_from([None, "gzip", "deflate", "br", "bogus"]),
    gzip_it=st.booleans(),
    status=st.sampled_from([200, 200, 301, 404, 500]),
)
def test_any_response_is_a_document_or_a_dateline_error(body, ctype, encoding, gzip_it, status) -> None:
    import gzip

    import httpx

    from dateline.errors import DatelineError
    from dateline.ingest import url as url_reader

    headers = {"content-type": ctype}
    if encoding:
        headers["content-encoding"] = encoding
    content = gzip.compress(body) if gzip_it else body
    if status == 301:
        headers["location"] = "https://news.example.org/loop"  # a redirect to itself, forever
    transport = httpx.MockTransport(lambda request: httpx.Response(status, headers=headers, content=content))
    old, url_reader.TRANSPORT = url_reader.TRANSPORT, transport
    try:
        doc = url_reader.fetch("HTTPS://news.example.org/loop")
    except DatelineError as exc:
        assert str(exc)
    else:
        _storable(doc)
    finally:
        url_reader.TRANSPORT = old


@settings(max_examples=EXAMPLES["warc"], deadline=None)
@given(data=st.binary(max_size=3000), gz=st.booleans())
def test_any_warc_bytes_are_documents_or_failures(data: bytes, gz: bool) -> None:
    import gzip

    from dateline.ingest.warc import read_warc

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("c.warc.gz" if gz else "c.warc")
        path.write_bytes(gzip.compress(b"WARC/1.0\r\n" + data) if gz else b"WARC/1.0\r\n" + data)
        items = list(read_warc(path))
        assert items and all(isinstance(i, Document | Failure) for i in items)


@pytest.mark.parametrize("kind", ["sqlite", "duckdb", "parquet"])
def test_huge_numbers_are_stored_as_numbers(kind: str) -> None:
    text = "The fund held 9007199254740993 coins and 123456789012345678901234567890 dollars."
    with tempfile.TemporaryDirectory() as tmp:
        where = {"parquet": Path(tmp) / "pq"} if kind == "parquet" else {"db": Path(tmp) / f"c.{kind}"}
        store = open_store(**where)
        run = ingest([Document(text, id="big")], store, PIPE)
        assert (run.added, run.failed) == (1, 0)
        assert store.counts()["articles"] == 1
        store.close()
