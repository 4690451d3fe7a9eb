"""The generated pages and listings on a phone: nothing wider than a 390 px screen (long
names, amounts and date ranges wrap), and nothing fetched from another host (coordinates
are text, not map tiles). test_browser_pages covers one page of each type; this covers
the lists and the pages whose content is longest."""

from __future__ import annotations

import pytest
from browser_support import LANGS, PHONE, PREFIX, Tab

pytestmark = pytest.mark.browser

PAGES = (
    "cities/",
    "cities/montpellier/",
    "cities/nepal-zeliguode/",
    "opportunities/",
    "opportunities/high-tech-rd-centre-investment-reward/",
    "opportunities/closed/",
    "events/",
    "events/past/",
    "policies/foreign-rd-centres-2025/",
)


@pytest.mark.parametrize("lang", LANGS)
def test_generated_pages_fit_a_phone_and_stay_on_the_site(phone_reader: Tab, lang: str) -> None:
    too_wide = {}
    for path in PAGES:
        response = phone_reader.open(PREFIX[lang] + path)
        assert response is not None and response.status == 200, path
        width = phone_reader.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert too_wide == {}
    assert phone_reader.foreign_requests() == []
