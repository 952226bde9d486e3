"""Places the gazetteer lacks: streets, neighbourhoods, villages, camps, small waters.

Why records and not silence: "the village of X", "X district", "a checkpoint near X" say
that X is a place and what kind, and events happen there; leaving them out loses the
event's own place. Such a record has no GeoNames id, the feature the words give, and the
coordinates of a place that contains it (a resolved name of its own sentence, else the
town a local article keeps returning to, else the article's country), with a precision
saying which (see ``docs/records.md``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.extract.places.mentions import DIRECTIONS, GROUND_PREPS, SITE_NOUNS, TERRITORY_VERBS, Mention
from dateline.resolve.gazetteer import Candidate

__all__ = [
    "FACILITY_NOUNS",
    "PRECISION",
    "cue_feature",
    "grounded_site",
    "precision_of",
    "smallest_container",
]

# precision of a place record's coordinates, finest first
PRECISION = ("point", "area", "container", "vicinity")

# nouns that say what kind of place a name is ("the village of X", "X district")
_CUE_NOUNS = {
    "village": "village",
    "hamlet": "village",
    "settlement": "village",
    "area": "district",
    "town": "town",
    "township": "town",
    "borough": "town",
    "municipality": "town",
    "city": "town",
    "district": "district",
    "subdistrict": "district",
    "sub-district": "district",
    "governorate": "district",
    "province": "district",
    "region": "district",
    "county": "district",
    "parish": "district",
    "prefecture": "district",
    "commune": "district",
    "neighbourhood": "neighbourhood",
    "neighborhood": "neighbourhood",
    "suburb": "neighbourhood",
    "quarter": "neighbourhood",
    "slum": "neighbourhood",
    "camp": "camp",
}
# nouns for buildings that also name the body housed there ("Lakeview High School",
# "Good Samaritan Hospital"): local news names them as institutions far more often than
# as the place of an event, so they make no place record of their own
INSTITUTION_NOUNS = frozenset(
    [
        "hospital",
        "clinic",
        "school",
        "university",
        "college",
        "academy",
        "museum",
        "hotel",
        "mosque",
        "church",
        "cathedral",
        "temple",
        "shrine",
    ]
)
FACILITY_NOUNS = SITE_NOUNS | INSTITUTION_NOUNS
# last words of a name that say its kind ("Main Street", "Neches River", "Lake Nasser")
_NAME_HEADS = {
    **{w: "street" for w in ("street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane")},
    **{w: "street" for w in ("drive", "highway", "hwy", "route", "interstate", "freeway", "expressway")},
    **{w: "water" for w in ("river", "lake", "creek", "bay", "sea", "gulf", "strait", "channel", "pond")},
    **{w: "mountain" for w in ("mountain", "mountains", "hill", "hills", "ridge", "peak", "mount")},
    **{w: "island" for w in ("island", "islands", "isle")},
}
_ARTICLES = frozenset(["a", "an", "the", "small", "remote", "nearby", "neighbouring", "neighboring"])


def cue_feature(doc: Doc, m: Mention) -> str | None:
    """The kind of place the words around (or inside) a name give, or None.

    "the village of X", "X district", "X, a village in ...", "Main Street", "Lake X";
    a name the parse puts where places go ("a checkpoint near X") is a "locality".
    """
    words = [t.lower_.rstrip(".") for t in doc[m.start : m.end]]
    if len(words) >= 2:
        if words[-1] in _NAME_HEADS:
            return _NAME_HEADS[words[-1]]
        if words[0] in ("lake", "mount", "mt", "isle"):
            return _NAME_HEADS.get(words[0], "water")
        if words[-1] in _CUE_NOUNS:
            return _CUE_NOUNS[words[-1]]  # "Saydabad District", "Yarmouk Refugee Camp"
        if _facility(words[-1], m.label):
            return "facility"  # "the Dumayr Airbase", "Al-Farouk Hospital"
    nxt = _word(doc, m.end, 1)
    if nxt is not None and nxt.is_lower and (_cue(nxt) or _facility(nxt.lower_, m.label)):
        if _a_peoples(doc, m):
            return None  # "a Jewish neighbourhood", "this Kurdish area": whose, not which
        if _modifies_a_named_place(doc, m):
            return None  # "the Kurdish city of Afrin": the name after "of" is the city
        return _cue(nxt) or "facility"
    of = _word(doc, m.start - 1, -1)
    if of is not None and of.lower_ in DIRECTIONS:
        of = _word(doc, of.i - 1, -1)  # "the suburb of eastern X"
    kind = _word(doc, of.i - 1, -1) if of is not None and of.lower_ == "of" else None
    if kind is not None and _cue(kind):
        return _cue(kind)  # "the village of X", "the villages of X and Y"
    # "X, a village in ...", "X, a small town near ..."
    if nxt is not None and nxt.text == ",":
        for t in doc[m.end + 1 : m.end + 5]:
            if t.lower_ in _CUE_NOUNS and t.is_lower:
                return _CUE_NOUNS[t.lower_]
            if t.lower_ not in _ARTICLES:
                break
    return "locality" if m.locative else None


def _word(doc: Doc, i: int, step: int) -> Token | None:
    """The token at ``i``, or the first one past it (by ``step``) that is not whitespace:
    wire copy doubles its spaces ("the town of  X"), and spaCy makes a token of them."""
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


def _cue(tok: Token) -> str | None:
    """The kind a lowercase noun names, singular or plural ("village", "villages")."""
    return _CUE_NOUNS.get(tok.lower_) or (_CUE_NOUNS.get(tok.lemma_.lower()) if tok.tag_ == "NNS" else None)


def grounded_site(doc: Doc, m: Mention) -> bool:
    """The name names a site that stands where places go: its own last word or the
    lowercase noun after it is a site's ("the Dumayr Airbase", "Bayrampasa prison"), and
    that noun is the object of "in", "at", "near", "on" ... or of a verb that hits or
    takes ground ("stormed the X prison"). Institutions ("the X Hospital", "X School")
    are no sites here: people work, study and are treated there, and the event's place
    is their town as often (measured: as sites they helped one dev half and hurt the
    other)."""
    last = doc[m.end - 1]
    if m.end - m.start >= 2 and last.lower_ in SITE_NOUNS:
        noun = last
    else:
        noun = _word(doc, m.end, 1)
        if noun is None or not noun.is_lower or noun.lower_ not in SITE_NOUNS or noun.i > m.end + 1:
            return False
        if doc[m.end - 1].head.i != noun.i:
            return False  # the name does not modify the noun ("X, prison officials said")
    grounded = (noun.dep_ == "pobj" and noun.head.lower_ in _SITE_PREPS) or (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SITE_VERBS
    )
    return grounded


# a site is where things happen "on" too ("an assault on the X airbase"); verbs that hit
# or take a site ("targeting the X airbase", "stormed the X prison")
_SITE_PREPS = GROUND_PREPS | {"on"}
_SITE_VERBS = TERRITORY_VERBS | {"target", "attack", "bomb", "strike", "hit"}


def _facility(noun: str, label: str) -> bool:
    """A site noun makes a facility; an institution's noun only in a name the place stage
    has already found to be one ("Riley Hospital" in a story set elsewhere)."""
    return noun in SITE_NOUNS or (noun in INSTITUTION_NOUNS and label == "FACILITY")


def _a_peoples(doc: Doc, m: Mention) -> bool:
    """The name is a people's or a faith's adjective ("Kurdish", "Jewish", "Shiite"): an
    adjective, or a people's name the model's frequent words know (the NER calls
    unfamiliar towns peoples too)."""
    return all(
        t.pos_ == "ADJ" or (t.ent_type_ == "NORP" and doc.vocab[t.lower_].has_vector)
        for t in doc[m.start : m.end]
    )


def _modifies_a_named_place(doc: Doc, m: Mention) -> bool:
    """ "the Kurdish city of Afrin": a people's name between an article and "<kind> of
    <Name>" qualifies the place named after "of"; a proper name there is the unit itself
    ("the Sayidda Zaynab district of Damascus", "Saydabad district of Wardak")."""
    after = m.end + 1
    if after + 1 >= len(doc) or doc[after].lower_ != "of" or not doc[after + 1].text[:1].isupper():
        return False
    if not _a_peoples(doc, m):
        return False  # "the Sayidda Zaynab district of Damascus" names the district
    k = m.start - 1
    while k >= 0 and k >= m.start - 3 and doc[k].is_lower and doc[k].pos_ in ("ADJ", "ADV", "PROPN", "NOUN"):
        k -= 1  # "the northern Kurdish city of", "the restive Syrian town of"
    return k >= 0 and doc[k].lower_ in ("the", "a", "an")


def precision_of(c: Candidate) -> str:
    """A town's own point, or the centre of an area (country, region, sea, range)."""
    return "point" if c.feature == "city" else "area"


_LEVEL = {"city": 0, "admin2": 1, "admin1": 2, "country": 3}


def _level(c: Candidate) -> int | None:
    if c.feature == "admin":
        return _LEVEL["admin2" if c.admin2 else "admin1"]
    return _LEVEL.get(c.feature)


def smallest_container(readings: list[tuple[int, Candidate]], start: int) -> Candidate | None:
    """The place most likely to contain a name at character ``start``, from the resolved
    places of its sentence (``(start, candidate)``): the smallest kind (town, county,
    state, country), the nearest in the text among equals."""
    best: tuple[int, int, Candidate] | None = None
    for at, c in readings:
        level = _level(c)
        if level is None or c.lat is None or c.lon is None:
            continue
        rank = (level, abs(at - start))
        if best is None or rank < best[:2]:
            best = (*rank, c)
    return best[2] if best else None
