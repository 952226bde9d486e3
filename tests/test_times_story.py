"""The story's time, plans and period nouns (issue 15), on sentences written here.

A dated quote's "yesterday" counts from the quote's date; "since then" takes the date just
told; planning words and targets of putting off point forward; role and period nouns
with no calendar unit ("his second term") are no TIMEX3. Published on Sunday 27 March 2016.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.times import find_times
from dateline.extract.times.story import fits, frame_date, quoted_spans

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2016, 3, 27)  # a Sunday


def _found(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.type, f.value) for f in find_times(text, published, nlp(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the day the quote was said re-anchors its days
        ('"We will strike tomorrow," the union said on Thursday.', ("tomorrow", "DATE", "2016-03-25")),
        (
            'On Thursday the union said: "Talks collapsed yesterday."',
            ("yesterday", "DATE", "2016-03-23"),
        ),
        # a dated message: its month counts from its date
        (
            'The letter, dated May 4, 1998, said the troops had left "last month".',
            ("last month", "DATE", "1998-04"),
        ),
        # a year re-anchors what is no finer than a year
        (
            'In a 2012 interview, he said: "Last year I visited the front."',
            ("Last year", "DATE", "2011"),
        ),
    ],
)
def test_a_dated_quote_counts_from_its_own_date(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "In a 2012 interview, he said he had visited the front last year.",
            ("last year", "DATE", "2011"),
        ),
        (
            "The minister said on Jan. 5, 2011, that the talks would resume next month.",
            ("next month", "DATE", "2011-02"),
        ),
    ],
)
def test_a_dated_report_counts_its_clause_from_its_date(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


def test_a_date_inside_the_reported_clause_frames_nothing(nlp) -> None:
    text = "He said that on Jan. 5, 2011, the troops left, and they return next month."
    assert ("next month", "DATE", "2016-04") in _found(nlp, text)


def test_a_year_frame_leaves_a_quoted_day_with_the_publication(nlp) -> None:
    text = 'In a 2012 interview, he said: "I arrived yesterday."'
    assert ("yesterday", "DATE", "2016-03-26") in _found(nlp, text)


def test_an_undated_quote_keeps_the_publication_date(nlp) -> None:
    text = '"We arrived yesterday," the envoy said.'
    assert _found(nlp, text) == [("yesterday", "DATE", "2016-03-26")]


def test_a_date_in_the_quote_sentence_that_is_not_the_saying_does_not_frame(nlp) -> None:
    text = 'Police, who found the car on May 4, 1998, are sure: "He left yesterday."'
    assert ("yesterday", "DATE", "2016-03-26") in _found(nlp, text)


def test_quote_helpers() -> None:
    text = "He said \"one\" and “two” and ``three''."
    assert [text[s:e] for s, e in quoted_spans(text)] == ["one", "two", "three"]
    assert frame_date("2012") == (dt.date(2012, 7, 1), "year")
    assert frame_date("1998-05-04T10:00") == (dt.date(1998, 5, 4), "day")
    assert frame_date("2012-W03") is None
    assert fits("2011", "year") and fits("2011-05", "month") and not fits("2011-05-02", "month")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Smith joined the firm in 1998. Since then it has grown tenfold.", ("then", "DATE", "1998")),
        (
            "The treaty takes effect on Nov. 30, 2016. Until then, the border stays closed.",
            ("then", "DATE", "2016-11-30"),
        ),
        ("The war ended in 1945. By then, the city lay in ruins.", ("then", "DATE", "1945")),
    ],
)
def test_then_after_a_preposition_is_the_date_just_told(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Since then, the company has grown.",  # no date to stand for
        "The plan was drafted by then-Governor Smith.",  # a title
        "If prices fall, then sales rise.",
    ],
)
def test_then_without_a_date_before_it_is_no_time(nlp, sentence: str) -> None:
    assert not any(text == "then" for text, _, _ in _found(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a planning word on the noun the date belongs to
        ("The planned vote on Friday has been delayed.", ("Friday", "DATE", "2016-04-01")),
        ("Friday's scheduled vote has been delayed.", ("Friday", "DATE", "2016-04-01")),
        ("The upcoming election in May is crucial.", ("May", "DATE", "2016-05")),
        # the target of putting off or fixing a time
        ("A hearing has been scheduled for Wednesday.", ("Wednesday", "DATE", "2016-03-30")),
        ("The trial was adjourned until Monday.", ("Monday", "DATE", "2016-03-28")),
        # a plain past still points back
        ("The planned vote on Friday was cancelled.", ("Friday", "DATE", "2016-03-25")),
        ("The hearing was scheduled for Wednesday.", ("Wednesday", "DATE", "2016-03-23")),
        ("The court adjourned on Monday.", ("Monday", "DATE", "2016-03-21")),
    ],
)
def test_plans_and_deferrals_point_forward(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Crowds filled the streets on Bastille Day.", ("Bastille Day", "DATE", "2015-07-14")),
        ("The ceasefire began on Armistice Day 1918.", ("Armistice Day 1918", "DATE", "1918-11-11")),
        ("The parade on Anzac Day will be short.", ("Anzac Day", "DATE", "2016-04-25")),
        ("Banks close on Presidents' Day.", ("Presidents' Day", "DATE", "2016-02-15")),
    ],
)
def test_national_days_that_name_their_day(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


def test_a_national_day_of_no_named_country_is_left_out(nlp) -> None:
    assert _found(nlp, "The city celebrated Independence Day.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "During his second term, he cut taxes.",
        "Her tenure at the bank was short.",
        "The team lost often last season.",
        "The reign of the king was long.",
    ],
)
def test_role_and_period_nouns_without_a_calendar_unit_are_no_time(nlp, sentence: str) -> None:
    """TimeML marks a TIMEX3 on a temporal unit or a named time; a term, a tenure, a
    sports season or a reign is the span of an office or an activity (an event's time),
    valued only by the dates the text gives ("his second term, from 2005 to 2009")."""
    assert _found(nlp, sentence) == []


def test_a_term_with_its_years_gives_the_years(nlp) -> None:
    found = _found(nlp, "His second term, from 2005 to 2009, was calmer.")
    assert found == [("2005", "DATE", "2005"), ("2009", "DATE", "2009")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a hyphenated period before a noun: the determiner is the noun's
        ("A major factor in the third-quarter loss was a write-down.", ("third-quarter", "DATE", "2015-Q3")),
        ("Profits fell in the third quarter.", ("the third quarter", "DATE", "2015-Q3")),
        # "over" as a preposition is a signal; as "more than" it is part of the amount
        ("The money can be spent over three years.", ("three years", "DURATION", "P3Y")),
        ("He has worked there for over 30 years.", ("over 30 years", "DURATION", "P30Y")),
        # a noun that is itself a stretch of time takes the whole phrase
        ("The earnings were inflated over a three-year period.", ("a three-year period", "DURATION", "P3Y")),
        ("He made a 10-day visit to China.", ("10-day", "DURATION", "P10D")),
    ],
)
def test_extents_follow_timeml(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The week-long festival opened on Saturday.", ("week-long", "DURATION", "P1W")),
        ("A year-long strike ended.", ("year-long", "DURATION", "P1Y")),
        ("The months-long siege was lifted.", ("months-long", "DURATION", "PXM")),
    ],
)
def test_unit_long_is_a_duration(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)
