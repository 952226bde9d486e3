"""An event's clause that says only "the town", "the city" or "the village" happened in the
place the article introduced with that kind word (issue 19), not in whatever place the
sentences just before it name.

Sentences are written for these tests (none comes from a gold file); the town names are made
up, so that the gazetteer lacks them as it lacks most small towns in conflict news.
"""

from __future__ import annotations

import pytest

from dateline.extract.events.anaphora import introduced_place, kind_anaphor
from dateline.records import Place
from event_helpers import covering, place_of

PUBLISHED = "2019-05-13"  # a Monday


def _place_at(text: str, name: str, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Place(id=f"p{start}", text=name, span=(start, start + len(name)), sentence=0)


def test_the_introducing_mention_of_the_kind_is_the_referent() -> None:
    text = (
        "Gunmen hit Kurmadi\n\nGunmen attacked the town of Kurmadi on Friday. They burned a "
        "post in Bichi. Kurmadi was calm. Police searched the town."
    )
    places = [
        _place_at(text, "Kurmadi"),
        _place_at(text, "Kurmadi", 1),
        _place_at(text, "Bichi"),
        _place_at(text, "Kurmadi", 2),
    ]
    end = text.index("Police")
    found = introduced_place("town", places, text, end, text.index("Gunmen attacked"))
    assert found is places[1]  # the body's "the town of Kurmadi", not the title's nor the bare one
    assert introduced_place("village", places, text, end, 0) is None  # nothing was called a village
    assert introduced_place("town", places, text, places[1].span[0], 0) is None  # not yet introduced


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Police arrested two men on the outskirts of the town.", "town"),
        ("Air defences shot down a drone over the city.", "city"),
        ("A shell hit a shop in the city centre.", "city"),
        ("Soldiers searched the village's main street.", "village"),
        ("Gunmen attacked the town of Kurmadi.", None),  # an introduction, not an anaphor
        ("Gunmen attacked a town in the north.", None),  # indefinite: a new place
    ],
)
def test_a_definite_kind_word_in_the_clause_is_an_anaphor(nlp, sentence: str, kind: str | None) -> None:
    from dateline.extract.events.attributes import clause_root

    doc = nlp(sentence)
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert kind_anaphor(verb, clause_root(verb)) == kind


@pytest.mark.model
def test_an_arrest_near_the_town_is_in_the_town_not_the_last_place_named(analyze) -> None:
    art = analyze(
        "Gunmen attacked the town of Kurmadi in northern Nigeria's Kano State on Friday, killing "
        "five people, police said.\n\nThe gunmen also burned a police post in Bichi, residents "
        "said. Police arrested two suspects on the outskirts of the town on Saturday.",
        published=PUBLISHED,
    )
    arrest = covering(art, "arrested")
    assert len(arrest) == 1
    place = place_of(art, arrest[0])
    assert place is not None and place.text == "Kurmadi"
    assert place.span[0] == art.text.index("Kurmadi")


@pytest.mark.model
def test_a_place_of_its_own_clause_wins_over_the_kind_word(analyze) -> None:
    art = analyze(
        "Gunmen attacked the town of Kurmadi in northern Nigeria's Kano State on Friday, killing "
        "five people, police said.\n\nPolice arrested two suspects in Bichi, 20 km from the town, "
        "on Saturday.",
        published=PUBLISHED,
    )
    arrest = covering(art, "arrested")
    assert len(arrest) == 1
    place = place_of(art, arrest[0])
    assert place is not None and place.text == "Bichi"
