"""The times stage: grammar matches -> accepted spans -> values in text order -> records."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.extract.times.base import PUBLISHED, TEXT
from dateline.extract.times.filters import TokenIndex, accept
from dateline.extract.times.grammar import need_index, rules
from dateline.extract.times.resolve import Resolver
from dateline.extract.times.retold import Sentences, clause_at, sentences
from dateline.extract.times.scan import Needs, case_aligned, finditer, scans_whole
from dateline.extract.times.story import fits, frame_date, quote_frames, quoted_spans, reported_frames
from dateline.extract.times.tense import direction_at
from dateline.records import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from dateline.context import Context


@dataclass(frozen=True)
class FoundTime:
    start: int
    end: int
    type: str
    value: str
    anchor: str | None
    rule: str


def _candidates(text: str, tokens: TokenIndex | None) -> list[tuple[int, int, int, str, object]]:
    found = []
    lowered = text.lower()
    aligned = case_aligned(text, lowered)  # the rules' lower-case twins may scan it
    whole = scans_whole(text, lowered, aligned)
    needs = Needs(text, lowered, need_index())
    for rule in rules():
        spans = rule.spans(needs, whole)
        if spans == []:
            continue
        for m in finditer(rule.pattern, spans, text, rule.twin if aligned else None, lowered):
            if m.end() <= m.start():
                continue
            span = accept(rule.name, m, text, tokens)
            if span is None:
                continue
            found.append((span[0], span[1], rule.priority, rule.name, m))
    return found


def _settle(
    found: list[tuple[int, int, int, str, object]], length: int
) -> list[tuple[int, int, int, str, object]]:
    """Longest match first (then higher priority, then earlier); no two kept spans overlap.

    Taken characters are marked in a byte array, so a long article costs the total length
    of its matches, not candidates x kept."""
    found.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken = bytearray(length + 1)
    kept = []
    for cand in found:
        s, e = cand[0], cand[1]
        if taken.find(1, s, e) >= 0:
            continue
        taken[s:e] = b"\x01" * (e - s)
        kept.append(cand)
    kept.sort(key=lambda c: c[0])
    return kept


def find_times(text: str, published: dt.date | None, doc: Doc | None = None) -> list[FoundTime]:
    """Every time expression in ``text`` with its TIMEX3 type, value and anchor."""
    tokens = TokenIndex(doc) if doc is not None else None

    def direction(start: int, end: int) -> str | None:
        return direction_at(doc, start, end) if doc is not None else None

    def clause(start: int, end: int) -> str | None:
        return clause_at(doc, start, end) if doc is not None else None

    def told() -> Sentences:
        return sentences(doc) if doc is not None else Sentences([], [])

    resolver = Resolver(text, published, direction, clause, told)
    out: list[FoundTime] = []
    matches: list[re.Match[str]] = []
    for start, end, _prio, name, m in _settle(_candidates(text, tokens), len(text)):
        resolved = resolver.resolve(name, m)  # type: ignore[arg-type]
        if resolved is None:
            continue
        out.append(FoundTime(start, end, resolved.type, resolved.value, resolved.anchor, name))
        matches.append(m)  # type: ignore[arg-type]
    if doc is not None and published is not None:
        _reanchor_on_the_story(text, published, doc, out, matches, direction)
    return out


def _reanchor_on_the_story(
    text: str,
    published: dt.date,
    doc: Doc,
    out: list[FoundTime],
    matches: list[re.Match[str]],
    direction: Callable[[int, int], str | None],
) -> None:
    """Resolve a dated quote's or reported clause's expressions against its date
    (``story.py``), in place."""
    dates = [(f.start, f.end, f.value) for f in out if f.type in ("DATE", "TIME") and f.value[:1].isdigit()]
    if not dates:
        return
    spans = quoted_spans(text)
    frames = reported_frames(doc, dates)
    frames.update(quote_frames(doc, spans, dates) if spans else {})
    for (q_start, q_end), value in frames.items():
        framed = frame_date(value)
        if framed is None or framed[0] == published:
            continue
        resolver = Resolver(text, framed[0], direction)
        for i, f in enumerate(out):
            if not (q_start <= f.start and f.end <= q_end) or f.anchor != PUBLISHED:
                continue
            again = resolver.resolve(f.rule, matches[i])
            if again is None or again.value == f.value or not again.value[:1].isdigit():
                continue
            if again.type in ("DATE", "TIME") and fits(again.value, framed[1]):
                out[i] = FoundTime(f.start, f.end, again.type, again.value, TEXT, f.rule)


def extract_times(ctx: Context) -> None:
    """Fill ``ctx.times`` (ids t1, t2, ...)."""
    found = find_times(ctx.text, ctx.published, ctx.doc)
    ctx.times = [
        Timex(
            id=f"t{i}",
            text=ctx.text[f.start : f.end],
            span=(f.start, f.end),
            sentence=ctx.sentence_of(f.start),
            type=f.type,
            value=f.value,
            anchor=f.anchor,
        )
        for i, f in enumerate(found, 1)
    ]
