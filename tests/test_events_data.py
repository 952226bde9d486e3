"""The event coding data files: every PLOVER type and mode is reachable, every ACLED name is real."""

from __future__ import annotations

import pytest

from dateline.extract.events.acled import ACLED_TYPE, SUBTYPE_RANK
from dateline.extract.events.patterns import patterns_by_lemma
from dateline.extract.events.plover import valid_modes
from dateline.resolve.actors import load_event_data

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "SANCTION", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
# classes the coder resolves from actors and sentence (see acled.py)
ACLED_CLASSES = {"territory", "violence", "protest"}


def _entries() -> list[dict]:
    return load_event_data("triggers.json")["triggers"]


def test_triggers_cover_all_sixteen_plover_types() -> None:
    assert {e["type"] for e in _entries()} == PLOVER_TYPES


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["id"])
def test_trigger_entries_are_well_formed(entry: dict) -> None:
    assert entry["type"] in PLOVER_TYPES
    assert entry.get("verbs") or entry.get("nouns")
    if entry.get("mode"):
        assert entry["mode"] in valid_modes()[entry["type"]]
    acled = entry.get("acled")
    assert acled is None or acled in ACLED_TYPE or acled in ACLED_CLASSES
    for case in entry.get("cases", []):
        assert case.get("acled") is None or case["acled"] in ACLED_TYPE
        assert case.get("type", entry["type"]) in PLOVER_TYPES


def test_trigger_ids_are_unique() -> None:
    ids = [e["id"] for e in _entries()]
    assert len(ids) == len(set(ids))


def test_patterns_compile_once_and_prefer_longer_phrases() -> None:
    index = patterns_by_lemma()
    assert index is patterns_by_lemma()  # cached per process
    strike = index["strike"]
    assert len(strike[0].extra) >= len(strike[-1].extra)
    assert any(p.extra == ("air",) for p in strike)


def test_every_acled_subtype_has_a_rank_and_an_event_type() -> None:
    assert set(SUBTYPE_RANK) == set(ACLED_TYPE)
    assert set(ACLED_TYPE.values()) == {
        "Battles", "Protests", "Riots", "Explosions/Remote violence", "Violence against civilians",
        "Strategic developments",
    }  # fmt: skip


def test_cue_lists_name_real_subtypes() -> None:
    cues = load_event_data("acled_cues.json")
    for key in ("instrument", "protest"):
        for entry in cues[key]:
            assert entry["acled"] in ACLED_TYPE
            assert entry["cues"]
