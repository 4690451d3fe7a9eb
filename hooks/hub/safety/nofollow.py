"""Content is never read through a symbolic link.

A link committed in a pull request (`data/events/x.yml -> /etc/passwd`, or a linked
folder) would make the checks read a file from outside the repository and quote part of
it in an error, in the public log of that pull request. The checks (hub.source.paths) report
every link by its own name; everything that reads content asks here first and passes
over a linked path without opening it: only lstat is called, never the target.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


def is_linked(path: Path, root: Path) -> bool:
    """Whether `path`, or any folder between `root` and it, is a symbolic link.
    A path outside `root` counts as linked: content lives inside the repository."""
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        return True
    current = root
    for part in parts:
        current = current / part
        try:
            if stat.S_ISLNK(os.lstat(current).st_mode):
                return True
        except OSError:
            return False  # missing: nothing to follow; the reader reports it
    return False
