"""pandas for analysts: analysed articles (or a whole store) as flat DataFrames.

>>> import dateline
>>> events = dateline.to_pandas(dateline.read_store("dateline.db"), layer="events")
>>> events.groupby([events.date_start.dt.to_period("M"), "country_name"]).size()

One row per record of a layer, with what a notebook user would otherwise join by hand:
an event's actor and target (named by their entity cluster), its place with coordinates,
typed dates (``date_start``/``date_end`` as datetime64, ``date_precision``) and the
article's title, URL and date. Countries follow the project's one convention: ISO
alpha-3 plus an ISO name column.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.country_codes import country
from dateline.dates import event_dates, timex_range
from dateline.errors import OptionError, StoreError, value_invalid_msg
from dateline.records import Actor, Article, Entity

if TYPE_CHECKING:
    import pandas as pd

    from dateline.store.base import Store

LAYERS = ("events", "quotes", "places", "times", "entities", "articles")
_FATAL = ("killed", "dead", "death", "deaths", "fatalities", "died", "bodies", "lives")

__all__ = ["LAYERS", "read_store", "to_pandas"]


def read_store(path: str | Path) -> Store:
    """Open an existing corpus store: a SQLite file, a ``.duckdb`` file, or a Parquet folder.

    Unlike ``open_store`` it never creates one: a path that holds no store is an error.
    """
    from dateline.store import open_store

    target = Path(path)
    if target.is_dir():
        return open_store(parquet=target)
    if not target.is_file():
        raise StoreError(f"{target}: no such store (create one with: dateline ingest SOURCE --db {target})")
    return open_store(target)


def _articles(source: Any) -> Iterator[Article]:
    if isinstance(source, str | Path):
        store = read_store(source)
        try:
            yield from store.iter_articles()
        finally:
            store.close()
    elif isinstance(source, Article):
        yield source
    elif hasattr(source, "iter_articles"):
        yield from source.iter_articles()
    else:
        yield from (a for a in source if isinstance(a, Article))  # Failures from pipe() are skipped


def to_pandas(
    source: Store | Iterable[Article] | Article | str | Path, layer: str = "events"
) -> pd.DataFrame:
    """One flat DataFrame of a record layer: events, quotes, places, times, entities or articles.

    ``source`` is an Article, any iterable of them (``Pipeline.pipe`` output included;
    failures are skipped), an open store, or the path of one.
    """
    import pandas as pd

    if layer not in LAYERS:
        raise OptionError(value_invalid_msg("layer", layer, ", ".join(LAYERS)))
    rows_of = {
        "events": _event_rows,
        "quotes": _quote_rows,
        "places": _place_rows,
        "times": _time_rows,
        "entities": _entity_rows,
        "articles": _article_rows,
    }[layer]
    rows = [row for article in _articles(source) for row in rows_of(article)]
    frame = pd.DataFrame(rows, columns=_COLUMNS[layer])
    for col in ("date_start", "date_end"):
        if col in frame:
            frame[col] = pd.to_datetime(frame[col])
    for col in ("lat", "lon", "confidence"):
        if col in frame:
            frame[col] = frame[col].astype("float64")
    for col in ("geonames_id", "fatalities", "sentence", "span_start", "span_end"):
        if col in frame:
            frame[col] = frame[col].astype("Int64")
    return frame


def _country(code: str | None) -> tuple[str | None, str | None]:
    found = country(code)
    return (found.alpha3, found.name) if found else (None, None)


def _who(actor: Actor | None, entities: dict[str, Entity]) -> dict[str, Any]:
    if actor is None:
        return {"name": None, "text": None, "country": None, "country_name": None, "sector": None}
    cluster = entities.get(actor.entity or "")
    a3, cname = _country(actor.country or (cluster.country if cluster else None))
    return {
        "name": (cluster.name if cluster else None) or actor.name or actor.text,
        "text": actor.text,
        "country": a3,
        "country_name": cname,
        "sector": actor.sector,
    }


_META = ["title", "url", "source", "published"]
_COLUMNS: dict[str, list[str]] = {
    "events": [
        "article_id", "event_id", "type", "mode", "acled_type", "acled_subtype", "trigger", "modality",
        "date", "date_start", "date_end", "date_precision",
        "actor", "actor_text", "actor_country", "actor_country_name", "actor_sector",
        "target", "target_text", "target_country", "target_country_name", "target_sector",
        "supporters", "place", "country", "country_name", "admin1", "lat", "lon",
        "fatalities", "counts", "attributed_to", "confidence", "sentence", "span_start", "span_end", *_META,
    ],
    "quotes": [
        "article_id", "quote_id", "kind", "speaker", "speaker_entity", "speaker_role", "cue", "content",
        "via", "reported_by", "nested_in", "sentence", "span_start", "span_end", *_META,
    ],
    "places": [
        "article_id", "place_id", "text", "name", "geonames_id", "feature", "country", "country_name",
        "admin1", "lat", "lon", "confidence", "sentence", "span_start", "span_end", *_META,
    ],
    "times": [
        "article_id", "time_id", "text", "type", "value", "anchor", "date_start", "date_end",
        "date_precision", "sentence", "span_start", "span_end", *_META,
    ],
    "entities": [
        "article_id", "entity_id", "name", "type", "country", "country_name", "roles", "n_mentions",
        "sentence", "span_start", "span_end", *_META,
    ],
    "articles": [
        "id", *_META, "language", "n_words", "n_entities", "n_quotes", "n_times", "n_places", "n_events",
        "n_flags",
    ],
}  # fmt: skip


def _meta(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": article.published,
    }


def _event_rows(article: Article) -> Iterator[dict[str, Any]]:
    entities = {e.id: e for e in article.entities}
    places = {p.id: p for p in article.places}
    for ev in article.events:
        start, end, precision = event_dates(ev, article)
        place = places.get(ev.place or "")
        actor, target = _who(ev.actor, entities), _who(ev.target, entities)
        where = (
            _country(place.country) if place and place.country else (actor["country"], actor["country_name"])
        )
        deaths = [c.low if c.low is not None else c.value for c in ev.counts if c.unit.lower() in _FATAL]
        yield {
            "article_id": article.id,
            "event_id": ev.id,
            "type": ev.type,
            "mode": ev.mode,
            "acled_type": ev.acled_type,
            "acled_subtype": ev.acled_subtype,
            "trigger": ev.trigger,
            "modality": ev.modality,
            "date": ev.date.value if ev.date else None,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            **{f"actor{'' if k == 'name' else '_' + k}": v for k, v in actor.items()},
            **{f"target{'' if k == 'name' else '_' + k}": v for k, v in target.items()},
            "supporters": [_who(s, entities)["name"] for s in ev.supporters],
            "place": (place.name or place.text) if place else None,
            "country": where[0],
            "country_name": where[1],
            "admin1": place.admin1 if place else None,
            "lat": place.lat if place else None,
            "lon": place.lon if place else None,
            "fatalities": int(min(deaths)) if deaths else None,
            "counts": [{"value": c.value, "unit": c.unit, "text": c.text} for c in ev.counts],
            "attributed_to": ev.attributed_to,
            "confidence": ev.confidence,
            "sentence": ev.sentence,
            "span_start": ev.span[0],
            "span_end": ev.span[1],
            **_meta(article),
        }


def _quote_rows(article: Article) -> Iterator[dict[str, Any]]:
    for q in article.quotes:
        yield {
            "article_id": article.id,
            "quote_id": q.id,
            "kind": q.kind,
            "speaker": q.speaker,
            "speaker_entity": q.speaker_entity,
            "speaker_role": q.speaker_role,
            "cue": q.cue,
            "content": q.content,
            "via": q.via,
            "reported_by": list(q.reported_by),
            "nested_in": q.nested_in,
            "sentence": q.sentence,
            "span_start": q.span[0],
            "span_end": q.span[1],
            **_meta(article),
        }


def _place_rows(article: Article) -> Iterator[dict[str, Any]]:
    for p in article.places:
        a3, cname = _country(p.country)
        yield {
            "article_id": article.id,
            "place_id": p.id,
            "text": p.text,
            "name": p.name,
            "geonames_id": p.geonames_id,
            "feature": p.feature,
            "country": a3,
            "country_name": cname,
            "admin1": p.admin1,
            "lat": p.lat,
            "lon": p.lon,
            "confidence": p.confidence,
            "sentence": p.sentence,
            "span_start": p.span[0],
            "span_end": p.span[1],
            **_meta(article),
        }


def _time_rows(article: Article) -> Iterator[dict[str, Any]]:
    for t in article.times:
        start, end, precision = timex_range(t.value) if t.type == "DATE" else (None, None, None)
        yield {
            "article_id": article.id,
            "time_id": t.id,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "anchor": t.anchor,
            "date_start": start,
            "date_end": end,
            "date_precision": precision,
            "sentence": t.sentence,
            "span_start": t.span[0],
            "span_end": t.span[1],
            **_meta(article),
        }


def _entity_rows(article: Article) -> Iterator[dict[str, Any]]:
    for e in article.entities:
        a3, cname = _country(e.country)
        yield {
            "article_id": article.id,
            "entity_id": e.id,
            "name": e.name,
            "type": e.type,
            "country": a3,
            "country_name": cname,
            "roles": list(e.roles),
            "n_mentions": len(e.mentions),
            "sentence": e.sentence,
            "span_start": e.span[0],
            "span_end": e.span[1],
            **_meta(article),
        }


def _article_rows(article: Article) -> Iterator[dict[str, Any]]:
    yield {
        "id": article.id,
        **_meta(article),
        "language": article.language,
        "n_words": len(article.text.split()),
        "n_entities": len(article.entities),
        "n_quotes": len(article.quotes),
        "n_times": len(article.times),
        "n_places": len(article.places),
        "n_events": len(article.events),
        "n_flags": len(article.flags),
    }
