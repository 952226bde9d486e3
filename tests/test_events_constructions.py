"""Event constructions over the real parse: triggers, roles, place, date, counts, modality.

Sentences are written for these tests (none comes from a gold file). Each test names the
construction it pins, so a regression says what broke.
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"  # a Monday


def _events(analyze, text: str) -> tuple[Article, list[Event]]:
    art = analyze(text, published=PUBLISHED)
    return art, art.events


def _find(events: list[Event], word: str) -> Event:
    for ev in events:
        if word in ev.trigger:
            return ev
    raise AssertionError(f"no event triggered by {word!r}: {[e.trigger for e in events]}")


def _place_text(art: Article, ev: Event) -> str | None:
    return next((p.text for p in art.places if p.id == ev.place), None)


@pytest.mark.parametrize(
    ("text", "word", "etype", "acled"),
    [
        (
            "Yemeni government troops reclaimed the port town of Mocha on Sunday.",
            "reclaimed",
            "ASSAULT",
            "Government regains territory",
        ),
        (
            "Houthi rebels recaptured the village of Kitaf from government forces.",
            "recaptured",
            "ASSAULT",
            "Non-state actor overtakes territory",
        ),
        (
            "Al-Shabaab militants drove Somali troops from the town of Bulo Burde.",
            "drove",
            "ASSAULT",
            "Non-state actor overtakes territory",
        ),
        (
            "Gunmen demolished a shrine in the north of Mali.",
            "demolished",
            "ASSAULT",
            "Looting/property destruction",
        ),
        (
            "Heavy clashes broke out between the army and rebels near Goma.",
            "clashes",
            "ASSAULT",
            "Armed clash",
        ),
        ("Police arrested twelve opposition activists in Harare on Friday.", "arrested", "COERCE", "Arrests"),
        (
            "Thousands of teachers protested peacefully outside parliament in Nairobi.",
            "protested",
            "PROTEST",
            "Peaceful protest",
        ),
        (
            "Iraqi troops withdrew from the town of Tal Afar overnight.",
            "withdrew",
            "RETREAT",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_material_triggers(analyze, text: str, word: str, etype: str, acled: str) -> None:
    _, events = _events(analyze, text)
    ev = _find(events, word)
    assert ev.type == etype
    assert ev.acled_subtype == acled
    assert ev.acled_type is not None


@pytest.mark.parametrize(
    ("text", "word", "etype"),
    [
        ("The European Union imposed sanctions on three Venezuelan officials.", "sanctions", "SANCTION"),
        ("The Japanese prime minister met the Chinese president in Beijing on Tuesday.", "met", "CONSULT"),
        ("The opposition accused the ruling party of rigging the vote.", "accused", "ACCUSE"),
        ("The cabinet rejected the union's demands for higher wages.", "rejected", "REJECT"),
        ("The rebels threatened to attack the capital.", "threatened", "THREATEN"),
        ("The two countries agreed to reopen their embassies.", "agreed", "AGREE"),
        ("The governor praised the firefighters for their courage.", "praised", "SUPPORT"),
        ("Norway donated medical supplies to the hospital.", "donated", "AID"),
        ("The police and the army will cooperate in the inquiry.", "cooperate", "AGREE"),
        ("The minister demanded the release of the detained journalists.", "demanded", "REQUEST"),
        ("The government lifted the ban on opposition rallies.", "lifted", "CONCEDE"),
        ("The army deployed additional troops along the border.", "deployed", "MOBILIZE"),
        ("The two navies held a joint exercise in the Baltic Sea.", "exercise", "COOPERATE"),
        ("The two delegations failed to reach an agreement on the border.", "agreement", "REJECT"),
        ("The ministry said it would not accept any more refugees.", "accept", "REJECT"),
    ],
)
def test_verbal_and_cooperative_triggers(analyze, text: str, word: str, etype: str) -> None:
    _, events = _events(analyze, text)
    assert _find(events, word).type == etype


def test_light_verb_air_strikes_with_counts(analyze) -> None:
    _art, events = _events(
        analyze, "French jets carried out 12 air-strikes hitting 30 militant positions in Mali."
    )
    ev = _find(events, "air-strikes")
    assert (ev.type, ev.mode, ev.acled_subtype) == ("ASSAULT", "aerial", "Air/drone strike")
    assert ev.trigger.startswith("carried out")
    assert (ev.actor.country, ev.actor.sector) == ("FRA", "MIL")
    assert {c.value for c in ev.counts} >= {12, 30}
    assert len([e for e in events if e.type == "ASSAULT"]) == 1  # "hitting" belongs to the strikes


def test_supporters_backed_by(analyze) -> None:
    _, events = _events(
        analyze, "Afghan forces, backed by American air strikes, retook the district of Musa Qala."
    )
    ev = _find(events, "retook")
    assert ev.actor.country == "AFG"
    assert [s.country for s in ev.supporters] == ["USA"]
    assert ev.territory_change is not None and ev.territory_change["to"] == "AFG"


def test_named_group_actor_and_target(analyze) -> None:
    _, events = _events(analyze, "Islamic State fighters attacked a Kurdish checkpoint near Kirkuk.")
    ev = _find(events, "attacked")
    assert ev.actor.name == "Islamic State"
    assert ev.target is not None and "checkpoint" in ev.target.text
    assert ev.acled_subtype == "Armed clash"


def test_event_place_and_date_are_its_own(analyze) -> None:
    text = "Officials in Washington said on Monday that Somali troops captured the town of Jilib on Saturday."
    art, events = _events(analyze, text)
    ev = _find(events, "captured")
    assert _place_text(art, ev) == "Jilib"
    assert ev.date is not None and (ev.date.value, ev.date.precision) == ("2019-05-11", "day")


def test_month_precision(analyze) -> None:
    _art, events = _events(analyze, "In March, rebels seized the city of Kidal.")
    ev = _find(events, "seized")
    assert ev.date is not None and ev.date.precision == "month"


def test_a_day_of_the_month_is_no_count(analyze) -> None:
    _, events = _events(analyze, "Soldiers attacked a student demonstration held January 30 in the capital.")
    assert all(c.value != 30 for ev in events for c in ev.counts)
    _, events = _events(analyze, "Soldiers killed 30 rebels on January 12 in Borno.")
    assert [(c.value, c.unit) for c in _find(events, "killed").counts] == [(30, "killed")]


def test_vague_counts_are_conservative(analyze) -> None:
    _, events = _events(analyze, "Soldiers shot dead dozens of villagers in an attack on a market in Borno.")
    counts = [c for ev in events for c in ev.counts]
    assert any(c.value == 12 for c in counts)


@pytest.mark.parametrize(
    ("text", "word", "modality"),
    [
        ("The army would be able to launch an offensive against the rebels.", "offensive", "planned"),
        ("Government forces did not attack the camp.", "attack", "negated"),
        ("If talks fail, the militia could attack the airport.", "attack", "hypothetical"),
        ("Activists said soldiers had burned the village.", "burned", "claimed"),
        ("Soldiers burned the village on Sunday.", "burned", "asserted"),
        # an attempt happened; a plan word's preposition is no plan ("set about", "angry about")
        ("Gunmen attempted to kidnap a teacher in the town on Monday.", "kidnap", "asserted"),
        ("Police set about dispersing the protesters with tear gas.", "dispersing", "asserted"),
        ("Residents were angry about the killing of a farmer by soldiers.", "killing", "asserted"),
        ("The rebels are set to attack the airport.", "attack", "planned"),
        ("The army was preparing for an offensive on the town.", "offensive", "planned"),
        ("Militants planned an attack on the base.", "attack", "planned"),
    ],
)
def test_modality(analyze, text: str, word: str, modality: str) -> None:
    _, events = _events(analyze, text)
    assert _find(events, word).modality == modality


def test_attributed_to_the_quote(analyze) -> None:
    art, events = _events(analyze, "The ministry said that its jets had bombed 20 rebel targets near Idlib.")
    ev = _find(events, "bombed")
    assert ev.attributed_to is not None
    assert any(q.id == ev.attributed_to for q in art.quotes)


def test_plain_said_is_not_an_event(analyze) -> None:
    _, events = _events(analyze, "The spokesman said the weather was fine.")
    assert events == []


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("A suicide bomber killed nine people at a wedding in Kabul.", "Suicide bomb"),
        ("A roadside bomb killed two soldiers near Kandahar.", "Remote explosive/landmine/IED"),
        ("Attackers threw a grenade into a bar in Bujumbura, wounding five.", "Grenade"),
        (
            "Rebels shelled residential areas of Donetsk with heavy artillery.",
            "Shelling/artillery/missile attack",
        ),
        ("Police fired tear gas to disperse the protesters in Khartoum.", "Protest with intervention"),
        ("Rioters threw stones at police and torched cars in Paris.", "Violent demonstration"),
        ("Gunmen kidnapped three aid workers in Darfur.", "Abduction/forced disappearance"),
        ("Police seized a cache of weapons and explosives in Mindanao.", "Disrupted weapons use"),
        ("Turkish forces set up a new observation post in Idlib.", "Headquarters or base established"),
        ("The warring parties signed a ceasefire agreement in Juba.", "Agreement"),
    ],
)
def test_headline_acled_subtype(analyze, text: str, acled: str) -> None:
    _, events = _events(analyze, text)
    first = next(e for e in events if e.acled_subtype)
    assert first.acled_subtype == acled


def test_events_are_numbered_in_reading_order(analyze) -> None:
    _, events = _events(
        analyze, "Rebels attacked a base in the north. Troops later recaptured the town of Kidal."
    )
    assert [e.id for e in events] == [f"v{i}" for i in range(1, len(events) + 1)]
    assert [e.sentence for e in events] == sorted(e.sentence for e in events)


@pytest.mark.parametrize("text", ["...", "!!!\n\n\n???", "attack " * 300, "The the the.", "ISIS ISIS ISIS"])
def test_odd_text_never_raises(analyze, text: str) -> None:
    art = analyze(text)
    assert isinstance(art.events, list)


def test_casualty_counts_are_labelled(analyze) -> None:
    _, events = _events(analyze, "Gunmen killed 12 villagers and wounded 30 others near Maiduguri on Sunday.")
    counts = {(c.unit, c.value) for ev in events for c in ev.counts}
    assert ("killed", 12) in counts
    assert ("injured", 30) in counts


def test_territory_change_names_loser_and_gainer(analyze) -> None:
    art, events = _events(
        analyze, "Houthi rebels recaptured the village of Kitaf from government forces on Friday."
    )
    ev = _find(events, "recaptured")
    change = ev.territory_change
    assert change is not None
    assert change["to"] == "Houthis"
    assert change["from"] == "government forces"
    assert change["place"] == ev.place and _place_text(art, ev) == "Kitaf"


def test_a_repeated_mention_is_one_event(analyze) -> None:
    text = (
        "Syrian troops recaptured the town of Qusayr on Sunday. "
        "The army said that by recapturing Qusayr it had cut the rebels' supply lines."
    )
    _, events = _events(analyze, text)
    assert len([e for e in events if e.acled_subtype == "Government regains territory"]) == 1


def test_threat_and_promise_follow_plover(analyze) -> None:
    _, events = _events(
        analyze,
        "The government said it will impose a curfew. The rebels said they will release the hostages.",
    )
    assert _find(events, "curfew").type == "THREATEN"
    assert _find(events, "release").type == "AGREE"


def test_lifting_a_restriction_is_a_concession(analyze) -> None:
    _, events = _events(analyze, "The authorities lifted the curfew in the capital on Thursday.")
    assert _find(events, "curfew").type == "CONCEDE"


def test_relative_pronoun_actor_is_its_noun(analyze) -> None:
    _, events = _events(analyze, "Police arrested the militants who ambushed a convoy near Kandahar.")
    ev = _find(events, "ambushed")
    assert ev.actor is not None and ev.actor.text.endswith("militants")
    assert ev.actor.sector == "INS"


def test_anonymous_source_is_no_request(analyze) -> None:
    _, events = _events(analyze, "A resident, who asked not to be named, said the town was quiet.")
    assert not [e for e in events if e.type == "REQUEST"]


def test_past_negation_is_not_a_refusal(analyze) -> None:
    _, events = _events(analyze, "The mayor has never met the witnesses.")
    ev = _find(events, "met")
    assert (ev.type, ev.modality) == ("CONSULT", "negated")


@pytest.mark.parametrize(
    ("text", "word", "plover", "mode"),
    [
        # EVENTS.md lists crowd-control among ASSAULT's modes: the weapons are used on people
        (
            "Riot police fired tear gas at students marching in Dhaka on Sunday.",
            "fired",
            "ASSAULT",
            "crowd-control",
        ),
        (
            "Officers used water cannon against farmers blocking the highway.",
            "cannon",
            "ASSAULT",
            "crowd-control",
        ),
        # breaking a crowd up, with no weapon told, restricts it
        (
            "Police dispersed the demonstrators outside parliament on Monday.",
            "dispersed",
            "COERCE",
            "restrict",
        ),
    ],
)
def test_crowd_weapons_are_an_assault_and_dispersal_a_coercion(
    analyze, text: str, word: str, plover: str, mode: str
) -> None:
    _, events = _events(analyze, text)
    event = _find(events, word)
    assert (event.type, event.mode) == (plover, mode)
    assert event.acled_subtype == "Protest with intervention"
