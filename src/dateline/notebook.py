"""An Article shown in a notebook: its text with the records highlighted, displaCy-style.

Each span (entity mention, place, time, event trigger, quote) is a ``<mark>`` coloured by
kind whose tooltip says what it was read as; quotes are underlined so the names inside
them stay visible. All article text is HTML-escaped: a page's ``<script>`` stays text.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import dataclass

from dateline.records import Article

_COLOURS = {
    "entity": "#aa9cfc",
    "place": "#7aecec",
    "time": "#bfe1d9",
    "event": "#ff9561",
}
_MAX_CHARS = 20_000


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    kind: str
    label: str
    tip: str


def _marks(article: Article) -> list[_Mark]:
    marks: list[_Mark] = []
    for e in article.entities:
        for start, end in e.mentions or [e.span]:
            marks.append(_Mark(start, end, "entity", e.type, f"{e.type}: {e.name}"))
    for p in article.places:
        where = ", ".join(x for x in (p.name, p.admin1, p.country) if x)
        marks.append(_Mark(*p.span, "place", "PLACE", f"place: {where or p.text}"))
    for t in article.times:
        marks.append(_Mark(*t.span, "time", t.type, f"{t.type} {t.value}"))
    for ev in article.events:
        tip = (
            f"{ev.type}"
            + (f"/{ev.mode}" if ev.mode else "")
            + (f" ({ev.modality})" if ev.modality != "asserted" else "")
        )
        marks.append(_Mark(*ev.span, "event", ev.type, tip))
    return marks


def article_html(article: Article) -> str:
    """A compact HTML view: a header line, then the text with its records highlighted."""
    text = article.text[:_MAX_CHARS]
    marks = [m for m in _marks(article) if 0 <= m.start < m.end <= len(text)]
    quotes = [(q.span[0], q.span[1], q.speaker or "unknown speaker") for q in article.quotes]
    # cut the text at every boundary; each piece gets the innermost (shortest) mark covering it
    cuts = sorted({0, len(text), *(b for m in marks for b in (m.start, m.end))}
                  | {b for s, e, _ in quotes for b in (s, e) if 0 <= b <= len(text)})  # fmt: skip
    out: list[str] = []
    for left, right in itertools.pairwise(cuts):
        piece = html.escape(text[left:right])
        covering = [m for m in marks if m.start <= left and right <= m.end]
        if covering:
            m = min(covering, key=lambda x: x.end - x.start)
            piece = (
                f'<mark class="dl-{m.kind}" title="{html.escape(m.tip, quote=True)}" '
                f'style="background:{_COLOURS[m.kind]};padding:0 .15em;border-radius:.25em">{piece}'
                f'<sup style="font-size:.6em;font-weight:bold">{html.escape(m.label)}</sup></mark>'
            )
        speaker = next((sp for s, e, sp in quotes if s <= left and right <= e), None)
        if speaker is not None:
            tip = html.escape(f"quote: {speaker}", quote=True)
            piece = f'<span class="dl-quote" title="{tip}" style="text-decoration:underline dotted">{piece}</span>'
        out.append(piece)
    more = "…" if len(article.text) > _MAX_CHARS else ""
    counts = ", ".join(
        f"{len(getattr(article, k))} {k}" for k in ("entities", "quotes", "times", "places", "events")
    )
    head = html.escape(
        " · ".join(x for x in (article.title or article.id, article.published or "", counts) if x)
    )
    return (
        f'<div class="dateline-article" style="line-height:2;max-width:60em">'
        f"<div><b>{head}</b></div>"
        f'<div style="white-space:pre-wrap">{"".join(out)}{more}</div></div>'
    )
