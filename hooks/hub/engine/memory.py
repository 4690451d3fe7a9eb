"""Memory a finished language build no longer needs, given back to the system before the
next step grows: the language's search index is made right after (its Pagefind process is
at its largest then), and the next language's pages are read next.

Letting go of the pages (hub.stack.release_built_pages) frees them inside the process;
Python's collector then finds what only cycles still held, and glibc's `malloc_trim`
returns the freed pages of its heaps to the system. Elsewhere than glibc (macOS, musl) the
trim is skipped: the memory is still reused by the next language, only not returned.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Callable
from functools import cache


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    if name is None:
        return None
    try:
        return ctypes.CDLL(name).malloc_trim
    except (OSError, AttributeError):
        return None


def give_back() -> None:
    """Collect what is unreachable and return the free memory of the heaps to the system."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
