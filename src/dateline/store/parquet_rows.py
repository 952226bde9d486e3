"""The Parquet form of the corpus tables: the SQL columns, nested where SQL keeps JSON text.

Analysts read a Parquet store with DuckDB, Spark or pandas, so nested values are typed:
``entities.roles`` is ``list<string>``, ``entities.mentions`` a list of ``{start, end}``,
``quotes.reported_by``/``flags`` lists of strings, and ``events`` holds one row per event
with its ``actor`` and ``target`` as structs and ``supporters``/``counts`` as lists of
structs (the ``event_actors``/``event_counts`` tables of the SQL stores are views over
them). Columns come from ``schema.py``, so a column added there reaches Parquet too.

Every stored row also carries ``_seq`` (the order of the part it is in) and ``_ord`` (the
order of the article within that part): readers keep, per article id, the newest one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import Any

from dateline.records import Article
from dateline.store.rows import Row, article_rows
from dateline.store.schema import ALL_TABLES, EVENT_ACTORS, EVENT_COUNTS, TABLES, Table

#: The SQL tables that are kept inside ``events`` in Parquet, not as files of their own.
NESTED_IN_EVENTS = (EVENT_ACTORS.name, EVENT_COUNTS.name)
#: The tables a Parquet part holds, one file each.
PARQUET_TABLES: tuple[Table, ...] = tuple(t for t in ALL_TABLES if t.name not in NESTED_IN_EVENTS)
META_COLUMNS = ("_seq", "_ord")

_ACTOR_FIELDS = ("text", "span_start", "span_end", "name", "entity_id", "country", "sector", "country_name")
_COUNT_FIELDS = ("value", "unit", "text", "low", "high")


def _types() -> dict[str, Any]:
    import pyarrow as pa

    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    actor = pa.struct([(f, pa.int64() if f.startswith("span_") else pa.string()) for f in _ACTOR_FIELDS])
    count = pa.struct([(f, pa.string() if f in ("unit", "text") else pa.float64()) for f in _COUNT_FIELDS])
    return {
        "TEXT": pa.string(),
        "INTEGER": pa.int64(),
        "REAL": pa.float64(),
        "DATE": pa.date32(),
        "strings": pa.list_(pa.string()),
        "spans": pa.list_(span),
        "actor": actor,
        "actors": pa.list_(actor),
        "counts": pa.list_(count),
        "territory": pa.struct([("from", pa.string()), ("to", pa.string()), ("place", pa.string())]),
    }


#: SQL JSON-text columns and the nested type each becomes in Parquet.
NESTED_COLUMNS: dict[str, dict[str, str]] = {
    "entities": {"roles": "strings", "mentions": "spans"},
    "quotes": {"reported_by": "strings", "flags": "strings"},
    "events": {"territory_change": "territory"},
}
#: Columns only the Parquet ``events`` table has (the SQL stores keep them in child tables).
EVENT_NESTED = (("actor", "actor"), ("target", "actor"), ("supporters", "actors"), ("counts", "counts"))


def arrow_schema(table: Table) -> Any:
    """The Arrow schema of one Parquet table (its SQL columns, nested ones typed, then meta)."""
    import pyarrow as pa

    types = _types()
    nested = NESTED_COLUMNS.get(table.name, {})
    # a column kind this module does not know yet (a new SQL type) is kept as its text
    fields = [pa.field(name, types.get(nested.get(name, kind), pa.string())) for name, kind in table.columns]
    if table.name == "events":
        fields += [pa.field(name, types[kind]) for name, kind in EVENT_NESTED]
    fields += [pa.field(name, pa.int64()) for name in META_COLUMNS]
    return pa.schema(fields)


def _nested(kind: str, text: str | None) -> Any:
    if text is None:
        return None
    value = json.loads(text)
    if kind == "strings":
        return [str(v) for v in value]
    if kind == "spans":
        return [{"start": s[0], "end": s[1]} for s in value]
    if kind == "territory":
        return {k: (None if value.get(k) is None else str(value[k])) for k in ("from", "to", "place")}
    raise ValueError(kind)


def _date(text: str) -> dt.date | None:
    """An ISO date as a DATE value (the SQL stores keep it as text)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _actor(row: Row) -> dict[str, Any]:
    return dict(zip(_ACTOR_FIELDS, row[4:], strict=True))


def parquet_rows(article: Article, ingested_at: str, seq: int, ord_: int) -> dict[str, list[dict[str, Any]]]:
    """The article's rows for each Parquet table, as dicts in column order (plus meta)."""
    sql = article_rows(article, ingested_at)
    out: dict[str, list[dict[str, Any]]] = {}
    for table in PARQUET_TABLES:
        if table.name not in sql:
            continue
        nested = NESTED_COLUMNS.get(table.name, {})
        rows = []
        for row in sql[table.name]:
            d = dict(zip(table.column_names, row, strict=True))
            for col, kind in nested.items():
                d[col] = _nested(kind, d[col])
            for col, kind in table.columns:
                if kind == "DATE" and isinstance(d[col], str):
                    d[col] = _date(d[col])
            rows.append(d)
        out[table.name] = rows
    roles: dict[str, dict[str, Any]] = defaultdict(lambda: {"supporters": [], "counts": []})
    for row in sql[EVENT_ACTORS.name]:
        slot = roles[row[1]]
        if row[2] == "supporter":
            slot["supporters"].append(_actor(row))
        else:
            slot[row[2]] = _actor(row)
    for row in sql[EVENT_COUNTS.name]:
        roles[row[1]]["counts"].append(dict(zip(_COUNT_FIELDS, row[3:], strict=True)))
    for event in out["events"]:
        slot = roles.get(event["id"], {})
        event["actor"] = slot.get("actor")
        event["target"] = slot.get("target")
        event["supporters"] = slot.get("supporters", [])
        event["counts"] = slot.get("counts", [])
    for rows in out.values():
        for d in rows:
            d["_seq"], d["_ord"] = seq, ord_
    return out


def failure_row(
    input_key: str, article_id: str | None, origin: str | None, error: str, seen_at: str, seq: int, ord_: int
) -> dict[str, Any]:
    """One row of the Parquet ``failures`` table."""
    names = TABLES["failures"].column_names
    return {
        **dict(zip(names, (input_key, article_id, origin, error, seen_at), strict=True)),
        "_seq": seq,
        "_ord": ord_,
    }


def _sql_actor(alias: str, role: str, seq: str, src: str) -> str:
    cols = ", ".join(f"{alias}.{f} AS {f}" for f in _ACTOR_FIELDS)
    return f"SELECT article_id, id AS event_id, '{role}' AS role, {seq} AS seq, {cols} FROM {src}"


def nested_views(events: str) -> dict[str, str]:
    """SQL (DuckDB) for ``event_actors`` and ``event_counts`` as views over the events relation."""
    actor_cols = ", ".join(EVENT_ACTORS.column_names)
    count_cols = ", ".join(EVENT_COUNTS.column_names)
    fields = ", ".join(f"s.{f} AS {f}" for f in _ACTOR_FIELDS)
    cfields = ", ".join(f"c.{f} AS {f}" for f in _COUNT_FIELDS)
    actors = (
        f"SELECT {actor_cols} FROM ("
        f"{_sql_actor('actor', 'actor', '0', events)} WHERE actor IS NOT NULL "
        f"UNION ALL {_sql_actor('target', 'target', '0', events)} WHERE target IS NOT NULL "
        f"UNION ALL SELECT article_id, event_id, 'supporter' AS role, seq, {fields} FROM ("
        f"SELECT article_id, id AS event_id, unnest(supporters) AS s, "
        f"generate_subscripts(supporters, 1) - 1 AS seq FROM {events}))"
    )
    counts = (
        f"SELECT {count_cols} FROM (SELECT article_id, event_id, seq, {cfields} FROM ("
        f"SELECT article_id, id AS event_id, unnest(counts) AS c, "
        f"generate_subscripts(counts, 1) - 1 AS seq FROM {events}))"
    )
    return {EVENT_ACTORS.name: actors, EVENT_COUNTS.name: counts}
