"""How fast ``dateline serve`` renders its pages on a 10,000-article store (target < 200 ms).

The store is made from the bundled samples, analysed once: each copy gets its own id,
title and a publication date (and event dates) moved by a different number of days, so
that dates, paging and FTS behave as on a real corpus without running the NLP 10,000
times. The store is kept (``--store``) and reused while it has the asked-for size.

Each page is requested in-process through Starlette's TestClient (routing, SQL, Jinja
rendering and middleware; no socket), once to warm up and then ``--repeat`` times; the
reader is timed over different articles each time. Prints median and p95 per page, and
the first (cold-cache) time of the pages that cache whole-table aggregates.

    .venv/bin/python bench/bench_serve.py [--n 10000] [--repeat 20] [--store /tmp/dateline-bench-serve.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import random
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

_ISO_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def _shift(value: str | None, days: int) -> str | None:
    """An ISO date (or the date part of a timestamp) moved by ``days``; other values unchanged."""
    if not value:
        return value
    m = _ISO_DAY.match(value)
    if not m:
        return value
    try:
        day = dt.date.fromisoformat(m.group(1)) + dt.timedelta(days=days)
    except ValueError:
        return value
    return day.isoformat() + value[10:]


def analysed_samples() -> list:
    from dateline.pipeline import Pipeline
    from dateline.samples import sample_documents

    pipeline = Pipeline()
    return [a for a in pipeline.pipe(sample_documents()) if not hasattr(a, "error")]


def build_store(path: Path, n: int) -> None:
    from dateline.records import article_from_dict
    from dateline.store.sqlite import SQLiteStore

    t0 = time.perf_counter()
    samples = [a.to_dict() for a in analysed_samples()]
    print(f"analysed {len(samples)} samples in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    store = SQLiteStore(path)
    rng = random.Random(17)
    t0 = time.perf_counter()
    for i in range(n):
        data = dict(samples[i % len(samples)])
        days = rng.randint(-3650, 0)
        data["id"] = f"{data['id']}-{i:05d}"
        data["title"] = f"{data.get('title') or data['id']} (copy {i})"
        data["published"] = _shift(data.get("published"), days) or _shift("2025-06-01", days)
        data["url"] = f"https://example.org/bench/{i}"
        events = []
        for ev in data.get("events", []):
            ev = dict(ev)
            if ev.get("date"):
                ev["date"] = {**ev["date"], "value": _shift(ev["date"]["value"], days)}
            events.append(ev)
        data["events"] = events
        store.put(article_from_dict(data))
        if (i + 1) % 2000 == 0:
            print(f"  stored {i + 1:,} articles ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.conn.execute("ANALYZE")
    store.close()


def store_size(path: Path) -> int:
    import sqlite3

    if not path.is_file():
        return 0
    try:
        return int(sqlite3.connect(path).execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.DatabaseError:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles in the store")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per page")
    parser.add_argument("--store", type=Path, default=Path("/tmp/dateline-bench-serve.db"))
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")

    if store_size(args.store) != args.n:
        print(f"building a {args.n:,}-article store at {args.store} ...", file=sys.stderr)
        build_store(args.store, args.n)
    from starlette.testclient import TestClient

    from dateline.serve.app import create_app

    t0 = time.perf_counter()
    app = create_app(args.store, hosts=["testserver"])
    print(f"start-up (event index load): {time.perf_counter() - t0:.1f} s")
    client = TestClient(app)
    counts = app.state.queries.counts()
    print(f"store: {args.store} " + ", ".join(f"{v:,} {k}" for k, v in counts.items()))
    ids = [r["id"] for r in app.state.db.rows("SELECT id FROM articles ORDER BY random() LIMIT 500")]
    quotes = [
        f"/article/{r['article_id']}?rec=quote-{r['id']}"
        for r in app.state.db.rows("SELECT article_id, id FROM quotes ORDER BY random() LIMIT 500")
    ]
    rng = random.Random(3)

    pages: list[tuple[str, object]] = [
        ("articles list", "/"),
        ("articles search", "/?q=protest+police"),
        ("reader (random article)", lambda: f"/article/{rng.choice(ids)}"),
        ("reader, a quote's panel open", lambda: rng.choice(quotes)),
        ("events, no filter", "/events"),
        ("events, type", "/events?type=ASSAULT"),
        ("events, country+modality", "/events?country=SY&modality=claimed"),
        ("events, FTS", "/events?q=Palmyra"),
        ("events, actor+dates", "/events?actor=police&since=2020&until=2023-06"),
        ("events, page 150", "/events?page=150&sort=-confidence"),
        ("map data, type", "/map/data.json?type=PROTEST"),
        ("map data, all", "/map/data.json"),
        ("map page", "/map"),
        ("timeline", "/timeline"),
        ("timeline, by month, type", "/timeline?by=month&type=PROTEST"),
        ("triage, vague", "/triage?kind=vague"),
        ("incidents", "/incidents"),
        ("export acled-csv, country", "/export/acled-csv?country=SY&since=2024"),
    ]
    print(f"\n{'page':32} {'first ms':>9} {'median ms':>10} {'p95 ms':>8}  status")
    worst = 0.0
    for label, target in pages:

        def url(target: object = target) -> str:
            return target() if callable(target) else str(target)

        t0 = time.perf_counter()
        r = client.get(url())
        first = (time.perf_counter() - t0) * 1000
        times = []
        statuses = {r.status_code}
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            r = client.get(url())
            times.append((time.perf_counter() - t0) * 1000)
            statuses.add(r.status_code)
        times.sort()
        med = statistics.median(times)
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        if not label.startswith(("export", "map data")):
            worst = max(worst, p95)
        print(f"{label:32} {first:9.1f} {med:10.1f} {p95:8.1f}  {','.join(map(str, sorted(statuses)))}")
    print(f"\nworst p95 of the HTML pages (map data and exports aside): {worst:.1f} ms (target < 200 ms)")


if __name__ == "__main__":
    main()
