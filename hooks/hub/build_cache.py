"""The caches of what is slow to make (social cards in `.cache/cards/`, lead pictures'
variants in `.cache/images/`): which files a build used, and dropping the rest.

The deploy workflow restores these caches from the last deploy and saves them again after
the build. Without pruning they would only grow: every edited title, every change to the
code that draws cards leaves its old files behind, and every deploy would restore and save
them all. So `make build` notes when it starts (BUILD_STARTED), a build marks each cached
file it reads (its modification time; files it writes are new anyway), and
`python -m hub prune-cache` (`make cache-prune`) then removes every file older than that
start: what the last build did not use.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Written by `make build` just before MkDocs starts (Makefile).
BUILD_STARTED = (".cache", "build-started")
# Where drawn cards are kept, relative to the project (HUB_CARD_CACHE moves it; the pictures'
# variants: hub.safety.images.CACHE_DIR).
CARD_CACHE = (".cache", "cards")
# Kept whatever the build: the fonts' character maps (hub.graphics.card_fonts), read only when
# a card is drawn, so a build that found every card cached never reads them. A handful of
# files, named after the font file's size and time, so a new font package gets new ones.
ALWAYS_KEPT = "cmap-*.u32"


def mark_used(*paths: Path) -> None:
    """A build read these cached files: they stay at the next prune."""
    for path in paths:
        with contextlib.suppress(OSError):  # a read-only cache is used, never pruned
            os.utime(path)


@dataclass(frozen=True)
class Pruned:
    removed: int
    removed_bytes: int
    kept: int

    def describe(self) -> str:
        return (f"removed {self.removed} cached file{'s' if self.removed != 1 else ''} "
                f"({self.removed_bytes / 2**20:.1f} MiB) the last build did not use; kept {self.kept}")


def prune(folders: Iterable[Path], started: Path) -> Pruned:
    """Remove the files of `folders` last used before `started` was written."""
    since = started.stat().st_mtime_ns
    removed = removed_bytes = kept = 0
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            stat = path.lstat()
            if not path.is_file() or path.is_symlink():
                continue
            if stat.st_mtime_ns < since and not path.match(ALWAYS_KEPT):
                path.unlink()
                removed, removed_bytes = removed + 1, removed_bytes + stat.st_size
            else:
                kept += 1
    return Pruned(removed, removed_bytes, kept)
