"""Quality triage for fact-checkers: the records a person should look at first.

Four lists, each one named rule over the stored records (no guessing from article text):

- ``unclosed``: quotes flagged ``unclosed_quote`` (a quotation mark never closed);
- ``unsourced``: quotes flagged ``missing_source`` or with no speaker at all;
- ``vague``: quotes whose speaker is not linked to a named entity and carries no proper
  name ("officials", "witnesses", "a military spokesman", an unresolved "It"): the first
  word may be capitalised by the sentence, so only later capitals count as a name;
- ``geocode``: places whose geocode is unsure (confidence below ``LOW_CONFIDENCE``) or
  that the gazetteer could not place at all.
"""

from __future__ import annotations

from typing import Any

from dateline.serve.db import ReadOnlyDB

LOW_CONFIDENCE = 0.5
PER_PAGE = 50

_QUOTE_COLS = (
    "q.article_id, q.id, q.kind, q.speaker, q.cue, substr(q.content, 1, 240) AS content, "
    "q.span_start, q.flags, a.title"
)
_QUOTE_FROM = "FROM quotes q JOIN articles a ON a.id = q.article_id"
_UNCLOSED = "q.flags LIKE '%\"unclosed_quote\"%'"
_UNSOURCED = "(q.speaker IS NULL OR q.flags LIKE '%\"missing_source\"%')"
_VAGUE = "(q.speaker IS NOT NULL AND q.speaker_entity IS NULL AND NOT (substr(q.speaker, 2) GLOB '*[A-Z]*'))"
_LOW_GEOCODE = f"(p.confidence < {LOW_CONFIDENCE} OR p.geonames_id IS NULL)"

#: kind -> (title, explanation, record prefix for the reader link, SELECT columns, FROM+WHERE)
LISTS: dict[str, tuple[str, str, str, str, str]] = {
    "unclosed": (
        "Unclosed quotes",
        "A quotation mark is never closed; the quote was ended at its paragraph.",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE {_UNCLOSED}",
    ),
    "unsourced": (
        "Missing sources",
        "Reported speech with no one to attribute it to.",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE {_UNSOURCED}",
    ),
    "vague": (
        "Vague attributions",
        "The speaker is a description, not a name (officials, witnesses, sources).",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE {_VAGUE}",
    ),
    "geocode": (
        "Low-confidence geocodes",
        f"Places geocoded with confidence below {LOW_CONFIDENCE}, or not found in the gazetteer.",
        "place",
        "p.article_id, p.id, p.text, p.name, p.country, p.admin1, p.feature, p.confidence, "
        "p.span_start, a.title",
        f"FROM places p JOIN articles a ON a.id = p.article_id WHERE {_LOW_GEOCODE}",
    ),
}


def counts(db: ReadOnlyDB) -> dict[str, int]:
    """Every list's length in two passes (one over quotes, one over places)."""
    q = (
        db.one(
            f"SELECT sum({_UNCLOSED}) AS unclosed, sum({_UNSOURCED}) AS unsourced, sum({_VAGUE}) AS vague FROM quotes q"
        )
        or {}
    )
    p = db.scalar(f"SELECT count(*) FROM places p WHERE {_LOW_GEOCODE}")
    return {"unclosed": int(q.get("unclosed") or 0), "unsourced": int(q.get("unsourced") or 0),
            "vague": int(q.get("vague") or 0), "geocode": int(p or 0)}  # fmt: skip


def page(db: ReadOnlyDB, kind: str, number: int) -> list[dict[str, Any]]:
    """One page of a list, in article order (the article index streams it; no sort of every match)."""
    _, _, _, cols, from_where = LISTS[kind]
    alias = "p" if kind == "geocode" else "q"
    return db.rows(
        f"SELECT {cols} {from_where} ORDER BY {alias}.article_id, {alias}.span_start LIMIT ? OFFSET ?",
        [PER_PAGE, (number - 1) * PER_PAGE],
        limit=PER_PAGE,
    )
