"""The windowed scan finds exactly what a whole-text scan of every rule finds.

Texts are drawn from time words, numbers, punctuation and whitespace runs of any length,
so the windows' edges, long runs (which force a whole scan) and case folding are all hit.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.times.grammar import rules
from dateline.extract.times.scan import Needs, finditer, pattern_width, scans_whole

_WORDS = [
    "the", "last", "next", "early", "end", "of", "in", "on", "at", "ago", "later", "earlier",
    "from", "now", "March", "May", "may", "Sept.", "December", "Monday", "Fridays", "today",
    "tonight", "morning", "day", "days", "week", "weeks", "month", "year", "years", "decade",
    "quarter", "second", "first", "half", "fiscal", "FY", "Q3", "a.m.", "p.m.", "noon", "GMT",
    "2015", "1957", "58", "1990s", "'80s", "nineteen", "ninety", "three", "twenty-one",
    "1,000", "3.5", "12", "4:30", "every", "daily", "annually", "Christmas", "Easter", "Eid",
    "Ramadan", "recently", "the future", "year-ago", "year-end", "old", "-", "–", "/", ",",
    ".", "'s", "while", "some time", "one day", "Is", "was", "will", "ſ", "ı", "İ", "K",
]  # fmt: skip
_GAPS = [" ", " ", " ", "", "\n\n", "  ", "\t", " \n ", "-"]
_LONG_GAPS = ["     ", "1" * 20]  # runs that force a whole scan: half the texts may hold them
_TEXTS = st.booleans().flatmap(
    lambda long: st.lists(
        st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GAPS + _LONG_GAPS * long)), max_size=60
    ).map(lambda parts: "".join(w + g for w, g in parts))
)


def _whole(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    """Every rule over the whole text, skipped only by its text-level gates."""
    found = []
    for rule in rules():
        if rule.needs and not any(n in text.lower() for n in rule.needs):
            continue
        if rule.gate is not None and rule.gate.search(text) is None:
            continue
        for m in rule.pattern.finditer(text):
            if m.end() > m.start():
                found.append((rule.name, m.span(), m.groupdict()))
    return found


def _windowed(text: str) -> list[tuple[str, tuple[int, int], dict]]:
    lowered = text.lower()
    needs, whole = Needs(text, lowered), scans_whole(text, lowered)
    found = []
    for rule in rules():
        spans = rule.spans(needs, whole)
        if spans == []:
            continue
        for m in finditer(rule.pattern, spans, text):
            if m.end() > m.start():
                found.append((rule.name, m.span(), m.groupdict()))
    return found


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_windows_find_what_the_whole_text_scan_finds(text: str) -> None:
    assert _windowed(text) == _whole(text)


def test_windows_match_at_the_edges_of_an_article() -> None:
    text = "Talks ended on March 3, 2015.\n\nThey resume in two weeks, on Monday at 9 a.m. GMT"
    assert _windowed(text) == _whole(text)
    assert any(name == "month_day" for name, _, _ in _windowed(text))


def test_every_windowed_rule_has_a_finite_width() -> None:
    widths = {rule.name: pattern_width(rule.pattern) for rule in rules()}
    assert all(w is not None and w > 0 for w in widths.values())


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("The talks ended on 3 March 2015.", False),
        ("Call 1-800-555-0199-0100-22 for details, said the agency in May.", True),
        ("Ten          spaces wide", True),
        ("The İstanbul talks of 2015", True),
    ],
)
def test_long_runs_and_unaligned_case_scan_whole(text: str, whole: bool) -> None:
    assert scans_whole(text, text.lower()) is whole


def test_an_unbounded_repeat_of_letters_has_no_width() -> None:
    assert pattern_width(re.compile(r"\bfoo\w+day")) is None
    assert pattern_width(re.compile(r"\b\d+\s+days")) == 16 + 3 + 4


def test_needs_are_single_words() -> None:
    """A pattern matches a space as any whitespace run, so a need with a space could miss."""
    assert not [(r.name, n) for r in rules() for n in r.needs if not n or any(c.isspace() for c in n)]
