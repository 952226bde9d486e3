"""Street words: the words that end a street's or road's name, read from one table.

The places stage reads them as the heads of landmark names ("Main Street", "Elm St."),
the times stage as the sign of a house number ("1600 Larch Avenue" is no year). One table
(``resources/places/streets.tsv``; its header says the columns) keeps the two in step.
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["address_words", "name_words"]

_FILE = ("places", "streets.tsv")


@functools.cache
def _rows() -> tuple[tuple[str, str, str], ...]:
    text = resources.files("dateline.resources").joinpath(*_FILE).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, abbreviation, scope = line.split("\t")
            rows.append((word, abbreviation, scope))
    return tuple(rows)


def _forms(word: str, abbreviation: str) -> list[str]:
    return [word, abbreviation, f"{abbreviation}."] if abbreviation else [word]


@functools.cache
def name_words() -> frozenset[str]:
    """The lower-cased last words (abbreviations with and without their dot) that make a
    capitalised name a street or road ("Main Street", "Elm St.")."""
    return frozenset(f for w, a, scope in _rows() if scope == "name" for f in _forms(w, a))


@functools.cache
def address_words() -> tuple[str, ...]:
    """Every street word as an address writes it, capitalised ("Street", "St."): those
    that end other names too ("Court") count after a house number."""
    return tuple(f.capitalize() for w, a, _ in _rows() for f in _forms(w, a))
