"""Share on WeChat: every article and record page carries a QR code of its own absolute
address, drawn at build time, shown on request, read back here by a real QR decoder
(zxing-cpp) from the picture as built."""

from __future__ import annotations

import base64
import io

import pytest
import zxingcpp
from bs4 import Tag
from PIL import Image
from sitebuild import TEST_SITE_URL, BuiltSite

LANGS = ("zh", "en", "fr", "ja")
PREFIX = {"zh": "", "en": "en/", "fr": "fr/", "ja": "ja/"}
PAGES = {
    "article": "news/2025/sister-cities-conference-2025/",
    "policy": "policies/foreign-investment-measures-2025/",
    "city": "cities/montpellier/",
    "event": "events/japan-roadshows-2025/",
    "opportunity": "opportunities/international-rd-institution-grant/",
}
SUMMARY = {
    "zh": "分享到微信：扫描二维码",
    "en": "Share on WeChat: scan the QR code",
    "fr": "Partager sur WeChat : scannez le code QR",
    "ja": "WeChatで共有：QRコードをスキャン",
}


def modules_of(svg: Tag) -> list[bytes]:
    """The picture's pixels, one per module, quiet zone included: b"\x01" dark, b"\x00" light."""
    (image,) = svg.find_all("image")
    assert image["href"].startswith("data:image/png;base64,")
    picture = Image.open(io.BytesIO(base64.b64decode(image["href"].removeprefix("data:image/png;base64,"))))
    picture = picture.convert("L")
    size = int(svg["viewbox"].split()[2])
    assert picture.size == (size, size) == (int(image["width"]), int(image["height"]))
    pixels = picture.tobytes()
    size = picture.size[0]
    return [bytes(1 if pixel < 128 else 0 for pixel in pixels[row * size:(row + 1) * size]) for row in range(size)]


def scan(svg: Tag, scale: int = 4) -> str | None:
    """Draw the code's picture at `scale` and read it with zxing-cpp; None when no QR code is found."""
    rows = modules_of(svg)
    picture = Image.new("L", (len(rows), len(rows)), 255)
    picture.putdata([0 if module else 255 for row in rows for module in row])
    found = zxingcpp.read_barcode(picture.resize((len(rows) * scale,) * 2, Image.NEAREST))
    return found.text if found else None


def share_block(site: BuiltSite, url_path: str) -> Tag:
    blocks = site.soup(url_path).select("article details.hub-share")
    assert len(blocks) == 1, f"{url_path}: {len(blocks)} share blocks"
    return blocks[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", PAGES)
def test_each_page_offers_a_qr_code_of_its_own_address(site: BuiltSite, lang: str, kind: str) -> None:
    url_path = PREFIX[lang] + PAGES[kind]
    block = share_block(site, url_path)
    assert "open" not in block.attrs, "shown on request"
    assert block.select_one("summary").get_text(strip=True) == SUMMARY[lang]
    svg = block.select_one("svg.hub-share__code")
    expected = TEST_SITE_URL + url_path
    assert scan(svg) == expected
    assert svg["role"] == "img" and expected in svg["aria-label"]
    assert block.find("img") is None, "Pagefind would take an <img> for the page's picture"
    assert block.select_one(".hub-share__url").get_text() == expected
    assert not block.find_all("script")


def test_qr_codes_are_small_and_stay_out_of_feeds(site: BuiltSite) -> None:
    for kind, path in PAGES.items():
        svg = share_block(site, "en/" + path).select_one("svg")
        # The code, not its label (the address again): an SVG path of the same code was
        # 1.9-2.3 KB (bench/README.md, "Bytes").
        assert len(svg.image["href"]) < 600, (kind, len(svg.image["href"]))
    feed = site.text("en/feeds/all.atom.xml") if site.path("en/feeds/all.atom.xml").is_file() else ""
    assert feed and "hub-share" not in feed and "WeChat" not in feed


def test_the_qr_block_and_maps_stay_out_of_the_search_index(site: BuiltSite) -> None:
    """A search for "WeChat" or "Chengdu" must not return every page because of the share
    block or a map's labels."""
    from test_search_index import fragments

    indexed = fragments(site.dir)
    for url in ("/en/" + PAGES["article"], "/en/" + PAGES["city"], "/en/cities/"):
        content = indexed[url][1]["content"]
        assert "WeChat" not in content and "QR" not in content, url
        # Nor the code itself as the picture of the result (Pagefind takes a page's first <img>).
        assert not indexed[url][1]["meta"].get("image", "").startswith("data:"), url
    assert "select one to open its page" not in indexed["/en/cities/"][1]["content"]


@pytest.mark.parametrize("url", [
    "https://example.org/",
    "https://chengdu-global-hub.github.io/hub/fr/news/2025/sister-cities-conference-2025/",
    "https://example.org/hub/ja/opportunities/" + "international-rd-institution-grant-" * 6,
    "https://example.org/hub/%E6%88%90%E9%83%BD/cities/montpellier/",
])
def test_the_code_is_drawn_as_segno_draws_it(url: str) -> None:
    """The hub draws the code itself (hub.graphics.qr_code, hub.graphics.share_qr): segno's
    modules with its quiet zone of four, one pixel each, and it scans."""
    import segno
    from bs4 import BeautifulSoup
    from hub.graphics.share_qr import qr_svg

    code = segno.make(url, error="l", micro=False, mask=2)
    expected = [bytes(row) for row in code.matrix_iter(scale=1, border=4)]
    svg = BeautifulSoup(qr_svg(url, "QR & code"), "html.parser").svg
    assert svg["aria-label"] == "QR & code" and svg["class"] == ["hub-share__code"] and svg["role"] == "img"
    assert modules_of(svg) == expected
    assert scan(svg) == url
