"""Integrity checks shared by the hand-written check sets of whole conflict articles.

``data/events_stories2.jsonl`` and ``data/events_stories3.jsonl`` are gold files in one shape
(each event lists every word that reports it in ``mentions``; ``span`` is its most specific
mention; ``place``/``place_span`` its own most specific place as written). The checks live
here once so that both test modules hold their file to the same contract; each module keeps
its own annotation notes and its list of deliberate non-events.
"""

from __future__ import annotations

import json
import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

# PLOVER types and their modes, as listed in spec/EVENTS.md (modes are keyed by type).
PLOVER_MODES: dict[str, frozenset[str]] = {
    kind: frozenset(modes.split())
    for kind, modes in {
        "AGREE": "",
        "CONSULT": "visit third-party multilateral phone",
        "SUPPORT": "",
        "CONCEDE": "",
        "COOPERATE": "",
        "AID": "",
        "RETREAT": "withdraw release return disarm ceasefire access resign",
        "REQUEST": "assist change yield meet",
        "ACCUSE": "disapprove investigate allege",
        "REJECT": "assist change yield meet",
        "THREATEN": "restrict arrest relations expel territory violence ban rights",
        "SANCTION": "convict expel withdraw discontinue",
        "PROTEST": "demo riot strike hunger boycott obstruct vandalize",
        "MOBILIZE": "troops weapons police militia",
        "COERCE": "seize restrict censor curfew martial-law arrest deport withhold misinformation cyber ban",
        "ASSAULT": "abduct beat torture sexual targeted destroy primitive firearms explosives "
        "suicide-attack aerial drone heavy-weapons crowd-control unconventional execute "
        "assassinate massacre",
    }.items()
}

# The 25 ACLED sub-event types listed in spec/EVENTS.md.
ACLED_SUBTYPES = frozenset(
    {
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
        "Violent demonstration",
        "Mob violence",
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    }
)

MODALITIES = frozenset({"asserted", "claimed", "planned", "negated", "hypothetical"})
EVENT_KEYS = {
    "type",
    "mode",
    "acled_subtype",
    "actor",
    "actor_country",
    "target",
    "place",
    "date",
    "mentions",
    "span",
    "text",
    "place_span",
    "modality",
}
DATE_VALUE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
# A wire dateline opens the second paragraph: "CITY -" or "CITY, Country -".
DATELINE = re.compile(r"[A-Z][A-Z .'-]+(, [A-Z][A-Za-z ]+)? - ")


def load(path: Path) -> list[dict]:
    """The articles of a JSONL stories file, in file order."""
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def event_params(articles: list[dict]) -> list:
    """One pytest param per gold event, named by story, word and offset."""
    return [
        pytest.param(art, ev, id=f"{art['id']}:{ev['text']}@{ev['span'][0]}")
        for art in articles
        for ev in art["events"]
    ]


def kinds_of(events: list[dict]) -> set[tuple]:
    """The (type, mode, ACLED sub-type, modality) kinds a list of gold events holds."""
    return {(ev["type"], ev["mode"], ev["acled_subtype"], ev["modality"]) for ev in events}


def this_year(art: dict) -> list[dict]:
    """The story's events dated in its own year (its background events of earlier years left out)."""
    year = art["published"][:4]
    return [ev for ev in art["events"] if ev["date"] and ev["date"][:4] == year]


def the_one_assault(art: dict) -> dict:
    """The one ASSAULT a breaking item dates in its own year; fails unless there is exactly one."""
    assaults = [ev for ev in this_year(art) if ev["type"] == "ASSAULT"]
    assert len(assaults) == 1
    return assaults[0]


def check_kinds_present(articles: list[dict], wanted: tuple[tuple, ...]) -> None:
    """Each wanted (type, mode, ACLED sub-type, modality) kind is among the set's gold events."""
    kinds = kinds_of([ev for art in articles for ev in art["events"]])
    for kind in wanted:
        assert kind in kinds, kind


def _inside(text: str, span: list[int]) -> bool:
    return len(span) == 2 and 0 <= span[0] < span[1] <= len(text)


def check_file_format(articles: list[dict], prefix: str, non_events: dict) -> None:
    """Eight distinct stories in the gold record shape, each with events."""
    ids = [art["id"] for art in articles]
    assert len(ids) == 8 and len(set(ids)) == 8
    assert set(ids) == set(non_events)
    for art in articles:
        assert art["id"].startswith(prefix)
        assert art["dataset"] == "stories"
        assert art["layers"] == ["events"]
        date.fromisoformat(art["published"])
        assert art["events"], art["id"]


def check_wire_copy(art: dict, words: tuple[int, int] = (300, 550)) -> None:
    """A headline line, a body opening on a wire dateline, 300-550 words unless the genre asks
    for another length (a short agency item, a long feature)."""
    headline, _, body = art["text"].partition("\n\n")
    assert headline and "\n" not in headline
    assert DATELINE.match(body), body[:60]
    assert words[0] <= len(art["text"].split()) <= words[1]


def check_spans(art: dict, ev: dict) -> None:
    """Every mention lies in the text without edge blanks; ``span`` is one of them."""
    text = art["text"]
    assert set(ev) == EVENT_KEYS
    assert ev["mentions"] == sorted(ev["mentions"])
    for span in ev["mentions"]:
        assert _inside(text, span), span
        assert text[span[0] : span[1]].strip() == text[span[0] : span[1]]
    assert ev["span"] in ev["mentions"]
    assert text[ev["span"][0] : ev["span"][1]] == ev["text"]


def check_place_span(art: dict, ev: dict) -> None:
    """The place's span, where there is one, writes the place's name."""
    if ev["place_span"] is None:
        return
    assert _inside(art["text"], ev["place_span"])
    written = art["text"][ev["place_span"][0] : ev["place_span"][1]]
    assert ev["place"] and ev["place"] in written, (ev["place"], written)


def check_codes(ev: dict) -> None:
    """Types, modes, ACLED sub-types, modality, country and date come from the spec lists."""
    assert ev["type"] in PLOVER_MODES
    assert ev["mode"] is None or ev["mode"] in PLOVER_MODES[ev["type"]], ev["mode"]
    assert ev["acled_subtype"] is None or ev["acled_subtype"] in ACLED_SUBTYPES
    assert ev["modality"] in MODALITIES
    country = ev["actor_country"]
    assert country is None or re.fullmatch(r"[A-Z]{3}", country)
    assert ev["date"] is None or DATE_VALUE.fullmatch(ev["date"]), ev["date"]


def check_date_against_publication(art: dict, ev: dict) -> None:
    """Only a planned event may be dated after the article's publication."""
    if ev["date"] is None:
        return
    published = art["published"]
    if ev["modality"] == "planned":
        assert ev["date"] > published
    else:
        assert ev["date"][: len(published)] <= published


def check_one_event_per_word(art: dict) -> None:
    """No two mentions (of one event or of two) overlap."""
    spans = sorted(span for ev in art["events"] for span in ev["mentions"])
    for before, after in pairwise(spans):
        assert before[1] <= after[0], (before, after)


def check_non_events(art: dict, phrases: tuple[str, ...]) -> None:
    """Each deliberate non-event occurs once in its story and overlaps no gold mention."""
    text = art["text"]
    spans = [span for ev in art["events"] for span in ev["mentions"]]
    for phrase in phrases:
        assert text.count(phrase) == 1, phrase
        start = text.index(phrase)
        end = start + len(phrase)
        assert not [s for s in spans if s[0] < end and start < s[1]], phrase
