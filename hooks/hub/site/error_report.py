""""Report an error": a link on every page to the repository's new-issue form
(.github/ISSUE_TEMPLATE/report-an-error.yml), with the page's address and title already
filled in, so that an editor knows at once which page the reader means.

GitHub fills an issue form's fields from query parameters named by the fields' ids, and
the issue's title from `title`.

The 404 page has no page of its own to name: its link (`missing_page_url`) carries the
title and the words of the report, and the page's script adds the address the reader
asked for and the page whose link led there, which only the browser knows
(overrides/404.html).
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode

from ..source.settings import HubSettings

ISSUE_FORM = "report-an-error.yml"
# The ids of the form's fields that the link fills in (the form names them too).
PAGE_URL_FIELD = "page_url"
PAGE_TITLE_FIELD = "page_title"
ERROR_FIELD = "error"  # "What is wrong"


def report_url(settings: HubSettings, *, page_url: str, title: str) -> str:
    """The new-issue form for the page at `page_url`, or "" when the site has no repository."""
    return _form(settings, {"title": f"Error: {title}", PAGE_URL_FIELD: page_url, PAGE_TITLE_FIELD: title})


def missing_page_url(settings: HubSettings, *, title: str, text: str) -> str:
    """The new-issue form for an address that leads nowhere, before the 404 page's script
    adds the address (`page_url`); "" when the site has no repository."""
    return _form(settings, {"title": f"Error: {title}", PAGE_TITLE_FIELD: title, ERROR_FIELD: text})


def _form(settings: HubSettings, fields: dict[str, str]) -> str:
    if not settings.repository_url:
        return ""
    query = urlencode({"template": ISSUE_FORM, **fields}, quote_via=quote)
    return f"{settings.repository_url}/issues/new?{query}"


def plain_title(title: str) -> str:
    """A page title as a reader reads it: MkDocs takes it from the page's <h1>, with its
    HTML escapes (Chengdu&#x27;s) and any inline tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", title)).split())
