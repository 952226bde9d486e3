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

#: kind -> (title, explanation, record prefix for the reader link, SELECT columns, FROM+WHERE)
LISTS: dict[str, tuple[str, str, str, str, str]] = {
    "unclosed": (
        "Unclosed quotes",
        "A quotation mark is never closed; the quote was ended at its paragraph.",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE q.flags LIKE '%\"unclosed_quote\"%'",
    ),
    "unsourced": (
        "Missing sources",
        "Reported speech with no one to attribute it to.",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE q.speaker IS NULL OR q.flags LIKE '%\"missing_source\"%'",
    ),
    "vague": (
        "Vague attributions",
        "The speaker is a description, not a name (officials, witnesses, sources).",
        "quote",
        _QUOTE_COLS,
        f"{_QUOTE_FROM} WHERE q.speaker IS NOT NULL AND q.speaker_entity IS NULL "
        "AND NOT (substr(q.speaker, 2) GLOB '*[A-Z]*')",
    ),
    "geocode": (
        "Low-confidence geocodes",
        f"Places geocoded with confidence below {LOW_CONFIDENCE}, or not found in the gazetteer.",
        "place",
        "p.article_id, p.id, p.text, p.name, p.country, p.admin1, p.feature, p.confidence, "
        "p.span_start, a.title",
        "FROM places p JOIN articles a ON a.id = p.article_id "
        f"WHERE p.confidence < {LOW_CONFIDENCE} OR p.geonames_id IS NULL",
    ),
}


def count(db: ReadOnlyDB, kind: str) -> int:
    _, _, _, _, from_where = LISTS[kind]
    return int(db.scalar(f"SELECT count(*) {from_where}") or 0)


def page(db: ReadOnlyDB, kind: str, number: int) -> list[dict[str, Any]]:
    _, _, _, cols, from_where = LISTS[kind]
    return db.rows(
        f"SELECT {cols} {from_where} ORDER BY a.published DESC NULLS LAST, 1, span_start LIMIT ? OFFSET ?",
        [PER_PAGE, (number - 1) * PER_PAGE],
        limit=PER_PAGE,
    )
