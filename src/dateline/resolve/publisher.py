"""Where a publisher is, from its web address: a country-code domain ("oxfordmail.co.uk").

Why: local news rarely names its own country ("Oxford", "London" and "Woodstock" in an
Ontario paper), yet the address it was published at often does. A country-code top-level
domain is the publisher's country in most cases; the few that are sold worldwide as
generic names (.tv, .io, .co, .me, .fm) say nothing, and neither do .com, .org or .net.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from dateline.resolve.countries import country_by_iso2

__all__ = ["publisher_country"]

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
