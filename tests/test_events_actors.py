"""Actor normalisation: country from demonyms and names, PLOVER sector, named groups."""

from __future__ import annotations

import json

import pytest

from dateline.resolve import actors
from dateline.resolve.actors import is_government, named_actor, normalise_actor


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Syrian government forces", "SYR", "MIL"),
        ("Iraqi forces", "IRQ", "MIL"),
        ("Russian jets", "RUS", "MIL"),
        ("the Egyptian police", "EGY", "COP"),
        ("the Syrian opposition", "SYR", "OPP"),
        ("Kenyan rebels", "KEN", "REB"),
        ("the defence ministry in Moscow", "RUS", "MIL"),
        ("Russia", "RUS", "GOV"),
        ("Turkish protesters", "TUR", "CVL"),
    ],
)
def test_country_and_sector(text: str, country: str, sector: str) -> None:
    actor = normalise_actor(text)
    assert (actor.country, actor.sector) == (country, sector)
    assert actor.text == text


@pytest.mark.parametrize(
    "text", ["ISIS", "IS", "Islamic State", "ISIL fighters", "Daesh militants", "IS fighters"]
)
def test_islamic_state_aliases_are_one_actor(text: str) -> None:
    actor = normalise_actor(text)
    assert actor.name == "Islamic State"
    assert actor.sector == "INS"


def test_lower_case_is_is_not_the_group() -> None:
    assert named_actor("the town is quiet") is None


def test_backers_do_not_give_the_actor_their_country() -> None:
    actor = normalise_actor("Turkey-backed opposition forces")
    assert actor.country is None
    assert actor.sector == "REB"


def test_government_and_non_state_actors() -> None:
    assert is_government(normalise_actor("Yemeni government forces")) is True
    assert is_government(normalise_actor("Houthi rebels")) is False
    assert is_government(normalise_actor("al-Shabaab militants")) is False
    assert is_government(None) is None


def test_users_can_extend_the_dictionary(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "more.json"
    extra.write_text(
        json.dumps(
            {
                "actors": [
                    {"name": "Northern Wolves", "sector": "REB", "country": "NER", "aliases": ["Wolves"]}
                ]
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.setenv("DATELINE_ACTORS", str(extra))
    actors._dictionary.cache_clear()
    named_actor.cache_clear()
    try:
        actor = normalise_actor("Wolves fighters")
        assert (actor.name, actor.country, actor.sector) == ("Northern Wolves", "NER", "REB")
    finally:
        monkeypatch.delenv("DATELINE_ACTORS")
        actors._dictionary.cache_clear()
        named_actor.cache_clear()
