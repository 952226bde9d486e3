"""An event as a *report*: the facts about it that linking compares, read off the records.

A report is built from one event and the article around it, using only what the
records give: the event's date (else the publication date), its place (GeoNames id,
coordinates, country, first-level region), its type, actor and target names, its
counts, and the distinctive words (names and numbers) of the paragraph that reports it.
Nothing here looks inside an extraction stage; the events engineer's ``mentions`` spans
are read when an event carries them, and their paragraphs join the context.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from dateline.incidents.claims import REACTIONS, owner
from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.records import Article, Event, Place

#: Words that are capitalised for grammar, not because they name something.
_COMMON_WORDS = """a an the this that these those he she it they we you i his her its their our my your
    him them us me who what when where why how and or but if then so as at by for from in
    into of on to with without after before during while since until about over under
    there here police officers officer authorities officials official said says say told
    according reports report reported news update updated copyright all rights reserved
    mr mrs ms dr st ave rd no not one two three four five six seven eight nine ten
    monday tuesday wednesday thursday friday saturday sunday today yesterday tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec am pm a.m p.m"""
_COMMON = frozenset(_COMMON_WORDS.split())
_TOKEN = re.compile(r"\b[A-Z][\w'’-]*[\w]|\b\d[\d:,.]*\d\b|\b\d\b")
_NAME_NEXT = re.compile(r"[A-Z][a-z]+\b(?! (?:said|says|told)\b)")
_AGE = re.compile(r"\b(\d{1,3})-year-old\b", re.I)
_YEAR = re.compile(r"^(1[89]|20)\d\d$")
_PARAGRAPH = re.compile(r"\n\s*\n")

#: Modalities of events the article does not tell as having taken place (see ``happened``).
NOT_YET = frozenset({"planned"})

#: Count units folded onto the classes ACLED reports (fatalities above all).
_UNIT_CLASS = {
    "fatalities": ("killed", "dead", "death", "deaths", "died", "fatalities", "bodies", "lives", "slain"),
    "injured": ("injured", "wounded", "hurt", "injuries", "hospitalised", "hospitalized"),
    "arrested": ("arrested", "detained", "arrests", "detentions"),
    "abducted": ("abducted", "kidnapped", "hostages"),
    "displaced": ("displaced", "fled", "refugees"),
}


def unit_class(unit: str | None) -> str | None:
    """The ACLED-style class of a count unit ('deaths' -> fatalities), or None."""
    u = (unit or "").lower().strip()
    for cls, words in _UNIT_CLASS.items():
        if u in words or any(u.startswith(w) for w in words):
            return cls
    return None


@dataclass(slots=True)
class Report:
    """What linking knows about one event of one article (JSON-ready; stored per event)."""

    article_id: str
    event_id: str
    family: str
    day: int | None
    date: str | None
    date_from: str
    subtype: str | None = None
    acled_type: str | None = None
    country: str | None = None
    admin1: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    place: str | None = None
    feature: str | None = None
    #: what ``lat``/``lon`` stand for (``Place.precision``): only a ``point`` is the
    #: place's own; a container's or an area's centre says where it lies within
    precision: str | None = None
    actors: list[str] = field(default_factory=list)
    counts: list[list[Any]] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    published: str | None = None
    #: a reaction (accusation, rejection, praise, appeal) joins the event it is about
    about: str | None = None
    #: the distinctive words of the whole article, for a report of the article's own news
    #: (empty for a background event): whatever way the story's events are split, every
    #: one of them carries the story's names, streets and times
    story: list[str] = field(default_factory=list)
    #: whether the article tells the event as done or doubted, not as planned: an incident
    #: is something that took place, and a vowed offensive or a called march is another
    #: event than the fighting or the march before it. A hypothetical stays: in news it is
    #: mostly doubt about the incident itself ("whether he was shot by police")
    happened: bool = True
    #: ``context`` as a set, filled on first use by scoring (never stored). The story has
    #: no such cache: it is compared far less often, and a million cached sets weigh a GiB
    words: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> tuple[str, str]:
        return (self.article_id, self.event_id)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        del out["words"]
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls(**data)


_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-(WE|[1-7]))?")


def _day(value: str | None) -> tuple[int | None, str | None]:
    """(ordinal day, ISO date) of an ISO date or partial date; month -> its 15th, year -> 1 July.

    A TIMEX3 week ("2016-W23") is its Thursday, its weekend ("2016-W23-WE") the
    Saturday, a week day ("2016-W23-2") that day; the ISO date is then the day's.
    """
    if not value:
        return (None, None)
    w = _ISO_WEEK.match(value)
    if w:
        part = w.group(3)
        offset = 3 if part is None else 5 if part == "WE" else int(part) - 1
        try:
            d = dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1) + dt.timedelta(days=offset)
        except ValueError:
            return (None, None)
        return (d.toordinal(), d.isoformat())
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return (None, None)
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if month and day:
            d = dt.date(year, int(month), int(day))
        elif month:
            d = dt.date(year, int(month), 15)
        else:
            d = dt.date(year, 7, 1)
    except ValueError:
        return (None, None)
    return (d.toordinal(), m.group(0))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """[start, end) of every paragraph (blank-line separated; single newlines when none)."""
    sep = _PARAGRAPH if _PARAGRAPH.search(text) else re.compile(r"\n")
    out, start = [], 0
    for m in sep.finditer(text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out or [(0, len(text))]


def _paragraph_of(pars: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for start, end in pars:
        if start <= pos < end:
            return (start, end)
    return pars[-1]


def distinctive_words(text: str) -> set[str]:
    """Names and long numbers: the details that tell one incident from another.

    A capitalised word counts when it is not at the start of a sentence, or when another
    capitalised word follows it there ("Noor Halvorsen was", not "Officers said"), and is
    not grammar or a calendar word;
    a number counts when it has three digits or more or is a clock time (addresses,
    times), never a year: day-of-month numbers and small counts say little; an age
    ("2-year-old") counts as ``age:2``.
    """
    named: set[str] = set()
    numbers: set[str] = {f"age:{m.group(1)}" for m in _AGE.finditer(text)}
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        low = tok.lower().removesuffix("'s").removesuffix("’s").strip(".,")
        if not low or low in _COMMON or _YEAR.match(low):
            continue
        if low[0].isdigit():
            if ":" in low or len(low.replace(",", "").split(".")[0]) >= 3:
                numbers.add(low)
            continue
        before = text[: m.start()].rstrip(" \t\"“‘'(")
        after = text[m.end() : m.end() + 40].lstrip(" ")
        # at a sentence start only a name's first word ("Noor Halvorsen was") counts
        if (before and before[-1] not in ".!?\n:;—-") or _NAME_NEXT.match(after):
            named.add(low)
    return named | numbers


def headline(article: Article) -> str | None:
    """The title, else a first paragraph short enough to be one (no sentence end inside)."""
    if article.title:
        return article.title
    first = article.text.split("\n", 1)[0].strip()
    if first and len(first) <= 160 and first[-1] not in '.!?"”':
        return first
    return None


def _actor_names(event: Event) -> list[str]:
    names = []
    for actor in (event.actor, event.target):
        if actor is None:
            continue
        label = (actor.name or actor.text or "").strip().lower()
        if label:
            names.append(label)
    return sorted(set(names))


def _place(article: Article, event: Event) -> Place | None:
    if not event.place:
        return None
    return next((p for p in article.places if p.id == event.place), None)


def event_day(article: Article, event: Event) -> tuple[int | None, str | None, str]:
    """The event's day: its own date, else the publication date (``date_from`` says which)."""
    if event.date and event.date.value:
        day, iso = _day(event.date.value)
        # a month or year that holds the publication date ("this year") says only "recently"
        vague = len(event.date.value) < 10 and (article.published or "").startswith(event.date.value)
        if day is not None and not vague:
            return (day, iso, "event")
    day, iso = _day(article.published)
    return (day, iso, "published" if day is not None else "none")


def family_of(event: Event) -> str:
    """The blocking family: the PLOVER type (ACLED types of one happening can differ by source)."""
    return (event.type or event.acled_type or "EVENT").upper()


def story_words(article: Article) -> list[str]:
    """The distinctive words of the whole article (headline and text), sorted."""
    title = headline(article)
    return sorted(distinctive_words((title + "\n" if title else "") + article.text))


def build_report(
    article: Article,
    event: Event,
    pars: list[tuple[int, int]] | None = None,
    config: LinkConfig = DEFAULT,
    story: list[str] | None = None,
) -> Report:
    pars = pars if pars is not None else paragraphs(article.text)
    day, iso, date_from = event_day(article, event)
    place = _place(article, event)
    spans = [tuple(event.span), *(tuple(m) for m in (getattr(event, "mentions", None) or []))]
    chunks = {_paragraph_of(pars, s[0]) for s in spans if s}
    text = " ".join(article.text[a:b] for a, b in sorted(chunks))
    pub_day, _ = _day(article.published)
    # the headline and the story speak for the article's own news, not for a dated
    # background event
    news = pub_day is None or day is None or abs(day - pub_day) <= config.news_days
    title = headline(article)
    if title and news:
        text = title + "\n" + text
    context = sorted(distinctive_words(text))
    counts = []
    for c in event.counts:
        cls = unit_class(c.unit)
        if cls:
            low = c.low if c.low is not None else c.value
            high = c.high if c.high is not None else c.value
            counts.append([cls, c.value, low, high, c.text])
    about = None
    if family_of(event) in REACTIONS:
        target = owner(article, event.span[0])
        # a reaction dated far from the event before it is about something else
        target_day = event_day(article, target)[0] if target is not None else None
        if target is not None and (
            day is None or target_day is None or abs(day - target_day) <= config.window_days
        ):
            about = target.id
    return Report(
        about=about,
        article_id=article.id,
        event_id=event.id,
        family=family_of(event),
        day=day,
        date=iso,
        date_from=date_from,
        subtype=event.acled_subtype or event.mode,
        acled_type=event.acled_type,
        country=(place.country or None) if place else None,
        admin1=(place.admin1 or None) if place else None,
        geonames_id=place.geonames_id if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        place=(place.name or place.text) if place else None,
        feature=place.feature if place else None,
        precision=place.precision if place else None,
        actors=_actor_names(event),
        counts=counts,
        context=context,
        published=article.published,
        story=(story if story is not None else story_words(article)) if news else [],
        happened=event.modality not in NOT_YET,
    )


def reports_of(article: Article, config: LinkConfig = DEFAULT) -> list[Report]:
    """One report per event of the article, in event order."""
    pars = paragraphs(article.text)
    story = story_words(article) if article.events else []
    reports = [build_report(article, ev, pars, config, story) for ev in article.events]
    _one_story_each(reports, config)
    return reports


def _one_story_each(reports: list[Report], config: LinkConfig) -> None:
    """Keep the story only where it tells of one place's news of the report's family.

    A round-up of shootings in several towns mixes their details in one text, so its
    events go without a story: two news events of one family placed far apart
    (``place_feature`` below 0) mark it. The events of one story split into several
    records (a shooting and a wounding in other paragraphs) keep it, however their own
    paragraphs differ. A round-up of one town's incidents is not told apart this way;
    its events keep their own paragraphs, whose details still weigh against each other
    (``details_differ``).
    """
    from dateline.incidents.scoring import place_feature

    by_family: dict[str, list[Report]] = {}
    for r in reports:
        if r.story and r.lat is not None:
            by_family.setdefault(r.family, []).append(r)
    for family, group in by_family.items():
        if any(place_feature(a, b, config) < 0 for i, a in enumerate(group) for b in group[i + 1 :]):
            for r in reports:
                if r.family == family:
                    r.story = []
