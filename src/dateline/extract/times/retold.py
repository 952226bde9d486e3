"""The retold story's time: bare months and weekdays in a story told in the past.

"In March 2003, troops crossed the border. By April they held the capital." The bare
"April" belongs to the story's year, not the publication's. A *story frame* is the
narrative time a sentence sets: an explicit year, month or day before the publication's
year, on a verb narrated in the past (simple past or past perfect, not a reporting verb).
Later bare month names, month days without a year and weekdays that are narrated too
take their year (a weekday: its week) from the frame, which each narrated date told in
it moves on. The frame ends at the first sign that the text is back at the publication's
time: a date in the publication's year or later, any expression valued from the
publication date that the frame could not take ("this week", "two years ago", "now",
"said on Monday", a present or future clause's month), or a sentence told in the present.

How far a frame reaches was measured on unlabelled news (LGL, PolNeAR), where writers
follow AP style: a month or month day without a year is one of the publication's year and
a bare weekday one of its week, even right after a dated background sentence ("lost their
first child in May 2006 ... Annika was born June 13", "rescued them on March 31, 2008.
On Friday, he received the medal", "In 2014, he unveiled the plan ... filed for
bankruptcy in April"). So in the frame's own sentence every bare month, month day and
weekday takes the frame; in later sentences only a month or day frame reaches, and only a
bare month at most six months ahead of it ("In March 2003 ... By April"), or a month day
whose weekday the story's year makes true ("on Friday, April 11" in a 2003 story).

Precedence, from strongest to weakest: the expression's own year ("April 2003"); the
story frame, for a bare month, month day or weekday narrated where it reaches; a dated
quote's or reported clause's date (``story.py``), for what is still counted from the
publication date; the publication date with the governing verb's tense (``tense.py``). News leads keep the publication date:
"Police said on Monday that the suspect fled in March" has no frame (no past year is told
on a narrated verb), and a weekday on a reporting verb ends any frame before it.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.extract.times import calendar as cal
from dateline.extract.times.lexicon import lexicon
from dateline.extract.times.tense import governing_verb, verb_direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# the kinds of clause a time expression can be told in
NARRATED, REPORTING, CURRENT = "narrated", "reporting", "current"

Clause = Callable[[int, int], str | None]


def _present_perfect(verb: Token) -> bool:
    """ "has crossed", "have begun to withdraw": a perfect told from the present."""
    current = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in current.children):
            return True
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
    return False


def _finite_past(verb: Token) -> bool:
    """A past tense on the verb, its auxiliaries or the verb its infinitive completes
    ("crossed", "had left", "began to withdraw"); not a participle ("passed in 2003")."""
    current = verb
    for _ in range(3):
        auxes = (c for c in current.children if c.dep_ in ("aux", "auxpass"))
        if current.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
    return False


def clause_at(doc: Doc, start: int, end: int) -> str | None:
    """How the clause governing the expression at ``[start, end)`` tells it: NARRATED (a
    simple past or past perfect), REPORTING (the expression dates a reporting verb:
    "said on Monday"), CURRENT (present, present perfect, future or modal), else None.
    NARRATED is given only to an expression the verb itself takes ("crossed in March",
    "on Friday, looting began"), not to one on a noun ("the 2003 invasion toppled")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if verb is None:
        return None
    if verb.lemma_.lower() in lexicon().reporting_verbs:
        return REPORTING
    direction = verb_direction(verb)
    if direction in ("future", "present") or (direction == "past" and _present_perfect(verb)):
        return CURRENT
    if direction == "past" and _finite_past(verb) and _on_verb(root, verb):
        return NARRATED
    return None


def _on_verb(token: Token, verb: Token) -> bool:
    """Whether the expression is the verb's own adverbial: on it, or the object of a
    preposition on it ("in March", "by April")."""
    head = token.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


@dataclass(frozen=True)
class Frame:
    """A story's time: the date standing for it and its granularity (day, month, year)."""

    day: dt.date
    grain: str


def frame_of(value: str) -> Frame | None:
    """The frame a concrete date value sets; None for what cannot set one (quarters,
    weeks, seasons, references)."""
    grain = cal.granularity(value.split("T")[0])
    if grain == "day":
        day = cal.day_of(value)
        return Frame(day, grain) if day else None
    if grain == "month":
        return Frame(dt.date(int(value[:4]), int(value[5:7]), 1), grain)
    if grain == "year":
        return Frame(dt.date(int(value[:4]), 1, 1), grain)
    return None


@dataclass(frozen=True)
class Sentences:
    """Where the article's sentences begin, and which of them are told in the present."""

    starts: list[int]
    present: list[int]


def sentences(doc: Doc) -> Sentences:
    """The sentence starts, and those of sentences told in the present (the main verb, or a
    reporting main verb's clause, is present, present perfect or future: "It now employs
    300 people", "officials say the town has fallen"): such a sentence ends a story frame."""
    starts, present = [], []
    reporting = lexicon().reporting_verbs
    for sent in doc.sents:
        starts.append(sent.start_char)
        verb = sent.root
        if verb.lemma_.lower() in reporting:
            verb = next((c for c in verb.children if c.dep_ == "ccomp"), verb)
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in reporting:
            continue
        direction = verb_direction(verb)
        if direction in ("present", "future") or (direction == "past" and _present_perfect(verb)):
            present.append(sent.start_char)
    return Sentences(starts, present)


def _between(offsets: list[int], after: int, upto: int) -> bool:
    """Whether a sorted offset lies in ``(after, upto]``."""
    k = bisect.bisect_right(offsets, after)
    return k < len(offsets) and offsets[k] <= upto


class StoryTime:
    """The current story frame of one article, moved on in text order (``at``, ``observe``).

    ``sentences`` gives, when first needed, the article's ``Sentences``: one told in the
    present between the frame and an expression ends the frame, and what reaches past the
    frame's own sentence is limited (``month``, ``month_day``, ``weekday``)."""

    def __init__(self, published: dt.date | None, sentences: Callable[[], Sentences] | None = None) -> None:
        self.published = published
        self.frame: Frame | None = None
        self._frame_end = 0
        self._sentences = sentences
        self._known: Sentences | None = None
        self._same_sentence = False

    def at(self, position: int) -> None:
        """Before the expression at ``position``: close the frame when a sentence told in
        the present began since it was set, and note whether this is still its sentence."""
        if self.frame is None or self._sentences is None:
            return
        if self._known is None:
            self._known = self._sentences()
        if _between(self._known.present, self._frame_end, position):
            self.frame = None
        self._same_sentence = not _between(self._known.starts, self._frame_end, position)

    def observe(
        self, value: str, absolute: bool, from_publication: bool, clause: Callable[[], str | None], end: int
    ) -> None:
        """Move the frame on after one resolved expression ending at ``end``. ``absolute``:
        the value came from the expression alone (its own year); ``from_publication``: it
        was counted from the publication date; ``clause`` is asked lazily (it needs the
        parse)."""
        if self.published is None:
            return
        concrete = value[:1].isdigit()
        if not concrete:
            if value == "PRESENT_REF":
                self.frame = None
            return
        year = cal.year_of(value)
        if absolute:
            if year is not None and year >= self.published.year:
                self.frame = None
            elif (frame := frame_of(value)) is not None and clause() == NARRATED:
                self.frame, self._frame_end = frame, end
            return
        if from_publication:
            self.frame = None  # the text is back at the publication's time
        elif self.frame is not None and (frame := frame_of(value)) is not None and clause() == NARRATED:
            self.frame, self._frame_end = frame, end

    def month(self, month: int) -> tuple[int, int] | None:
        """The story's year for a bare month. In the frame's own sentence: the frame's
        year when it is a year, else the year that puts the month nearest the frame's
        month (ties go forward, as a story does). In a later sentence only a month or day
        frame reaches, and only forward, at most six months on ("In March 2003 ... By
        April"): news going back to an earlier month has returned to its own year."""
        frame = self.frame
        if frame is None:
            return None
        ahead = (month - frame.day.month) % 12
        year = frame.day.year
        if not self._same_sentence:
            if frame.grain == "year" or ahead > 6:
                return None
            year += 1 if month < frame.day.month else 0
        elif frame.grain != "year":
            if ahead <= 6:
                year += 1 if month < frame.day.month else 0
            else:
                year -= 1 if month > frame.day.month else 0
        return (year, month) if self._told(dt.date(year, month, 1)) else None

    def month_day(self, month: int, day: int, weekday: int | None = None) -> dt.date | None:
        """A month day without a year: in the frame's own sentence, in the frame's year
        or the one next to it where the date is nearest the frame. In a later sentence
        only with a weekday that the frame's year (or the one next to it) makes true
        ("on Friday, April 11" in a 2003 story): a bare "June 13" later in a story is
        AP style's date of the publication's year."""
        frame = self.frame
        if frame is None or not (self._same_sentence or weekday is not None):
            return None
        years = (0,) if frame.grain == "year" and weekday is None else (0, 1, -1)
        dates = [d for k in years if (d := cal.safe_date(frame.day.year + k, month, day)) is not None]
        if weekday is not None:
            dates = [d for d in dates if d.isoweekday() == weekday]
        if not dates:
            return None
        best = min(dates, key=lambda d: (abs((d - frame.day).days), d < frame.day))
        return best if self._told(best) else None

    def weekday(self, weekday: int) -> dt.date | None:
        """A weekday in the week from the frame's day, in the frame's own sentence ("On
        March 20, 2003, troops crossed the river and on Friday reached the city"); AP style
        names a bare weekday in a later sentence only for the publication's week."""
        frame = self.frame
        if frame is None or frame.grain != "day" or not self._same_sentence:
            return None
        day = cal.weekday_near(frame.day, weekday, "future")
        return day if self._told(day) else None

    def _told(self, day: dt.date) -> bool:
        """A story told in the past lies before the publication's year."""
        return self.published is not None and day.year < self.published.year
