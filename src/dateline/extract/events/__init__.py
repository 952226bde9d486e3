"""Events coded in PLOVER and ACLED (issue 6): who did what to whom, where, when, says who.

Triggers are verb and noun patterns over the dependency parse (``resources/events/
triggers.json``); roles, place, date, counts and modality are read off the same parse and
the records the earlier stages made (times, places, quotes, numbers). The words that
report one event ("the explosion", "killing five", "the blast" later) become one record
with all their spans as ``mentions`` (:mod:`cluster`). Events come out with the main
asserted ones first, in reading order, the most specific event of a sentence first, so
that the first event with an ACLED sub-type is the headline one; background events
(causes, past scenes, denied, planned or supposed events) follow, and only what happened
gets an ACLED sub-type.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from spacy.tokens import Span as SpacySpan

from dateline.context import Context
from dateline.extract.events.anaphora import (
    area_anaphor,
    introduced_place,
    kind_anaphor,
    named_next,
    unnamed_settlement,
)
from dateline.extract.events.attributes import clause_root, is_speech_frame, place_grain
from dateline.extract.events.build import CodedEvent, code_sentence, previous_subject
from dateline.extract.events.cluster import cluster_events, title_end
from dateline.records import Actor, Event, EventDate, Place
from dateline.tokens import head_steps, tokens_of

__all__ = ["extract_events"]

_BREAKS = re.compile(r"\n\s*")
_MATERIAL = {"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "RETREAT", "SANCTION", "AID", "COOPERATE"}
_VIOLENT = {"ASSAULT", "COERCE", "PROTEST"}


def extract_events(ctx: Context) -> None:
    """Fill ``ctx.events`` (a crash is the pipeline's ``StageError``: that article fails)."""
    ctx.events = _extract(ctx)


def _paragraph_starts(text: str) -> list[int]:
    """Start offsets of paragraphs: a run of line breaks (blank lines or not) ends one."""
    return [0] + [m.end() for m in _BREAKS.finditer(text)]


def _extract(ctx: Context) -> list[Event]:
    coded: list[CodedEvent] = []
    by_sentence_places = _group(ctx, ctx.places)
    by_sentence_times = _group(ctx, ctx.times)
    by_sentence_numbers = _group(ctx, ctx.numbers)
    for si, sent in enumerate(ctx.sents):
        if not ctx.text[sent.start_char : sent.end_char].strip():  # sent.text, without joining tokens
            continue
        coded.extend(
            code_sentence(
                ctx,
                si,
                sent,
                places=_with_tokens(sent, by_sentence_places.get(si, [])),
                times=_with_tokens(sent, by_sentence_times.get(si, [])),
                numbers=_with_tokens(sent, by_sentence_numbers.get(si, [])),
            )
        )
    paragraphs = _paragraph_starts(ctx.text)
    _inherit(ctx, coded, paragraphs)
    _settlements_named_next(ctx, coded)
    _state_countries(coded)
    coded = cluster_events(coded, ctx.places, ctx.text)
    _area_scenes(ctx, coded)
    for c in coded:
        if c.event.modality not in ("asserted", "claimed"):
            # ACLED codes what happened: a denied, planned or supposed event gets no sub-type
            c.event.acled_type = c.event.acled_subtype = None
    # the main asserted events first, background ones (causes, past scenes, denied or
    # supposed events) after them, each group in reading order, the most specific first
    coded.sort(key=lambda c: (_backgrounded(c), c.event.sentence, -c.rank, c.event.span[0]))
    events = []
    for i, c in enumerate(coded, start=1):
        c.event.id = f"v{i}"
        events.append(c.event)
    return events


def _backgrounded(c: CodedEvent) -> bool:
    return c.background or c.event.modality not in ("asserted", "claimed")


def _group(ctx: Context, records: list) -> dict[int, list]:
    out: dict[int, list] = {}
    for rec in records:
        span = getattr(rec, "span", None)
        if not span:
            continue
        out.setdefault(ctx.sentence_of(span[0]), []).append(rec)
    return out


def _with_tokens(sent: SpacySpan, records: list) -> list[tuple]:
    """Pair each record with the index of the token where it starts (within ``sent``)."""
    if not records:
        return []  # most sentences have no place, time or number: skip the token offsets
    out = []
    starts = tokens_of(sent.doc).idx[sent.start : sent.end]  # the token table's offsets
    for rec in records:
        k = bisect.bisect_right(starts, rec.span[0]) - 1
        if k < 0:
            continue
        out.append((rec, sent.start + k))
    return out


def _para(paragraphs: list[int], char: int) -> int:
    return bisect.bisect_right(paragraphs, char) - 1


def _inherit(ctx: Context, coded: list[CodedEvent], paragraphs: list[int]) -> None:
    """Fill a material event's missing actor, place and date from the story just before it.

    News keeps one scene across a few sentences: "clashes started ... in the city" goes on
    from the sentence naming the forces and the city. Inheritance stops at a paragraph's
    distance, at future or negated events, and (for dates) at a pluperfect, which steps
    back in time.
    """
    places = sorted(ctx.places, key=lambda p: p.span[0])
    place_starts = [p.span[0] for p in places]
    in_speaker = _speaker_index(ctx)
    subjects: dict[int, Actor | None] = {}  # a sentence's previous subject, read when first asked
    paras = [_para(paragraphs, c.event.span[0]) for c in coded]  # coded is in sentence order
    for i, c in enumerate(coded):
        ev = c.event
        if ev.type not in _MATERIAL or ev.modality in ("negated", "hypothetical"):
            continue
        first = bisect.bisect_left(paras, paras[i] - 1, 0, i)
        earlier = coded[first:i]
        if ev.actor is None and ev.type in _VIOLENT:
            for prev in reversed(earlier):
                if prev.event.actor is not None and prev.event.type == "ASSAULT" and prev.event.actor.country:
                    ev.actor = prev.event.actor
                    break
            else:
                if ev.sentence not in subjects:
                    subjects[ev.sentence] = previous_subject(ctx, ev.sentence)
                subject = subjects[ev.sentence]
                if subject is not None and subject.sector in ("MIL", "REB", "INS", "COP"):
                    ev.actor = subject
        if ev.place is None and places:
            ev.place = _kind_referent(ctx, ev, places)
        if ev.place is None and places:
            k = bisect.bisect_left(place_starts, ev.span[0]) - 1
            while k >= 0:
                cand = places[k]
                si = ctx.sentence_of(cand.span[0])
                if si < ev.sentence - 3:
                    break
                if (
                    cand.span[0] not in c.frame_chars
                    and not in_speaker(cand.span)
                    and not _whither(ctx, cand)
                ):
                    ev.place = (_scene(coded, i, si) if si < ev.sentence else None) or cand.id
                    break
                k -= 1
        if ev.place is None and c.frame_place is not None:
            ev.place = c.frame_place  # last resort: where the report comes from
        if ev.date is None and ev.modality == "asserted" and c.past:
            for prev in reversed(earlier):
                if prev.event.date is not None and prev.event.type in _MATERIAL:
                    ev.date = EventDate(prev.event.date.value, prev.event.date.precision)
                    break


def _kind_referent(ctx: Context, ev: Event, places: list[Place]) -> str | None:
    """The place a definite kind word of the event's clause points back to ("arrested near
    the village", "shot down over the city"): the one the article introduced as a village
    or a city (see anaphora.py), however many sentences before."""
    words = ctx.doc.char_span(ev.span[0], ev.span[1], alignment_mode="expand")
    if words is None or not len(words):
        return None
    trigger = words.root
    kind = kind_anaphor(trigger, clause_root(trigger))
    if kind is None:
        return None
    found = introduced_place(kind, places, ctx.text, ev.span[0], title_end(ctx.text))
    return found.id if found is not None else None


def _area_scenes(ctx: Context, coded: list[CodedEvent]) -> None:
    """A later event whose clause names no place but "the area" ("troops were sent to the
    area", "arrested near the area") happened at the scene of the article's main event:
    the first violent act it reports as happening, with the place its mentions gave."""
    told = sorted(coded, key=lambda c: c.event.span[0])
    main = next(
        (c for c in told if c.event.type in _VIOLENT and not _backgrounded(c) and c.event.place is not None),
        None,
    )
    if main is None:
        return
    for c in told:
        ev = c.event
        if c is main or c.own_place is not None or ev.span[0] < main.event.span[0]:
            continue
        if ev.modality in ("negated", "hypothetical"):
            continue
        words = ctx.doc.char_span(ev.span[0], ev.span[1], alignment_mode="expand")
        if words is None or not len(words):
            continue
        if area_anaphor(words.root, clause_root(words.root)):
            ev.place = main.event.place


# how far on the settlement of "attacked a village in X province" may be named
_NAMED_WITHIN = 2


def _settlements_named_next(ctx: Context, coded: list[CodedEvent]) -> None:
    """An event told in "a village" of a province or country whose name the next sentences
    give ("Gunmen attacked a village in X state ... residents of Y village") took place in
    that settlement: the province is only where the village lies (see anaphora.py). The
    settlement must lie in the same country as the coarser place the clause named."""
    places = sorted(ctx.places, key=lambda p: p.span[0])
    by_id = {p.id: p for p in places}
    starts = [s.start_char for s in ctx.sents]
    for c in coded:
        ev = c.event
        own = by_id.get(ev.place) if ev.place else None
        if own is None or ev.modality in ("negated", "hypothetical") or place_grain(own, ctx.text) < 4:
            continue
        words = ctx.doc.char_span(ev.span[0], ev.span[1], alignment_mode="expand")
        if words is None or not len(words):
            continue
        trigger = words.root
        kind = unnamed_settlement(trigger, clause_root(trigger))
        if kind is None:
            continue
        after = starts[ev.sentence + 1] if ev.sentence + 1 < len(starts) else len(ctx.text)
        last = ev.sentence + 1 + _NAMED_WITHIN
        until = starts[last] if last < len(starts) else len(ctx.text)
        found = named_next(kind, places, ctx.text, after, until, lambda p: place_grain(p, ctx.text))
        if found is not None and (not own.country or not found.country or found.country == own.country):
            ev.place = found.id


def _scene(coded: list[CodedEvent], i: int, si: int) -> str | None:
    """The place the violent acts of sentence ``si`` (before event ``i``) took place in, as
    their clauses name it: the scene a later sentence goes on with ("captured the town of X
    in Y province after two days of fighting. The clashes began ..." goes on in X, not in
    the province named last)."""
    found = None
    k = i - 1
    while k >= 0 and coded[k].event.sentence >= si:
        prev = coded[k]
        ev = prev.event
        if (
            ev.sentence == si
            and prev.own_place is not None
            and not _backgrounded(prev)
            and ev.type in _VIOLENT
        ):
            found = prev.own_place  # the sentence's first such act: the one the news leads with
        k -= 1
    return found


def _whither(ctx: Context, place: Place) -> bool:
    """A place that is no scene for the acts told after it: where someone went or what they
    opposed ("retreated toward X", "protested against X"), or where a report came from
    ("told Reuters by phone from X", "officials in Y said"): the reporting frame's place,
    which the event's own clause skips, is no better a loan to the next sentences."""
    words = ctx.doc.char_span(place.span[0], place.span[1], alignment_mode="expand")
    if words is None or not len(words):
        return False
    tok = words.root
    if tok.dep_ == "pobj" and tok.head.lower_ in _WHITHER:
        return True
    for cur, head in head_steps(tok):
        if is_speech_frame(head) and any(k.dep_ in ("ccomp", "parataxis") for k in head.children):
            # a verb reporting something ("X told reporters from Y that ..."; not "claimed
            # control over Y"): what hangs off it besides what it reports is its frame
            return cur.dep_ not in _CONTENT
    return False


_WHITHER = frozenset({"toward", "towards", "against"})
# what a reporting verb reports (its other dependents are the report's frame)
_CONTENT = frozenset({"ccomp", "xcomp", "parataxis", "conj", "advcl"})


_STATE = ("GOV", "MIL", "COP", "JUD", "LEG")


def _state_countries(coded: list[CodedEvent]) -> None:
    """ "the army", "the government": a state organ named without its country is the one told of before.

    Only definite descriptions with no proper name of their own take it, from the nearest
    earlier actor of a state sector whose country the text gave.
    """
    last: str | None = None
    for c in sorted(coded, key=lambda c: c.event.span[0]):
        for actor in (c.event.actor, c.event.target):
            if actor is None or actor.sector not in _STATE:
                continue
            if actor.country:
                last = actor.country
            elif last and actor.name is None and not any(w[:1].isupper() for w in actor.text.split()[1:]):
                actor.country = last


def _speaker_index(ctx: Context) -> Callable[[tuple[int, int]], bool]:
    """Whether a span starts inside a quote's speaker: a place naming who speaks ("the
    defence ministry in Moscow") is not where things happened.

    The speakers sorted by start with the running maximum of their ends: one binary search
    per place, not a scan of every quote (a long article has thousands of both).
    """
    spans = sorted(q.speaker_span for q in ctx.quotes if q.speaker_span)
    starts = [s for s, _ in spans]
    max_end = list(itertools.accumulate((e for _, e in spans), max))

    def in_speaker(span: tuple[int, int]) -> bool:
        k = bisect.bisect_right(starts, span[0])  # the speakers starting at or before it
        return k > 0 and max_end[k - 1] > span[0]

    return in_speaker
