"""The token table (dateline.tokens) holds what spaCy's own attributes say, token by token.

The stages read the table instead of the ``Token`` wrappers for speed; a column that
disagreed with spaCy anywhere would change what they find, so every column is pinned
against the ``Token`` attribute it stands for, on sentences written here and on random
text.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.context import Context
from dateline.tokens import TokenTable, head_steps, span_of, tokens_of

_TEXT = (
    "Rebels shelled the northern town of Qaryat on Tuesday, killing 12 civilians.\n\n"
    "\u201cWe will not retreat,\u201d the commander told reporters in Al-Mansur. "
    "About 1,500 people fled; aid groups said twenty-two trucks were turned back!\n"
    "Mr. O'Neill, 54, visited Springfield, Ill., on 3 March 2021 (local time)."
)


def _expected(doc) -> dict[str, list]:
    """Each column as spaCy's Token attributes give it."""
    return {
        "text": [t.text for t in doc],
        "lower": [t.lower_ for t in doc],
        "lemma": [t.lemma_.lower() for t in doc],
        "tag": [t.tag_ for t in doc],
        "dep": [t.dep_ for t in doc],
        "ent_type": [t.ent_type_ for t in doc],
        "pos": [t.pos_ for t in doc],
        "head": [t.head.i for t in doc],
        "idx": [t.idx for t in doc],
        "punct": [t.is_punct for t in doc],
        "space": [t.is_space for t in doc],
        "children": [[c.i for c in t.children] for t in doc],
    }


def _assert_matches(table: TokenTable, doc) -> None:
    for name, values in _expected(doc).items():
        assert list(getattr(table, name)) == values, name
    sents = list(doc.sents)
    assert [(s.start, s.end) for s in table.sents] == [(s.start, s.end) for s in sents]
    for tok in doc:
        sent = tok.sent
        assert table.sent_of(tok.i) == sent
        assert (table.sent_start(tok.i), table.sent_end(tok.i)) == (sent.start, sent.end)
        assert table.ancestors(tok.i) == [a.i for a in tok.ancestors]


def test_every_column_is_what_the_tokens_say(nlp):
    doc = nlp(_TEXT)
    table = TokenTable(doc)
    _assert_matches(table, doc)
    assert len(table) == len(doc)
    # a few values spelled out, so that a column read from the wrong attribute shows
    i = [t.text for t in doc].index("shelled")
    assert (table.lemma[i], table.pos[i], table.tag[i]) == ("shell", "VERB", "VBD")
    assert table.dep[table.head[i]] == "ROOT" or table.head[i] == i
    j = [t.text for t in doc].index("Tuesday")
    assert table.ent_type[j] == "DATE"
    assert table.idx[j] == _TEXT.index("Tuesday")
    assert table.punct[[t.text for t in doc].index(",")] is True
    assert i in table.children[table.head[i]] or table.head[i] == i


def test_the_pipeline_hands_its_table_to_the_stages(nlp):
    doc = nlp(_TEXT)
    ctx = Context(text=_TEXT, doc=doc)
    assert tokens_of(doc) is ctx.tokens  # what a function given only a Token reaches
    assert ctx.tokens.sents == ctx.sents
    other = nlp("A second article, parsed later.")
    assert tokens_of(other).doc is other  # another doc gets its own table, never the last one
    _assert_matches(tokens_of(other), other)


def test_an_unknown_column_is_an_attribute_error(nlp):
    table = TokenTable(nlp("Short."))
    with pytest.raises(AttributeError):
        table.no_such_column  # noqa: B018


def test_an_empty_doc_has_empty_columns(nlp):
    table = TokenTable(nlp.make_doc(""))
    assert table.text == [] and table.head == [] and list(table.sent) == [] and table.sents == []
    assert table.children == []


def test_the_cache_lives_with_its_doc(nlp):
    doc = nlp("Police arrested two men.")
    first = tokens_of(doc).cache("x")
    first[0] = "seen"
    assert tokens_of(doc).cache("x") == {0: "seen"}
    assert tokens_of(nlp("Police arrested two men.")).cache("x") == {}


_WORDS = st.sampled_from(
    [
        "the", "army", "shelled", "Homs", "on", "Monday", ",", ".", "said", "\u201c", "\u201d", "12",
        "people", "were", "killed", "in", "New", "York", "!", "?", "\n\n", "\n", "  ", "UN", "-",
        "protesters", "marched", "to", "parliament", "2021", "O'Neill", "Ill.", "(", ")", "about",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(_WORDS, max_size=60))
def test_random_text_reads_the_same_through_the_table(nlp, words):
    text = " ".join(words)
    doc = nlp(text)
    _assert_matches(TokenTable(doc), doc)


def test_head_steps_walk_up_to_below_the_root_and_no_further_than_the_limit(nlp):
    doc = nlp("Officials said the gunmen who attacked the village in the north fled on foot.")
    village = next(t for t in doc if t.text == "village")
    steps = list(head_steps(village, limit=20))
    assert steps[0] == (village, village.head)
    assert all(head == cur.head for cur, head in steps)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(steps))
    assert steps[-1][1].dep_ == "ROOT" and steps[-1][0].dep_ != "ROOT"
    assert list(head_steps(village, limit=2)) == steps[:2]
    root = next(t for t in doc if t.dep_ == "ROOT")
    assert list(head_steps(root)) == []


def test_the_table_walks_up_as_head_steps_does(nlp):
    doc = nlp("Officials said the gunmen who attacked the village in the north fled on foot.")
    table = tokens_of(doc)
    for tok in doc:
        for limit in (1, 2, 8, 20):
            want = [(cur.i, head.i) for cur, head in head_steps(tok, limit=limit)]
            assert list(table.head_steps(tok.i, limit=limit)) == want


def test_span_of_is_the_slice_of_the_doc_for_any_bounds(nlp):
    doc = nlp("Rescuers reached the flooded village late on Tuesday.")
    n = len(doc)
    for start, end in itertools.product(range(-n - 2, n + 3), repeat=2):
        got, want = span_of(doc, start, end), doc[start:end]
        assert (got.start, got.end, got.text) == (want.start, want.end, want.text)
