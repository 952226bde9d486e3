"""The corpus tables, declared once: SQLite, DuckDB and Parquet all build from this list.

Spans are two integer columns (``start``, ``end``) so that SQL can filter and join on
them; an event's date is also a typed ``date_start``/``date_end`` pair (DATE in DuckDB and
Parquet, ISO text in SQLite) and every country column has an alpha-3 and a name beside it
(``dateline.country_codes``), so that date facets and joins work the same everywhere; lists that are rarely queried (roles, mentions, reporting chains) stay JSON text.
The full article (minus its text, which has its own column) is kept as JSON in
``articles.record`` so that a stored article round-trips exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

TEXT, INTEGER, REAL, DATE = "TEXT", "INTEGER", "REAL", "DATE"


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[tuple[str, str], ...]
    key: tuple[str, ...]
    doc: str

    @property
    def column_names(self) -> list[str]:
        return [c for c, _ in self.columns]


def _span(prefix: str = "span_") -> tuple[tuple[str, str], ...]:
    return ((f"{prefix}start", INTEGER), (f"{prefix}end", INTEGER))


ARTICLES = Table(
    "articles",
    (
        ("id", TEXT),
        ("url", TEXT),
        ("source", TEXT),
        ("title", TEXT),
        ("published", TEXT),
        ("language", TEXT),
        ("text", TEXT),
        ("text_sha256", TEXT),
        ("n_words", INTEGER),
        ("record", TEXT),
        ("ingested_at", TEXT),
    ),
    ("id",),
    "one row per analysed article; record = the article JSON without its text",
)

ENTITIES = Table(
    "entities",
    (
        ("article_id", TEXT),
        ("id", TEXT),
        ("name", TEXT),
        ("type", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("country", TEXT),
        ("roles", TEXT),
        ("mentions", TEXT),
        ("country_name", TEXT),
    ),
    ("article_id", "id"),
    "named participants clustered within an article",
)

QUOTES = Table(
    "quotes",
    (
        ("article_id", TEXT),
        ("id", TEXT),
        ("kind", TEXT),
        ("content", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("cue", TEXT),
        *_span("cue_"),
        ("speaker", TEXT),
        *_span("speaker_"),
        ("speaker_entity", TEXT),
        ("speaker_role", TEXT),
        ("via", TEXT),
        ("reported_by", TEXT),
        ("nested_in", TEXT),
        ("flags", TEXT),
    ),
    ("article_id", "id"),
    "who said what: content, cue and speaker with their spans",
)

TIMES = Table(
    "times",
    (
        ("article_id", TEXT),
        ("id", TEXT),
        ("text", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("type", TEXT),
        ("value", TEXT),
        ("anchor", TEXT),
    ),
    ("article_id", "id"),
    "time expressions with TIMEX3 type and value",
)

PLACES = Table(
    "places",
    (
        ("article_id", TEXT),
        ("id", TEXT),
        ("text", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("name", TEXT),
        ("geonames_id", INTEGER),
        ("feature", TEXT),
        ("country", TEXT),
        ("admin1", TEXT),
        ("lat", REAL),
        ("lon", REAL),
        ("confidence", REAL),
        ("country_iso3", TEXT),
        ("country_name", TEXT),
    ),
    ("article_id", "id"),
    "toponyms and their gazetteer entries",
)

EVENTS = Table(
    "events",
    (
        ("article_id", TEXT),
        ("id", TEXT),
        ("type", TEXT),
        ("mode", TEXT),
        ("acled_type", TEXT),
        ("acled_subtype", TEXT),
        ("trigger", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("place_id", TEXT),
        ("date_value", TEXT),
        ("date_precision", TEXT),
        ("date_time", TEXT),
        ("modality", TEXT),
        ("attributed_to", TEXT),
        ("confidence", REAL),
        ("territory_change", TEXT),
        ("date_start", DATE),
        ("date_end", DATE),
    ),
    ("article_id", "id"),
    "who did what to whom: PLOVER type/mode and ACLED type/sub-type",
)

EVENT_ACTORS = Table(
    "event_actors",
    (
        ("article_id", TEXT),
        ("event_id", TEXT),
        ("role", TEXT),
        ("seq", INTEGER),
        ("text", TEXT),
        *_span(),
        ("name", TEXT),
        ("entity_id", TEXT),
        ("country", TEXT),
        ("sector", TEXT),
        ("country_name", TEXT),
    ),
    ("article_id", "event_id", "role", "seq"),
    "an event's actor, target and supporters (role), normalised",
)

EVENT_COUNTS = Table(
    "event_counts",
    (
        ("article_id", TEXT),
        ("event_id", TEXT),
        ("seq", INTEGER),
        ("value", REAL),
        ("unit", TEXT),
        ("text", TEXT),
        ("low", REAL),
        ("high", REAL),
    ),
    ("article_id", "event_id", "seq"),
    "quantities attached to an event (dead, injured, arrested, ...)",
)

NUMBERS = Table(
    "numbers",
    (
        ("article_id", TEXT),
        ("seq", INTEGER),
        ("text", TEXT),
        *_span(),
        ("sentence", INTEGER),
        ("value", REAL),
        ("unit", TEXT),
    ),
    ("article_id", "seq"),
    "quantities stated in the text",
)

FLAGS = Table(
    "flags",
    (
        ("article_id", TEXT),
        ("seq", INTEGER),
        ("code", TEXT),
        ("message", TEXT),
        *_span(),
        ("sentence", INTEGER),
    ),
    ("article_id", "seq"),
    "problems found in the article itself",
)

FAILURES = Table(
    "failures",
    (
        ("input_key", TEXT),
        ("article_id", TEXT),
        ("origin", TEXT),
        ("error", TEXT),
        ("seen_at", TEXT),
    ),
    ("input_key",),
    "inputs that could not be analysed (one row per input, the last error)",
)

#: Tables filled from an article, in dependency order (articles first).
ARTICLE_TABLES: tuple[Table, ...] = (
    ARTICLES,
    ENTITIES,
    QUOTES,
    TIMES,
    PLACES,
    EVENTS,
    EVENT_ACTORS,
    EVENT_COUNTS,
    NUMBERS,
    FLAGS,
)
CHILD_TABLES: tuple[Table, ...] = ARTICLE_TABLES[1:]
ALL_TABLES: tuple[Table, ...] = (*ARTICLE_TABLES, FAILURES)
TABLES: dict[str, Table] = {t.name: t for t in ALL_TABLES}

#: Columns added after the first release, per table: migration 005 adds them to older files.
ADDED_COLUMNS: dict[str, tuple[str, ...]] = {
    "entities": ("country_name",),
    "places": ("country_iso3", "country_name"),
    "events": ("date_start", "date_end"),
    "event_actors": ("country_name",),
}

#: The view that joins an event to its actor, target, place and article (Datasette's front page).
#: ``country`` is where the event happened (its place's country, else its actor's), as ISO
#: alpha-3 with ``country_name``; ``date_start``/``date_end`` are typed days beside ``date``
#: (the TIMEX value, or the publication day of an undated event, ``date_precision``
#: ``published``).
EVENTS_VIEW = """
CREATE VIEW events_view AS
SELECT
  e.article_id, e.id AS event_id, e.type, e.mode, e.acled_type, e.acled_subtype, e.trigger,
  COALESCE(e.date_value, substr(a.published, 1, 10)) AS date,
  e.date_start, e.date_end,
  COALESCE(e.date_precision, CASE WHEN e.date_start IS NOT NULL THEN 'published' END) AS date_precision,
  COALESCE(p.country_iso3, ac.country) AS country,
  CASE WHEN p.country_iso3 IS NOT NULL THEN p.country_name ELSE ac.country_name END AS country_name,
  COALESCE(ac.name, ac.text) AS actor, ac.country AS actor_country, ac.sector AS actor_sector,
  COALESCE(tg.name, tg.text) AS target, tg.country AS target_country, tg.sector AS target_sector,
  COALESCE(p.name, p.text) AS place, p.country_iso3 AS place_country, p.admin1, p.lat, p.lon,
  e.modality, e.attributed_to, e.confidence,
  a.title, a.url, a.source, a.published, e.span_start, e.span_end
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_actors ac ON ac.article_id = e.article_id AND ac.event_id = e.id
  AND ac.role = 'actor' AND ac.seq = 0
LEFT JOIN event_actors tg ON tg.article_id = e.article_id AND tg.event_id = e.id
  AND tg.role = 'target' AND tg.seq = 0
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
"""

QUOTES_VIEW = """
CREATE VIEW quotes_view AS
SELECT q.article_id, q.id AS quote_id, q.kind, q.speaker, q.speaker_role, q.cue, q.content, q.via,
  a.title, a.url, a.source, a.published, q.span_start, q.span_end
FROM quotes q JOIN articles a ON a.id = q.article_id
"""
