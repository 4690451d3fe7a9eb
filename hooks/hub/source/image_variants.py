"""The files readers get of a lead image: a few widths, WebP with a JPEG (PNG where the
picture has transparency) fallback, every one re-encoded from pixels alone.

Nothing of the original's metadata survives: the orientation it records is applied to
the pixels first, colours are converted to sRGB from its ICC profile, and then the pixels
are copied into a new image that has no EXIF (GPS position, camera serial number), XMP,
ICC profile or comment to carry over. Encoder settings are fixed and no encoder writes a
time, so the same original gives the same bytes on every build and machine with the same
Pillow.

Variants are made once per process, before the language builds (they do not depend on the
language), and kept in .cache/images/ under the hash of the original's bytes and of the
pipeline's version (images.PIPELINE): a rebuild reads them back instead of decoding and encoding
again. They are copied into the site once, at assets/images/<name>-<hash8>-<width>.<ext>:
a changed picture gets new addresses, so browsers and feed readers never keep a stale one.
"""

from __future__ import annotations

import json
import os
import shutil
import warnings
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from ..build_cache import mark_used
from ..errors import ContentError, ContentErrors
from ..safety.images import SITE_PREFIX, cache_dir, content_key, original_path
from ..safety.slugs import slugify
from .models import LeadImage

# Widths in CSS pixels' worth of image: a phone (480, and 960 for its dense screen),
# a desktop column and dense screens (1600). An original narrower than one is never enlarged.
WIDTHS = (480, 960, 1600)
# Fixed encoder settings (same bytes on every build); change images.PIPELINE with any of them.
_WEBP = {"format": "WEBP", "quality": 80, "method": 4}
_JPEG = {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True, "subsampling": "4:2:0"}
_PNG = {"format": "PNG", "optimize": True}


@dataclass(frozen=True)
class Variant:
    width: int
    height: int
    webp: str  # file names in the site's assets/images/
    fallback: str
    webp_bytes: int
    fallback_bytes: int


@dataclass(frozen=True)
class ImageSet:
    """Every published file of one original."""

    src: str
    key: str  # hash of the original's bytes and PIPELINE
    width: int  # the original's, upright
    height: int
    fallback_type: str  # image/jpeg, or image/png for a picture with transparency
    variants: tuple[Variant, ...]  # narrowest first

    @property
    def largest(self) -> Variant:
        return self.variants[-1]

    def at_least(self, width: int) -> Variant:
        """The narrowest variant at least `width` wide, else the widest there is."""
        return next((v for v in self.variants if v.width >= width), self.largest)

    def files(self) -> list[str]:
        return [name for v in self.variants for name in (v.webp, v.fallback)]


@dataclass
class Prepared:
    """The image sets of a build, by src, and how many sets were made rather than reused."""

    sets: dict[str, ImageSet]
    made: int = 0
    cached: int = 0


class ImageProblem(Exception):
    def __init__(self, found: str, expected: str) -> None:
        super().__init__(found)
        self.found, self.expected = found, expected


def widths_for(width: int) -> list[int]:
    """The variant widths of an original `width` pixels wide: never wider than it."""
    chosen = [w for w in WIDTHS if w < width]
    if len(chosen) < len(WIDTHS):
        chosen.append(width)  # the original's own width stands for those it cannot reach
    return chosen


def prepare(root: Path, sources: Mapping[str, tuple[str, int]], *, workers: int = 1) -> Prepared:
    """The image set of every lead image, from the cache or made now. `sources`: src ->
    (file, line) where it is first named, for a picture that cannot be decoded. `workers`
    threads: Pillow lets go of the interpreter while it decodes, resizes and encodes."""
    prepared = Prepared({})
    errors = []
    ordered = sorted(sources.items())
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(lambda item: _attempt(root, item[0]), ordered))
    for (src, (file, line)), result in zip(ordered, results, strict=True):
        if isinstance(result, ImageProblem):
            errors.append(ContentError(file, line, "image.src", result.found, result.expected))
            continue
        image_set, made = result
        prepared.sets[src] = image_set
        prepared.made += made
        prepared.cached += not made
    if errors:
        raise ContentErrors(errors)
    return prepared


def _attempt(root: Path, src: str) -> tuple[ImageSet, bool] | ImageProblem:
    try:
        return image_set_for(root, src)
    except ImageProblem as problem:
        return problem


def image_set_for(root: Path, src: str) -> tuple[ImageSet, bool]:
    """(the image set of docs/assets/images/<src>, whether it was made now)."""
    data = original_path(root, src).read_bytes()
    key = content_key(data)
    cache = cache_dir(root)
    kept = _from_cache(cache, src, key)
    if kept is not None:
        return kept, False
    return _make(cache, src, key, data), True


def cached_file(root: Path, image_set: ImageSet, name: str) -> Path:
    """Where a published file of `image_set` lies in the cache (a clean copy, no metadata)."""
    width, ext = name.rsplit("-", 1)[1].split(".")
    return cache_dir(root) / f"{image_set.key}-{width}.{ext}"


def picture_source(root: Path, image: LeadImage, width: int = 1200) -> Path:
    """A metadata-free JPEG (PNG with transparency) of a LeadImage, from the cache, at
    least `width` pixels wide when the original is (social cards draw from it)."""
    image_set, _ = image_set_for(root, image.src)
    return cached_file(root, image_set, image_set.at_least(width).fallback)


def publish(root: Path, sets: Mapping[str, ImageSet], site_dir: Path) -> int:
    """Copy every variant into the site (once for all languages); the number of files."""
    target = site_dir / SITE_PREFIX
    target.mkdir(parents=True, exist_ok=True)
    count = 0
    for image_set in sets.values():
        for name in image_set.files():
            shutil.copyfile(cached_file(root, image_set, name), target / name)
            count += 1
    return count


def _from_cache(cache: Path, src: str, key: str) -> ImageSet | None:
    manifest = cache / f"{key}.json"
    try:
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        image_set = _image_set(src, key, saved)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    # Every file is there (a manifest is written last, but a cache can be pruned by hand).
    files = [cache / f"{key}-{v.width}.{ext}"
             for v in image_set.variants for ext in ("webp", _ext(image_set.fallback_type))]
    if all(path.is_file() for path in files):
        mark_used(manifest, *files)  # kept by `make cache-prune` (hub.build_cache)
        return image_set
    return None


def _image_set(src: str, key: str, saved: dict) -> ImageSet:
    """The set as published for `src`: file names carry the name of the original, so the
    same picture under two names is made once and published under both."""
    stem = slugify(Path(src).stem) or "image"
    ext = _ext(saved["fallback_type"])
    variants = tuple(
        Variant(v["width"], v["height"], f"{stem}-{key[:8]}-{v['width']}.webp",
                f"{stem}-{key[:8]}-{v['width']}.{ext}", v["webp_bytes"], v["fallback_bytes"])
        for v in saved["variants"]
    )
    return ImageSet(src, key, saved["width"], saved["height"], saved["fallback_type"], variants)


def _ext(fallback_type: str) -> str:
    return "png" if fallback_type == "image/png" else "jpg"


def _make(cache: Path, src: str, key: str, data: bytes) -> ImageSet:
    pixels = clean_pixels(data)
    transparent = pixels.mode == "RGBA"
    fallback_type = "image/png" if transparent else "image/jpeg"
    cache.mkdir(parents=True, exist_ok=True)
    variants = []
    # Widest first, each resized from the one before: a third of the time of resizing the
    # full picture each time, and no visible difference with Lanczos.
    resized = pixels
    for width in reversed(widths_for(pixels.width)):
        height = max(1, round(pixels.height * width / pixels.width))
        if width != resized.width:
            resized = resized.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        webp = _encode(resized, _WEBP)
        fallback = _encode(resized, _PNG if transparent else _JPEG)
        _write(cache / f"{key}-{width}.webp", webp)
        _write(cache / f"{key}-{width}.{_ext(fallback_type)}", fallback)
        variants.insert(0, {"width": width, "height": height, "webp_bytes": len(webp),
                            "fallback_bytes": len(fallback)})
    saved = {"src": src, "width": pixels.width, "height": pixels.height, "fallback_type": fallback_type,
             "variants": variants}
    _write(cache / f"{key}.json", json.dumps(saved, indent=1, sort_keys=True).encode())
    return _image_set(src, key, saved)


def clean_pixels(data: bytes) -> Image.Image:
    """The picture upright, in sRGB, as a new image holding nothing but its pixels:
    RGB, or RGBA when some pixel is not fully opaque."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(BytesIO(data)) as opened:
                opened.load()
                icc = opened.info.get("icc_profile")
                upright = ImageOps.exif_transpose(opened)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageProblem("a picture of more than 50 million pixels",
                           "resize it (2400 pixels wide is plenty)") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageProblem(f"a picture that cannot be decoded ({error})",
                           "export it again as JPEG, PNG or WebP; it should open in an image viewer") from None
    has_alpha = upright.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in upright.info
    mode = "RGBA" if has_alpha else "RGB"
    converted = _to_srgb(upright, icc, mode)
    if mode == "RGBA" and converted.getchannel("A").getextrema() == (255, 255):
        converted, mode = converted.convert("RGB"), "RGB"  # an alpha channel nobody uses
    return Image.frombytes(mode, converted.size, converted.tobytes())


_SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _to_srgb(image: Image.Image, icc: bytes | None, mode: str) -> Image.Image:
    if icc and image.mode in ("RGB", "RGBA", "CMYK"):
        try:
            converted = ImageCms.profileToProfile(
                image, ImageCms.ImageCmsProfile(BytesIO(icc)), _SRGB,
                outputMode="RGBA" if image.mode == "RGBA" else "RGB",
            )
            if converted is not None:
                return converted.convert(mode)
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: the pixels as they are
    if image.mode == "P" or image.mode == "PA":
        image = image.convert("RGBA")
    return image.convert(mode)


def _encode(image: Image.Image, settings: dict) -> bytes:
    out = BytesIO()
    image.save(out, **settings)
    return out.getvalue()


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: a build stopped halfway leaves no half file to be reused."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def describe(prepared: Prepared) -> str:
    count = len(prepared.sets)
    made, cached = prepared.made, prepared.cached
    return f"{count} picture{'s' if count != 1 else ''} ({made} made, {cached} from .cache/images/)"
