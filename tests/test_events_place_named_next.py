"""The event's own place: names the NER runs into a neighbouring word or reads as a person's,
coordinated acts sharing the first verb's "the village", and which mention of a place told
before an event points at (issue 19).

Sentences are written for these tests (none comes from a gold file); most village names are
made up, so that the gazetteer lacks them as it lacks most small places in conflict news.
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Event, Place

PUBLISHED = "2019-05-13"  # a Monday


def _covering(art: Article, word: str) -> list[Event]:
    start = art.text.index(word)
    return [ev for ev in art.events if any(s <= start < e for s, e in ev.mentions)]


def _place(art: Article, ev: Event) -> Place | None:
    return next((p for p in art.places if p.id == ev.place), None)


@pytest.mark.model
def test_an_attack_on_a_named_town_keeps_its_own_place(analyze) -> None:
    # the clause names its town: a place the next sentence names does not replace it
    art = analyze(
        "Gunmen attacked the town of Kurmadi in Kano State late on Friday, killing nine "
        "people, police said.\n\nThe attackers later burned a police post in Dalwari village.",
        published=PUBLISHED,
    )
    attack = _covering(art, "attacked")
    assert len(attack) == 1
    place = _place(art, attack[0])
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
    storm = _covering(art, "stormed")
    assert len(storm) == 1
    place = _place(art, storm[0])
    assert place is not None and place.text == "Bara"


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


@pytest.mark.model
def test_a_place_told_before_points_at_its_introduction_not_a_later_mention(analyze) -> None:
    text = (
        "Rebels seize Nigerian town\n\nRebels captured the town of Kurmadi in Kano State on "
        "Friday, the army said.\n\nKurmadi lies on the main road to the north. On Sunday, "
        "militants attacked an army post on the edge of the district, killing four soldiers."
    )
    art = analyze(text, published=PUBLISHED)
    attack = _covering(art, "attacked")
    assert len(attack) == 1
    place = _place(art, attack[0])
    # the same town as the loan gave, at the words that introduce it in the body
    assert place is not None and place.text == "Kurmadi"
    assert place.span[0] == text.index("Kurmadi in Kano")
