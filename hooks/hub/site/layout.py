"""Which parts of Material's page frame a page shows.

With navigation tabs, the left sidebar of a page holds the pages of its own tab: one link
(the page itself) or none everywhere except About, which groups several pages. There it
stays; elsewhere it is hidden (Material's `hide: [navigation]`, the same as front matter
would ask for), so the text gets the width. The table of contents on the right goes where it would be
empty (generated pages, whose headings are HTML). On a phone the navigation drawer is unchanged.
"""

from __future__ import annotations

from typing import Any

# Paths inside a language root of the pages that share the About tab (mkdocs.yml nav).
WITH_NAVIGATION = ("about/", "feeds/")


def shows_navigation(url_path: str) -> bool:
    return url_path.startswith(WITH_NAVIGATION)


def apply(meta: dict[str, Any], url_path: str, *, has_toc: bool) -> None:
    """Add "navigation" to the page's `hide` list where the sidebar would be empty or alone,
    and "toc" where the page has no contents to list (an empty column otherwise)."""
    hidden = list(meta.get("hide") or [])
    if not shows_navigation(url_path) and "navigation" not in hidden:
        hidden.append("navigation")
    if not has_toc and "toc" not in hidden:
        hidden.append("toc")
    meta["hide"] = hidden
