"""A page's address as a QR code, for readers who share pages through WeChat: it opens
links but does not take them from a desktop browser, so the reader scans the screen with
the phone. Drawn at build time (segno's code, made faster by hub.graphics.qr_code) as a small
inline picture: no script, no request.

The picture is a one-bit PNG of one pixel per module, in the page as a data: address and
scaled up by CSS without smoothing (`image-rendering: pixelated`, assets/hub.css): about
0.4 KB where the same code as an SVG path weighed 1.5–2.3 KB of every article and record
page (bench/README.md, "Bytes"). The modules are the same (tests/test_share_qr.py compares
them with segno's and scans the pictures, in the built pages and in a browser)."""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from ..site.render import Renderer
from . import qr_code

_BORDER = 4  # the quiet zone scanners need, in modules
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_AS_BITS = bytes.maketrans(b"\x00\x01", b"10")  # segno: 1 dark; a one-bit grey PNG: 0 black


def qr_svg(url: str, label: str) -> str:
    """The code as a picture: dark modules on white (a code on a dark background would not
    scan), with the quiet zone of four modules that scanners need; sized by CSS. Error
    correction L (the lowest) keeps the code small: a screen is not a worn label.

    The mask is fixed: choosing the best of the eight takes four fifths of the time (some
    7 ms a page, half a minute of a build of 2,000 articles in four languages), and for
    addresses of this site mask 2 scores within 1% of the best on average and 9% at worst
    by the standard's penalty rules (150 addresses measured with segno.encoder.evaluate_mask)."""
    matrix = qr_code.modules(url)  # segno.make(url, error="l", micro=False, mask=2).matrix
    size = len(matrix) + 2 * _BORDER
    data = base64.b64encode(qr_png(matrix)).decode("ascii")
    # In an <svg>, not an <img>: Pagefind takes a page's first <img> for the picture of its
    # search result, and would copy the code into the index of every page.
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {size} {size}" class="hub-share__code">'
            f'<image width="{size}" height="{size}" href="data:image/png;base64,{data}"/></svg>')


def qr_png(matrix: Sequence[bytes]) -> bytes:
    """The modules as a one-bit greyscale PNG, one pixel per module, quiet zone included."""
    size = len(matrix) + 2 * _BORDER
    width = (size + 7) // 8 * 8  # a row is whole bytes; the padding bits are white
    quiet = "1" * _BORDER
    rows = [quiet + row.translate(_AS_BITS).decode("ascii") + quiet for row in matrix]
    white = ["1" * size] * _BORDER
    raw = b"".join(b"\x00" + int(row.ljust(width, "1"), 2).to_bytes(width // 8, "big")  # filter 0: none
                   for row in (*white, *rows, *white))
    header = struct.pack(">IIBBBBB", size, size, 1, 0, 0, 0, 0)  # 1 bit, greyscale, no interlace
    return _PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def share_html(renderer: Renderer, lang: str, url_path: str) -> str:
    """The "share on WeChat" block of the page at `url_path` (inside the language root)."""
    url = renderer.settings.url(lang, url_path)
    svg = qr_svg(url, renderer.ui.t("qr_label", lang, url=url))
    return renderer.render("share_qr.html", lang, url=url, svg=Markup(svg))
