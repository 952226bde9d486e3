"""The windowed scan finds exactly what a whole-text scan of every rule finds.

Texts are drawn from time words, numbers, punctuation and whitespace runs of any length,
so the windows' edges, long runs (which force a whole scan) and case folding are all hit.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.extract.times.grammar import need_index, rules
from dateline.extract.times.scan import (
    NeedIndex,
    Needs,
    case_aligned,
    finditer,
    lower_twin,
    pattern_width,
    scans_whole,
)

_WORDS = [
    "the", "last", "next", "early", "end", "of", "in", "on", "at", "ago", "later", "earlier",
    "from", "now", "March", "May", "may", "Sept.", "December", "Monday", "Fridays", "today",
    "tonight", "morning", "day", "days", "week", "weeks", "month", "year", "years", "decade",
    "quarter", "second", "first", "half", "fiscal", "FY", "Q3", "a.m.", "p.m.", "noon", "GMT",
    "2015", "1957", "58", "1990s", "'80s", "nineteen", "ninety", "three", "twenty-one",
    "1,000", "3.5", "12", "4:30", "every", "daily", "annually", "Christmas", "Easter", "Eid",
    "Ramadan", "recently", "the future", "year-ago", "year-end", "old", "-", "–", "/", ",",
    ".", "'s", "while", "some time", "one day", "Is", "was", "will", "ſ", "ı", "İ", "K", "\u212a",
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
    needs, whole = Needs(text, lowered, need_index()), scans_whole(text, lowered)
    twins = case_aligned(text, lowered)
    found = []
    for rule in rules():
        spans = rule.spans(needs, whole)
        if spans == []:
            continue
        for m in finditer(rule.pattern, spans, text, rule.twin if twins else None, lowered):
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


def test_every_rule_has_a_lower_case_twin() -> None:
    assert [r.name for r in rules() if r.twin is None] == []


@pytest.mark.parametrize(
    "pattern",
    [
        r"[A-Z]+day",  # a range over letters
        r"\x41pril",  # a capital written as an escape
        r"(?-i:May)",  # a group that turns IGNORECASE off
        r"Été",  # a cased letter outside ASCII (IGNORECASE has extra equivalents for some)
        r"(?P<y>\d+)(?(y)a|b)",  # a conditional group
    ],
)
def test_a_pattern_not_shown_equal_gets_no_twin(pattern: str) -> None:
    assert lower_twin(re.compile(pattern, re.IGNORECASE)) is None


def test_a_case_sensitive_pattern_gets_no_twin() -> None:
    assert lower_twin(re.compile("May")) is None


def test_the_twin_keeps_escapes_and_group_names() -> None:
    twin = lower_twin(re.compile(r"\bFY\s*(?P<Year>\d\d)\S", re.IGNORECASE))
    assert twin is not None and twin.pattern == r"\bfy\s*(?P<Year>\d\d)\S"


def _code_points() -> str:
    """Every character that lower-cases to one character, but the three ``case_aligned``
    refuses (dotted I, dotless i, long s)."""
    chars = (chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    return "".join(c for c in chars if len(c.lower()) == 1 and c not in "\u0130\u0131\u017f")


def test_lower_case_keeps_what_an_ascii_letter_and_the_classes_match() -> None:
    """The premise of the twins, on every code point: a character matches an ASCII
    letter under IGNORECASE exactly when its lower() is that letter, and lower() keeps
    what \\w, \\s, \\d and \\b see."""
    text = _code_points()
    lowered = text.lower()
    assert len(lowered) == len(text) and case_aligned(text, lowered)
    for letter in "abcdefghijklmnopqrstuvwxyz":
        insensitive = [m.start() for m in re.finditer(letter, text, re.IGNORECASE)]
        assert insensitive == [m.start() for m in re.finditer(letter, lowered)], letter
    for cls in (r"\w", r"\s", r"\d", r"\b"):
        assert [m.start() for m in re.finditer(cls, text)] == [m.start() for m in re.finditer(cls, lowered)]


def _found_one_by_one(needs: list[str], lowered: str) -> dict[str, list[int]]:
    """Every start of each need, overlapping ones included, by ``str.find``."""
    out: dict[str, list[int]] = {}
    for need in needs:
        starts, at = [], lowered.find(need)
        while at >= 0:
            starts.append(at)
            at = lowered.find(need, at + 1)
        out[need] = starts
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_the_need_index_finds_every_start_that_find_finds(text: str) -> None:
    lowered = text.lower()
    needs = sorted(need_index().words)
    expected = {need: starts for need, starts in _found_one_by_one(needs, lowered).items() if starts}
    assert need_index().starts(lowered) == expected
    indexed, by_find = Needs(text, lowered, need_index()), Needs(text, lowered)
    assert all(indexed.positions((need,)) == by_find.positions((need,)) for need in needs)


def test_the_need_index_finds_overlapping_and_nested_needs() -> None:
    index = NeedIndex(["day", "midday", "aa", "ly", "year’s", "week"])
    text = "midday daily aaaa new year’s"
    expected = _found_one_by_one(["day", "midday", "aa", "ly", "year’s"], text)
    assert index.starts(text) == expected
    assert index.starts(text)["aa"] == [13, 14, 15]
    assert NeedIndex([]).starts(text) == {}
