"""The icons of the header (menu, languages, search) and of "Back to top" come from one cached
sprite, assets/hub-icons.svg, not written out in every page (bench/README.md, "Bytes": 1.2 KB
of every page); the sprite draws Material's own icons, so a reader sees the same header."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hub.stack.material_theme import ICON_SPRITE, icon_symbol_id, material_icon
from sitebuild import ROOT, BuiltSite

SPRITE_ICONS = ("material/menu", "material/translate", "material/magnify", "material/arrow-up")


def sprite_symbols(text: str) -> dict[str, tuple[str, str]]:
    soup = BeautifulSoup(text, "html.parser")
    return {symbol["id"]: (symbol["viewbox"], "".join(str(child) for child in symbol.contents).strip())
            for symbol in soup.find_all("symbol")}


def test_the_sprite_draws_materials_own_icons() -> None:
    """An upgrade of Material that redraws an icon is noticed here: copy its path into the sprite."""
    symbols = sprite_symbols(ROOT.joinpath("overrides", *ICON_SPRITE).read_text(encoding="utf-8"))
    assert set(symbols) == {icon_symbol_id(name) for name in SPRITE_ICONS}
    for name in SPRITE_ICONS:
        box, drawing = material_icon(name)
        assert symbols[icon_symbol_id(name)] == (box, BeautifulSoup(drawing, "html.parser").decode().strip()), name


@pytest.mark.parametrize("url_path", ["", "en/news/2025/japan-activities-2024/",
                                      "fr/news/2025/chengdu-penang-direct-flight/", "ja/cities/dunakeszi/", "en/news/",
                                      "404.html"])
def test_header_and_back_to_top_icons_point_into_the_published_sprite(site: BuiltSite, url_path: str) -> None:
    html = site.text(url_path)
    published = sprite_symbols(site.path("/".join(ICON_SPRITE)).read_text(encoding="utf-8"))
    soup = BeautifulSoup(html, "html.parser")
    base = re.sub(r"^https?://[^/]+", "", site.site_url).rstrip("/") + "/"
    expected = {
        "label.md-header__button[for=__drawer] svg use": "material-menu",
        ".md-select > button svg use": "material-translate",
        ".hub-search__open svg use": "material-magnify",
        ".hub-search__icon svg use": "material-magnify",
        "button.md-top svg use": "material-arrow-up",
    }
    for selector, symbol in expected.items():
        if url_path == "404.html" and selector.startswith("button.md-top"):
            continue  # the 404 page has no "Back to top"
        used = soup.select_one(selector)
        assert used is not None, (url_path, selector)
        assert used["href"] == f"{base}{'/'.join(ICON_SPRITE)}#{symbol}", (url_path, selector)
        assert symbol in published


def test_no_page_writes_out_the_sprites_icons(site: BuiltSite) -> None:
    drawings = [material_icon(name)[1] for name in SPRITE_ICONS]
    pages = site.html_files()
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert not any(drawing in html for drawing in drawings), path
