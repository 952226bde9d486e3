"""Country names and demonyms -> ISO 3166 codes, from ``resources/countries.json``.

Shared by the place stage (which gives entities their countries) and the events stage
(actors' countries). The table is a build artefact from PyPI data (located or built once
by ``dateline.resolve.geodata``) and loaded once per process. Demonyms ("Syrian") map to a country but are not places.

Short all-capital forms ("US", "UK") are matched case-sensitively so that the pronoun
"us" never becomes the United States.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from dateline.resolve import geodata

__all__ = [
    "Country",
    "capitals",
    "country_by_iso2",
    "country_by_iso3",
    "country_of",
    "demonym_country",
    "name_country",
]

_MAX_NGRAM = 5
_TOKEN = re.compile(r"[A-Za-zÀ-ÿ.'’]+(?:-[A-Za-zÀ-ÿ.'’]+)*")
# words that make a longer toponym out of a country name ("New Mexico", "New Jersey")
_NAME_PREFIXES = {"new", "nova", "little", "greater", "upper", "lower", "baja"}


@dataclass(frozen=True, slots=True)
class Country:
    iso2: str
    iso3: str
    name: str
    geonameid: int
    lat: float | None
    lon: float | None
    capital: str | None
    population: int
    continent: str | None
    neighbours: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Tables:
    countries: dict[str, Country]
    by_iso2: dict[str, Country]
    names: dict[str, str]
    demonyms: dict[str, str]
    abbreviations: dict[str, str]


@functools.cache
def _tables() -> _Tables:
    data = json.loads(geodata.countries_path().read_text(encoding="utf-8"))
    countries = {
        k: Country(
            iso2=v["iso2"],
            iso3=v["iso3"],
            name=v["name"],
            geonameid=int(v["geonameid"]),
            lat=v["lat"],
            lon=v["lon"],
            capital=v["capital"],
            population=int(v["population"] or 0),
            continent=v["continent"],
            neighbours=tuple(v["neighbours"]),
        )
        for k, v in data["countries"].items()
    }
    return _Tables(
        countries=countries,
        by_iso2={c.iso2: c for c in countries.values()},
        names=data["names"],
        demonyms=data["demonyms"],
        abbreviations=data["abbreviations"],
    )


@functools.lru_cache(maxsize=65536)  # every place mention asks whether it is a demonym: once per text
def _key(text: str) -> str:
    text = " ".join(text.replace("’", "'").split())
    text = re.sub(r"^(?:the)\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" ,;:").lower()


def country_by_iso3(code: str) -> Country | None:
    return _tables().countries.get(code.upper()) if code else None


def country_by_iso2(code: str) -> Country | None:
    return _tables().by_iso2.get(code.upper()) if code else None


def capitals() -> dict[str, str]:
    """Capital city name -> ISO alpha-3 ("Moscow" -> RUS)."""
    return {c.capital: iso3 for iso3, c in _tables().countries.items() if c.capital}


def name_country(text: str) -> str | None:
    """ISO alpha-3 when ``text`` is a country's name as a whole ("Syria", "the U.S.")."""
    t = _tables()
    raw = text.strip().removeprefix("the ").removeprefix("The ").strip()
    raw = re.sub(r"(?:'s|’s)$", "", raw)
    if raw in t.abbreviations:
        return t.abbreviations[raw]
    return t.names.get(_key(text))


def demonym_country(text: str) -> str | None:
    """ISO alpha-3 when ``text`` is a demonym as a whole ("Syrian", "Iraqis", "French")."""
    return _tables().demonyms.get(_key(text))


@functools.lru_cache(maxsize=8192)
def country_of(text: str) -> str | None:
    """ISO alpha-3 of the country a name, demonym or role names, else None.

    The whole text is tried first ("Syria", "Syrian", "the U.S."); then the words from
    left to right, the longest country name or demonym at each position winning
    ("Syrian Culture Minister" -> SYR, "former U.S. envoy to Syria" -> USA). A country
    name right after a word like "New" is part of a longer toponym and does not count.
    """
    if not text or not text.strip():
        return None
    whole = name_country(text) or demonym_country(text)
    if whole:
        return whole
    t = _tables()
    words = [m.group(0) for m in _TOKEN.finditer(text)]
    for i in range(len(words)):
        if i and words[i - 1].lower() in _NAME_PREFIXES:
            continue
        for n in range(min(_MAX_NGRAM, len(words) - i), 0, -1):
            gram = " ".join(words[i : i + n])
            stripped = gram.rstrip(".'’,") if n > 1 or not gram.endswith(".") else gram
            if gram in t.abbreviations or stripped in t.abbreviations:
                return t.abbreviations.get(gram) or t.abbreviations[stripped]
            key = _key(gram)
            hit = t.names.get(key) or t.demonyms.get(key)
            if hit is None and "-" in gram and n == 1:
                # "Syrian-backed", "U.S.-led": the first part of a hyphenated word
                head = gram.split("-")[0]
                hit = t.abbreviations.get(head) or t.names.get(_key(head)) or t.demonyms.get(_key(head))
            if hit:
                return hit
    return None
