"""Quotation-mark pairing: every mark style, multi-paragraph quotes, unclosed quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.quotes.marks import find_quotations, paragraphs


def inner(text: str) -> list[str]:
    return [text[g.start : g.end] for g in find_quotations(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said, “We will stay.”", ["We will stay."]),
        ('She said, "We will stay."', ["We will stay."]),
        ("She said, ‘We will stay.’", ["We will stay."]),
        ("She said, 'We will stay.'", ["We will stay."]),
        ("Il a dit « nous restons » hier.", ["nous restons"]),
        ("She said, ``We will stay.''", ["We will stay."]),
        ("''We will stay,'' she said.", ["We will stay,"]),
        ("“We will,” she said, “stay.”", ["We will,", "stay."]),
    ],
)
def test_mark_styles(text, expected):
    assert inner(text) == expected


def test_apostrophes_open_nothing():
    text = "The minister’s plan, the people's choice and rock ’n’ roll of the ’90s."
    assert inner(text) == []


def test_single_quotes_nested_in_double_stay_inside():
    text = "He said, “They called it ‘a farce’ yesterday.”"
    assert inner(text) == ["They called it ‘a farce’ yesterday."]


def test_quote_over_paragraphs_is_one_group():
    text = "The paper reports:\n\n“First part of the quote.\n\n“Second part of it.”\n\nAfter."
    groups = find_quotations(text)
    assert len(groups) == 1
    g = groups[0]
    assert not g.unclosed
    assert [text[s.start : s.end] for s in g.segments] == ["First part of the quote.", "Second part of it."]


def test_unclosed_quote_ends_with_its_paragraph():
    text = "He said it was a “victory for all. It is.\n\nNext paragraph without marks."
    (g,) = find_quotations(text)
    assert g.unclosed
    assert text[g.start : g.end] == "victory for all. It is."


def test_paragraphs_skip_blank_lines():
    text = "  One.\n\n\nTwo. \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two."]


@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"“”‘’'«»`:—")), max_size=80))
def test_groups_are_well_formed(text):
    paras = paragraphs(text)
    for g in find_quotations(text):
        for seg in g.segments:
            assert 0 <= seg.start <= seg.end <= len(text)
            assert any(s <= seg.open_at and seg.end <= e for s, e in paras)


def test_an_unclosed_single_mark_is_an_apostrophe():
    assert inner("Rock 'n roll kept 'em dancing through the '90s") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('There was “no evidence" of a plot, she said.', ["no evidence"]),
        ('There was "no evidence” of a plot, she said.', ["no evidence"]),
        ('“Go,” he said. "Now.”', ["Go,", "Now."]),
    ],
)
def test_mixed_curly_and_straight_marks_pair(text, expected):
    assert inner(text) == expected
