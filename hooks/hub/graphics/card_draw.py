"""Drawing a social card: 1200×630 PNG, the hub's colours, the same bytes on every build.

Layout (a publication's card, not a screenshot): a red rule along the top; the kind of
page as a red kicker; the title large in Noto Serif CJK Bold, wrapped and shrunk to fit
(at most three lines, four at the smallest size, then an ellipsis); a hairline; the hub's
globe and name at the bottom left and the date at the bottom right. A card made from a
lead image keeps the image on the right third.

Small and reproducible: drawn anti-aliased onto a fixed palette (white and short ramps of
the three inks; a photo gets a ramp of its own), each pixel the palette's nearest colour to
what colour drawing would give, without dithering (_put says how), so a card
is a 4- or 8-bit palette PNG of a few dozen kilobytes at most; written at a fixed zlib level
and strategy with no ancillary chunk (no time, no text, no gamma), so that one text, one font
and one Pillow give the same bytes.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

from ..source.scripts import reads_by_characters
from .card_fonts import Face, FontSet
from .card_text import drawable, wrap

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


@cache
def _measure(face: Face, size: int) -> Callable[[str], float]:
    """The width of a text in `face` at `size` as FreeType lays it out, from the widths of
    its characters, each measured once. The basic layout sets each glyph at the previous
    one's advance and kerns only from a `kern` table, which the Noto CJK faces do not have
    (their kerning is in GPOS, which the basic layout leaves alone): a text is as wide as
    the sum of its characters (tests/test_social_cards.py checks it). Wrapping measures
    each line as it grows, at each size tried: a sixth of a card's time, asked of FreeType."""
    font = _font(face, size)
    widths: dict[str, float] = {}

    def measure(text: str) -> float:
        total = 0.0
        for char in text:
            width = widths.get(char)
            if width is None:
                width = widths[char] = font.getlength(char)
            total += width
        return total

    return measure


@dataclass(frozen=True)
class _Line:
    """One line of text on a card."""

    xy: tuple[int, int]
    text: str
    face: Face
    size: int
    ink: tuple[int, int, int]
    anchor: str = "ls"


@dataclass(frozen=True)
class _Frame:
    """What all cards of one language and kind share: the kicker and the site's name, with
    the rules and the globe; drawn once (_framed)."""

    label: Face
    kicker: str
    site: str
    right: int


def render(card: Card, fonts: FontSet, image: Path | None = None) -> Drawn:
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

    def one_line(text: str, face: Face, width: float) -> str:
        return wrap(text, width, _measure(face, LABEL_SIZE), 1, ellipsis)[0][0] if text else ""

    kicker = one_line(clean(card.kicker.upper() if latin else card.kicker, fonts.label), fonts.label, right - MARGIN)
    title = clean(card.title, fonts.title) or clean(card.site_name, fonts.title)
    subtitle = clean(card.subtitle, fonts.text)
    lines, size = _fit_title(title, fonts.title, right - MARGIN, reserve=2 if subtitle else 0, ellipsis=ellipsis)
    leading = round(size * (1.28 if latin else 1.36))
    own: list[_Line] = []
    y = 150 + size  # the first baseline
    for line in lines:
        own.append(_Line((MARGIN, y), line, fonts.title, size, INK))
        y += leading
    if subtitle:
        sub_lines, _ = wrap(subtitle, right - MARGIN, _measure(fonts.text, 32), 2, ellipsis)
        y += 14
        for line in sub_lines:
            own.append(_Line((MARGIN, y), line, fonts.text, 32, GREY))
            y += 46
    site = clean(card.site_name, fonts.label)
    date = one_line(clean(card.date, fonts.text), fonts.text, (right - MARGIN) / 2)
    date_width = _measure(fonts.text, LABEL_SIZE)(date) if date else 0
    room = right - (MARGIN + 64) - (date_width + 32 if date else 0)
    site = one_line(site, fonts.label, room)
    # Each text as it went to its face, in the order a reader reads the card.
    texts = [(kicker, fonts.label), *((line.text, line.face) for line in own), (site, fonts.label), (date, fonts.text)]
    texts = [(text, face) for text, face in texts if text]
    own.append(_Line((right, FOOTER_Y + 57), date, fonts.text, LABEL_SIZE, GREY, anchor="rs"))
    frame = _Frame(fonts.label, kicker, site, right)
    if image is None:
        return Drawn(_encode(_drawn(frame, own, 0), 0), tuple(texts), tuple(dropped))
    with Image.open(image) as source:
        photo = ImageOps.exif_transpose(source).convert("L")
    for scale, steps in PHOTO_STEPS:  # coarser until the card is small enough
        png = _encode(_with_photo(_drawn(frame, own, steps), photo, scale, steps), steps)
        if len(png) <= MAX_BYTES:
            break
    return Drawn(png, tuple(texts), tuple(dropped))


def _fit_title(title: str, face: Face, width: float, *, reserve: int, ellipsis: str) -> tuple[list[str], int]:
    """The largest size at which the title fits its lines; the smallest, cut, otherwise."""
    for size, allowed in TITLE_SIZES:
        lines, cut = wrap(title, width, _measure(face, size), max(1, allowed - reserve), ellipsis)
        if not cut:
            return lines, size
    return lines, size


def _drawn(frame: _Frame, lines: list[_Line], photo_colours: int) -> Image.Image:
    """The card as palette indices (mode L): the frame, and `lines` on it."""
    card = _framed(frame, photo_colours).copy()
    _put(card, lines, photo_colours)
    return card


@lru_cache(maxsize=64)  # a few per language: one per kind of page, with or without a photo
def _framed(frame: _Frame, photo_colours: int) -> Image.Image:
    white, red, rule = (_ink_levels(ink, photo_colours)[255] for ink in (WHITE, RED, RULE))
    card = Image.new("L", (WIDTH, HEIGHT), white)
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, WIDTH, TOP_RULE - 1), fill=red)
    draw.line((MARGIN, FOOTER_Y, frame.right, FOOTER_Y), fill=rule, width=2)
    card.paste(_globe(photo_colours), (MARGIN, FOOTER_Y + 34))
    _put(card, [_Line((MARGIN, 104), frame.kicker, frame.label, LABEL_SIZE, RED),
                _Line((MARGIN + 64, FOOTER_Y + 57), frame.site, frame.label, LABEL_SIZE, GREY)], photo_colours)
    return card


# Coverage of a pixel by text (0: none) -> 255 where there is any: where a line goes.
_COVERED = [0] + [255] * 255
_PAD = 2  # pixels around a line's box, should FreeType's box and bitmap ever differ by one


def _put(card: Image.Image, lines: list[_Line], photo_colours: int) -> None:
    """Each line drawn anti-aliased, its pixels given the palette index of the ink at that
    coverage: the index the palette gives the colour that the line would have drawn on
    white. Drawing in colour and mapping the whole card onto the palette afterwards (what
    the card needs, since a PNG of a few palette colours is what keeps it small) took a
    sixth of a card's time; a line's coverage, looked up in a table of 256, is the same
    card. (Lines do not overlap: where two would, the later one's pixels win.)"""
    coverage = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(coverage)
    for line in lines:
        font = _font(line.face, line.size)
        draw.text(line.xy, line.text, font=font, fill=255, anchor=line.anchor)
        left, top, right, bottom = draw.textbbox(line.xy, line.text, font=font, anchor=line.anchor)
        box = (max(0, int(left) - _PAD), max(0, int(top) - _PAD),
               min(WIDTH, int(right) + 1 + _PAD), min(HEIGHT, int(bottom) + 1 + _PAD))
        covered = coverage.crop(box)
        card.paste(covered.point(_ink_levels(line.ink, photo_colours)), box, covered.point(_COVERED))
        coverage.paste(0, box)  # the next line's box sees only its own pixels


@cache
def _ink_levels(ink: tuple[int, int, int], photo_colours: int) -> list[int]:
    """For each coverage 0–255, the palette index of `ink` drawn at it on white: drawn
    the way Pillow draws a text's bitmap, and mapped by Pillow's own palette look-up."""
    strip = Image.new("RGB", (256, 1), WHITE)
    ImageDraw.Draw(strip).bitmap((0, 0), Image.frombytes("L", (256, 1), bytes(range(256))), fill=ink)
    return list(strip.quantize(palette=_palette_image(photo_colours), dither=Image.Dither.NONE).tobytes())


@cache  # the same mark on every card
def _globe(photo_colours: int) -> Image.Image:
    """The globe as palette indices."""
    mark = _globe_mark(46).quantize(palette=_palette_image(photo_colours), dither=Image.Dither.NONE)
    return Image.frombytes("L", mark.size, mark.tobytes())


@cache
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


def _with_photo(card: Image.Image, photo: Image.Image, scale: int, steps: int) -> Image.Image:
    """The card with the photo cropped to fill its right third, as a duotone of the hub's
    red on a palette of its own (no dithering) at 1/`scale` resolution: shown in a link
    preview the card is about 500 pixels wide, and a photo in full colour and resolution
    would weigh ten times the card. `card`: palette indices, as _drawn makes them (changed
    in place)."""
    small = ImageOps.fit(photo, (IMAGE_WIDTH // scale, HEIGHT // scale), Image.Resampling.LANCZOS)
    # Smoothed first: a photo's grain, mapped onto few levels, is noise that does not compress.
    levels = small.filter(ImageFilter.MedianFilter(3)).point(lambda v: v * steps // 256)
    duotone = levels.point(_photo_levels(steps) + [0] * (256 - steps))  # each level, its index
    card.paste(duotone.resize((IMAGE_WIDTH, HEIGHT), Image.Resampling.NEAREST), (WIDTH - IMAGE_WIDTH, 0))
    return card


@cache
def _photo_levels(steps: int) -> list[int]:
    """The palette index of each level of the duotone."""
    ramp = Image.new("RGB", (steps, 1))
    ramp.putdata(_photo_ramp(steps))
    return list(ramp.quantize(palette=_palette_image(steps), dither=Image.Dither.NONE).tobytes())


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


def _encode(card: Image.Image, photo_colours: int) -> bytes:
    """`card`: palette indices, as _drawn makes them."""
    indexed = Image.frombytes("P", card.size, card.tobytes())
    indexed.putpalette(_palette_image(photo_colours).getpalette())
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
