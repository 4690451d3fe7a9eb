"""How long each stage of a build takes, for the benchmark (bench/): a tiny timing log.

Stages add up their seconds here; `report()` logs the totals at DEBUG on the logger
`mkdocs.hooks.hub.timing` and starts over. Nothing is printed unless that logger is set to
DEBUG (`mkdocs build -v`, or bench/timed.py, which enables only this logger), and nothing
the build makes depends on it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("mkdocs.hooks.hub.timing")
_totals: dict[str, float] = {}


def add(name: str, seconds: float) -> None:
    _totals[name] = _totals.get(name, 0.0) + seconds


@contextmanager
def stage(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - start)


def totals() -> dict[str, float]:
    return dict(_totals)


def report(prefix: str = "") -> None:
    """Log the totals so far (one line a stage) and start over."""
    for name, seconds in _totals.items():
        log.debug(f"hub timing: {prefix}{name}: {seconds:.3f} s")
    _totals.clear()
