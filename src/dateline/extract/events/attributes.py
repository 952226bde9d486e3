"""Where, when, how many, how sure: an event's own place, date, counts and modality.

The event's place and date are the ones its clause governs, not any in the article: a
place or time inside the reporting frame ("officials in Moscow said Thursday") belongs to
the report. Counts are the numbers inside the event's clause ("40 air-strikes",
"158 targets", "12 people were killed"). Modality reads negation, future and modal
auxiliaries, conditionals and planning verbs along the clause's chain of heads.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from spacy.tokens import Token

from dateline.extract.events.acled import is_aircraft
from dateline.extract.events.patterns import lexicon_words
from dateline.extract.places.mentions import COMPASS, DIRECTIONS, LANDMARK_HEADS, PLACE_NOUNS
from dateline.records import Count, EventDate, Number, Place, Timex
from dateline.resolve.actors import load_event_data
from dateline.text.datelines import Datelines
from dateline.tokens import TokenTable, head_steps, tokens_of

__all__ = [
    "clause_root",
    "event_counts",
    "event_date",
    "event_place",
    "frame_tokens",
    "is_speech_frame",
    "modality_of",
    "place_grain",
    "to_event_date",
]

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_WEEK = re.compile(r"^\d{4}-W\d{2}")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_HARM = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "slay": "killed",
    "murder": "killed",
    "injure": "injured",
    "wound": "injured",
    "hurt": "injured",
    "arrest": "arrested",
    "detain": "arrested",
    "abduct": "abducted",
    "kidnap": "abducted",
}
_NON_COUNT_UNITS = {
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "km",
    "kilometre",
    "kilometer",
    "mile",
    "metre",
    "meter",
    "percent",
    "%",
    "time",
    "dollar",
    "euro",
    "pound",
    "kg",
    "ton",
    "tonne",
    "century",
    "decade",
    "millennium",
    "millennia",
}


def clause_root(tok: Token) -> Token:
    """The verb whose clause holds the trigger (a noun trigger's governing verb)."""
    cur = tok
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") or (
            cur.dep_ in ("ROOT", "ccomp", "advcl", "relcl", "conj") and cur.pos_ != "NOUN"
        ):
            return cur
        if cur.head.i == cur.i:
            return cur
        cur = cur.head
    return cur


def is_speech_frame(tok: Token) -> bool:
    """True for a reporting verb ("said", "reported", "according to")."""
    return is_speech_frame_at(tokens_of(tok.doc), tok.i)


def is_speech_frame_at(t: TokenTable, i: int) -> bool:
    """``is_speech_frame`` of token ``i``, read from the token table."""
    return t.lemma[i] in lexicon_words("speech_verbs") or t.lower[i] == "according"


def frame_tokens(trigger: Token) -> set[int]:
    """Tokens of the reporting frame above the trigger: the speech verb, its subject, its time."""
    out: set[int] = set()
    doc = trigger.doc
    t = tokens_of(doc)  # the walk up and the children read the table; a Token only for edges
    dep, kids = t.dep, t.children
    for cur, head in t.head_steps(trigger.i):
        if is_speech_frame_at(t, head):
            for child in kids[head]:
                if child == cur or dep[child] in ("ccomp", "xcomp", "conj", "advcl", "parataxis"):
                    continue
                word = doc[child]
                out.update(range(word.left_edge.i, word.right_edge.i + 1))
            out.add(head)
    # the trigger's own sentence root may be the speech verb with the event in a ccomp
    root = t.sent_of(trigger.i).root  # ``Token.sent`` walks the sentence anew
    if is_speech_frame(root) and root.i != trigger.i:
        chain = set(t.ancestors(trigger.i))
        for child in kids[root.i]:
            if child in chain or child == trigger.i:
                continue
            if dep[child] in ("nsubj", "dobj", "npadvmod", "prep", "advmod", "agent", "dative"):
                word = doc[child]
                out.update(range(word.left_edge.i, word.right_edge.i + 1))
    return out


def _attribution(root: Token) -> set[int]:
    """The tokens of an "according to ..." phrase on the clause's verb: the source's place
    ("a source at the X airport", "according to a report from X") is the report's, not
    the event's, unless the sentence names no other."""
    out: set[int] = set()
    for child in root.children:
        if child.lower_ == "according" and child.i < root.i:
            out.update(range(child.left_edge.i, child.right_edge.i + 1))
    return out


def _in_subtree(tok_i: int, head: Token) -> bool:
    return head.left_edge.i <= tok_i <= head.right_edge.i


_PLACE_NOUNS = frozenset(
    {
        "city",
        "town",
        "village",
        "district",
        "province",
        "region",
        "area",
        "neighborhood",
        "neighbourhood",
        "suburb",
        "state",
        "county",
        "capital",
        "countryside",
        "outskirts",
        "governorate",
        "municipality",
        "border",
    }
)
# how fine a place is (0 a site .. 6 a country); see place_grain
_FEATURE_GRAIN = {"landmark": 0, "city": 2, "admin": 4, "region": 6, "country": 6}
# the kinds the place stage gives a place the gazetteer lacks (extract/places/unlisted.py)
# (a road runs past many places: as coarse as an unknown unit, so a town along it wins)
_FEATURE_GRAIN.update(village=0, neighbourhood=0, camp=0, facility=0, town=2, street=3, district=3)
# a place its words call a district ("the X district of Damascus", "Y district") is a unit
# inside the town or province the clause also names: finer than a town
_CUE_GRAIN = {"site": 0, "town": 2, "district": 1, "province": 4}
_UNKNOWN_GRAIN = 3


@functools.cache
def _place_cues() -> dict[str, int]:
    data = load_event_data("lexicons.json")["place_cues"]
    return {w: _CUE_GRAIN[kind] for kind in _CUE_GRAIN for w in data[kind]}


_CUE_AFTER = re.compile(r"^[\s'’]*(?:s\s+)?([A-Za-z-]+)")
# "the village of Tiri" (not "the Mansour neighbourhood of Baghdad": that cue is Mansour's)
_OF_NAME = re.compile(r"^\s+of\s+(?:the\s+)?[A-Z]")
_CUE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z-]+\s+)?([A-Za-z-]+)\s+of\s+(?:the\s+)?$")


def place_grain(place: Place, text: str) -> int:
    """How fine a place is: 0 a site (village, neighbourhood, checkpoint) .. 6 a country.

    The gazetteer's feature says it for the places it knows; the word naming the place's
    kind ("Tiri village", "the neighbourhood of Al-Bayaa", "Chak district") says it for
    the others, and refines a known one ("Kirkuk City" is a city). A place with neither
    counts as finer than a province, coarser than a town.
    """
    cues = _place_cues()
    grains = []
    if place.feature in _FEATURE_GRAIN:
        grains.append(_FEATURE_GRAIN[place.feature])
    own = place.text.lower().split()
    if own and own[-1] in cues:
        grains.append(cues[own[-1]])
    after = text[place.span[1] : place.span[1] + 40]
    if (m := _CUE_AFTER.match(after)) and not (place.feature == "admin" and _OF_NAME.match(after[m.end() :])):
        # ("the West Bank village of Idna": a province is no village, the cue is Idna's)
        word = m.group(1).lower()
        if word in cues:
            grains.append(cues[word])
    if m := _CUE_BEFORE.search(text[max(0, place.span[0] - 30) : place.span[0]]):
        word = m.group(1).lower()
        if word in cues:
            grains.append(cues[word])
    if not grains:
        return _UNKNOWN_GRAIN
    if place.feature in ("country", "region"):
        return _FEATURE_GRAIN[place.feature]  # "the Gaza Strip area" is still the Strip
    return min(grains)


_REFERENCE_HEADS = COMPASS | frozenset(
    {
        "outskirts",
        "near",
        "outside",
        "km",
        "kilometre",
        "kilometer",
        "mile",
        "border",
        "edge",
        "side",
        "part",
        "of",
    }
)


@functools.cache
def _agent_nouns() -> frozenset[str]:
    data = load_event_data("lexicons.json")
    words = {w for ws in data["sectors"].values() for w in ws if " " not in w}
    words.update(data["object_classes"]["person"])
    words.update(("troop", "force", "army", "militant", "rebel", "fighter", "militia", "soldier", "gunman"))
    return frozenset(words)


def _agentive(tok: Token) -> bool:
    return tok.lemma_.lower() in _agent_nouns() or tok.lower_ in _agent_nouns()


def _affiliation(tok: Token) -> bool:
    """A place that says whose, not where: "US troops", "Canada's community", "protested against Israel"."""
    cur = tok
    while cur.dep_ in ("compound", "flat") and cur.head.i != cur.i and cur.head.ent_type_ == cur.ent_type_:
        cur = cur.head  # to the head of a multi-word name
    if (
        cur.dep_ in ("compound", "amod", "poss", "nmod")
        and cur.head.pos_ in ("NOUN", "PROPN")
        and not cur.head.ent_type_
    ):
        # only a place modifying a participant ("US troops", "Canada's community") says whose
        return _agentive(cur.head)
    if cur.dep_ == "poss" and cur.head.dep_ == "pobj":
        cur = cur.head  # "against Kosovo's independence"
    return cur.dep_ == "pobj" and cur.head.lower_ in ("against", "toward", "towards")


@functools.cache
def _weapon_words() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["object_classes"]["weapon"])


def _armed_by(tok: Token, place: Place) -> bool:
    """A country named on the weapon or aircraft it owns ("U.S. missiles destroyed ...", "a
    U.S. helicopter gunship was shot down"): whose arms, not where they struck."""
    if place.feature != "country":
        return False
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("compound", "amod", "nmod") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in load_event_data("lexicons.json")["object_classes"]["weapon"] or is_aircraft(
            cur
        ):
            return True
    return False


def _origin(tok: Token) -> bool:
    """A place told as where a participant comes from ("a youth from X village", "Lindh, from
    a family in Y", "Moussa R., 28, of Z"): who they are, not where the act happened."""
    for cur, head in head_steps(tok):
        if head.pos_ in ("VERB", "AUX") or cur.dep_ in _NESTED:
            return False
        if cur.dep_ == "pobj" and head.dep_ == "prep":
            owner = head.head
            if head.lower_ == "from" and owner.pos_ in ("NOUN", "PROPN", "PRON"):
                return True
            if head.lower_ == "of" and owner.ent_type_ == "PERSON":
                return True
    return False


def _container(tok: Token, others: list[Token], spec: dict[int, int]) -> bool:
    """A place named to locate another ("the Waer district of Homs", "the north Sinai town of El-Arish").

    ``spec`` gives each candidate token its grain (0 a site .. 6 a country): a modifier
    place locates the "of" place only when it is at least as coarse ("Sinai town of
    El-Arish"), not when it names the finer unit ("the Zaafaraniyah district of Baghdad").
    """
    for other in others:
        if other.i == tok.i:
            continue
        # the other place's phrase ("Kapilvastu district in western Nepal") holds this one after it
        phrase_head = other.head if other.dep_ in ("compound", "nmod") else other
        if (
            phrase_head.i != other.i
            and tok.dep_ == "pobj"
            and tok.head.lower_ == "of"
            and tok.head.head.i == phrase_head.i
        ):
            # "the West Bank city of Hebron" names Hebron; "the Mansour neighbourhood of
            # Baghdad" names Mansour: the finer of the two is the one the phrase is about
            if spec[tok.i] > spec[other.i]:
                return True
            continue
        if tok.i > other.i and phrase_head.left_edge.i <= tok.i <= phrase_head.right_edge.i:
            return True
        # "Baghdad's Doura district", "Mogadishu's Huriwa district": the possessor holds
        # the compound, whatever kind of unit the compound's noun says it is
        if tok.dep_ == "poss" and (
            (other.dep_ == "compound" and other.head.i == tok.head.i) or tok.head.i == other.i
        ):
            return True
        if tok.dep_ in ("compound", "nmod", "amod", "poss") and spec[tok.i] >= spec[other.i]:
            if tok.head.i == other.head.i and other.dep_ == "pobj":
                return True
            if other.head.dep_ == "prep" and other.head.head.i == tok.head.i:
                return True
    return False


def _name_head(doc, place: Place, ti: int) -> Token:
    """The token that heads a place's name in the parse ("Bank" of "West Bank")."""
    cur = doc[ti]
    for _ in range(6):
        head = cur.head
        if head.i == cur.i or not place.span[0] <= head.idx < place.span[1]:
            break
        cur = head
    return cur


def _inside_organisation(doc, place: Place, ti: int) -> bool:
    """A place that closes an organisation's name with "of" ("the Islamic State of Iraq",
    "Bank of England") says whose, not where: the NER's ORG entity runs through the "of",
    or the word the "of" hangs on is a capitalised name that is no place's ("State of
    Iraq"; not "City of London", "Gulf of Aden", nor "the capital of Al-Raqqa")."""
    k = ti - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    of = doc[k]
    if of.ent_type_ == "ORG" and doc[k - 1].ent_type_ == "ORG":
        return True
    owner = of.head
    return (
        owner.i < of.i
        and owner.pos_ == "PROPN"
        and owner.text[:1].isupper()
        and owner.lower_ not in PLACE_NOUNS
        and owner.lower_ not in LANDMARK_HEADS
        and owner.lower_ not in DIRECTIONS
    )


_NESTED = ("advcl", "relcl", "ccomp", "xcomp", "acl", "parataxis")


def _tier(ti: int, trigger: Token, root: Token) -> int:
    """0: in the trigger's own phrase; 1: elsewhere in its clause; 2: elsewhere in the sentence."""
    doc = trigger.doc
    for head in (trigger, root):
        if _in_subtree(ti, head):
            cur = doc[ti]
            nested = False
            while cur.i != head.i and cur.head.i != cur.i:
                if cur.dep_ in _NESTED:
                    nested = True
                    break
                cur = cur.head
            if not nested:
                return 0 if head.i == trigger.i else 1
    return 2


def event_place(
    trigger: Token,
    root: Token,
    places_in_sentence: list[tuple[Place, int]],
    skip_tokens: Iterable[int] = (),
    frame: set[int] | None = None,
    text: str | None = None,
    datelines: Datelines | None = None,
    asides: Iterable[int] = (),
) -> Place | None:
    """The place the event's clause names, the most specific one first.

    ``places_in_sentence`` pairs each place with its first token index. Places in the
    reporting frame ("the defence ministry in Moscow said") or inside a non-place
    recipient ("the temples of Bel") are skipped; a place named only to locate another
    ("... of Homs", "south of Baghdad") yields to the place it locates. The place of a
    wire dateline (``datelines``: the article's, read from ``text`` when not given), like
    the place of an "according to" source, yields to any other; so does a place in a
    background clause of the sentence (``asides``: "the deadliest since 2023, when jets
    bombed X", "a man who was driving home in Y"), which is that clause's scene, a
    participant's origin ("a youth from X") and the country whose arms acted ("U.S.
    missiles"), though each is still the best guess when the sentence names no other.
    """
    frame = frame_tokens(trigger) if frame is None else frame
    skip = frame | set(skip_tokens)
    # the source's place yields to any other, but is the best guess when alone
    source = _attribution(root)
    aside = set(asides)
    doc = trigger.doc
    text = doc.text if text is None else text  # Doc.text joins the tokens anew: pass it in
    views = [
        (place, ti, _place_view(doc, place, ti, text)) for place, ti in places_in_sentence if ti not in skip
    ]
    cands = [(place, ti, view) for place, ti, view in views if view is not None]
    # a multi-word name's own head carries its role ("the West Bank city of Hebron")
    toks = [view[0] for _, _, view in cands]
    best: tuple[tuple[int, int, int, int, int], Place] | None = None
    filed = (Datelines(text) if datelines is None else datelines).opens_line
    idx = tokens_of(doc).idx
    spec_of = {view[0].i: view[1] for _, _, view in cands}
    for place, ti, (tok, _, reference, elsewhere) in cands:
        inside = _tier(ti, trigger, root)
        contained = 1 if _container(tok, toks, spec_of) or reference else 0
        spec = spec_of[tok.i]
        key = (
            int(ti in source or ti in aside or filed(idx[ti]) or elsewhere),
            inside,
            contained,
            spec,
            abs(ti - trigger.i),
        )
        if best is None or key < best[0]:
            best = (key, place)
    return best[1] if best else None


def _place_view(doc, place: Place, ti: int, text: str) -> tuple[Token, int, bool, bool] | None:
    """What ``event_place`` reads of one place of a sentence whatever the trigger: None for
    a place that says whose ("US troops") or closes an organisation's name, else its name's
    head, its grain, whether it is named to locate another ("south of X") and whether it
    is told as where a participant comes from or whose arms acted.

    Why: every event of a sentence weighs the same places, and these tests (the grain's
    regular expressions, the walks up the parse) were answered anew for each; they are
    kept per doc, keyed by all they read of the place.
    """
    memo = tokens_of(doc).cache("event_place")
    key = (ti, place.span, place.feature, place.text, text)
    if key in memo:
        return memo[key]
    view = None
    if not _affiliation(doc[ti]) and not _inside_organisation(doc, place, ti):
        tok = _name_head(doc, place, ti)
        reference = (
            tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in _REFERENCE_HEADS
        )
        view = (tok, place_grain(place, text), reference, _origin(tok) or _armed_by(tok, place))
    memo[key] = view
    return view


def to_event_date(value: str) -> EventDate | None:
    """TIMEX3 value -> {value, precision}; durations, sets and present refs are not dates."""
    if _DAY.match(value):
        return EventDate(value=value[:10], precision="day", time=value[11:] or None)
    if _WEEK.match(value):
        return EventDate(value=value, precision="week")
    if _MONTH.match(value):
        return EventDate(value=value, precision="month")
    if _YEAR.match(value):
        return EventDate(value=value, precision="year")
    return None


def event_date(
    trigger: Token, root: Token, times_in_sentence: list[tuple[Timex, int]], frame: set[int] | None = None
) -> EventDate | None:
    """The date the event's clause governs (not the date of the report about it)."""
    if not times_in_sentence:
        return None
    frame = frame_tokens(trigger) if frame is None else frame
    best: tuple[tuple[int, int], EventDate] | None = None
    clause_date = when_date(trigger)
    for timex, ti in times_in_sentence:
        if timex.type not in ("DATE", "TIME") or ti in frame:
            continue
        date = to_event_date(timex.value)
        told_then = _in_subtree(trigger.i, trigger.doc[ti]) or _is_date_of(clause_date, timex)
        if date is None or (_range_bound(trigger.doc[ti]) and not told_then):
            continue
        inside = 0 if _in_subtree(ti, trigger) or told_then else 1 if _in_subtree(ti, root) else 2
        key = (inside, abs(ti - trigger.i))
        if best is None or key < best[0]:
            best = (key, date)
    return best[1] if best else None


_RANGE_PREPS = frozenset({"since", "until", "till"})


def when_date(tok: Token) -> Token | None:
    """The date a "when" clause holding ``tok`` describes: "since March 2019, when aircraft
    bombed a hospital" (parsed as a relative clause of the date or a clause of the verb)."""
    cur = tok
    for _ in range(4):
        if cur.dep_ in ("advcl", "relcl") and any(
            c.dep_ == "advmod" and c.lower_ == "when" for c in cur.children
        ):
            k = cur.left_edge.i - 1
            while k >= 0 and cur.doc[k].is_punct:
                k -= 1
            return cur.doc[k] if k >= 0 and cur.doc[k].ent_type_ == "DATE" else None
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _is_date_of(tok: Token | None, timex: Timex) -> bool:
    return tok is not None and timex.span[0] <= tok.idx < timex.span[1]


def _range_bound(tok: Token) -> bool:
    """ "the deadliest since April 2023", "until March": a bound of a stretch of time, not the
    date of the clause's event; only an event told in a clause of the date itself ("since
    April 2023, when aircraft bombed ...") happened then."""
    for _ in range(3):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in _RANGE_PREPS
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def event_counts(
    trigger: Token, root: Token, numbers: list[tuple[Number, int]], frame: set[int] | None = None
) -> list[Count]:
    """Numbers inside the event's clause, casualties labelled killed / injured / arrested."""
    doc = trigger.doc
    lo, hi = (
        (root.left_edge.i, root.right_edge.i)
        if root.i != trigger.i
        else (trigger.left_edge.i, trigger.right_edge.i)
    )
    lo, hi = min(lo, trigger.left_edge.i), max(hi, trigger.right_edge.i)
    frame = frame_tokens(trigger) if frame is None else frame
    out: list[Count] = []
    nouns: dict[int, int] = {}  # id(count) -> the noun it counts
    for num, ti in numbers:
        if not lo <= ti <= hi or ti in frame:
            continue
        unit = (num.unit or "").lower()
        words = re.findall(r"[a-z%]+", unit)
        if (words and words[-1].rstrip("s") in _NON_COUNT_UNITS) or unit in _NON_COUNT_UNITS:
            continue
        if _age(num, doc, ti):
            continue  # "a 3-year-old": an age, not a count
        if doc[ti].ent_type_ in ("DATE", "TIME") and num.unit is None:
            continue  # "held January 30": a day of the month, not a count
        label = num.unit or ""
        tok = doc[ti]
        if _partitive(tok):
            continue  # "two of the wounded later died": a part of a group told before, not a total
        head = tok
        # climb from the number through its noun to the verb that says what happened to them
        for _ in range(3):
            head = head.head
            lem = head.lemma_.lower()
            if lem in _HARM:
                label = _HARM[lem]
                break
            if head.pos_ == "VERB" or head.head.i == head.i:
                break
        count = Count(value=num.value, unit=label or "units", text=num.text)
        noun = tok.head if tok.dep_ == "nummod" else tok
        if label in _HARM.values() and (part := _conjoined_part(noun, out, nouns)) is not None:
            # "nine fighters and three civilians were killed": the parts of one toll add up
            part.value += num.value
            part.text = f"{part.text} + {num.text}"
            continue
        nouns[id(count)] = noun.i
        out.append(count)
    return out


def _partitive(num: Token) -> bool:
    """ "two of the wounded", "three of them": a number picking out part of a known group."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "of"
        and any(
            g.dep_ == "pobj" and (g.pos_ == "PRON" or any(d.dep_ in ("det", "poss") for d in g.children))
            for g in p.children
        )
        for p in num.children
    )


def _conjoined_part(noun: Token, counts: list[Count], nouns: dict[int, int]) -> Count | None:
    """The count of this sentence whose noun this noun is conjoined to ("fighters and civilians")."""
    if noun.dep_ != "conj":
        return None
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return next((c for c in counts if nouns.get(id(c)) == first.i), None)


_AGE = re.compile(r"^\s*-?\s*(?:year|month|week|day)s?\s*-?\s*old\b")


def _age(num: Number, doc, ti: int) -> bool:
    """ "3-year-old", "a 3 year old boy", "aged 3": the number is someone's age."""
    k = ti + 1
    while k < len(doc) and doc[k].idx < num.span[1]:
        k += 1  # past the number's own words
    after = "".join(t.text_with_ws for t in doc[k : k + 5]).lower()
    if _AGE.match(after) or _AGE.match((num.unit or "").lower()):
        return True
    return ti > 0 and doc[ti - 1].lower_ in ("aged", "age")


def modality_of(trigger: Token, light: Token | None = None) -> str:
    """negated / hypothetical / planned / asserted from the trigger's chain of heads."""
    future = lexicon_words("future_modals")
    maybe = lexicon_words("hypothetical_modals")
    governors = lexicon_words("planned_governors")
    markers = lexicon_words("hypothetical_markers")
    chain: list[Token] = [trigger] + ([light] if light is not None else [])
    cur = light or trigger
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acomp", "dobj", "pcomp", "pobj", "prep", "conj") and cur.head.i != cur.i:
            cur = cur.head
            chain.append(cur)
            if is_speech_frame(cur):
                break
        else:
            break
    negated = planned = hypothetical = False
    t = tokens_of(trigger.doc)  # the token table: the children's words without Token wrappers
    dep, lower, kids = t.dep, t.lower, t.children
    for i, tok in enumerate(chain):
        if is_speech_frame(tok) and i > 0:
            break
        for c in kids[tok.i]:
            low, d = lower[c], dep[c]
            if d == "neg" or (d == "det" and low == "no" and tok.i == trigger.i):
                negated = True
            elif d == "aux" and low in future:
                planned = True
            elif (d == "aux" and low in maybe) or (d == "mark" and low in markers):
                hypothetical = True
        if (
            i > 0
            and tok.lemma_.lower() in governors
            and tok.i != trigger.i
            and _intended(chain[i - 1], i == 1)
        ):
            planned = True
        if i > 0 and tok.lemma_.lower() in ("fail", "refuse", "decline") and tok.i != trigger.i:
            negated = True  # "failed to reach agreement"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in tok.children):
            hypothetical = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    return "asserted"


def _intended(below: Token, below_is_trigger: bool) -> bool:
    """The event is what a plan word looks ahead to: its infinitive ("set to attack", "about to
    strike"), its ``for`` ("preparing for an offensive") or, when the event itself is the
    object, that object ("planned an attack"); not a preposition's object that happened ("set
    the station on fire", "went on a rampage", "angry about the killing") nor an event named
    inside an object ("proposed changes to the deal")."""
    if below.dep_ == "dobj":
        return below_is_trigger
    return below.dep_ == "xcomp" or (below.dep_ == "prep" and below.lower_ == "for")
