"""The faces social cards are drawn with, and which characters each can draw.

All of them come from one Debian package, fonts-noto-cjk (Noto Sans CJK and Noto Serif
CJK, Regular and Bold): its faces carry Latin, Greek and Cyrillic as well as Chinese and
Japanese, so English and French need no second package. Each collection holds one face per
region; the region decides how a Han character is drawn (骨 in Chinese and in Japanese
differ) and how wide Western quotes are (full-width in the Chinese faces, proportional in
the Japanese one, which therefore draws English and French: "l’Europe", not "l ’ Europe").

A character a face has no glyph for is never drawn (hub.graphics.card_text leaves it out): the
face's `cmap`, read with fontTools, says which it has.
"""

from __future__ import annotations

import hashlib
import os
from array import array
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..source.scripts import script_of

DEBIAN_PACKAGE = "fonts-noto-cjk"
FONT_DIRS = (Path("/usr/share/fonts/opentype/noto"), Path("/usr/local/share/fonts"), Path("/usr/share/fonts"))
FILES = {
    "title": "NotoSerifCJK-Bold.ttc",
    "label": "NotoSansCJK-Bold.ttc",
    "text": "NotoSansCJK-Regular.ttc",
}
# Face names inside each collection, by the script of the card's language (hub.source.scripts);
# other scripts take the Japanese face for its proportional punctuation (see above).
REGION = {"Hans": "SC", "Hant": "TC", "Jpan": "JP", "Kore": "KR"}
LATIN_REGION = "JP"


class FontsMissing(Exception):
    """The fonts are not installed; the message says which package brings them."""


@dataclass(frozen=True)
class Face:
    """One face of a collection. Read from the file only when a card is drawn: a rebuild
    that finds every card in the cache never opens the fonts."""

    path: Path
    region: str  # SC, JP…

    @property
    def index(self) -> int:  # inside the .ttc collection
        return _face_index(self.path, self.region)[0]

    @property
    def name(self) -> str:  # e.g. "Noto Serif CJK SC Bold"
        return _face_index(self.path, self.region)[1]

    @property
    def codepoints(self) -> frozenset[int]:
        return _codepoints(self.path, self.index)


@dataclass(frozen=True)
class FontSet:
    """The three faces a card of one language is drawn with."""

    title: Face
    label: Face
    text: Face

    def fingerprint(self) -> str:
        """Changes when a font file does (a new package version): cached cards are redrawn."""
        return _fingerprint(self)


@cache  # once per process: every card of a build asks
def _fingerprint(fonts: FontSet) -> str:
    parts = []
    for face in (fonts.title, fonts.label, fonts.text):
        stat = face.path.stat()
        parts.append(f"{face.path}:{face.region}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.blake2b("|".join(parts).encode(), digest_size=8).hexdigest()


def find_file(name: str, dirs: tuple[Path, ...] = FONT_DIRS) -> Path | None:
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    for folder in dirs:  # e.g. a distribution that keeps them one level deeper
        if folder.is_dir():
            for candidate in sorted(folder.glob(f"*/{name}")):
                return candidate
    return None


@cache  # the files are looked for once per process
def font_set(lang: str, dirs: tuple[Path, ...] = FONT_DIRS) -> FontSet:
    """The faces for cards in `lang`, or FontsMissing naming what to install."""
    region = REGION.get(script_of(lang), LATIN_REGION)
    faces = {}
    for role, filename in FILES.items():
        path = find_file(filename, dirs)
        if path is None:
            raise FontsMissing(
                f"{filename} was not found in {', '.join(str(d) for d in dirs)}: social cards are drawn with "
                f"Noto Sans CJK and Noto Serif CJK from Debian's {DEBIAN_PACKAGE} package "
                f"(sudo apt-get install {DEBIAN_PACKAGE}, or `make setup`)"
            )
        faces[role] = Face(path, region)
    return FontSet(**faces)


@cache
def _face_index(path: Path, region: str) -> tuple[int, str]:
    """The face of `region` inside a collection, found by its name (the order inside a
    collection is not promised)."""
    from fontTools.ttLib import TTCollection

    collection = TTCollection(str(path), lazy=True)
    try:
        for index, font in enumerate(collection.fonts):
            family = font["name"].getDebugName(1) or ""
            if family.endswith(f" CJK {region}"):
                return index, font["name"].getDebugName(4) or family
    finally:
        collection.close()
    raise FontsMissing(f"{path} has no {region} face; expected the collection of Debian's {DEBIAN_PACKAGE}")


# Where the character maps read from the fonts are kept between builds (hub.graphics.cards sets
# it): fontTools takes about a second a face to read one, a file of numbers milliseconds.
codepoint_cache: Path | None = None


@cache
def _codepoints(path: Path, index: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    stat = path.stat()
    kept = (codepoint_cache / f"cmap-{path.stem}-{index}-{stat.st_size}-{stat.st_mtime_ns}.u32"
            if codepoint_cache else None)
    if kept is not None and kept.is_file():
        return frozenset(array("I", kept.read_bytes()))
    with TTFont(str(path), fontNumber=index, lazy=True) as font:
        codepoints = frozenset(font.getBestCmap())
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial = kept.with_name(f".{kept.name}.{os.getpid()}")
        partial.write_bytes(array("I", sorted(codepoints)).tobytes())
        os.replace(partial, kept)
    return codepoints
