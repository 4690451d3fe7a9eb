"""Memory a finished language build gives back (hub.engine.memory): the pages it let go
of are returned to the system before its search index is made, not only kept for reuse."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hub.engine import memory


def resident_mib() -> int:
    status = Path("/proc/self/status").read_text(encoding="ascii")
    return int(status.split("VmRSS:")[1].split()[0]) // 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's heaps, read from /proc")
def test_pages_let_go_of_are_given_back_to_the_system() -> None:
    # Page-sized texts (malloc's, not Python's small-object heaps) between small blocks
    # that stay, as a build's pages lie between what it keeps.
    kept, pages = [], []
    for number in range(20_000):
        pages.append(f"<p>page {number}</p>" * 1_500)
        kept.append(bytearray(600))
    holding = resident_mib()
    del pages
    memory.give_back()
    assert resident_mib() < holding - 150, "the freed pages stayed resident"
    assert len(kept) == 20_000
