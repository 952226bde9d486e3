"""Entities: clustering, roles, groups, and types corrected by the place stage."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_short_forms_cluster_and_roles_come_from_titles_and_appositions(pipeline) -> None:
    text = (
        "Interior Minister Amina Diallo visited Bamako on Monday. Karim Touré, a spokesman for the "
        "opposition alliance, criticised the trip. Diallo said the visit went well."
    )
    article = pipeline(text, published="2024-03-05")
    people = {e.name: e for e in article.entities if e.type == "PERSON"}
    assert len(people["Amina Diallo"].mentions) >= 2
    assert "Interior Minister" in people["Amina Diallo"].roles
    assert "a spokesman for the opposition alliance" in people["Karim Touré"].roles


def test_known_armed_groups_are_groups(pipeline) -> None:
    article = pipeline("Hezbollah fired rockets at the border, the army said.", published="2024-03-05")
    group = next(e for e in article.entities if e.name == "Hezbollah")
    assert group.type == "GROUP" and group.country == "LBN"


def test_an_entity_resolved_as_a_place_is_typed_as_one(pipeline) -> None:
    article = pipeline(
        "The army said it would launch an offensive against militants in Raqqa and Dier al-Zor, in Syria.",
        published="2016-03-27",
    )
    places = {p.text for p in article.places if p.lat is not None}
    for ent in article.entities:
        if ent.name in places:
            assert ent.type in ("GPE", "LOC"), ent
