"""World maps drawn at build time: Natural Earth's land (hooks/hub/graphics/maps/) in the Equal
Earth projection, as SVG path data, and the places of the partner cities on it.

Equal Earth keeps areas true (Africa is not drawn smaller than Greenland) and its curved
sides still read as "the world". The map is centred on Greenwich: Natural Earth's outlines
are cut at 180°, in the Pacific, where no partner city lies, while any meridian through the
Atlantic (a map centred on Chengdu or on the Pacific) splits Greenland, Africa or the
Americas in two; Chengdu, Europe and Africa then stay one continuous land mass, with
Chengdu right of the middle. Antarctica is left out (no partner city there) and the map
runs from 56° S (Cape Horn) to 84° N.

The land is read, projected and turned into path data once per process (every language
build of a site uses the same): `world()` and `land_path()` are cached.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path

LAND_FILE = Path(__file__).resolve().parent / "maps" / "land-110m.json"
CHENGDU = (104.07, 30.66)  # lon, lat of the city centre (Tianfu Square)
WIDTH = 1000.0  # map units from 180° W to 180° E on the equator
NORTH, SOUTH = 84.0, -56.0

# Equal Earth (Šavrič, Patterson, Jenny 2018).
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x, y, width, height


def equal_earth(lon: float, lat: float) -> Point:
    """Projected (x east, y north) of a place in degrees, in units of the Earth's radius."""
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_X_MAX = equal_earth(180, 0)[0]
_Y_TOP = equal_earth(0, NORTH)[1]
_SCALE = WIDTH / (2 * _X_MAX)


def project(lon: float, lat: float) -> Point:
    """Map units, (0, 0) at the top left, y down as in SVG."""
    x, y = equal_earth(lon, lat)
    return (x + _X_MAX) * _SCALE, (_Y_TOP - y) * _SCALE


HEIGHT = project(0, SOUTH)[1]


def absolute_arcs(topology: dict) -> list[list[Point]]:
    """The arcs of a quantized topology as (lon, lat) points: each arc is delta-encoded
    integers under the topology's transform."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[Point]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def decode_topojson(topology: dict, name: str) -> list[list[Point]]:
    """Every ring (lon, lat) of the (Multi)Polygons of object `name`. Arcs are delta-encoded
    integers under a transform; a negative index ~i stands for arc i reversed; the first
    point of each arc after the first repeats the last point of the one before."""
    arcs = absolute_arcs(topology)
    rings: list[list[Point]] = []
    for geometry in topology["objects"][name]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                points: list[Point] = []
                for index in ring:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    points.extend(arc if not points else arc[1:])
                rings.append(points)
    return rings


def split_at_antimeridian(ring: list[Point]) -> list[list[Point]]:
    """A ring that crosses 180° (Chukotka, Fiji: drawn on a sphere, Natural Earth's rings
    simply go on from 180° to -180°) as the parts on either edge of a flat map. The ring
    is unwrapped to continuous longitudes, and it and its copies one turn east and west
    are cut to -180°..180°."""
    unwrapped = [ring[0]]
    for lon, lat in ring[1:]:
        previous = unwrapped[-1][0]
        lon += 360 * round((previous - lon) / 360)
        unwrapped.append((lon, lat))
    if all(-180 <= lon <= 180 for lon, _ in unwrapped):
        return [ring]
    parts = []
    for turn in (-360, 0, 360):
        part = clip([(lon + turn, lat) for lon, lat in unwrapped], (-180.0, -90.0, 360.0, 180.0))
        if len(part) >= 3:
            parts.append(part)
    return parts


@dataclass(frozen=True)
class Ring:
    points: tuple[Point, ...]  # map units
    box: Box


@cache
def world() -> tuple[Ring, ...]:
    """The land, projected: read once per process."""
    topology = json.loads(LAND_FILE.read_text(encoding="utf-8"))
    rings = []
    for whole in decode_topojson(topology, "land"):
        for ring in split_at_antimeridian(whole):
            points = tuple(project(lon, lat) for lon, lat in ring)
            xs, ys = [p[0] for p in points], [p[1] for p in points]
            rings.append(Ring(points, (min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))))
    return tuple(rings)


def _number(value: int, precision: int) -> str:
    """An integer of 10**-precision units as short SVG number text: 12, -1.5, .5."""
    if precision == 0:
        return str(value)
    text = f"{value / 10 ** precision:.{precision}f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def _join(numbers: Iterable[str]) -> str:
    """Numbers as SVG path data needs them: a minus sign separates on its own."""
    out: list[str] = []
    for text in numbers:
        if out and not text.startswith("-"):
            out.append(" ")
        out.append(text)
    return "".join(out)


def ring_path(points: Sequence[Point], precision: int) -> str:
    """One closed ring: an absolute move, then relative lines between rounded points (so
    that rounding never accumulates). Empty when it rounds to less than a triangle."""
    factor = 10 ** precision
    rounded: list[tuple[int, int]] = []
    for x, y in points:
        point = (round(x * factor), round(y * factor))
        if not rounded or point != rounded[-1]:
            rounded.append(point)
    if len(rounded) > 1 and rounded[-1] == rounded[0]:
        rounded.pop()
    if len(rounded) < 3:
        return ""
    deltas: list[str] = []
    for (x0, y0), (x1, y1) in pairwise(rounded):
        deltas += [_number(x1 - x0, precision), _number(y1 - y0, precision)]
    start = _join([_number(rounded[0][0], precision), _number(rounded[0][1], precision)])
    return f"M{start}l{_join(deltas)}z"


def _meets(a: Box, b: Box) -> bool:
    return a[0] <= b[0] + b[2] and b[0] <= a[0] + a[2] and a[1] <= b[1] + b[3] and b[1] <= a[1] + a[3]


def clip(points: Sequence[Point], box: Box) -> list[Point]:
    """A ring cut to a rectangle (Sutherland-Hodgman: the rectangle is convex). Where the
    land leaves the box and comes back, the result runs along the box's edge; the map
    draws a slightly larger box than it shows, so that edge is never seen."""
    left, top, width, height = box
    edges = (
        (lambda p: p[0] >= left, lambda a, b: (left, a[1] + (b[1] - a[1]) * (left - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= left + width,
         lambda a, b: (left + width, a[1] + (b[1] - a[1]) * (left + width - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= top, lambda a, b: (a[0] + (b[0] - a[0]) * (top - a[1]) / (b[1] - a[1]), top)),
        (lambda p: p[1] <= top + height,
         lambda a, b: (a[0] + (b[0] - a[0]) * (top + height - a[1]) / (b[1] - a[1]), top + height)),
    )
    out = list(points)
    for inside, cross in edges:
        if not out:
            break
        ring, out = out, []
        for index, current in enumerate(ring):
            previous = ring[index - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
    return out


@cache
def land_path(precision: int = 0, box: Box | None = None) -> str:
    """The land as one path: all of it, or cut to `box` (and a margin around it)."""
    if box is None:
        return "".join(ring_path(ring.points, precision) for ring in world())
    margin = box[2] / 50
    wide = (box[0] - margin, box[1] - margin, box[2] + 2 * margin, box[3] + 2 * margin)
    return "".join(ring_path(clip(ring.points, wide), precision) for ring in world() if _meets(ring.box, wide))


@cache
def outline_path() -> str:
    """The edge of the map (the sea behind the land): parallels are straight in Equal
    Earth, the meridians at 180° curve."""
    steps = [SOUTH + (NORTH - SOUTH) * i / 28 for i in range(29)]
    points = [project(180, lat) for lat in steps] + [project(-180, lat) for lat in reversed(steps)]
    return ring_path(points, 0)


@dataclass(frozen=True)
class Locator:
    """A map cropped around one city: the region, the city, and Chengdu or the way to it."""

    box: Box
    land: str
    city: Point
    chengdu: Point
    chengdu_inside: bool
    toward: Point | None  # where the line to Chengdu leaves the box, when Chengdu is outside
    unit: float  # one hundredth of the box's width: sizes of dots, lines and text

    @property
    def view_box(self) -> str:
        return " ".join(_number(round(value * 10), 1) for value in self.box)


LOCATOR_RATIO = 1.6  # width / height
LOCATOR_MIN_WIDTH = 150.0  # about 54° of longitude: a country and its neighbours
LOCATOR_MAX_WIDTH = 430.0  # beyond this Chengdu is not drawn with the city


def _fit(x0: float, y0: float, x1: float, y1: float, pad: float) -> Box:
    """The smallest box of the locator's shape around the points, padded, inside the map."""
    width = max(x1 - x0 + 2 * pad, (y1 - y0 + 2 * pad) * LOCATOR_RATIO, LOCATOR_MIN_WIDTH)
    height = width / LOCATOR_RATIO
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left = min(max(cx - width / 2, 0.0), WIDTH - width)
    top = min(max(cy - height / 2, 0.0), max(HEIGHT - height, 0.0))
    return left, top, width, height


def _exit(start: Point, end: Point, box: Box) -> Point:
    """Where the segment from `start` (inside the box) to `end` (outside) leaves the box."""
    (x0, y0), (x1, y1) = start, end
    left, top, width, height = box
    t = 1.0
    for origin, delta, low, high in ((x0, x1 - x0, left, left + width), (y0, y1 - y0, top, top + height)):
        if delta > 0:
            t = min(t, (high - origin) / delta)
        elif delta < 0:
            t = min(t, (low - origin) / delta)
    return x0 + (x1 - x0) * t, y0 + (y1 - y0) * t


@cache
def locator(lon: float, lat: float) -> Locator:
    city = project(lon, lat)
    chengdu = project(*CHENGDU)
    x0, x1 = sorted((city[0], chengdu[0]))
    y0, y1 = sorted((city[1], chengdu[1]))
    together = x1 - x0 <= LOCATOR_MAX_WIDTH and (y1 - y0) * LOCATOR_RATIO <= LOCATOR_MAX_WIDTH
    if together:
        box = _fit(x0, y0, x1, y1, pad=max(x1 - x0, (y1 - y0) * LOCATOR_RATIO) * 0.12 + 12)
    else:
        box = _fit(city[0], city[1], city[0], city[1], pad=0)
    inside = _meets((chengdu[0], chengdu[1], 0, 0), box)
    return Locator(
        # Tenths of a unit where a unit is bigger than a screen pixel.
        box=box, land=land_path(1 if box[2] < 250 else 0, box), city=city, chengdu=chengdu, chengdu_inside=inside,
        toward=None if inside else _exit(city, chengdu, box), unit=box[2] / 100,
    )
