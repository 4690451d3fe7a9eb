"""Lead images as editors give them: the originals under docs/assets/images/, and what is
checked before anything is built.

An original is never published as it is (a photo carries where it was taken, the camera's
serial number and more in its metadata): the build makes clean variants of it
(hub.source.image_variants) and MkDocs is told to leave the folder out (`drop_originals`).

The checks read a file's header, and decode a JPEG at an eighth of its size (about 10 ms
for a 2400 × 1600 photo) to find one cut short; a picture whose variants are in the cache
was decoded whole before and is not decoded again. The build decodes the rest in full and
reports a damaged file the same way. Limits, told to editors in CONTRIBUTING.md:

- JPEG, PNG or WebP, and the file name's ending says which (a PNG named .jpg is refused:
  the ending is how editors, reviewers and tools tell what a file is).
- SVG is refused: it can carry scripts, and a photo or a chart exported as PNG or JPEG
  shows the same everywhere.
- At most MAX_BYTES on disk and MAX_PIXELS pixels: a larger file only makes the
  repository heavy, and a small file that decodes to a huge picture ("decompression bomb")
  would exhaust the build's memory.
"""

from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from typing import Any

from PIL import Image, UnidentifiedImageError

IMAGES_DIR = ("docs", "assets", "images")
SITE_PREFIX = "assets/images/"  # where the originals sit for MkDocs, and their variants in the site
MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 50_000_000
# Pillow refuses more than twice this outright and warns above it; the hub refuses above it.
Image.MAX_IMAGE_PIXELS = MAX_PIXELS

# Variants are kept under .cache/images/ by content_key (hub.source.image_variants). Part of every
# key: change it whenever an encoder setting or the processing changes.
PIPELINE = "lead-images-1"
CACHE_DIR = (".cache", "images")


def content_key(data: bytes) -> str:
    return hashlib.sha256(PIPELINE.encode() + b"\0" + data).hexdigest()


def cache_dir(root: Path) -> Path:
    return root.joinpath(*CACHE_DIR)


# Pillow's format name -> the endings a file of that format may have.
FORMATS = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
SUFFIXES = frozenset(suffix for endings in FORMATS.values() for suffix in endings)
_SHOWN_FORMATS = "a JPEG (.jpg), PNG (.png) or WebP (.webp) image"
_SVG_HINT = "SVG is not accepted (it can carry scripts): export the picture as PNG or JPEG and use that file"


def images_dir(root: Path) -> Path:
    return root.joinpath(*IMAGES_DIR)


def original_path(root: Path, src: str) -> Path:
    return images_dir(root) / src


def suffix_problem(path: Path) -> tuple[str, str] | None:
    """What is wrong with a file's ending, for a file in docs/assets/images/."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        return f"an SVG file ({path.name})", _SVG_HINT
    if suffix not in SUFFIXES:
        return f"the file '{path.name}' in docs/assets/images/", f"this folder holds {_SHOWN_FORMATS} files only"
    return None


def check_original(path: Path, cache: Path | None = None) -> tuple[str, str] | None:
    """(what was found, what is expected) when the original at `path` cannot be used.
    `cache`: where variants are kept; a picture found there is not decoded again."""
    if path.is_symlink() or not path.is_file():
        return f"no file docs/assets/images/{_under_images(path)}", (
            "put the picture in docs/assets/images/ and write its path relative to that folder"
        )
    problem = suffix_problem(path)
    if problem is not None:
        return problem
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f"a file of {size / 1024 / 1024:.1f} MB", (
            f"at most {MAX_BYTES // 1024 // 1024} MB: save it again smaller (2400 pixels wide is plenty)"
        )
    data = path.read_bytes()
    head = data[:512].lstrip()
    if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
        return f"an SVG picture named {path.name}", _SVG_HINT
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                found, width, height = image.format, image.width, image.height
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return "a picture of more than 50 million pixels", _pixels_hint()
    except UnidentifiedImageError:
        return f"a file that is not a picture ({path.name})", f"{_SHOWN_FORMATS}; export it again"
    except (OSError, SyntaxError, ValueError) as error:
        return f"a damaged picture ({error})", f"{_SHOWN_FORMATS} that opens in an image viewer; export it again"
    if width * height > MAX_PIXELS:
        return f"a picture of {width}×{height} pixels", _pixels_hint()
    if found not in FORMATS:
        return f"a {found} picture", f"{_SHOWN_FORMATS}; export it again in one of those formats"
    if path.suffix.lower() not in FORMATS[found]:
        return (f"a {_format_name(found)} picture named {path.name}",
                f"name it {path.stem}{FORMATS[found][0]}, the ending of its format (and change src to match)")
    if found == "JPEG" and not (cache is not None and (cache / f"{content_key(data)}.json").is_file()):
        return _cut_short(path)
    return None


def _cut_short(path: Path) -> tuple[str, str] | None:
    """A JPEG decoded at an eighth of its size: its whole stream is still read."""
    try:
        with Image.open(path) as image:
            image.draft("RGB", (max(1, image.width // 8), max(1, image.height // 8)))
            image.load()
    except (OSError, SyntaxError, ValueError) as error:
        return f"a damaged picture ({error})", f"{_SHOWN_FORMATS} that opens in an image viewer; export it again"
    return None


def _pixels_hint() -> str:
    return f"at most {MAX_PIXELS // 1_000_000} million pixels: resize it (2400 pixels wide is plenty)"


def _format_name(found: str) -> str:
    return {"WEBP": "WebP"}.get(found, found)


def _under_images(path: Path) -> str:
    parts = path.parts
    for index in range(len(parts) - len(IMAGES_DIR), -1, -1):
        if parts[index : index + len(IMAGES_DIR)] == IMAGES_DIR:
            return "/".join(parts[index + len(IMAGES_DIR) :])
    return path.name


def lead_image(record: Any) -> Any:
    """The LeadImage of an article (its front matter) or a record, if it has one."""
    meta = getattr(record, "meta", record)
    return getattr(meta, "image", None)


def drop_originals(files: Any) -> None:
    """MkDocs would copy docs/assets/images/ into the site as it is, metadata and all; only
    the variants the hub makes are published."""
    for file in [f for f in files if f.src_uri.startswith(SITE_PREFIX)]:
        files.remove(file)
