"""The events stage's look-ups through indexes answer as the scans they replaced: the quote
holding a trigger, whether a place starts inside a quote's speaker."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.context import Context
from dateline.extract.events import _speaker_index
from dateline.records import Quote

span = st.tuples(st.integers(0, 300), st.integers(0, 80)).map(lambda t: (t[0], t[0] + t[1]))


def _quote(i: int, sp: tuple[int, int], speaker: tuple[int, int] | None = None) -> Quote:
    return Quote(id=f"q{i}", kind="direct", content="...", span=sp, sentence=0, speaker_span=speaker)


def _innermost(sp: tuple[int, int], quotes: list[Quote]) -> Quote | None:
    best = None
    for q in quotes:
        if q.span[0] <= sp[0] and sp[1] <= q.span[1] and (best is None or q.span[0] >= best.span[0]):
            best = q
    return best


def _context(quotes: list[Quote]) -> Context:
    doc = Doc(Vocab(), words=["w"] * 3, sent_starts=[True, False, False])
    ctx = Context(text=doc.text, doc=doc)
    ctx.quotes = quotes
    return ctx


@settings(max_examples=200, deadline=None)
@given(st.lists(span, max_size=40), st.lists(span, min_size=1, max_size=20))
def test_quote_at_is_the_innermost_holding_quote(spans, triggers):
    quotes = [_quote(i, sp) for i, sp in enumerate(spans)]
    ctx = _context(quotes)
    for trig in triggers:
        assert ctx.quote_at(*trig) is _innermost(trig, quotes)
    # another article's context indexes its own quotes, whatever the first one asked
    more = [*quotes, _quote(99, (0, 400))]
    other = _context(more)
    for trig in triggers:
        assert other.quote_at(*trig) is _innermost(trig, more)
        assert ctx.quote_at(*trig) is _innermost(trig, quotes)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), span), max_size=40), st.lists(span, min_size=1, max_size=20))
def test_speaker_index_is_the_scan(speakers, places):
    words = ["w"] * 10
    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * 9)
    ctx = Context(text=doc.text, doc=doc)
    ctx.quotes = [_quote(i, (0, 1), sp) for i, sp in enumerate(speakers)]
    in_speaker = _speaker_index(ctx)
    for p in places:
        want = any(q.speaker_span and q.speaker_span[0] <= p[0] < q.speaker_span[1] for q in ctx.quotes)
        assert in_speaker(p) is want
