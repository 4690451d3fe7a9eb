"""News articles (docs/<lang>/news/<year>/<slug>.md): the listing of the news section,
ten to a page (page 1 under the introduction of news/, pages 2…N at news/page/<n>/), the
archive by year and by topic, and what an article's page tells search engines (a
NewsArticle; hub.site.seo adds the headline, dates and keywords every article has).

The listing stops after `extra.hub.news_pages` pages (20: the newest 200 articles). Its
last page's "Older" link leads to the page of the archive by year that holds the newest
article it leaves out, so a reader paging back in time goes on without a gap, fifty
articles a page instead of ten. A decade of five articles a day paged ten at a time was
2,000 pages in each language that repeated the archive (bench/README.md, "Bytes").

A year or a topic of the archive is one page up to `extra.hub.archive_page_size` articles
(50) and pages of that many after: a decade of five articles a day puts some 1,800 in a
busy topic, which on one page would be a 1.8 MB download on a phone. Page 1 keeps the
address it always had (news/topics/<id>/), the next ones follow it (news/topics/<id>/2/).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..pages.generate import GeneratedPage
from ..site.render import Renderer
from ..site.views import site_relations
from ..source.models import ArticleOriginal, ArticleTranslation
from . import ArticleKind

if TYPE_CHECKING:
    from ..source.catalog import Article
    from ..source.settings import HubSettings


def news_page_path(page: int) -> str:
    return "news/" if page == 1 else f"news/page/{page}/"


def news_page_count(settings: HubSettings, articles: int) -> int:
    """How many pages the news listing of `articles` articles runs to."""
    return min(settings.news_pages, max(1, math.ceil(articles / settings.news_page_size)))


def archive_continuation(settings: HubSettings, news: list[Article], listed: int) -> str | None:
    """The address of `news[listed]` (newest first), the newest article the news listing
    leaves out, on the archive page that holds it; None when the listing holds them all.
    The address goes to the article's own card: the page may begin with articles the
    reader has just seen."""
    if listed >= len(news):
        return None
    article = news[listed]
    year = article.date.year
    # A year's archive lists that year's articles in the catalog's order (news_archive).
    position = sum(1 for earlier in news[:listed] if earlier.date.year == year)
    page = archive_page_path(f"news/archive/{year}", position // settings.archive_page_size + 1)
    return f"{page}#{card_anchor(article)}"


def card_anchor(article: Article) -> str:
    """The id of an article's card on a page of the archive by year (slugs are unique in a
    year; the prefix keeps them apart from the ids of headings and of Material's controls)."""
    return f"news-{article.slug}"


def _news_page(renderer: Renderer, lang: str, page: int) -> str:
    """Page `page` of the news listing: its articles and the pager."""
    settings, news = renderer.settings, renderer.catalog.news
    size, pages = settings.news_page_size, news_page_count(settings, len(news))
    continuation = archive_continuation(settings, news, pages * size) if page == pages else None
    return renderer.render("news_page.html", lang, articles=news[(page - 1) * size : page * size], page=page,
                           pages=pages, page_path=news_page_path, continuation=continuation)


def news_pages(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    """News listing pages 2…N (page 1 is news/index.md, filled in by `sections`)."""
    for page in range(2, news_page_count(renderer.settings, len(renderer.catalog.news)) + 1):
        yield GeneratedPage(lang, f"news/page/{page}.md", renderer.ui.t("news_page_title", lang, page=page),
                            _news_page(renderer, lang, page))


def news_archive(renderer: Renderer, lang: str) -> Iterator[GeneratedPage]:
    """The archive: one page per year, one per topic, and an index of both; and the news of
    each partner city that has more than its page shows (`extra.hub.city_news`)."""
    catalog = renderer.catalog
    by_year = Counter(article.date.year for article in catalog.news)
    by_topic = Counter(topic for article in catalog.news for topic in article.meta.topics)
    topics = [
        (topic_id, label.pick(lang, renderer.settings.fallbacks(lang))[0], by_topic[topic_id])
        for topic_id, label in sorted(catalog.topics.items())
        if by_topic[topic_id]
    ]
    years = sorted(by_year.items(), reverse=True)
    yield GeneratedPage(
        lang, "news/archive/index.md", renderer.ui.t("archive", lang),
        renderer.render("archive_index.html", lang, years=years, topics=topics),
    )
    for year, _count in years:
        articles = [a for a in catalog.news if a.date.year == year]
        title = renderer.ui.t("archive_year", lang, year=year)
        yield from _archive_pages(renderer, lang, f"news/archive/{year}", title, articles, anchor=card_anchor)
    for topic_id, label, _count in topics:
        articles = [a for a in catalog.news if topic_id in a.meta.topics]
        yield from _archive_pages(renderer, lang, f"news/topics/{topic_id}",
                                  renderer.ui.t("topic_title", lang, topic=label), articles)
    related = site_relations(renderer)
    for city_id, city in sorted(catalog.cities.items()):
        articles = related.city(city_id).news
        if len(articles) > renderer.settings.city_news:
            name, _ = city.name.pick(lang, renderer.settings.fallbacks(lang))
            yield from _archive_pages(renderer, lang, city_news_folder(city_id),
                                      renderer.ui.t("city_news_title", lang, city=name), articles,
                                      back=(name, f"cities/{city_id}/"))


def city_news_folder(city_id: str) -> str:
    """Where the news of a partner city go on, past the newest that its page shows."""
    return f"news/cities/{city_id}"


def archive_page_path(folder: str, page: int) -> str:
    """The address of page `page` of an archive list (`folder`: news/topics/<id>)."""
    return f"{folder}/" if page == 1 else f"{folder}/{page}/"


def archive_page_source(folder: str, page: int) -> str:
    """The generated file of page `page` of an archive list, inside a language folder."""
    return f"{folder}.md" if page == 1 else f"{folder}/{page}.md"


def archive_page_count(size: int, articles: int) -> int:
    """How many pages a year or topic of `articles` articles takes, `size` to a page."""
    return max(1, math.ceil(articles / size))


def _archive_pages(
    renderer: Renderer, lang: str, folder: str, title: str, articles: list[Article],
    anchor: Callable[[Article], str] | None = None, back: tuple[str, str] | None = None,
) -> Iterator[GeneratedPage]:
    """One year's or one topic's articles, newest first: one page, or pages with a pager
    between them when there are more than `archive_page_size`. `anchor` gives each card
    an id (the years' pages, where the news listing leads on to); `back` (text, address)
    is a link under the list to the page the list belongs to (a partner city's)."""
    size = renderer.settings.archive_page_size
    pages = archive_page_count(size, len(articles))
    footer = "\n" + renderer.render("archive_back.html", lang, back=back) if back else ""
    if pages == 1:
        yield GeneratedPage(lang, archive_page_source(folder, 1), title,
                            renderer.render("article_list.html", lang, articles=articles, anchor=anchor) + footer)
        return
    for page in range(1, pages + 1):
        body = renderer.render("news_page.html", lang, articles=articles[(page - 1) * size : page * size], page=page,
                               pages=pages, page_path=lambda n: archive_page_path(folder, n), continuation=None,
                               anchor=anchor) + footer
        yield GeneratedPage(
            lang, archive_page_source(folder, page),
            title if page == 1 else renderer.ui.t("listing_page_title", lang, title=title, page=page), body,
        )


def render_news_index(renderer: Renderer, markdown: str, src_uri: str, lang: str, meta: dict[str, Any]) -> str | None:
    """Page 1 of the news listing, under the section's own introduction."""
    if src_uri != "news/index.md":
        return None
    return f"{markdown}\n\n{_news_page(renderer, lang, 1)}\n"


KIND = ArticleKind(
    name="news",
    folder="news",
    original=ArticleOriginal,
    translation=ArticleTranslation,
    pages=(news_pages, news_archive),
    generated=("news/page", "news/archive", "news/topics", "news/cities"),
    listing=render_news_index,
)
