"""The gender a person's mentions show, so "he"/"she" go to the nearest *fitting* person.

A pronoun's antecedent is the nearest person it can refer to: "Petra Olsen met Jonas Berg.
She said ..." is Olsen, though Berg is nearer. The signs, strongest first:

1. an honorific written before a mention ("Mr. Berg", "Mrs Olsen");
2. a gendered role or kinship noun among the person's roles or right before a mention
   ("the spokeswoman", "his father, Jonas Berg");
3. the first name, from ``name_genders.tsv`` (nomquamgender, 36 pooled sources), built
   beside the gazetteer by ``dateline gazetteer build`` (``dateline.resolve.names_setup``);
   names of either gender are left open. Without the built list (never built, offline)
   there is one warning and the first signs still work.

No sign: the person fits either pronoun, as before. Organisations never fit "he"/"she"
(the resolver checks the entity type); this module only tells men from women. A pronoun
chain is no sign here: the chain is itself a guess, and one wrong link ("Chris Christie
... she said") would then turn every later "he" away from the right person.
"""

from __future__ import annotations

import json
import re
import sys
from functools import cache
from importlib import resources

from dateline.records import Entity

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f"}
_WORD = re.compile(r"[^\W\d_]+")
_BEFORE = 24  # characters looked at before a mention for an honorific or a role noun


def pronoun_gender(word: str) -> str | None:
    """'m' for he/him/his, 'f' for she/her, else None."""
    return _PRONOUN_GENDER.get(word.lower())


def title_gender(word: str) -> str | None:
    """'m' for a male role noun ("congressman"), 'f' for a female one, else None."""
    return _words()[1].get(word.lower())


@cache
def _words() -> tuple[dict[str, str], dict[str, str]]:
    """(honorific -> gender, noun -> gender) from ``gender_words.json``."""
    path = resources.files("dateline.resources").joinpath("quotes/gender_words.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    titles = {w: g for g, words in data["titles"].items() for w in words}
    nouns = {w: g for g, words in data["nouns"].items() for w in words}
    return titles, nouns


@cache
def first_names() -> dict[str, str]:
    """Lower-case first name -> 'm' / 'f' (about 43,000 names; read once per process).

    Empty, after a one-line warning, when the list has not been built: third-party data is
    never shipped in the package, and a missing list must not stop an analysis.
    """
    from dateline.resolve.names_setup import names_path

    path = names_path()
    out: dict[str, str] = {}
    if path is None:
        print(
            "dateline: warning: no first-name list (name_genders.tsv); he/she go by honorifics "
            "and role nouns only; run `dateline gazetteer build`",
            file=sys.stderr,
            flush=True,
        )
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            out[name] = gender
    return out


def name_gender(name: str | None) -> str | None:
    """The gender of a full name's first word ("Petra Olsen" -> 'f'); a one-word name
    (a surname, most often) tells nothing."""
    words = _WORD.findall(name or "")
    if len(words) < 2:
        return None
    return first_names().get(words[0].lower())


class Genders:
    """The gender of each person entity in one article, worked out on first request."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[str, str | None] = {}

    def of(self, ent: Entity) -> str | None:
        if ent.type != "PERSON":
            return None
        if ent.id not in self._known:
            self._known[ent.id] = self._marked(ent) or name_gender(ent.name)
        return self._known[ent.id]

    def fits(self, ent: Entity, gender: str | None) -> bool:
        """The person can be called by a pronoun of ``gender`` (unknown fits either)."""
        have = self.of(ent)
        return gender is None or have is None or have == gender

    def _marked(self, ent: Entity) -> str | None:
        """An honorific or gendered noun before a mention, or a gendered role noun."""
        titles, nouns = _words()
        for start, _ in ent.mentions:
            before = _WORD.findall(self.text[max(0, start - _BEFORE) : start])
            if before:
                last = before[-1].lower()
                if last in titles:
                    return titles[last]
                if last in nouns:
                    return nouns[last]
        for role in ent.roles:
            for word in _WORD.findall(role.lower()):
                if word in nouns:
                    return nouns[word]
        return None
