"""One record per real event on whole articles (issue 19): retold acts, titles, time anchors.

Sentences are written for these tests (none comes from a gold file). The four stories in
``data/events_stories.jsonl`` were written and annotated by hand before the pipeline was
run on them; each gold event lists every word that reports it (``mentions``), so the
stories measure duplicates as well as the reference scorer's P/R.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.extract.events.cluster import _dates_agree, title_end
from dateline.records import EventDate
from event_helpers import covering
from gold_gate import assert_floors, predict_pipeline, reference_scorer

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"  # a Monday
STORIES = Path(__file__).parent / "data" / "events_stories.jsonl"
# raised when merging improves, never lowered silently (before this work: P 0.383, 20 duplicates;
# the event's place: 0.444 before the whole-article place work, 1.0 after, on these stories we read)
STORY_FLOORS = {"p": 0.6, "r": 0.94, "type_acc": 0.85, "place_acc": 0.85}
MAX_DUPLICATES = 6


def test_the_title_and_the_lead_are_one_event(analyze) -> None:
    text = (
        "Car bomb kills seven outside Mogadishu hotel\n\n"
        "A car bomb exploded outside a hotel in Mogadishu on Sunday, killing seven people and "
        "wounding 12, police said.\n\nThe explosion shattered windows across the street, witnesses said."
    )
    art = analyze(text, published=PUBLISHED)
    bombing = covering(art, "exploded")
    assert len(bombing) == 1
    for word in ("kills", "killing", "explosion"):
        assert covering(art, word) == bombing, word
    assert len([ev for ev in art.events if ev.type == "ASSAULT"]) == 1


def test_an_act_told_again_a_few_sentences_on_is_the_same_event(analyze) -> None:
    art = analyze(
        "Soldiers shelled rebel positions near Idlib on Monday, residents said. Aid workers said "
        "hundreds of families fled north. A local doctor said soldiers shelled the town for three hours.",
        published=PUBLISHED,
    )
    first, again = covering(art, "shelled"), covering(art, "shelled", 1)
    assert first and first == again
    assert not covering(art, "Aid")  # "aid workers" are people, not an aid event


def test_an_event_named_to_date_another_is_the_one_told_before(analyze) -> None:
    art = analyze(
        "A bomb exploded at a bus station in Kano on Friday, killing three people. Hours after the "
        "blast, gunmen opened fire on a police patrol in Zaria, killing an officer.",
        published=PUBLISHED,
    )
    bombing, shooting = covering(art, "exploded"), covering(art, "opened")
    assert len(bombing) == 1 and len(shooting) == 1 and bombing != shooting
    assert covering(art, "blast") == bombing
    # the blast's words do not make the shooting an explosion
    assert shooting[0].acled_subtype != "Remote explosive/landmine/IED"
    assert len([ev for ev in art.events if ev.type == "ASSAULT"]) == 2


def test_what_an_attack_did_told_as_participles_is_the_attack(analyze) -> None:
    art = analyze(
        "Warplanes bombed a village in Idlib province on Tuesday, killing nine people and "
        "destroying a school, rescuers said.",
        published=PUBLISHED,
    )
    strike = covering(art, "bombed")
    assert len(strike) == 1
    assert covering(art, "destroying") == strike and covering(art, "killing") == strike


def test_an_arrest_told_as_a_participle_of_a_dispersal_is_its_own_event(analyze) -> None:
    art = analyze(
        "Police fired tear gas to break up a march in Harare on Friday, detaining 20 people.",
        published=PUBLISHED,
    )
    arrest, dispersal = covering(art, "detaining"), covering(art, "fired")
    assert len(arrest) == 1 and arrest[0].type == "COERCE" and arrest != dispersal


def test_a_past_scene_a_date_bounds_is_its_own_background_event(analyze) -> None:
    art = analyze(
        "Jets bombed a market in Maarat on Tuesday, killing nine people. It was the deadliest raid "
        "on the town since March 2019, when aircraft bombed a hospital there.",
        published=PUBLISHED,
    )
    news, past = covering(art, "bombed"), covering(art, "bombed", 1)
    assert len(news) == 1 and len(past) == 1 and news != past
    assert news[0].date is not None and news[0].date.value == "2019-05-07"
    assert past[0].date is not None and past[0].date.value == "2019-03"
    assert art.events.index(news[0]) < art.events.index(past[0])  # the news first


def test_a_date_that_bounds_a_stretch_of_time_is_not_the_events_date(analyze) -> None:
    art = analyze(
        "Fighting has continued in the district since January, officials said.", published=PUBLISHED
    )
    fighting = covering(art, "Fighting")
    assert fighting and (fighting[0].date is None or fighting[0].date.value != "2019-01")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Riot police stood guard outside the ministry on Monday.", "Riot"),
        ("Protest leaders met the governor in Accra on Monday.", "Protest"),
        ("Relief agencies warned of hunger in the camps.", "Relief"),
    ],
)
def test_an_event_noun_naming_a_kind_of_thing_is_no_event(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Militias that fight alongside the army held the bridge on Monday.", "fight"),
        ("Gunmen who regularly attack convoys on the road were seen near Gao.", "attack"),
    ],
)
def test_what_a_group_habitually_does_is_no_event(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word)


def test_what_a_group_did_in_a_relative_clause_stays_an_event(analyze) -> None:
    art = analyze(
        "Gunmen who attacked a convoy near Gao on Sunday fled into the desert.", published=PUBLISHED
    )
    assert [ev.type for ev in covering(art, "attacked")] == ["ASSAULT"]


def test_a_stance_told_as_a_participle_is_no_event(analyze) -> None:
    art = analyze("Fighters of a militia opposed to the governor blocked the road.", published=PUBLISHED)
    assert not covering(art, "opposed")


def test_what_protesters_gather_to_demand_is_their_protests_content(analyze) -> None:
    art = analyze(
        "Hundreds of demonstrators gathered outside the court in Lusaka on Monday to demand the "
        "release of a jailed journalist.",
        published=PUBLISHED,
    )
    assert not [ev for ev in art.events if ev.type == "REQUEST"]
    assert [ev.type for ev in art.events] == ["PROTEST"]


def test_an_event_noun_on_an_event_head_stays_an_event(analyze) -> None:
    art = analyze("Three shooting incidents were reported in the city overnight.", published=PUBLISHED)
    assert [ev.type for ev in covering(art, "shooting")] == ["ASSAULT"]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Rebels seize border town\n\nRebels seized the town on Sunday.", "Rebels seize border town\n\n"),
        (
            "Rebels seize town\nAn army post falls\nRebels seized it.",
            "Rebels seize town\nAn army post falls\n",
        ),
        ("Rebels seized the town on Sunday.\nThe army fled.", ""),
        ("One line with no break", ""),
    ],
)
def test_the_title_lines_are_the_short_first_lines_without_a_stop(text: str, title: str) -> None:
    assert title_end(text) == len(title)


@pytest.fixture(scope="module")
def story_predictions(pipeline) -> tuple[list[dict], dict[str, dict]]:
    rows = [json.loads(line) for line in STORIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows, predict_pipeline(pipeline, rows)


def test_own_stories_stay_above_floors(story_predictions, gold_dir: Path) -> None:
    rows, preds = story_predictions
    result = reference_scorer(gold_dir).score(rows, preds)
    assert_floors(result["stories/events"], STORY_FLOORS, "stories")


def test_own_stories_have_few_duplicate_records(story_predictions) -> None:
    """A gold event whose words are spread over several records counts one duplicate per extra record."""
    rows, preds = story_predictions
    duplicates = 0
    for row in rows:
        events = preds[row["id"]]["events"]
        for gold in row["events"]:
            covering = [
                ev
                for ev in events
                if any(s < me and ms < e for s, e in ev["mentions"] for ms, me in gold["mentions"])
            ]
            duplicates += max(0, len(covering) - 1)
    assert duplicates <= MAX_DUPLICATES


def test_the_parts_of_one_toll_add_up(analyze) -> None:
    art = analyze(
        "At least nine fighters and three civilians were killed in clashes in Beni on Sunday, residents said.",
        published=PUBLISHED,
    )
    (clash,) = covering(art, "clashes")
    assert [(c.unit, c.value) for c in clash.counts] == [("killed", 12)]


def test_a_part_of_the_wounded_is_no_second_toll(analyze) -> None:
    art = analyze(
        "A bomb exploded at a market in Kano on Friday, killing 14 people and wounding 31. "
        "Doctors said two of the wounded later died.",
        published=PUBLISHED,
    )
    (bombing,) = covering(art, "exploded")
    assert covering(art, "died") == [bombing]
    counts = {c.unit: (c.value, c.low, c.high) for c in bombing.counts}
    assert counts == {"killed": (14, None, None), "injured": (31, None, None)}


def test_an_act_told_again_with_a_date_of_its_own_is_another_event(analyze) -> None:
    art = analyze(
        "Militants destroyed several shrines in the old city. In March, militants destroyed the "
        "main mosque of the town, residents said.",
        published=PUBLISHED,
    )
    shrines, mosque = covering(art, "destroyed"), covering(art, "destroyed", 1)
    assert len(shrines) == 1 and len(mosque) == 1 and shrines != mosque
    assert mosque[0].date is not None and mosque[0].date.value == "2019-03"


def test_an_anaphor_naming_its_own_place_is_not_joined_to_another_places_event(analyze) -> None:
    art = analyze(
        "Gunmen ambushed an army convoy near Gao on Sunday, killing five soldiers, officials said. "
        "The ambush in Kayes, 1,000 km to the west, was the second this month.",
        published=PUBLISHED,
    )
    first, again = covering(art, "ambushed"), covering(art, "ambush", 1)
    assert again and first != again


def test_a_statement_in_the_title_is_the_bodys_first_statement_of_its_type(analyze) -> None:
    text = (
        "Army says it took Gao from rebels; rebels deny losing the town\n\n"
        "Mali's army said on Sunday it had taken the town of Gao from rebels. The rebels "
        "rejected the claim as false."
    )
    art = analyze(text, published=PUBLISHED)
    denial = covering(art, "deny")
    assert denial and denial == covering(art, "rejected")
    assert len([ev for ev in art.events if ev.type == "REJECT"]) == 1


def test_what_an_act_was_done_for_is_that_act(analyze) -> None:
    art = analyze(
        "Riot police fired tear gas on Saturday to disperse hundreds of farmers marching on the "
        "agriculture ministry in Lima, witnesses said.",
        published=PUBLISHED,
    )
    firing = covering(art, "fired")
    assert len(firing) == 1 and covering(art, "disperse") == firing
    assert firing[0].type == "ASSAULT"  # the purpose never stands for the act


def test_an_arrest_beside_the_force_used_on_a_crowd_stays_its_own_event(analyze) -> None:
    art = analyze(
        "Riot police fired tear gas at farmers marching on the agriculture ministry in Lima on "
        "Saturday and detained 40 of them, witnesses said.",
        published=PUBLISHED,
    )
    firing, arrest = covering(art, "fired"), covering(art, "detained")
    assert len(firing) == 1 and len(arrest) == 1 and firing != arrest


def test_a_deployment_made_for_an_act_is_not_that_act(analyze) -> None:
    art = analyze(
        "The government deployed 2,000 soldiers to the border on Monday to break up the blockade "
        "by truck drivers, officials said.",
        published=PUBLISHED,
    )
    deployment = covering(art, "deployed")
    assert deployment and all(ev.type == "MOBILIZE" for ev in deployment)
    assert all(ev not in deployment for ev in covering(art, "break up"))


def test_destruction_told_after_an_attack_by_its_doers_is_that_attack(analyze) -> None:
    art = analyze(
        "Gunmen attacked the village of Kadisau in Zamfara state on Sunday, killing 12 people, "
        "officials said. The gunmen burned the market and dozens of houses, residents said.",
        published=PUBLISHED,
    )
    attack = covering(art, "attacked")
    assert len(attack) == 1 and covering(art, "burned") == attack


def test_an_act_by_the_other_side_told_after_an_attack_is_its_own_event(analyze) -> None:
    art = analyze(
        "Soldiers raided a rebel camp near Bria on Monday, killing six fighters, the army said. "
        "Rebels burned two army trucks on the road to the camp, residents said.",
        published=PUBLISHED,
    )
    raid, burning = covering(art, "raided"), covering(art, "burned")
    assert len(raid) == 1 and len(burning) == 1 and raid != burning


def test_a_strike_from_afar_after_ground_fighting_is_its_own_event(analyze) -> None:
    art = analyze(
        "Troops fought rebels near Bria on Monday, killing six fighters, the army said. "
        "Artillery shells hit the town's market, killing two traders.",
        published=PUBLISHED,
    )
    fighting, shelling = covering(art, "fought"), covering(art, "hit")
    assert len(fighting) == 1 and len(shelling) == 1 and fighting != shelling


def test_an_event_named_again_in_a_denied_frame_is_the_one_told(analyze) -> None:
    art = analyze(
        "Drones struck a fuel depot in Kherson on Sunday, setting it ablaze, regional officials "
        "said. Russia's defence ministry did not comment on the strike.",
        published=PUBLISHED,
    )
    strike = covering(art, "struck")
    assert len(strike) == 1 and covering(art, "strike") == strike
    assert strike[0].modality in ("asserted", "claimed")  # the denied frame is not the event's


def test_a_denied_act_that_names_no_told_event_stays_apart(analyze) -> None:
    art = analyze(
        "Rebels shelled the town of Bria on Monday, killing four people, officials said. The army "
        "did not shell rebel positions in response, a spokesman said.",
        published=PUBLISHED,
    )
    shelling = covering(art, "shelled")
    assert len(shelling) == 1 and all(ev not in shelling for ev in covering(art, "shell", 1))


@pytest.mark.parametrize(
    ("day", "agrees"),
    [("2026-11-14", True), ("2026-11-15", True), ("2026-11-13", False), ("2026-11-21", False)],
)
def test_a_weekend_holds_its_saturday_and_sunday(day: str, agrees: bool) -> None:
    weekend = EventDate("2026-W46-WE", "week")  # 14 and 15 November 2026
    assert _dates_agree(weekend, EventDate(day, "day")) is agrees
    assert _dates_agree(EventDate(day, "day"), weekend) is agrees
