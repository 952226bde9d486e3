"""The event filters every view shares, parsed from (and written back to) the URL.

One ``Filters`` value is what the events table, the map, the timeline and the exports
show; its ``query_string`` is the permalink. Parsing is strict: an unknown parameter, a
malformed date or an out-of-range page is a ``BadRequest`` naming what was wrong and
what is allowed, never a silent default and never a 500. Facet and sort names come from
the allow-lists below; values are only ever compared, never spliced into SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any
from urllib.parse import urlencode

from dateline.records import MODALITIES

#: Rows per page: the default and the hard cap.
PER_PAGE, MAX_PER_PAGE = 50, 200
#: No view pages past this many rows; narrower filters reach the rest.
MAX_OFFSET = 10_000
MAX_VALUE_LEN = 200

#: The facets (columns of the event index counted and filtered on: an allow-list).
FACETS = ("type", "acled_type", "acled_subtype", "country", "admin1", "modality")
#: Sort keys; ``-key`` sorts descending (missing values last either way).
SORTS = ("date", "type", "acled_type", "country", "actor", "confidence")
#: An event's date: its own, else its article's publication day.
DATE_EXPR = "COALESCE(e.date_value, substr(a.published, 1, 10))"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadRequest(Exception):
    """A parameter the server will not guess at: becomes a 400 with this message."""


def _date(name: str, value: str) -> str:
    if not _DATE.match(value):
        raise BadRequest(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    parts = [int(p) for p in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError as exc:
        raise BadRequest(f"{name}={value!r} is not a real date ({exc})") from exc
    return value


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        raise BadRequest(f"{name}={value!r} is not a whole number") from None
    if not low <= n <= high:
        raise BadRequest(f"{name}={n} is out of range: {low} to {high}")
    return n


@dataclass(frozen=True)
class Filters:
    """Every filter of the event views; ``None`` means no filter."""

    type: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    country: str | None = None
    admin1: str | None = None
    modality: str | None = None
    actor: str | None = None
    since: str | None = None
    until: str | None = None
    min_conf: float | None = None
    q: str | None = None
    sort: str = "date"
    page: int = 1
    per_page: int = PER_PAGE

    # -- from and to the URL --------------------------------------------------------------------
    @classmethod
    def parse(cls, params: Mapping[str, str], extra: tuple[str, ...] = ()) -> Filters:
        """Filters from query parameters; names in ``extra`` belong to the page and are skipped."""
        known = {f.name for f in fields(cls)}
        values: dict[str, Any] = {}
        for name, raw in params.items():
            if name in extra:
                continue
            if name not in known:
                allowed = ", ".join(sorted(known | set(extra)))
                raise BadRequest(f"unknown parameter {name!r}; this page takes: {allowed}")
            value = raw.strip()
            if value == "":
                continue
            if len(value) > MAX_VALUE_LEN:
                raise BadRequest(f"{name} is longer than {MAX_VALUE_LEN} characters")
            values[name] = value
        if "modality" in values and values["modality"] not in MODALITIES:
            raise BadRequest(f"modality={values['modality']!r} is not one of: {', '.join(MODALITIES)}")
        for name in ("since", "until"):
            if name in values:
                values[name] = _date(name, values[name])
        if "since" in values and "until" in values and values["since"] > values["until"]:
            raise BadRequest(f"since={values['since']} is after until={values['until']}")
        if "min_conf" in values:
            try:
                conf = float(values["min_conf"])
            except ValueError:
                raise BadRequest(f"min_conf={values['min_conf']!r} is not a number") from None
            if not 0.0 <= conf <= 1.0:
                raise BadRequest(f"min_conf={conf} is out of range: 0 to 1")
            values["min_conf"] = conf
        if "sort" in values and values["sort"].lstrip("-") not in SORTS:
            raise BadRequest(
                f"sort={values['sort']!r} is not one of: {', '.join(SORTS)} (prefix - to reverse)"
            )
        values["per_page"] = _int("per_page", values.get("per_page", str(PER_PAGE)), 1, MAX_PER_PAGE)
        values["page"] = _int("page", values.get("page", "1"), 1, MAX_OFFSET)
        if (values["page"] - 1) * values["per_page"] >= MAX_OFFSET:
            raise BadRequest(
                f"page={values['page']} is past the last row a view pages to ({MAX_OFFSET:,}); narrow the filters"
            )
        return cls(**values)

    def items(self, *, paging: bool = True) -> dict[str, str]:
        """The non-default filters as URL parameters (the permalink's content)."""
        out: dict[str, str] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is None or value == f.default:
                continue
            if not paging and f.name in ("page", "per_page", "sort"):
                continue
            out[f.name] = f"{value:g}" if isinstance(value, float) else str(value)
        return out

    def query_string(self, *, paging: bool = True, **changes: Any) -> str:
        """This view's URL parameters, with ``changes`` applied (``None`` removes one)."""
        state = replace(self, **{k: v for k, v in changes.items() if k in {f.name for f in fields(self)}})
        if any(k != "page" for k in changes) and "page" not in changes:
            state = replace(state, page=1)
        qs = urlencode(state.items(paging=paging))
        return f"?{qs}" if qs else ""

    @property
    def active(self) -> dict[str, str]:
        return self.items(paging=False)

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page


#: Joins every event query uses: the article (for the date fallback), the first actor and
#: target, and the event's place. Indexed on (article_id, ...) so each is a lookup.
EVENT_FROM = """
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_actors ac ON ac.article_id = e.article_id AND ac.event_id = e.id AND ac.role = 'actor' AND ac.seq = 0
LEFT JOIN event_actors tg ON tg.article_id = e.article_id AND tg.event_id = e.id AND tg.role = 'target' AND tg.seq = 0
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place_id
"""

EVENT_COLUMNS = f"""
e.article_id, e.id AS event_id, e.type, e.mode, e.acled_type, e.acled_subtype, e.trigger, e.modality,
e.confidence, e.attributed_to, e.span_start, e.span_end, e.sentence, {DATE_EXPR} AS date,
COALESCE(ac.name, ac.text) AS actor, COALESCE(tg.name, tg.text) AS target,
COALESCE(p.name, p.text) AS place, p.country AS country, p.admin1, p.lat, p.lon,
a.title, a.source, a.published
"""
