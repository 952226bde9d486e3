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
from dateline.resolve.gazetteer import Candidate, Gazetteer

__all__ = ["address_places", "address_words", "publisher_country", "publisher_host"]

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
    if not url or not isinstance(url, str):
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


def publisher_host(url: str | None) -> str:
    """The lowercase letters of a URL's host name without its top-level domain
    ("www.theparisnews.com" -> "wwwtheparisnews"), or "" (a local paper carries its town)."""
    if not url or not isinstance(url, str):
        return ""
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    except ValueError:
        return ""
    return "".join(ch for ch in ".".join(host.lower().split(".")[:-1]) if ch.isalpha())


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
_ADDRESS_MIN = 5  # letters of a place name found inside a web address


def address_words(url: str | None) -> list[tuple[str, bool]]:
    """Lowercase words of a URL's host and path that may name the publisher's places.

    "columbuslocalnews.com/articles/2009/03/18/dublin_news/" gives ("columbuslocalnews",
    True) and ("dublin", False): the caller looks the words, and the leading part of a
    run-together host name (True), up in the gazetteer.
    """
    if not url or not isinstance(url, str):
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


def address_places(
    gaz: Gazetteer, url: str | None, names: set[str], text: str = ""
) -> list[tuple[str, list[Candidate]]]:
    """Places the publisher's address names, as silent context ("columbuslocalnews.com/.../dublin_news").

    A local paper's address often names its town or its metropolis: "Dublin" beside a
    "columbus" in the address is the suburb of Columbus, Ohio. Such a word votes like
    another name of the article (spatial minimality) but is never a place record; only
    sizeable readings count (a city of 20,000 or more, a state or a country), and a word
    the article itself names adds nothing.
    """
    words = address_words(url)
    if not words:
        return []
    lowered = f" {' '.join(re.findall(r'[a-z]+', text))} "
    out: list[tuple[str, list[Candidate]]] = []
    for word, from_host in words:
        if f" {word} " in lowered:
            continue  # a common word of the article's own ("police", "field"), not a name
        hits: list[Candidate] = []
        key = word
        # a run-together host ("columbuslocalnews"): its longest leading name
        # (or a state's abbreviation of four letters or more: "masslive", "pennlive")
        for end in range(len(word), (_ADDRESS_MIN - 1 if from_host else len(word)) - 1, -1):
            key = word[:end]
            hits = [
                c
                for c in gaz.lookup(key)
                if (c.kind == 0 and end >= _ADDRESS_MIN and (c.pop >= 20_000 or c.first_level))
                or (c.kind == 3 and c.first_level)
            ]
            if hits:
                break
        if hits and key not in names and all(k != key for k, _ in out):
            out.append((key, hits))
    return out
