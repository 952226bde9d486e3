"""The table of macro-regions, waters and ranges (resources/places/physical.tsv), no model."""

from __future__ import annotations

import pytest

from dateline.resolve import physical


def test_every_row_has_a_point_and_a_known_feature() -> None:
    kinds = {"region", "ocean", "sea", "lake", "river", "mountains", "desert"}
    rows = {f.candidate.eid: f.candidate for feats in physical.features().values() for f in feats}
    assert len(rows) > 100
    for cand in rows.values():
        assert cand.feature in kinds, cand
        assert (
            cand.lat is not None
            and -90 <= cand.lat <= 90
            and cand.lon is not None
            and -180 <= cand.lon <= 180
        )
        assert cand.gid is None and cand.eid < 0  # never confused with a gazetteer entry


@pytest.mark.parametrize(
    ("text", "after_the", "name", "feature"),
    [
        ("Middle East", False, "Middle East", "region"),
        ("Mideast", False, "Middle East", "region"),
        ("West Africa", False, "West Africa", "region"),
        ("Balkans", True, "Balkans", "region"),
        ("Atlantic", True, "Atlantic Ocean", "ocean"),
        ("Black Sea", False, "Black Sea", "sea"),
        ("Lake Victoria", False, "Lake Victoria", "lake"),
        ("Urals", True, "Ural Mountains", "mountains"),
        ("West", True, "West", "region"),
    ],
)
def test_names_and_aliases(text: str, after_the: bool, name: str, feature: str) -> None:
    cand = physical.lookup(text, after_the)
    assert cand is not None and cand.name == name and cand.feature == feature


@pytest.mark.parametrize("text", ["West", "Atlantic", "Pacific", "Amazon"])
def test_town_like_forms_need_the_article(text: str) -> None:
    """West (Texas), Atlantic (Iowa), Pacific (Missouri), Amazon (the firm): only "the X"."""
    assert physical.lookup(text, after_the=False) is None
    assert physical.lookup(text, after_the=True) is not None


def test_unknown_names_are_not_in_the_table() -> None:
    assert physical.lookup("Springfield", after_the=True) is None
