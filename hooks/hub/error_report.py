""""Report an error": a link on every page to the repository's new-issue form
(.github/ISSUE_TEMPLATE/report-an-error.yml), with the page's address and title already
filled in, so that an editor knows at once which page the reader means.

GitHub fills an issue form's fields from query parameters named by the fields' ids, and
the issue's title from `title`.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote, urlencode

from .settings import HubSettings

ISSUE_FORM = "report-an-error.yml"
# The ids of the form's fields that the link fills in (the form names them too).
PAGE_URL_FIELD = "page_url"
PAGE_TITLE_FIELD = "page_title"


def report_url(settings: HubSettings, *, page_url: str, title: str) -> str:
    """The new-issue form for the page at `page_url`, or "" when the site has no repository."""
    if not settings.repository_url:
        return ""
    query = urlencode(
        {"template": ISSUE_FORM, "title": f"Error: {title}", PAGE_URL_FIELD: page_url, PAGE_TITLE_FIELD: title},
        quote_via=quote,
    )
    return f"{settings.repository_url}/issues/new?{query}"


def plain_title(title: str) -> str:
    """A page title as a reader reads it: MkDocs takes it from the page's <h1>, with its
    HTML escapes (Chengdu&#x27;s) and any inline tags."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", "", title)).split())
