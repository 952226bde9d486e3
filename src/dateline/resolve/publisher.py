"""Where a publisher is, from its web address: a country-code domain ("oxfordmail.co.uk").

Why: local news rarely names its own country ("Oxford", "London" and "Woodstock" in an
Ontario paper), yet the address it was published at often does. A country-code top-level
domain is the publisher's country in most cases; the few that are sold worldwide as
generic names (.tv, .io, .co, .me, .fm) say nothing, and neither do .com, .org or .net.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from dateline.resolve.countries import country_by_iso2

__all__ = ["address_words", "publisher_country"]

# country-code domains marketed as generic ones: no country
_GENERIC_CCTLDS = frozenset(
    [
        "tv",
        "io",
        "co",
        "me",
        "fm",
        "am",
        "ai",
        "cc",
        "ws",
        "to",
        "ly",
        "gg",
        "la",
        "nu",
        "tk",
        "sh",
        "ac",
        "vc",
        "gl",
    ]
)
_TLD_COUNTRY = {"uk": "GB"}  # the one ccTLD that is not its country's ISO code


def publisher_country(url: str | None) -> str | None:
    """The ISO alpha-2 country of a URL's country-code domain, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return None
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return None
    tld = labels[-1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC_CCTLDS:
        return None
    iso2 = _TLD_COUNTRY.get(tld, tld.upper())
    return iso2 if country_by_iso2(iso2) is not None else None


# words of web addresses that are also towns' names ("mobile", "reading", "march")
_WEB_WORDS = frozenset(
    [
        "news",
        "local",
        "localnews",
        "world",
        "national",
        "sports",
        "sport",
        "business",
        "article",
        "articles",
        "story",
        "stories",
        "index",
        "home",
        "opinion",
        "reading",
        "mobile",
        "march",
        "april",
        "june",
        "july",
        "august",
        "print",
        "text",
        "feeds",
        "rss",
        "online",
        "daily",
        "weekly",
        "herald",
        "times",
        "post",
        "tribune",
        "journal",
        "gazette",
        "press",
        "star",
        "view",
        "register",
        "record",
        "courier",
        "observer",
        "chronicle",
        "dispatch",
        "sentinel",
        "review",
        "citizen",
        "standard",
    ]
)
_MIN_WORD = 5


def address_words(url: str | None) -> list[tuple[str, bool]]:
    """Lowercase words of a URL's host and path that may name the publisher's places.

    "columbuslocalnews.com/articles/2009/03/18/dublin_news/" gives ("columbuslocalnews",
    True) and ("dublin", False): the caller looks the words, and the leading part of a
    run-together host name (True), up in the gazetteer.
    """
    if not url:
        return []
    try:
        parts = urlsplit(url if "//" in url else f"//{url}")
        host = parts.hostname or ""
    except ValueError:
        return []
    labels = host.lower().split(".")[:-1]  # not the top-level domain
    labels = [label for label in labels if label not in ("www", "com", "co", "org", "net", "news")]
    words: list[tuple[str, bool]] = []
    chunks = [(label, True) for label in labels]
    chunks += [(chunk, False) for chunk in re.split(r"[/_\-.?=&+]+", parts.path.lower())]
    for chunk, from_host in chunks:
        for word in re.findall(r"[a-z]+", chunk):
            if len(word) >= _MIN_WORD and word not in _WEB_WORDS and all(w != word for w, _ in words):
                words.append((word, from_host))
    return words
