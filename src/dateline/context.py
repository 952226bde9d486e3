"""The working state of one article while the stages run over it.

A stage reads what earlier stages put here and adds its own records. The context is
thrown away once the article's records are built; only ``Article`` leaves the pipeline.
"""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.records import Entity, Event, Flag, Number, Place, Quote, Span, Timex
from dateline.text.datelines import Datelines
from dateline.tokens import TokenTable, remember

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


_MENTIONS = operator.attrgetter("mentions")
_SCAN_MENTIONS = 96  # up to this many mentions, entity_at scans them; past it, an index


@dataclass
class Context:
    text: str
    doc: Doc
    published: dt.date | None = None
    published_raw: str | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[Timex] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    numbers: list[Number] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list, repr=False)
    _sents: list[SpacySpan] = field(default_factory=list, repr=False)
    _flagged: set[tuple[str, Span | None]] = field(default_factory=set, repr=False)
    _mention_index: tuple | None = field(default=None, repr=False)
    _quote_index: tuple[list[int], list[Quote], int] | None = field(default=None, repr=False)
    _datelines: Datelines | None = field(default=None, repr=False)
    tokens: TokenTable = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sents = list(self.doc.sents)
        self._sent_starts = [s.start_char for s in self._sents]
        # every token's attributes, read once for all stages (dateline.tokens)
        self.tokens = remember(TokenTable(self.doc, self._sents, self.text))

    @property
    def sents(self) -> list[SpacySpan]:
        """The doc's sentences, computed once (``doc.sents`` rebuilds them on every call)."""
        return self._sents

    @property
    def datelines(self) -> Datelines:
        """The article's wire datelines ("KAMPALA - "), read from the text once, on first
        use: the places stage and the events stage ask the same reading."""
        if self._datelines is None:
            self._datelines = Datelines(self.text)
        return self._datelines

    def sentence_of(self, char: int) -> int:
        """Index of the sentence that holds character offset ``char``."""
        return max(0, bisect.bisect_right(self._sent_starts, char) - 1)

    def sentence_index_of_token(self, token: Token) -> int:
        return self.sentence_of(token.idx)

    def flag(self, code: str, message: str, span: Span | None = None) -> None:
        """Record a problem in the article (never raised: see STYLE.md rule 3)."""
        sentence = self.sentence_of(span[0]) if span else None
        key = (code, tuple(span) if span else None)
        if key in self._flagged:  # a set, not a scan of the flags: many flags stay linear
            return
        self._flagged.add(key)
        self.flags.append(Flag(code=code, message=message, span=span, sentence=sentence))

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity one of whose mentions overlaps ``[start, end)``, if any (the first
        such entity in ``entities``).

        A long article's (many mentions) goes through an index of the mentions by start,
        so that its thousands of look-ups (one per event actor) do not each scan every
        mention. The index is rebuilt when the entities or their mention lists change (the
        stages before the events add mentions; the events stage asks).
        """
        lists = list(map(_MENTIONS, self.entities))  # C-level maps: cheap beside a scan
        if sum(map(len, lists)) <= _SCAN_MENTIONS:  # a news article's few: the scan is cheaper
            for ent in self.entities:
                for m0, m1 in ent.mentions:
                    if m0 < end and start < m1:
                        return ent
            return None
        key = (tuple(map(id, self.entities)), tuple(map(id, lists)), tuple(map(len, lists)))
        if self._mention_index is None or self._mention_index[0] != key:
            mentions = sorted(
                ((m0, m1, rank) for rank, e in enumerate(self.entities) for m0, m1 in e.mentions),
            )
            longest = max((m1 - m0 for m0, m1, _ in mentions), default=0)
            self._mention_index = (key, [m[0] for m in mentions], mentions, longest)
        _, starts, mentions, longest = self._mention_index
        best: int | None = None
        # back from the last mention starting before ``end``: one starting more than the
        # longest mention's length before ``start`` cannot reach it
        k = bisect.bisect_left(starts, end) - 1
        while k >= 0 and starts[k] > start - longest - 1:
            _, m1, rank = mentions[k]
            if start < m1 and (best is None or rank < best):
                best = rank
            k -= 1
        return self.entities[best] if best is not None else None

    def quote_at(self, start: int, end: int) -> Quote | None:
        """The innermost quote whose span holds ``[start, end)`` (the latest-starting one;
        of those starting together, the last in ``quotes``), if any.

        The quotes are indexed by start on the first call: the quotes stage has filled
        ``quotes`` before any stage that asks (the pipeline checks the order), and nothing
        changes them after. The index lives and dies with this article's context.
        """
        if not self.quotes:
            return None
        if self._quote_index is None:
            order = [q for _, q in sorted(enumerate(self.quotes), key=lambda t: (t[1].span[0], t[0]))]
            longest = max(q.span[1] - q.span[0] for q in self.quotes)
            self._quote_index = ([q.span[0] for q in order], order, longest)
        starts, order, longest = self._quote_index
        # back from the last quote starting at or before ``start``; none starting more than
        # the longest quote's length before ``end`` can hold the span: a long article's
        # thousands of quotes cost each look-up a few steps, not a scan
        k = bisect.bisect_right(starts, start) - 1
        while k >= 0 and starts[k] >= end - longest:
            q = order[k]
            if end <= q.span[1]:
                return q
            k -= 1
        return None
