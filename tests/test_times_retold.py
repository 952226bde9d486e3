"""The retold story's time (``retold.py``) and the direction of a bare weekday or month
(``tense.py``), on sentences written here. Published on Sunday 27 March 2016.

A year, month or day told in the past on a narrated verb sets a story frame; later bare
months, month days and (after a day) weekdays narrated in it take the frame's year (a
year frame only in its own sentence). A news lead, a reporting verb's weekday, a present
or future clause, a sentence told in the present or a date in the publication's year
leaves or ends the frame.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.times import find_times
from dateline.extract.times.retold import NARRATED, Frame, Sentences, StoryTime, frame_of

PUBLISHED = dt.date(2016, 3, 27)  # a Sunday


def _found(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.value) for f in find_times(text, published, nlp(text))]


def _story(value: str, same_sentence: bool = True) -> StoryTime:
    """A frame told at characters 0-10 of a sentence that runs to 100, asked about an
    expression in that sentence or in the next."""
    story = StoryTime(PUBLISHED, lambda: Sentences(starts=[0, 100], present=[]))
    story.observe(value, True, False, lambda: NARRATED, 10)
    story.at(50 if same_sentence else 150)
    return story


# --- the frame's arithmetic, without a parse


@pytest.mark.parametrize(
    ("frame", "month", "expected"),
    [
        ("2003", 11, (2003, 11)),  # a year frame: the same year, whatever the month
        ("2003-03", 4, (2003, 4)),  # a story moves on: the next April
        ("2002-11", 2, (2003, 2)),  # across the new year: the nearest February is after
        ("2003-03", 1, (2003, 1)),  # two months back is nearer than ten ahead
        ("2003-03", 9, (2003, 9)),  # six months either way: forward, as a story goes
        ("2003-03-20", 3, (2003, 3)),
    ],
)
def test_a_bare_month_takes_the_nearest_year_of_the_frame(frame: str, month: int, expected) -> None:
    assert _story(frame).month(month) == expected


def test_a_month_day_picks_the_year_where_its_weekday_fits() -> None:
    story = _story("2003-03")
    assert story.month_day(4, 11) == dt.date(2003, 4, 11)
    assert story.month_day(4, 11, weekday=5) == dt.date(2003, 4, 11)  # a Friday in 2003
    assert story.month_day(4, 11, weekday=1) is None  # no Monday April 11 near 2003


def test_a_weekday_needs_a_frame_that_names_a_day() -> None:
    assert _story("2003-03-20").weekday(5) == dt.date(2003, 3, 21)  # the Friday after a Thursday
    assert _story("2003-03-21").weekday(5) == dt.date(2003, 3, 21)  # the day itself
    assert _story("2003-03").weekday(5) is None
    assert _story("2003").weekday(5) is None


def test_a_year_frame_reaches_only_its_own_sentence() -> None:
    assert _story("2003", same_sentence=False).month(3) is None
    assert _story("2003", same_sentence=False).month_day(6, 5) is None
    assert _story("2003-03", same_sentence=False).month(4) == (2003, 4)


def test_a_later_sentence_takes_only_a_month_ahead_or_a_weekday_checked_date() -> None:
    assert _story("2003-03", same_sentence=False).month(9) == (2003, 9)
    assert _story("2002-11", same_sentence=False).month(2) == (2003, 2)
    assert _story("2003-03", same_sentence=False).month(1) is None  # back: the news's January
    assert _story("2003-03", same_sentence=False).month(10) is None  # seven months on
    assert _story("2003-03-20", same_sentence=False).weekday(5) is None
    assert _story("2003-03", same_sentence=False).month_day(4, 11) is None
    assert _story("2003-03", same_sentence=False).month_day(4, 11, weekday=5) == dt.date(2003, 4, 11)


def test_a_sentence_told_in_the_present_ends_the_frame() -> None:
    story = StoryTime(PUBLISHED, lambda: Sentences(starts=[0, 100, 200], present=[100]))
    story.observe("2003-03", True, False, lambda: NARRATED, 10)
    story.at(250)
    assert story.frame is None


def test_a_frame_opens_only_on_a_narrated_past_date_before_the_publication_year() -> None:
    for value, clause in (("2003", "current"), ("2003", "reporting"), ("2003", None), ("2016-01", NARRATED)):
        story = StoryTime(PUBLISHED)
        story.observe(value, True, False, lambda clause=clause: clause, 10)
        assert story.frame is None, (value, clause)


def test_a_date_counted_from_the_publication_closes_the_frame() -> None:
    story = _story("2003-03")
    story.observe("2016-W12", False, True, lambda: NARRATED, 20)
    assert story.frame is None


def test_a_frame_never_reaches_the_publication_year() -> None:
    story = _story("2015-11")
    assert story.month(2) is None  # February 2016 is the publication's, not the story's
    assert story.month(10) == (2015, 10)


def test_no_frame_without_a_publication_date() -> None:
    story = StoryTime(None)
    story.observe("2003", True, False, lambda: "narrated", 10)
    assert story.frame is None


def test_weeks_seasons_and_references_set_no_frame() -> None:
    assert frame_of("2003-W12") is None
    assert frame_of("2003-SU") is None
    assert frame_of("PAST_REF") is None
    assert frame_of("2003-03-20T14:00") == Frame(dt.date(2003, 3, 20), "day")


# --- the frame on written stories


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In March 2003, troops crossed the border. By April they held the capital.",
            ("April", "2003-04"),
        ),
        (
            "In March 2003, troops crossed the border. On Friday, April 11, looting began.",
            ("Friday, April 11", "2003-04-11"),
        ),
        ("He founded the firm in 2009. Two years later he sold it.", ("Two years later", "2011")),
        (
            "In November 2002 the inspectors returned. By February they had searched 300 sites.",
            ("February", "2003-02"),
        ),
        (
            "On March 20, 2003, the army crossed the river and on Friday it reached the city.",
            ("Friday", "2003-03-21"),
        ),
        ("She left Spain on May 2, 1998, and returned on June 5.", ("June 5", "1998-06-05")),
        ("In 2003, rebels began to attack the north in March.", ("March", "2003-03")),
        # a reporting verb in the present does not end a story told in its clause
        (
            "Troops crossed the border in March 2003, officials say. By April they held the capital.",
            ("April", "2003-04"),
        ),
        # the frame runs on into the next paragraph
        (
            "In March 2003, troops crossed the border.\n\nIn April they reached the capital.",
            ("April", "2003-04"),
        ),
    ],
)
def test_a_retold_story_dates_its_bare_months_and_weekdays(nlp, text: str, expected) -> None:
    assert expected in _found(nlp, text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a news lead: no past year on a narrated verb, the publication's March
        ("Police said on Monday that the suspect had fled in March.", ("March", "2016-03")),
        # a weekday on a reporting verb is the news's day and closes the story
        (
            "He was convicted in 2003. Prosecutors said on Monday he had fled in March.",
            ("March", "2016-03"),
        ),
        # a weekday after a year frame is the news week (and ends the frame)
        ("He was convicted in 2003. On Friday, police arrested him again.", ("Friday", "2016-03-25")),
        # the publication's time told in between
        ("He was convicted in 2003. This week he was freed. In March, he appealed.", ("March", "2016-03")),
        (
            "He founded the firm in 2009. It now employs 300 people. In June, it cut jobs.",
            ("June", "2015-06"),
        ),
        # a sentence in the present between
        (
            "In March 2003, troops crossed the border. The town lies on the river. They left in June.",
            ("June", "2015-06"),
        ),
        # a present-perfect lead
        ("He was convicted in 2003. He has appealed on Monday.", ("Monday", "2016-03-21")),
        # a future or present clause's month is the publication's
        ("He was convicted in 2003. He will appeal in May.", ("May", "2016-05")),
        ("In 2003 she was elected mayor. She has said she will run again in May.", ("May", "2016-05")),
        # a date in the publication's year ends the story
        (
            "She left Spain in May 1998. In January 2016 she came back. In March, she wed.",
            ("March", "2016-03"),
        ),
        # a year of background reaches no further than its sentence: a later bare month or
        # month day is the publication year's, as AP style writes them
        ("He bought the mill in 2014. The firm filed for bankruptcy in February.", ("February", "2016-02")),
        ("She left Spain in 1998. She returned on March 5.", ("March 5", "2016-03-05")),
        # a later sentence's bare weekday or month day is AP style's: the publication's
        ("On March 20, 2003, troops crossed the river. On Friday he won a medal.", ("Friday", "2016-03-25")),
        ("They lost a child in May 2006. Their son was born June 13.", ("June 13", "2015-06-13")),
        # a later sentence's month before the frame's is the news's own
        ("He robbed a bank on Dec. 14, 2007. His trial ended in October.", ("October", "2015-10")),
        ("He founded the firm in 2009. Two years later he sold it. In June, he left.", ("June", "2015-06")),
        # a year on a noun or a participle tells no story
        ("The 2003 invasion toppled the government. In April the looting began.", ("April", "2015-04")),
        ("The law, passed in 2003, bans smoking. In March, the court upheld it.", ("March", "2016-03")),
    ],
)
def test_where_the_story_frame_does_not_reach(nlp, text: str, expected) -> None:
    assert expected in _found(nlp, text)


def test_without_a_parse_there_is_no_story_frame() -> None:
    text = "In March 2003, troops crossed the border. By April they held the capital."
    values = {text[f.start : f.end]: f.value for f in find_times(text, PUBLISHED)}
    assert values["April"] != "2003-04"


# --- direction from the governing verb for a bare weekday or month (tense.py)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # will / would / is set to: forward
        ("The vote on Friday will decide the matter.", ("Friday", "2016-04-01")),
        ("The vote on Friday would decide the matter.", ("Friday", "2016-04-01")),
        ("The council is set to vote on Friday.", ("Friday", "2016-04-01")),
        ("The vote on Friday is set to decide the matter.", ("Friday", "2016-04-01")),
        # present progressive of a plan: forward
        ("The council is meeting on Friday.", ("Friday", "2016-04-01")),
        ("The council is meeting in May.", ("May", "2016-05")),
        # narrated past: back
        ("The vote on Friday decided the matter.", ("Friday", "2016-03-25")),
        ("The council voted on Friday.", ("Friday", "2016-03-25")),
        ("The council met in May.", ("May", "2015-05")),
    ],
)
def test_the_governing_verb_points_a_bare_weekday_or_month(nlp, text: str, expected) -> None:
    assert expected in _found(nlp, text)
