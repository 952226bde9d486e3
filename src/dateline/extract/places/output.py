"""From readings to ``Place`` records, and what the records tell the entities."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.context import Context
from dateline.extract.places.items import INSIDE_NAMES, PLACE_LABELS, Item
from dateline.extract.places.mentions import (
    LANDMARK_HEADS,
    PLACE_NOUNS,
    Mention,
    ground_position,
    person_cues,
)
from dateline.extract.places.organisations import ADMIN_WORDS, names_an_organisation, next_word, serves_town
from dateline.extract.places.unlisted import FACILITY_NOUNS, cue_feature, precision_of, smallest_container
from dateline.records import Place
from dateline.resolve.countries import country_by_iso2, country_of
from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.geocode import GeoContext, Resolution, distance_km
from dateline.resolve.names import name_key

_FOCUS_CONFIDENCE = 0.25


def _article_country(items: list[Item]) -> str | None:
    """The one country an article's resolved places lie in, if they (nearly) all agree."""
    ccs = [it.resolution.candidate.cc for it in items if it.resolution and it.resolution.candidate.cc]
    if len(ccs) < 2:
        return None
    cc, n = Counter(ccs).most_common(1)[0]
    return cc if n / len(ccs) >= 0.8 else None


def _focus(items: list[Item]) -> Candidate | None:
    """The town or county a local article is about: the most named one of its main state.

    Local news names its lakes, rivers, parks and townships beside its towns; where the
    gazetteer knows no such name, it most likely lies near the place the article keeps
    returning to. Only when most of the article's towns and counties lie in one state
    or province, and that state holds at least two mentions of them.
    """
    local = [
        it.resolution.candidate
        for it in items
        if it.resolution
        and it.resolution.candidate.feature in ("city", "admin")
        and it.resolution.candidate.admin1
    ]
    local = [c for c in local if c.feature == "city" or c.admin2]
    if not local:
        return None
    regions = Counter((c.cc, c.admin1) for c in local)
    (region, n), total = regions.most_common(1)[0], len(local)
    if n / total < 0.6:
        return None
    named = Counter(c.eid for c in local if (c.cc, c.admin1) == region)
    eid = named.most_common(1)[0][0]
    return next(c for c in local if c.eid == eid)


def _unsupported(doc: Doc, it: Item, placed: set[str]) -> bool:
    """A name no gazetteer knows, that no place word or position makes a place.

    The NER tags groups, teams, firms and languages GPE ("Tamil", "Ittihad", "Titan");
    without an entry, a place noun ("Readington Township") or a place position anywhere
    in the article ("in Prisi"), nothing says that the name is a place.
    """
    if it.mention.label not in PLACE_LABELS or name_key(it.text) in placed:
        return False
    span = doc[it.mention.start : it.mention.end]
    words = {t.lower_ for t in span}
    if (
        words & PLACE_NOUNS
        or words & LANDMARK_HEADS
        or cue_feature(doc, it.mention) not in (None, "locality")
    ):
        return False  # "Readington Township", "Zorbasa prison"
    # an object or list member may still be an unlisted village ("shelled X, Y and Z");
    # a modifier, owner or subject ("Tamil leaders", "Titan's permit") names something else
    return span.root.dep_ in ("compound", "amod", "nmod", "poss", "nsubj", "nsubjpass", "npadvmod")


def _place(ctx: Context, gaz: Gazetteer, n: int, it: Item, res: Resolution | None, where: _Where) -> Place:
    span = (it.start_char, it.end_char)
    sentence = ctx.sentence_of(span[0])
    if res is None:
        # no gazetteer entry: the kind the words give, and the coordinates of a place that
        # contains it, or (roughly) of the town a local article keeps returning to
        feature = (
            cue_feature(ctx.doc, it.mention)
            or it.feature
            or ("landmark" if it.mention.label == "LANDMARK" else None)
        )
        inner = smallest_container(where.readings.get(sentence, []), span[0])
        container, precision = (
            (inner, "container") if inner else (_told_before(ctx, where, sentence), "vicinity")
        )
        place = Place(id=f"p{n}", text=it.text, span=span, sentence=sentence, feature=feature)
        if container is not None:
            place.country, place.admin1 = container.cc, _admin1_name(gaz, container)
            place.lat, place.lon = container.lat, container.lon
            place.confidence, place.precision = _FOCUS_CONFIDENCE, precision
            return place
        place.country = where.country
        # no containing place: the article's country holds it, at the country's point
        country = country_by_iso2(where.country) if where.country is not None else None
        if country is not None and country.lat is not None:
            place.lat, place.lon = country.lat, country.lon
            place.confidence, place.precision = _FOCUS_CONFIDENCE, "container"
        return place
    c = res.candidate
    return Place(
        id=f"p{n}",
        text=it.text,
        span=span,
        sentence=sentence,
        name=c.name,
        geonames_id=c.gid,
        feature=c.feature,
        country=c.cc,
        admin1=_admin1_name(gaz, c),
        lat=c.lat,
        lon=c.lon,
        confidence=res.confidence,
        precision=precision_of(c) if c.lat is not None else None,
    )


def _told_before(ctx: Context, where: _Where, sentence: int) -> Candidate | None:
    """Where to put an unlisted place its sentence gives no container for: the smallest
    place the two sentences before it name (not a wire dateline's, where the report was
    filed), as the lead names the region and the next sentence its village ("bombed a
    village in Myanmar's Sagaing region. ... bombs on X village"); else the focus."""
    for k in (sentence - 1, sentence - 2):
        told = [(at, c) for at, c in where.readings.get(k, []) if not ctx.datelines.opens_line(at)]
        if (near := smallest_container(told, 0)) is not None:
            return near
    return where.focus


def _admin1_name(gaz: Gazetteer, c: Candidate) -> str | None:
    admin1 = gaz.admin1_of(c)
    return admin1.name if admin1 and c.feature != "country" else None


@dataclass
class _Where:
    """What an unlisted place's record may borrow coordinates from (see ``unlisted``)."""

    readings: dict[int, list[tuple[int, Candidate]]]  # sentence -> resolved (start, place)
    focus: Candidate | None
    country: str | None


def records(
    ctx: Context, gaz: Gazetteer, items: list[Item], geo: GeoContext, accepted: set[str]
) -> list[Place]:
    """The place records: every resolved name but those inside organisations' names, and
    the unresolved ones that the words make places."""
    doc = ctx.doc
    home_country = _article_country(items)
    focus = _focus(items) if home_country else None
    if focus is not None and focus.cc != home_country:
        focus = None
    placed = {name_key(it.text) for it in items if it.mention.locative}
    where = _Where({}, focus, home_country)
    for it in items:
        if it.resolution is not None and it.mention.label not in INSIDE_NAMES:
            sent = ctx.sentence_of(it.start_char)
            where.readings.setdefault(sent, []).append((it.start_char, it.resolution.candidate))
    places: list[Place] = []
    for it in sorted(items, key=lambda x: x.start_char):
        res = it.resolution
        if (
            res is None
            and it.mention.label not in (*PLACE_LABELS, "LANDMARK")
            and cue_feature(doc, it.mention) in (None, "locality")
            and it.feature is None
            and not _ground(doc, it)
        ):
            continue
        if res is None and not it.cands and it.feature is None and _unsupported(doc, it, placed):
            continue
        if it.mention.label in INSIDE_NAMES:
            if names_an_organisation(doc, it.mention) or not _own_place(doc, it, geo, accepted):
                continue  # "Ohio State University", "Buffalo Public Schools": no place record
            facility = _facility_item(doc, it)
            if facility is not None and not _elsewhere(it, where):
                facility = None
            if facility is not None:
                # "Riley Hospital" in a story set in Indiana: a facility, not the Kansas
                # town that shares its name
                it, res = facility, None
        places.append(_place(ctx, gaz, len(places) + 1, it, res, where))
    return places


def _ground(doc: Doc, it: Item) -> bool:
    """A name with no reading, called a person's, an organisation's or nothing by the NER,
    that stands where only ground goes: the object of "in", "at", "near" ("fighting near
    Kafr Zorbat") or of a verb that takes ground ("stormed X"). A checkpoint near a village
    the gazetteer lacks is still near a place, and a name whose gazetteer readings are all
    implausible here (a small namesake abroad) is still the place the words say it is.
    "at the Empress" and "at McHale's" name venues, "in 'Peter Pan'" a title, and a title
    or a speech verb makes a person; see ``ground_position`` for organisations."""
    if it.mention.label not in ("PERSON", "ORG", "") or it.resolution is not None:
        return False
    span = doc[it.mention.start : it.mention.end]
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    if person_cues(span) or (before is not None and (before.lower_ == "the" or before.is_quote)):
        return False
    if after is not None and after.tag_ == "POS":
        return False  # "at McHale's": a business named for its owner
    return ground_position(span, it.mention.label)


def _facility_item(doc: Doc, it: Item) -> Item | None:
    """The whole facility name a town's name heads ("St. Joseph Hospital"), as an item of
    its own with no reading, or None when no facility noun closes the name."""
    end = it.mention.end
    while end < len(doc) and end < it.mention.end + 4 and doc[end].text[:1].isupper():
        if doc[end].lower_ in FACILITY_NOUNS:
            span = doc[it.mention.start : end + 1]
            mention = Mention(span.start, span.end, "FACILITY", True)
            return Item(mention, span.text, span.start_char, span.end_char, ())
        end += 1
    return None


def _elsewhere(it: Item, where: _Where) -> bool:
    """A town's name heading a facility's name ("Riley Hospital"; the caller has found the
    facility) whose reading lies far (over 161 km, the field's tolerance) from every place
    the article names itself: the facility borrows the name of a town elsewhere. Only
    where the article's own places say where the story is."""
    res = it.resolution
    if res is None or res.candidate.feature != "city":
        return False
    town = res.candidate
    named = [c for readings in where.readings.values() for _, c in readings]
    if any(c.eid == town.eid for c in named):
        return False  # the article names the town on its own too: the facility is its own
    own = [c for c in named if c.feature in ("city", "admin") and c.lat is not None and c.lon is not None]
    return (
        bool(own)
        and town.lat is not None
        and all(distance_km((town.lat, town.lon), (c.lat, c.lon)) > 161.0 for c in own)
    )


def _own_place(doc: Doc, it: Item, geo: GeoContext, accepted: set[str]) -> bool:
    """A place named inside a public body's name is a record where it is that body's own
    ("Athens Police Department"), or the article has it as a place too; "Webb Center"
    merely borrows a town's name."""
    res = it.resolution
    if res is None or not (
        res.candidate.feature == "city"
        # a county read from its bare name ("Columbia University" -> Columbia County)
        or (res.candidate.kind == 2 and next_word(doc, it.mention) not in ADMIN_WORDS)
    ):
        return True
    return (res.candidate.cc in geo.countries and name_key(it.text) in accepted) or (
        (it.mention.label == "OF" or serves_town(doc, it.mention))
        and (res.candidate.cc in geo.countries or not geo.countries)
    )


def retype_place_entities(ctx: Context) -> None:
    """An entity the NER called a person or an organisation is a place when every one of
    its mentions resolved as one ("Dier al-Zor" PERSON, "Raqqa" ORG), so entities and
    places tell one story."""
    resolved = [p for p in ctx.places if p.lat is not None or p.geonames_id is not None]
    for ent in ctx.entities:
        if ent.type not in ("PERSON", "ORG") or not ent.mentions:
            continue
        hits = [
            next((p for p in resolved if m0 < p.span[1] and p.span[0] < m1), None) for m0, m1 in ent.mentions
        ]
        if all(hits):
            features = {p.feature for p in hits if p}
            ent.type = "GPE" if features <= {"country", "admin", "city"} else "LOC"
            ent.roles = []


def assign_entity_countries(ctx: Context) -> None:
    """Entity.country (alpha-3) from resolved places, demonyms and roles, where the text says it."""
    for ent in ctx.entities:
        if ent.country:
            continue
        iso3: str | None = None
        if ent.type in ("GPE", "LOC"):
            for place in ctx.places:
                if place.country and any(
                    m0 < place.span[1] and place.span[0] < m1 for m0, m1 in ent.mentions
                ):
                    c = country_by_iso2(place.country)
                    iso3 = c.iso3 if c else None
                    break
            if iso3 is None and ent.type == "GPE":
                iso3 = country_of(ent.name)
        elif ent.type == "NORP":
            iso3 = country_of(ent.name)
        elif ent.type == "PERSON":
            for role in ent.roles:
                iso3 = country_of(role)
                if iso3:
                    break
        if iso3:
            ent.country = iso3
