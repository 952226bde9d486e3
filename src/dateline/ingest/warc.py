"""WARC files (Common Crawl News and the like): each HTML response record is an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from dateline.documents import Document, Failure
from dateline.errors import DatelineError
from dateline.ingest.html import document_from_html


def read_warc(path: Path) -> Iterator[Document | Failure]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    name = str(path)
    seen = 0
    try:
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
                url = record.headers.get("WARC-Target-URI")
                ctype = (record.http_headers.get("Content-Type", "") if record.http_headers else "").lower()
                if "html" not in ctype:
                    continue
                seen += 1
                where = f"{name}#{url or record.record_id}"
                try:
                    doc = document_from_html(record.reader.read(), where, url=url)
                except DatelineError as exc:
                    yield Failure(None, str(exc), where)
                    continue
                if doc.published is None:
                    date = record.headers.get("WARC-Date")
                    doc.published = date[:10] if date else None
                yield doc
    except (OSError, ValueError) as exc:
        yield Failure(None, f"{name}: broken WARC file ({exc})", name)
        return
    if seen == 0:
        yield Failure(None, f"{name}: no HTML response records in this WARC file", name)
