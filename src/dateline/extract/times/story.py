"""The story's time: a dated message's own "yesterday" and "last month" count from its date.

Relative expressions resolve against the publication date, but inside a quoted message
or a reported clause the speaker's or writer's "now" is the time it was said or written,
and TimeML values a relative expression against its own reference time. When the text
gives that time (a date in the quote's sentence, outside the quote, that belongs to a
reporting verb or a message noun: "he said on Monday", "in a letter dated May 4, 1998",
"in a 2012 interview"; or such a date on the verb whose complement clause holds the
expression), the expressions there that were resolved against the publication date are
resolved again against it:

- a day ("on Monday") re-anchors everything ("tomorrow" is Tuesday);
- a month or a year re-anchors only what is no finer than it ("last year" in a 2012
  interview is 2011; its "yesterday" stays with the publication date, as the day is not
  known).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from dateline.extract.times import calendar as cal
from dateline.extract.times.lexicon import lexicon
from dateline.extract.times.tense import governing_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# double quotation marks only: single ones are apostrophes as often as quotes
_QUOTED = re.compile(r"\"([^\"\n]{2,3000})\"|“([^”]{2,3000})”|``((?:(?!'').){2,3000})''", re.DOTALL)
# nouns of a message whose date is the quote's ("a letter dated", "a 2012 interview")
MESSAGE_NOUNS = frozenset(
    {
        "letter", "email", "e-mail", "message", "statement", "interview", "speech", "note",
        "memo", "post", "tweet", "diary", "entry", "broadcast", "video", "recording",
        "address", "conference", "briefing", "testimony", "remarks", "comments", "text",
        "cable", "telegram", "report", "communique", "declaration", "announcement",
    }
)  # fmt: skip
_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4, "decade": 5}


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The ``[start, end)`` spans inside paired double quotation marks."""
    return [m.span(m.lastindex or 0) for m in _QUOTED.finditer(text)]


def frame_date(value: str) -> tuple[dt.date, str] | None:
    """A date standing for a frame's value and the frame's granularity (day, month, year)."""
    value = value.split("T")[0]
    grain = cal.granularity(value)
    if grain == "day":
        day = cal.day_of(value)
        return (day, grain) if day else None
    if grain == "month":
        return dt.date(int(value[:4]), int(value[5:7]), 15), grain
    if grain == "year":
        return dt.date(int(value[:4]), 7, 1), grain
    return None


def fits(value: str, grain: str) -> bool:
    """Whether a value re-resolved against a frame of ``grain`` is no finer than it."""
    got = cal.granularity(value.split("T")[0])
    return got is not None and _RANK.get(got, -1) >= _RANK[grain]


def _frames_message(token: Token) -> bool:
    """Whether a date token belongs to a reporting verb or a message noun (3 hops up)."""
    return _message_of(token) is not None


def _message_of(token: Token) -> Token | None:
    """The message noun or reporting verb a date token belongs to, if any: the noun within
    3 hops up ("a letter dated May 4"), else the governing verb when it reports."""
    current = token
    for _ in range(3):
        head = current.head
        if head.i == current.i:
            break
        if head.pos_ == "NOUN" and head.lemma_.lower() in MESSAGE_NOUNS:
            return head
        current = head
    verb = governing_verb(token.head if token.head.i != token.i else token)
    return verb if verb is not None and verb.lemma_.lower() in lexicon().reporting_verbs else None


def reported_frames(doc: Doc, dates: list[tuple[int, int, str]]) -> dict[tuple[int, int], str]:
    """The clause a dated reporting verb reports, with the date: "he said on Jan. 5 that
    talks would resume next week", "in a 2012 interview, he said he had left last year".

    The clause is the verb's complement (``ccomp``) subtree; a message noun's date frames
    the clause of the verb the noun hangs on ("In a 2012 interview, he said ...")."""
    frames: dict[tuple[int, int], str] = {}
    for start, end, value in dates:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        message = _message_of(span.root)
        if message is None:
            continue
        verb = message if message.pos_ in ("VERB", "AUX") else governing_verb(message)
        if verb is None or verb.lemma_.lower() not in lexicon().reporting_verbs:
            continue
        for child in verb.children:
            if child.dep_ != "ccomp":
                continue
            lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge)
            if not lo <= start < hi:
                frames.setdefault((lo, hi), value)
    return frames


def quote_frames(
    doc: Doc, spans: list[tuple[int, int]], dates: list[tuple[int, int, str]]
) -> dict[tuple[int, int], str]:
    """Each quoted span's frame value, where the text gives one.

    ``dates`` are the concrete date values found, as ``(start, end, value)``. A frame lies
    outside every quote, in the sentence where the quote starts or ends."""
    frames: dict[tuple[int, int], str] = {}
    for q_start, q_end in spans:
        first = doc.char_span(q_start, q_start + 1, alignment_mode="expand")
        last = doc.char_span(max(q_start, q_end - 1), q_end, alignment_mode="expand")
        if first is None or last is None:
            continue
        lo, hi = first.sent.start_char, last.sent.end_char
        for start, end, value in dates:
            if not lo <= start < hi or any(s - 1 <= start < e + 1 for s, e in spans):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and _frames_message(span.root):
                frames[(q_start, q_end)] = value
                break
    return frames
