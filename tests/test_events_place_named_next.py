"""The event's own place where the lead says only "a village" and the next sentences name it,
and names the NER runs into a neighbouring word or reads as a person's (issue 19).

Sentences are written for these tests (none comes from a gold file); most village names are
made up, so that the gazetteer lacks them as it lacks most small places in conflict news.
"""

from __future__ import annotations

import pytest

from dateline.extract.events.anaphora import named_next, unnamed_settlement
from dateline.records import Place
from event_helpers import covering, place_of

PUBLISHED = "2019-05-13"  # a Monday


def _place_at(text: str, name: str, feature: str | None = None) -> Place:
    start = text.index(name)
    return Place(id=f"p{start}", text=name, span=(start, start + len(name)), sentence=0, feature=feature)


def test_the_settlement_named_next_is_the_one_called_by_the_kind_word() -> None:
    text = (
        "Gunmen attacked a village in Kano State. Police in Bichi said the gunmen came to "
        "Dalwari village at night. Later they went to Zango."
    )
    places = [
        _place_at(text, "Kano State", "admin"),
        _place_at(text, "Bichi", "city"),
        _place_at(text, "Dalwari"),
        _place_at(text, "Zango"),
    ]
    after, until = text.index("Police"), text.index("Later")
    grain = {"admin": 4, "city": 2}

    def grain_of(p: Place) -> int:
        return grain.get(p.feature or "", 3)

    # the place the text calls a village wins over the town named before it
    assert named_next("village", places, text, after, until, grain_of) is places[2]
    # with no place of that kind, the first settlement as fine as a town
    assert named_next("town", places, text, after, until, grain_of) is places[1]
    # nothing is looked for past the sentences given
    assert named_next("town", places, text, until, until, grain_of) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Gunmen attacked a farming village in Kano State.", "village"),
        ("Rebels shelled a town near the border.", "town"),
        ("Gunmen attacked the village on Friday.", None),  # definite: an anaphor, told before
        ("Gunmen attacked the village of Dalwari.", None),  # named where it is introduced
        ("Gunmen attacked a town of 5,000 people.", None),
    ],
)
def test_an_indefinite_kind_word_is_an_unnamed_settlement(nlp, sentence: str, kind: str | None) -> None:
    from dateline.extract.events.attributes import clause_root

    doc = nlp(sentence)
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert unnamed_settlement(verb, clause_root(verb)) == kind


@pytest.mark.model
def test_an_attack_on_a_village_of_a_state_is_in_the_village_the_next_sentence_names(analyze) -> None:
    art = analyze(
        "Gunmen attacked a village in the northwestern state of Zamfara late on Friday, "
        "killing nine people, police said.\n\nResidents of Dalwari village said the gunmen "
        "came on motorcycles from the forest.",
        published=PUBLISHED,
    )
    attack = covering(art, "attacked")
    assert len(attack) == 1
    place = place_of(art, attack[0])
    assert place is not None and place.text == "Dalwari"


@pytest.mark.model
def test_an_attack_on_a_named_town_keeps_its_own_place(analyze) -> None:
    # the clause names its town: no later settlement replaces it
    art = analyze(
        "Gunmen attacked the town of Kurmadi in Kano State late on Friday, killing nine "
        "people, police said.\n\nThe attackers later burned a police post in Dalwari village.",
        published=PUBLISHED,
    )
    attack = covering(art, "attacked")
    assert len(attack) == 1
    place = place_of(art, attack[0])
    assert place is not None and place.text == "Kurmadi"


@pytest.mark.model
def test_a_name_the_ner_runs_into_the_next_word_is_still_a_place(nlp) -> None:
    from dateline.extract.places.mentions import trim

    doc = nlp("The army said it had recaptured the town of Bara in North Kordofan state.")
    bara = next(t.i for t in doc if t.text == "Bara")
    # "[Bara in]" and "[recaptured Bara]" lose the preposition and the verb, not the name
    assert trim(doc, bara, bara + 2) == (bara, bara + 1)
    assert trim(doc, bara - 4, bara + 1)[1] == bara + 1
    assert trim(doc, bara - 4, bara + 1)[0] > bara - 4
    city = next(t.i for t in doc if t.text == "North")
    assert trim(doc, city, city + 2) == (city, city + 2)


@pytest.mark.model
def test_a_town_introduced_with_its_kind_is_no_surname(analyze) -> None:
    art = analyze(
        "Police commander Musa Bara said on Sunday that gunmen had stormed the town of Bara "
        "in North Kordofan state overnight, killing four people.",
        published=PUBLISHED,
    )
    places = [p.text for p in art.places]
    assert "Bara" in places
    storm = covering(art, "stormed")
    assert len(storm) == 1
    place = place_of(art, storm[0])
    assert place is not None and place.text == "Bara"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("More troops were sent to the area on Friday.", True),
        ("Police sealed off the surrounding area.", True),
        ("Troops were sent to the area of Dalwari.", False),  # an introduction
        ("Troops were sent to an area near the border.", False),  # indefinite: a new place
    ],
)
def test_a_definite_area_in_the_clause_is_an_anaphor(nlp, sentence: str, found: bool) -> None:
    from dateline.extract.events.anaphora import area_anaphor
    from dateline.extract.events.attributes import clause_root

    doc = nlp(sentence)
    verb = next(t for t in doc if t.pos_ == "VERB")
    assert area_anaphor(verb, clause_root(verb)) is found


@pytest.mark.model
def test_troops_sent_to_the_area_go_to_the_main_events_scene(analyze) -> None:
    art = analyze(
        "Gunmen attacked the town of Kurmadi in Kano State late on Friday, killing nine "
        'people, police said.\n\n"Three more died in hospital in Bichi," a resident said.\n\n'
        "About 200 soldiers were deployed to the area on Saturday to restore calm, the army said.",
        published=PUBLISHED,
    )
    deployed = covering(art, "deployed")
    assert len(deployed) == 1
    place = place_of(art, deployed[0])
    assert place is not None and place.text == "Kurmadi"


@pytest.mark.model
def test_a_coordinated_act_shares_the_kind_word_of_the_first_verb(nlp) -> None:
    from dateline.extract.events.anaphora import kind_anaphor
    from dateline.extract.events.attributes import clause_root

    doc = nlp("Soldiers reached the village before dawn and exchanged fire with the gunmen for an hour.")
    exchanged = next(t for t in doc if t.text == "exchanged")
    assert kind_anaphor(exchanged, clause_root(exchanged)) == "village"
    doc = nlp("Soldiers exchanged fire with the gunmen for an hour.")
    exchanged = next(t for t in doc if t.text == "exchanged")
    assert kind_anaphor(exchanged, clause_root(exchanged)) is None
