"""hub.graphics.qr_code makes the very modules segno makes (it only makes them faster): for the
site's addresses and for the addresses of any other form, every version they reach."""

from __future__ import annotations

import random

import pytest
import segno
from hub.graphics.qr_code import modules

_ADDRESS_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789-/%._"


def segno_modules(url: str) -> list[bytes]:
    return [bytes(row) for row in segno.make(url, error="l", micro=False, mask=2).matrix]


def test_the_modules_are_segnos_for_addresses_of_every_length() -> None:
    """Lengths 1-700: versions 2-19, error levels L and M (raised where it fits), byte boundaries of the
    terminator and padding, one and several blocks."""
    rnd = random.Random(17)
    versions = set()
    for length in range(1, 701):
        url = "https://example.org/hub/" + "".join(rnd.choice(_ADDRESS_CHARACTERS) for _ in range(length))
        expected = segno.make(url, error="l", micro=False, mask=2)
        versions.add((expected.version, expected.error))
        assert modules(url) == [bytes(row) for row in expected.matrix], url
    assert len({version for version, _ in versions}) >= 15 and len({error for _, error in versions}) == 2


@pytest.mark.parametrize("url", [
    "https://chengdu-global-hub.github.io/hub/fr/news/2025/sister-cities-conference-2025/",
    "x",
    "HTTPS://EXAMPLE.ORG/HUB/",  # alphanumeric mode
    "20251206",  # numeric mode
    "https://example.org/hub/é",  # ISO 8859-1
    "https://例え.jp/ニュース/",  # Shift JIS
    "https://example.org/hub/成都/",  # UTF-8
    "https://example.org/hub/" + "a" * 2500,  # version 40
])
def test_the_modules_are_segnos_for_addresses_of_any_form(url: str) -> None:
    assert modules(url) == segno_modules(url)
