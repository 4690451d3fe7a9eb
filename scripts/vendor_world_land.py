"""Make the hub's copy of Natural Earth's land outlines (hooks/hub/graphics/maps/land-110m.json)
from world-atlas' land-110m.json: the same TopoJSON, with Antarctica left out (no partner
city is there, and it would take a third of the map's height) and coordinates on a
0.1-degree grid (finer than 1:110m outlines are drawn).

    npm install --no-save --prefix /tmp/world-atlas world-atlas@2.0.2
    .venv/bin/python scripts/vendor_world_land.py \
        /tmp/world-atlas/node_modules/world-atlas/land-110m.json hooks/hub/graphics/maps/land-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))
from hub.graphics.worldmap import absolute_arcs  # the hub's own TopoJSON decoding

GRID = 0.1  # degrees
SOUTH_LIMIT = -60.0  # a polygon wholly south of this is Antarctica


def main(source: Path, target: Path) -> None:
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = absolute_arcs(topology)
    (land,) = topology["objects"]["land"]["geometries"]
    def north(polygon: list) -> float:
        return max(lat for ring in polygon for index in ring for _, lat in arcs[index if index >= 0 else ~index])

    polygons = [polygon for polygon in land["arcs"] if north(polygon) > SOUTH_LIMIT]
    used = sorted({index if index >= 0 else ~index for polygon in polygons for ring in polygon for index in ring})
    renumber = {old: new for new, old in enumerate(used)}
    quantized = []
    for old in used:
        grid = [(round((lon + 180) / GRID), round((lat + 90) / GRID)) for lon, lat in arcs[old]]
        deltas, last = [], None
        for point in grid:
            if point == last:
                continue
            deltas.append([point[0] - last[0], point[1] - last[1]] if last else list(point))
            last = point
        if len(deltas) < 2:  # an arc shrunk to one point still joins its neighbours
            deltas.append([0, 0])
        quantized.append(deltas)
    out = {
        "type": "Topology",
        "transform": {"scale": [GRID, GRID], "translate": [-180, -90]},
        "objects": {"land": {"type": "GeometryCollection", "geometries": [{
            "type": "MultiPolygon",
            "arcs": [[[renumber[i] if i >= 0 else ~renumber[~i] for i in ring] for ring in polygon]
                     for polygon in polygons],
        }]}},
        "arcs": quantized,
    }
    target.write_text(json.dumps(out, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
