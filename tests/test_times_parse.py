"""Time expressions that need the parse: tense picks past or future, names are not dates,
and the stage fills the article's ``times`` through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.times import find_times

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2016, 3, 27)  # a Sunday


def _values(nlp, text: str, published: dt.date | None = PUBLISHED) -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.value) for f in find_times(text, published, nlp(text))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The ministers met on Friday in Geneva.", ("Friday", "2016-03-25")),
        ("The ministers will meet on Friday in Geneva.", ("Friday", "2016-04-01")),
        ("The talks are expected to resume on Tuesday.", ("Tuesday", "2016-03-29")),
        ("The two leaders plan to meet on Wednesday.", ("Wednesday", "2016-03-30")),
        ("The rebels seized the town in June.", ("June", "2015-06")),
        ("The government will hold elections in June.", ("June", "2016-06")),
        ("The ceasefire had been due to expire on Friday.", ("Friday", "2016-03-25")),
        ("Troops have now retaken the airport, which fell on Tuesday.", ("Tuesday", "2016-03-22")),
        ("The two envoys meet separately Tuesday with the mediators.", ("Tuesday", "2016-03-29")),
        ("The leak may have caused the fall in the shares on Wednesday.", ("Wednesday", "2016-03-23")),
        ("The firm will honour a December agreement with its lenders.", ("December", "2015-12")),
    ],
)
def test_tense_of_the_clause_picks_the_side(nlp, sentence: str, expected: tuple[str, str]) -> None:
    assert expected in _values(nlp, sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may meet the rebels later.",
        "Sarah March told reporters the vote was fair.",
        "May God protect them, the imam said.",
        "About 2,000 people marched on the ministry.",
        "Police said 1,500 soldiers and 2016 volunteers joined.",
        "The Security Council adopted resolution 1973 unanimously.",
        "The Good Friday Agreement ended the conflict.",
        "Israel's army fought the Six-Day War.",
        "The Thirty Years War devastated Europe.",
        "He won gold at the Winter Olympics.",
        "Shoppers flocked to the stores on Black Friday.",
    ],
)
def test_words_and_numbers_that_only_look_like_dates(nlp, sentence: str) -> None:
    assert _values(nlp, sentence) == []


def test_a_forecast_quarter_does_not_become_the_reported_one(nlp) -> None:
    text = (
        "The steelmaker earned more in the third quarter. It expects weaker demand in the fourth "
        "quarter and through the first quarter of 2017. In the year-ago period, it lost money."
    )
    published = dt.date(2016, 10, 27)
    assert ("the year-ago period", "2015-Q3") in _values(nlp, text, published)


def test_year_before_a_singular_noun_is_a_year(nlp) -> None:
    assert ("1990", "1990") in _values(nlp, "The sanctions followed the 1990 invasion of Kuwait.")


def test_year_inside_a_name_is_still_a_year(nlp) -> None:
    assert _values(nlp, "The 2016 Olympics were held in Rio.") == [("2016", "2016")]


def test_conjoined_months_share_a_year(nlp) -> None:
    assert _values(nlp, "Cases rose in March and April.") == [("March", "2016-03"), ("April", "2016-04")]


def test_verb_last_is_not_part_of_the_duration(nlp) -> None:
    assert ("72 hours", "PT72H") in _values(nlp, "Officials said the truce would last 72 hours.")


def test_stage_fills_times_with_ids_spans_and_sentences(analyze) -> None:
    text = (
        "Government forces reclaimed the city on Saturday. The city was held for 10 months.\n\n"
        "Last year in December troops recaptured another city."
    )
    article = analyze(text, published="2016-03-27")
    assert [(t.id, t.text, t.type, t.value, t.anchor) for t in article.times] == [
        ("t1", "Saturday", "DATE", "2016-03-26", "published"),
        ("t2", "10 months", "DURATION", "P10M", "absolute"),
        ("t3", "Last year in December", "DATE", "2015-12", "published"),
    ]
    for t in article.times:
        assert text[t.span[0] : t.span[1]] == t.text
    assert [t.sentence for t in article.times] == [0, 1, 2]


def test_without_publication_date_values_stay_unresolved_and_flagged(analyze) -> None:
    article = analyze("In August fighters demolished the temples. The siege lasted 10 months.")
    assert [(t.text, t.value) for t in article.times] == [("August", "XXXX-08"), ("10 months", "P10M")]
    assert "no_publication_date" in {f.code for f in article.flags}


def test_stage_survives_odd_text(analyze) -> None:
    for text in ["Jan. 99, 20999 at 99:99 p.m.", "31 February 2015 !!! ''' \u201c", "Q9 " * 200]:
        analyze(text, published="2016-03-27")
