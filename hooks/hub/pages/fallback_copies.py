"""What the fr or ja page of an article not yet translated into that language shows
(`extra.hub.fallback_pages`, bench/README.md "Bytes"):

    full     the whole text in the language it falls back to;
    summary  its summary there and a link to the whole text (hub/engine/build.py, fallback_article.html);
    recent   the whole text for an article published within RECENT_DAYS days of the site's
             newest article, the summary for an older one (the site's setting).

Every mode keeps the page itself: the reader's language switcher, search, feeds and the
fallback notice, and the canonical link to the original. A summary copy's "Translate this
page" link opens GitHub's form with the front matter to translate and a link to the text
(hub.pages.edit_links): the text itself in the link would weigh more than the page (5.6 KB of an
average English article's copy, percent-encoded; a Chinese text up to 8 KB).

Why `recent`: a hub of twenty thousand articles holds some 32,000 fr and ja copies. Whole,
they would be about a third of GitHub Pages' 1 GB; readers find and share the recent ones,
and reach older ones through the news archive, where a summary and one more click serve.
Recent is counted from the newest article, as social cards are (`card_days`), not from the
build day: a hub that publishes less for a while keeps its latest stories whole in every
language, and a site is not changed by the calendar alone.
"""

from __future__ import annotations

from datetime import timedelta

from ..source.catalog import Catalog
from ..source.settings import HubSettings

RECENT_DAYS = 365


def shows_summary(settings: HubSettings, catalog: Catalog, src_uri: str) -> bool:
    """Whether the fallback copy of the article at `src_uri` shows its summary rather than
    its whole text."""
    mode = settings.fallback_pages
    if mode != "recent":
        return mode == "summary"
    article, newest = catalog.article(src_uri), catalog.newest_article_date()
    return article is not None and newest is not None and article.date < newest - timedelta(days=RECENT_DAYS)
