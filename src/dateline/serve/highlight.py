"""Article text as HTML with every record a layer, escaped piece by piece between offsets.

Scraped articles carry markup and scripts, so the text is never trusted as HTML: it is cut
at every record boundary and each piece goes through ``markupsafe.escape`` on its own;
only the tags written here are markup. Overlapping records (a place inside a quote inside
an event's sentence) cannot nest as elements, so the text is cut into flat segments and
each segment lists every record that covers it: nothing is broken or dropped, and each
layer styles its own class. A record's start gets a small lettered marker (a link, so
keyboard and screen-reader users reach it, and a second signal besides colour).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from dateline.records import Article

#: Layer -> (marker letter, human name). The letter is the non-colour signal.
LAYERS: dict[str, tuple[str, str]] = {
    "events": ("E", "events"),
    "quotes": ("Q", "quotes"),
    "speakers": ("S", "speakers"),
    "times": ("T", "times"),
    "places": ("P", "places"),
    "numbers": ("N", "numbers"),
    "flags": ("F", "flags"),
}


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``key`` names the record panel it opens (``quote-q3``)."""

    start: int
    end: int
    layer: str
    key: str
    anchor: str
    label: str
    marker: bool = True


def marks_for(article: Article) -> list[Mark]:
    """Every span-bearing record of the article as marks, clipped to the text."""
    n = len(article.text)
    out: list[Mark] = []

    def add(
        span: tuple[int, int] | None, layer: str, key: str, anchor: str, label: str, marker: bool = True
    ) -> None:
        if not span:
            return
        start, end = max(0, int(span[0])), min(n, int(span[1]))
        if start < end:
            out.append(Mark(start, end, layer, key, anchor, label, marker))

    for ev in article.events:
        key = f"event-{ev.id}"
        add(ev.span, "events", key, key, f"event {ev.id}: {ev.type}")
        # the actor's and target's words: jump targets from the event panel, no marker of their own
        for role, actor in (("actor", ev.actor), ("target", ev.target)):
            if actor is not None:
                add(actor.span, "events", key, f"{role}-{ev.id}", f"{role} of event {ev.id}", marker=False)
        for i, sup in enumerate(ev.supporters):
            add(
                sup.span, "events", key, f"supporter-{i}-{ev.id}", f"supporter of event {ev.id}", marker=False
            )
    for q in article.quotes:
        add(q.span, "quotes", f"quote-{q.id}", f"quote-{q.id}", f"quote {q.id} ({q.kind})")
        add(q.cue_span, "quotes", f"quote-{q.id}", f"cue-{q.id}", f"cue of quote {q.id}: {q.cue}")
        add(q.speaker_span, "speakers", f"quote-{q.id}", f"speaker-{q.id}", f"speaker of quote {q.id}")
        for i, (start, end) in enumerate(reporter_spans(article, q.id)):
            add(
                (start, end),
                "speakers",
                f"quote-{q.id}",
                f"reporter-{q.id}-{i}",
                f"reported by, quote {q.id}",
            )
    for t in article.times:
        add(t.span, "times", f"time-{t.id}", f"time-{t.id}", f"time {t.id}: {t.value}")
    for p in article.places:
        add(p.span, "places", f"place-{p.id}", f"place-{p.id}", f"place {p.id}: {p.name or p.text}")
    for i, num in enumerate(article.numbers):
        add(
            num.span,
            "numbers",
            f"number-{i}",
            f"number-{i}",
            f"number: {num.value:g} {num.unit or ''}".strip(),
        )
    for i, flag in enumerate(article.flags):
        add(flag.span, "flags", f"flag-{i}", f"flag-{i}", f"flag: {flag.code}")
    return out


def reporter_spans(article: Article, quote_id: str) -> list[tuple[int, int]]:
    """Where each ``reported_by`` name of a quote is written: the occurrence nearest the quote.

    The record keeps the reporters as names only; the reader needs a span to jump to, so
    the name is looked up in the text, nearest to the quote's own span (the same sentence
    in practice). A name not written in the text gets no span.
    """
    quote = next((q for q in article.quotes if q.id == quote_id), None)
    if quote is None:
        return []
    text = article.text
    centre = quote.span[0]
    out = []
    for name in quote.reported_by:
        best: tuple[int, int] | None = None
        i = text.find(name) if name else -1
        while i >= 0:
            if best is None or abs(i - centre) < abs(best[0] - centre):
                best = (i, i + len(name))
            i = text.find(name, i + 1)
        if best is not None:
            out.append(best)
    return out


def render_text(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as flat, escaped segments; each covered segment names its layers and records."""
    marks = sorted(marks, key=lambda m: (m.start, -(m.end - m.start)))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    parts: list[str] = []
    active: list[Mark] = []
    for left, right in itertools.pairwise(bounds):
        active = [m for m in active if m.end > left]
        for m in starts.get(left, []):
            active.append(m)
            letter, _ = LAYERS[m.layer]
            if not m.marker:
                parts.append(f'<span class="anchor" id="r-{escape(m.anchor)}" tabindex="-1"></span>')
                continue
            parts.append(
                f'<a class="mk l-{m.layer}" id="r-{escape(m.anchor)}" href="?rec={escape(m.key)}#r-{escape(m.anchor)}"'
                f' data-rec="{escape(m.key)}" title="{escape(m.label)}" aria-label="{escape(m.label)}">{letter}</a>'
            )
        piece = escape(text[left:right])
        if not active:
            parts.append(str(piece))
            continue
        layers = " ".join(sorted({f"l-{m.layer}" for m in active}))
        # innermost first: a click on the segment opens the narrowest record covering it
        keys = []
        for m in sorted(active, key=lambda m: m.end - m.start):
            if m.key not in keys:
                keys.append(m.key)
        parts.append(f'<span class="seg {layers}" data-recs="{escape(" ".join(keys))}">{piece}</span>')
    return Markup("".join(parts))
