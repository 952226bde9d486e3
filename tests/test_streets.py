"""The street words' one table feeds both readers: the places' landmark heads and the
times' house-number test."""

from __future__ import annotations

import pytest

from dateline.extract.places.mentions import LANDMARK_HEADS
from dateline.streets import address_words, name_words


def test_every_street_name_word_is_a_landmark_head() -> None:
    assert name_words() <= LANDMARK_HEADS
    assert {"street", "st", "st.", "route", "hwy", "hwy."} <= name_words()


def test_words_that_end_other_names_count_only_after_a_house_number() -> None:
    # "Supreme Court", "Zebulon Pike": no landmark by their last word alone
    assert "court" not in LANDMARK_HEADS
    assert "pike" not in LANDMARK_HEADS
    assert {"Court", "Ct", "Ct.", "Pike"} <= set(address_words())


@pytest.mark.parametrize("word", sorted(name_words()))
def test_an_address_can_end_in_any_street_name_word(word: str) -> None:
    assert word.capitalize() in address_words()
