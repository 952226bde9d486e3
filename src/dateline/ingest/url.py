"""URLs: fetched through one httpx transport, which tests replace with a mock.

A fetch is bounded three ways (``dateline.limits``): an overall deadline for the whole
request, redirects and body included (a server dripping a byte a second never trips a
per-read timeout); a cap on the bytes received; and a cap on the decompressed body, so
a gzip bomb stops at the cap instead of filling memory.
"""

from __future__ import annotations

import time

import httpx

from dateline.documents import Document
from dateline.errors import InputTooLarge, SourceNotFound
from dateline.ingest.decode import decode_bytes
from dateline.ingest.html import document_from_html, looks_like_html
from dateline.limits import (
    URL_DEADLINE_SECONDS,
    URL_MAX_BYTES,
    URL_MAX_DECOMPRESSED_BYTES,
    URL_READ_TIMEOUT_SECONDS,
)

TRANSPORT: httpx.BaseTransport | None = None
USER_AGENT = "dateline/0.1 (+news analysis; offline-first)"


def is_url(source: str) -> bool:
    """``http://`` or ``https://``, in any case (``HTTPS://`` is a URL too)."""
    return source[:8].lower().startswith(("http://", "https://"))


def fetch(
    url: str,
    timeout: float = URL_READ_TIMEOUT_SECONDS,
    deadline: float = URL_DEADLINE_SECONDS,
    max_bytes: int = URL_MAX_BYTES,
    max_decompressed: int = URL_MAX_DECOMPRESSED_BYTES,
) -> Document:
    """Fetch one page as a ``Document``, or raise an ``InputError`` naming the limit it broke."""
    end = time.monotonic() + deadline

    def in_time(_: httpx.Response) -> None:  # every redirect hop counts against the deadline
        if time.monotonic() > end:
            raise SourceNotFound(f"{url}: not fetched within the deadline of {deadline:g} s")

    try:
        with (
            httpx.Client(
                transport=TRANSPORT,
                timeout=min(timeout, deadline),
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT},
                event_hooks={"response": [in_time]},
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise SourceNotFound(f"{url}: HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLarge(
                    f"{url}: {int(declared):,} bytes announced, over the limit of {max_bytes:,}"
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if response.num_bytes_downloaded > max_bytes:
                    raise InputTooLarge(f"{url}: response over the limit of {max_bytes:,} bytes")
                if len(body) > max_decompressed:
                    raise InputTooLarge(
                        f"{url}: decompressed body over the limit of {max_decompressed:,} bytes"
                    )
                if time.monotonic() > end:
                    raise SourceNotFound(f"{url}: not fetched within the deadline of {deadline:g} s")
            final_url = str(response.url)
            ctype = response.headers.get("content-type", "").lower()
            charset = response.charset_encoding
    except httpx.HTTPError as exc:
        raise SourceNotFound(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
    if time.monotonic() > end:
        raise SourceNotFound(f"{url}: not fetched within the deadline of {deadline:g} s")
    data = bytes(body)
    text, encoding = _decode(data, url, charset)
    if "html" in ctype or looks_like_html(text):
        doc = document_from_html(text, url, url=final_url)
    else:
        doc = Document(text=text, url=final_url)
    doc.encoding = encoding
    return doc


def _decode(data: bytes, url: str, charset: str | None) -> tuple[str, str | None]:
    """The charset the server declares, when the bytes are in it; else the usual sniffing."""
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            if text.strip():
                return text.replace("\r\n", "\n").replace("\r", "\n"), None
    return decode_bytes(data, url)
