"""The partner cities on maps, as built: the world map of the city index (a link per city
with coordinates, named in the reader's language; Chengdu marked; places where they are
on Earth) and the locator map of each city page. Expectations come from the data files
read as plain YAML, not from the hub's code."""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from babel import Locale
from bs4 import BeautifulSoup, Tag
from sitebuild import ROOT, TEST_SITE_URL, BuiltSite

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
BASE_PATH = urlsplit(TEST_SITE_URL).path
CHENGDU = {"zh": "成都", "en": "Chengdu", "fr": "Chengdu", "ja": "成都"}
BUDGET = 150 * 1024  # bytes, gzipped: the page-weight budget of a page with its assets


@cache
def cities() -> dict[str, dict[str, Any]]:
    return {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "data" / "cities").glob("*.yml"))}


def mapped() -> dict[str, dict[str, Any]]:
    return {city_id: city for city_id, city in cities().items() if city.get("coordinates")}


def country(code: str, lang: str) -> str:
    return Locale.parse(lang).territories[code]


def world_map(site: BuiltSite, lang: str) -> Tag:
    svg = site.soup(PREFIX[lang] + "cities/").select_one("article svg.hub-map__svg")
    assert svg is not None, "no world map on the partner-city index"
    return svg


def dot(link: Tag) -> tuple[float, float]:
    circle = link.select_one("circle.hub-map__dot")
    return float(circle["cx"]), float(circle["cy"])


def test_the_map_has_cities_with_coordinates_and_leaves_out_the_others(site: BuiltSite) -> None:
    """The test above compares the map with the data; this one says that both are not empty."""
    on_map = {link["href"] for link in world_map(site, "en").find_all("a")}
    assert {f"{BASE_PATH}en/cities/montpellier/", f"{BASE_PATH}en/cities/manchester/"} <= on_map
    off_map = set(cities()) - set(mapped())
    assert off_map, "a city without confirmed coordinates stays off the map"
    listed = {a["href"] for a in site.soup("en/cities/").select("article .hub-cities a")}
    for city_id in off_map:
        assert f"{BASE_PATH}en/cities/{city_id}/" not in on_map
        assert f"{BASE_PATH}en/cities/{city_id}/" in listed


@pytest.mark.parametrize("lang", LANGS)
def test_every_city_with_coordinates_is_a_named_link_on_the_world_map(site: BuiltSite, lang: str) -> None:
    svg = world_map(site, lang)
    links = {link["href"]: link for link in svg.find_all("a")}
    expected = {f"{BASE_PATH}{PREFIX[lang]}cities/{city_id}/": city for city_id, city in mapped().items()}
    assert set(links) == set(expected)
    assert len(svg.find_all("a")) == len(expected), "one link per city"
    for href, city in expected.items():
        label = links[href]["aria-label"]
        assert city["name"][lang] in label, (href, label)
        assert country(city["country"], lang) in label, (href, label)
        # The page it leads to exists.
        assert site.path(href.removeprefix(BASE_PATH)).is_file()
    # Every city is still listed below the map: the list is the map's text alternative.
    listed = {a["href"] for a in site.soup(PREFIX[lang] + "cities/").select("article .hub-cities a")}
    assert {f"{BASE_PATH}{PREFIX[lang]}cities/{city_id}/" for city_id in cities()} <= listed


@pytest.mark.parametrize("lang", LANGS)
def test_chengdu_is_marked_and_named_on_the_world_map(site: BuiltSite, lang: str) -> None:
    home = world_map(site, lang).select_one(".hub-map__home")
    assert home is not None
    assert home.select_one("text").get_text() == CHENGDU[lang]
    assert home.select("circle")


def test_the_world_map_puts_cities_where_they_are(site: BuiltSite) -> None:
    svg = world_map(site, "en")
    places = {link["href"].rstrip("/").rsplit("/", 1)[-1]: dot(link) for link in svg.find_all("a")}
    home = svg.select_one(".hub-map__home circle")
    chengdu = float(home["cx"]), float(home["cy"])
    _, _, width, height = (float(value) for value in svg["viewbox"].split())
    for x, y in (*places.values(), chengdu):
        assert 0 < x < width and 0 < y < height
    montpellier, manchester = places["montpellier"], places["manchester"]
    assert montpellier[0] < chengdu[0], "Montpellier is west of Chengdu"
    assert manchester[0] < montpellier[0], "Manchester (2.2° W) is west of Montpellier (3.9° E)"
    assert manchester[1] < montpellier[1] < chengdu[1], "Manchester is north of Montpellier, north of Chengdu"
    # Greenwich in the middle, Chengdu (104° E) between it and the eastern edge.
    assert abs((montpellier[0] + manchester[0]) / 2 - width / 2) < width * 0.02
    assert 0.7 * width < chengdu[0] < 0.85 * width


def test_the_world_map_has_land_and_no_request(site: BuiltSite) -> None:
    svg = world_map(site, "zh")
    land = svg.select_one("path.hub-map__land")["d"]
    assert land.count("M") > 100, "the continents and islands, each a ring"
    assert 5_000 < len(land) < 30_000
    assert not svg.find_all(["image", "use", "script", "foreignobject"])
    assert "http" not in str(svg).replace('xmlns="http://www.w3.org/2000/svg"', "")


def _assets(site: BuiltSite, page: BeautifulSoup, url_path: str) -> list[Path]:
    """The files of the site the page loads: its stylesheets and scripts."""
    found = []
    for tag in page.select("link[rel~=stylesheet][href], script[src]"):
        url = tag.get("href") or tag.get("src")
        target = urlsplit(url).path
        # Site-absolute, or relative to the page.
        target = target.removeprefix(BASE_PATH) if target.startswith(BASE_PATH) else str(Path(url_path) / target)
        found.append(site.path(re.sub(r"[^/]+/\.\./", "", target)))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_map_page_stays_within_the_page_weight_budget(site: BuiltSite, lang: str) -> None:
    url_path = PREFIX[lang] + "cities/"
    page = site.soup(url_path)
    files = [site.path(url_path), *_assets(site, page, url_path)]
    total = sum(len(gzip.compress(path.read_bytes(), mtime=0)) for path in files)
    assert total <= BUDGET, f"{total} bytes gzipped: {[str(f) for f in files]}"


LOCATOR_LABELS = {
    "zh": "{city}（{country}）在世界地图上的位置",
    "en": "{city}, {country}, on a world map",
    "fr": "{city} ({country}) sur une carte du monde",
    "ja": "世界地図上の{city}（{country}）の位置",
}


@pytest.mark.parametrize("lang", LANGS)
def test_a_city_page_shows_a_locator_map_named_in_its_language(site: BuiltSite, lang: str) -> None:
    for city_id, city in mapped().items():
        page = site.soup(f"{PREFIX[lang]}cities/{city_id}/")
        svg = page.select_one("article figure.hub-locator svg")
        assert svg is not None, city_id
        assert svg["role"] == "img"
        assert svg["aria-label"] == LOCATOR_LABELS[lang].format(
            city=city["name"][lang], country=country(city["country"], lang))
        # The coordinates are still there, as text.
        assert page.select_one(".hub-location").get_text(strip=True) != ""
    for city_id in set(cities()) - set(mapped()):
        assert site.soup(f"{PREFIX[lang]}cities/{city_id}/").select_one(".hub-locator") is None


def test_a_locator_map_of_a_european_city_shows_chengdu_too(site: BuiltSite) -> None:
    svg = site.soup("en/cities/montpellier/").select_one("figure.hub-locator svg")
    left, top, width, height = (float(value) for value in svg["viewbox"].split())
    city = svg.select_one("circle.hub-locator__city")
    home = svg.select_one("circle.hub-map__home-ring")
    assert home is not None, "Chengdu fits on the map of Montpellier"
    for circle in (city, home):
        assert left < float(circle["cx"]) < left + width and top < float(circle["cy"]) < top + height
    assert float(city["cx"]) < float(home["cx"])
    texts = [text.get_text() for text in svg.select("text")]
    assert "Montpellier" in texts and "Chengdu" in texts
    # Cut to the region: much less land than the world map carries.
    assert len(svg.select_one("path.hub-map__land")["d"]) < 10_000
