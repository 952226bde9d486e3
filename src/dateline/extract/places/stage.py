"""The place stage proper: mentions -> candidates -> context -> resolved ``Place`` records."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc

from dateline.context import Context
from dateline.extract.places.mentions import (
    AMBIGUOUS_HEADS,
    INSTITUTION_WORDS,
    LANDMARK_HEADS,
    PLACE_NOUNS,
    Mention,
    landmark,
    locative,
    person_cues,
    propn_runs,
    residents_of,
    trim,
)
from dateline.extract.places.unlisted import cue_feature, precision_of, smallest_container
from dateline.records import Place
from dateline.resolve import physical
from dateline.resolve.countries import country_by_iso2, country_of, demonym_country, name_country
from dateline.resolve.gazetteer import Candidate, Gazetteer, gazetteer
from dateline.resolve.geocode import (
    GeoContext,
    LocalEvidence,
    Resolution,
    add_support,
    fuzzy_candidates,
    inside,
    resolve,
)
from dateline.resolve.names import name_key, same_name
from dateline.resolve.publisher import address_places, address_words, publisher_country, publisher_host

_PLACE_LABELS = ("GPE", "LOC")
# NORP too: the NER tags towns as nationalities ("in Oxford"); real demonyms drop below
_MAYBE_LABELS = ("PERSON", "ORG", "FAC", "NORP", "")
_ANCHOR_CONFIDENCE = 0.8
_PUBLISHER_WEIGHT = 1.5
# a place named inside an organisation's name: heading it ("Athens Police") or closing it
# ("University of Rochester"); it follows the article's places rather than leading them
_INSIDE_NAMES = ("PREFIX", "OF")
_GENERIC_TAILS = frozenset(["city", "town", "township", "village", "borough"])
# what departments, libraries and schools are "of" besides places ("Department of
# Commerce", "Library of Congress"): towns bear these names too
_PORTFOLIOS = frozenset(
    [
        "commerce",
        "congress",
        "justice",
        "defense",
        "defence",
        "education",
        "health",
        "labor",
        "labour",
        "state",
        "agriculture",
        "energy",
        "interior",
        "transportation",
        "transport",
        "treasury",
        "security",
        "veterans",
        "affairs",
        "science",
        "technology",
        "arts",
        "music",
        "medicine",
        "law",
        "history",
        "peace",
        "freedom",
        "hope",
        "unity",
        "mercy",
        "charity",
        "providence",
        "faith",
        "grace",
        "liberty",
        "trust",
        "commonwealth",
        "industry",
        "finance",
        "trade",
        "culture",
        "tourism",
        "environment",
        "housing",
        "development",
        "works",
        "police",
        "fire",
        "welfare",
    ]
)
_ADMIN_WORDS = frozenset(["county", "parish", "borough", "co.", "co", "township", "twp."])
_FUZZY_CONFIDENCE = 0.6
# a dateline: a place, maybe its state, maybe the agency, then a dash or colon; a hyphen
# inside a word ("Logan-Rogersville students ...") is not the dateline's dash
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'-]{0,40}[A-Za-z.](?:,\s*[A-Z][A-Za-z. ]{1,20})?\s*(?:\(\w+\)\s*)?(?:[—–:]|\s-{1,2}\s|--)"
)


@dataclass
class _Item:
    mention: Mention
    text: str
    start_char: int
    end_char: int
    cands: tuple[Candidate, ...]
    qualifier: list[Candidate] | None = None
    resolution: Resolution | None = None


def _is_demonym(text: str) -> bool:
    return demonym_country(text) is not None


def _mentions(ctx: Context, gaz: Gazetteer) -> list[Mention]:
    doc: Doc = ctx.doc
    out: list[Mention] = []
    taken: set[int] = set()
    time_chars = [t.span for t in ctx.times]
    for ent in doc.ents:
        label = ent.label_
        for t in ent:
            taken.add(t.i)
        if label not in _PLACE_LABELS and label not in _MAYBE_LABELS:
            continue
        # "Springfield, Ill." tagged as one entity: two places; "Fargo-Moorhead" too, where
        # the whole is no place of its own (as "Winston-Salem" is)
        parts: list[tuple[int, int]] = []
        s = ent.start
        split_hyphens = _hyphenated_places(doc, gaz, ent)
        for t in ent:
            if t.text == "," or (split_hyphens and t.text == "-"):
                parts.append((s, t.i))
                s = t.i + 1
        parts.append((s, ent.end))
        for a, b in parts:
            a, b = trim(doc, a, b)
            if b <= a:
                continue
            span = doc[a:b]
            if any(s0 < span.end_char and span.start_char < s1 for s0, s1 in time_chars):
                continue
            # the parts of "to Fargo-Moorhead" share the whole's place position
            out.append(Mention(a, b, label, split_hyphens and locative(ent)))
    for a, b in propn_runs(doc, taken):
        a, b = trim(doc, a, b)
        if b > a:
            span = doc[a:b]
            if any(s0 < span.end_char and span.start_char < s1 for s0, s1 in time_chars):
                continue
            out.append(Mention(a, b, "", False))
    out = _forced(doc, gaz, out)
    return _join_split_names(doc, gaz, sorted(out, key=lambda m: m.start))


def _hyphenated_places(doc: Doc, gaz: Gazetteer, ent) -> bool:
    """ "Fargo-Moorhead", "Dallas-Fort Worth": two places joined by a hyphen, not one name."""
    if not any(t.text == "-" for t in ent) or gaz.lookup(ent.text):
        return False
    parts, s = [], ent.start
    for t in ent:
        if t.text == "-":
            parts.append(doc[s : t.i])
            s = t.i + 1
    parts.append(doc[s : ent.end])
    return all(
        len(p)
        and p[0].text[:1].isupper()
        and any(c.kind == 0 and c.feature != "region" for c in gaz.lookup(p.text))
        for p in parts
    )


# a capitalised dateline opening a sentence: "HARWINTON — ...", "WASHINGTON (AP) - ..."
_CAPS_DATELINE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*([A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+){0,3})"
    r"(?:,\s*[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?\s*(?:\([A-Za-z ]+\)\s*)?(?:—|–|--|\s-\s)"
)
# a legislator's party and home: "Sen. Tom Smith, R-Marshall," "(D-Ohio)"
_PARTY_HOME = re.compile(r"(?<=[,(]\s)(?:R|D|I|DFL)-\s?([A-Z][a-z]*\.?(?:\s[A-Z][a-z]+\.?)?)(?=[,;)\s])")


def _forced(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Names that the layout of news text makes places, whatever the NER made of them.

    A capitalised dateline ("CROMWELL — The third ...") and a legislator's party-and-home
    tag ("Tom Bakk, DFL-Cook,") name places; the NER often reads the capitals as an
    organisation, or the tag as part of the person.
    """
    spans: list[tuple[int, int]] = []
    for rx in (_CAPS_DATELINE, _PARTY_HOME):
        for match in rx.finditer(doc.text):
            s, e = match.span(1)
            name = doc.text[s:e].rstrip(".") if rx is _CAPS_DATELINE else doc.text[s:e]
            e = s + len(name)
            if len(name) >= 3 and gaz.lookup(name):
                spans.append((s, e))
    if not spans:
        return mentions
    out = list(mentions)
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is None or not len(span):
            continue
        out = [m for m in out if m.end <= span.start or m.start >= span.end]
        out.append(Mention(span.start, span.end, "GPE", True))
    return out


def _join_split_names(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """One mention for a name the NER cut in two ("Burkina" + "Faso", "Democratic Republic" + "Congo").

    Two neighbouring mentions, side by side or joined by "of (the)", become one when the
    whole is itself a country, region or sizeable town in the gazetteer.
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.label in (*_PLACE_LABELS, "") and m.label in (*_PLACE_LABELS, ""):
            gap = [t.lower_ for t in doc[prev.end : m.start]]
            if gap in ([], ["of"], ["of", "the"]) and not any(t.is_punct for t in doc[prev.start : m.end]):
                whole = doc[prev.start : m.end].text
                if any(
                    c.kind == 0 and (c.feature in ("country", "region", "admin") or c.pop >= 10_000)
                    for c in gaz.lookup(whole)
                ):
                    out[-1] = Mention(prev.start, m.end, prev.label or m.label, prev.locative or m.locative)
                    continue
        out.append(m)
    return out


# money in bare dollars, and in no other currency: most likely an American article
_DOLLARS = re.compile(r"(?<![A-Z])\$\s?\d")
_OTHER_MONEY = re.compile(r"[£€¥₹]|\b(?:[A-Z]{1,3}\$|euros?|pounds? sterling|rupees?|yuan|yen|pesos?|rand)\b")

_LIST_GAP = re.compile(r"^\s*(?:[,;]\s*(?:and|or|&)?|and|or|&)\s*$")


def _level(c: Candidate) -> str:
    if c.feature == "admin":
        return "admin2" if c.admin2 else "admin1"
    return c.feature


def _harmonise_lists(ctx: Context, items: list[_Item], geo: GeoContext) -> None:
    """Names listed together are places of one kind, mostly of one country.

    "Arizona, California, Colorado and Georgia": when most of a list of three or more
    resolve to first-level regions of the United States, "California" is the state (not a
    Missouri village) and "Georgia" the state (not the country); the same for lists of
    countries or of provinces. Only names that have a reading of the list's kind change.
    """
    groups: list[list[_Item]] = []
    for it in items:
        prev = groups[-1][-1] if groups else None
        if prev is not None and _LIST_GAP.match(ctx.text[prev.end_char : it.start_char]):
            groups[-1].append(it)
        else:
            groups.append([it])
    for group in groups:
        resolved = [it.resolution.candidate for it in group if it.resolution]
        if len(group) < 3 or len(resolved) < 3:
            continue
        # the kind that (nearly) every name of the list can be, the one most already are
        # breaking ties: "Washington, Pennsylvania and California" can all be states
        # (own names and abbreviations only: an alternate name makes "New Jersey" a Michigan town)
        have = Counter(lv for it in group for lv in {_level(c) for c in it.cands if c.kind in (0, 3)})
        now = Counter(_level(c) for c in resolved)
        level = max(have, key=lambda lv: (have[lv], now[lv]), default=None)
        if level is None or have[level] < len(group) - (len(group) >= 4) or not now[level]:
            continue
        ccs = Counter(c.cc for c in resolved if _level(c) == level and c.cc)
        cc = ccs.most_common(1)[0][0] if ccs and level != "country" else None
        for it in group:
            if it.qualifier or (it.resolution and _level(it.resolution.candidate) == level):
                continue
            fits = [c for c in it.cands if _level(c) == level and c.kind in (0, 3)]
            if cc is not None:
                fits = [c for c in fits if c.cc == cc]
            res = resolve(fits, geo, None, name_key(it.text)) if fits else None
            if res is not None:
                it.resolution = Resolution(res.candidate, round(min(res.confidence, 0.85), 3))


_DIRECTIONS = frozenset(
    [
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "central",
        "downtown",
        "upper",
        "lower",
        "greater",
        "metro",
        "metropolitan",
        "sub",
        "saharan",
    ]
)


def _with_the(gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    """ "Democratic Republic of Congo": the official name says "of the"."""
    return gaz.lookup(text.replace(" of ", " of the ")) if " of " in text and " of the " not in text else ()


def _narrow(doc: Doc, gaz: Gazetteer, m: Mention) -> tuple[Mention, tuple[Candidate, ...]]:
    """The mention's candidates; when the whole has none, the longest part that has some.

    "south Fargo", "Northwest D.C.", "Star Lake - Highway 59": the toponym is a part of the
    span, and the part is what gets resolved (and marked).
    """
    cands = gaz.lookup(doc[m.start : m.end].text) or _with_the(gaz, doc[m.start : m.end].text)
    if cands or m.end - m.start < 2:
        return m, cands
    for width in range(m.end - m.start - 1, 0, -1):
        for a in range(m.start, m.end - width + 1):
            b = a + width
            words = doc[a:b]
            if (
                words[0].is_punct
                or words[-1].is_punct
                or not words[0].text[:1].isupper()
                or len(words.text) < 4
            ):
                continue
            if all(
                t.lower_ in _DIRECTIONS
                or t.lower_ in LANDMARK_HEADS
                or t.lower_ in PLACE_NOUNS
                or t.lower_ in INSTITUTION_WORDS
                for t in words
            ):
                continue
            left = doc[m.start : a]
            right = doc[b : m.end]
            # what is left over must be a direction word ("south Fargo"), or a separate
            # name cut off by punctuation ("Star Lake - Highway 59", "DFL-Minneapolis")
            # ("north-east South Africa"; "Henan province": a place noun after the name)
            left_ok = all(t.lower_ in _DIRECTIONS or t.text == "-" for t in left) or (
                len(left) and left[-1].is_punct
            )
            right_ok = (
                all(t.lower_ in _DIRECTIONS for t in right)
                or (len(right) and right[0].is_punct)
                or (len(right) == 1 and right[0].is_lower and right[0].lower_ in PLACE_NOUNS)
            )
            admin = words[-1].lower_ in ("county", "parish") and len(words) > 1
            # an organisation named after its place ("Alexandria Police", "Columbia City Council")
            # (the NER tags some of these GPE: "Alachua County Sheriff's Office")
            institution = any(t.lower_ in INSTITUTION_WORDS for t in right)
            org_prefix = (
                (m.label in ("ORG", "FAC", "") or institution)
                and a == m.start
                and not right[0].is_punct
                and (institution or not person_cues(doc[m.start : m.end]))
            )
            # "the University of Rochester", "First Bank of Princeton": the place an
            # organisation is "of" closes its name
            org_of = (
                m.label in ("ORG", "FAC")
                and b == m.end
                and len(left) >= 2
                and (left[-1].lower_ == "of" or (left[-1].lower_ == "the" and left[-2].lower_ == "of"))
                and not (b - a == 1 and doc[a].lower_ in _PORTFOLIOS)
            )
            if not ((left_ok and right_ok) or (admin and right_ok) or org_prefix or org_of):
                continue
            sub = gaz.lookup(words.text)
            if sub:
                if org_of and not (left_ok and right_ok):
                    label = "OF"
                else:
                    label = "PREFIX" if org_prefix and not (left_ok and right_ok) else m.label
                return Mention(a, b, label, m.locative), sub
    return m, cands


def part_of_person_name(span) -> bool:
    """A town's name that is part of a person's ("Paris Hilton": "Paris" is tagged GPE)."""
    root = span.root
    head = root.head
    return root.dep_ == "compound" and head.i >= span.end and head.ent_type_ == "PERSON"


def county_mode(span) -> bool:
    """The name of a county ("Jackson, Madison and Oglethorpe counties", "Becker County")."""
    tok = span.root
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            break
        if head.i >= span.end and head.lemma_.lower() in ("county", "parish", "borough"):
            return True
        if tok.dep_ not in ("conj", "compound", "nmod", "amod"):
            break
        tok = head
    return span.end < len(span.doc) and span.doc[span.end].lower_ in ("counties", "parishes")


_REGION_NOUNS = ("state", "province")
# words before a name that make it the state's ("upstate New York", "western Washington")
_STATE_BEFORE = frozenset(["upstate", "downstate", "statewide"])
# words after a name (or its possessive) that name a state's offices ("New York Gov.
# Hochul", "Washington's attorney general", "the New York Legislature")
_STATE_OFFICES = frozenset(
    [
        "gov",
        "gov.",
        "governor",
        "legislature",
        "legislators",
        "lawmakers",
        "attorney",
        "assembly",
        "statehouse",
    ]
)


def state_mode(span) -> bool:
    """The words say the state or province, not a city that shares its name.

    "a Washington state farm", "Punjab province", "the state of Washington", "upstate New
    York", "New York's governor" (and, see ``_qualifiers_are_regions``, "Buffalo, New York").
    """
    doc = span.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ in _REGION_NOUNS and nxt.is_lower:
        return True
    after = span.end + (1 if nxt is not None and nxt.tag_ == "POS" else 0)
    if after < len(doc) and doc[after].lower_ in _STATE_OFFICES:
        return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in _STATE_BEFORE:
        return True
    # "the state of Washington", "the province of Zaire", "the governor of New York";
    # "the State of Israel" is a country
    return (
        span.start >= 2
        and doc[span.start - 1].lower_ == "of"
        and (doc[span.start - 2].lower_ in _REGION_NOUNS or doc[span.start - 2].lower_ in _STATE_OFFICES)
        and doc[span.start - 2].is_lower
    )


def _qualifier(doc: Doc, gaz: Gazetteer, m: Mention) -> list[Candidate] | None:
    """The state or country after a comma ("Springfield, Ill.", "Homs, Syria") as containers."""
    i = m.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return None
    # "China, Japan and Brazil" is a list, not a town qualified by its country; but a
    # state's abbreviation is no list item ("Washington, Pa.": the town, not the state)
    region_name = any(c.feature == "country" or c.us_state for c in gaz.lookup(doc[m.start : m.end].text))
    for width in (3, 2, 1):
        words = doc[i + 1 : i + 1 + width]
        if len(words) < width or not words[0].text[:1].isupper() or any(t.text == "," for t in words[1:]):
            continue
        found = [c for c in gaz.lookup(words.text) if c.feature in ("country", "admin") and not c.admin2]
        if region_name and not any(c.kind == 3 for c in found):
            return None
        quals = [c for c in found if not region_name or c.kind == 3]
        # a container only if it contains one of the name's readings (else "Sharon, Kent" is a list)
        if quals and any(inside(c, q) for c in gaz.lookup(doc[m.start : m.end].text) for q in quals):
            return quals
    return None


def _physical(doc: Doc, gaz: Gazetteer, m: Mention, place_tokens: set[int]) -> Candidate | None:
    """A macro-region, sea, river or range of the table (``resolve.physical``), never a town.

    Not inside an organisation's or a person's name ("Middle East Airlines" is a whole
    ORG span, so it never matches), and not where a qualifier pins a town of the name.
    """
    span = m.span(doc)
    if m.label in ("ORG", "FAC", "PERSON") and not locative(span, place_tokens):
        return None
    after_the = m.start > 0 and doc[m.start - 1].lower_ == "the"
    feature = physical.lookup(span.text, after_the)
    if feature is None or _qualifier(doc, gaz, m):
        return None
    return feature


def _qualifiers_are_regions(text: str, items: list[_Item]) -> None:
    """ "Buffalo, New York", "Homs, Syria": the name that qualifies a town is the region or
    country that holds it, not a city of the same name."""
    for prev, it in pairwise(items):
        if prev.qualifier and text[prev.end_char : it.start_char].strip() == ",":
            keep = tuple(c for c in it.cands if any(c.eid == q.eid for q in prev.qualifier))
            it.cands = keep or it.cands


def find_places(ctx: Context) -> list[Place]:
    gaz = gazetteer()
    doc = ctx.doc
    geo = GeoContext()
    items: list[_Item] = []
    place_surfaces: set[str] = set()
    mentions = _mentions(ctx, gaz)
    for m in mentions:
        if m.label in _PLACE_LABELS:
            place_surfaces.add(name_key(m.span(doc).text))

    # countries the article names through people and groups: demonyms and roles
    for ent in ctx.entities:
        if ent.type == "NORP":
            # a demonym ("Syrian"); a bare country name tagged NORP is a mis-tag, often of a
            # town that shares the name ("Lebanon", Indiana), and says nothing here
            iso3 = None if name_country(ent.name) else country_of(ent.name)
            if iso3:
                c = _iso2(iso3)
                if c:
                    geo.countries[c] += 0.5 * len(ent.mentions)
        elif ent.type == "PERSON":
            for role in ent.roles:
                # "Lebanon street commissioner" in an article that names Lebanon as a place:
                # which Lebanon is for the place to settle, not for the role to presume
                words = f" {name_key(role)} "
                if any(f" {k} " in words for k in place_surfaces):
                    continue
                iso3 = country_of(role)
                if iso3 and (c := _iso2(iso3)):
                    geo.countries[c] += 0.5

    # the publisher's country-code domain ("thisisoxfordshire.co.uk"): as strong as a
    # country named in the text, since local news rarely names its own country
    if (home_cc := publisher_country(ctx.url)) is not None:
        geo.countries[home_cc] += _PUBLISHER_WEIGHT
    lean = "US" if _DOLLARS.search(ctx.text) and not _OTHER_MONEY.search(ctx.text) else None
    place_tokens: set[int] = set()
    for m in mentions:
        if m.label in _PLACE_LABELS:
            place_tokens.update(range(m.start, m.end))
    later: list[tuple[Mention, object, tuple[Candidate, ...], bool]] = []
    person_words = {
        w for ent in ctx.entities if ent.type == "PERSON" and " " in ent.name for w in ent.name.split()[-1:]
    }
    for m in mentions:
        whole = m.span(doc)
        if (feature := _physical(doc, gaz, m, place_tokens)) is not None:
            items.append(_Item(m, whole.text, whole.start_char, whole.end_char, (feature,)))
            continue
        if (
            (m.label != "PERSON" or locative(whole, place_tokens))
            and landmark(whole)
            and not (
                # "United Way", "Discovery Channel", "Ernie's Place": names of organisations
                # whose last word only sometimes names a feature
                m.label in ("ORG", "NORP")
                and whole[-1].lower_ in AMBIGUOUS_HEADS
                and (residents_of(whole) or not locative(whole, place_tokens))
            )
            and not any(
                (c.kind == 0 and c.feature in ("city", "admin")) or c.feature == "country"
                for c in gaz.lookup(whole.text)
            )
        ):
            if not part_of_person_name(whole) and not person_cues(whole):
                items.append(
                    _Item(
                        Mention(m.start, m.end, "LANDMARK", True),
                        whole.text,
                        whole.start_char,
                        whole.end_char,
                        (),
                    )
                )
            continue
        m, cands = _narrow(doc, gaz, m)
        span = m.span(doc)
        text = span.text
        if len(span) == 1 and (
            span[0].lower_ in PLACE_NOUNS
            or span[0].lower_ in LANDMARK_HEADS
            or span[0].lower_ in INSTITUTION_WORDS
        ):
            continue  # "City", "County": a generic word, not a name
        if _is_demonym(text) or _names_a_disease(span):
            continue
        if cands and _acronym(text, m.label):
            # "EU", "FAO", "NATO" match towns called Eu, Al Faw or Nato only by case folding:
            # an acronym reads as a place through the abbreviations a place goes by
            cands = tuple(c for c in cands if c.kind == 3 or (c.kind == 1 and c.pop >= 1_000_000))
            if not cands:
                continue
        if cands and county_mode(span):
            counties = [c for c in cands if c.feature == "admin" and c.admin2]
            cands = tuple(counties) or cands
        elif cands and state_mode(span):
            states = [c for c in cands if c.feature == "admin" and not c.admin2]
            cands = tuple(states) or cands
        # "the Harris County Clerk's office": a county's full name is a place wherever it stands
        admin_form = span[-1].lower_ in ("county", "parish") and any(
            c.kind == 0 and c.feature == "admin" and c.admin2 for c in cands
        )
        loc = m.locative or admin_form or locative(span, place_tokens)
        if part_of_person_name(span):
            continue
        if text in person_words and not (m.label in _PLACE_LABELS and loc):
            continue  # "Burley said" after "Margaret Burley": the person, not the town
        if m.label in _PLACE_LABELS:
            pass
        elif m.label in _INSIDE_NAMES:
            # the name itself or an abbreviation: "Ford Motor", "Lincoln Day Dinner" and "Grand
            # Jury" match counties only by dropping the word "County", which is not there
            nxt = _next_word(doc, m)
            if not any(
                c.feature in ("city", "admin", "country")
                and (c.kind in (0, 3) or (c.kind == 2 and (nxt in _ADMIN_WORDS or _serves_town(doc, m))))
                for c in cands
            ):
                continue
        elif m.label in ("PERSON", "ORG", "FAC", "NORP", ""):
            # outside a place position, a name the NER did not call a place matches a town
            # by an alternate name only where that town is a city ("Duke" is an old name of
            # Erwin, NC; "entered Palmyra" still reaches Tadmur)
            if not loc:
                cands = tuple(c for c in cands if c.kind != 1 or c.pop >= 1_000_000)
            if not cands and not loc:
                continue
            known = name_key(text) in place_surfaces
            if not known and not (loc and not person_cues(span)):
                if cands and not person_cues(span):
                    later.append((m, span, cands, loc))  # a place if the article says so elsewhere
                continue
            if m.label in ("ORG", "FAC") and not (cands and any(c.feature != "region" for c in cands)):
                continue
        else:
            continue
        items.append(
            _Item(
                Mention(m.start, m.end, m.label, loc),
                text,
                span.start_char,
                span.end_char,
                cands,
            )
        )

    # one sense per discourse: "Fargo tried ..." is the Fargo the article put "in Fargo" before
    accepted = {name_key(it.text) for it in items if it.cands and it.mention.label not in _INSIDE_NAMES}
    for m, span, cands, loc in later:
        if name_key(span.text) in accepted:
            items.append(
                _Item(Mention(m.start, m.end, m.label, loc), span.text, span.start_char, span.end_char, cands)
            )
    items.sort(key=lambda it: it.start_char)
    for it in items:
        it.qualifier = _qualifier(doc, gaz, it.mention)
    _qualifiers_are_regions(ctx.text, items)

    support: dict = {}
    near: dict = {}
    seen: set[str] = set()
    for it in items:
        key = name_key(it.text)
        if it.cands and key not in seen:
            seen.add(key)
            probe = GeoContext(support=support, near=near)
            add_support(probe, key, it.cands)
    for key, cands in address_places(gaz, ctx.url, seen, ctx.text):
        add_support(GeoContext(support=support, near=near), key, cands)
    base = GeoContext(countries=geo.countries.copy(), support=support, near=near, lean=lean)
    dateline = _dateline_item(ctx, items)
    home = _dateline_home(dateline, base)
    anchored = _anchored(ctx, items, dateline)
    geo.support, geo.near = support, near
    # pass 1: what is clear without context anchors the article (a country named as such,
    # a name with one reading); passes 2-4 read everything in the light of the pass before,
    # each name seeing the others but not itself (a name's own earlier reading must not
    # vote for itself: that locks in a first mistake); two ambiguous names that lie close
    # together in one state ("Huntsville", "Walker County") need the third pass to settle
    contribs: list[tuple[str, Candidate, float]] = []
    for it in items:
        if not it.cands:
            continue
        key = name_key(it.text)
        res = resolve(it.cands, base, it.qualifier, key)
        it.resolution = res
        if res and it.mention.label in _PLACE_LABELS and (res.confidence >= 0.9 or it.qualifier):
            contribs.append((key, res.candidate, 1.0 if res.candidate.feature == "country" else 0.7))
    starts = [s.start_char for s in doc.sents]
    sentence_of = [bisect_right(starts, it.start_char) for it in items]
    for _ in range(3):
        views: dict[str, GeoContext] = {}
        locals_ = _local_evidence(items, sentence_of, doc, anchored)
        for i, it in enumerate(items):
            if it.cands:
                key = name_key(it.text)
                view = views.get(key)
                if view is None:
                    view = views[key] = _view(base, home, contribs, key)
                it.resolution = resolve(it.cands, view, it.qualifier, key, locals_[i])
        contribs = [
            (name_key(it.text), it.resolution.candidate, _weight(it))
            for it in items
            if it.resolution and _weight(it) > 0
        ]
    geo = _view(base, home, contribs, None)
    _harmonise_lists(ctx, items, geo)
    # one sense per name within the article
    by_key: dict[str, list[_Item]] = defaultdict(list)
    for it in items:
        by_key[name_key(it.text)].append(it)
    for group in by_key.values():
        best = max((g.resolution for g in group if g.resolution), key=lambda r: r.confidence, default=None)
        if best is None:
            continue
        for g in group:
            if g.resolution is None or (
                g.qualifier is None and g.resolution.candidate.eid != best.candidate.eid
            ):
                g.resolution = best
    _parts_of_towns(items)
    _short_forms(items)
    _generic_tails(items)
    # misspellings: only names in place positions, only within the article's countries
    countries = geo.top_countries(3)
    for it in items:
        if it.cands or it.resolution or not countries:
            continue
        if not it.mention.locative or it.mention.label in ("ORG", "FAC", "LANDMARK"):
            continue
        fuzzy = fuzzy_candidates(gaz, it.text, countries)
        if fuzzy:
            res = resolve(fuzzy, geo, it.qualifier)
            if res:
                it.resolution = Resolution(res.candidate, round(res.confidence * _FUZZY_CONFIDENCE, 3), True)
                ctx.flag(
                    "possible_misspelling",
                    f"{it.text!r} read as {res.candidate.name!r}",
                    (it.start_char, it.end_char),
                )

    home_country = _article_country(items)
    focus = _focus(items) if home_country else None
    if focus is not None and focus.cc != home_country:
        focus = None
    placed = {name_key(it.text) for it in items if it.mention.locative}
    where = _Where({}, focus, home_country)
    for it in items:
        if it.resolution is not None and it.mention.label not in _INSIDE_NAMES:
            sent = ctx.sentence_of(it.start_char)
            where.readings.setdefault(sent, []).append((it.start_char, it.resolution.candidate))
    places: list[Place] = []
    for it in sorted(items, key=lambda x: x.start_char):
        res = it.resolution
        if (
            res is None
            and it.mention.label not in (*_PLACE_LABELS, "LANDMARK")
            and cue_feature(doc, it.mention) in (None, "locality")
        ):
            continue
        if res is None and not it.cands and _unsupported(doc, it, placed):
            continue
        if it.mention.label in _INSIDE_NAMES and _names_an_organisation(doc, it.mention):
            continue  # "Ohio State University", "the China Daily": no place record
        if (
            res is not None
            and it.mention.label in _INSIDE_NAMES
            and (
                res.candidate.feature == "city"
                # a county read from its bare name ("Columbia University" -> Columbia County)
                or (res.candidate.kind == 2 and _next_word(doc, it.mention) not in _ADMIN_WORDS)
            )
            and not (
                (res.candidate.cc in geo.countries and name_key(it.text) in accepted)
                or (
                    (it.mention.label == "OF" or _serves_town(doc, it.mention))
                    and (res.candidate.cc in geo.countries or not geo.countries)
                )
            )
        ):
            continue  # "Buffalo Public Schools", "Webb Center": a town only where the article has it
        places.append(_place(ctx, gaz, len(places) + 1, it, res, where))
    return places


_FOCUS_CONFIDENCE = 0.25

# words after a town's name that make the name the town's own public service: "Athens Police
# Department", "Canaan Board of Finance", "Alexandria City Public Schools" are the town's,
# where "Webb Center" or "Buffalo Wild Wings" merely borrow a name
_TOWN_SERVICES = frozenset(
    [
        # (not "high", "elementary" or "airport": schools and airports bear people's names)
        "hospital",
        "area",
        "historical",
        "district",
        "courthouse",
        "volunteer",
        "police",
        "sheriff",
        "sheriff's",
        "fire",
        "city",
        "town",
        "village",
        "township",
        "borough",
        "board",
        "council",
        "selectmen",
        "public",
        "school",
        "schools",
        "library",
        "department",
        "municipal",
        "parks",
        "recreation",
        "planning",
        "zoning",
        "housing",
        "water",
        "utilities",
        "chamber",
    ]
)


# head words of organisations, buildings and teams that are no public service of the place
# in their name: a university, a newspaper, a firm, a club is not where the story is
# (a town's police or a state's ministry is the place acting, and stays its place)
_ORGANISATION_HEADS = frozenset(
    [
        "university",
        "college",
        "institute",
        "academy",
        "times",
        "post",
        "herald",
        "news",
        "journal",
        "tribune",
        "gazette",
        "daily",
        "chronicle",
        "courier",
        "observer",
        "press",
        "broadcasting",
        "television",
        "radio",
        "corporation",
        "corp",
        "corp.",
        "inc",
        "inc.",
        "company",
        "llc",
        "ltd",
        "bank",
        "airlines",
        "airways",
        "club",
        "society",
        "association",
        "foundation",
        "singers",
        "symphony",
        "orchestra",
        "theatre",
        "theater",
        "stadium",
        "arena",
        "hotel",
        "mall",
        "fc",
    ]
)


def _names_an_organisation(doc: Doc, m: Mention) -> bool:
    """The place name sits inside the name of a university, newspaper, firm, club or
    building ("Ohio State University", "University of Arizona", "Los Angeles Times")."""
    ent = next((e for e in doc.ents if e.start <= m.start and m.end <= e.end), None)
    if ent is not None and (ent.start, ent.end) != (m.start, m.end):
        words = [t.lower_ for t in ent if not (m.start <= t.i < m.end)]
    else:  # the NER cut the name short: the capitalised words after it
        words = []
        for t in doc[m.end : m.end + 4]:
            if not t.text[:1].isupper():
                break
            words.append(t.lower_)
    return any(w in _ORGANISATION_HEADS for w in words)


def _next_word(doc: Doc, m: Mention) -> str:
    return doc[m.end].lower_ if m.end < len(doc) else ""


def _serves_town(doc: Doc, m: Mention) -> bool:
    """The name heads an organisation named for the town it serves ("Athens Police")."""
    i = m.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1  # "Kent's Board of Finance"
    return i < len(doc) and doc[i].lower_ in _TOWN_SERVICES


def _focus(items: list[_Item]) -> Candidate | None:
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


# a place that names a disease or its agent: "West Nile virus", "Hong Kong flu", "Bird Flu"
_DISEASE_WORDS = frozenset(["flu", "influenza", "virus", "ebolavirus", "fever", "syndrome"])


def _names_a_disease(span) -> bool:
    doc = span.doc
    if span[-1].lower_ in _DISEASE_WORDS:
        return True
    nxt = span.end
    if nxt < len(doc) and doc[nxt].text in ("[", "("):
        nxt += 1  # "West Nile [virus]"
    return nxt < len(doc) and doc[nxt].lower_ in _DISEASE_WORDS


def _acronym(text: str, label: str) -> bool:
    """Two or three capitals ("EU", "E.U."), or four outside a place tag ("NATO" as an ORG)."""
    letters = text.replace(".", "")
    if not letters.isalpha() or not letters.isupper():
        return False
    return 2 <= len(letters) <= 3 or (len(letters) == 4 and label not in _PLACE_LABELS)


def _unsupported(doc: Doc, it: _Item, placed: set[str]) -> bool:
    """A name no gazetteer knows, that no place word or position makes a place.

    The NER tags groups, teams, firms and languages GPE ("Tamil", "Ittihad", "Titan");
    without an entry, a place noun ("Readington Township") or a place position anywhere
    in the article ("in Prisi"), nothing says that the name is a place.
    """
    if it.mention.label not in _PLACE_LABELS or name_key(it.text) in placed:
        return False
    span = doc[it.mention.start : it.mention.end]
    words = {t.lower_ for t in span}
    if words & PLACE_NOUNS or words & LANDMARK_HEADS:
        return False
    # an object or list member may still be an unlisted village ("shelled X, Y and Z");
    # a modifier, owner or subject ("Tamil leaders", "Titan's permit") names something else
    return span.root.dep_ in ("compound", "amod", "nmod", "poss", "nsubj", "nsubjpass", "npadvmod")


def _parts_of_towns(items: list[_Item]) -> None:
    """ "north Arlington", "North Arlington" in an article about Arlington: a part of that town.

    A direction word before a name the article also uses alone reads as a part of the
    place it names, unless the whole resolves near it anyway (a suburb of its own).
    """
    alone = {name_key(it.text): it.resolution for it in items if it.resolution}
    for it in items:
        words = it.text.split()
        if len(words) < 2 or words[0].lower() not in _DIRECTIONS or it.qualifier:
            continue
        rest = alone.get(name_key(" ".join(words[1:])))
        if rest is None:
            continue
        own = it.resolution
        if rest.candidate.feature != "city" or (own is not None and own.candidate.feature != "city"):
            continue  # "West Virginia" and "Virginia", "South Sudan" and "Sudan" are two places
        if own is None or _far(own.candidate, rest.candidate):
            it.resolution = Resolution(rest.candidate, round(min(rest.confidence, 0.7), 3))


def _short_forms(items: list[_Item]) -> None:
    """ "Avondale" after "Avondale Estates": the short form of a town the article names in full.

    Only a town's name (not "Kansas" beside "Kansas City", nor "Washington" beside
    "Washington County": a name that is itself a state, county or country stays what it
    reads as), and only where the full name resolved to a town that bears it.
    """
    full = [
        (name_key(it.text), it.resolution)
        for it in items
        if it.resolution and it.resolution.candidate.feature == "city" and " " in name_key(it.text)
    ]
    if not full:
        return
    for it in items:
        if it.qualifier:
            continue
        key = name_key(it.text)
        if any(c.feature in ("country", "admin", "region") for c in it.cands):
            continue
        for long_key, res in full:
            if long_key.startswith(f"{key} ") and name_key(res.candidate.name).startswith(f"{key} "):
                if it.resolution is None or it.resolution.candidate.eid != res.candidate.eid:
                    it.resolution = Resolution(res.candidate, round(min(res.confidence, 0.8), 3))
                break


def _generic_tails(items: list[_Item]) -> None:
    """ "Dublin City (Council)" in an article whose "Dublin" is the Ohio town: that town's."""
    towns = {
        name_key(it.text): it.resolution
        for it in items
        if it.resolution
        and it.resolution.candidate.feature == "city"
        and it.mention.label not in _INSIDE_NAMES
    }
    for it in items:
        words = name_key(it.text).split()
        if it.qualifier or len(words) < 2 or words[-1] not in _GENERIC_TAILS:
            continue
        town = towns.get(" ".join(words[:-1]))
        if town is not None and (it.resolution is None or it.resolution.candidate.cc != town.candidate.cc):
            it.resolution = Resolution(town.candidate, round(min(town.confidence, 0.8), 3))


def _far(a: Candidate, b: Candidate, km: float = 50.0) -> bool:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return a.eid != b.eid
    dlat = math.radians(b.lat - a.lat)
    dlon = math.radians(b.lon - a.lon) * math.cos(math.radians((a.lat + b.lat) / 2))
    return 6371.0 * math.hypot(dlat, dlon) > km


def _weight(it: _Item) -> float:
    """How much a resolved name says about where the article is.

    Names inside organisations' names follow the article's places rather than lead them,
    except a state or country heading one ("Georgia Bureau of Investigation", "Florida
    Highway Patrol"): local agencies are named after the region they serve.
    """
    assert it.resolution is not None
    cand, conf = it.resolution.candidate, it.resolution.confidence
    if it.mention.label in _INSIDE_NAMES:
        return 0.5 * conf if cand.feature == "country" or cand.us_state else 0.0
    return conf * (1.0 if it.mention.label in _PLACE_LABELS else 0.5)


def _view(
    base: GeoContext,
    home: Candidate | None,
    contribs: list[tuple[str, Candidate, float]],
    without: str | None,
) -> GeoContext:
    """The article's context as one name sees it: every resolved place but its own readings."""
    geo = GeoContext(
        countries=base.countries.copy(), home=home, support=base.support, near=base.near, lean=base.lean
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


def _local_evidence(
    items: list[_Item], sentence_of: list[int], doc: Doc, anchored: set[str]
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
    placed: list[tuple[int, str, str, str]] = []
    for i, it in enumerate(items):
        cand = it.resolution.candidate if it.resolution else None
        if cand is None or not cand.cc:
            continue
        if cand.feature == "country" and not _modifier(doc[it.mention.start : it.mention.end]):
            placed.append((sentence_of[i], name_key(it.text), cand.cc, ""))
        elif cand.first_level and cand.admin1:
            placed.append((sentence_of[i], name_key(it.text), cand.cc, cand.admin1))
    out: list[LocalEvidence | None] = []
    for it, sent in zip(items, sentence_of, strict=True):
        if not it.cands:
            out.append(None)
            continue
        key = name_key(it.text)
        countries: dict[str, float] = {}
        regions: dict[tuple[str, str], float] = {}
        for s_i, k, cc, admin1 in placed:
            if same_name(k, key):
                continue
            gap = abs(s_i - sent)
            b = _SENTENCE_BONUS if gap == 0 else _NEXT_SENTENCE_BONUS if gap == 1 else 0.0
            if admin1:
                if gap == 0:  # a state holds a town named in its own sentence only
                    regions[(cc, admin1)] = 1.0
            else:
                countries[cc] = max(b, countries.get(cc, 0.0))
        anchor = key in anchored
        countries = {k: v for k, v in countries.items() if v}
        regions = {k: v for k, v in regions.items() if v}
        out.append(LocalEvidence(countries, regions, anchor) if countries or regions or anchor else None)
    return out


def _anchored(ctx: Context, items: list[_Item], home: _Item | None) -> set[str]:
    """Names the article is local to: its dateline's, a town heading its own public service
    ("Paris Police Department"), a name inside the publisher's host name ("parisnews") or
    among the words of its address ("columbuslocalnews.com/.../dublin_news/")."""
    host = publisher_host(ctx.url)
    words = {w for w, _ in address_words(ctx.url)}
    out = {name_key(home.text)} if home is not None else set()
    for it in items:
        key = name_key(it.text)
        if (
            _serves_town(ctx.doc, it.mention)
            or (len(key) >= 4 and key.replace(" ", "") in host)
            or key.replace(" ", "") in words
        ):
            out.add(key)
    return out


def _iso2(iso3: str) -> str | None:
    from dateline.resolve.countries import country_by_iso3

    c = country_by_iso3(iso3)
    return c.iso2 if c else None


def _dateline_item(ctx: Context, items: list[_Item]) -> _Item | None:
    """The name of a dateline ("CHARLESTON, W.Va. —"): it opens the text ("Gymnastics:
    Hagerstown ..." is a headline)."""
    head = ctx.text[:80]
    if not _DATELINE.match(head):
        return None
    start = len(head) - len(head.lstrip())
    return next((it for it in items if it.start_char == start and it.cands), None)


def _dateline_home(item: _Item | None, base: GeoContext) -> Candidate | None:
    """The place of the dateline, resolved with its own qualifier.

    It is read in the light of where the article's other names may lie (``base``), like
    any name, before it becomes the article's strongest anchor.
    """
    if item is None:
        return None
    res = resolve(item.cands, base, item.qualifier, name_key(item.text), LocalEvidence(anchored=True))
    return res.candidate if res else None


def _article_country(items: list[_Item]) -> str | None:
    """The one country an article's resolved places lie in, if they (nearly) all agree."""
    ccs = [it.resolution.candidate.cc for it in items if it.resolution and it.resolution.candidate.cc]
    if len(ccs) < 2:
        return None
    cc, n = Counter(ccs).most_common(1)[0]
    return cc if n / len(ccs) >= 0.8 else None


def _place(ctx: Context, gaz: Gazetteer, n: int, it: _Item, res: Resolution | None, where: _Where) -> Place:
    span = (it.start_char, it.end_char)
    sentence = ctx.sentence_of(span[0])
    if res is None:
        # no gazetteer entry: the kind the words give, and the coordinates of a place that
        # contains it, or (roughly) of the town a local article keeps returning to
        feature = cue_feature(ctx.doc, it.mention) or ("landmark" if it.mention.label == "LANDMARK" else None)
        inner = smallest_container(where.readings.get(sentence, []), span[0])
        container, precision = (inner, "container") if inner else (where.focus, "vicinity")
        if container is None and where.country is not None:
            country = country_by_iso2(where.country)
            if country is not None and country.lat is not None:
                return Place(
                    id=f"p{n}",
                    text=it.text,
                    span=span,
                    sentence=sentence,
                    feature=feature,
                    country=where.country,
                    lat=country.lat,
                    lon=country.lon,
                    confidence=_FOCUS_CONFIDENCE,
                    precision="container",
                )
        return Place(
            id=f"p{n}",
            text=it.text,
            span=span,
            sentence=sentence,
            feature=feature,
            country=container.cc if container else where.country,
            admin1=_admin1_name(gaz, container) if container else None,
            lat=container.lat if container else None,
            lon=container.lon if container else None,
            confidence=_FOCUS_CONFIDENCE if container else None,
            precision=precision if container else None,
        )
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


def _admin1_name(gaz: Gazetteer, c: Candidate) -> str | None:
    admin1 = gaz.admin1_of(c)
    return admin1.name if admin1 and c.feature != "country" else None


@dataclass
class _Where:
    """What an unlisted place's record may borrow coordinates from (see ``unlisted``)."""

    readings: dict[int, list[tuple[int, Candidate]]]  # sentence -> resolved (start, place)
    focus: Candidate | None
    country: str | None


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
