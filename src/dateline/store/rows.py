"""An article as rows of the corpus tables (and back), shared by every store backend."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from dateline import country_codes
from dateline.dates import event_dates
from dateline.records import Actor, Article, article_from_dict
from dateline.store.schema import ARTICLE_TABLES

Row = tuple[Any, ...]


def text_sha256(text: str) -> str:
    """The hash that decides whether a stored article must be re-analysed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _span(span: Any) -> tuple[int | None, int | None]:
    return (span[0], span[1]) if span else (None, None)


def _real(value: float | int | None) -> float | None:
    """A REAL column's value as a float: an integer past 2**53 (or SQLite's 64 bits) is a
    number like any other, not a reason to refuse the article; one past a double's range
    is unknown."""
    if value is None:
        return None
    try:
        return float(value)
    except OverflowError:
        return None


def _json(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def _actor_row(aid: str, eid: str, role: str, seq: int, actor: Actor) -> Row:
    return (
        aid,
        eid,
        role,
        seq,
        actor.text,
        *_span(actor.span),
        actor.name,
        actor.entity,
        actor.country,
        actor.sector,
        country_codes.name(actor.country),
    )


def article_rows(article: Article, ingested_at: str | None = None) -> dict[str, list[Row]]:
    """Every row the article contributes, keyed by table name, in the schema's column order."""
    aid = article.id
    record = article.to_dict()
    record.pop("text", None)
    now = ingested_at or dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    rows: dict[str, list[Row]] = {t.name: [] for t in ARTICLE_TABLES}
    rows["articles"].append(
        (
            aid,
            article.url,
            article.source,
            article.title,
            article.published,
            article.language,
            article.text,
            text_sha256(article.text),
            len(article.text.split()),
            json.dumps(record, ensure_ascii=False),
            now,
        )
    )
    for e in article.entities:
        rows["entities"].append(
            (
                aid,
                e.id,
                e.name,
                e.type,
                *_span(e.span),
                e.sentence,
                e.country,
                _json(e.roles),
                _json(e.mentions),
                country_codes.name(e.country),
            )
        )
    for q in article.quotes:
        rows["quotes"].append(
            (
                aid,
                q.id,
                q.kind,
                q.content,
                *_span(q.span),
                q.sentence,
                q.cue,
                *_span(q.cue_span),
                q.speaker,
                *_span(q.speaker_span),
                q.speaker_entity,
                q.speaker_role,
                q.via,
                _json(q.reported_by),
                q.nested_in,
                _json(q.flags),
            )
        )
    for t in article.times:
        rows["times"].append((aid, t.id, t.text, *_span(t.span), t.sentence, t.type, t.value, t.anchor))
    for p in article.places:
        rows["places"].append(
            (
                aid,
                p.id,
                p.text,
                *_span(p.span),
                p.sentence,
                p.name,
                p.geonames_id,
                p.feature,
                p.country,
                p.admin1,
                p.lat,
                p.lon,
                p.confidence,
                country_codes.alpha3(p.country),
                country_codes.name(p.country),
            )
        )
    for ev in article.events:
        date = ev.date
        start, end, _precision = event_dates(ev, article)
        rows["events"].append(
            (
                aid,
                ev.id,
                ev.type,
                ev.mode,
                ev.acled_type,
                ev.acled_subtype,
                ev.trigger,
                *_span(ev.span),
                ev.sentence,
                ev.place,
                date.value if date else None,
                date.precision if date else None,
                date.time if date else None,
                ev.modality,
                ev.attributed_to,
                ev.confidence,
                _json(ev.territory_change),
                start.isoformat() if start else None,
                end.isoformat() if end else None,
            )
        )
        if ev.actor:
            rows["event_actors"].append(_actor_row(aid, ev.id, "actor", 0, ev.actor))
        if ev.target:
            rows["event_actors"].append(_actor_row(aid, ev.id, "target", 0, ev.target))
        for i, sup in enumerate(ev.supporters):
            rows["event_actors"].append(_actor_row(aid, ev.id, "supporter", i, sup))
        for i, c in enumerate(ev.counts):
            rows["event_counts"].append(
                (aid, ev.id, i, _real(c.value), c.unit, c.text, _real(c.low), _real(c.high))
            )
    for i, n in enumerate(article.numbers):
        rows["numbers"].append((aid, i, n.text, *_span(n.span), n.sentence, _real(n.value), n.unit))
    for i, f in enumerate(article.flags):
        rows["flags"].append((aid, i, f.code, f.message, *_span(f.span), f.sentence))
    return rows


def article_from_row(text: str, record: str) -> Article:
    """Rebuild the stored article from its text column and its JSON record."""
    data = json.loads(record)
    data["text"] = text
    return article_from_dict(data)
