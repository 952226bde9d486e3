"""Find the spans that may name a place: NER toponyms, and names the NER missed or mislabelled.

The small and medium English models tag towns as PERSON ("Palmyra") and miss others, so
PERSON, ORG and untagged proper-noun spans are kept when the parse puts them where places
go: the object of a locative preposition ("in X", "near X"), the name of a place noun
("the city of X", "X province"), a conjunct or qualifier of a place ("in Raqqa and X",
"X, Syria"). People named like towns ("Paris Hilton said") fail those tests.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.streets import name_words as street_name_words
from dateline.tokens import span_of, tokens_of

# prepositions whose object is a location when it is a proper name
LOC_PREPS = frozenset(
    [
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "inside",
        "outside",
        "around",
        "across",
        "toward",
        "towards",
        "through",
        "throughout",
        "via",
        "within",
        "between",
        "outside",
        "of",
        "beyond",
        "along",
    ]
)
# nouns that name a kind of place ("the city of X", "X province")
PLACE_NOUNS = frozenset(
    [
        "city",
        "town",
        "village",
        "settlement",
        "capital",
        "province",
        "region",
        "district",
        "county",
        "parish",
        "state",
        "country",
        "suburb",
        "neighborhood",
        "neighbourhood",
        "area",
        "municipality",
        "governorate",
        "oblast",
        "prefecture",
        "borough",
        "township",
        "hamlet",
        "island",
        "islands",
        "port",
        "outskirts",
        "community",
        "countryside",
        "vicinity",
        "environs",
    ]
)
# nouns for a named site ("Bayrampasa prison", "the Dumayr Airbase"): a facility is a
# place of its own, never the town whose name it may borrow (see places/unlisted.py)
SITE_NOUNS = frozenset(
    [
        "airport",
        "airbase",
        "airfield",
        "base",
        "barracks",
        "checkpoint",
        "crossing",
        "prison",
        "jail",
        "market",
        "bazaar",
        "refinery",
        "plant",
        "field",
        "fields",
        "oilfield",
        "palace",
        "tower",
        "station",
        "compound",
        "roundabout",
        "dam",
        "stadium",
    ]
)
# verbs whose direct object is ground ("entered X", "recaptured X", "shelled X"): conflict
# news names the towns taken and hit this way, often with no preposition to say so
TERRITORY_VERBS = frozenset(
    [
        "enter",
        "capture",
        "recapture",
        "seize",
        "storm",
        "retake",
        "liberate",
        "overrun",
        "besiege",
        "shell",
        "bombard",
        "invade",
        "occupy",
        "raid",
        "conquer",
    ]
)
# titles before a name make it a person's
PERSON_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "lady",
        "lord",
        "gen",
        "general",
        "col",
        "colonel",
        "capt",
        "captain",
        "sgt",
        "sergeant",
        "lt",
        "lieutenant",
        "cpl",
        "corporal",
        "pvt",
        "maj",
        "det",
        "detective",
        "trooper",
        "constable",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "president",
        "minister",
        "prince",
        "king",
        "queen",
        "judge",
        "officer",
        "deputy",
        "sheriff",
        "mayor",
        "chief",
        "coach",
        "rev",
        "father",
        "sister",
        "brother",
    ]
)
# the words a newspaper's name ends with ("The Springfield Herald"): an organisation, not a place
NEWSPAPER_WORDS = frozenset(
    [
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
    ]
)
# words that make an organisation out of a place name ("Alexandria Police Department")
INSTITUTION_WORDS = frozenset(
    [
        "bureau",
        "ministry",
        "agency",
        "republic",
        "institute",
        "service",
        "services",
        "police",
        "department",
        "dept",
        "sheriff",
        "sheriff's",
        "council",
        "school",
        "university",
        "college",
        "schools",
        "district",
        "county",
        "city",
        "board",
        "court",
        "commission",
        "hospital",
        "office",
        "library",
        "airport",
        "fire",
        "rescue",
        "authority",
        "chamber",
        "community",
        "church",
        "high",
        "middle",
        "elementary",
        "academy",
        "center",
        "centre",
        "club",
        "government",
        "administration",
        "police's",
        "museum",
        "zoo",
        "park",
        "parks",
        "port",
        "transit",
        "utilities",
        "water",
        "health",
        "regional",
        "public",
        "state",
        "national",
        "international",
        *NEWSPAPER_WORDS,
        "register",
        "star",
        "democrat",
        "republican",
        "party",
    ]
)
# last words of named streets, roads (the street words' table, dateline.streets) and
# natural features: places with no gazetteer entry here, kept as unresolved landmarks
# ("Main Street", "Highway 19", "Neches River")
LANDMARK_HEADS = frozenset(
    [
        *street_name_words(),
        "river",
        "lake",
        "creek",
        "bay",
        "mountain",
        "mountains",
        "forest",
        "wilderness",
        "island",
        "islands",
        "valley",
        "canyon",
        "beach",
        "peninsula",
        "desert",
        "gulf",
        "sea",
        "ocean",
        "strait",
        "channel",
        "falls",
        "hills",
        "hill",
        "ridge",
        "plaza",
        "square",
        "bridge",
        "park",
    ]
)
# last words of landmarks that also end organisations' names ("United Way", "Discovery
# Channel", "Ernie's Place"): a landmark there only where the parse puts it in a place position
AMBIGUOUS_HEADS = frozenset(
    ["way", "channel", "place", "circle", "square", "plaza", "park", "bridge", "falls"]
)
# words before or after a name that say which part of it ("south Fargo", "Northwest D.C.")
# the eight points of the compass ("north of X", "the northeast"): read by the words below
# and by the events' reference places (extract/events/attributes.py)
COMPASS = frozenset(["north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"])
DIRECTIONS = COMPASS | frozenset(
    [
        "northern",
        "southern",
        "eastern",
        "western",
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
ROAD_WORDS = frozenset(["highway", "hwy", "route", "interstate", "i", "us", "sr", "state", "county", "road"])
SPEECH_VERBS = frozenset(
    ["say", "tell", "add", "state", "claim", "affirm", "explain", "announce", "write", "ask", "note"]
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that may be a toponym, with what the NER and the parse said about it."""

    start: int  # token indices
    end: int
    label: str  # NER label, or "" for an untagged proper noun
    locative: bool  # the parse puts it where a place goes

    def span(self, doc: Doc) -> SpacySpan:
        return span_of(doc, self.start, self.end)


# words no name ends with: the NER runs an entity into the preposition or conjunction
# after it ("the town of [Bara in] North Kordofan"), which hides the name from the gazetteer
_TRAILING_FUNCTION = frozenset({"ADP", "CCONJ", "SCONJ", "DET"})


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading article or lower-case verb, and trailing punctuation, possessive or
    lower-case function word: words the NER ran the name into ("[retook X]", "[X in]")."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an")
        or doc[start].is_punct
        or (doc[start].pos_ in ("VERB", "AUX") and doc[start].is_lower)  # "[retook X]" as a person
    ):
        start += 1
    while end > start and (
        doc[end - 1].is_punct
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_space
        or (doc[end - 1].pos_ in _TRAILING_FUNCTION and doc[end - 1].is_lower)
    ):
        end -= 1
    return start, end


def _place_head(tok: Token) -> bool:
    return tok.lemma_.lower() in PLACE_NOUNS or tok.lower_ in PLACE_NOUNS


# lowercase nouns for a town's own people and services: "Roselle police", "Canaan residents"
# (lowercase only: "Apple Police" is a name, "the Apple residents" rare)
RESIDENT_NOUNS = frozenset(
    [
        "police",
        "residents",
        "resident",
        "firefighters",
        "voters",
        "townspeople",
        "taxpayers",
        # "a Coral Gables man", "the Haslett student", "a Concord developer": where they live
        "man",
        "woman",
        "men",
        "women",
        "boy",
        "girl",
        "teen",
        "teenager",
        "teens",
        "youth",
        "couple",
        "native",
        "natives",
        "student",
        "students",
        "homeowner",
        "homeowners",
        "motorist",
        "developer",
        "businessman",
        "businesswoman",
        "officials",
        "chamber",
        "zoning",
    ]
)


def residents_of(span: SpacySpan) -> bool:
    """ "Roselle police", "Canaan residents", and "Northbrook-based": the town's own."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ == "based":
        return not doc[span.end].whitespace_
    if span.end >= len(doc) or doc[span.end].text not in RESIDENT_NOUNS or any(t.is_lower for t in span):
        return False
    head = span.root.head.i
    # the noun heads the name, or a lowercase noun right after it does ("Epsom police chief")
    return head == span.end or (head == span.end + 1 and doc[head].is_lower and doc[head].pos_ == "NOUN")


def _bearing(of: Token) -> bool:
    """ "outside of X", "north of X", "just east of X": the word before "of" places something
    relative to X, so X is a place (the word the "of" hangs on is that word)."""
    prev = of.doc[of.i - 1] if of.i > 0 else None
    return prev is not None and prev.i == of.head.i and prev.lower_ in _BEARINGS


_BEARINGS = COMPASS | frozenset({"outside", "inside", "northwards", "southwards"})


def _residence(of: Token) -> bool:
    """'of' after a person's name, or after the age that follows it ("Jane Roe, 28, of")."""
    owner = of.head
    if owner.ent_type_ == "PERSON" and owner.i < of.i:
        return True
    prev = of.doc[of.i - 1] if of.i > 0 else None
    return bool(
        prev is not None
        and prev.text == ","
        and of.i >= 2
        and of.doc[of.i - 2].like_num
        and of.i >= 4
        and of.doc[of.i - 4].ent_type_ == "PERSON"
    )


def locative(span: SpacySpan, place_tokens: set[int] | None = None, depth: int = 0) -> bool:
    """Whether the parse puts ``span`` where a place goes (see the module docstring)."""
    doc = span.doc
    root = span.root
    # "X province", "X city": a place noun right after the name, inside the same phrase;
    # a plural names a kind, not the place ("Arab countries", "Baltic states"), except in a
    # list of names ("Jackson and Madison counties", see ``county_mode``)
    if (
        span.end < len(doc)
        and _place_head(doc[span.end])
        and root.head.i == span.end
        and (
            doc[span.end].tag_ != "NNS" or root.dep_ == "conj" or any(t.dep_ == "conj" for t in root.children)
        )
    ):
        return True
    if residents_of(span):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in LOC_PREPS:
        if head.lower_ == "of":
            # "the city of X" is a place; "the son of X" is not; "Jane Roe, 28, of X" is
            # where she lives; "outside of X", "north of X", "20 km east of X" say where
            return _place_head(head.head) or _residence(head) or _bearing(head)
        return True
    if root.dep_ == "appos" and _place_head(head):
        return True
    # "X, the main city in ...", "X, a major town near ...": the name's own apposition
    if any(c.dep_ == "appos" and c.i > span.end and _place_head(c) for c in root.children):
        return True
    if root.dep_ == "dobj" and head.lemma_.lower() in TERRITORY_VERBS:
        return True
    if root.dep_ in ("compound", "nmod") and _place_head(head) and head.i >= span.end:
        return True
    # "Raqqa and X": a conjunct of a place shares its role
    if root.dep_ == "conj" and depth < 3:
        first = head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if place_tokens and first.i in place_tokens:
            return True
        sub = (
            doc[first.left_edge.i : first.i + 1]
            if first.i >= first.left_edge.i
            else doc[first.i : first.i + 1]
        )
        return locative(doc[sub.end - 1 : sub.end], place_tokens, depth + 1)
    # "X, Syria": the name qualified by a country or state after a comma
    return bool(
        span.end + 1 < len(doc)
        and doc[span.end].text == ","
        and place_tokens
        and span.end + 1 in place_tokens
    )


# words that make a name a body's, not ground's: the institutions above and the words
# armed and political groups name themselves by ("Free Syrian Army", "Nusra Front")
BODY_WORDS = INSTITUTION_WORDS | frozenset(
    [
        "army",
        "front",
        "force",
        "forces",
        "brigade",
        "brigades",
        "battalion",
        "corps",
        "guard",
        "militia",
        "party",
        "movement",
        "group",
        "union",
        "committee",
        "league",
        "alliance",
        "coalition",
        "organization",
        "organisation",
        "company",
        "corporation",
        "inc",
        "bank",
        "network",
    ]
)
# prepositions whose proper-noun object is a place ("in X", "near X"), not a person or a
# body ("of X", "from X", "to X" take people and organisations as often)
GROUND_PREPS = frozenset(["in", "at", "near", "inside", "outside", "around", "into", "within"])


def ground_position(span: SpacySpan, label: str) -> bool:
    """The name stands where only ground goes: the object of "in", "near" ... or of a verb
    that takes ground ("entered X"). A person's name (``label``) needs no more; any other
    name must also be bare, foreign to the model's frequent words and no body's name
    (an organisation's, moreover, not after "at" nor an acronym)."""
    root = span.root
    at_ground = (root.dep_ == "pobj" and root.head.lower_ in GROUND_PREPS) or (
        root.dep_ == "dobj" and root.head.lemma_.lower() in TERRITORY_VERBS
    )
    if not at_ground or label == "PERSON":
        return at_ground
    # an organisation's or an untagged name: a bare name ("in Walungu", not "in the Ohio
    # Senate", "in a West Side Taco Bell"), no number ("in Block 8"), a word the model's
    # vocabulary of frequent words lacks ("in God", "in Raids" are English), no body's word
    doc = span.doc
    if span.start != root.left_edge.i or any(t.like_num for t in span):
        return False
    if not any(t.is_alpha and not doc.vocab[t.lower_].has_vector for t in span):
        return False
    if label == "ORG" and (root.head.lower_ == "at" or span.text.replace(".", "").isupper()):
        return False  # "at Google", "in NATO"
    return not any(t.lower_ in BODY_WORDS or t.lemma_.lower() in BODY_WORDS for t in span)


def person_cues(span: SpacySpan) -> bool:
    """Signs that a span names a person: a title before it, or it speaks."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in PERSON_TITLES:
        return True
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS:
        return True
    return any(t.dep_ == "poss" and t.lower_ in ("his", "her") for t in root.children)


def landmark(span: SpacySpan) -> bool:
    """A named street, road or natural feature ("Main St.", "Highway 19", "Flat Creek")."""
    words = [t for t in span if not t.is_punct]
    if len(words) < 2 or not words[0].text[:1].isupper():
        return False
    last = words[-1].lower_
    if last in LANDMARK_HEADS:
        return True
    # "Lake Robinson", "Mount Hood": a generic word first
    if words[0].lower_ in ("lake", "mount", "mt", "mt.", "cape", "gulf", "isle") and len(words) == 2:
        return True
    # numbered roads: "Highway 19", "Route 1", "Interstate 45"
    return words[-1].like_num and words[-2].lower_.rstrip(".") in ROAD_WORDS


def propn_runs(doc: Doc, taken: set[int]) -> list[tuple[int, int]]:
    """Maximal runs of proper nouns (with inner hyphens) outside any kept entity."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    table = tokens_of(doc)  # the token table: every token is read, so read lists
    pos, text = table.pos, table.text
    while i < n:
        if i in taken or pos[i] != "PROPN" or not text[i][:1].isupper():
            i += 1
            continue
        j = i + 1
        while j < n and j not in taken:
            if (pos[j] == "PROPN" and text[j][:1].isupper()) or (
                text[j] in ("-", "al", "el", "ez", "es", "as", "ad", "an")
                and j + 1 < n
                and pos[j + 1] == "PROPN"
            ):
                j += 1
            else:
                break
        if j < n and j not in taken and doc[j].like_num and doc[j - 1].lower_.rstrip(".") in ROAD_WORDS:
            j += 1  # "Highway 19"
        runs.append((i, j))
        i = j
    return runs
