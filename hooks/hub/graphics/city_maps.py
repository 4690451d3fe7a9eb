"""The partner cities on maps: the world map of the city index (and, small, of any page
that wants it) and the locator map of a city's page. Geometry comes from hub.graphics.worldmap,
computed once per process; only names and links are per language.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..site.dates import country_name
from ..site.render import Renderer
from ..site.views import pick_city_name, render_view
from ..source.models import City
from . import worldmap


def n(value: float) -> str:
    """A coordinate for an SVG attribute: tenths are enough at any size the maps are shown."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass(frozen=True)
class MapCity:
    href: str
    label: str  # accessible name: "Montpellier, France"
    name: str
    name_lang: str
    x: str
    y: str
    label_end: bool  # the visible label goes left of the dot (east edge of the map)


def _label(renderer: Renderer, city: City, lang: str) -> tuple[str, str, str]:
    name, name_lang = pick_city_name(city, lang, renderer.settings.fallbacks(lang))
    return renderer.ui.t("map_city", lang, city=name, country=country_name(city.country, lang)), name, name_lang


def world_map_html(renderer: Renderer, lang: str, *, compact: bool = False) -> str:
    """The world map of every partner city with coordinates, each a link to its page, and
    Chengdu marked. `compact`: no caption (for a small copy, e.g. on the home page)."""
    cities = []
    for city_id, city in sorted(renderer.catalog.cities.items()):
        if city.coordinates is None:
            continue
        x, y = worldmap.project(city.coordinates.lon, city.coordinates.lat)
        label, name, name_lang = _label(renderer, city, lang)
        cities.append(MapCity(renderer.href(lang, f"cities/{city_id}/"), label, name, name_lang, n(x), n(y),
                              x > worldmap.WIDTH * 0.8))
    # Southern cities last: a dot drawn later is on top, and labels open downwards.
    cities.sort(key=lambda city: float(city.y))
    chengdu = worldmap.project(*worldmap.CHENGDU)
    return render_view(
        renderer, "world_map.html", lang,
        view_box=f"0 0 {n(worldmap.WIDTH)} {n(worldmap.HEIGHT)}",
        outline=worldmap.outline_path(), land=worldmap.land_path(0),
        cities=cities, chengdu=(n(chengdu[0]), n(chengdu[1])), compact=compact,
    )


def locator_html(renderer: Renderer, lang: str, city: City) -> str:
    """A city's small map: its region, the city, and Chengdu (or the way to it)."""
    if city.coordinates is None:
        return ""
    found = worldmap.locator(city.coordinates.lon, city.coordinates.lat)
    _, name, name_lang = _label(renderer, city, lang)
    left, top, width, height = found.box
    unit = found.unit

    toward = found.toward
    if toward is not None:  # the line ends a little inside the edge, under the arrowhead
        cx, cy = found.city
        length = max(((toward[0] - cx) ** 2 + (toward[1] - cy) ** 2) ** 0.5, 1e-9)
        back = min(3 * unit, length / 2)
        toward = (toward[0] - (toward[0] - cx) / length * back, toward[1] - (toward[1] - cy) / length * back)
    end = found.chengdu if found.chengdu_inside else toward
    assert end is not None
    # Each label on the side away from the other point (the line runs between them),
    # unless it would leave the map there.
    eastward = end[0] >= found.city[0]
    chengdu_name = renderer.ui.t("chengdu", lang)
    return render_view(
        renderer, "locator_map.html", lang,
        aria_label=renderer.ui.t("locator_label", lang, city=name,
                                 country=country_name(city.country, lang)),
        view_box=found.view_box, land=found.land,
        sea=(n(left - unit), n(top - unit), n(width + 2 * unit), n(height + 2 * unit)),
        city_point=(n(found.city[0]), n(found.city[1])), name=name, name_lang=name_lang,
        city_text=_label_place(found.city, name, found.box, unit, west=eastward),
        end=(n(end[0]), n(end[1])), chengdu_inside=found.chengdu_inside,
        chengdu_text=_label_place(end, chengdu_name, found.box, unit, west=eastward),
        u=lambda factor: n(unit * factor), city_font=CITY_TEXT, chengdu_font=CHENGDU_TEXT,
    )


CITY_TEXT, CHENGDU_TEXT = 3.4, 3.2  # font sizes, in hundredths of the locator's width


def _label_place(point: tuple[float, float], text: str, box: worldmap.Box, unit: float,
                 *, west: bool) -> tuple[str, str, str]:
    """(x, y, text-anchor) of a label beside `point`: west or east of it as asked if the
    text fits inside the box there (its width estimated: a CJK character is about one em,
    a Latin one about 0.6), above it, or below near the top edge."""
    left, top, width, _ = box
    em = CITY_TEXT * unit
    wide = sum(1.0 if ord(char) > 0x2E80 else 0.6 for char in text) * em
    gap = 2.2 * unit
    fits_west = point[0] - gap - wide >= left
    fits_east = point[0] + gap + wide <= left + width
    if (west and fits_west) or not fits_east:
        x, anchor = point[0] - gap, "end"
    else:
        x, anchor = point[0] + gap, "start"
    y = point[1] + gap + em if point[1] - gap - em < top else point[1] - gap
    return n(x), n(y), anchor
