"""Tactical movement and displacement are no event (issue 19, precision).

PLOVER's RETREAT withdraw and ACLED's non-violent transfer of territory code ground or a
position given up ("withdrew from the town"); movers told only with the direction they went
("retreated into the hills", "withdrawing towards the river") hand nothing over: the getaway
ends the act before it. Civilians on the move ("residents left the village", "families
arrived in the city") are displaced, which the conventions do not code. Sentences written for
these tests.
"""

from __future__ import annotations

import pytest

from event_helpers import covering

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Gunmen raided a police post in Kasa on Monday, then retreated into the hills.", "retreated"),
        (
            "The insurgents looted shops in Mora before withdrawing towards the river on Friday.",
            "withdrawing",
        ),
        ("The attackers withdrew into the forest with two hostages, the army said.", "withdrew"),
    ],
)
def test_a_getaway_is_no_withdrawal(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Government troops withdrew from the town of Kasa on Monday.", "withdrew"),
        ("The rebels pulled out of the border post at dawn, residents said.", "pulled"),
        ("The army withdrew its troops into the barracks after the election.", "withdrew"),
    ],
)
def test_ground_given_up_stays_a_withdrawal(analyze, text: str, word: str) -> None:
    assert covering(analyze(text, published=PUBLISHED), word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Residents left the village after the attack on Sunday.", "left"),
        ("About 2,000 people have arrived in the city since Sunday, the agency said.", "arrived"),
        ("Aid groups urged both sides to open safe routes for civilians leaving the town.", "leaving"),
        ("The bus was pulling out of the station when the bomb went off.", "pulling"),
        ("Rescuers pulled a boy out from under the rubble of the school.", "pulled"),
    ],
)
def test_civilians_on_the_move_are_displaced(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word), word
