"""Gender signs for pronoun resolution: first names, honorifics, role nouns."""

from __future__ import annotations

from dateline.records import Entity
from dateline.resolve.gender import Genders, first_names, name_gender, pronoun_gender


def _person(name: str, mentions: list[tuple[int, int]], roles: list[str] | None = None) -> Entity:
    return Entity(
        id="e1", name=name, type="PERSON", span=mentions[0], sentence=0, mentions=mentions, roles=roles or []
    )


def test_first_names_of_either_gender_are_left_open():
    names = first_names()
    assert len(names) > 20_000
    assert name_gender("Petra Olsen") == "f"
    assert name_gender("Jonas Berg") == "m"
    assert name_gender("Jean Berg") is None  # given to men and women alike
    assert name_gender("Olsen") is None  # a surname alone tells nothing


def test_pronouns():
    assert pronoun_gender("He") == "m"
    assert pronoun_gender("her") == "f"
    assert pronoun_gender("they") is None


def test_honorific_before_a_mention_outweighs_the_first_name():
    text = "Yesterday Mrs. Jonas Berg spoke."
    at = text.index("Jonas")
    ent = _person("Jonas Berg", [(at, at + len("Jonas Berg"))])
    genders = Genders(text)
    assert genders.of(ent) == "f"
    assert genders.fits(ent, "f") and not genders.fits(ent, "m")


def test_gendered_role_noun():
    text = "Sam Ruiz spoke."
    ent = _person("Sam Ruiz", [(0, 8)], roles=["the council spokeswoman"])
    assert Genders(text).of(ent) == "f"


def test_unknown_fits_either_and_organisations_have_none():
    text = "Kim Berg spoke for Acme."
    kim = _person("Kim Berg", [(0, 8)])
    acme = Entity(id="e2", name="Acme", type="ORG", span=(19, 23), sentence=0, mentions=[(19, 23)])
    genders = Genders(text)
    assert genders.fits(kim, "m") and genders.fits(kim, "f")
    assert genders.of(acme) is None
