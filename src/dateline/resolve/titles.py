"""Offices by one name: 'the congressman' is the post 'Rep.' and 'Representative' name.

A title written in place of a name ("the senator added") stands for the person whose role
names that office, but news writes one office many ways: abbreviated before a name ("Sen.
Ann Ruiz"), spelled out after it ("the senator"), gendered or not ("congresswoman",
"representative"). ``office`` maps each written form to its group's first word, from the
word groups in ``resources/quotes/titles.json``; an unlisted word is its own office.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources


@cache
def _offices() -> dict[str, str]:
    path = resources.files("dateline.resources").joinpath("quotes/titles.json")
    groups = json.loads(path.read_text(encoding="utf-8"))["groups"]
    return {word: group[0] for group in groups for word in group}


def office(word: str) -> str:
    """The office a title word names ('Rep.' -> 'representative', 'congresswoman' ->
    'representative'); case and a final full stop do not count."""
    key = word.lower().rstrip(".")
    return _offices().get(key, key)
