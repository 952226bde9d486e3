"""JSONL corpora: one article a line (``id``, ``text``, optional ``published``, ``url``, ``title``,
``source``, or the names ``ingest.fields`` knows or is given; other fields ignored). A bad line becomes a ``Failure`` and the file goes on.

The file is read a line at a time, in bytes, split only at ``\\n`` (JSON strings may hold
U+2028 and other characters ``str.splitlines`` would cut at), each line decoded as
UTF-8 as RFC 8259 requires and capped at ``JSONL_MAX_LINE_BYTES``: a corpus of any size
streams in bounded memory, and a bad line costs only itself.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.documents import Document, Failure, check_document
from dateline.errors import DatelineError
from dateline.ingest.fields import DEFAULT, Fields, document_from_mapping
from dateline.limits import JSONL_MAX_LINE_BYTES


def iter_jsonl_bytes(
    fh: BinaryIO, name: str, max_line: int = JSONL_MAX_LINE_BYTES, fields: Fields = DEFAULT
) -> Iterator[Document | Failure]:
    """Documents from a binary stream of JSON lines, with a ``Failure`` per bad line."""
    lineno = 0
    while True:
        raw = fh.readline(max_line + 1)
        if not raw:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(raw) > max_line and not raw.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line, a megabyte at a time
            yield Failure(None, f"{where}: line over {max_line:,} bytes (see docs/limits.md)", where)
            continue
        if not raw.strip():
            continue
        try:
            line = raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield Failure(
                None,
                f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                "JSONL must be UTF-8",
                where,
            )
            continue
        yield _row(line, where, fields)


def iter_jsonl(lines: Iterator[str], name: str, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    """Documents from lines of text already decoded (one JSON object a line)."""
    for lineno, line in enumerate(lines, start=1):
        if line.strip():
            yield _row(line, f"{name}:{lineno}", fields)


def _row(line: str, where: str, fields: Fields = DEFAULT) -> Document | Failure:
    try:
        return _parse(line, where, fields)
    except Exception as exc:  # whatever a line holds, it costs that line only
        return Failure(None, f"{where}: cannot read this line ({type(exc).__name__}: {exc})", where)


def _parse(line: str, where: str, fields: Fields = DEFAULT) -> Document | Failure:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(None, f"{where}: malformed JSON ({exc.msg})", where)
    if not isinstance(row, dict):
        return Failure(None, f"{where}: expected a JSON object, got {type(row).__name__}", where)
    doc = document_from_mapping(row, fields, where)
    if isinstance(doc, Failure):
        return Failure(_printable(doc.id), _printable(doc.error) or "", where)
    try:
        check_document(doc, max_chars=0)  # lone surrogates and the like; the size is the pipeline's
    except DatelineError as exc:
        return Failure(_printable(doc.id), f"{where}: {exc}", where)
    return doc


def _printable(value: str | None) -> str | None:
    """A value fit for a failure record: lone surrogates written as ``\\udXXX`` escapes."""
    if value is None:
        return None
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


def read_jsonl(path: Path, fields: Fields = DEFAULT) -> Iterator[Document | Failure]:
    with path.open("rb") as fh:
        yield from iter_jsonl_bytes(fh, str(path), fields=fields)
