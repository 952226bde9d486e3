"""One record per real event, the main event first (issue 19), over the real parse.

Sentences are written for these tests (none comes from a gold file).
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"  # a Monday

BOMBING = (
    "A roadside bomb exploded beside a bus near Kirkuk on Tuesday, killing four passengers and "
    "wounding nine. Police said the blast was the deadliest in the province this year. "
    "In a separate attack on Wednesday, gunmen shot dead a shopkeeper in Basra."
)


def _place(art: Article, ev: Event) -> str | None:
    return next((p.text for p in art.places if p.id == ev.place), None)


def _covering(art: Article, word: str) -> list[Event]:
    start = art.text.index(word)
    return [ev for ev in art.events if any(s <= start < e for s, e in ev.mentions)]


def test_one_bombing_is_one_record_with_its_mentions_and_counts(analyze) -> None:
    art = analyze(BOMBING, published=PUBLISHED)
    bombing = _covering(art, "exploded")
    assert len(bombing) == 1
    ev = bombing[0]
    # the explosion, the killing, the wounding and "the blast" a sentence later: one event
    for word in ("killing", "wounding", "blast"):
        assert _covering(art, word) == [ev], word
    assert ev.acled_subtype == "Remote explosive/landmine/IED"
    assert ev.span in ev.mentions and ev.mentions == sorted(ev.mentions)
    counts = {c.unit: c.value for c in ev.counts}
    assert counts.get("killed") == 4 and counts.get("injured") == 9
    assert _place(art, ev) == "Kirkuk"
    assert ev.date is not None and ev.date.value == "2019-05-07"


def test_a_separate_attack_stays_a_second_event(analyze) -> None:
    art = analyze(BOMBING, published=PUBLISHED)
    second = _covering(art, "shot")
    assert len(second) == 1
    assert second[0] is not _covering(art, "exploded")[0]
    assert _place(art, second[0]) == "Basra"
    assert second[0].date is not None and second[0].date.value == "2019-05-08"
    assert len([ev for ev in art.events if ev.type == "ASSAULT"]) == 2


def test_an_attack_in_another_town_is_not_merged_by_its_definite_article(analyze) -> None:
    text = (
        "Militants attacked an army post in Kidal on Friday. "
        "On Saturday, the attack on a market in Gao killed six people."
    )
    art = analyze(text, published=PUBLISHED)
    first, second = _covering(art, "attacked"), _covering(art, "attack on")
    assert first and second and first[0] is not second[0]


def test_the_main_asserted_event_comes_before_its_cause(analyze) -> None:
    art = analyze(
        "Residents angry over the killing of a teenager marched through Lagos on Monday.",
        published=PUBLISHED,
    )
    headline = next(ev for ev in art.events if ev.acled_subtype)
    assert headline.type == "PROTEST"
    cause = _covering(art, "killing")
    assert cause and art.events.index(cause[0]) > art.events.index(headline)


def test_a_past_scene_keeps_its_own_date_and_comes_after(analyze) -> None:
    art = analyze(
        "The town, which was the scene of a chemical attack in 2017, was hit by air strikes on Friday.",
        published=PUBLISHED,
    )
    headline = next(ev for ev in art.events if ev.acled_subtype)
    # the weapon is the act's own: the chemical attack of the past scene does not colour it
    assert headline.acled_subtype == "Air/drone strike"
    past = _covering(art, "attack in 2017")
    assert past and past[0] is not headline
    assert past[0].date is not None and past[0].date.value == "2017"


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
