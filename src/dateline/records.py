"""The records an analysed article becomes: the only vocabulary shared across stages.

Field names are the JSON names of ``../shared/spec/RECORDS.md``. Every extracted record
carries ``span`` (``[start, end)`` character offsets into ``Article.text``) and
``sentence`` (the index of its sentence), so that any record leads back to its words.

Records are plain dataclasses: stages build them, later stages may read them, and only
the stage that made a record (or the resolver named for it) changes it.
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import Any

Span = tuple[int, int]

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "GROUP")
QUOTE_KINDS = ("direct", "mixed", "indirect")
QUOTE_VIA = ("explicit", "pronoun", "continuation", "title")
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIME_ANCHORS = ("published", "text", "absolute")
PLACE_FEATURES = ("country", "admin", "city", "landmark", "region")
MODALITIES = ("asserted", "claimed", "planned", "negated", "hypothetical")
FLAG_CODES = (
    "missing_source",
    "unclosed_quote",
    "no_publication_date",
    "possible_misspelling",
    "truncated_text",
    "guessed_encoding",
)


@dataclass(slots=True)
class Entity:
    """A named participant, clustered within the article (all its mentions, one name)."""

    id: str
    name: str
    type: str
    span: Span
    sentence: int
    mentions: list[Span] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    country: str | None = None


@dataclass(slots=True)
class Quote:
    """Who said what: source, cue and content, with the chain of reporting."""

    id: str
    kind: str
    content: str
    span: Span
    sentence: int
    cue: str | None = None
    cue_span: Span | None = None
    speaker: str | None = None
    speaker_span: Span | None = None
    speaker_entity: str | None = None
    speaker_role: str | None = None
    via: str | None = None
    reported_by: list[str] = field(default_factory=list)
    nested_in: str | None = None
    flags: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Timex:
    """A time expression with its TIMEX3 type and value."""

    id: str
    text: str
    span: Span
    sentence: int
    type: str
    value: str
    anchor: str | None = None


@dataclass(slots=True)
class Place:
    """A toponym and, where the gazetteer and the context agree, its GeoNames entry."""

    id: str
    text: str
    span: Span
    sentence: int
    name: str | None = None
    geonames_id: int | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float | None = None
    # what lat/lon stand for: "point" (the place's own), "area" (the centre of a country,
    # region or sea), "container" (a place that holds it: a street's town), "vicinity"
    # (the town a local article keeps returning to); see docs/records.md
    precision: str | None = None


@dataclass(slots=True)
class Actor:
    """A participant in an event: the words, and what they normalise to."""

    text: str
    span: Span | None = None
    name: str | None = None
    entity: str | None = None
    country: str | None = None
    sector: str | None = None


@dataclass(slots=True)
class EventDate:
    value: str
    precision: str
    time: str | None = None


@dataclass(slots=True)
class Count:
    value: int | float
    unit: str
    text: str
    low: int | float | None = None
    high: int | float | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom, where and when, coded in PLOVER and (where it applies) ACLED."""

    id: str
    type: str
    trigger: str
    span: Span
    sentence: int
    mode: str | None = None
    acled_type: str | None = None
    acled_subtype: str | None = None
    actor: Actor | None = None
    target: Actor | None = None
    supporters: list[Actor] = field(default_factory=list)
    place: str | None = None
    date: EventDate | None = None
    counts: list[Count] = field(default_factory=list)
    territory_change: dict[str, Any] | None = None
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float | None = None
    # every span that reports this one event ("attack", "the blast", "killed"), in text order;
    # ``span`` is one of them (the most specific)
    mentions: list[Span] = field(default_factory=list)
    # PLOVER's context where the event is not political ("crime"); null otherwise
    context: str | None = None

    #: the id of the incident (the real-world event, across articles) this report belongs to
    incident: str | None = None


@dataclass(slots=True)
class Number:
    """A quantity stated in the text ("40 air-strikes" -> 40, "air-strikes")."""

    text: str
    span: Span
    sentence: int
    value: int | float
    unit: str | None = None


@dataclass(slots=True)
class Flag:
    """A problem in the article itself: reported, never raised."""

    code: str
    message: str
    span: Span | None = None
    sentence: int | None = None


@dataclass(slots=True)
class Article:
    """An analysed article: metadata, the clean text all spans point into, and its records."""

    id: str
    text: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict with the RECORDS.md field names (spans as lists)."""
        return _plain(self)

    def _repr_html_(self) -> str:
        """Jupyter's view: the text with its records highlighted (``dateline.notebook``)."""
        from dateline.notebook import article_html

        return article_html(self)


def article_id(text: str, url: str | None = None) -> str:
    """Stable id: first 16 hex chars of sha256 of the URL, or of the text without one."""
    basis = url if url else text
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


_ATOMS = frozenset((str, int, float, bool, type(None)))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """What ``dataclasses.asdict`` and then tuples as lists make of a value, in one pass.

    ``asdict`` copies the whole tree and a second walk turned its tuples into lists; an
    article holds thousands of values and is serialised once per output (eval, the store,
    exports), so one walk with each record class's field names looked up once.
    """
    if type(value) in _ATOMS:
        return value
    names = _FIELDS.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELDS[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {(k if type(k) in _ATOMS else copy.deepcopy(k)): _plain(v) for k, v in value.items()}
    return copy.deepcopy(value)


def article_from_dict(data: dict[str, Any]) -> Article:
    """Rebuild an Article from its JSON form (the inverse of ``Article.to_dict``)."""

    def span(v: Any) -> Span | None:
        return (int(v[0]), int(v[1])) if v else None

    def actor(d: dict[str, Any] | None) -> Actor | None:
        if not d:
            return None
        return Actor(**{**d, "span": span(d.get("span"))})

    entities = [
        Entity(**{**e, "span": span(e["span"]), "mentions": [span(m) for m in e.get("mentions", [])]})
        for e in data.get("entities", [])
    ]
    quotes = [
        Quote(
            **{
                **q,
                "span": span(q["span"]),
                "cue_span": span(q.get("cue_span")),
                "speaker_span": span(q.get("speaker_span")),
            }
        )
        for q in data.get("quotes", [])
    ]
    times = [Timex(**{**t, "span": span(t["span"])}) for t in data.get("times", [])]
    places = [Place(**{**p, "span": span(p["span"])}) for p in data.get("places", [])]
    events = []
    for ev in data.get("events", []):
        events.append(
            Event(
                **{
                    **ev,
                    "span": span(ev["span"]),
                    "actor": actor(ev.get("actor")),
                    "target": actor(ev.get("target")),
                    "supporters": [actor(s) for s in ev.get("supporters", [])],
                    "date": EventDate(**ev["date"]) if ev.get("date") else None,
                    "counts": [Count(**c) for c in ev.get("counts", [])],
                    "mentions": [span(m) for m in ev.get("mentions") or []],
                }
            )
        )
    numbers = [Number(**{**n, "span": span(n["span"])}) for n in data.get("numbers", [])]
    flags = [Flag(**{**f, "span": span(f.get("span"))}) for f in data.get("flags", [])]
    return Article(
        id=data["id"],
        text=data["text"],
        url=data.get("url"),
        source=data.get("source"),
        title=data.get("title"),
        published=data.get("published"),
        language=data.get("language", "en"),
        entities=entities,
        quotes=quotes,
        times=times,
        places=places,
        events=events,
        numbers=numbers,
        flags=flags,
    )
