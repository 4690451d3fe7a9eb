"""The text of a social card: what can be drawn, and where its lines break.

What is left out, and why (never a box for a missing glyph, "tofu"):
- a character the face has no glyph for (emoji, rare CJK extension B characters…);
- right-to-left scripts (Arabic, Hebrew…): they need reordering and shaping, which a
  layout that draws the same pixels on every machine does not do; drawn letter by letter
  they would be wrong, and reversed;
- control and format characters (zero-width joiners, variation selectors).
Runs of spaces left behind collapse into one. The page itself keeps its whole title; the
card's `og:image:alt` carries it too.

Lines break at spaces in Latin text and between any two CJK characters, but never before
closing punctuation (，。」）…) or a small kana, never after opening punctuation (「（“), nor
between a number and the character after it (30日, 12项);
a French space before ; : ! ? » or after « does not break either. A word wider than the line
is cut where it must. Text longer than the lines allowed ends with an ellipsis.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

NO_LINE_START = set(
    "，。、．：；！？）］｝」』》〉】〕〗〙〟’”…‥・ー～%‰°℃,.;:!?)]}»›"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々"  # small kana, iteration mark
)
NO_LINE_END = set("（［｛「『《〈【〔〖〘〝‘“([{«‹")
FRENCH_NO_BREAK_BEFORE = set(";:!?»")
ELLIPSIS = "…"
MAX_CHARACTERS = 800
_SPACES = re.compile(r"\s+")
_NBSP = "\u00a0\u202f\u2007"


@dataclass(frozen=True)
class Cleaned:
    text: str
    dropped: tuple[str, ...]  # the characters left out, in order


def drawable(text: str, codepoints: frozenset[int]) -> Cleaned:
    """`text` with only what the face can draw (see the module's docstring)."""
    kept: list[str] = []
    dropped: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in _NBSP:
            kept.append(char if ord(char) in codepoints else "\u00a0")  # kept: it must not break
            continue
        if char.isspace():
            kept.append(" ")
            continue
        category = unicodedata.category(char)
        rtl = unicodedata.bidirectional(char) in ("R", "AL", "AN")
        if rtl or category in ("Cc", "Cf", "Cs", "Co", "Cn") or ord(char) not in codepoints or _is_selector(char):
            dropped.append(char)
            continue
        kept.append(char)
    cleaned = _SPACES.sub(" ", "".join(kept).replace("\u00a0", "\x00")).replace("\x00", "\u00a0").strip()
    return Cleaned(cleaned, tuple(dropped))


def _is_selector(char: str) -> bool:
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or code == 0x20E3


def is_cjk(char: str) -> bool:
    """A character between which and its neighbours a line may break (Han, kana, Hangul,
    full-width forms and CJK punctuation)."""
    code = ord(char)
    return (
        0x2E80 <= code <= 0x9FFF  # radicals, CJK punctuation, kana, Han
        or 0xAC00 <= code <= 0xD7AF  # Hangul
        or 0xF900 <= code <= 0xFAFF  # compatibility ideographs
        or 0xFF00 <= code <= 0xFFEF  # full-width forms
        or 0x20000 <= code <= 0x3FFFF  # Han extensions B and later
        or char in "…‥"
    )


def _tokens(text: str) -> list[str]:
    """The pieces between which a line may break; a piece after a space starts with it
    (dropped where the line breaks)."""
    pieces: list[tuple[str, bool]] = []  # (text, a space before it)
    word = ""
    space_before = False

    def flush() -> None:
        nonlocal word, space_before
        if word:
            pieces.append((word, space_before))
            word, space_before = "", False

    for index, char in enumerate(text):
        if char == " ":
            next_char = text[index + 1] if index + 1 < len(text) else ""
            previous = text[index - 1] if index else ""
            if next_char in FRENCH_NO_BREAK_BEFORE or previous in "«‹":
                word += "\u00a0"  # a space that does not break, drawn as one
                continue
            flush()
            space_before = True
            continue
        if is_cjk(char):  # a piece of its own: a line may break on either side
            flush()
            pieces.append((char, space_before))
            space_before = False
            continue
        word += char
    flush()
    # Breaks the rules forbid: before closing punctuation, after opening punctuation.
    merged: list[tuple[str, bool, bool]] = []  # (text, may break before, space before)
    for piece, space in pieces:
        glued = merged and not space and merged[-1][0][-1].isdigit() and is_cjk(piece[0])  # 30日, 12项
        if merged and (piece[0] in NO_LINE_START or merged[-1][0][-1] in NO_LINE_END or glued):
            before, may_break, space_before = merged[-1]
            merged[-1] = (before + (" " if space else "") + piece, may_break, space_before)
        else:
            merged.append((piece, True, space))
    return [(" " + piece if space else piece) for piece, _, space in merged]


def wrap(text: str, width: float, measure: Callable[[str], float], max_lines: int,
         ellipsis: str = ELLIPSIS) -> tuple[list[str], bool]:
    """The lines of `text` no wider than `width`, at most `max_lines` (the last ending in
    `ellipsis` if the text was cut); and whether it was cut."""
    # No card holds more than a few hundred characters: the rest is never measured.
    too_long = len(text) > MAX_CHARACTERS
    text = text[:MAX_CHARACTERS]
    lines: list[str] = []
    current = ""
    for piece in _tokens(text):
        if len(lines) > max_lines:
            break  # it will be cut: the rest need not be measured
        candidate = (current + piece) if current else piece.lstrip(" ")
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = piece.lstrip(" ")
        while measure(current) > width and len(current) > 1 and len(lines) <= max_lines:  # a word wider than the line
            cut = _fit(current, width, measure)
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) <= max_lines and not too_long:
        return lines, False
    kept = lines[:max_lines]
    kept[-1] = _with_ellipsis(kept[-1], width, measure, ellipsis)
    return kept, True


def _fit(text: str, width: float, measure: Callable[[str], float]) -> int:
    """How many leading characters of `text` fit in `width` (at least one)."""
    count = 1
    while count < len(text) and measure(text[: count + 1]) <= width:
        count += 1
    return count


def _with_ellipsis(line: str, width: float, measure: Callable[[str], float], ellipsis: str) -> str:
    line = line.rstrip()
    while line and measure(line + ellipsis) > width:
        line = line[:-1].rstrip()
    # Not after a space, nor after opening punctuation or a comma.
    line = line.rstrip(" ,;:·、，（「『《“‘(«")
    return line + ellipsis
