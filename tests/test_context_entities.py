"""Context.entity_at: the first entity with a mention overlapping a span, the same through
the index a long article's many entities use as through a scan, also after mentions change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.context import Context
from dateline.records import Entity

_VOCAB = Vocab()


def _context(n_chars: int) -> Context:
    words = ["word"] * max(1, n_chars // 5)
    doc = Doc(_VOCAB, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    return Context(text=doc.text, doc=doc)


def _scan(entities: list[Entity], start: int, end: int) -> Entity | None:
    for ent in entities:
        if any(m0 < end and start < m1 for m0, m1 in ent.mentions):
            return ent
    return None


mention = st.tuples(st.integers(0, 900), st.integers(0, 40)).map(lambda t: (t[0], t[0] + t[1]))
# past 96 mentions entity_at goes through its index; fewer, through the scan: both kinds
entity_mentions = st.one_of(
    st.lists(st.lists(mention, min_size=1, max_size=6), min_size=100, max_size=140),
    st.lists(st.lists(mention, min_size=1, max_size=6), min_size=1, max_size=10),
)
query = st.tuples(st.integers(0, 950), st.integers(0, 30)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=150, deadline=None)
@given(entity_mentions, st.lists(query, min_size=1, max_size=20), st.lists(mention, max_size=5))
def test_entity_at_is_the_first_entity_overlapping(groups, queries, added):
    ctx = _context(1000)
    ctx.entities = [
        Entity(id=f"e{i}", name=f"n{i}", type="ORG", span=ms[0], sentence=0, mentions=list(ms))
        for i, ms in enumerate(groups)
    ]
    for a, b in queries:
        assert ctx.entity_at(a, b) is _scan(ctx.entities, a, b)
    # the quote stage adds mentions as it resolves speakers: later look-ups see them
    for k, m in enumerate(added):
        ctx.entities[k % len(ctx.entities)].mentions.append(m)
    ctx.entities.append(
        Entity(id="new", name="new", type="ORG", span=(0, 950), sentence=0, mentions=[(0, 950)])
    )
    for a, b in queries:
        assert ctx.entity_at(a, b) is _scan(ctx.entities, a, b)
