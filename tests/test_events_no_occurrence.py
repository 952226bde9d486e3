"""Event words that report no occurrence in the story (issue 19, precision).

A group named by an event noun ("an alliance of rebel groups"), a motion in a trial ("his
lawyer asked for more time"), the occasion the press was told ("said at a news
conference"), a bare stance or resource in a phrase ("in solidarity with", "dependent on
aid") and fighting told as a whole war ("fought a war in 1998") are no events of the story; the same words as acts stay events. Sentences
written for these tests.
"""

from __future__ import annotations

import pytest

from event_helpers import covering

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Northern Front, an alliance of rebel groups, said it had taken the town.", "alliance"),
        ("Fighters from a rival alliance of local gangs blocked the road on Friday.", "alliance"),
        ("The hearing was adjourned until May 3 after his lawyer asked for more time.", "asked"),
        ("Prosecutors will ask that the suspect be held for another week.", "ask"),
        ("The minister said at a news conference in Nairobi that the town was calm.", "conference"),
        ("The army spokesman told a press briefing that two soldiers were missing.", "briefing"),
        ("Students marched to the ministry on Sunday in solidarity with the strikers.", "solidarity"),
        ("More than two million people are dependent on aid after the floods.", "aid"),
        ("Kasa and Ludo fought a war in 1998 that ended with a truce.", "fought"),
        ("The militia, which fought alongside the army in the 1990s war, took up arms again.", "fought"),
    ],
)
def test_no_occurrence_is_no_event(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two countries formed an alliance against the rebels in 1990.", "alliance"),
        ("The families asked the governor to release the bodies of the victims.", "asked"),
        ("Opposition leaders met in Nairobi on Monday to discuss the crisis.", "met"),
        ("Japan pledged $5 million in aid to the refugees on Monday.", "aid"),
        ("The minister expressed solidarity with the victims on Monday.", "expressed"),
        ("Soldiers fought rebels in the hills near Kasa on Monday.", "fought"),
        ("The army captured the northern valley in the 1990s war, a spokesman recalled.", "captured"),
    ],
)
def test_the_same_words_as_acts_stay_events(analyze, text: str, word: str) -> None:
    assert covering(analyze(text, published=PUBLISHED), word), word
