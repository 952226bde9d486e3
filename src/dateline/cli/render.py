"""A readable rich summary of an analysed article, for people at a terminal."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.records import Article, Span


def _clip(text: str | None, width: int = 70) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _span(span: Span | None) -> str:
    return f"{span[0]}-{span[1]}" if span else ""


#: Columns whose values are tokens (ids, dates, codes, numbers): wrapping them mid-word
#: would make them unreadable and uncopyable, so they keep their full width.
_TOKEN_COLUMNS = {"id", "event_id", "quote_id", "article_id", "date", "published", "value", "span",
                  "lat, lon", "geonames", "conf", "country", "place_country", "type", "kind", "code"}  # fmt: skip


def column_style(name: str, values: list[Any] | None = None) -> dict[str, Any]:
    """``add_column`` options: token columns never wrap (sized to their longest value), text
    columns fold at word boundaries to fit the width."""
    if name in _TOKEN_COLUMNS or name.endswith(("_id", "_date")):
        widest = max((len(str(v)) for v in values or [] if v is not None), default=0)
        return {"no_wrap": True, "min_width": max(len(name), min(widest, 40)), "overflow": "ellipsis"}
    return {"overflow": "fold", "min_width": min(len(name), 14)}  # headers stay whole


def _table(title: str, columns: list[str], rows: list[list[str]]) -> Table:
    table = Table(title=f"{title} ({len(rows)})", title_justify="left", expand=False, show_lines=False)
    for i, col in enumerate(columns):
        table.add_column(col, **column_style(col, [r[i] for r in rows]))
    for row in rows:
        table.add_row(*row)
    return table


def article_summary(article: Article) -> Group:
    """All record lists of an article as tables, each row pointing at its span."""
    place_names = {p.id: p.name or p.text for p in article.places}
    header = Text.assemble(
        (article.title or article.id, "bold"),
        f"  id {article.id}",
        f"  published {article.published or 'unknown'}",
        f"  {len(article.text.split())} words",
    )
    parts = [
        header,
        _table(
            "entities",
            ["id", "name", "type", "mentions", "roles", "country"],
            [
                [e.id, e.name, e.type, str(len(e.mentions)), _clip("; ".join(e.roles), 40), e.country or ""]
                for e in article.entities
            ],
        ),
        _table(
            "quotes",
            ["id", "kind", "speaker", "cue", "content", "via", "span"],
            [
                [
                    q.id,
                    q.kind,
                    (q.speaker or "—") + (f" [{q.speaker_role}]" if q.speaker_role else ""),
                    q.cue or "",
                    _clip(q.content, 60),
                    q.via or "",
                    _span(q.span),
                ]
                for q in article.quotes
            ],
        ),
        _table(
            "times",
            ["id", "text", "type", "value", "anchor", "span"],
            [[t.id, t.text, t.type, t.value, t.anchor or "", _span(t.span)] for t in article.times],
        ),
        _table(
            "places",
            ["id", "text", "name", "country", "feature", "lat, lon", "geonames", "conf"],
            [
                [
                    p.id,
                    p.text,
                    p.name or "",
                    p.country or "",
                    p.feature or "",
                    f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else "",
                    str(p.geonames_id or ""),
                    f"{p.confidence:.2f}" if p.confidence is not None else "",
                ]
                for p in article.places
            ],
        ),
        _table(
            "events",
            ["id", "type/mode", "ACLED", "actor", "target", "place", "date", "trigger"],
            [
                [
                    ev.id,
                    ev.type + (f"/{ev.mode}" if ev.mode else ""),
                    ev.acled_subtype or "",
                    _actor(ev.actor),
                    _actor(ev.target),
                    place_names.get(ev.place or "", ""),
                    ev.date.value if ev.date else "",
                    _clip(ev.trigger, 30) + ("" if ev.modality == "asserted" else f" ({ev.modality})"),
                ]
                for ev in article.events
            ],
        ),
        _table(
            "numbers",
            ["text", "value", "unit", "span"],
            [[n.text, str(n.value), n.unit or "", _span(n.span)] for n in article.numbers],
        ),
        _table(
            "flags",
            ["code", "message", "span"],
            [[f.code, _clip(f.message, 60), _span(f.span)] for f in article.flags],
        ),
    ]
    return Group(*parts)


def _actor(actor) -> str:
    if actor is None:
        return ""
    extra = "/".join(x for x in (actor.country, actor.sector) if x)
    return (actor.name or actor.text) + (f" [{extra}]" if extra else "")


def print_summary(article: Article, console: Console) -> None:
    console.print(Panel(article_summary(article), title="dateline", expand=False))


def output_console(file=None) -> Console:
    """A console for tables: ``COLUMNS`` when set, else the terminal's width, or a wide fixed
    one for files and pipes."""
    target = file if file is not None else sys.stdout
    width: int | None = None if target.isatty() else 160
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        width = int(columns)
    return Console(file=target, highlight=False, width=width)


@contextlib.contextmanager
def model_loading(console: Console) -> Iterator[None]:
    """A status line on a terminal while the spaCy model loads (3-4 s cold)."""
    if not console.is_terminal:
        yield
        return
    with console.status("loading the spaCy model…"):
        yield
