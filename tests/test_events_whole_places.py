"""The event's own place on whole articles (issue 19): the finest place any of its mentions
names, never the scene of a background clause, and the body's mention over the title's.

Sentences are written for these tests (none comes from a gold file); the village names are
made up, so that the gazetteer lacks them as it lacks most villages in conflict news.
"""

from __future__ import annotations

import pytest

from event_helpers import covering, place_of

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"  # a Monday


@pytest.mark.parametrize(
    "text",
    [
        "Two helicopters dropped barrel bombs on the village of Kwarandi on Monday, residents said.",
        "A military jet dropped several bombs on Kwarandi village late on Sunday, killing four people.",
    ],
)
def test_dropping_bombs_on_a_place_is_an_air_strike_there(analyze, text: str) -> None:
    art = analyze(text, published=PUBLISHED)
    strike = covering(art, "dropped")
    assert [ev.acled_subtype for ev in strike] == ["Air/drone strike"]
    place = place_of(art, strike[0])
    assert place is not None and place.text == "Kwarandi"


def test_dropping_leaflets_is_no_strike(analyze) -> None:
    art = analyze("Army helicopters dropped leaflets over the town on Monday.", published=PUBLISHED)
    assert not [ev for ev in covering(art, "dropped") if ev.type == "ASSAULT"]


def test_a_later_mention_naming_the_village_refines_the_region(analyze) -> None:
    art = analyze(
        "Jets bomb village in Borno\n\n"
        "Military jets bombed a village in Nigeria's Borno State on Tuesday, killing six people, "
        "residents said.\n\n"
        "Two jets dropped bombs on Gwarmaji village shortly after noon, a resident said. He said "
        "at least ten people were wounded.",
        published=PUBLISHED,
    )
    strike = covering(art, "bombed")
    assert len(strike) == 1
    assert covering(art, "dropped") == strike and covering(art, "wounded") == strike
    place = place_of(art, strike[0])
    assert place is not None and place.text == "Gwarmaji"


def test_the_scene_of_a_bounding_date_gives_the_news_no_place(analyze) -> None:
    art = analyze(
        "Jets bombed a market in Ariha on Tuesday, killing nine people. The raid was the "
        "deadliest in the district since March 2019, when aircraft bombed a clinic in the "
        "village of Tal Saman.",
        published=PUBLISHED,
    )
    news, past = covering(art, "bombed"), covering(art, "bombed", 1)
    assert len(news) == 1 and len(past) == 1 and news != past
    assert covering(art, "raid") == news
    news_place, past_place = place_of(art, news[0]), place_of(art, past[0])
    assert news_place is not None and news_place.text == "Ariha"
    assert past_place is not None and past_place.text == "Tal Saman"


def test_a_background_clauses_place_is_the_guess_when_alone(analyze) -> None:
    art = analyze(
        "Gunmen shot dead a farmer who had been working in his field near the village of Tal Saman "
        "since dawn.",
        published=PUBLISHED,
    )
    shot = covering(art, "shot")
    assert shot
    place = place_of(art, shot[0])
    assert place is not None and place.text == "Tal Saman"


def test_the_body_names_the_place_the_title_repeats(analyze) -> None:
    art = analyze(
        "Bomb kills five at Kano bus station\n\n"
        "A bomb exploded at a crowded bus station in the northern Nigerian city of Kano on Friday, "
        "killing five people, police said.",
        published=PUBLISHED,
    )
    bombing = covering(art, "exploded")
    assert len(bombing) == 1 and covering(art, "kills") == bombing
    place = place_of(art, bombing[0])
    lead = art.text.index("Kano", art.text.index("\n"))
    assert place is not None and place.text == "Kano" and place.span[0] == lead


def test_a_kind_word_pins_the_name_for_its_bare_mentions(analyze) -> None:
    art = analyze(
        "Troops raid villages in Sagaing\n\n"
        "Soldiers raided three villages in Myanmar's northwestern Sagaing region on Monday, "
        "residents said.",
        published=PUBLISHED,
    )
    sagaing = [p for p in art.places if p.text == "Sagaing"]
    assert len(sagaing) == 2
    assert all(p.feature == "admin" for p in sagaing), [(p.name, p.feature) for p in sagaing]


def test_a_later_sentence_goes_on_in_the_scene_not_the_province_named_last(analyze) -> None:
    art = analyze(
        "Rebels captured the town of Kiwandja in the Lubero territory of North Kivu province on "
        "Sunday after two days of heavy fighting with the army, residents said.\n\n"
        "The clashes began on Friday evening when rebel units advanced from the hills.",
        published=PUBLISHED,
    )
    clashes = covering(art, "clashes")
    assert clashes
    place = place_of(art, clashes[0])
    assert place is not None and place.text == "Kiwandja"


def test_where_a_crowd_retreated_to_is_no_scene_for_what_follows(analyze) -> None:
    art = analyze(
        "Police beat protesters with batons in the evening as the crowd retreated toward Liberty "
        "Square. Those detained were held overnight, the ministry said.",
        published=PUBLISHED,
    )
    detained = covering(art, "detained")
    assert detained
    place = place_of(art, detained[0])
    assert place is None or place.text != "Liberty Square"


def test_forces_breaking_up_a_protest_act_where_the_protest_is(analyze) -> None:
    art = analyze(
        "YEREVAN - Riot police fired tear gas to break up a protest outside parliament late on "
        "Thursday, detaining 30 people, the ministry said.\n\n"
        "Several thousand demonstrators had gathered on Liberty Avenue in the evening to demand "
        "new elections.",
        published=PUBLISHED,
    )
    for word in ("fired", "detaining"):
        events = covering(art, word)
        assert events, word
        place = place_of(art, events[0])
        assert place is not None and place.text == "Liberty Avenue", (word, place)


def test_an_arrest_told_beside_no_protest_keeps_its_own_place(analyze) -> None:
    art = analyze(
        "Police detained 12 people in Yerevan on Thursday, the ministry said. Several thousand "
        "demonstrators gathered on Liberty Avenue on Friday.",
        published=PUBLISHED,
    )
    arrest = covering(art, "detained")
    assert arrest
    place = place_of(art, arrest[0])
    assert place is not None and place.text == "Yerevan"


@pytest.mark.parametrize(
    ("text", "trigger", "where"),
    [
        (
            "A 19-year-old student from Kisumu was stabbed on Tuesday night outside a bar in Eldoret.",
            "stabbed",
            "Eldoret",
        ),
        (
            "U.S. missiles hit a training camp of the militants in southern Somalia on Friday.",
            "hit",
            "Somalia",
        ),
        (
            "A U.S. helicopter gunship was shot down over southern Somalia on Thursday.",
            "shot",
            "Somalia",
        ),
    ],
)
def test_where_a_participant_comes_from_or_whose_arms_acted_is_not_the_place(
    analyze, text: str, trigger: str, where: str
) -> None:
    art = analyze(text, published=PUBLISHED)
    events = covering(art, trigger)
    assert events
    place = place_of(art, events[0])
    assert place is not None and place.text == where, place


def test_a_participants_origin_is_the_guess_when_alone(analyze) -> None:
    art = analyze("A 19-year-old student from Kisumu was stabbed on Tuesday night.", published=PUBLISHED)
    events = covering(art, "stabbed")
    assert events
    place = place_of(art, events[0])
    assert place is not None and place.text == "Kisumu"


def test_a_countrys_short_name_after_its_formal_name_is_that_country(analyze) -> None:
    art = analyze(
        "KINSHASA, Democratic Republic of Congo - Militiamen attacked a camp for displaced people "
        "in eastern Congo on Sunday, officials said.",
        published=PUBLISHED,
    )
    congo = [p for p in art.places if p.text == "Congo"]
    assert congo and all(p.country == "CD" for p in congo), [(p.name, p.country) for p in congo]


def test_where_a_report_came_from_is_no_scene_for_the_next_sentences(analyze) -> None:
    art = analyze(
        "Militants stormed an army base near the town of Dhanaane in the Lower Juba region on "
        "Tuesday, killing 17 soldiers, an officer said.\n\n"
        "The assault began at dawn, Captain Ali Farah told reporters by phone from the nearby "
        "town of Qardho.\n\n"
        "Reinforcements arrived three hours later, he said.",
        published=PUBLISHED,
    )
    later = covering(art, "Reinforcements")
    assert later
    place = place_of(art, later[0])
    assert place is not None and place.text == "Dhanaane", place


def test_a_village_named_after_its_region_lies_in_that_region_not_at_the_dateline(analyze) -> None:
    art = analyze(
        "YANGON - Military jets bombed a village in Myanmar's northwestern Sagaing region on "
        "Wednesday, killing nine people, residents said.\n\n"
        "Two jets dropped bombs on Kyauk Nyin Gon village shortly after noon, a resident said.",
        published=PUBLISHED,
    )
    village = next(p for p in art.places if p.text == "Kyauk Nyin Gon")
    region = next(p for p in art.places if p.text == "Sagaing")
    assert village.geonames_id is None and village.precision == "vicinity"
    assert (village.lat, village.lon) == (region.lat, region.lon)
