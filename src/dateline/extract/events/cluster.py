"""One record per real event: the words that report one event become its mentions.

News tells one attack many times: "a car bomb exploded ..., killing five and wounding 12",
then "the blast", then "two more died in hospital". Each of those words is a trigger; a
data set that counts events must count one. A coded event joins an earlier one (its
*cluster*) when it is one of three kinds of mention:

- **outcome**: a casualty word (``coreference.outcomes``: killed, wounded, died, deaths)
  reports what a violent event did; it joins the violent event of its own sentence, else
  the latest one told within ``OUTCOME_WINDOW`` sentences before it.
- **anaphor**: a definite noun ("the blast", "this attack", "Saturday's bombing", or a
  gerund referring back, "by recapturing X") joins the latest event of a compatible kind
  within ``ANAPHOR_WINDOW`` sentences.
- **same-clause restatement**: in one sentence, a generic violence word ("attack",
  "shooting") joins the specific one it restates ("an explosion ... in an attack"), and
  two words of the same trigger family ("bombing", "blast") are one event.
- **continuation**: a material act of the same kind told again a few sentences on without a
  determiner ("gunmen stormed the hotel ... Witnesses said gunmen stormed the lobby")
  joins the latest such event within ``CONTINUATION_WINDOW`` sentences: news retells its
  event, and a second one is told as such (another place or date, "a separate attack", or a
  date of its own the event lacks). Another violent act told after an attack ("the gunmen
  burned the market") is a part of it when its doer is of the event's doers' sector (or
  untold, in the very next sentence), its place one the event named, and it is the same
  kind of violence (a strike from afar and ground fighting are two events; a capture is
  its own).
- **purpose**: an infinitive of purpose ("police fired tear gas to disperse the crowd",
  "gunmen set fire to trucks to block the road") is what the act of its verb was for: it
  joins that act when both are material conflict, and never becomes its head.
- **time anchor**: an event named to date another ("hours after the market explosion,
  gunmen opened fire") is one told before; it joins it, and its sentence's acts are not it.
- **headline**: the title restates the lead. An act told in the title lines (the first
  short lines with no closing stop) is joined by the first body mention of the same kind.

A mention never joins when it says it is another ("another attack", "a separate blast"),
when its modality differs (a denied or planned attack is not the one that happened; but a
definite noun in a denied or supposed frame, "did not comment on the strike", names the
one told), when
both name different dates, or when both name places that do not contain one another. A
second attack told with its own place or date therefore stays a second event.

The merged record keeps the most specific mention's type, sub-type and span; its
``mentions`` list every span; actor, target, place and date are the best any mention
gives (the most specific place, the most precise date); counts are gathered from all
mentions, one per unit, the lowest figure as the value and the range as low/high when
mentions disagree (ACLED's conservative rule).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable

from dateline.extract.events.acled import acled_type_of
from dateline.extract.events.attributes import place_grain
from dateline.extract.events.build import CodedEvent
from dateline.records import Count, EventDate, Place
from dateline.resolve.actors import load_event_data

__all__ = ["ANAPHOR_WINDOW", "CONTINUATION_WINDOW", "OUTCOME_WINDOW", "cluster_events", "title_end"]

OUTCOME_WINDOW = 3
ANAPHOR_WINDOW = 12
CONTINUATION_WINDOW = 6
# acts whose retelling is the same event: material conflict (a second accusation or denial
# is a new statement)
_CONTINUED = frozenset({"ASSAULT", "PROTEST", "COERCE"})
# what an act did besides casualties ("..., destroying a school"); "..., targeting X" is its aim,
# told with a place of its own
_RESULTS = frozenset({"destroy"})
_TITLE_WORDS = 25
_STOPS = ".!?:\"”’'"
# generic violence words: they restate a more specific act of their own sentence
_GENERIC = frozenset({"attack", "violent_death", "offensive"})
_VIOLENT = frozenset({"ASSAULT"})
_OUTCOME_HOSTS = frozenset({"ASSAULT", "PROTEST"})
_REAL = ("asserted", "claimed")
_PRECISION = {"day": 0, "week": 1, "month": 2, "year": 3}
_CASUALTY_UNITS = frozenset({"killed", "injured", "arrested", "abducted"})
_REMOTE = "Explosions/Remote violence"
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


@functools.cache
def _outcomes() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["coreference"]["outcomes"])


def _is_outcome(c: CodedEvent) -> bool:
    return (c.lemma in _outcomes() or c.caused) and c.event.type in _VIOLENT


def _family(c: CodedEvent) -> str | None:
    """The ACLED event type of the mention, else its PLOVER type."""
    return acled_type_of(c.event.acled_subtype) or c.event.type


def _unreal_anaphor(c: CodedEvent) -> bool:
    """ "did not comment on the strike", "unclear whether they were linked to the attack": a
    definite noun pointing back, in a denied or supposed frame that is about what is said of
    the event, not about whether it happened."""
    return c.anaphoric and c.event.modality in ("negated", "hypothetical")


def _head_key(c: CodedEvent) -> tuple:
    # what an act was for ("to disperse"), or an anaphor in a denied frame, never stands for
    # the act itself
    return (
        c.purpose_of is None and not _unreal_anaphor(c),
        c.rank,
        c.pattern not in _GENERIC and not _is_outcome(c),
        -c.event.span[0],
    )


class _Cluster:
    """The mentions of one event, with what the searches read kept up to date as they come
    (its head, last sentence, trigger families, modalities, dates and places told), so that
    joining a long-told event costs the same as joining a new one."""

    __slots__ = (
        "dates",
        "head",
        "head_key",
        "in_title",
        "last_act_sentence",
        "last_sentence",
        "members",
        "modalities",
        "outcomes",
        "patterns",
        "places",
        "sectors",
        "starts",
    )

    def __init__(self, first: CodedEvent, title: int, places: dict[str, Place]) -> None:
        self.members: list[CodedEvent] = []
        self.head = first
        self.head_key = _head_key(first)
        self.last_sentence = first.event.sentence
        self.last_act_sentence = -1  # the last sentence with a mention not named to date another
        self.in_title = True  # every mention in the title lines (cleared by a body mention)
        self.patterns: set[str] = set()  # trigger families of the acts (outcomes left out)
        self.modalities: set[str] = set()
        self.dates: dict[str, EventDate] = {}
        self.places: dict[object, str] = {}  # one place id per place told (a name told again is one)
        self.outcomes = True  # every mention a casualty word
        self.starts: set[int] = set()  # where each mention starts
        self.sectors: set[str] = set()  # the sectors of the doers its mentions name
        self.add(first, title, places)

    def add(self, c: CodedEvent, title: int, places: dict[str, Place]) -> None:
        """Take ``c`` as a mention; the head is the most specific member: highest rank, then a
        specific word over a generic one or an outcome, then the earliest."""
        self.members.append(c)
        self.starts.add(c.event.span[0])
        if c.event.actor is not None and c.event.actor.sector:
            self.sectors.add(c.event.actor.sector)
        key = _head_key(c)
        if key > self.head_key:
            self.head, self.head_key = c, key
        self.last_sentence = max(self.last_sentence, c.event.sentence)
        if not c.anchor:
            self.last_act_sentence = max(self.last_act_sentence, c.event.sentence)
        self.in_title = self.in_title and c.event.span[0] < title
        outcome = _is_outcome(c)
        self.outcomes = self.outcomes and outcome
        if not outcome:
            self.patterns.add(c.pattern)
        self.modalities.add(c.event.modality)
        if c.event.date is not None:
            self.dates.setdefault(c.event.date.value, c.event.date)
        if c.own_place is not None:
            self.places.setdefault(_place_key(c.own_place, places), c.own_place)


def _place_key(pid: str, places: dict[str, Place]) -> object:
    place = places.get(pid)
    if place is None:
        return pid
    return place.geonames_id if place.geonames_id is not None else (place.name or place.text).lower()


def _dates_agree(a: EventDate | None, b: EventDate | None) -> bool:
    """One date holds the other: the same day, a day of that month or year, a day of that
    ISO week ("last week" and "on Aug. 14"), a Saturday or Sunday of that weekend
    ("2026-W46-WE", TIMEX3's "last weekend", and "on Saturday")."""
    if a is None or b is None:
        return True
    if a.value.startswith(b.value) or b.value.startswith(a.value):
        return True
    return _week_of(a.value) == b.value or _week_of(b.value) == a.value or _weekend_day(a.value, b.value)


def _weekend_day(a: str, b: str) -> bool:
    """One value a weekend ("2026-W46-WE"), the other a Saturday or Sunday of it."""
    weekend, day = (a, b) if a.endswith("-WE") else (b, a)
    if not weekend.endswith("-WE"):
        return False
    try:
        weekday = datetime.date.fromisoformat(day[:10]).isoweekday()
    except ValueError:
        return False
    return weekday >= 6 and _week_of(day) == weekend[: -len("-WE")]


def _week_of(value: str) -> str | None:
    """The ISO week ("2026-W33") a day ("2026-08-14") falls in; None for any other value."""
    try:
        year, week, _ = datetime.date.fromisoformat(value[:10]).isocalendar()
    except ValueError:
        return None
    return f"{year}-W{week:02d}" if len(value) >= 10 else None


def _contains(outer: Place, inner: Place) -> bool:
    if outer.feature == "country" or (outer.feature == "region" and not outer.country):
        return not outer.country or outer.country == inner.country
    if outer.feature == "admin":
        if inner.geonames_id is None and inner.country == outer.country and _region_unknown(inner):
            # a place the gazetteer lacks, with no container in its sentence: put near the
            # town the article keeps returning to, or at its country's point, its region is
            # unknown, so any region of its country may hold it ("bombs on X village" after
            # "a village in Y region")
            return True
        return bool(outer.country == inner.country and outer.admin1 and outer.admin1 == inner.admin1)
    return False


def _region_unknown(place: Place) -> bool:
    return place.precision == "vicinity" or not place.admin1


def _places_agree(a: str | None, b: str | None, places: dict[str, Place]) -> bool:
    if a is None or b is None or a == b:
        return True
    pa, pb = places.get(a), places.get(b)
    if pa is None or pb is None:
        return True
    if pa.geonames_id is not None and pa.geonames_id == pb.geonames_id:
        return True
    if (pa.name or pa.text).lower() == (pb.name or pb.text).lower():
        return True
    return _contains(pa, pb) or _contains(pb, pa)


def _agree(
    cluster: _Cluster, c: CodedEvent, places: dict[str, Place], outcome: bool, scene: bool = False
) -> bool:
    ev = c.event
    if c.another:
        return False
    # "no one was hurt" reports on the event; "by recapturing X" and "did not comment on the
    # strike" name one told before, whatever the frame they now sit in
    negated_outcome = (outcome and ev.modality == "negated") or c.back_reference or _unreal_anaphor(c)
    for modality in cluster.modalities:
        if not negated_outcome and (ev.modality in _REAL) != (modality in _REAL):
            return False
        if ev.modality not in _REAL and not negated_outcome and ev.modality != modality:
            return False
    if ev.date is not None and not all(_dates_agree(ev.date, d) for d in cluster.dates.values()):
        return False
    own = None if scene else c.own_place
    return own is None or all(_places_agree(own, p, places) for p in cluster.places.values())


def _restates(c: CodedEvent, host: CodedEvent) -> bool:
    """Within one sentence: a generic word for the host's act, or a word of the same family."""
    if c.event.type != host.event.type or c.background != host.background:
        return False  # a past scene told in the sentence ("since 2017, when ...") is not its act
    if c.pattern in _GENERIC or host.pattern in _GENERIC:
        return True
    return c.pattern == host.pattern and c.event.acled_subtype == host.event.acled_subtype


def _purpose(c: CodedEvent, cluster: _Cluster) -> bool:
    """What the cluster's act was for, told in its clause ("fired tear gas to disperse the
    protesters", "set fire to trucks to block the highway"): the one act, whatever type
    its words alone have, when both are material conflict (a purpose of a deployment or a
    statement is an act of its own kind)."""
    if c.purpose_of not in cluster.starts or c.background != cluster.head.background:
        return False
    return c.event.type in _CONTINUED and cluster.head.event.type in _CONTINUED


def _anaphor_fits(c: CodedEvent, cluster: _Cluster) -> bool:
    head = cluster.head
    if c.event.type != head.event.type:
        return False
    if c.pattern in _GENERIC or not c.event.acled_subtype or not head.event.acled_subtype:
        return True
    return _family(c) == _family(head)


def _continues(c: CodedEvent, cluster: _Cluster) -> bool:
    """``c`` tells the cluster's act again: the same material type, and a generic word, the same
    trigger family as one of its acts, or (after a generic head) the same ACLED event type."""
    head = cluster.head
    if c.event.type != head.event.type or c.event.type not in _CONTINUED:
        return False
    if c.background or head.background or _is_outcome(c):
        return False
    if c.pattern in _GENERIC:
        return True
    if head.pattern in _GENERIC:
        return not head.event.acled_subtype or _family(c) == _family(head)
    return c.pattern in cluster.patterns


def _part_of_attack(c: CodedEvent, cluster: _Cluster, places: dict[str, Place]) -> bool:
    """Another violent act told in the sentences after an attack ("the attackers set fire to a
    truck", "some officers were seen beating young men") is a part of it, as the attack's
    destruction and casualties are, when it names a doer of a sector the event's doers have,
    or names none in the sentence right after the event's (the scene goes on), and nothing
    tells it apart: no place of its own the event has not named, and the same kind of
    violence. A strike from afar (shells, bombs, air strikes) and fighting on the ground are
    two events, as ACLED codes them; a change of territory is an event of its own (a capture
    follows the fighting), so neither side may be one."""
    head = cluster.head
    if c.event.type != "ASSAULT" or head.event.type != "ASSAULT" or c.background or head.background:
        return False
    if _is_outcome(c) or c.event.acled_subtype in _TERRITORY or head.event.acled_subtype in _TERRITORY:
        return False
    if (_family(c) == _REMOTE) != (_family(head) == _REMOTE):
        return False
    if c.own_place is not None and _place_key(c.own_place, places) not in cluster.places:
        return False
    sector = c.event.actor.sector if c.event.actor is not None else None
    if sector is not None:
        return sector in cluster.sectors
    return c.event.sentence - cluster.last_sentence <= 1  # no doer told: the scene goes on


def _said_again(c: CodedEvent, cluster: _Cluster) -> bool:
    """A statement in the title ("rebels deny losing town") is the body's first statement of
    its type ("a claim the rebels rejected"): a headline sums up its lead."""
    head = cluster.head
    return c.event.type == head.event.type and c.event.type not in _CONTINUED and not c.background


def _retold(c: CodedEvent, cluster: _Cluster) -> bool:
    """A retelling brings no date of its own that the event lacks: "ISIS destroyed monuments
    ... In August IS fighters demolished the temples" tells a dated act of its own; a day
    inside the event's week or month ("last week", then "on Aug. 14") only makes it exact."""
    if not c.own_date or c.event.date is None:
        return True
    return any(_dates_agree(c.event.date, d) for d in cluster.dates.values())


def title_end(text: str) -> int:
    """Where the title lines end: the first lines (two at most) of at most ``_TITLE_WORDS``
    words that do not close with a stop, as a headline and a standfirst are written; 0 when
    the text opens with a sentence."""
    end = 0
    for _ in range(2):
        nl = text.find("\n", end)
        line = text[end : nl if nl >= 0 else len(text)].strip()
        if nl < 0 or not line or len(line.split()) > _TITLE_WORDS or line[-1] in _STOPS:
            break
        end = nl + 1
        while end < len(text) and text[end] == "\n":
            end += 1
    return end


def cluster_events(coded: list[CodedEvent], places: Iterable[Place], text: str) -> list[CodedEvent]:
    """Merge the mentions of each event (``coded`` in reading order); one CodedEvent per event."""
    by_id = {p.id: p for p in places}
    clusters: list[_Cluster] = []
    title = title_end(text)
    titled: list[_Cluster] = []  # the clusters the title's acts began, in reading order
    # "the town was hit by air strikes": a result whose doer is an event told in the same
    # words joins that event, wherever it stands
    caused = {id(c): d for c in coded if (d := _doer_event(c, coded)) is not None}
    for c in sorted(coded, key=lambda c: c.event.span[0]):
        if id(c) in caused:
            continue
        host = _host(c, clusters, by_id, title, titled)
        if host is None:
            clusters.append(_Cluster(c, title, by_id))
            if c.event.span[0] < title:
                titled.append(clusters[-1])
        else:
            host.add(c, title, by_id)
            if host is not clusters[-1]:  # the latest told last: the backward searches read recency
                k = len(clusters) - 1
                while clusters[k] is not host:  # the host is a recent one: a short walk back
                    k -= 1
                del clusters[k]
                clusters.append(host)
    # each event is a member of one cluster: an index, not a scan of every cluster per event
    cluster_of = {id(m): cl for cl in clusters for m in cl.members}
    for c in coded:
        doer = caused.get(id(c))
        while doer is not None and id(doer) in caused and caused[id(doer)] is not c:
            doer = caused[id(doer)]
        home = cluster_of.get(id(doer)) if doer is not None else None
        if home is not None:
            home.add(c, title, by_id)
            cluster_of[id(c)] = home
        elif id(c) in caused:
            clusters.append(_Cluster(c, title, by_id))
            cluster_of[id(c)] = clusters[-1]
    clusters.sort(key=lambda cl: min(m.event.span[0] for m in cl.members))
    merged = [_merge(cl, by_id, text, title) for cl in clusters]
    _intervention_places(clusters, by_id, text)
    return merged


# ACLED's sub-types of a protest that forces acted on: coded where the protest is
_INTERVENTIONS = frozenset({"Protest with intervention", "Excessive force against protesters"})


def _intervention_places(clusters: list[_Cluster], places: dict[str, Place], text: str) -> None:
    """Forces breaking up a protest act where the protest is: an intervention told in a
    sentence that also tells the protest ("police fired tear gas to break up a protest in
    the capital, detaining 37") takes the protest's place when that is finer than its own
    (the lead names the city, a later sentence the avenue the crowd gathered on)."""
    protests = [
        (cl, {m.event.sentence for m in cl.members})
        for cl in clusters
        if cl.head.event.type == "PROTEST" and cl.head.event.place in places
    ]
    if not protests:
        return
    for cl in clusters:
        ev = cl.head.event
        if ev.type not in ("COERCE", "ASSAULT") or ev.acled_subtype not in _INTERVENTIONS:
            continue
        told = {m.event.sentence for m in cl.members}
        own = places.get(ev.place) if ev.place else None
        grain = place_grain(own, text) if own is not None else 9
        for protest, sentences in protests:
            where = places[protest.head.event.place]
            if told & sentences and place_grain(where, text) < grain:
                ev.place = where.id
                break


def _doer_event(c: CodedEvent, coded: list[CodedEvent]) -> CodedEvent | None:
    actor = c.event.actor
    if not c.caused or actor is None or actor.span is None:
        return None
    a0, a1 = actor.span
    return next(
        (d for d in coded if d is not c and d.event.span[0] < a1 and a0 < d.event.span[1]),
        None,
    )


def _host(
    c: CodedEvent, clusters: list[_Cluster], places: dict[str, Place], title: int, titled: list[_Cluster]
) -> _Cluster | None:
    si = c.event.sentence
    outcome = _is_outcome(c)
    if c.anchor:
        return _anchored(c, clusters, places)
    # the same sentence first: an outcome or a restatement of an act told in it
    for cl in reversed(clusters):
        if cl.last_sentence != si:
            break
        if cl.last_act_sentence != si:
            continue  # "after the blast, gunmen opened fire": the blast is not this sentence's act
        head = cl.head
        # "bombed the village, killing nine and destroying a school": one violent act and what it
        # did, in one clause (a place told for the destruction is the act's scene; a toll told
        # with a place of its own keeps it); "..., detaining 37" is an arrest of its own,
        # "..., targeting X" an aim with its own place
        if (
            c.result_of in cl.starts
            and (outcome or c.pattern in _RESULTS)
            and c.event.type == head.event.type == "ASSAULT"
            and c.background == head.background
            and _agree(cl, c, places, outcome, scene=not outcome)
        ):
            return cl
        if _purpose(c, cl) and _agree(cl, c, places, outcome):
            return cl
        if outcome and head.event.type in _OUTCOME_HOSTS and not _is_outcome(head):
            if _agree(cl, c, places, outcome):
                return cl
        elif _restates(c, head) and _agree(cl, c, places, outcome):
            return cl
    if outcome:
        for cl in reversed(clusters):
            if si - cl.last_sentence > OUTCOME_WINDOW:
                break
            if cl.in_title:
                continue  # the body's first report of the title's act: the first such, below
            if cl.head.event.type in _OUTCOME_HOSTS and _agree(cl, c, places, outcome):
                return cl
    if c.back_reference:
        # "by recapturing X": the same act told before, anywhere in the article
        for cl in reversed(clusters):
            if any(m.pattern == c.pattern for m in cl.members) and _agree(cl, c, places, outcome):
                return cl
    if c.anaphoric:
        for cl in reversed(clusters):
            if si - cl.last_sentence > ANAPHOR_WINDOW:
                break
            if _anaphor_fits(c, cl) and _agree(cl, c, places, outcome):
                return cl
    # an outcome in the same sentence as an earlier outcome-only cluster: one toll
    for cl in reversed(clusters):
        if cl.last_sentence != si:
            break
        if outcome and cl.outcomes and _agree(cl, c, places, outcome):
            return cl
    if c.event.span[0] < title:
        return None  # the title's own acts: each its own until the body tells them
    for cl in reversed(clusters):
        if si - cl.last_sentence > CONTINUATION_WINDOW:
            break
        if (
            not cl.in_title
            and (_continues(c, cl) or _part_of_attack(c, cl, places))
            and _retold(c, cl)
            and _agree(cl, c, places, outcome)
        ):
            return cl
    for cl in titled:
        if not cl.in_title:
            continue  # the body told it already: the searches above reach it
        told = cl.head.event.type in _OUTCOME_HOSTS if outcome else _continues(c, cl) or _said_again(c, cl)
        if told and _agree(cl, c, places, outcome):
            return cl
    return None


def _anchored(c: CodedEvent, clusters: list[_Cluster], places: dict[str, Place]) -> _Cluster | None:
    """An event named to date another ("hours after the market explosion, gunmen ...") is
    one told before: it joins the latest event of its kind within ``ANAPHOR_WINDOW``
    sentences. The sentence's place and date are its other act's, so they are dropped."""
    c.event.place = c.event.date = c.own_place = None
    for cl in reversed(clusters):
        if c.event.sentence - cl.last_sentence > ANAPHOR_WINDOW:
            break
        if _anaphor_fits(c, cl) and _agree(cl, c, places, False):
            return cl
    return None


def _merge(cluster: _Cluster, places: dict[str, Place], text: str, title: int) -> CodedEvent:
    head = cluster.head
    if len(cluster.members) == 1:
        head.event.mentions = [head.event.span]
        return head
    members = sorted(cluster.members, key=lambda c: c.event.span[0])
    ev = head.event
    others = [m.event for m in members if m is not head]
    ev.mentions = [m.event.span for m in members]
    ev.actor = ev.actor or next((o.actor for o in others if o.actor is not None), None)
    ev.target = ev.target or next((o.target for o in others if o.target is not None), None)
    for o in others:
        ev.supporters.extend(s for s in o.supporters if all(s.text != t.text for t in ev.supporters))
    # a place a mention took from a background clause of its sentence refines nothing
    told = [head, *(m for m in members if m is not head)]
    ids = [m.event.place for m in told if not m.aside_place]
    ev.place = _best_place(ids, places, text, title) or _best_place(
        [m.event.place for m in told], places, text, title
    )
    ev.date = _best_date([ev.date, *(o.date for o in others)])
    ev.counts = _gather_counts([m.event for m in members if m.event.modality != "negated" or m is head])
    if ev.territory_change is None:
        ev.territory_change = next((o.territory_change for o in others if o.territory_change), None)
    ev.confidence = max((m.event.confidence or 0.0) for m in members) or ev.confidence
    head.past = any(m.past for m in members)
    return head


def _best_place(ids: list[str | None], places: dict[str, Place], text: str, title: int) -> str | None:
    """The finest place any mention gives (the head's first on ties). Where that is a name
    in the title lines that a body mention names too, the body's: the headline's "Kano
    market" is the lead's "the city of Kano", the mention told with the act."""
    best: tuple[int, int, str] | None = None
    for k, pid in enumerate(ids):
        if pid is None:
            continue
        grain = place_grain(places[pid], text) if pid in places else 9
        key = (grain, k, pid)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    chosen = places.get(best[2])
    if chosen is None or chosen.span[0] >= title:
        return best[2]
    same = _place_key(best[2], places)
    return next(
        (
            pid
            for pid in ids
            if pid is not None
            and pid in places
            and places[pid].span[0] >= title
            and _place_key(pid, places) == same
        ),
        best[2],
    )


def _best_date(dates: list[EventDate | None]) -> EventDate | None:
    """The most precise date any mention gives (the head's first on ties)."""
    best: tuple[int, int, EventDate] | None = None
    for k, d in enumerate(dates):
        if d is None:
            continue
        key = (_PRECISION.get(d.precision, 9), k, d)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def _gather_counts(events: list) -> list[Count]:
    """One count per unit: casualty figures as the lowest value with their range."""
    out: list[Count] = []
    by_unit: dict[str, Count] = {}
    for ev in events:
        for count in ev.counts:
            seen = by_unit.get(count.unit)
            if seen is None:
                kept = Count(count.value, count.unit, count.text, count.low, count.high)
                by_unit[count.unit] = kept
                out.append(kept)
                continue
            if seen.value == count.value or count.unit not in _CASUALTY_UNITS:
                if count.unit not in _CASUALTY_UNITS and seen.value != count.value:
                    out.append(Count(count.value, count.unit, count.text, count.low, count.high))
                continue
            values = [v for v in (seen.value, seen.low, seen.high, count.value) if v is not None]
            seen.low, seen.high = min(values), max(values)
            if count.value < seen.value:
                seen.value, seen.text = count.value, count.text
    return out
