"""One record per real event, the main event first (issue 19), over the real parse.

Sentences are written for these tests (none comes from a gold file).
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Event
from event_helpers import covering

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"  # a Monday

BOMBING = (
    "A roadside bomb exploded beside a bus near Kirkuk on Tuesday, killing four passengers and "
    "wounding nine. Police said the blast was the deadliest in the province this year. "
    "In a separate attack on Wednesday, gunmen shot dead a shopkeeper in Basra."
)


def _place(art: Article, ev: Event) -> str | None:
    return next((p.text for p in art.places if p.id == ev.place), None)


def test_one_bombing_is_one_record_with_its_mentions_and_counts(analyze) -> None:
    art = analyze(BOMBING, published=PUBLISHED)
    bombing = covering(art, "exploded")
    assert len(bombing) == 1
    ev = bombing[0]
    # the explosion, the killing, the wounding and "the blast" a sentence later: one event
    for word in ("killing", "wounding", "blast"):
        assert covering(art, word) == [ev], word
    assert ev.acled_subtype == "Remote explosive/landmine/IED"
    assert ev.span in ev.mentions and ev.mentions == sorted(ev.mentions)
    counts = {c.unit: c.value for c in ev.counts}
    assert counts.get("killed") == 4 and counts.get("injured") == 9
    assert _place(art, ev) == "Kirkuk"
    assert ev.date is not None and ev.date.value == "2019-05-07"


def test_a_separate_attack_stays_a_second_event(analyze) -> None:
    art = analyze(BOMBING, published=PUBLISHED)
    second = covering(art, "shot")
    assert len(second) == 1
    assert second[0] is not covering(art, "exploded")[0]
    assert _place(art, second[0]) == "Basra"
    assert second[0].date is not None and second[0].date.value == "2019-05-08"
    assert len([ev for ev in art.events if ev.type == "ASSAULT"]) == 2


def test_an_attack_in_another_town_is_not_merged_by_its_definite_article(analyze) -> None:
    text = (
        "Militants attacked an army post in Kidal on Friday. "
        "On Saturday, the attack on a market in Gao killed six people."
    )
    art = analyze(text, published=PUBLISHED)
    first, second = covering(art, "attacked"), covering(art, "attack on")
    assert first and second and first[0] is not second[0]


def test_the_main_asserted_event_comes_before_its_cause(analyze) -> None:
    art = analyze(
        "Residents angry over the killing of a teenager marched through Lagos on Monday.",
        published=PUBLISHED,
    )
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.type == "PROTEST"
    cause = covering(art, "killing")
    assert cause and art.events.index(cause[0]) > art.events.index(headline)


def test_a_past_scene_keeps_its_own_date_and_comes_after(analyze) -> None:
    art = analyze(
        "The town, which was the scene of a chemical attack in 2017, was hit by air strikes on Friday.",
        published=PUBLISHED,
    )
    headline = next(ev for ev in art.events if ev.acled_subtype)
    # the weapon is the act's own: the chemical attack of the past scene does not colour it
    assert headline.acled_subtype == "Air/drone strike"
    past = covering(art, "attack in 2017")
    assert past and past[0] is not headline
    assert past[0].date is not None and past[0].date.value == "2017"


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Police fired tear gas at youths who threw stones at them outside the parliament.", False),
        ("Police fired tear gas at youths who had thrown stones at them.", True),
        ("The army shelled the town that was the scene of a chemical attack in 2017.", True),
        ("Police detain people who organise protests against the government.", True),
    ],
)
def test_a_relative_clause_is_background_only_when_told_at_another_time(
    nlp, text: str, background: bool
) -> None:
    """The same scene in the same simple past is the event's own; a perfect, a date or a habit is not."""
    from dateline.extract.events.build import _background_clauses

    assert bool(_background_clauses(nlp(text)[:])) is background


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers did not open fire on the crowd, the army said.",
        "The army will launch an offensive against the rebels next month.",
        "If talks fail, the rebels could attack the capital.",
    ],
)
def test_denied_planned_or_supposed_events_get_no_acled_type(analyze, text: str) -> None:
    art = analyze(text, published=PUBLISHED)
    violent = [ev for ev in art.events if ev.type in ("ASSAULT", "THREATEN")]
    assert violent, "the event is still coded in PLOVER"
    assert all(ev.acled_subtype is None and ev.modality != "asserted" for ev in violent)


# --- what ACLED would not code ---------------------------------------------------------------


def test_an_accidental_shooting_of_a_child_is_no_acled_event_and_the_age_no_count(analyze) -> None:
    art = analyze(
        "A 4-year-old boy was shot and killed on Sunday when his uncle's pistol went off "
        "accidentally at their home in Dayton, Ohio.",
        published=PUBLISHED,
    )
    violent = [ev for ev in art.events if ev.type == "ASSAULT"]
    assert len(violent) == 1, "one shooting, one record"
    ev = violent[0]
    assert ev.acled_subtype is None and ev.acled_type is None
    assert all(c.value != 4 for c in ev.counts), "an age is not a count"


LOCAL_NEWS = (
    "A 3-year-old boy died Saturday evening after he found a loaded handgun in his grandparents' "
    "bedroom and accidentally shot himself, the Marion County Sheriff's Office said. Sheriff's "
    "deputies were called to the home on Cedar Hollow Road shortly after 6 p.m. The boy was taken "
    "to Riverside Regional Medical Center, where he was pronounced dead. Deputies said the shooting "
    "appears to be accidental and no charges have been filed. The sheriff urged gun owners to keep "
    "firearms locked away from children."
)


def test_a_local_news_story_of_an_accidental_shooting_is_one_event_without_acled(analyze) -> None:
    """The new user's try: one shooting told three times, a child's age, sheriff's deputies."""
    art = analyze(LOCAL_NEWS, published=PUBLISHED)
    violent = [ev for ev in art.events if ev.type == "ASSAULT"]
    assert len(violent) == 1, [ev.trigger for ev in violent]
    assert len(violent[0].mentions) >= 2, "'shot' and 'the shooting' are one event"
    assert not [ev for ev in art.events if ev.acled_subtype or ev.acled_type]
    assert all(c.value != 3 for ev in art.events for c in ev.counts), "an age is not a count"
    police = [
        a
        for ev in art.events
        for a in (ev.actor, ev.target)
        if a is not None and {"sheriff", "deputies"} & set(a.text.lower().split())
    ]
    assert police and all(a.sector == "COP" for a in police)


def test_a_crime_without_political_actors_keeps_plover_with_context_crime(analyze) -> None:
    art = analyze(
        "A man stabbed his landlord during an argument over rent in Leeds on Saturday, police said.",
        published=PUBLISHED,
    )
    ev = next(ev for ev in art.events if ev.type == "ASSAULT")
    assert ev.acled_subtype is None and ev.context == "crime"


def test_an_armed_groups_attack_stays_an_acled_event_beside_an_age(analyze) -> None:
    art = analyze(
        "Gunmen killed a 12-year-old girl and two farmers in an attack on a village in Mali on Sunday.",
        published=PUBLISHED,
    )
    ev = next(ev for ev in art.events if ev.acled_subtype)
    assert ev.acled_type == "Violence against civilians" and ev.context is None
    assert all(c.value != 12 for c in ev.counts)


@pytest.mark.parametrize(
    "text",
    [
        "The Lakers beat the Celtics 104-96 on Sunday.",
        "The opposition party captured 40 seats as voters turned out for the election.",
    ],
)
def test_no_conflict_event_without_a_conflict(analyze, text: str) -> None:
    art = analyze(text, published=PUBLISHED)
    assert not [ev for ev in art.events if ev.type == "ASSAULT" or ev.acled_subtype]


def test_a_firearm_going_off_is_no_explosion(analyze) -> None:
    art = analyze("A rifle went off during a raid by militants on a checkpoint in Gao.", published=PUBLISHED)
    assert all(ev.acled_type != "Explosions/Remote violence" for ev in art.events)


@pytest.mark.parametrize(
    "text", ["Sheriff's deputies", "a sheriff's deputy", "state troopers", "police officers"]
)
def test_police_are_cop_not_leg(text: str) -> None:
    from dateline.resolve.actors import normalise_actor

    assert normalise_actor(text).sector == "COP"


# --- the event's own place --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "A roadside bomb exploded on Monday in the Mansour neighbourhood of Baghdad, killing three.",
            "Mansour",
        ),
        ("Gunmen attacked a police post near the town of Baiji in Salahuddin province on Monday.", "Baiji"),
        (
            "Militants stormed the village of Tiri in Bint Jbail district, southern Lebanon, on Monday.",
            "Tiri",
        ),
        # a multi-word region naming the kind of what follows "of" only locates it
        ("Two soldiers were shot dead near the West Bank city of Hebron on Monday.", "Hebron"),
        # a quarter the gazetteer lacks, located by the city before its kind
        ("A car bomb killed four people in the north Basra neighbourhood of Qarzuna on Sunday.", "Qarzuna"),
        # the possessor holds its district, whatever the district's size
        (
            "Gunmen killed a tribal elder near his home in Mogadishu's Zorbi district on Monday.",
            "Zorbi district",
        ),
        # a district its words name is a unit of the city the clause also names
        ("A car bomb exploded in the Zorbaq district of Damascus on Monday, killing eight.", "Zorbaq"),
        # a named site the gazetteer lacks beats the province around it
        (
            "Rebels shelled army positions around the Zorbak Military Airport in Aleppo province on Monday.",
            "Zorbak Military Airport",
        ),
    ],
)
def test_the_finest_place_of_the_clause_beats_its_containing_place(analyze, text: str, place: str) -> None:
    art = analyze(text, published=PUBLISHED)
    ev = next(ev for ev in art.events if ev.type == "ASSAULT")
    assert _place(art, ev) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        (
            "According to a military source at the Zorbak Military Airport, Russian jets struck "
            "rebel positions near Palmyra on Monday.",
            "struck",
            "Palmyra",
        ),
        # with no other place named, the source's is the best guess
        ("According to a police source in Kirkuk, a bomb exploded on Monday.", "exploded", "Kirkuk"),
    ],
)
def test_the_sources_place_yields_to_the_events(analyze, text: str, trigger: str, place: str) -> None:
    art = analyze(text, published=PUBLISHED)
    ev = next(ev for ev in art.events if text[ev.span[0] : ev.span[1]] == trigger)
    assert _place(art, ev) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KAMPALA - Gunmen attacked a police post in Gulu on Monday, officials said.", "Gulu"),
        (
            "MOMBASA, Kenya (Reuters) - Militants stormed a bus depot in Garissa on Sunday, police said.",
            "Garissa",
        ),
        # with no other place named, the dateline's is the best guess
        ("KAMPALA - Gunmen attacked a police post on Monday, officials said.", "KAMPALA"),
    ],
)
def test_a_wire_datelines_place_yields_to_the_events(analyze, text: str, place: str) -> None:
    art = analyze(text, published=PUBLISHED)
    ev = next(ev for ev in art.events if ev.type == "ASSAULT")
    assert _place(art, ev) == place


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("The Liberation Front of Zambia attacked a police post in Kitwe on Monday.", "Kitwe"),
        ("Fighters of the Islamic State of Iraq stormed a checkpoint near Homs on Sunday.", "Homs"),
    ],
)
def test_a_place_inside_an_organisations_name_is_not_where_it_happened(
    analyze, text: str, place: str
) -> None:
    art = analyze(text, published=PUBLISHED)
    ev = next(ev for ev in art.events if ev.type == "ASSAULT")
    assert _place(art, ev) == place


def test_a_merged_event_keeps_the_finest_place_any_mention_gives() -> None:
    from dateline.extract.events.attributes import place_grain
    from dateline.extract.events.cluster import _best_place
    from dateline.records import Place

    text = "A blast rocked Halab on Monday, killing four in the Qasr neighbourhood of Halab province."
    city = Place(id="p1", text="Halab", span=(15, 20), sentence=0, feature="city", country="SYR")
    quarter = Place(id="p2", text="Qasr", span=(52, 56), sentence=0)  # the gazetteer lacks it
    province = Place(id="p3", text="Halab", span=(74, 79), sentence=0, feature="admin")
    places = {p.id: p for p in (city, quarter, province)}
    assert [place_grain(p, text) for p in (quarter, city, province)] == [0, 2, 4]
    assert _best_place(["p1", "p2", "p3"], places, text, 0) == "p2"
    assert _best_place(["p3", None, "p1"], places, text, 0) == "p1"
    # a title line's "Halab" (the text's first 21 characters) yields to the body's same town
    body = Place(id="p4", text="Halab", span=(74, 79), sentence=0, feature="city", country="SYR")
    assert _best_place(["p1", "p4"], {**places, "p4": body}, text, 21) == "p4"


# --- ACLED sub-types from who did it to whom --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("An angry mob beat two men accused of theft in a village in Bihar on Monday.", "Mob violence"),
        # the crowd's own words say a mob ("angry villagers"): mob justice, not a private crime
        (
            "Angry villagers beat two suspected thieves to death in a village in Bihar on Monday.",
            "Mob violence",
        ),
        ("Protesters attacked a police station in Dhaka on Monday.", "Violent demonstration"),
        ("Police shot dead two protesters in Dhaka on Monday.", "Excessive force against protesters"),
        # riot-control weapons mean a crowd; its own violence makes it a violent demonstration
        ("Officers pepper-sprayed a woman after she threw bottles at a police van.", "Violent demonstration"),
        ("Police used water cannon on a group of men in the square on Friday.", "Protest with intervention"),
        # police acting on the crowd, whatever the verb, is an intervention; escorting it is not
        (
            "Riot police chased the demonstrators through the old town on Tuesday.",
            "Protest with intervention",
        ),
        (
            "Protesters were pushed back by police near the parliament on Tuesday.",
            "Protest with intervention",
        ),
        ("Police escorted the demonstrators through the old town on Tuesday.", "Peaceful protest"),
        ("Russian troops attacked Ukrainian soldiers near Bakhmut on Monday.", "Armed clash"),
        ("Gunmen attacked worshippers at a church in Owo on Monday.", "Attack"),
        ("Fulani herdsmen attacked farmers in Benue state on Sunday.", "Attack"),
    ],
)
def test_the_subtype_follows_who_acts_on_whom(analyze, text: str, acled: str) -> None:
    art = analyze(text, published=PUBLISHED)
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.acled_subtype == acled


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Syrian government forces", "State forces"),
        ("police", "State forces"),
        ("IS fighters", "Rebel groups"),
        ("rebels", "Rebel groups"),
        ("unidentified gunmen", "Political militias"),
        ("Fulani herdsmen", "Identity militias"),
        ("a clan militia", "Identity militias"),
        ("rioters", "Rioters"),
        ("protesters", "Protesters"),
        ("villagers", "Civilians"),
        ("UN peacekeepers", "External/Other forces"),
    ],
)
def test_acled_actor_types_from_the_words(text: str, kind: str) -> None:
    from dateline.resolve.actors import acled_actor_type, normalise_actor

    assert acled_actor_type(normalise_actor(text)) == kind


def test_a_states_forces_abroad_are_external() -> None:
    from dateline.resolve.actors import acled_actor_type, normalise_actor

    troops = normalise_actor("Russian troops")
    assert acled_actor_type(troops, "RUS") == "State forces"
    assert acled_actor_type(troops, "SYR") == "External/Other forces"


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        # a student arrested is an arrest, not an intervention in a protest
        ("Police arrested a student in Dhaka on Monday for a post on social media.", "Arrests"),
        # the demonstration is what the detainees are accused of, not the event
        ("Security forces detained dozens of people who organised or joined the demonstrations.", "Arrests"),
        # the protesters' own road blocks are no intervention against them
        ("Farmers blocked roads and railways on Monday to protest the new farm laws.", "Peaceful protest"),
        # the detention is what they demand be undone, not an intervention in this march
        (
            "Protesters marched through the capital, demanding the release of activists detained by police.",
            "Peaceful protest",
        ),
        # the killing last month is why they march
        (
            "Thousands rallied in Khartoum on Saturday to mourn protesters killed last month in a raid.",
            "Peaceful protest",
        ),
    ],
)
def test_the_act_of_the_main_clause_decides_the_subtype(analyze, text: str, acled: str) -> None:
    art = analyze(text, published=PUBLISHED)
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.acled_subtype == acled


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Soldiers defused a roadside bomb near Kandahar on Monday.", "Disrupted weapons use"),
        (
            "Army engineers safely detonated an unexploded shell in a field near Mosul.",
            "Disrupted weapons use",
        ),
        ("Israeli jets destroyed a weapons depot near Damascus on Monday.", "Air/drone strike"),
        ("Militants detonated a bomb at a market in Kabul on Monday.", "Remote explosive/landmine/IED"),
    ],
)
def test_weapons_by_the_act_not_the_word(analyze, text: str, acled: str) -> None:
    art = analyze(text, published=PUBLISHED)
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.acled_subtype == acled


@pytest.mark.parametrize(
    ("text", "acled"),
    [
        ("Ukrainian troops retook the village of Robotyne on Monday.", "Government regains territory"),
        ("A clan militia captured the town of Beledweyne on Monday.", "Non-state actor overtakes territory"),
        (
            "Government forces withdrew from the town of Kidal, handing it to the rebels without a fight.",
            "Non-violent transfer of territory",
        ),
    ],
)
def test_territory_changes_by_who_gains(analyze, text: str, acled: str) -> None:
    art = analyze(text, published=PUBLISHED)
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.acled_subtype == acled
