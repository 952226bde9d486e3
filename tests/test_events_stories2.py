"""Integrity of the check set of whole conflict articles (issue 19): ``data/events_stories2.jsonl``.

The eight stories were written for this file (invented events and people, real places) and
annotated by hand from ``spec/EVENTS.md``, ``spec/RECORDS.md`` and ``spec/GOLD.md`` before the
pipeline or the scorer was run on them, so that they stay a check set the event work is not
tuned on. The shape is the one of ``data/events_stories.jsonl``: each gold event lists every
word that reports it in ``mentions`` (headline words included), ``span`` is its most specific
mention, ``place``/``place_span`` its own most specific place as written.

These tests, with the checks every set shares in ``test_events_story_files.py``, check the
file, not the pipeline (the score floors come after a measurement).

Annotation conventions, applied the same way in every story:

- Annotated: what happened (``asserted``); what only a party to the fight says happened
  (``claimed``: the army's recapture of a town the other side says it still holds, a drone the
  other side says it shot down); what an actor announces it will do with a time
  (``planned``: a march "next Tuesday"); specific earlier events with a time anchor (a capture
  "in October 2023", an ambush "In October 2019", a peace deal of 2014), ``asserted`` with
  their own date.
- Verbal events are events (EVENTS.md): a denial or rejection is REJECT, a condemnation is
  ACCUSE disapprove, blaming or accusing is ACCUSE allege, "called on"/"urged"/"demanded" is
  REQUEST, a vow of force or retaliation is THREATEN violence (a vow to march is a planned
  PROTEST, not a threat). Verbal events carry no place and no date.
- Not annotated (listed in ``NON_EVENTS`` below and checked to carry no mention): negated
  events ("no one was hurt", a report of gunfire that "turned out to be firecrackers", "no group
  has claimed responsibility"), hypotheticals and intentions ascribed by others ("could attempt
  more attacks", "had been preparing an attack"), habitual or generic references with no single
  occurrence ("has been shelled and bombed almost daily", "cycles of attacks and reprisals"),
  a war's onset and its aggregate tolls ("which erupted in April 2023", "has killed tens of
  thousands"), displacement ("fled"), condolences, court procedure (a hearing, an adjournment,
  being taken to court), count updates ("the death toll had risen"), tactical movement
  ("withdrew into the mountains") and the consequences of a strike ("knocking out heating").
  A claim of responsibility is not an event of its own: it names the attack's actor.
- One event per act. Destruction in the course of an attack (houses burned in a raid, a plant
  damaged by the missiles) and its casualties ("killing", "wounding", "died") are mentions of
  that attack, also inside another party's words ("targeted", "massacring", "neutralised").
  Fighting between two forces is one Armed clash with both sides as ``actor`` and is a
  separate event from a capture it leads to; a shell that kills civilians in a house is its
  own shelling event; police force against a crowd is ASSAULT crowd-control beside the
  PROTEST and the COERCE arrest (as in the first stories).
- ACLED's "Disrupted weapons use" (a device defused, a drone or missile shot down) is COERCE
  seize, following the crosswalk in EVENTS.md; "Looting/property destruction" (a shop looted,
  vehicles set on fire to block a highway) is ASSAULT destroy.
- ``date`` is set when the text fixes the day (or month, or year) of the act, else null;
  ``place`` is null when the text gives none; ``place_span`` points at the place's name in the
  event's sentence, or at its first mention in the body when the sentence only says "the
  town" or "the area". Non-state groups have ``actor_country`` null, as in the first stories.
"""

from __future__ import annotations

from pathlib import Path

from story_checks import load

STORIES = Path(__file__).parent / "data" / "events_stories2.jsonl"

# Words in each story that report no event, deliberately left out of the gold (see the module
# docstring): each must occur once in its story and overlap no gold mention.
NON_EVENTS: dict[str, tuple[str, ...]] = {
    "story2-jowhar-mosque-bombing": (
        "claimed responsibility",
        "the death toll had risen",
        "has long been a target",
        "has since regained ground",
        "have fought for more than 15 years",
    ),
    "story2-bara-recapture": (
        "remained in full control",
        "fled with his family",
        "Retaking it would ease pressure",
        "which erupted in April 2023",
        "has killed tens of thousands",
        "Several rounds of talks",
    ),
    "story2-anefis-drone-strike": (
        "preparing an attack",
        "has been hit by several strikes this year",
        "documented dozens of strikes",
        "did not respond",
    ),
    "story2-nairobi-tax-protest": (
        "tried to walk up",
        "would be taken to court",
        "mobilises on social media",
        "due to vote on the bill",
        "before dispersing",
    ),
    "story2-aguililla-ambush": (
        "withdrew into the mountains",
        "flown by helicopter",
        "No one was hurt",
        "has fought it for control",
        "Cartel violence has killed",
    ),
    "story2-mushu-village-raid": (
        "bodies had been recovered",
        "accused farming communities",
        "fled Mushu",
        "cycles of attacks and reprisals",
        "have been prosecuted",
    ),
    "story2-kharkiv-missile-strike": (
        "knocking out heating",
        "put out a fire",
        '"terrorist attacks"',
        "trying to break",
        "shelled and bombed almost daily",
        "full-scale invasion",
    ),
    "story2-isulan-bus-bombing-arrest": (
        "week-long manhunt",
        "preliminary hearing",
        "was adjourned",
        "No group has claimed responsibility",
        "A report of gunfire",
        "no one was hurt",
        "expressed condolences",
        "could attempt more attacks",
        "remain active",
    ),
}


ARTICLES = load(STORIES)
PREFIX = "story2-"


def test_the_story_kinds_the_brief_asked_for_are_there() -> None:
    by_id = {art["id"]: art for art in ARTICLES}
    kinds = {(ev["type"], ev["acled_subtype"], ev["modality"]) for art in ARTICLES for ev in art["events"]}
    for wanted in (
        ("ASSAULT", "Suicide bomb", "asserted"),
        ("ASSAULT", "Government regains territory", "claimed"),
        ("ASSAULT", "Air/drone strike", "asserted"),
        ("PROTEST", "Protest with intervention", "asserted"),
        ("PROTEST", None, "planned"),
        ("ASSAULT", "Abduction/forced disappearance", "asserted"),
        ("ASSAULT", "Attack", "asserted"),
        ("ASSAULT", "Shelling/artillery/missile attack", "asserted"),
        ("COERCE", "Disrupted weapons use", "asserted"),
        ("REJECT", None, "asserted"),
        ("THREATEN", None, "asserted"),
    ):
        assert wanted in kinds, wanted
    # background events from earlier years sit beside the main event
    for sid in ("story2-anefis-drone-strike", "story2-aguililla-ambush"):
        published_year = by_id[sid]["published"][:4]
        assert any(ev["date"] and ev["date"][:4] < published_year for ev in by_id[sid]["events"])
