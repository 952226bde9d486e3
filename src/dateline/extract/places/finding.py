"""Finding the place mentions of an article: NER places, names the NER mislabels,
macro-regions and seas, landmarks; their gazetteer candidates and qualifiers."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise

from spacy.tokens import Doc

from dateline.context import Context
from dateline.extract.places.items import INSIDE_NAMES, MAYBE_LABELS, PLACE_LABELS, Item
from dateline.extract.places.kinds import kind_of
from dateline.extract.places.mentions import (
    AMBIGUOUS_HEADS,
    DIRECTIONS,
    INSTITUTION_WORDS,
    LANDMARK_HEADS,
    PLACE_NOUNS,
    Mention,
    ground_position,
    landmark,
    locative,
    person_cues,
    propn_runs,
    residents_of,
    trim,
)
from dateline.extract.places.organisations import ADMIN_WORDS, PORTFOLIOS, next_word, serves_town
from dateline.extract.places.unlisted import cue_feature, grounded_site
from dateline.resolve import physical
from dateline.resolve.countries import demonym_country
from dateline.resolve.gazetteer import Candidate, Gazetteer
from dateline.resolve.geocode import inside
from dateline.resolve.names import name_key
from dateline.tokens import span_of


def _is_demonym(text: str) -> bool:
    return demonym_country(text) is not None


def _mentions(ctx: Context, gaz: Gazetteer) -> list[Mention]:
    doc: Doc = ctx.doc
    out: list[Mention] = []
    taken: set[int] = set()
    in_time = Overlaps(t.span for t in ctx.times)
    for ent in doc.ents:
        label = ent.label_
        for t in ent:
            taken.add(t.i)
        if label not in PLACE_LABELS and (name := _name_before_distance(ent)) is not None:
            ent, label = name, ""
        if (
            label in _TIME_LABELS
            and all(t.pos_ == "PROPN" for t in ent if not t.is_punct)
            and not any(ch.isdigit() for ch in ent.text)
            and not in_time.any(ent.start_char, ent.end_char)
        ):
            # "shot down a drone over X on Sunday" with X tagged a date that the times stage
            # found no time in: an untagged name, a place where the article names it as one
            label = ""
        split_and = _coordinated_names(doc, gaz, ent)
        if (
            label in _NAME_LABELS
            and all(t.pos_ == "PROPN" for t in ent if not t.is_punct and t.i not in split_and)
            and locative(ent)
            and (label != "EVENT" or ent.start == ent.root.left_edge.i)
        ):
            # "the village of Tamthil" tagged a title, "demonstrated in Sucre" an event (a
            # bare name: "in the first Gulf War", "from the Paris Rescue Squad" are no
            # places): a bare proper name
            label = ""
        if label not in PLACE_LABELS and label not in MAYBE_LABELS:
            continue
        # "Springfield, Ill." tagged as one entity: two places; "Fargo-Moorhead" too, where
        # the whole is no place of its own (as "Winston-Salem" is)
        parts: list[tuple[int, int]] = []
        s = ent.start
        split_hyphens = _hyphenated_places(doc, gaz, ent)
        for t in ent:
            if t.text == "," or (split_hyphens and t.text == "-") or (split_and and t.i in split_and):
                parts.append((s, t.i))
                s = t.i + 1
        parts.append((s, ent.end))
        for a, b in parts:
            a, b = trim(doc, a, b)
            if b <= a:
                continue
            span = span_of(doc, a, b)
            if in_time.any(span.start_char, span.end_char):
                continue
            # the parts of "to Fargo-Moorhead" share the whole's place position
            out.append(Mention(a, b, label, split_hyphens and locative(ent)))
    for a, b in propn_runs(doc, taken):
        a, b = trim(doc, a, b)
        if b > a:
            span = span_of(doc, a, b)
            if in_time.any(span.start_char, span.end_char):
                continue
            out.append(Mention(a, b, "", False))
    out = _forced(doc, gaz, out, ctx.text, ctx.datelines.capital_places())
    return _join_split_names(doc, gaz, sorted(out, key=lambda m: m.start))


# NER labels it gives unknown proper names by mistake: where the parse puts such a name
# where places go ("the village of X", "in X"), it is read as an untagged name
_NAME_LABELS = frozenset(["WORK_OF_ART", "PRODUCT", "EVENT"])
_TIME_LABELS = frozenset(["DATE", "TIME"])
_DISTANCE_UNITS = frozenset(["km", "kms", "kilometers", "kilometres", "miles", "mi", "meters", "metres", "m"])


def _name_before_distance(ent):
    """The proper name the NER ran into the distance after it ("the village of X 20
    kilometres north of Y" tagged "X 20 kilometres" as a quantity or a facility), or None."""
    doc = ent.doc
    end = ent.start
    while end < ent.end and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper():
        end += 1
    if end == ent.start or end == ent.end or not doc[end].like_num:
        return None
    unit = doc[end + 1] if end + 1 < len(doc) else None
    if unit is None or unit.lower_.rstrip(".") not in _DISTANCE_UNITS:
        return None
    name = doc[ent.start : end]
    return name if locative(name) else None


def _coordinated_names(doc: Doc, gaz: Gazetteer, ent) -> frozenset[int]:
    """ "the road between [Tanguieta and Batia]": the NER ran two names joined by "and" into
    one entity (often an ORG); where the whole is no gazetteer name ("Trinidad and Tobago",
    "Bosnia and Herzegovina" are) and a proper name stands on each side, the conjunctions
    split it, and each name is then judged as a place on its own (its position, its entry)."""
    joins = frozenset(
        t.i
        for t in ent
        if t.pos_ == "CCONJ"
        and t.is_lower
        and ent.start < t.i < ent.end - 1
        and doc[t.i - 1].pos_ == "PROPN"
        and doc[t.i + 1].pos_ == "PROPN"
    )
    if not joins or gaz.lookup(ent.text):
        return frozenset()
    return joins


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


# a legislator's party and home: "Sen. Tom Smith, R-Marshall," "(D-Ohio)"
_PARTY_HOME = re.compile(r"(?<=[,(]\s)(?:R|D|I|DFL)-\s?([A-Z][a-z]*\.?(?:\s[A-Z][a-z]+\.?)?)(?=[,;)\s])")


def _forced(
    doc: Doc, gaz: Gazetteer, mentions: list[Mention], text: str, datelines: tuple[tuple[int, int], ...]
) -> list[Mention]:
    """Names that the layout of news text makes places, whatever the NER made of them.

    A dateline's place in capitals ("CROMWELL — The third ...", ``datelines``) and a
    legislator's party-and-home tag ("Tom Bakk, DFL-Cook,") name places; the NER often
    reads the capitals as an organisation, or the tag as part of the person.
    """
    spans = [(s, e) for s, e in datelines if e - s >= 3 and gaz.lookup(text[s:e])]
    for match in _PARTY_HOME.finditer(text):
        s, e = match.span(1)
        if e - s >= 3 and gaz.lookup(text[s:e]):
            spans.append((s, e))
    if not spans:
        return mentions
    forced: list[tuple[int, int]] = []
    for s, e in spans:
        span = doc.char_span(s, e, alignment_mode="contract")
        if span is not None and len(span):
            forced.append((span.start, span.end))
    # a forced name replaces the mentions it overlaps, and a later forced name an earlier
    # one: one pass each way over an index, not a filter of every mention per name (a long
    # article has thousands of both)
    hit = Overlaps(forced)
    kept = [m for m in mentions if not hit.any(m.start, m.end)]
    covered: set[int] = set()
    late: list[Mention] = []
    for a, b in reversed(forced):
        if not any(i in covered for i in range(a, b)):
            late.append(Mention(a, b, "GPE", True))
        covered.update(range(a, b))
    return kept + late[::-1]


class Overlaps:
    """Which ``[start, end)`` intervals overlap a query, in O(log n) per query.

    Sorted by start with the running maximum of the ends: an interval starting before the
    query's end overlaps it exactly when the largest end among them passes the query's start.
    """

    def __init__(self, intervals: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(intervals)
        self._starts = [s for s, _ in pairs]
        self._max_end = list(accumulate((e for _, e in pairs), max))

    def any(self, start: int, end: int) -> bool:
        """Whether some interval ``[s0, s1)`` has ``s0 < end`` and ``start < s1``."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start


# nouns for settlements: the proper nouns right before one are one name, a place's
_SETTLEMENT_NOUNS = frozenset(["village", "town", "township", "hamlet", "settlement"])
# what the NER calls the parts of a split name of an unknown place
_SPLIT_LABELS = frozenset([*PLACE_LABELS, "", "PERSON", "ORG", "NORP"])


def _join_split_names(doc: Doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """One mention for a name the NER cut in two ("Burkina" + "Faso", "Democratic Republic" + "Congo").

    Two neighbouring mentions, side by side or joined by "of (the)" or "and" ("Bosnia" +
    "Herzegovina", "Jammu" + "Kashmir"), become one when the
    whole is itself a country, region or sizeable town in the gazetteer; side by side
    whatever the NER called them, when a settlement noun follows the whole ("Thit Seint"
    tagged a person, "Gone" left untagged, before "village"): the noun names the kind of
    the whole name, which is a place (unlisted, most often).
    """
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == m.start
            and m.end < len(doc)
            and doc[m.end].is_lower
            and doc[m.end].lemma_ in _SETTLEMENT_NOUNS
            and prev.label in _SPLIT_LABELS
            and m.label in _SPLIT_LABELS
            and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in doc[prev.start : m.end])
        ):
            out[-1] = Mention(prev.start, m.end, "", True)
            continue
        if prev is not None and prev.label in (*PLACE_LABELS, "") and m.label in (*PLACE_LABELS, ""):
            gap = [t.lower_ for t in span_of(doc, prev.end, m.start)]
            if gap in ([], ["of"], ["of", "the"], ["and"], ["&"]) and not any(
                t.is_punct for t in span_of(doc, prev.start, m.end)
            ):
                whole = span_of(doc, prev.start, m.end).text
                if any(
                    c.kind == 0 and (c.feature in ("country", "region", "admin") or c.pop >= 10_000)
                    for c in gaz.lookup(whole)
                ):
                    out[-1] = Mention(prev.start, m.end, prev.label or m.label, prev.locative or m.locative)
                    continue
        out.append(m)
    return out


def _with_the(gaz: Gazetteer, text: str) -> tuple[Candidate, ...]:
    """ "Democratic Republic of Congo": the official name says "of the"."""
    return gaz.lookup(text.replace(" of ", " of the ")) if " of " in text and " of the " not in text else ()


def _narrow(doc: Doc, gaz: Gazetteer, m: Mention) -> tuple[Mention, tuple[Candidate, ...]]:
    """The mention's candidates; when the whole has none, the longest part that has some.

    "south Fargo", "Northwest D.C.", "Star Lake - Highway 59": the toponym is a part of the
    span, and the part is what gets resolved (and marked).
    """
    cands = gaz.lookup(span_of(doc, m.start, m.end).text) or _with_the(gaz, span_of(doc, m.start, m.end).text)
    if cands or m.end - m.start < 2:
        return m, cands
    if m.end < len(doc) and doc[m.end].is_lower and doc[m.end].lemma_ in PLACE_NOUNS:
        return m, cands  # "Khan Touman town": the whole is the town's name, unlisted
    for width in range(m.end - m.start - 1, 0, -1):
        for a in range(m.start, m.end - width + 1):
            b = a + width
            words = span_of(doc, a, b)
            if (
                words[0].is_punct
                or words[-1].is_punct
                or not words[0].text[:1].isupper()
                or len(words.text) < 4
            ):
                continue
            if all(
                t.lower_ in DIRECTIONS
                or t.lower_ in LANDMARK_HEADS
                or t.lower_ in PLACE_NOUNS
                or t.lower_ in INSTITUTION_WORDS
                for t in words
            ):
                continue
            if _after_article(doc, a):
                # "Al-Raqqa" is one name, read as "Raqqa" but whole; "al-Mashi village"
                # is never cut to a "Mashi" of its own
                if a == m.start + 2 and b == m.end and (sub := gaz.lookup(words.text)):
                    return m, sub
                continue
            left = span_of(doc, m.start, a)
            right = span_of(doc, b, m.end)
            # what is left over must be a direction word ("south Fargo"), or a separate
            # name cut off by punctuation ("Star Lake - Highway 59", "DFL-Minneapolis")
            # ("north-east South Africa"; "Henan province": a place noun after the name)
            left_ok = all(t.lower_ in DIRECTIONS or t.text == "-" for t in left) or (
                len(left) and left[-1].is_punct
            )
            right_ok = (
                all(t.lower_ in DIRECTIONS for t in right)
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
                and not (b - a == 1 and doc[a].lower_ in PORTFOLIOS)
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


# the Arabic definite article as transliterated before a hyphen ("al-", "el-", "ash-", "ad-")
_ARABIC_ARTICLES = frozenset(
    [
        "al",
        "el",
        "il",
        "ul",
        "an",
        "ar",
        "as",
        "ash",
        "at",
        "ath",
        "ad",
        "adh",
        "az",
        "ed",
        "es",
        "et",
        "ez",
        "en",
        "er",
    ]
)


def _after_article(doc: Doc, a: int) -> bool:
    """Token ``a`` follows the Arabic article of the same word ("al-Mashi", "Al-Bab")."""
    return (
        a >= 2
        and doc[a - 1].text in ("-", "‑")
        and not doc[a - 1].whitespace_
        and not doc[a - 2].whitespace_
        and doc[a - 2].lower_ in _ARABIC_ARTICLES
    )


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
    region_name = any(
        c.feature == "country" or c.us_state for c in gaz.lookup(span_of(doc, m.start, m.end).text)
    )
    for width in (3, 2, 1):
        words = span_of(doc, i + 1, i + 1 + width)
        if len(words) < width or not words[0].text[:1].isupper() or any(t.text == "," for t in words[1:]):
            continue
        found = [c for c in gaz.lookup(words.text) if c.feature in ("country", "admin") and not c.admin2]
        if region_name and not any(c.kind == 3 for c in found):
            return None
        quals = [c for c in found if not region_name or c.kind == 3]
        # a container only if it contains one of the name's readings (else "Sharon, Kent" is a list)
        if quals and any(inside(c, q) for c in gaz.lookup(span_of(doc, m.start, m.end).text) for q in quals):
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


def _qualifiers_are_regions(text: str, items: list[Item]) -> None:
    """ "Buffalo, New York", "Homs, Syria": the name that qualifies a town is the region or
    country that holds it, not a city of the same name."""
    for prev, it in pairwise(items):
        if prev.qualifier and text[prev.end_char : it.start_char].strip() == ",":
            keep = tuple(c for c in it.cands if any(c.eid == q.eid for q in prev.qualifier))
            it.cands = keep or it.cands


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
    return 2 <= len(letters) <= 3 or (len(letters) == 4 and label not in PLACE_LABELS)


def collect_items(ctx: Context, gaz: Gazetteer) -> Found:
    """The article's place mentions with their gazetteer candidates and qualifiers.

    NER places, and names the NER called something else where the parse puts them where
    places go, or where the article names them as places elsewhere; macro-regions and
    seas from the table; streets and waters as landmarks.
    """
    doc = ctx.doc
    mentions = _mentions(ctx, gaz)
    surfaces = {name_key(m.span(doc).text) for m in mentions if m.label in PLACE_LABELS}
    place_tokens = {i for m in mentions if m.label in PLACE_LABELS for i in range(m.start, m.end)}
    person_words = {
        w for ent in ctx.entities if ent.type == "PERSON" and " " in ent.name for w in ent.name.split()[-1:]
    }
    if person_words:
        # a name the article introduces with its kind ("the town of X", "X village") is no
        # one's surname, whatever the NER made of its other mentions ("retook X" as a person)
        person_words -= {
            m.span(doc).text
            for m in mentions
            if m.span(doc).text in person_words and cue_feature(doc, m) not in (None, "locality")
        }
    items: list[Item] = []
    later: list[Item] = []
    for m in mentions:
        item, maybe = _item(doc, gaz, m, place_tokens, surfaces, person_words)
        if item is not None:
            (later if maybe else items).append(item)
    # one sense per discourse: "Fargo tried ..." is the Fargo the article put "in Fargo" before
    accepted = {name_key(it.text) for it in items if it.cands and it.mention.label not in INSIDE_NAMES}
    # and for a name the gazetteer lacks: "the town of X" makes the later bare "X" that town
    introduced = _introduced(doc, items)
    items += [
        it
        for it in later
        if (it.cands and name_key(it.text) in accepted) or (not it.cands and name_key(it.text) in introduced)
    ]
    for it in items:
        if not it.cands:
            it.feature = introduced.get(name_key(it.text))
    items.sort(key=lambda it: it.start_char)
    for it in items:
        it.qualifier = _qualifier(doc, gaz, it.mention)
    _qualifiers_are_regions(ctx.text, items)
    return Found(items, accepted, surfaces)


def _introduced(doc: Doc, items: list[Item]) -> dict[str, str]:
    """The names the gazetteer lacks that the article introduces with their kind ("the town
    of X", "Y village"), and that kind: one sense per discourse, as for listed names."""
    out: dict[str, str] = {}
    for it in items:
        if it.cands or it.mention.label in INSIDE_NAMES or it.text.isupper():
            continue  # an unlisted acronym ("a TIF district") names a programme, not a town
        feature = cue_feature(doc, it.mention)
        if feature not in (None, "locality"):
            out.setdefault(name_key(it.text), feature)
    return out


@dataclass
class Found:
    items: list[Item]
    accepted: set[str]  # name keys the article uses as places (not only inside names)
    surfaces: set[str]  # name keys the NER tagged as places


def _item(
    doc: Doc,
    gaz: Gazetteer,
    m: Mention,
    place_tokens: set[int],
    surfaces: set[str],
    person_words: set[str],
) -> tuple[Item | None, bool]:
    """The item a mention makes, if any, and whether it waits for the article to name it
    as a place elsewhere."""
    whole = m.span(doc)
    if (feature := _physical(doc, gaz, m, place_tokens)) is not None:
        return Item(m, whole.text, whole.start_char, whole.end_char, (feature,)), False
    if _is_landmark(gaz, m, whole, place_tokens):
        if part_of_person_name(whole) or person_cues(whole):
            return None, False
        return Item(
            Mention(m.start, m.end, "LANDMARK", True), whole.text, whole.start_char, whole.end_char, ()
        ), False
    m, cands = _narrow(doc, gaz, m)
    span = m.span(doc)
    text = span.text
    if len(span) == 1 and (
        span[0].lower_ in PLACE_NOUNS
        or span[0].lower_ in LANDMARK_HEADS
        or span[0].lower_ in INSTITUTION_WORDS
    ):
        return None, False  # "City", "County": a generic word, not a name
    if _is_demonym(text) or _names_a_disease(span) or part_of_person_name(span):
        return None, False
    if m.label not in PLACE_LABELS and not any(t.text[:1].isupper() for t in span):
        return None, False  # "ran into the bush" tagged a person: a common noun, no name
    if m.label != "NORP" and not any(c.feature != "region" for c in cands) and grounded_site(doc, m):
        # a named site where places go ("fighting at the X airbase"), whatever the NER
        # called it but a people's name: a facility of its own
        return Item(Mention(m.start, m.end, m.label, True), text, span.start_char, span.end_char, ()), False
    if cands and _acronym(text, m.label):
        # "EU", "FAO", "NATO" match towns called Eu, Al Faw or Nato only by case folding:
        # an acronym reads as a place through the abbreviations a place goes by
        cands = tuple(c for c in cands if c.kind == 3 or (c.kind == 1 and c.pop >= 1_000_000))
        if not cands:
            return None, False
    if cands and county_mode(span):
        cands = tuple(c for c in cands if c.feature == "admin" and c.admin2) or cands
    elif cands and state_mode(span):
        cands = tuple(c for c in cands if c.feature == "admin" and not c.admin2) or cands
    # "the Harris County Clerk's office": a county's full name is a place wherever it stands
    admin_form = span[-1].lower_ in ("county", "parish") and any(
        c.kind == 0 and c.feature == "admin" and c.admin2 for c in cands
    )
    loc = m.locative or admin_form or locative(span, place_tokens)
    if text in person_words and not (m.label in PLACE_LABELS and loc):
        return None, False  # "Burley said" after "Margaret Burley": the person, not the town
    item = Item(Mention(m.start, m.end, m.label, loc), text, span.start_char, span.end_char, cands)
    item.kind = kind_of(span)
    if m.label in PLACE_LABELS:
        return item, False
    if m.label not in (*INSIDE_NAMES, *MAYBE_LABELS):
        return None, False
    if m.label in INSIDE_NAMES:
        # the name itself or an abbreviation: "Ford Motor", "Lincoln Day Dinner" and "Grand
        # Jury" match counties only by dropping the word "County", which is not there
        nxt = next_word(doc, m)
        keep = any(
            c.feature in ("city", "admin", "country")
            and (c.kind in (0, 3) or (c.kind == 2 and (nxt in ADMIN_WORDS or serves_town(doc, m))))
            for c in cands
        )
        return (item if keep else None), False
    # outside a place position, a name the NER did not call a place matches a town by an
    # alternate name only where that town is a city ("Duke" is an old name of Erwin, NC;
    # "entered Palmyra" still reaches Tadmur)
    if not loc:
        item.cands = cands = tuple(c for c in cands if c.kind != 1 or c.pop >= 1_000_000)
        if not cands:
            # an unlisted place only if the article introduces the name as one elsewhere
            return (None if person_cues(span) else item), True
    if name_key(text) not in surfaces and not (loc and not person_cues(span)):
        # a place only if the article says so elsewhere
        return (None if person_cues(span) else item), True
    # an organisation's name, unless the gazetteer lacks it, it stands where places go and
    # the words say its kind ("the village of Amerli", "Bayrampasa prison")
    # ("arrived in Walungu": an unlisted town the NER calls an organisation)
    unlisted = (
        not cands
        and loc
        and (cue_feature(doc, m) not in (None, "locality") or ground_position(span, m.label))
    )
    if (
        m.label in ("ORG", "FAC")
        and not (cands and any(c.feature != "region" for c in cands))
        and not unlisted
    ):
        return None, False
    return item, False


def _is_landmark(gaz: Gazetteer, m: Mention, whole, place_tokens: set[int]) -> bool:
    """A named street, road or natural feature that no town or country bears as its name."""
    return (
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
    )
