"""A page's address as a QR code, for readers who share pages through WeChat: it opens
links but does not take them from a desktop browser, so the reader scans the screen with
the phone. Drawn at build time (segno's code, made faster by hub.graphics.qr_code) as a small inline
SVG: no script, no request."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from markupsafe import Markup

from ..site.render import Renderer
from . import qr_code

_BORDER = 4  # the quiet zone scanners need, in modules
_DARK_RUN = re.compile(rb"\x01+")  # a row's dark modules side by side (segno: 1 dark, 0 light)


def qr_svg(url: str, label: str) -> str:
    """The code as SVG: one path of dark modules on white (a code on a dark background
    would not scan), with the quiet zone of four modules that scanners need; sized by CSS.
    Error correction L (the lowest) keeps the code small: a screen is not a worn label.

    The mask is fixed: choosing the best of the eight takes four fifths of the time (some
    7 ms a page, half a minute of a build of 2,000 articles in four languages), and for
    addresses of this site mask 2 scores within 1% of the best on average and 9% at worst
    by the standard's penalty rules (150 addresses measured with segno.encoder.evaluate_mask)."""
    matrix = qr_code.modules(url)  # segno.make(url, error="l", micro=False, mask=2).matrix
    size = len(matrix) + 2 * _BORDER
    return (f'<svg role="img" aria-label="{escape(label)}" viewBox="0 0 {size} {size}" class="hub-share__code">'
            f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/><path stroke="#000" d="{_dark_path(matrix)}"/>'
            "</svg>")


def _dark_path(matrix: Sequence[bytes]) -> str:
    """The dark modules as one path of horizontal strokes, each a move relative to the end
    of the one before: the very path segno's SVG writer makes, less than a third of the time of a
    code when segno writes it (tests/test_share_qr.py compares the two). Strokes run along
    the middle of their row: the first move goes down to a half row, the next ones by whole
    rows, and within a row by 0."""
    parts: list[str] = []
    x = 0  # where the stroke before ended
    last_row = -1  # and its row
    for row, modules in enumerate(matrix):
        runs = [run.span() for run in _DARK_RUN.finditer(modules)]
        if not runs:
            continue
        start, end = runs[0]
        if last_row < 0:
            parts.append(f"M{_BORDER + start} {_BORDER + 0.5 + row}h{end - start}")
        else:
            parts.append(f"m{_BORDER + start - x} {row - last_row}h{end - start}")
        for next_start, next_end in runs[1:]:
            parts.append(f"m{next_start - end} 0h{next_end - next_start}")
            end = next_end
        x, last_row = _BORDER + end, row
    return "".join(parts)


def share_html(renderer: Renderer, lang: str, url_path: str) -> str:
    """The "share on WeChat" block of the page at `url_path` (inside the language root)."""
    url = renderer.settings.url(lang, url_path)
    svg = qr_svg(url, renderer.ui.t("qr_label", lang, url=url))
    return renderer.render("share_qr.html", lang, url=url, svg=Markup(svg))
