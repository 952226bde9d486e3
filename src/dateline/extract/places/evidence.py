"""What the article says about where it is: countries, money, dateline, publisher,
and the evidence around each mention (its sentence, its anchors)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from dateline.context import Context
from dateline.extract.places.items import INSIDE_NAMES, PLACE_LABELS, Item
from dateline.extract.places.organisations import serves_town
from dateline.resolve.countries import country_by_iso3, country_of, name_country
from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.geocode import GeoContext, LocalEvidence, add_support, resolve
from dateline.resolve.names import name_key, same_name
from dateline.resolve.publisher import address_places, address_words, publisher_country, publisher_host
from dateline.tokens import span_of

_PUBLISHER_WEIGHT = 1.5


# money in bare dollars, and in no other currency: most likely an American article
_DOLLARS = re.compile(r"(?<![A-Z])\$\s?\d")


_OTHER_MONEY = re.compile(r"[£€¥₹]|\b(?:[A-Z]{1,3}\$|euros?|pounds? sterling|rupees?|yuan|yen|pesos?|rand)\b")


def evidence_weight(it: Item) -> float:
    """How much a resolved name says about where the article is.

    Names inside organisations' names follow the article's places rather than lead them,
    except a state or country heading one ("Georgia Bureau of Investigation", "Florida
    Highway Patrol"): local agencies are named after the region they serve.
    """
    assert it.resolution is not None
    cand, conf = it.resolution.candidate, it.resolution.confidence
    if it.mention.label in INSIDE_NAMES:
        return 0.5 * conf if cand.feature == "country" or cand.us_state else 0.0
    return conf * (1.0 if it.mention.label in PLACE_LABELS else 0.5)


def view_without(
    base: GeoContext,
    home: Candidate | None,
    contribs: list[tuple[str, Candidate, float]],
    without: str | None,
) -> GeoContext:
    """The article's context as one name sees it: every resolved place but its own readings."""
    geo = GeoContext(
        countries=base.countries.copy(),
        home=home,
        support=base.support,
        near=base.near,
        lean=base.lean,
        memo=base.memo,
    )
    if home is not None:
        geo.add_place(home, 1.5)
    for key, cand, weight in contribs:
        if without is None or not same_name(key, without):
            geo.add_place(cand, weight)
    return geo


def _modifier(span) -> bool:
    """A name used as an attribute of a noun after it ("the US embassy", "a Syrian army unit")."""
    root = span.root
    return root.dep_ in ("compound", "amod", "nmod") and root.head.i >= span.end


_SENTENCE_BONUS = 1.5


_NEXT_SENTENCE_BONUS = 0.75


def local_evidence(
    items: list[Item], sentence_of: list[int], doc: Doc, anchored: set[str]
) -> list[LocalEvidence | None]:
    """For each item, the countries that the other names of its sentence (and the next
    sentences on either side) resolved to, the first-level regions of its own sentence,
    and whether the article
    is anchored to a place of its name (``anchored``: name keys).

    A round-up ("In Chile, ... The Institute of Public Health in Santiago") names many
    countries; the one beside a name says more about it than the article's tally; so does
    the state beside a town ("Paris ... across Northeast Texas").
    """
    # countries not as a modifier: "a United States military laboratory in Cairo" says
    # whose laboratory, not which Cairo; a state heading a name ("Kansas State University")
    # still says where it is
    # by sentence: only a name's own sentence and its neighbours count, so a long article
    # costs each name its neighbourhood, not a scan of every resolved name
    placed: dict[int, list[tuple[str, str, str]]] = {}  # sentence -> (name key, cc, admin1)
    for i, it in enumerate(items):
        cand = it.resolution.candidate if it.resolution else None
        if cand is None or not cand.cc:
            continue
        if cand.feature == "country" and not _modifier(span_of(doc, it.mention.start, it.mention.end)):
            placed.setdefault(sentence_of[i], []).append((name_key(it.text), cand.cc, ""))
        elif cand.first_level and cand.admin1:
            placed.setdefault(sentence_of[i], []).append((name_key(it.text), cand.cc, cand.admin1))
    out: list[LocalEvidence | None] = []
    for it, sent in zip(items, sentence_of, strict=True):
        if not it.cands:
            out.append(None)
            continue
        key = name_key(it.text)
        countries: dict[str, float] = {}
        regions: dict[tuple[str, str], float] = {}
        for s in (sent - 1, sent, sent + 1):
            b = _SENTENCE_BONUS if s == sent else _NEXT_SENTENCE_BONUS
            for k, cc, admin1 in placed.get(s, ()):
                if same_name(k, key):
                    continue
                if admin1:
                    if s == sent:  # a state holds a town named in its own sentence only
                        regions[(cc, admin1)] = 1.0
                else:
                    countries[cc] = max(b, countries.get(cc, 0.0))
        anchor = key in anchored
        kind = it.kind
        out.append(
            LocalEvidence(countries, regions, anchor, kind)
            if countries or regions or anchor or kind
            else None
        )
    return out


def _anchored(ctx: Context, items: list[Item], home: Item | None) -> set[str]:
    """Names the article is local to: its dateline's, a town heading its own public service
    ("Paris Police Department"), a name inside the publisher's host name ("parisnews") or
    among the words of its address ("columbuslocalnews.com/.../dublin_news/")."""
    host = publisher_host(ctx.url)
    words = {w for w, _ in address_words(ctx.url)}
    out = {name_key(home.text)} if home is not None else set()
    for it in items:
        key = name_key(it.text)
        if (
            serves_town(ctx.doc, it.mention)
            or (len(key) >= 4 and key.replace(" ", "") in host)
            or key.replace(" ", "") in words
        ):
            out.add(key)
    return out


def _iso2(iso3: str) -> str | None:

    c = country_by_iso3(iso3)
    return c.iso2 if c else None


def _dateline_item(ctx: Context, items: list[Item]) -> Item | None:
    """The name of the article's dateline ("CHARLESTON, W.Va. —"), when a place was found
    there (``Datelines.head``)."""
    head = ctx.datelines.head
    if head is None:
        return None
    return next((it for it in items if it.start_char == head.place[0] and it.cands), None)


def _dateline_home(item: Item | None, base: GeoContext) -> Candidate | None:
    """The place of the dateline, resolved with its own qualifier.

    It is read in the light of where the article's other names may lie (``base``), like
    any name, before it becomes the article's strongest anchor.
    """
    if item is None:
        return None
    res = resolve(item.cands, base, item.qualifier, name_key(item.text), LocalEvidence(anchored=True))
    return res.candidate if res else None


@dataclass
class Article:
    """Where the article is, before its names are read: the countries it names, its
    conventions, where its names may lie, its dateline and the names it is local to."""

    base: GeoContext
    home: Candidate | None
    anchored: set[str]


def article_context(ctx: Context, gaz: Gazetteer, items: list[Item], surfaces: set[str]) -> Article:
    countries = named_countries(ctx, surfaces)
    lean = "US" if _DOLLARS.search(ctx.text) and not _OTHER_MONEY.search(ctx.text) else None
    support: dict = {}
    near: dict = {}
    seen: set[str] = set()
    for it in items:
        key = name_key(it.text)
        if it.cands and key not in seen:
            seen.add(key)
            add_support(GeoContext(support=support, near=near), key, it.cands)
    for key, cands in address_places(gaz, ctx.url, seen, ctx.text):
        add_support(GeoContext(support=support, near=near), key, cands)
    base = GeoContext(countries=countries, support=support, near=near, lean=lean, memo={})
    dateline = _dateline_item(ctx, items)
    return Article(base, _dateline_home(dateline, base), _anchored(ctx, items, dateline))


def named_countries(ctx: Context, surfaces: set[str]) -> Counter[str]:
    """Countries the article names through people and groups (demonyms and roles), and the
    publisher's country-code domain."""
    countries: Counter[str] = Counter()
    for ent in ctx.entities:
        if ent.type == "NORP":
            # a demonym ("Syrian"); a bare country name tagged NORP is a mis-tag, often of a
            # town that shares the name ("Lebanon", Indiana), and says nothing here
            iso3 = None if name_country(ent.name) else country_of(ent.name)
            if iso3 and (c := _iso2(iso3)):
                countries[c] += 0.5 * len(ent.mentions)
        elif ent.type == "PERSON":
            for role in ent.roles:
                # "Lebanon street commissioner" in an article that names Lebanon as a place:
                # which Lebanon is for the place to settle, not for the role to presume
                words = f" {name_key(role)} "
                if any(f" {k} " in words for k in surfaces):
                    continue
                iso3 = country_of(role)
                if iso3 and (c := _iso2(iso3)):
                    countries[c] += 0.5
    # the publisher's country-code domain ("thisisoxfordshire.co.uk"): as strong as a
    # country named in the text, since local news rarely names its own country
    if (home_cc := publisher_country(ctx.url)) is not None:
        countries[home_cc] += _PUBLISHER_WEIGHT
    return countries
