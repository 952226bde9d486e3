"""Actor normalisation: the words naming a participant -> country, PLOVER sector, named group.

"Syrian government forces" -> SYR / MIL; "IS fighters" -> Islamic State / INS. Named groups
come from ``resources/events/actors.json`` (extendable: set ``DATELINE_ACTORS`` to a JSON
file of the same shape); sector head nouns from ``resources/events/lexicons.json``;
countries from :func:`dateline.resolve.countries.country_of`. Everything compiles once
per process.
"""

from __future__ import annotations

import functools
import json
import os
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from dateline.records import Actor
from dateline.resolve.countries import country_of, name_country

__all__ = [
    "ACLED_ACTOR_TYPES",
    "ARMED_ACTOR_TYPES",
    "NamedActor",
    "acled_actor_type",
    "actor_sector",
    "is_government",
    "load_event_data",
    "named_actor",
    "normalise_actor",
    "without_alias",
]

# "Turkey-backed rebels": the country before these words supports the actor, it is not its own
_SUPPORT_SUFFIX = re.compile(
    r"\b[\w.'’]+(?:\s*-\s*|\s+)(?:backed|led|supported|sponsored|allied|aligned|affiliated|linked|funded|"
    r"armed|trained|based)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"^(?:the|a|an|some|several|many|two|three)\s+", re.IGNORECASE)
GOVERNMENT_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
NONSTATE_SECTORS = frozenset({"REB", "INS", "OPP"})


@functools.cache
def load_event_data(name: str) -> dict[str, Any]:
    """A JSON data file of the events package, parsed once per process."""
    path = resources.files("dateline.resources").joinpath("events", name)
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True, slots=True)
class NamedActor:
    name: str
    sector: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class _Dictionary:
    fold: re.Pattern[str] | None
    exact: re.Pattern[str] | None
    by_alias: dict[str, NamedActor]


def _entries() -> list[dict[str, Any]]:
    entries = list(load_event_data("actors.json")["actors"])
    extra = os.environ.get("DATELINE_ACTORS")
    if extra and Path(extra).is_file():
        entries.extend(json.loads(Path(extra).read_text(encoding="utf-8")).get("actors", []))
    return entries


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@functools.cache
def _dictionary() -> _Dictionary:
    by_alias: dict[str, NamedActor] = {}
    fold: list[str] = []
    exact: list[str] = []
    for entry in _entries():
        actor = NamedActor(entry["name"], entry.get("sector"), entry.get("country"))
        for alias in [entry["name"], *entry.get("aliases", [])]:
            by_alias[alias.lower()] = actor
            fold.append(alias)
        for alias in entry.get("exact", []):
            by_alias["=" + alias] = actor
            exact.append(alias)
    bound = r"(?<![\w-])(?:{})(?![\w-])"
    return _Dictionary(
        fold=re.compile(bound.format(_alternation(fold)), re.IGNORECASE) if fold else None,
        exact=re.compile(bound.format(_alternation(exact))) if exact else None,
        by_alias=by_alias,
    )


@functools.lru_cache(maxsize=4096)
def named_actor(text: str) -> NamedActor | None:
    """The dictionary group named in ``text`` ("IS fighters" -> Islamic State), else None."""
    d = _dictionary()
    if d.fold is not None and (m := d.fold.search(text)):
        return d.by_alias.get(m.group(0).lower())
    if d.exact is not None and (m := d.exact.search(text)):
        return d.by_alias.get("=" + m.group(0))
    return None


def without_alias(text: str) -> str:
    """``text`` with every dictionary alias taken out ("IS fighters" -> "fighters")."""
    d = _dictionary()
    for pattern in (d.fold, d.exact):
        if pattern is not None:
            text = pattern.sub(" ", text)
    return " ".join(text.split())


@functools.cache
def _sector_words() -> tuple[dict[str, str], list[tuple[str, str]]]:
    """Single-word head lemmas -> sector, and multi-word phrases (tried first)."""
    single: dict[str, str] = {}
    multi: list[tuple[str, str]] = []
    for sector, words in load_event_data("lexicons.json")["sectors"].items():
        for w in words:
            if " " in w:
                multi.append((w, sector))
            else:
                single.setdefault(w, sector)
    multi.sort(key=lambda p: -len(p[0]))
    return single, multi


def actor_sector(text: str, head_lemma: str | None = None) -> str | None:
    """PLOVER sector of an actor phrase: a known multi-word phrase, else its head noun."""
    single, multi = _sector_words()
    low = " " + " ".join(text.lower().replace("-", " ").split()) + " "
    for phrase, sector in multi:
        if f" {phrase} " in low:
            return sector
    words = low.split()
    candidates = [head_lemma.lower()] if head_lemma else []
    if words:
        last = words[-1].strip(".,'’")
        candidates += [last, last.rstrip("s"), last[:-2] + "y" if last.endswith("ies") else last]
    for word in candidates:
        if word in single:
            return single[word]
    # a modifier can carry the sector when the head says nothing ("government spokesman")
    for word in reversed(words[:-1]):
        if word in single:
            return single[word]
    return None


def normalise_actor(
    text: str,
    span: tuple[int, int] | None = None,
    head_lemma: str | None = None,
    entity: str | None = None,
    entity_country: str | None = None,
) -> Actor:
    """An ``Actor`` for the words ``text``: its named group, country and sector where known."""
    name, country, sector = _normalised(text, head_lemma, entity_country)
    return Actor(text=text, span=span, name=name, entity=entity, country=country, sector=sector)


@functools.lru_cache(maxsize=16384)
def _normalised(
    text: str, head_lemma: str | None, entity_country: str | None
) -> tuple[str | None, str | None, str | None]:
    clean = _LEADING.sub("", " ".join(text.split())).strip(" ,;:")
    named = named_actor(clean)
    own_words = _SUPPORT_SUFFIX.sub(" ", clean)
    country = entity_country or (country_of(own_words) if own_words.strip() else None)
    if country is None:
        country = _capital_country(own_words)
    sector = actor_sector(clean, head_lemma)
    if named is not None:
        country = country or named.country
        # the group's sector, unless the other words name one of its organs ("IS police")
        rest = without_alias(clean)
        own = actor_sector(rest) if rest else None
        sector = named.sector if own in (None, "INS", "REB", "CVL") else own
    elif sector is None and name_country(clean):
        # a bare country as actor ("Russia", "the U.S.") stands for its government
        sector = "GOV"
    return (named.name if named else None), country, sector


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital city -> ISO alpha-3: "the defence ministry in Moscow" speaks for Russia."""
    from dateline.errors import ResourceError
    from dateline.resolve.countries import capitals

    try:
        return capitals()
    except ResourceError:
        return {}


def _capital_country(text: str) -> str | None:
    capitals = _capitals()
    for word in re.findall(r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?", text):
        if word in capitals:
            return capitals[word]
        first = word.split()[0]
        if first in capitals:
            return capitals[first]
    return None


def is_government(actor: Actor | None) -> bool | None:
    """True for state forces, False for non-state groups, None when the words do not say."""
    if actor is None:
        return None
    words = load_event_data("lexicons.json")
    low = " " + " ".join(actor.text.lower().replace("-", " ").split()) + " "
    if actor.sector in NONSTATE_SECTORS:
        return False
    if any(f" {w}" in low for w in words["nonstate_words"]) and not any(
        f" {w}" in low for w in ("government", "army", "regime", "state ", "federal", "loyalist")
    ):
        return False
    if actor.sector in GOVERNMENT_SECTORS:
        return True
    if any(f" {w}" in low for w in words["government_words"]):
        return True
    if actor.country and actor.sector is None:
        return True
    return None


#: ACLED's actor categories (the codebook's inter codes 1-8), in code order
ACLED_ACTOR_TYPES = (
    "State forces",
    "Rebel groups",
    "Political militias",
    "Identity militias",
    "Rioters",
    "Protesters",
    "Civilians",
    "External/Other forces",
)
#: the categories that fight: two of them facing each other make an armed clash
ARMED_ACTOR_TYPES = frozenset(ACLED_ACTOR_TYPES[:4] + ACLED_ACTOR_TYPES[7:])
_TYPE_KEYS = {
    "identity_militias": "Identity militias",
    "political_militias": "Political militias",
    "rioters": "Rioters",
    "protesters": "Protesters",
    "civilians": "Civilians",
    "external_forces": "External/Other forces",
}


@functools.cache
def _type_words() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Type -> (single words, multi-word phrases)."""
    data = load_event_data("actors.json")["acled_actor_types"]
    out = {}
    for key, label in _TYPE_KEYS.items():
        words = [w.lower() for w in data[key]]
        out[label] = (frozenset(w for w in words if " " not in w), tuple(w for w in words if " " in w))
    return out


def _says(label: str, words: list[str], padded: str) -> bool:
    single, multi = _type_words()[label]
    return any(w in single or w.rstrip("s") in single for w in words) or any(
        f" {m} " in padded for m in multi
    )


@functools.lru_cache(maxsize=8192)
def _acled_type(
    text: str, sector: str | None, named: bool, country: str | None, where: str | None
) -> str | None:
    words = re.findall(r"[\w-]+", text.lower())
    padded = " " + " ".join(words) + " "
    if _says("Identity militias", words, padded):
        return "Identity militias"
    if _says("External/Other forces", words, padded):
        return "External/Other forces"
    if sector in ("MIL", "COP"):
        if country and where and country != where:
            return "External/Other forces"  # a state's forces abroad
        return "State forces"  # its army and police; its officials and courts bear no arms
    if sector in NONSTATE_SECTORS and sector != "OPP":
        if named or sector == "REB":
            return "Rebel groups"
        return "Political militias"  # unidentified gunmen, militants: ACLED's unidentified armed group
    if _says("Political militias", words, padded):
        return "Political militias"
    for label in ("Rioters", "Protesters", "Civilians"):
        if _says(label, words, padded):
            return label
    if sector == "CVL":
        return "Civilians"
    return None


def acled_actor_type(actor: Actor | None, where: str | None = None) -> str | None:
    """ACLED's category for a participant (one of ``ACLED_ACTOR_TYPES``), or None.

    The words decide first where they say an identity ("herders", "a clan militia") or a
    foreign mission ("peacekeepers"); then the sector: a state's army and police are state
    forces (outside its country, ``where`` being the event's country
    as ISO alpha-3, are external forces), named armed groups rebels, unnamed ones political
    militias; then crowds, protesters and civilians by their words.
    """
    if actor is None:
        return None
    return _acled_type(actor.text, actor.sector, actor.name is not None, actor.country, where)
