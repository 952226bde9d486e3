"""The claims ledger: who asserts an incident happened, and who denies or rejects it.

Statements come from the records the other stages made, read by general rules:

- the quote an event is attributed to (``attributed_to``): its speaker asserts it;
- verbal events (PLOVER REJECT and ACCUSE, or a trigger that is a claim or denial verb):
  the actor takes the stance the verb says;
- quotes whose cue is a claim or denial verb and that no verbal event already covers;
- sentences where a subject *claims/announces/declares* something, which the quote
  stage does not take for quotes ("X have claimed control over Y").

A statement belongs to the incident of the nearest material event before it in its
paragraph; when its paragraph has none before it, to the article's lead event (its
first material event): reactions follow the news they react to.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from dateline.records import Article, Event

DENY = (
    "deny",
    "denied",
    "denies",
    "denying",
    "reject",
    "rejected",
    "rejects",
    "rejecting",
    "dismiss",
    "dismissed",
    "dismisses",
    "refute",
    "refuted",
    "refutes",
    "dispute",
    "disputed",
    "disputes",
    "contest",
    "contested",
    "contests",
    "repudiate",
    "repudiated",
)
#: verbs that put a claim on record ("said" only counts for the quote an event cites)
CLAIM = (
    "claim", "claimed", "claims", "announce", "announced", "announces", "declare", "declared",
    "declares", "confirm", "confirmed", "confirms", "affirm", "affirmed", "affirms", "hail", "hailed",
    "hails", "insist", "insisted", "insists", "maintain", "maintained", "maintains",
)  # fmt: skip
#: statements about something that happened: they join the incident of what they are about
REACTIONS = ("ACCUSE", "REJECT", "SUPPORT", "REQUEST")
VERBAL = ("REJECT", "ACCUSE", "SUPPORT", "CONSULT", "REQUEST", "AGREE", "THREATEN")
_CLAIM_SENTENCE = re.compile(r"\b(claimed|claims|announced|declared|announces|declares)\b", re.I)
_SUBJECT_TAIL = re.compile(r"\s+(have|has|had|now|also|already|officially|reportedly|since|then)$", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


@dataclass(slots=True)
class Statement:
    """One entry of the ledger: who (``party``, ``role``) takes which ``stance`` on the
    event ``event`` of article ``article_id``, in which words (``text`` at ``span``)."""

    article_id: str
    party: str
    stance: str
    cue: str
    text: str
    span: tuple[int, int]
    role: str | None = None
    via: list[str] | None = None
    event: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def stance_of(word: str | None) -> str | None:
    """``rejects`` or ``asserts`` for a cue or trigger made of such verbs, else None."""
    w = (word or "").lower().split()
    if any(x in DENY for x in w):
        return "rejects"
    if any(x in CLAIM for x in w):
        return "asserts"
    return None


def is_material(event: Event) -> bool:
    """An event that happened in the world (not a statement about one)."""
    return (event.type or "").upper() not in VERBAL


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n\n", 0, pos)
    end = text.find("\n\n", pos)
    return (0 if start < 0 else start + 2, len(text) if end < 0 else end)


def owner(article: Article, pos: int) -> Event | None:
    """The material event a statement at ``pos`` is about (rule in the module docstring)."""
    material = sorted((e for e in article.events if is_material(e)), key=lambda e: e.span[0])
    if not material:
        return None
    start, _end = _paragraph(article.text, pos)
    before = [e for e in material if start <= e.span[0] <= pos]
    return before[-1] if before else material[0]


def statements(article: Article) -> list[Statement]:
    """Every claim or denial in the article, with the event it is about."""
    out: list[Statement] = []
    quotes = {q.id: q for q in article.quotes}
    taken: list[tuple[int, int]] = []
    for ev in article.events:
        if ev.attributed_to and ev.attributed_to in quotes and is_material(ev):
            q = quotes[ev.attributed_to]
            party = q.speaker or (q.reported_by[-1] if q.reported_by else None)
            if party:
                out.append(
                    Statement(
                        article.id,
                        party,
                        "asserts",
                        q.cue or "",
                        q.content,
                        tuple(q.span),
                        q.speaker_role,
                        list(q.reported_by) or None,
                        ev.id,
                    )
                )
    for ev in article.events:
        if is_material(ev):
            continue
        stance = stance_of(ev.trigger) or ("rejects" if (ev.type or "").upper() == "REJECT" else None)
        if ev.type == "ACCUSE":
            stance = "accuses"
        if not stance or not ev.actor:
            continue
        text = _sentence(article.text, ev.span[0])
        about = owner(article, ev.span[0])
        out.append(
            Statement(
                article.id,
                ev.actor.name or ev.actor.text,
                stance,
                ev.trigger,
                text[2],
                (text[0], text[1]),
                ev.actor.sector,
                None,
                about.id if about else None,
            )
        )
        taken.append((text[0], text[1]))
    for q in article.quotes:
        stance = stance_of(q.cue)
        if not stance or not (q.speaker or q.reported_by):
            continue
        if q.cue_span and any(a <= q.cue_span[0] < b for a, b in taken):
            continue
        if any(s.span == tuple(q.span) for s in out):
            continue
        about = owner(article, q.span[0])
        out.append(
            Statement(
                article.id,
                q.speaker or q.reported_by[-1],
                stance,
                q.cue or "",
                q.content,
                tuple(q.span),
                q.speaker_role,
                list(q.reported_by) or None,
                about.id if about else None,
            )
        )
    for m in _CLAIM_SENTENCE.finditer(article.text):
        start, end, sentence = _sentence(article.text, m.start())
        if any(a <= m.start() < b for a, b in taken) or any(s.span[0] <= m.start() < s.span[1] for s in out):
            continue
        subject = article.text[start : m.start()].strip()
        while _SUBJECT_TAIL.search(subject):
            subject = _SUBJECT_TAIL.sub("", subject)
        subject = re.sub(r"^(the|a|an)\s+", "", subject, flags=re.I).strip(" ,")
        if not subject or len(subject.split()) > 8:
            continue
        about = owner(article, m.start())
        out.append(
            Statement(
                article.id,
                subject,
                "asserts",
                m.group(1),
                sentence,
                (start, end),
                None,
                None,
                about.id if about else None,
            )
        )
        taken.append((start, end))
    return sorted(out, key=lambda s: s.span)


def _sentence(text: str, pos: int) -> tuple[int, int, str]:
    """[start, end) and text of the sentence holding ``pos`` (end punctuation or line breaks)."""
    for m in _SENTENCE.finditer(text):
        if m.start() <= pos < m.end():
            return (m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end(), m.group(0).strip())
    return (pos, pos, "")


def ledger(article: Article, event_ids: set[str]) -> list[Statement]:
    """The statements of one article about the incident whose events (there) are ``event_ids``."""
    return [s for s in statements(article) if s.event in event_ids]
