"""Pictures the hub draws itself (maps, QR codes) go into a page after the sanitiser.

The sanitiser removes every <svg> from page HTML (content must not carry script vectors),
the hub's own templates included. Those templates therefore write an empty slot,
`<div class="hub-slot" data-hub-slot="NAME"></div>`, which the sanitiser keeps, and the
slot is filled once the page is clean. What fills a slot depends only on its name and on
the page it is in: a slot written into an article by hand can only show that page's own
QR code or the partner-city map.
"""

from __future__ import annotations

import re

from markupsafe import Markup

from ..site.render import Renderer
from . import city_maps, share_qr

_SLOT = re.compile(r'<div class="hub-slot" data-hub-slot="([a-z-]+)">\s*</div>')
_CITY_PAGE = re.compile(r"cities/([^/]+)\.md")


def slot(name: str) -> Markup:
    """The slot, as a template writes it."""
    return Markup(f'<div class="hub-slot" data-hub-slot="{name}"></div>')


def fill_slots(renderer: Renderer, html: str, *, src_uri: str, lang: str, url_path: str) -> str:
    """`src_uri`: the page's source inside its language folder; `url_path`: its address
    inside the language root (cities/montpellier/)."""
    if "data-hub-slot" not in html:
        return html

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name == "share":
            return share_qr.share_html(renderer, lang, url_path)
        if name in ("world-map", "world-map-small"):
            return city_maps.world_map_html(renderer, lang, compact=name == "world-map-small")
        city = _CITY_PAGE.fullmatch(src_uri)
        if name == "locator" and city and city.group(1) in renderer.catalog.cities:
            return city_maps.locator_html(renderer, lang, renderer.catalog.cities[city.group(1)])
        return ""

    return _SLOT.sub(fill, html)
