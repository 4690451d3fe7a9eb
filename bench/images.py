"""The cost of one lead image's variants: made from the original (cold: decode, orient,
convert, resize to every width, encode WebP and JPEG) and read back from .cache/images/
(what a rebuild does: hash the original, read the manifest).

    .venv/bin/python bench/images.py --rounds 5
    .venv/bin/python bench/images.py --rounds 1 --photos 8 --workers 2   # the build's threads

The photo is made on the spot (tests/photos.py): 2400 × 1600, photo-like, with GPS EXIF.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH.parent / "hooks"), str(BENCH.parent / "tests")]

from hub.safety.images import cache_dir, check_original, original_path  # noqa: E402
from hub.source.image_variants import image_set_for, prepare  # noqa: E402
from photos import make_photo  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--size", default="2400x1600", help="width x height of the photo")
    parser.add_argument("--photos", type=int, default=0, help="also make N different photos at once, cold")
    parser.add_argument("--workers", type=int, default=2, help="threads for --photos")
    args = parser.parse_args()
    size = tuple(int(part) for part in args.size.split("x"))
    if args.photos:
        many(args.photos, size, args.workers)
        return
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        make_photo(original_path(root, "photo.jpg"), size)  # type: ignore[arg-type]
        original = original_path(root, "photo.jpg").stat().st_size
        timings: dict[str, list[float]] = {"check (no cache)": [], "variants, cold": [],
                                           "check (cached)": [], "variants, cached": []}
        for _ in range(args.rounds):
            for path in cache_dir(root).glob("*"):
                path.unlink()
            timings["check (no cache)"].append(_time(lambda: check_original(original_path(root, "photo.jpg"))))
            timings["variants, cold"].append(_time(lambda: image_set_for(root, "photo.jpg")))
            timings["check (cached)"].append(
                _time(lambda: check_original(original_path(root, "photo.jpg"), cache_dir(root))))
            timings["variants, cached"].append(_time(lambda: image_set_for(root, "photo.jpg")))
        image_set, made = image_set_for(root, "photo.jpg")
        assert not made
        published = sum(v.webp_bytes + v.fallback_bytes for v in image_set.variants)
    print(f"photo {size[0]}×{size[1]}, {original / 1024:.0f} KiB; {len(image_set.variants)} widths × 2 formats "
          f"= {published / 1024:.0f} KiB published; median of {args.rounds} rounds:")
    for name, values in timings.items():
        print(f"  {name:<18} {statistics.median(values) * 1000:8.1f} ms")


def many(count: int, size: tuple[int, ...], workers: int) -> None:
    """`count` photos (each a little narrower than the last, so all differ) through the
    build's own entry point, cold, with 1 and with `workers` threads."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = {}
        for index in range(count):
            make_photo(original_path(root, f"photo-{index}.jpg"), (size[0] - index, size[1]))
            sources[f"photo-{index}.jpg"] = (f"photo-{index}", 1)
        for threads in (1, workers):
            for path in cache_dir(root).glob("*"):
                path.unlink()
            seconds = _time(lambda: prepare(root, sources, workers=threads))  # noqa: B023
            print(f"{count} photos {size[0]}×{size[1]}, cold, {threads} thread(s): {seconds:.1f} s")


def _time(work: object) -> float:
    start = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
