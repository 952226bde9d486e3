"""Readers: every source a user may name becomes a stream of ``Document`` (or ``Failure``).

A source is a text file, an HTML file, a JSONL corpus, a WARC file, a folder (read
recursively), a URL, ``-`` for standard input, or ``sample:[ID]`` for the bundled samples. A source that cannot be read at all
becomes one ``Failure`` record; the stream goes on with the next source.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.documents import Document, Failure
from dateline.errors import DatelineError, SourceNotFound
from dateline.ingest.decode import decode_text
from dateline.ingest.html import document_from_html, looks_like_html
from dateline.ingest.jsonl import iter_jsonl, read_jsonl
from dateline.ingest.url import fetch, is_url
from dateline.ingest.warc import read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".gz"}  # .warc.gz: checked on the full name below
SAMPLE_PREFIX = "sample:"  # "sample:" = every bundled sample article, "sample:ID" = one
KNOWN = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | {".warc"}

__all__ = ["iter_documents", "read_source"]


def _is_warc(path: Path) -> bool:
    return path.name.endswith((".warc", ".warc.gz"))


def read_source(source: str, stdin: bytes | None = None) -> Iterator[Document | Failure]:
    """Documents from one source, with a ``Failure`` for each part that cannot be read."""
    try:
        if source == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read()
            yield from _from_bytes(data, "<stdin>", None)
        elif source.startswith(SAMPLE_PREFIX):
            yield from _read_samples(source[len(SAMPLE_PREFIX) :])
        elif is_url(source):
            yield fetch(source)
        else:
            path = Path(source)
            if path.is_dir():
                yield from _read_folder(path)
            elif path.is_file():
                yield from _read_file(path)
            else:
                raise SourceNotFound(f"{source}: no such file, folder or URL")
    except DatelineError as exc:
        yield Failure(None, str(exc), source)


def iter_documents(sources: Iterable[str], published: str | None = None) -> Iterator[Document | Failure]:
    """All documents of all sources, in order; ``published`` fills in a missing date."""
    for source in sources:
        for item in read_source(source):
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


def _read_folder(folder: Path) -> Iterator[Document | Failure]:
    files = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file()
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and (p.suffix.lower() in KNOWN or _is_warc(p))
    )
    for path in files:
        try:
            yield from _read_file(path)
        except DatelineError as exc:
            yield Failure(None, str(exc), str(path))


def _read_file(path: Path) -> Iterator[Document | Failure]:
    if _is_warc(path):
        yield from read_warc(path)
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from None
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, decode_text(data, str(path)))
    elif suffix in HTML_SUFFIXES:
        yield document_from_html(decode_text(data, str(path)), str(path), id=None)
    else:
        yield from _from_bytes(data, str(path), path)


def _from_bytes(data: bytes, name: str, path: Path | None) -> Iterator[Document | Failure]:
    """Content sniffing for text files and stdin: HTML, JSONL or plain text."""
    text = decode_text(data, name)
    stripped = text.lstrip()
    if looks_like_html(stripped):
        yield document_from_html(text, name)
    elif stripped.startswith("{") and _looks_like_jsonl(stripped):
        yield from iter_jsonl(iter(text.splitlines()), name)
    else:
        yield Document(text=text, source=None)


def _looks_like_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    return first.startswith("{") and first.endswith("}") and '"text"' in first
