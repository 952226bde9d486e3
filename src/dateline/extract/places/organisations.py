"""Place names inside organisations' names: a town's own public service, or a name borrowed.

Why: "Athens Police Department" says the story is in Athens; "Ohio State University" and
"the Los Angeles Times" say nothing about where it is, and are no place records.
"""

from __future__ import annotations

from spacy.tokens import Doc

from dateline.extract.places.mentions import NEWSPAPER_WORDS, Mention

# what departments, libraries and schools are "of" besides places ("Department of
# Commerce", "Library of Congress"): towns bear these names too
PORTFOLIOS = frozenset(
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


ADMIN_WORDS = frozenset(["county", "parish", "borough", "co.", "co", "township", "twp."])


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
        *NEWSPAPER_WORDS,
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


def names_an_organisation(doc: Doc, m: Mention) -> bool:
    """The place name sits inside the name of a university, newspaper, firm, club or
    building ("Ohio State University", "University of Arizona", "Los Angeles Times")."""
    ent = _entity_around(doc, m)
    if ent is not None and ent != (m.start, m.end):
        words = [doc[i].lower_ for i in range(*ent) if not (m.start <= i < m.end)]
    else:  # the NER cut the name short: the capitalised words after it
        words = []
        for t in doc[m.end : m.end + 4]:
            if not t.text[:1].isupper():
                break
            words.append(t.lower_)
    return any(w in _ORGANISATION_HEADS for w in words)


def _entity_around(doc: Doc, m: Mention) -> tuple[int, int] | None:
    """The NER entity holding the mention, as ``(start, end)``: read from the IOB tags
    around it (``doc.ents`` builds every entity of the article on each call)."""
    if m.end <= m.start:
        return next(((e.start, e.end) for e in doc.ents if e.start <= m.start and m.end <= e.end), None)
    start = m.start
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if doc[start].ent_iob_ != "B" or not doc[start].ent_type:
        return None
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return (start, end) if m.end <= end else None


def next_word(doc: Doc, m: Mention) -> str:
    return doc[m.end].lower_ if m.end < len(doc) else ""


def serves_town(doc: Doc, m: Mention) -> bool:
    """The name heads an organisation named for the town it serves ("Athens Police")."""
    i = m.end
    if i < len(doc) and doc[i].tag_ == "POS":
        i += 1  # "Kent's Board of Finance"
    return i < len(doc) and doc[i].lower_ in _TOWN_SERVICES
