"""Partner cities (data/cities/<id>.yml): one page per city and language (cities/<id>/),
and the listing under the hand-written introduction of the index (cities/), grouped by
continent, with an honest total against the number Chengdu reports. A city's page is a
schema.org City in its Country; cities are not announced in feeds (each has a feed of its
own, of what concerns it: hub.site.subscriptions).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any, get_args

from babel import Locale
from babel.numbers import parse_pattern

from ..graphics.card_draw import Card
from ..pages.generate import GeneratedPage
from ..site.dates import country_name
from ..site.render import Renderer
from ..site.views import render_view, site_relations
from ..source.models import City, Continent, Coordinates
from ..source.ui import UiStrings
from . import RecordKind
from .article import city_news_folder

# Parsed once: Babel parses a pattern given as text on every call.
_DEGREES = parse_pattern("0.0##")


@cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def coordinates_text(coordinates: Coordinates, lang: str, ui: UiStrings) -> str:
    """43.611° N, 3.877° E / 北纬 43.611°，东经 3.877° — as text: no map from another host."""

    def degrees(value: float) -> str:
        return _DEGREES.apply(abs(value), _locale(lang))

    lat_key = "latitude_north" if coordinates.lat >= 0 else "latitude_south"
    lon_key = "longitude_east" if coordinates.lon >= 0 else "longitude_west"
    return ui.t(
        "coordinates", lang,
        lat=ui.t(lat_key, lang, value=degrees(coordinates.lat)),
        lon=ui.t(lon_key, lang, value=degrees(coordinates.lon)),
    )


def names_by_text(city: City, languages: tuple[str, ...]) -> list[tuple[str, list[str]]]:
    """Each distinct name with the languages that write it so, in language order.

    A name given only in Chinese and copied into the other languages (a city whose other
    names are not confirmed) then shows once, marked as Chinese, not as "English: 泽里果德市"."""
    names: dict[str, list[str]] = {}
    for code in languages:
        if city.name.has(code):
            names.setdefault(city.name.get(code), []).append(code)
    return list(names.items())


def city_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    fallbacks = renderer.settings.fallbacks(lang)
    related = site_relations(renderer)
    shown = renderer.settings.city_news
    for city_id, city in sorted(renderer.catalog.cities.items()):
        note = city.name_note.get(lang) if city.name_note else None
        links = related.city(city_id)
        body = render_view(
            renderer, "city.html", lang,
            city_id=city_id, city=city, links=links, note=note,
            # The newest news; the others are on the city's list in the archive.
            news=links.news[:shown], more_news=f"{city_news_folder(city_id)}/" if len(links.news) > shown else None,
            names=names_by_text(city, renderer.settings.languages),
            coordinates=coordinates_text(city.coordinates, lang, renderer.ui) if city.coordinates else None,
        )
        title, _ = city.name.pick(lang, fallbacks)
        yield GeneratedPage(lang, f"cities/{city_id}.md", title, body)


def by_continent(renderer: Renderer, lang: str) -> list[tuple[str, list[tuple[str, City]]]]:
    """Continents with at least one city, in a fixed order; cities by country, then name."""
    fallbacks = renderer.settings.fallbacks(lang)
    groups: dict[str, list[tuple[str, City]]] = {continent: [] for continent in get_args(Continent)}
    for city_id, city in renderer.catalog.cities.items():
        groups[city.continent].append((city_id, city))
    for cities in groups.values():
        cities.sort(key=lambda item: (country_name(item[1].country, lang), item[1].name.pick(lang, fallbacks)[0]))
    return [(continent, cities) for continent, cities in groups.items() if cities]


def render_cities_index(
    renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]
) -> str | None:
    if src_uri != "cities/index.md":
        return None
    facts = renderer.catalog.facts
    listing = render_view(
        renderer, "cities_index.html", lang,
        groups=by_continent(renderer, lang),
        listed=len(renderer.catalog.cities),
        reported=facts.partner_cities_reported if facts else None,
    )
    return f"{markdown}\n\n{listing}\n"


def seo_facts(renderer: Renderer, city_id: str, city: City, lang: str) -> tuple[str | None, dict[str, Any]]:
    fallbacks = renderer.settings.fallbacks(lang)
    facts = {
        "name": city.name.pick(lang, fallbacks)[0],
        "native_name": city.native_name,
        "country": country_name(city.country, lang),
        "country_code": city.country,
        "latitude": city.coordinates.lat if city.coordinates else None,
        "longitude": city.coordinates.lon if city.coordinates else None,
    }
    return (city.summary.pick(lang, fallbacks)[0] if city.summary else None), facts


def card(renderer: Renderer, city: City, lang: str, site_name: str) -> Card:
    ui = renderer.ui
    return Card(lang, city.name.pick(lang, renderer.settings.fallbacks(lang))[0], ui.t("card_kind_city", lang),
                site_name, ui.t("card_established", lang, year=city.established),
                subtitle=country_name(city.country, lang))


def _stub_values() -> dict[str, Any]:
    return {
        "continents": ", ".join(get_args(Continent)),
        "relationships": ", ".join(get_args(City.model_fields["relationship"].annotation)),
    }


KIND = RecordKind(
    name="city",
    folder="cities",
    model=City,
    label="partner city",
    plural="partner cities",
    schema_description="A partner city of Chengdu: data/cities/<id>.yml",
    pages=city_pages,
    listing=render_cities_index,
    references=(),
    seo=seo_facts,
    card=card,
    stub_values=_stub_values,
)
