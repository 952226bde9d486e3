"""Synthetic event reports with planted duplicates, for the incident-linking benchmark.

    python bench/synthetic_events.py N OUT.jsonl [--seed S]

writes N report records (one JSON object a line: the ``Report`` fields plus ``truth``,
the planted incident) and ``synthetic_reports(n, seed)`` yields the same records in
memory. The spread imitates a global conflict-event feed of about ACLED's size: five
years by default (``--years``; more reports in the same span means denser news), 60 countries with Zipf-distributed activity (the busiest has about a fifth of the
events), 4-30 first-level regions and a few towns each (Zipf again), a few hot periods,
families ASSAULT 50%, PROTEST 25%, COERCE 10%, others 15%. Each incident is told by a
geometric number of reports (mean about 2.5, up to 12): later reports lag 0-5 days,
some give the region or only the country instead of the town, some lose the place, and
each keeps a random 50-90% of the incident's details (names, streets, numbers) plus
words of their own around the event, and most carry a story (the whole article's words:
more of the details and more words of their own). Distinct incidents of one family in one town on one day occur
wherever activity is dense, which is what precision is measured on.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dateline.incidents.reports import Report

FAMILIES = [
    ("ASSAULT", 50),
    ("PROTEST", 25),
    ("COERCE", 10),
    ("MOBILIZE", 5),
    ("SANCTION", 5),
    ("CONSULT", 5),
]
SUBTYPES = {
    "ASSAULT": ["Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack"],
    "PROTEST": ["Peaceful protest", "Protest with intervention"],
    "COERCE": ["Arrests"],
}
START = dt.date(2019, 1, 1).toordinal()


def _zipf(rng: random.Random, n: int, s: float = 1.1) -> list[float]:
    weights = [1 / (k**s) for k in range(1, n + 1)]
    rng.shuffle(weights)
    return weights


class World:
    """Countries, regions and towns with coordinates and activity weights."""

    def __init__(self, rng: random.Random, days: int) -> None:
        self.days = days
        self.countries = [f"C{i:02d}" for i in range(60)]
        self.country_w = sorted(_zipf(rng, 60), reverse=True)
        self.regions: dict[str, list[tuple[str, float, float, list[tuple[int, float, float]]]]] = {}
        self.region_w: dict[str, list[float]] = {}
        gid = 1_000_000
        for c in self.countries:
            lat0, lon0 = rng.uniform(-40, 60), rng.uniform(-120, 140)
            regions = []
            for r in range(rng.randint(4, 30)):
                rlat, rlon = lat0 + rng.uniform(-6, 6), lon0 + rng.uniform(-6, 6)
                towns = []
                for _ in range(rng.randint(2, 12)):
                    gid += 1
                    towns.append((gid, rlat + rng.uniform(-1, 1), rlon + rng.uniform(-1, 1)))
                regions.append((f"{c}-R{r}", rlat, rlon, towns))
            self.regions[c] = regions
            self.region_w[c] = sorted(_zipf(rng, len(regions)), reverse=True)
        self.hot = [(rng.randrange(days), rng.randint(20, 120)) for _ in range(max(1, 12 * days // 1825))]


def _day(rng: random.Random, world: World) -> int:
    if rng.random() < 0.3:
        start, length = rng.choice(world.hot)
        return START + min(world.days - 1, start + rng.randrange(length))
    return START + rng.randrange(world.days)


def synthetic_reports(n: int, seed: int = 1, years: float = 5.0) -> Iterator[tuple[Report, int]]:
    """(report, planted incident number) pairs, n of them, spread over ``years``."""
    rng = random.Random(seed)
    world = World(rng, max(30, int(years * 365)))
    families, family_w = zip(*FAMILIES, strict=True)
    words = [f"w{i}" for i in range(200_000)]
    made = 0
    incident = 0
    while made < n:
        incident += 1
        country = rng.choices(world.countries, world.country_w)[0]
        region, _rlat, _rlon, towns = rng.choices(world.regions[country], world.region_w[country])[0]
        gid, lat, lon = rng.choice(towns)
        family = rng.choices(families, family_w)[0]
        subtype = rng.choice(SUBTYPES.get(family, [None]))
        day = _day(rng, world)
        details = rng.sample(words, rng.randint(5, 14))
        dead = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 20]) if family == "ASSAULT" else 0
        k = 1
        while k < 12 and rng.random() < 0.6:
            k += 1
        for j in range(k):
            if made >= n:
                return
            lag = 0 if j == 0 else rng.choice([0, 0, 1, 1, 2, 3, 5])
            where = rng.random()
            place = dict(
                country=country,
                admin1=region,
                geonames_id=gid,
                lat=lat,
                lon=lon,
                place=str(gid),
                feature="city",
            )
            if where < 0.08:
                place.update(geonames_id=None, place=region, feature="admin", lat=lat + 0.3, lon=lon - 0.3)
            elif where < 0.11:
                place = dict(
                    country=country,
                    admin1=None,
                    geonames_id=None,
                    lat=None,
                    lon=None,
                    place=country,
                    feature="country",
                )
            elif where < 0.14:
                place = dict(
                    country=None, admin1=None, geonames_id=None, lat=None, lon=None, place=None, feature=None
                )
            kept = [w for w in details if rng.random() < rng.uniform(0.5, 0.9)]
            own = rng.sample(words, rng.randint(1, 6))
            # the rest of the article: more of the incident's details, and words of its own
            # (a tenth of the articles are round-ups or background mentions: no story)
            told = [w for w in details if w not in kept and rng.random() < 0.5]
            story = (
                []
                if rng.random() < 0.1
                else sorted(set(kept + own + told + rng.sample(words, rng.randint(3, 15))))
            )
            counts = []
            if dead:
                figure = dead if rng.random() < 0.7 else max(0, dead + rng.choice([-2, -1, 1, 3]))
                counts.append(["fatalities", figure, figure, figure, str(figure)])
            d = day + lag
            report = Report(
                article_id=f"a{made:07d}",
                event_id="v1",
                family=family,
                day=d,
                date=dt.date.fromordinal(d).isoformat(),
                date_from="event" if rng.random() < 0.6 else "published",
                subtype=subtype,
                acled_type=None,
                actors=[],
                counts=counts,
                context=sorted(set(kept + own)),
                story=story,
                published=dt.date.fromordinal(d).isoformat(),
                **place,
            )
            made += 1
            yield report, incident


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--years", type=float, default=5.0, help="time span (density = n / span)")
    args = ap.parse_args()
    with args.out.open("w", encoding="utf-8") as fh:
        for report, truth in synthetic_reports(args.n, args.seed, args.years):
            fh.write(json.dumps({**report.to_dict(), "truth": truth}) + "\n")


if __name__ == "__main__":
    main()
