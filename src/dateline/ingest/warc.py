"""WARC files (Common Crawl News and the like): each HTML response record is an article.

Bounded and honest about damage: a record's payload is read up to
``WARC_MAX_RECORD_BYTES`` (after gzip decompression, so one huge or bombed gzip member
cannot fill memory); a record cut short (a truncated download) is a failure naming the
file, and so is a ``.warc.gz`` whose last gzip member never ends, so a truncated file is
never read as a success.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dateline.documents import Document, Failure
from dateline.errors import DatelineError
from dateline.ingest.html import document_from_html
from dateline.limits import WARC_MAX_RECORD_BYTES


def read_warc(path: Path, max_record: int = WARC_MAX_RECORD_BYTES) -> Iterator[Document | Failure]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    name = str(path)
    seen = 0
    last_pos = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh, parse_http=False):
                last_pos = record.stream_pos
                if record.record_type != WarcRecordType.response:
                    continue
                url = record.headers.get("WARC-Target-URI")
                where = f"{name}#{url or record.record_id}"
                if record.headers.get("Content-Length") is None:
                    yield Failure(None, f"{where}: truncated WARC record (its header is cut short)", where)
                    continue
                try:
                    item = _record_document(record, where, url, max_record)
                except DatelineError as exc:
                    item = Failure(None, str(exc), where)
                except Exception as exc:  # one broken record costs itself
                    item = Failure(None, f"{where}: broken WARC record ({type(exc).__name__}: {exc})", where)
                if item is None:
                    continue
                seen += 1
                yield item
    except (OSError, ValueError) as exc:
        yield Failure(None, f"{name}: broken WARC file ({exc})", name)
        return
    if name.endswith(".gz") and not _gzip_tail_complete(path, last_pos):
        yield Failure(None, f"{name}: truncated WARC file (the last gzip member never ends)", name)
    elif seen == 0:
        yield Failure(None, f"{name}: no HTML response records in this WARC file", name)


def _record_document(record: Any, where: str, url: str | None, max_record: int) -> Document | Failure | None:
    """One response record as a Document, a Failure, or None when it is not HTML."""
    record.parse_http()
    ctype = (record.http_headers.get("Content-Type", "") if record.http_headers else "").lower()
    if "html" not in ctype:
        return None
    declared = record.content_length
    if declared > max_record:
        return Failure(
            None, f"{where}: WARC record of {declared:,} bytes, over the limit of {max_record:,}", where
        )
    body = record.reader.read(max_record + 1)
    if len(body) > max_record:
        return Failure(None, f"{where}: WARC record over the limit of {max_record:,} bytes", where)
    if len(body) < declared:
        return Failure(
            None, f"{where}: truncated WARC record ({len(body):,} of {declared:,} bytes); not analysed", where
        )
    doc = document_from_html(body, where, url=url)
    if doc.published is None:
        date = record.headers.get("WARC-Date")
        doc.published = date[:10] if date else None
    return doc


def _gzip_tail_complete(path: Path, offset: int, chunk: int = 1 << 20) -> bool:
    """Whether the gzip members from ``offset`` (the last record's) to the end all end.

    fastwarc stops quietly at a member cut short; this re-reads only the tail, inflating
    into a bounded buffer that is thrown away.
    """
    inflater = zlib.decompressobj(wbits=31)
    pending, fed = b"", False
    with path.open("rb") as fh:
        fh.seek(offset)
        while pending or (pending := fh.read(chunk)):
            if inflater.eof:  # the next member starts
                inflater = zlib.decompressobj(wbits=31)
            try:
                inflater.decompress(pending, chunk)
            except zlib.error:
                return False
            fed = True
            pending = inflater.unconsumed_tail or inflater.unused_data
    return not fed or inflater.eof
