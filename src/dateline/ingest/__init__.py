"""Readers: every source a user may name becomes a stream of ``Document`` (or ``Failure``).

A source is a text file, an HTML file, a JSONL corpus, a CSV or Parquet table, a JSON file
(news-please's output), a WARC file, a folder (read recursively), a URL, ``-`` for
standard input, or ``sample:[ID]`` for the bundled samples. Table fields are chosen with
``ingest.fields.Fields`` (``--text-field`` and friends). A source that cannot be read at all
becomes one ``Failure`` record; the stream goes on with the next source.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.errors import DatelineError, SourceNotFound
from dateline.ingest.decode import decode_text
from dateline.ingest.fields import DEFAULT, Fields
from dateline.ingest.html import document_from_html, looks_like_html
from dateline.ingest.jsonl import iter_jsonl, read_jsonl
from dateline.ingest.table import TABLE_SUFFIXES, read_table
from dateline.ingest.url import fetch, is_url
from dateline.ingest.warc import read_warc
from dateline.pipeline import Document, Failure

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".gz"}  # .warc.gz: checked on the full name below
SAMPLE_PREFIX = "sample:"  # "sample:" = every bundled sample article, "sample:ID" = one
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | TABLE_SUFFIXES | {".warc"}
#: What ``analyze``/``ingest`` read, for their ``--help``.
INPUT_KINDS = (
    "text files (.txt, .md), HTML pages, JSONL corpora (one article a line), CSV/TSV and Parquet "
    "tables (one article a row), JSON files (news-please), WARC archives (.warc, .warc.gz), "
    "folders (read recursively), http(s) URLs, sample:[ID] (the bundled samples), or - (stdin)"
)

__all__ = ["INPUT_KINDS", "Fields", "iter_documents", "read_source"]


def _is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz"))


def read_source(
    source: str, stdin: bytes | None = None, fields: Fields = DEFAULT
) -> Iterator[Document | Failure]:
    """Documents from one source, with a ``Failure`` for each part that cannot be read."""
    try:
        if source == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            yield from _from_bytes(data, "<stdin>", None, fields)
        elif source.startswith(SAMPLE_PREFIX):
            yield from _read_samples(source[len(SAMPLE_PREFIX) :])
        elif is_url(source):
            yield fetch(source)
        else:
            path = Path(source)
            if path.is_dir():
                yield from _read_folder(path, fields)
            elif path.is_file():
                yield from _read_file(path, fields)
            else:
                raise SourceNotFound(f"{source}: no such file, folder or URL")
    except DatelineError as exc:
        yield Failure(None, str(exc), source)


def iter_documents(
    sources: Iterable[str], published: str | None = None, fields: Fields = DEFAULT
) -> Iterator[Document | Failure]:
    """All documents of all sources, in order; ``published`` fills in a missing date."""
    for source in sources:
        for item in read_source(source, fields=fields):
            if isinstance(item, Document) and published and not item.published:
                item.published = published
            yield item


def _read_samples(wanted: str) -> Iterator[Document]:
    from dateline.samples import sample_documents

    docs = sample_documents()
    chosen = [d for d in docs if not wanted or d.id == wanted]
    if not chosen:
        ids = ", ".join(d.id or "" for d in docs)
        raise SourceNotFound(f"{SAMPLE_PREFIX}{wanted}: no bundled sample with that id (ids: {ids})")
    yield from chosen


def _read_folder(folder: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.suffix.lower() in KNOWN or _is_warc(p))
    )
    for path in files:
        try:
            yield from _read_file(path, fields)
        except DatelineError as exc:
            yield Failure(None, str(exc), str(path))


def _read_file(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    if _is_warc(path):
        yield from read_warc(path)
        return
    if path.suffix.lower() in TABLE_SUFFIXES:
        try:
            yield from read_table(path, fields)
        except OSError as exc:
            raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from None
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, decode_text(data, str(path)), fields)
    elif suffix in HTML_SUFFIXES:
        yield document_from_html(decode_text(data, str(path)), str(path), id=None)
    else:
        yield from _from_bytes(data, str(path), path, fields)


def _from_bytes(
    data: bytes, name: str, path: Path | None, fields: Fields = DEFAULT
) -> Iterator[Document | Failure]:
    """Content sniffing for text files and stdin: HTML, JSONL or plain text."""
    text = decode_text(data, name)
    stripped = text.lstrip()
    if looks_like_html(stripped):
        yield document_from_html(text, name)
    elif stripped.startswith("{") and _looks_like_jsonl(stripped):
        yield from iter_jsonl(iter(text.splitlines()), name, fields)
    else:
        yield Document(text=text, source=None)


def _looks_like_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    return first.startswith("{") and first.endswith("}") and '"text"' in first
