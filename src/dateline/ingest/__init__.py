"""Readers: every source a user may name becomes a stream of ``Document`` (or ``Failure``).

A source is a text file, an HTML file, a JSONL corpus, a CSV or Parquet table, a JSON file
(news-please's output), a WARC file, a folder (read recursively), a URL, ``-`` for
standard input, or ``sample:[ID]`` for the bundled samples. Table fields are chosen with
``ingest.fields.Fields`` (``--text-field`` and friends). A source that cannot be read at all
becomes one ``Failure`` record; the stream goes on with the next source.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.documents import Document, Failure
from dateline.errors import DatelineError, InputTooLarge, SourceNotFound
from dateline.ingest.decode import decode_bytes
from dateline.ingest.fields import DEFAULT, Fields
from dateline.ingest.html import document_from_html, looks_like_html
from dateline.ingest.jsonl import iter_jsonl_bytes, read_jsonl
from dateline.ingest.table import TABLE_SUFFIXES, read_table
from dateline.ingest.url import fetch, is_url
from dateline.ingest.warc import read_warc
from dateline.limits import MAX_FILE_BYTES

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
            data = stdin if stdin is not None else _read_capped(sys.stdin.buffer, "<stdin>")
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
    except Exception as exc:  # a reader bug costs this source, reported, never the run
        yield Failure(None, f"{source}: internal error while reading: {type(exc).__name__}: {exc}", source)


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


def folder_files(folder: Path) -> Iterator[Path]:
    """The article files under a folder, sorted, never leaving it.

    Hidden names are skipped; links to folders are not walked; a link to a file is read
    only when it points inside the folder (a link to ``/etc/passwd`` or ``../x`` is not),
    and a file is read once however many links lead to it.
    """
    root = folder.resolve()
    found: dict[Path, Path] = {}
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        here = Path(dirpath)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            path = here / name
            if name.startswith(".") or not (path.suffix.lower() in KNOWN or _is_warc(path)):
                continue
            try:
                real = path.resolve(strict=True)
            except (OSError, RuntimeError):  # a dangling or looping link
                continue
            if not real.is_file() or not real.is_relative_to(root):
                continue
            if real not in found or found[real].is_symlink():
                found[real] = path
    yield from sorted(found.values())


def _read_folder(folder: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    for path in folder_files(folder):
        try:
            yield from _read_file(path, fields)
        except DatelineError as exc:
            yield Failure(None, str(exc), str(path))
        except Exception as exc:  # one unreadable file costs itself, the folder goes on
            yield Failure(
                None, f"{path}: internal error while reading: {type(exc).__name__}: {exc}", str(path)
            )


def _read_capped(fh: BinaryIO, name: str, limit: int | None = None) -> bytes:
    limit = MAX_FILE_BYTES if limit is None else limit
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputTooLarge(
            f"{name}: over {limit:,} bytes, the limit for one text or HTML input "
            "(see docs/limits.md; put a corpus in a JSONL file)"
        )
    return data


def _read_file(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    if _is_warc(path):
        yield from read_warc(path)
        return
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        try:
            yield from read_table(path, fields)
        except OSError as exc:
            raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from None
        return
    try:
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, fields)
            return
        with path.open("rb") as fh:
            data = _read_capped(fh, str(path))
    except OSError as exc:
        raise SourceNotFound(f"{path}: cannot read ({exc.strerror})") from None
    if suffix in HTML_SUFFIXES:
        text, encoding = decode_bytes(data, str(path))
        doc = document_from_html(text, str(path), id=None)
        doc.encoding = encoding
        yield doc
    else:
        yield from _from_bytes(data, str(path), path, fields)


def _from_bytes(
    data: bytes, name: str, path: Path | None, fields: Fields = DEFAULT
) -> Iterator[Document | Failure]:
    """Content sniffing for text files and stdin: HTML, JSONL or plain text."""
    text, encoding = decode_bytes(data, name)
    stripped = text.lstrip()
    if looks_like_html(stripped):
        doc = document_from_html(text, name)
        doc.encoding = encoding
        yield doc
    elif stripped.startswith("{") and _looks_like_jsonl(stripped):
        yield from iter_jsonl_bytes(io.BytesIO(text.encode("utf-8")), name, fields=fields)
    else:
        yield Document(text=text, source=None, encoding=encoding)


def _looks_like_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    return first.startswith("{") and first.endswith("}") and '"text"' in first
