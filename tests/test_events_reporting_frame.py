"""Words that report no occurrence: a forecast and the article's own sourcing (issue 19, precision).

"Analysts warned that the militants could attack again" tells a possibility, with no act of
the warner's own: PLOVER's THREATEN is an actor's stated intent ("warned that the army will
crush any uprising"). "Told a news conference", "did not respond to a request for comment",
"not authorised to talk to the media" tell how the reporter got the story, not something that
happened in it. The possible act itself stays, with its own modality. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

from event_helpers import covering

pytestmark = pytest.mark.model

PUBLISHED = "2024-05-13"


@pytest.mark.parametrize(
    ("text", "word", "possible"),
    [
        (
            "Relief workers warned on Monday that the gangs could seize more roads before the rains.",
            "warned",
            "seize",
        ),
        (
            "Officials cautioned that the insurgents might attack polling stations next week.",
            "cautioned",
            "attack",
        ),
        ("Diplomats warn that the militia may kidnap more foreign engineers.", "warn", "kidnap"),
    ],
)
def test_a_warning_of_what_may_happen_is_no_threat(analyze, text: str, word: str, possible: str) -> None:
    art = analyze(text, published=PUBLISHED)
    assert not [ev for ev in covering(art, word) if ev.type == "THREATEN"]
    kept = covering(art, possible)
    assert kept and all(ev.modality == "hypothetical" for ev in kept)


@pytest.mark.parametrize(
    "text",
    [
        "The defence minister warned that the army will crush any uprising in the north.",
        "The rebels warned residents to leave the city before the offensive.",
    ],
)
def test_a_warning_of_the_warners_own_act_stays_a_threat(analyze, text: str) -> None:
    art = analyze(text, published=PUBLISHED)
    assert [ev for ev in covering(art, "warned") if ev.type == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen shot dead two guards at the depot, the police chief told a news conference.", "conference"),
        (
            "Gunmen shot dead two guards at the depot; the army did not respond to a request for comment.",
            "request",
        ),
        (
            "Gunmen shot dead two guards at the depot, said a clerk who was not authorised to talk to the media.",
            "talk",
        ),
    ],
)
def test_the_reports_own_sourcing_is_no_event(analyze, text: str, word: str) -> None:
    art = analyze(text, published=PUBLISHED)
    assert not covering(art, word)
    assert covering(art, "shot")


def test_a_news_conference_held_as_an_act_stays_an_event(analyze) -> None:
    text = "Leaders of both parties held a news conference in Accra on Friday to announce the deal."
    art = analyze(text, published=PUBLISHED)
    assert [ev for ev in covering(art, "conference") if ev.type == "CONSULT"]
