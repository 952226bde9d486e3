"""The publisher's country from its web address: a country-code domain, and nothing else."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.resolve.publisher import address_places, address_words, publisher_country


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
        (12345, None),  # not a string: no country, no crash
    ],
)
def test_publisher_country(url: object, country: str | None) -> None:
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


def test_address_words_keep_host_and_path_words_but_web_words() -> None:
    words = address_words("http://columbuslocalnews.com/articles/2009/03/18/dublin_news/story_5.txt")
    assert ("columbuslocalnews", True) in words and ("dublin", False) in words
    assert not any(w in ("articles", "news", "story") for w, _ in words)
    assert address_words(None) == [] and address_words("http://[::1") == [] and address_words(7) == []


@given(st.text(max_size=120))
def test_address_words_never_crash(url: str) -> None:
    assert all(len(w) >= 5 and w.isalpha() for w, _ in address_words(url))


@pytest.mark.model
def test_places_in_the_address_are_silent_context(analyze) -> None:
    # the Dublin of a Columbus paper is the Ohio suburb; the address adds no place record
    text = "The Dublin City Council met on Monday. Dublin's mayor said the vote was close."
    art = analyze(text, url="http://columbuslocalnews.com/articles/2009/03/18/dublin_news/council.txt")
    places = {p.text: p for p in art.places}
    assert places["Dublin"].country == "US" and places["Dublin"].admin1 == "Ohio"
    assert not any(p.text.lower() == "columbus" for p in art.places)


def test_address_places_read_town_names_and_state_abbreviations() -> None:
    from dateline.resolve.gazetteer import gazetteer

    def found(url: str, text: str = "") -> dict[str, set[str]]:
        return {k: {c.name for c in cands} for k, cands in address_places(gazetteer(), url, set(), text)}

    assert "Columbus" in found("http://columbuslocalnews.com/articles/dublin_news/a.txt")["columbus"]
    assert found("http://www.masslive.com/news/index.ssf/2009/03/x.html") == {"mass": {"Massachusetts"}}
    assert "Pennsylvania" in found("http://www.pennlive.com/midstate/")["penn"]
    # a word the article itself uses in lowercase is a common word, not a name
    assert "police" not in found("http://www.example.com/news/police/x", "the police said")
    assert found("http://www.example.com/", "") == {}
