"""Time expressions: one case per construction of issue 4, over hand-written sentences.

These run the grammar and the normaliser without the spaCy parse (``find_times`` with
no doc): tense then defaults to the news past, which is what these sentences need.
Tense-dependent and parse-dependent cases live in ``test_times_parse.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.times import find_times

PUBLISHED = dt.date(2016, 3, 27)  # a Sunday


def _found(text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str, str]]:
    return [(text[f.start : f.end], f.type, f.value) for f in find_times(text, published)]


CASES = [
    # relative to the publication date
    ("Government forces reclaimed the city on Saturday.", "Saturday", "DATE", "2016-03-26"),
    ("Forces attacked the town on Sunday.", "Sunday", "DATE", "2016-03-27"),
    ("In August fighters demolished two temples.", "August", "DATE", "2015-08"),
    ("Last year in December troops recaptured the town.", "Last year in December", "DATE", "2015-12"),
    ("The rebels withdrew in December last year.", "December last year", "DATE", "2015-12"),
    ("Talks resumed earlier this week.", "earlier this week", "DATE", "2016-W12"),
    ("The report came out last week.", "last week", "DATE", "2016-W11"),
    ("Prices fell last month.", "last month", "DATE", "2016-02"),
    ("Exports rose last year.", "last year", "DATE", "2015"),
    ("He spoke to reporters yesterday.", "yesterday", "DATE", "2016-03-26"),
    ("Fighting flared again this morning.", "this morning", "TIME", "2016-03-27TMO"),
    ("Shelling continued last night.", "last night", "TIME", "2016-03-26TNI"),
    ("The law was passed a year ago.", "a year ago", "DATE", "2015"),
    ("The bill passed three weeks ago.", "three weeks ago", "DATE", "2016-W09"),
    ("The ceasefire collapsed ten days ago.", "ten days ago", "DATE", "2016-03-17"),
    ("Profits fell in the third quarter.", "the third quarter", "DATE", "2015-Q3"),
    ("Profits rose in the first quarter.", "the first quarter", "DATE", "2016-Q1"),
    ("The drought hit hardest this summer.", "this summer", "DATE", "2016-SU"),
    # absolute dates and times
    ("The talks were held on 2016-03-26.", "2016-03-26", "DATE", "2016-03-26"),
    ("The report was dated 03/26/2016.", "03/26/2016", "DATE", "2016-03-26"),
    ("The report was dated 26/03/2016.", "26/03/2016", "DATE", "2016-03-26"),
    ("The deal was signed in August 2015.", "August 2015", "DATE", "2015-08"),
    ("The treaty was signed on March 26, 1996.", "March 26, 1996", "DATE", "1996-03-26"),
    ("The siege ended on 12 May 2015.", "12 May 2015", "DATE", "2015-05-12"),
    (
        "The paper said on Saturday, December 26, that talks failed.",
        "Saturday, December 26",
        "DATE",
        "2015-12-26",
    ),
    ("The meeting is set for 2016-03-26T14:00.", "2016-03-26T14:00", "TIME", "2016-03-26T14:00"),
    ("Sales rose in 2015.", "2015", "DATE", "2015"),
    ("The meeting started at 2 p.m. on March 26.", "2 p.m. on March 26", "TIME", "2016-03-26T14:00"),
    ("The truce began at 14:00 GMT.", "14:00 GMT", "TIME", "2016-03-27T14:00"),
    ("Crime fell steadily in the 1990s.", "the 1990s", "DATE", "199"),
    ("It happened in the early 1980s.", "the early 1980s", "DATE", "198"),
    ("The temple was built in the 11th century.", "the 11th century", "DATE", "10"),
    ("The drought of summer 2015 was severe.", "summer 2015", "DATE", "2015-SU"),
    ("The company reported Q3 2015 results.", "Q3 2015", "DATE", "2015-Q3"),
    ("Sales rose in the first half of 2015.", "the first half of 2015", "DATE", "2015-H1"),
    ("Earnings grew in fiscal 2014.", "fiscal 2014", "DATE", "2014"),
    ("The votes were counted in the third quarter of 2014.", "the third quarter of 2014", "DATE", "2014-Q3"),
    # durations
    ("The city was under occupation for 10 months.", "10 months", "DURATION", "P10M"),
    ("The strike lasted 24 hours.", "24 hours", "DURATION", "PT24H"),
    ("The truce held for two days.", "two days", "DURATION", "P2D"),
    ("Fighting went on for nearly three weeks.", "nearly three weeks", "DURATION", "P3W"),
    ("Prices climbed over the past two years.", "the past two years", "DURATION", "P2Y"),
    ("It was a two-year programme.", "two-year", "DURATION", "P2Y"),
    ("They waited a few days.", "a few days", "DURATION", "PXD"),
    ("The region was ruled from abroad for centuries.", "centuries", "DURATION", "PXCE"),
    ("The war lasted two decades.", "two decades", "DURATION", "P20Y"),
    ("The talks went on for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("The war lasted a year and a half.", "a year and a half", "DURATION", "P1Y6M"),
    ("The vote took half an hour.", "half an hour", "DURATION", "PT30M"),
    # vague references and sets
    ("Prices have risen recently.", "recently", "DATE", "PAST_REF"),
    ("The army now controls the city.", "now", "DATE", "PRESENT_REF"),
    ("Talks will resume soon.", "soon", "DATE", "FUTURE_REF"),
    ("Nobody can predict the future.", "the future", "DATE", "FUTURE_REF"),
    ("Rebels attacked every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
    ("Inspectors visit each month.", "each month", "SET", "P1M"),
    ("Markets close early on Fridays.", "Fridays", "SET", "XXXX-WXX-5"),
    ("The show airs on Saturday nights.", "Saturday nights", "SET", "XXXX-WXX-6TNI"),
    ("Buses run on Friday and Saturday nights.", "Friday", "SET", "XXXX-WXX-5TNI"),
    ("Cities may one day run on sunlight.", "one day", "DATE", "FUTURE_REF"),
    ("The town will be without water for a while.", "a while", "DURATION", "PXX"),
    ("The shop has been closed for some time.", "some time", "DURATION", "PXX"),
    ("Over the years the club grew.", "the years", "DURATION", "PXY"),
    ("Now it is the fifth day of the strike.", "the fifth day", "DATE", "2016-03-27"),
    ("The vote is on Sunday, March twenty-seventh.", "Sunday, March twenty-seventh", "DATE", "2016-03-27"),
    ("Rain was scarce in the early summer.", "the early summer", "DATE", "2015-SU"),
    ("Orders slowed in the last half of 2014.", "the last half of 2014", "DATE", "2014-H2"),
    (
        "Growth may stall in the first two quarters of 2017.",
        "the first two quarters of 2017",
        "DATE",
        "2017-H1",
    ),
    ("Sales rose in the second half of last year.", "the second half of last year", "DATE", "2015-H2"),
    ("Profit rose in the quarter ended Dec. 31.", "the quarter", "DATE", "2015-Q4"),
    ("Profit rose in the quarter ended July 31.", "the quarter", "DATE", "2015-Q2"),
]


@pytest.mark.parametrize(("sentence", "text", "type_", "value"), CASES, ids=[c[1] for c in CASES])
def test_construction_is_found_with_its_value(sentence: str, text: str, type_: str, value: str) -> None:
    assert (text, type_, value) in _found(sentence)


def test_seed_like_article_gives_each_expression_once() -> None:
    article = (
        "Forces reclaimed the ancient city on Saturday. The city was held for 10 months.\n\n"
        "In August fighters demolished the temples.\n\n"
        "Last year in December troops recaptured another city."
    )
    found = _found(article)
    assert found == [
        ("Saturday", "DATE", "2016-03-26"),
        ("10 months", "DURATION", "P10M"),
        ("August", "DATE", "2015-08"),
        ("Last year in December", "DATE", "2015-12"),
    ]


# --- the narrative: "the next day", "two days later" count from the last date told ----------


def test_next_day_counts_from_the_last_date_in_the_text() -> None:
    found = _found("The troops arrived on March 3. The next day they left.")
    assert ("the next day", "DATE", "2016-03-04") in [(t.lower(), k, v) for t, k, v in found]


def test_days_later_count_from_the_last_date_in_the_text() -> None:
    found = _found("The troops arrived on March 3. Two days later they left.")
    assert ("Two days later", "DATE", "2016-03-05") in found


def test_following_year_counts_from_the_narrative_year() -> None:
    found = _found("He was promoted in 1995, and the following year he retired.")
    assert ("the following year", "DATE", "1996") in found


def test_narrative_anchor_falls_back_to_publication() -> None:
    found = find_times("The next day they left.", PUBLISHED)
    assert [(f.value, f.anchor) for f in found] == [("2016-03-28", "published")]


def test_anchor_kinds() -> None:
    text = "On Saturday, after a siege of 10 months begun in 2015, they left. Two days later they returned."
    anchors = {text[f.start : f.end]: f.anchor for f in find_times(text, PUBLISHED)}
    assert anchors == {
        "Saturday": "published",
        "10 months": "absolute",
        "2015": "absolute",
        "Two days later": "text",  # counted from Saturday, the last day told
    }


# --- without a publication date relative values stay unresolved -----------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("In August fighters demolished two temples.", "XXXX-08"),
        ("Forces reclaimed the city on Saturday.", "XXXX-WXX-6"),
        ("He spoke to reporters yesterday.", "XXXX-XX-XX"),
        ("The report came out last week.", "XXXX-WXX"),
        ("Exports rose last year.", "XXXX"),
        ("Profits fell in the third quarter.", "XXXX-Q3"),
        ("The treaty was signed on March 26.", "XXXX-03-26"),
    ],
)
def test_no_publication_date_leaves_relative_values_unresolved(sentence: str, value: str) -> None:
    found = find_times(sentence, None)
    assert [f.value for f in found] == [value]
    assert all(f.anchor is None for f in found)


def test_absolute_values_need_no_publication_date() -> None:
    found = _found("The deal was signed in August 2015 and ran for 10 months.", None)
    assert found == [("August 2015", "DATE", "2015-08"), ("10 months", "DURATION", "P10M")]


# --- things that look like dates but are not -------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "About 2,000 people marched in the capital.",
        "She may visit the region later.",
        "Protesters march on the ministry.",
        "The fund raised $1,995 from donors.",
        "Inflation reached 2016 percent.",
        "The 10-member panel met officials.",
        "They took a second look at the plan.",
        "Turnout was more than a quarter of the electorate.",
        "The vote decides the future of the party.",
        "The 37 years old driver was arrested.",
    ],
)
def test_no_time_in_numbers_and_words_that_look_like_dates(sentence: str) -> None:
    assert _found(sentence) == []


def test_an_aside_quarter_does_not_become_the_reported_one() -> None:
    text = (
        "The brewer posted higher third-quarter profit. After a weak second quarter, sales "
        "recovered. Revenue was up from a year ago."
    )
    assert [v for _, _, v in _found(text)][-1] == "2014-Q3"  # a year before the third quarter


def test_a_named_quarter_outranks_the_day_it_ended() -> None:
    text = "The chain's fiscal first quarter was weak. In the quarter ended Sept. 30, sales fell."
    assert [v for t, _, v in _found(text) if t == "the quarter"] == ["2016-Q1"]


def test_the_quarter_a_year_ago_is_the_year_ago_quarter() -> None:
    text = "Profit rose in the third quarter. For the quarter a year ago, and in last year's quarter, it lost money."
    assert [(t, v) for t, _, v in _found(text, dt.date(2016, 10, 27))] == [
        ("the third quarter", "2016-Q3"),
        ("the quarter a year ago", "2015-Q3"),
        ("last year's quarter", "2015-Q3"),
    ]


def test_the_latest_year_is_the_last_one_reported() -> None:
    assert ("the latest fiscal year", "DATE", "2015") in _found("Sales fell in the latest fiscal year.")


def test_ten_months_is_a_duration_not_a_date() -> None:
    assert _found("They held the town for 10 months.") == [("10 months", "DURATION", "P10M")]


def test_rates_are_not_durations() -> None:
    assert _found("The fund pays $5 million a year.") == []


def test_odd_text_never_raises() -> None:
    for text in ["", " ", "\n\n", "Jan. 99, 20999", "99:99 p.m.", "31 February 2015", "Q9 1999", "x" * 5000]:
        find_times(text, PUBLISHED)
        find_times(text, None)


def test_a_narrative_chain_counts_from_each_last_date() -> None:
    text = (
        "On March 3, 2015, troops entered the city. Later that day they met resistance. "
        "The following week, talks opened. A week later, they collapsed. The day before, the UN had met."
    )
    assert [
        (v, a) for _, _, v, a in [(f.start, f.end, f.value, f.anchor) for f in find_times(text, PUBLISHED)]
    ] == [
        ("2015-03-03", "absolute"),
        ("2015-03-03", "text"),
        ("2015-W11", "text"),
        ("2015-W12", "text"),
        ("2015-03-02", "text"),
    ]
