"""Nothing on a page moves once it has been drawn: the copy buttons that script puts into
the subscribe boxes and bylines take a slot of their own size (overrides/hub/_copy.html),
and pictures and maps keep their place while they load. Measured as the browser does for
Cumulative Layout Shift, on a phone and a desktop."""

from __future__ import annotations

import pytest
from browser_support import DESKTOP, PHONE, TabFactory

# Pages with a subscribe box, a byline with "Copy link", or the Feeds page's buttons.
PAGES = ("en/cities/manchester/", "cities/manchester/", "en/news/2025/sister-cities-conference-2025/",
         "fr/events/", "ja/news/", "en/feeds/", "")

RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts.push(entry.value);
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_pages_do_not_move_after_they_are_drawn(new_tab: TabFactory, viewport: dict[str, int]) -> None:
    tab = new_tab(viewport)
    tab.page.add_init_script(RECORD_SHIFTS)
    for path in PAGES:
        tab.open(path)
        tab.page.wait_for_load_state("networkidle")
        assert tab.page.locator("button.hub-copy").count() > 0 or path == "", path
        shifts = tab.page.evaluate("window.__shifts")
        assert sum(shifts) < 0.01, (path, shifts)
