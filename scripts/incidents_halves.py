"""Score incident linking on the two halves of a dev file split by incident id.

    python scripts/incidents_halves.py GOLD.jsonl PRED.jsonl [--half 0|1] [--errors]

Half = sha256(gold incident id) mod 2, so the halves never share an incident. PRED is
``dateline analyze`` output for the gold texts (ids kept); linking runs here, in memory,
within each half. ``--errors`` lists the wrongly linked / missed article pairs of the
half asked for (look at one half only; check every change on the other).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from itertools import combinations
from pathlib import Path

from dateline.eval.gold import read_jsonl
from dateline.eval.metrics import incident_row, incident_scores
from dateline.incidents.apply import link_articles
from dateline.records import article_from_dict


def half_of(incident: str) -> int:
    return int(hashlib.sha256(incident.encode("utf-8")).hexdigest(), 16) % 2


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--half", type=int, choices=(0, 1))
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    gold = {r["id"]: r for r in read_jsonl(args.gold)}
    preds = {r["id"]: r for r in read_jsonl(args.pred) if "text" in r}
    for half in (0, 1) if args.half is None else (args.half,):
        ids = [i for i, g in gold.items() if half_of(g["incident"]) == half]
        arts = link_articles(article_from_dict(preds[i]) for i in ids if i in preds)
        by_id = {a.id: a for a in arts}
        rows = []
        for i in ids:
            events = [{"incident": e.incident} for e in by_id[i].events] if i in by_id else []
            rows.append(incident_row(gold[i]["incident"], events))
        r = incident_scores(rows)
        print(f"half {half}: " + json.dumps(r))
        if args.errors:
            for (a, ra), (b, rb) in combinations(zip(ids, rows, strict=True), 2):
                g, p = ra[0] == rb[0], bool(ra[1] & rb[1])
                if g != p:
                    print(("FALSE LINK " if p else "MISSED     ") + f"{a} {b} {ra[0]} {rb[0]}")


if __name__ == "__main__":
    main()
