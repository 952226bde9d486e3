"""The unit the place stage works on: a mention, its candidates, its qualifier, its reading."""

from __future__ import annotations

from dataclasses import dataclass

from dateline.extract.places.mentions import Mention
from dateline.resolve.gazetteer import Candidate
from dateline.resolve.geocode import Resolution

PLACE_LABELS = ("GPE", "LOC")


# NORP too: the NER tags towns as nationalities ("in Oxford"); real demonyms drop below
MAYBE_LABELS = ("PERSON", "ORG", "FAC", "NORP", "")


# a place named inside an organisation's name: heading it ("Athens Police") or closing it
# ("University of Rochester"); it follows the article's places rather than leading them
INSIDE_NAMES = ("PREFIX", "OF")


@dataclass
class Item:
    """A mention, its gazetteer candidates, its qualifier ("Springfield, Ill."), its reading."""

    mention: Mention
    text: str
    start_char: int
    end_char: int
    cands: tuple[Candidate, ...]
    qualifier: list[Candidate] | None = None
    resolution: Resolution | None = None
    kind: str | None = None  # the noun beside it that says its kind ("region", ``kinds``)
    # a name the gazetteer lacks: the kind the article gave it where it introduced it
    # ("the town of X" makes a later bare "X" a town)
    feature: str | None = None
