"""Drawing a social card: 1200×630 PNG, the hub's colours, the same bytes on every build.

Layout (a publication's card, not a screenshot): a red rule along the top; the kind of
page as a red kicker; the title large in Noto Serif CJK Bold, wrapped and shrunk to fit
(at most three lines, four at the smallest size, then an ellipsis); a hairline; the hub's
globe and name at the bottom left and the date at the bottom right. A card made from a
lead image keeps the image on the right third.

Small and reproducible: drawn anti-aliased, then mapped onto a fixed palette (white and
short ramps of the three inks; a photo gets a ramp of its own) without dithering, so a card
is a 4- or 8-bit palette PNG of a few dozen kilobytes at most; written at a fixed zlib level
and strategy with no ancillary chunk (no time, no text, no gamma), so that one text, one font
and one Pillow give the same bytes.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from .card_fonts import Face, FontSet
from .card_text import drawable, wrap
from .scripts import reads_by_characters

WIDTH, HEIGHT = 1200, 630

WHITE = (255, 255, 255)
INK = (27, 27, 27)  # the title
RED = (159, 29, 32)  # --md-primary-fg-color in overrides/assets/hub.css
GLOBE = (179, 38, 30)  # the favicon's red
GREY = (95, 95, 95)  # site name and date
RULE = (221, 221, 221)

MARGIN = 80
TOP_RULE = 12
TITLE_SIZES = ((66, 3), (58, 3), (50, 4), (44, 4))  # (pixels, lines allowed), largest first
LABEL_SIZE = 28
FOOTER_Y = 520  # the hairline above the site name
IMAGE_WIDTH = 400


@dataclass(frozen=True)
class Card:
    """What a card says, every part in the card's language."""

    lang: str
    title: str
    kicker: str  # the kind of page: "News", "政策解读"…; may be empty
    site_name: str
    date: str = ""  # as the language writes it; empty when the page has none
    subtitle: str = ""  # a second line under the title (the home page's description)


@dataclass(frozen=True)
class Drawn:
    """A card as drawn: its PNG, and each text exactly as it went to the face that drew
    it (what the glyph tests check), and what had to be left out."""

    png: bytes
    texts: tuple[tuple[str, Face], ...]
    dropped: tuple[str, ...]


def _ramp(ink: tuple[int, int, int], steps: int, paper: tuple[int, int, int] = WHITE) -> list[tuple[int, int, int]]:
    return [tuple(round(p + (i - p) * k / steps) for p, i in zip(paper, ink, strict=True)) for k in range(1, steps + 1)]


# 16 colours: a card without a photo is a 4-bit PNG.
PALETTE = [WHITE, *_ramp(INK, 5), *_ramp(RED, 4), *_ramp(GREY, 3), RULE, GLOBE, (236, 236, 236)]
# A photo becomes a duotone from the hub's dark red to white: (1/resolution, levels), tried
# in turn until the card weighs at most MAX_BYTES.
PHOTO_STEPS = ((2, 10), (3, 8), (4, 6), (6, 4))
MAX_BYTES = 30 * 1024
GOOD_ENOUGH = 20 * 1024  # a card this small is not compressed again another way


@cache
def _font(face: Face, size: int) -> ImageFont.FreeTypeFont:
    # The basic layout: FreeType alone, the same glyph positions whether or not this
    # Pillow was built with libraqm.
    return ImageFont.truetype(str(face.path), size, index=face.index, layout_engine=ImageFont.Layout.BASIC)


def render(card: Card, fonts: FontSet, image: Path | None = None) -> Drawn:
    canvas = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    draw = ImageDraw.Draw(canvas)
    texts: list[tuple[str, Face]] = []
    dropped: list[str] = []
    right = WIDTH - MARGIN - (IMAGE_WIDTH if image is not None else 0)
    latin = not reads_by_characters(card.lang)
    # The CJK faces centre "…" on the line, as Chinese and Japanese write it; Latin text
    # wants its dots on the baseline.
    ellipsis = "..." if latin else "…"

    def clean(text: str, face: Face) -> str:
        result = drawable(text, face.codepoints)
        dropped.extend(result.dropped)
        return result.text

    def put(xy: tuple[float, float], text: str, face: Face, size: int, fill: tuple[int, int, int],
            anchor: str = "ls") -> None:
        if text:
            draw.text(xy, text, font=_font(face, size), fill=fill, anchor=anchor)
            texts.append((text, face))

    draw.rectangle((0, 0, WIDTH, TOP_RULE - 1), fill=RED)

    def one_line(text: str, face: Face, width: float) -> str:
        return wrap(text, width, _font(face, LABEL_SIZE).getlength, 1, ellipsis)[0][0] if text else ""

    kicker = one_line(clean(card.kicker.upper() if latin else card.kicker, fonts.label), fonts.label, right - MARGIN)
    put((MARGIN, 104), kicker, fonts.label, LABEL_SIZE, RED)

    title = clean(card.title, fonts.title) or clean(card.site_name, fonts.title)
    subtitle = clean(card.subtitle, fonts.text)
    lines, size = _fit_title(title, fonts.title, right - MARGIN, reserve=2 if subtitle else 0, ellipsis=ellipsis)
    leading = round(size * (1.28 if latin else 1.36))
    y = 150 + size  # the first baseline
    for line in lines:
        put((MARGIN, y), line, fonts.title, size, INK)
        y += leading
    if subtitle:
        sub_lines, _ = wrap(subtitle, right - MARGIN, _font(fonts.text, 32).getlength, 2, ellipsis)
        y += 14
        for line in sub_lines:
            put((MARGIN, y), line, fonts.text, 32, GREY)
            y += 46

    draw.line((MARGIN, FOOTER_Y, right, FOOTER_Y), fill=RULE, width=2)
    _globe(canvas, (MARGIN, FOOTER_Y + 34), 46)
    site = clean(card.site_name, fonts.label)
    date = one_line(clean(card.date, fonts.text), fonts.text, (right - MARGIN) / 2)
    date_width = _font(fonts.text, LABEL_SIZE).getlength(date) if date else 0
    room = right - (MARGIN + 64) - (date_width + 32 if date else 0)
    put((MARGIN + 64, FOOTER_Y + 57), one_line(site, fonts.label, room), fonts.label, LABEL_SIZE, GREY)
    put((right, FOOTER_Y + 57), date, fonts.text, LABEL_SIZE, GREY, anchor="rs")

    if image is None:
        return Drawn(_encode(canvas, 0), tuple(texts), tuple(dropped))
    with Image.open(image) as source:
        photo = ImageOps.exif_transpose(source).convert("L")
    for scale, steps in PHOTO_STEPS:  # coarser until the card is small enough
        png = _encode(_with_photo(canvas, photo, scale, steps), steps)
        if len(png) <= MAX_BYTES:
            break
    return Drawn(png, tuple(texts), tuple(dropped))


def _fit_title(title: str, face: Face, width: float, *, reserve: int, ellipsis: str) -> tuple[list[str], int]:
    """The largest size at which the title fits its lines; the smallest, cut, otherwise."""
    for size, allowed in TITLE_SIZES:
        lines, cut = wrap(title, width, _font(face, size).getlength, max(1, allowed - reserve), ellipsis)
        if not cut:
            return lines, size
    return lines, size


def _globe(canvas: Image.Image, top_left: tuple[int, int], size: int) -> None:
    canvas.paste(_globe_mark(size), top_left)


@cache  # the same mark on every card
def _globe_mark(size: int) -> Image.Image:
    """The favicon (overrides/assets/favicon.svg), drawn four times larger and scaled
    down: Pillow's shapes are not anti-aliased."""
    scale = 4
    big = size * scale
    mark = Image.new("RGB", (big, big), WHITE)
    pen = ImageDraw.Draw(mark)
    unit = big / 64
    pen.ellipse((2 * unit, 2 * unit, 62 * unit, 62 * unit), fill=GLOBE)
    stroke = round(4 * unit)
    pen.line((14 * unit, 32 * unit, 50 * unit, 32 * unit), fill=WHITE, width=stroke)
    # The two curves of the SVG bulge 6 units either side of the vertical: a meridian.
    pen.ellipse((26 * unit, 12 * unit, 38 * unit, 52 * unit), outline=WHITE, width=stroke)
    return mark.resize((size, size), Image.Resampling.LANCZOS)


def _with_photo(canvas: Image.Image, photo: Image.Image, scale: int, steps: int) -> Image.Image:
    """The card with the photo cropped to fill its right third, as a duotone of the hub's
    red on a palette of its own (no dithering) at 1/`scale` resolution: shown in a link
    preview the card is about 500 pixels wide, and a photo in full colour and resolution
    would weigh ten times the card."""
    small = ImageOps.fit(photo, (IMAGE_WIDTH // scale, HEIGHT // scale), Image.Resampling.LANCZOS)
    # Smoothed first: a photo's grain, mapped onto few levels, is noise that does not compress.
    small = small.filter(ImageFilter.MedianFilter(3)).point(lambda v: v * steps // 256)
    duotone = Image.frombytes("P", small.size, small.tobytes())  # each level, an index
    duotone.putpalette([c for rgb in _photo_ramp(steps) for c in rgb])
    card = canvas.copy()
    card.paste(duotone.convert("RGB").resize((IMAGE_WIDTH, HEIGHT), Image.Resampling.NEAREST),
               (WIDTH - IMAGE_WIDTH, 0))
    return card


def _photo_ramp(steps: int) -> list[tuple[int, int, int]]:
    """From the hub's darkest red (level 0) to white."""
    dark = (60, 12, 14)
    return [tuple(round(d + (255 - d) * k / (steps - 1)) for d in dark) for k in range(steps)]


@cache
def _palette_image(photo_colours: int) -> Image.Image:
    colours = list(PALETTE) + (_photo_ramp(photo_colours) if photo_colours else [])
    palette = Image.new("P", (1, 1))
    palette.putpalette([c for rgb in colours for c in rgb] + [0, 0, 0] * (256 - len(colours)))
    return palette


def _encode(canvas: Image.Image, photo_colours: int) -> bytes:
    indexed = canvas.quantize(palette=_palette_image(photo_colours), dither=Image.Dither.NONE)
    bits = 4 if len(PALETTE) + photo_colours <= 16 else 8
    # zlib's run-length strategy compresses most cards as well as its others, in a tenth
    # of the time (and Pillow's `optimize` takes 25 times as long for 1% less); a card
    # dense with CJK strokes compresses a third better with filtered matching, tried when
    # the first is not small enough (level 7: within 3% of 9, at a tenth of the time). A
    # photo (pixels doubled) is found again row by row.
    strategies = ((zlib.Z_DEFAULT_STRATEGY, 7),) if photo_colours else ((zlib.Z_RLE, 9), (zlib.Z_FILTERED, 7))
    best = b""
    for strategy, level in strategies:
        out = io.BytesIO()
        indexed.save(out, "PNG", compress_level=level, compress_type=strategy, bits=bits)
        if not best or out.tell() < len(best):
            best = out.getvalue()
        if len(best) <= GOOD_ENOUGH:
            break
    return best
