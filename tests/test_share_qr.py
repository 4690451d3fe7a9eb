"""Share on WeChat: every article and record page carries a QR code of its own absolute
address, drawn at build time, shown on request, read back here by a real QR decoder
(zxing-cpp) from the SVG as built."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from bs4 import Tag
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
_COMMAND = re.compile(r"([MmHh])([^MmHh]*)")
_NUMBER = re.compile(r"-?\d*\.?\d+")


def scan(svg: Tag, scale: int = 4) -> str | None:
    """Draw the code's SVG as pixels (its path: moves and horizontal strokes one module
    high) and read it with zxing-cpp; None when no QR code is found."""
    size = int(svg["viewbox"].split()[2])
    (dark_path,) = [path for path in svg.find_all("path") if path.get("stroke")]
    modules: set[tuple[int, int]] = set()
    x = y = 0.0
    for command, args in _COMMAND.findall(dark_path["d"]):
        numbers = [float(value) for value in _NUMBER.findall(args)]
        if command == "M":
            x, y = numbers[0], numbers[1]
        elif command == "m":
            x, y = x + numbers[0], y + numbers[1]
        else:
            end = x + numbers[0] if command == "h" else numbers[0]
            modules.update((column, int(y)) for column in range(int(min(x, end)), int(max(x, end))))
            x = end
    pixels = size * scale
    image = bytearray(b"\xff" * pixels * pixels)
    for column, row in modules:
        for line in range(row * scale, row * scale + scale):
            image[line * pixels + column * scale : line * pixels + column * scale + scale] = b"\x00" * scale
    found = zxingcpp.read_barcode(memoryview(bytes(image)).cast("B", (pixels, pixels)))
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
    svg = block.select_one("svg")
    expected = TEST_SITE_URL + url_path
    assert scan(svg) == expected
    assert svg["role"] == "img" and expected in svg["aria-label"]
    assert block.select_one(".hub-share__url").get_text() == expected
    assert not block.find_all("script")


def test_qr_codes_are_small_and_stay_out_of_feeds(site: BuiltSite) -> None:
    for kind, path in PAGES.items():
        svg = share_block(site, "en/" + path).select_one("svg")
        assert len(str(svg)) < 3_000, (kind, len(str(svg)))
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
    assert "select one to open its page" not in indexed["/en/cities/"][1]["content"]


@pytest.mark.parametrize("url", [
    "https://example.org/",
    "https://chengdu-global-hub.github.io/hub/fr/news/2025/sister-cities-conference-2025/",
    "https://example.org/hub/ja/opportunities/" + "international-rd-institution-grant-" * 6,
    "https://example.org/hub/%E6%88%90%E9%83%BD/cities/montpellier/",
])
def test_the_code_is_drawn_as_segno_draws_it(url: str) -> None:
    """The hub writes the code's path itself (hub.graphics.share_qr._dark_path), faster than segno's
    SVG writer: the same SVG, byte for byte, and it scans."""
    import io

    import segno
    from bs4 import BeautifulSoup
    from hub.graphics.share_qr import qr_svg

    out = io.BytesIO()
    segno.make(url, error="l", micro=False, mask=2).save(
        out, kind="svg", xmldecl=False, svgns=False, nl=False, omitsize=True, border=4, svgclass="hub-share__code",
        lineclass=None, dark="#000", light="#fff")
    expected = out.getvalue().decode("ascii").replace("<svg ", '<svg role="img" aria-label="QR &amp; code" ', 1)
    drawn = qr_svg(url, "QR & code")
    assert drawn == expected
    assert scan(BeautifulSoup(drawn, "html.parser").svg) == url


def test_the_path_is_segnos_for_addresses_of_every_size() -> None:
    """Codes of every version the site's addresses reach, with strokes of one module, rows
    without any and runs at both edges: the path is segno's, character for character."""
    import io

    import segno
    from hub.graphics.share_qr import qr_svg

    for length in range(1, 400, 3):
        url = "https://example.org/hub/" + ("news/a-b-c/" * 40)[:length]
        out = io.BytesIO()
        segno.make(url, error="l", micro=False, mask=2).save(
            out, kind="svg", xmldecl=False, svgns=False, nl=False, omitsize=True, border=4,
            svgclass="hub-share__code", lineclass=None, dark="#000", light="#fff")
        expected = out.getvalue().decode("ascii").replace("<svg ", '<svg role="img" aria-label="x" ', 1)
        assert qr_svg(url, "x") == expected, url
