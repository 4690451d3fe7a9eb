"""The subscribe control under the title of the pages a reader follows: the news list, each
section page, each partner city and the events page. It offers that page's own feed in
RSS and Atom, the calendar that goes with it (as a webcal: link, which calendar apps
subscribe to), and a button that copies the address (assets/hub-subscribe.js; without
script the button stays hidden and the links still work).

Which feed a page offers comes from `subscriptions`, the definition the files are written
from, so the control never links a feed that does not exist.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from .subscriptions import FORMAT_NAMES, FORMATS, Subscriptions

# Section pages (inside a language root) and the feed and calendar each offers.
SECTION_SUBSCRIPTIONS: dict[str, tuple[str, str | None]] = {
    "news/": ("news", None),
    "opportunities/": ("opportunities", "deadlines"),
    "events/": ("events", "events"),
    "policies/": ("policies", None),
    "cities/": ("all", None),
}
# Listings that continue a section (news pages 2…N, archives, topics; past events…).
CONTINUATIONS = {"news/page/": "news/", "news/archive/": "news/", "news/topics/": "news/",
                 "events/past/": "events/", "opportunities/closed/": "opportunities/"}


@dataclass(frozen=True)
class Offer:
    """One thing to subscribe to: what it is, its links, and the address the button copies."""

    label: str
    links: list[tuple[str, str, str]]  # (text, href, MIME type or "")
    copy: str


def webcal(url: str) -> str:
    """The webcal: address of a calendar: calendar apps subscribe to it (and keep it up to
    date) instead of importing the file once."""
    return re.sub(r"^https?://", "webcal://", url)


def breakable_url(url: str) -> Markup:
    """An address that a narrow screen may wrap after a slash or before ? or & (where a
    reader expects a break), never inside a name such as "all.rss.xml"."""
    parts = re.split(r"(?<=/)|(?=[?&])", url)
    return Markup("<wbr>").join(escape(part) for part in parts if part)


def _section_of(url_path: str) -> str | None:
    if url_path in SECTION_SUBSCRIPTIONS:
        return url_path
    for prefix, section in CONTINUATIONS.items():
        if url_path.startswith(prefix):
            return section
    return None


def offers(subscriptions: Subscriptions, t: Callable[..., str], lang: str, url_path: str) -> list[Offer]:
    """What the page at `url_path` offers to subscribe to; [] for pages without a control.
    `t(key, **values)` gives the reader's UI strings."""
    feeds = subscriptions.by_name(lang)
    feed_name: str | None = None
    calendar: str | None = None
    city = subscriptions.city_of(url_path)
    if city is not None:  # its page and its list of news offer its own feed
        feed_name = f"cities/{city}"
    else:
        section = _section_of(url_path)
        if section is not None:
            feed_name, calendar = SECTION_SUBSCRIPTIONS[section]
    if feed_name is None:
        return []
    feed = feeds[feed_name]
    if feed.city:
        city = subscriptions.catalog.cities[feed.city]
        name = city.name.pick(lang, subscriptions.settings.fallbacks(lang))[0]
    else:
        name = t(f"feed_section_{feed.name}")
    result = [Offer(
        t("subscribe_feed_label", name=name),
        [(FORMAT_NAMES[fmt], subscriptions.url(lang, feed.path(fmt)), mime) for fmt, mime in FORMATS.items()],
        subscriptions.url(lang, feed.path("rss")),
    )]
    if calendar is not None:
        url = subscriptions.url(lang, f"calendars/{calendar}.ics")
        result.append(Offer(t(f"subscribe_calendar_{calendar}"), [(t("subscribe_calendar_app"), webcal(url), "")], url))
    return result
