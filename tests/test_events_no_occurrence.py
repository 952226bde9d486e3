"""Event words that report no occurrence in the story (issue 19, precision).

A group named by an event noun ("an alliance of rebel groups"), a motion in a trial ("his
lawyer asked for more time") and the occasion the press was told ("said at a news
conference") are no events of the story; the same words as acts stay events. Sentences
written for these tests.
"""

from __future__ import annotations

import pytest

from dateline.records import Article, Event

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"


def _covering(art: Article, word: str) -> list[Event]:
    start = art.text.index(word)
    return [ev for ev in art.events if any(s <= start < e for s, e in ev.mentions)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Northern Front, an alliance of rebel groups, said it had taken the town.", "alliance"),
        ("Fighters from a rival alliance of local gangs blocked the road on Friday.", "alliance"),
        ("The hearing was adjourned until May 3 after his lawyer asked for more time.", "asked"),
        ("Prosecutors will ask that the suspect be held for another week.", "ask"),
        ("The minister said at a news conference in Nairobi that the town was calm.", "conference"),
        ("The army spokesman told a press briefing that two soldiers were missing.", "briefing"),
    ],
)
def test_no_occurrence_is_no_event(analyze, text: str, word: str) -> None:
    assert not _covering(analyze(text, published=PUBLISHED), word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two countries formed an alliance against the rebels in 1990.", "alliance"),
        ("The families asked the governor to release the bodies of the victims.", "asked"),
        ("Opposition leaders met in Nairobi on Monday to discuss the crisis.", "met"),
    ],
)
def test_the_same_words_as_acts_stay_events(analyze, text: str, word: str) -> None:
    assert _covering(analyze(text, published=PUBLISHED), word), word
