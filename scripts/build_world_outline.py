"""Build the offline map's country outlines once: ``src/dateline/serve/static/world-110m.geojson``.

Where the data comes from: Natural Earth's 1:110m "Admin 0 - Countries" (public domain,
naturalearthdata.com), as packaged in TopoJSON by npm's ``world-atlas`` 2.0.2 (ISC licence,
Mike Bostock). The script fetches that package with ``npm pack`` (or reads a tarball given
with ``--tarball``), checks the tarball's SHA-256 against the pinned value, decodes the
TopoJSON ``countries`` object into GeoJSON polygons and rounds coordinates to 0.01 degree
(about 1 km, far below what 1:110m draws) so the file stays small. Run it only to refresh
the committed file; nothing at install or run time needs npm or a network.

    python scripts/build_world_outline.py [--tarball world-atlas-2.0.2.tgz]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"
TARBALL_SHA256 = "032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97"
MEMBER = "package/countries-110m.json"
OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "serve" / "static" / "world-110m.geojson"
DIGITS = 2


def fetch(workdir: Path) -> Path:
    """``npm pack`` the pinned package into ``workdir``; returns the tarball's path."""
    done = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"], cwd=workdir, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        sys.exit(f"build_world_outline: npm pack {PACKAGE} failed: {done.stderr.strip()}")
    return workdir / done.stdout.strip().splitlines()[-1]


def read_topology(tarball: Path) -> dict[str, Any]:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA256:
        sys.exit(f"build_world_outline: {tarball} has SHA-256 {digest}, expected {TARBALL_SHA256}")
    with tarfile.open(tarball) as tar:
        member = tar.extractfile(MEMBER)
        if member is None:
            sys.exit(f"build_world_outline: {MEMBER} missing from {tarball}")
        return json.load(member)


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute [lon, lat] positions of every arc (TopoJSON stores quantised deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, DIGITS), round(y * sy + ty, DIGITS)))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Join arcs into one closed ring; ``~i`` means arc ``i`` reversed; shared ends appear once."""
    out: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    deduped = [p for k, p in enumerate(out) if k == 0 or p != out[k - 1]]
    return [list(p) for p in deduped]


def to_geojson(topology: dict[str, Any]) -> dict[str, Any]:
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"]["countries"]["geometries"]:
        if geom.get("type") == "Polygon":
            polys = [geom["arcs"]]
        elif geom.get("type") == "MultiPolygon":
            polys = geom["arcs"]
        else:
            continue
        rings = [[ring(r, arcs) for r in poly] for poly in polys]
        rings = [[r for r in poly if len(r) >= 4] for poly in rings]
        rings = [poly for poly in rings if poly]
        if not rings:
            continue
        features.append(
            {
                "type": "Feature",
                "id": geom.get("id"),
                "properties": {"name": (geom.get("properties") or {}).get("name", "")},
                "geometry": {"type": "MultiPolygon", "coordinates": rings},
            }
        )
    return {
        "type": "FeatureCollection",
        "source": "Natural Earth 1:110m Admin 0 countries (public domain), via npm world-atlas 2.0.2",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a world-atlas-2.0.2.tgz already fetched")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch(Path(tmp))
        collection = to_geojson(read_topology(tarball))
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {len(collection['features'])} countries to {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
