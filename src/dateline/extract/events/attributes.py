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

from dateline.records import Count, EventDate, Number, Place, Quote, Timex
from dateline.resolve.actors import load_event_data

__all__ = [
    "clause_root",
    "event_counts",
    "event_date",
    "event_place",
    "is_speech_frame",
    "modality_of",
    "quote_of",
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


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")[name])


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
    return tok.lemma_.lower() in _words("speech_verbs") or tok.lower_ == "according"


def _frame_tokens(trigger: Token) -> set[int]:
    """Tokens of the reporting frame above the trigger: the speech verb, its subject, its time."""
    out: set[int] = set()
    cur = trigger
    for _ in range(8):
        head = cur.head
        if head.i == cur.i:
            break
        if is_speech_frame(head):
            for child in head.children:
                if child.i == cur.i or child.dep_ in ("ccomp", "xcomp", "conj", "advcl", "parataxis"):
                    continue
                out.update(range(child.left_edge.i, child.right_edge.i + 1))
            out.add(head.i)
        cur = head
    # the trigger's own sentence root may be the speech verb with the event in a ccomp
    root = trigger.sent.root
    if is_speech_frame(root) and root.i != trigger.i:
        chain = {t.i for t in trigger.ancestors}
        for child in root.children:
            if child.i in chain or child.i == trigger.i:
                continue
            if child.dep_ in ("nsubj", "dobj", "npadvmod", "prep", "advmod", "agent", "dative"):
                out.update(range(child.left_edge.i, child.right_edge.i + 1))
    return out


def _in_subtree(tok_i: int, head: Token) -> bool:
    return head.left_edge.i <= tok_i <= head.right_edge.i


def event_place(
    trigger: Token,
    root: Token,
    places_in_sentence: list[tuple[Place, int]],
    actor_tokens: Iterable[int] = (),
) -> Place | None:
    """The place the event's clause names: its own phrase first, then its sentence.

    ``places_in_sentence`` pairs each place with its first token index. Places in the
    reporting frame or naming the actor ("the defence ministry in Moscow") are skipped.
    """
    frame = _frame_tokens(trigger)
    skip = frame | set(actor_tokens)
    best: tuple[int, int, Place] | None = None
    for place, ti in places_in_sentence:
        if ti in skip:
            continue
        inside = 0 if _in_subtree(ti, trigger) else 1 if _in_subtree(ti, root) else 2
        key = (inside, abs(ti - trigger.i))
        if best is None or key < best[:2]:
            best = (key[0], key[1], place)
    return best[2] if best else None


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


def event_date(trigger: Token, root: Token, times_in_sentence: list[tuple[Timex, int]]) -> EventDate | None:
    """The date the event's clause governs (not the date of the report about it)."""
    frame = _frame_tokens(trigger)
    best: tuple[tuple[int, int], EventDate] | None = None
    for timex, ti in times_in_sentence:
        if timex.type not in ("DATE", "TIME") or ti in frame:
            continue
        date = to_event_date(timex.value)
        if date is None:
            continue
        inside = 0 if _in_subtree(ti, trigger) else 1 if _in_subtree(ti, root) else 2
        key = (inside, abs(ti - trigger.i))
        if best is None or key < best[0]:
            best = (key, date)
    return best[1] if best else None


def event_counts(trigger: Token, root: Token, numbers: list[tuple[Number, int]]) -> list[Count]:
    """Numbers inside the event's clause, casualties labelled killed / injured / arrested."""
    doc = trigger.doc
    lo, hi = (
        (root.left_edge.i, root.right_edge.i)
        if root.i != trigger.i
        else (trigger.left_edge.i, trigger.right_edge.i)
    )
    lo, hi = min(lo, trigger.left_edge.i), max(hi, trigger.right_edge.i)
    frame = _frame_tokens(trigger)
    out: list[Count] = []
    for num, ti in numbers:
        if not lo <= ti <= hi or ti in frame:
            continue
        unit = (num.unit or "").lower()
        if (
            unit.split()[-1:] and unit.split()[-1].rstrip("s") in _NON_COUNT_UNITS
        ) or unit in _NON_COUNT_UNITS:
            continue
        label = num.unit or ""
        tok = doc[ti]
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
        out.append(Count(value=num.value, unit=label or "units", text=num.text))
    return out


def modality_of(trigger: Token, light: Token | None = None) -> str:
    """negated / hypothetical / planned / asserted from the trigger's chain of heads."""
    future = _words("future_modals")
    maybe = _words("hypothetical_modals")
    governors = _words("planned_governors")
    markers = _words("hypothetical_markers")
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
    for i, tok in enumerate(chain):
        if is_speech_frame(tok) and i > 0:
            break
        for child in tok.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok.i == trigger.i):
                negated = True
            elif child.dep_ == "aux" and low in future:
                planned = True
            elif (child.dep_ == "aux" and low in maybe) or (child.dep_ == "mark" and low in markers):
                hypothetical = True
        if i > 0 and tok.lemma_.lower() in governors and tok.i != trigger.i:
            planned = True
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in markers for c in tok.children):
            hypothetical = True
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    return "asserted"


def quote_of(span: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    """The innermost quote whose content holds the event's trigger."""
    best: Quote | None = None
    for q in quotes:
        if q.span[0] <= span[0] and span[1] <= q.span[1] and (best is None or q.span[0] >= best.span[0]):
            best = q
    return best
