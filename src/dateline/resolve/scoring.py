"""The one scoring model of a toponym's readings: named features, weights in one table.

Why one model: the place layer has to work on local and on international news alike. A
chain of special cases tuned on one kind of text ("Paris" is the Texas town) fails on the
other; a linear score over a few documented features can be read, tested and argued about.

A reading's score is ``sum(WEIGHTS[f] * value)`` over three groups of features:

- **prior** (what the name means without context): population (log10), feature class
  (country > region > first-level > town), a national capital, how the name matched (its own name, an
  alternate, a county's short form), and a bare province's name yielding to its city.
- **article evidence** (where the article as a whole is): countries it names (its text,
  demonyms, roles, the publisher's country-code domain), the money it counts in, the
  first-level regions its places lie in, its other names that could lie in the same
  region or within ~200 km, the dateline's country and region.
- **local evidence** (next to the mention): a qualifier after a comma ("Springfield,
  Ill."), the countries resolved in the mention's own sentence and the next, the
  first-level regions resolved in its own sentence ("Paris ... across Northeast Texas"),
  a kind word beside the name that the reading's kind agrees with ("Sagaing region":
  the region, not its town; see ``extract.places.kinds``).

Prominence: where a name has a famous reading (a first-level region, a national
capital, or a city of a million people) and a reading is a small namesake of it (a thousandth of the prior), the
article's evidence for the namesake counts at ``famous_damping`` of its weight: only
local evidence can send "London" to a small town beside the article's other places. A
mention is anchored, and its namesakes keep their article evidence in full, where the
article is local to a place of that name: the name is the dateline's, heads its town's
public service ("Paris Police Department"), or is in the publisher's host name.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass

from dateline.resolve.countries import country_by_iso2
from dateline.resolve.gazetteer import Candidate
from dateline.resolve.names import name_key

__all__ = ["WEIGHTS", "Weights", "article_features", "local_features", "prior_features", "total"]


@dataclass(frozen=True, slots=True)
class Weights:
    """Every weight of the model, by feature name (see the module docstring)."""

    # prior
    population: float = 1.0  # per factor of ten people
    is_country: float = 4.0  # a bare name in news means the country or state before a town
    is_region: float = 3.0  # a continent or macro-region
    is_admin: float = 0.5
    is_capital: float = 1.0  # a national capital: news names it bare for its government too
    alternate_name: float = -1.0  # matched by a former or foreign name
    # "Harris" for Harris County: the word County is missing (a province's bare name,
    # "Henan" for Henan Sheng, is how news names it)
    county_short_name: float = -2.5
    small_alternate: float = -1.5  # an alternate name of a small place is often historical
    bare_province: float = -1.5  # a province named bare: a city of that name is likelier
    former_name: float = -1.5  # an alternate name where another place bears it officially
    # article evidence
    support: float = 2.5  # the article's other names that may lie in the same region
    nearness: float = 2.0  # the article's other names that may lie within ~200 km
    country_share: float = 4.0  # the reading's country's share of the article's countries
    country_named: float = 1.5  # the reading's country is among them at all
    money_lean: float = 3.0  # bare dollars and no other country: a US article
    region_named: float = 2.5  # a resolved place of the article lies in the same region
    dateline_country: float = 1.0
    dateline_region: float = 1.5
    point_within_50km: float = 2.0  # a resolved place of the article lies this close
    point_within_200km: float = 1.0
    # local evidence
    qualifier_inside: float = 12.0  # "Springfield, Ill.": the reading lies in the qualifier
    qualifier_outside: float = -6.0
    sentence_country: float = 1.0  # times 1.5 in the same sentence, 0.75 in the next one
    sentence_region: float = 2.0  # a first-level region holding the reading, in its sentence
    # the kind word beside the name says the reading's kind ("Sagaing region", "Mandera
    # town", "the county of Mandera"): about a region's prior over its chief town's
    kind_match: float = 3.0
    # prominence
    famous_damping: float = 0.5  # share of article evidence a famous name's namesake keeps


WEIGHTS = Weights()

_SMALL = 20_000  # people: an alternate name of a place this small is often historical
_ADMIN2_POP = 30_000  # second-level regions carry no population; count them as a small town


@functools.lru_cache(maxsize=65536)
def is_capital(c: Candidate) -> bool:
    """A national capital: the city of its country's capital's name with 100,000 people
    (the country's small towns of the same name are not)."""
    if c.feature != "city" or c.pop < 100_000 or not c.cc or c.kind == 1:
        return False
    country = country_by_iso2(c.cc)
    return bool(country and country.capital and name_key(country.capital) == name_key(c.name))


def prior_features(c: Candidate, main: bool = False) -> dict[str, float]:
    """What a reading has for itself. ``main``: another reading bears the name officially."""
    pop = c.pop or (_ADMIN2_POP if c.feature == "admin" and c.admin2 else 0)
    return {
        "population": math.log10(pop + 10),
        "is_country": float(c.feature == "country"),
        "is_region": float(c.feature == "region"),
        "is_admin": float(c.feature == "admin"),
        "is_capital": float(is_capital(c)),
        "alternate_name": float(c.kind == 1),
        "county_short_name": float(c.kind == 2 and not c.first_level),
        "small_alternate": float(c.kind == 1 and pop < _SMALL),
        "bare_province": float(c.province),
        "former_name": float(main and c.kind == 1),
    }


def article_features(
    c: Candidate,
    *,
    support: float = 0.0,
    nearness: float = 0.0,
    country_share: float = 0.0,
    country_named: bool = False,
    money_lean: bool = False,
    region_named: bool = False,
    dateline_country: bool = False,
    dateline_region: bool = False,
    nearest_km: float | None = None,
) -> dict[str, float]:
    """Where the article as a whole is, as seen from reading ``c`` (computed by ``geocode``)."""
    return {
        "support": support,
        "nearness": nearness,
        "country_share": country_share,
        "country_named": float(country_named),
        "money_lean": float(money_lean),
        "region_named": float(region_named),
        "dateline_country": float(dateline_country),
        "dateline_region": float(dateline_region),
        "point_within_50km": float(nearest_km is not None and nearest_km < 50),
        "point_within_200km": float(nearest_km is not None and 50 <= nearest_km < 200),
    }


def local_features(
    qualifier: bool | None = None,
    sentence_country: float = 0.0,
    sentence_region: float = 0.0,
    kind_match: bool = False,
) -> dict[str, float]:
    """Evidence next to the mention: ``qualifier`` True (inside it), False (outside), None;
    ``kind_match``: the kind word beside the name is the reading's kind."""
    return {
        "qualifier_inside": float(qualifier is True),
        "qualifier_outside": float(qualifier is False),
        "sentence_country": sentence_country,
        "sentence_region": sentence_region,
        "kind_match": float(kind_match),
    }


_WEIGHT_OF = {f: getattr(WEIGHTS, f) for f in Weights.__slots__}  # type: ignore[attr-defined]


def total(features: dict[str, float], weights: Weights = WEIGHTS) -> float:
    """The weighted sum of named features."""
    if weights is WEIGHTS:  # the hot path: a dict lookup per feature, zeros skipped
        return sum(_WEIGHT_OF[name] * value for name, value in features.items() if value)
    return sum(getattr(weights, name) * value for name, value in features.items())


@functools.lru_cache(maxsize=65536)  # a reading's prior never changes: it is scored per pass
def prior(c: Candidate, main: bool = False) -> float:
    return total(prior_features(c, main))
