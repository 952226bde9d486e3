"""Time constructions of issue 15 (news the stage had not seen), on sentences written here.

Ages, deadlines and plans, anchoring on the narrative, offsets, year ranges, frequency
adverbs, holidays and "at the time". They run with the parse: tense and part of speech
decide several of them. Published on Wednesday 9 March 2016.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.times import find_times
from dateline.extract.times.holidays import holiday_on

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2016, 3, 9)  # a Wednesday


def _found(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.type, f.value) for f in find_times(text, published, nlp(text))]


@pytest.mark.parametrize(
    "sentence",
    [
        "A 6-year-old boy was hurt in the crash.",
        "The 40-year-old was arrested at the scene.",
        "Police said the 72-year-old grandmother had been missing.",
        "He is 53 years old.",
    ],
)
def test_ages_are_never_time_expressions(nlp, sentence: str) -> None:
    assert _found(nlp, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Shots were fired in the 2000 block of S. Quill St. late on the night.",
        "Officers found casings in the 1900 block, near the rail yard.",
        "The fire started at 1822 Wren Hollow Road.",
        "A man was stabbed outside 2015 Larch Avenue.",
        "Deputies were called to 2010 Cedar Ridge Trail after the alarm.",
        "The parcel was left at 1998 Harbor View Ct. by mistake.",
    ],
)
def test_house_numbers_are_not_years(nlp, sentence: str) -> None:
    assert [f for f in _found(nlp, sentence) if f[1] == "DATE"] == []


def test_a_year_before_a_name_that_is_no_street_is_a_year(nlp) -> None:
    assert ("2015", "DATE", "2015") in _found(nlp, "The 2015 Boston Marathon drew record crowds.")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # planned and deadline expressions point forward
        ("The summit is set for February.", ("February", "DATE", "2017-02")),
        ("The curfew lasts until 9 a.m. Tuesday.", ("9 a.m. Tuesday", "TIME", "2016-03-15T09:00")),
        ("The fee must be paid by Monday.", ("Monday", "DATE", "2016-03-14")),
        ("The vote on Friday will decide the matter.", ("Friday", "DATE", "2016-03-11")),
        ("Lawmakers could vote on Tuesday.", ("Tuesday", "DATE", "2016-03-15")),
        # narrated past points back
        ("The curfew lasted until 9 a.m. Tuesday.", ("9 a.m. Tuesday", "TIME", "2016-03-08T09:00")),
        ("Lawmakers voted on Tuesday.", ("Tuesday", "DATE", "2016-03-08")),
    ],
)
def test_direction_follows_the_governing_verb(nlp, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(nlp, sentence)


def test_anchoring_on_the_narrative_time(nlp) -> None:
    text = "The poet died on May 2, 2014. The day after his death, his family spoke. A week later, a street was named after him."
    found = _found(nlp, text)
    assert ("The day after", "DATE", "2014-05-03") in found
    assert ("A week later", "DATE", "2014-W19") in found


def test_an_event_with_no_date_in_the_text_gives_an_unknown_day(nlp) -> None:
    assert _found(nlp, "The day after his death, his family spoke.") == [
        ("The day after", "DATE", "XXXX-XX-XX")
    ]


def test_a_date_in_apposition_names_the_same_day(nlp) -> None:
    text = "Trading stopped on Oct. 12, 2015, the day before the crash."
    assert ("the day before", "DATE", "2015-10-12") in _found(nlp, text)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an offset from a point is a DATE (a point), as TimeML annotates "two years ago"
        (
            "The mine closed in June 2010. A month earlier, workers had struck.",
            ("A month earlier", "DATE", "2010-05"),
        ),
        (
            "The mine closed in 2010. A month earlier, workers had struck.",
            ("A month earlier", "DATE", "XXXX-XX"),
        ),
        ("The plant will close eight years from now.", ("eight years from now", "DATE", "2024")),
        ("The talks began three weeks ago.", ("three weeks ago", "DATE", "2016-W07")),
        # a bare amount of time is a DURATION
        ("The talks lasted three weeks.", ("three weeks", "DURATION", "P3W")),
    ],
)
def test_offsets_are_dates_and_amounts_are_durations(
    nlp, sentence: str, expected: tuple[str, str, str]
) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She led the board from 2009-2010.", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
        ("The 1957-58 season was the coldest.", [("1957", "DATE", "1957"), ("58", "DATE", "1958")]),
        ("The 1999-00 budget was cut.", [("1999", "DATE", "1999"), ("00", "DATE", "2000")]),
    ],
)
def test_year_ranges_give_one_date_per_end(nlp, sentence: str, expected) -> None:
    assert _found(nlp, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["The repairs cost $1990-95 million.", "Room 2010-12 was locked.", "Flight 1990-95 landed."],
)
def test_number_ranges_are_not_years(nlp, sentence: str) -> None:
    assert not any(t == "DATE" for _, t, _ in _found(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The paper is published daily.", ("daily", "SET", "P1D")),
        ("The committee meets weekly.", ("committee meets weekly", None, None)),
        ("The fair is held annually in the square.", ("annually", "SET", "P1Y")),
        ("The market opens every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
    ],
)
def test_frequencies_are_sets(nlp, sentence: str, expected) -> None:
    found = _found(nlp, sentence)
    if expected[1] is None:  # the adverb's value, whatever its span
        assert ("weekly", "SET", "P1W") in found
    else:
        assert expected in found


@pytest.mark.parametrize(
    "sentence",
    ["The daily paper is cheap.", "Weekly sales rose.", "Revenue will grow by $5 million annually."],
)
def test_adjectives_and_rates_are_not_sets(nlp, sentence: str) -> None:
    assert not any(t == "SET" for _, t, _ in _found(nlp, sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Shops will close on Christmas Day.", ("Christmas Day", "DATE", "2016-12-25")),
        ("He came home on Christmas Eve.", ("Christmas Eve", "DATE", "2015-12-24")),
        ("Easter 2015 was cold.", ("Easter 2015", "DATE", "2015-04-05")),
        ("The churches will be full at Easter.", ("Easter", "DATE", "2016-03-27")),
        ("They met on Good Friday last year.", ("Good Friday", "DATE", "2015-04-03")),
        ("The fast of Ramadan will begin in June.", ("Ramadan", "DATE", "2016")),
        ("Families gathered for Eid al-Fitr last summer.", ("Eid al-Fitr", "DATE", "2015-07-17")),
        ("The parade will be held on Thanksgiving.", ("Thanksgiving", "DATE", "2016-11-24")),
    ],
)
def test_holidays_fall_on_their_day_of_the_year(nlp, sentence: str, expected: tuple[str, str, str]) -> None:
    assert expected in _found(nlp, sentence)


@pytest.mark.parametrize(
    "sentence", ["They went Christmas shopping.", "The Easter Rising failed.", "He paints Easter eggs."]
)
def test_holiday_names_as_modifiers_are_not_dates(nlp, sentence: str) -> None:
    assert _found(nlp, sentence) == []


@pytest.mark.parametrize(
    ("name", "year", "day"),
    [
        ("easter", 2016, dt.date(2016, 3, 27)),
        ("easter", 2019, dt.date(2019, 4, 21)),
        ("good friday", 2016, dt.date(2016, 3, 25)),
        ("thanksgiving", 2015, dt.date(2015, 11, 26)),
        ("memorial day", 2016, dt.date(2016, 5, 30)),
        ("labor day", 2016, dt.date(2016, 9, 5)),
        ("ramadan", 2016, dt.date(2016, 6, 6)),
        ("eid al-adha", 2016, dt.date(2016, 9, 11)),
    ],
)
def test_movable_days_are_computed_per_year(name: str, year: int, day: dt.date) -> None:
    assert holiday_on(name, year) == day


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At the time, he was the mayor.", ("the time", "DATE", "PAST_REF")),
        ("At the time, prices were low.", ("the time", "DATE", "PAST_REF")),
    ],
)
def test_at_the_time_is_a_past_reference(nlp, sentence: str, expected) -> None:
    assert expected in _found(nlp, sentence)


def test_at_the_time_of_a_clause_is_not_one(nlp) -> None:
    assert _found(nlp, "At the time he was captured, the war was over.") == []
