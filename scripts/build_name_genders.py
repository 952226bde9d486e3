#!/usr/bin/env python3
"""Build ``dateline/resources/quotes/name_genders.tsv``: first names with a clear gender.

Usage: python scripts/build_name_genders.py  (needs ``pip install 'dateline[resources]'``)

Why: "he" and "she" resolve to the nearest *fitting* person, and a first name is the most
common sign of fit in news ("Petra Olsen ... he said" is not Olsen). The names come from
nomquamgender (Van Buskirk, Clauset and Larremore, 2023, "An open-source cultural
consensus approach to name-based gender classification"; MIT licence), which pools 36
name-gender sources into one probability p(gf) per name. We keep the package's own
default decision rule (p(gf) <= 0.1 -> male, >= 0.9 -> female, the rest unclassified) and
only names seen in at least 3 sources and 50 times, so rare and noisy entries stay out;
the package itself (22 MB, pandas) is not needed at run time.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

MIN_SOURCES = 3
MIN_COUNT = 50
THRESHOLD = 0.1  # nomquamgender's default: p(gf) in (0.1, 0.9) is left unclassified
OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "resources" / "quotes" / "name_genders.tsv"

HEADER = f"""\
# First names with a clear gender, derived from nomquamgender 0.1.4 (MIT licence,
# Copyright (c) 2022 Ian Van Buskirk) by scripts/build_name_genders.py: names in at least
# {MIN_SOURCES} sources and seen {MIN_COUNT} times, p(gf) <= {THRESHOLD} -> m, >= {1 - THRESHOLD} -> f.
# name<TAB>m|f, lower case.
"""


def build() -> dict[str, str]:
    data = json.loads(resources.files("nomquamgender").joinpath("name_data.json").read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, row in data.items():
        sources, count, pgf = row[0], row[1], row[2]
        if sources < MIN_SOURCES or count < MIN_COUNT or not name.isalpha():
            continue
        if pgf <= THRESHOLD:
            out[name] = "m"
        elif pgf >= 1 - THRESHOLD:
            out[name] = "f"
    return out


def main() -> None:
    names = build()
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER)
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")
    print(f"wrote {len(names)} names to {OUT}")


if __name__ == "__main__":
    main()
