"""The map geometry on its own (hub.graphics.worldmap): the Equal Earth projection against the
figures of its definition, TopoJSON decoding, rings cut at 180°, compact path data and
the crop of locator maps."""

from __future__ import annotations

import math

import pytest
from hub.graphics import worldmap


def test_equal_earth_matches_its_published_extent() -> None:
    # Šavrič et al. 2018: the map is 2 × 2.7066 wide at the equator and 2 × 1.3173 tall.
    assert worldmap.equal_earth(0, 0) == (0.0, 0.0)
    assert worldmap.equal_earth(180, 0)[0] == pytest.approx(2.7066, abs=1e-4)
    assert worldmap.equal_earth(0, 90)[1] == pytest.approx(1.3173, abs=1e-4)
    # Equal area: a degree square at 60° N covers half of one at the equator (cos 60°).
    def area(lat: float) -> float:
        (x0, y0), (x1, y1) = worldmap.equal_earth(0, lat), worldmap.equal_earth(1, lat + 1)
        return (x1 - x0) * (y1 - y0)
    assert area(59.5) / area(-0.5) == pytest.approx(math.cos(math.radians(60)), rel=0.02)


def test_topojson_arcs_are_delta_encoded_and_reversed_by_negative_index() -> None:
    topology = {
        "transform": {"scale": [1, 1], "translate": [10, 20]},
        # (10,20)-(12,20)-(12,22), and (10,20)-(10,22)-(12,22) walked backwards
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[0, 0], [0, 2], [2, 0]]],
        "objects": {"land": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, ~1]]},
        ]}},
    }
    (ring,) = worldmap.decode_topojson(topology, "land")
    assert ring == [(10, 20), (12, 20), (12, 22), (10, 22), (10, 20)]


def test_a_ring_across_180_degrees_is_cut_into_one_part_on_each_edge() -> None:
    ring = [(178.0, 60.0), (-178.0, 60.0), (-178.0, 65.0), (178.0, 65.0), (178.0, 60.0)]
    parts = worldmap.split_at_antimeridian(ring)
    assert len(parts) == 2
    for part in parts:
        assert all(-180 <= lon <= 180 for lon, _ in part)
    assert sorted(round(min(lon for lon, _ in part)) for part in parts) == [-180, 178]
    inside = [(10.0, 60.0), (12.0, 60.0), (12.0, 65.0)]
    assert worldmap.split_at_antimeridian(inside) == [inside]


def test_path_data_is_compact_and_does_not_drift() -> None:
    assert worldmap.ring_path([(0.4, 0.4), (10.2, 0.4), (10.2, 5.6), (0.4, 5.6)], 0) == "M0 0l10 0 0 6-10 0z"
    assert worldmap.ring_path([(0.0, 0.0), (0.31, 0.0), (0.31, -1.26)], 1) == "M0 0l.3 0 0-1.3z"
    # Deltas come from rounded points: 100 steps of 0.4 end at 40, not at 0.
    points = [(i * 0.4, 0.0) for i in range(101)] + [(40.0, 10.0)]
    path = worldmap.ring_path(points, 0)
    deltas = [int(v) for v in path.split("l")[1].rstrip("z").replace("-", " -").split()]
    assert sum(deltas[0::2]) == 40
    assert worldmap.ring_path([(0.0, 0.0), (0.1, 0.1)], 0) == "", "a ring smaller than a unit is dropped"


def test_the_world_map_keeps_all_land_but_antarctica() -> None:
    rings = worldmap.world()
    assert len(rings) > 100
    for ring in rings:
        x, y, width, height = ring.box
        assert x >= 0 and x + width <= worldmap.WIDTH + 1e-6
        assert y >= 0 and y + height <= worldmap.HEIGHT + 1e-6


def test_a_locator_shows_chengdu_when_it_fits_and_points_to_it_otherwise() -> None:
    near = worldmap.locator(3.877, 43.611)  # Montpellier
    assert near.chengdu_inside and near.toward is None
    left, top, width, height = near.box
    assert width / height == pytest.approx(worldmap.LOCATOR_RATIO)
    far = worldmap.locator(-74.0, 40.7)  # New York
    assert not far.chengdu_inside and far.toward is not None
    left, top, width, height = far.box
    x, y = far.toward
    on_edge = min(abs(x - left), abs(x - left - width), abs(y - top), abs(y - top - height))
    assert on_edge < 1e-6, "the line to Chengdu leaves the map at its edge"
    assert x > far.city[0], "eastwards, towards Chengdu on this map"
    assert len(far.land) < len(worldmap.land_path(0)) / 4, "only the land of the region"
