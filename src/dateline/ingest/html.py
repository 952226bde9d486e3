"""HTML pages: main text through trafilatura; title, date and URL from the page's metadata."""

from __future__ import annotations

import re

from dateline.dates import parse_published
from dateline.documents import Document
from dateline.errors import DatelineError, MalformedInput

# extracted "text" with no word in it is what broken markup leaves behind ("<<<>>>")
_WORD = re.compile(r"[^\W\d_]{2,}")


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p>" in head


def document_from_html(
    html: str | bytes, name: str, url: str | None = None, id: str | None = None
) -> Document:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_tables=False)
    except Exception as exc:  # lxml raises many types on broken markup
        raise MalformedInput(f"{name}: broken HTML ({type(exc).__name__})") from None
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not _WORD.search(text):
        raise MalformedInput(f"{name}: no article text found in the HTML")
    # trafilatura joins paragraphs with single newlines; a blank line marks a paragraph here
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    published = _valid_date(getattr(doc, "date", None))
    page_url = url or getattr(doc, "url", None)
    return Document(
        text="\n\n".join(paragraphs),
        id=id,
        published=published,
        url=page_url,
        title=getattr(doc, "title", None),
        source=getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
    )


def _valid_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_published(value).isoformat()
    except DatelineError:
        return None
