"""URLs: fetched through one httpx transport, which tests replace with a mock."""

from __future__ import annotations

import httpx

from dateline.documents import Document
from dateline.errors import SourceNotFound
from dateline.ingest.decode import decode_text
from dateline.ingest.html import document_from_html, looks_like_html

TRANSPORT: httpx.BaseTransport | None = None
USER_AGENT = "dateline/0.1 (+news analysis; offline-first)"


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def fetch(url: str, timeout: float = 20.0) -> Document:
    try:
        with httpx.Client(
            transport=TRANSPORT, timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        ) as client:
            response = client.get(url)
    except httpx.HTTPError as exc:
        raise SourceNotFound(f"{url}: cannot fetch ({type(exc).__name__}: {exc})") from None
    if response.status_code >= 400:
        raise SourceNotFound(f"{url}: HTTP {response.status_code}")
    data = response.content
    ctype = response.headers.get("content-type", "").lower()
    if "html" in ctype or looks_like_html(decode_text(data, url)):
        return document_from_html(data, url, url=str(response.url))
    return Document(text=decode_text(data, url), url=str(response.url))
