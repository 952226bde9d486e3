"""The merged view of one incident: every report side by side, figures and claims merged.

Built on demand from the stored member events and their articles, so it always reflects
the current links (nothing to keep in step).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dateline.export.acled_csv import actor_columns
from dateline.incidents.claims import is_material, ledger
from dateline.incidents.figures import figure, merge_figures
from dateline.incidents.reports import unit_class
from dateline.records import Article


def source_name(article: Article) -> str:
    return article.source or article.url or article.id


def _chain(article: Article, event_ids: set[str]) -> list[str]:
    """Who the article credits for the events: its quotes' reporting chains, then the article."""
    quotes = {q.id: q for q in article.quotes}
    chain: list[str] = []
    for ev in article.events:
        if ev.id in event_ids and ev.attributed_to in quotes:
            q = quotes[ev.attributed_to]
            for name in [*q.reported_by, q.speaker]:
                if name and name not in chain:
                    chain.append(name)
    return [source_name(article), *chain]


def incident_view(row: dict[str, Any], get_article: Callable[[str], Article | None]) -> dict[str, Any]:
    """``row``: the incident's summary with ``members`` [(article id, event id)]."""
    by_article: dict[str, set[str]] = {}
    for aid, eid in row["members"]:
        by_article.setdefault(aid, set()).add(eid)
    reports = []
    figures_by_source: dict[str, dict[str, float]] = {}
    claims: dict[str, list[dict[str, Any]]] = {}
    for aid in sorted(by_article):
        article = get_article(aid)
        if article is None:
            continue
        ids = by_article[aid]
        events = [e for e in article.events if e.id in ids]
        figs: dict[str, float] = {}
        for ev in events:
            for c in ev.counts:
                cls = unit_class(c.unit)
                value = figure([cls, c.value, c.low, c.high, c.text]) if cls else None
                if cls and value is not None:
                    figs[cls] = min(value, figs.get(cls, value))
        src = source_name(article)
        if figs:
            key = src if src not in figures_by_source else f"{src} ({aid})"
            figures_by_source[key] = figs
        said = [s.to_dict() for s in ledger(article, ids)]
        for s in said:
            claims.setdefault(s["stance"], []).append(s)
        reports.append(
            {
                "article_id": aid,
                "title": article.title,
                "source": src,
                "source_chain": _chain(article, ids),
                "published": article.published,
                "events": [
                    {
                        "id": e.id,
                        "type": e.type,
                        "acled_subtype": e.acled_subtype,
                        "trigger": e.trigger,
                        "span": list(e.span),
                        "modality": e.modality,
                        "date": e.date.value if e.date else None,
                        "counts": [{"value": c.value, "unit": c.unit, "text": c.text} for c in e.counts],
                        "actors": actor_columns(e),
                        "material": is_material(e),
                    }
                    for e in events
                ],
                "figures": {k: (int(v) if float(v).is_integer() else v) for k, v in figs.items()},
                "claims": said,
            }
        )
    out = {k: v for k, v in row.items() if k != "members"}
    out["members"] = [list(m) for m in row["members"]]
    out["reports"] = reports
    out["figures"] = merge_figures(figures_by_source)
    out["disputed"] = any(f["disputed"] for f in out["figures"].values())
    out["claims"] = claims
    return out
