"""The act, not the word: PLOVER types coded from who does what to whom (``plover.by_roles``).

Each sentence is written for these tests (none comes from a gold file) and pairs a
construction with its contrast, so the rule is seen to turn on the roles, not the word.
"""

from __future__ import annotations

import pytest

from dateline.records import Event
from dateline.resolve.actors import normalise_actor

pytestmark = pytest.mark.model


def _event(analyze, text: str, word: str) -> Event:
    events = analyze(text, published="2019-05-13").events
    for ev in events:
        if word in ev.trigger:
            return ev
    raise AssertionError(f"no event triggered by {word!r}: {[e.trigger for e in events]}")


@pytest.mark.parametrize(
    ("text", "word", "etype", "mode"),
    [
        # a weapon does not speak: "slammed into" is a strike, not a rebuke
        (
            "Mortar rounds slammed into a crowded market in the northern town on Tuesday.",
            "slammed",
            "ASSAULT",
            None,
        ),
        ("The opposition leader slammed the budget as a betrayal of farmers.", "slammed", "ACCUSE", None),
        # people set free are released; a town freed is taken
        (
            "The kidnappers freed the police officer on a road outside the city.",
            "freed",
            "RETREAT",
            "release",
        ),
        ("Government troops freed the town of Kalamba from the rebels.", "freed", "ASSAULT", None),
        # an institution's protest is an official complaint (CAMEO 114), a crowd's a demonstration
        (
            "The foreign ministry protested to the ambassador over the border incident.",
            "protested",
            "ACCUSE",
            "disapprove",
        ),
        (
            "The government lodged a formal protest with Kenya over the detentions.",
            "protest",
            "ACCUSE",
            "disapprove",
        ),
        (
            "Thousands of students protested in the capital against the new tax.",
            "protested",
            "PROTEST",
            "demo",
        ),
        ("Hundreds of residents protested outside the town hall on Monday.", "protested", "PROTEST", "demo"),
        # a pledge to act against someone is a threat, a pledge to build a promise
        (
            "The interior minister vowed to crush the rebels behind the ambush.",
            "vowed",
            "THREATEN",
            "violence",
        ),
        (
            "The president vowed to intensify operations against the insurgents.",
            "vowed",
            "THREATEN",
            "violence",
        ),
        ("The president vowed to rebuild the bridge before the rains.", "vowed", "AGREE", None),
        # a truce the sides agree or a third party brokers is an agreement; a declared one a retreat
        ("The two sides agreed to a ceasefire on Monday.", "agreed", "AGREE", None),
        ("The war ended with a ceasefire brokered by Qatar.", "ceasefire", "AGREE", None),
        ("The rebels declared a unilateral ceasefire on Monday.", "declared", "RETREAT", "ceasefire"),
        # a strike that is held or staged is a walkout; one carried out by jets an air strike
        ("Dock workers staged a strike at the port on Monday.", "strike", "PROTEST", "strike"),
        ("Jets carried out a strike on the fuel depot.", "strike", "ASSAULT", "aerial"),
        # checkpoints restrict movement; communications and the press suspended are censored
        (
            "Authorities set up checkpoints on the roads leading into the city.",
            "set up",
            "COERCE",
            "restrict",
        ),
        (
            "Authorities suspended mobile internet services across the province.",
            "suspended",
            "COERCE",
            "censor",
        ),
        ("The government suspended talks with the union.", "suspended", "SANCTION", None),
        # a raid that only takes things is a seizure; one that kills is an assault
        (
            "Police raided the offices of the weekly and confiscated its computers.",
            "raided",
            "COERCE",
            "seize",
        ),
        ("Troops raided a rebel hideout in the hills, killing three fighters.", "raided", "ASSAULT", None),
        # police who charge a crowd rush at it; a prosecutor's charge names an offence
        ("Riot police charged the crowd outside the stadium on Friday.", "charged", "ASSAULT", None),
        ("Protesters charged police lines near the presidential palace.", "charged", "ASSAULT", None),
        ("Prosecutors charged the two activists with arson.", "charged", "ACCUSE", "allege"),
        # forces sent somewhere are mobilised, whatever the forces are called; a letter sent is not
        ("The governor sent 200 police officers to the mining town on Monday.", "sent", "MOBILIZE", None),
        ("The ministry dispatched soldiers to guard the polling stations.", "dispatched", "MOBILIZE", None),
        ("The army has massed tanks and troops along the northern border.", "massed", "MOBILIZE", None),
        # "call on" asks; "call up" reservists mobilises
        ("The minister called on the army to step up patrols along the border.", "called", "REQUEST", None),
        ("The defence ministry called up 5,000 reservists on Sunday.", "called", "MOBILIZE", "troops"),
    ],
)
def test_type_follows_the_act(analyze, text: str, word: str, etype: str, mode: str | None) -> None:
    ev = _event(analyze, text, word)
    assert ev.type == etype
    if mode is not None:
        assert ev.mode == mode


@pytest.mark.parametrize(
    "text",
    [
        "Shells slammed into the clinic's roof. Rockets slammed into the old quarter overnight.",
        "Overnight, slammed into the old quarter of the city, the rockets left a crater.",
    ],
)
def test_projectiles_slamming_into_a_place_are_no_rebuke(analyze, text: str) -> None:
    events = analyze(text, published="2019-05-13").events
    assert events
    assert {ev.type for ev in events} == {"ASSAULT"}


def test_a_place_taken_from_an_armed_side_is_a_capture(analyze) -> None:
    ev = _event(analyze, "The rebels seized Kalamba from the army after three days of fighting.", "seized")
    assert ev.type == "ASSAULT"
    assert ev.acled_subtype == "Non-state actor overtakes territory"
    assert ev.territory_change is not None


def test_weapons_seized_from_suspects_are_no_capture(analyze) -> None:
    ev = _event(analyze, "Police seized two rifles from the suspects.", "seized")
    assert (ev.type, ev.mode) == ("COERCE", "seize")


def test_a_raid_that_ends_in_arrests_is_an_arrest(analyze) -> None:
    events = analyze(
        "Police raided a warehouse in the port and detained six men.", published="2019-05-13"
    ).events
    assert [(ev.type, ev.acled_subtype) for ev in events] == [("COERCE", "Arrests")]
    assert len(events[0].mentions) == 2  # the raid and the detention are one operation


def test_a_raid_with_killing_stays_an_assault(analyze) -> None:
    ev = _event(analyze, "Gunmen raided a village at dawn and killed nine farmers.", "raided")
    assert ev.type == "ASSAULT"


@pytest.mark.parametrize(
    "text",
    [
        "a human rights group",
        "human rights groups",
        "the rights organisation",
        "an aid agency",
        "a press freedom group",
    ],
)
def test_rights_and_aid_groups_are_ngos(text: str) -> None:
    assert normalise_actor(text).sector == "NGO"


@pytest.mark.parametrize(
    "text",
    ["Workers went on strike over unpaid wages.", "The dockers have been on strike since Monday."],
)
def test_being_on_strike_is_a_walkout_not_an_attack(analyze, text: str) -> None:
    events = analyze(text, published="2019-05-13").events
    assert events
    assert {(ev.type, ev.mode) for ev in events} == {("PROTEST", "strike")}


def test_exchanging_fire_is_a_clash(analyze) -> None:
    ev = _event(analyze, "Soldiers and militants exchanged fire for two hours near the base.", "exchanged")
    assert (ev.type, ev.acled_subtype) == ("ASSAULT", "Armed clash")
    assert ev.target is None  # the fire is the act, not its recipient


def test_the_recipient_of_fire_is_who_it_was_opened_on(analyze) -> None:
    ev = _event(analyze, "Two gunmen opened fire on worshippers outside the mosque.", "opened")
    assert ev.target is not None and ev.target.text == "worshippers"
    assert ev.acled_subtype == "Attack"


@pytest.mark.parametrize(
    ("text", "word", "etype"),
    [
        # an act set for a day that coerces no one is that act, planned (no ACLED type yet)
        (
            "The teachers' union said its members would march to the parliament building next Thursday.",
            "march",
            "PROTEST",
        ),
        ("Opposition parties said they will hold a rally in the capital on Sunday.", "rally", "PROTEST"),
        ("The dockers' union said it would hold a general strike on Monday.", "strike", "PROTEST"),
        (
            "The defence minister said the army would deploy 2,000 more troops to the border region next week.",
            "deploy",
            "MOBILIZE",
        ),
        # a condition set makes it a threat (CAMEO 133, threaten to protest)
        (
            "The union said its members would march on parliament next week unless the pay cut was withdrawn.",
            "march",
            "THREATEN",
        ),
        # an act on someone is threatened whatever the day
        ("The army said it would shell the rebel positions next week.", "shell", "THREATEN"),
        ("The defence ministry said it would retaliate for the ambush.", "retaliate", "THREATEN"),
    ],
)
def test_an_announced_act_is_planned_not_threatened(analyze, text: str, word: str, etype: str) -> None:
    ev = _event(analyze, text, word)
    assert ev.type == etype
    assert ev.modality == "planned"
    if etype != "THREATEN":
        assert ev.acled_subtype is None


def test_weapons_by_the_act_not_the_word(analyze) -> None:
    # jets that intercept a drone stop a weapon in use: no air strike
    ev = _event(analyze, "Navy jets intercepted an armed drone over the gulf on Sunday.", "intercepted")
    assert (ev.type, ev.acled_subtype) == ("COERCE", "Disrupted weapons use")
    # explosives seized in a raid were not used in it
    events = analyze(
        "Soldiers seized a cache of rifles and explosives in a raid on a warehouse.", published="2019-05-13"
    ).events
    assert not [e for e in events if e.acled_subtype == "Remote explosive/landmine/IED"]
    # a bomb that killed was used, though sappers defused another in the same sentence
    ev = _event(
        analyze,
        "A roadside bomb killed three policemen, and sappers later defused a second device nearby.",
        "bomb",
    )
    assert (ev.type, ev.acled_subtype) == ("ASSAULT", "Remote explosive/landmine/IED")


def test_a_letter_sent_is_no_deployment(analyze) -> None:
    events = analyze(
        "The union sent a letter to the labour minister on Monday.", published="2019-05-13"
    ).events
    assert not [e for e in events if e.type == "MOBILIZE"]
