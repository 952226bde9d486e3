"""The publisher's country from its web address: a country-code domain, and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.resolve.publisher import publisher_country


@pytest.mark.parametrize(
    ("url", "country"),
    [
        ("http://www.thisisoxfordshire.co.uk/news/1", "GB"),
        ("https://lfpress.ca/news/local", "CA"),
        ("http://civil.ge/eng/article.php", "GE"),
        ("weekly.ahram.org.eg/2009/1", "EG"),
        ("https://WWW.INDEPENDENT.IE/news", "IE"),
        ("http://en.wikinews.org/wiki/Story", None),  # generic domains say nothing
        ("https://www.nytimes.com/2016/03/27/world", None),
        ("https://news.example.tv/a", None),  # a ccTLD sold as a generic name
        ("http://localhost:8000/", None),
        ("http://[::1", None),  # malformed: no crash
        ("", None),
        (None, None),
    ],
)
def test_publisher_country(url: str | None, country: str | None) -> None:
    assert publisher_country(url) == country


@given(st.text(max_size=80))
def test_any_string_gives_a_country_code_or_none(url: str) -> None:
    got = publisher_country(url)
    assert got is None or (len(got) == 2 and got.isupper())


@pytest.mark.model
def test_publisher_domain_places_a_local_town(analyze) -> None:
    # "Richmond" alone is Virginia's capital; a paper on a .co.uk domain means the one in London
    text = "Council approves new cycle lanes in Richmond. The borough council voted on Tuesday."
    us = {p.text: p for p in analyze(text).places}
    uk = {p.text: p for p in analyze(text, url="http://www.richmondandtwickenhamtimes.co.uk/news/1").places}
    assert us["Richmond"].country == "US"
    assert uk["Richmond"].country == "GB"
