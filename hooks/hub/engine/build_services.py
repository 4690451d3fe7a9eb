"""What a build starts once its inputs are loaded, and stops when it is done.

They live in the process that started them. A forked language worker (hub.engine.parallel)
inherits them: it converts pictures in the text and draws social cards itself, and hands
none of them back; the search index takes pages from this process only (the worker's
pages are read from disk at the end, hub.engine.search).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from ..channels.syndication import Syndication
from ..graphics.cards import Cards, FontsRequired
from ..site.render import Renderer
from ..source.catalog import Catalog
from ..source.image_variants import ImageSet
from ..source.inline_pictures import InlinePictures
from ..source.models import LeadImage
from ..source.pictures import picture_of
from ..stack import PagefindError
from .build_inputs import BuildInputs
from .search import LanguageIndexes
from .search_parts import SearchParts


@dataclass(frozen=True)
class BuildServices:
    # Pictures in the text of pages, among the site's Markdown extensions (hub.source.inline_pictures);
    # the next build of a `mkdocs serve` session puts its own in its place.
    inline_pictures: InlinePictures
    # Feeds, calendars and OPML files: which pages they want, and the files at the end.
    syndication: Syndication
    cards: Cards  # social cards, drawn as the pages are built (hub.graphics.cards)
    # The search index, fed as this process writes its pages, one language at a time;
    # written by `search.write_index` at the end of the build, or stopped by `close`.
    search: LanguageIndexes

    @classmethod
    def start(cls, inputs: BuildInputs, config: Any, *, preview: bool) -> BuildServices:
        renderer = inputs.renderer
        # First: the feeds convert articles with the site's extensions, this one among them.
        inline_pictures = inline_pictures_extension(renderer, config)
        syndication = Syndication.from_config(renderer, config)
        try:
            cards = Cards.start(renderer, Path(config.site_dir), publishing=not preview)
        except FontsRequired as error:
            raise PluginError(str(error)) from None
        try:
            indexes = LanguageIndexes(search_parts(renderer))
        except PagefindError as error:
            raise PluginError(f"Pagefind could not start: {error}") from None
        return cls(inline_pictures=inline_pictures, syndication=syndication, cards=cards, search=indexes)

    def close(self) -> None:
        """Stop Pagefind without writing (a failed build, a preview that keeps its index)."""
        self.search.close()


def search_parts(renderer: Renderer) -> SearchParts:
    """The parts of each language's search index, from the years of the news articles
    written in it."""
    settings = renderer.settings
    articles = [(article.src_uri, article.texts) for article in renderer.catalog.news]
    return SearchParts.of_articles(articles, limit=settings.search_part_articles, default_lang=settings.languages[0])


def inline_pictures_extension(renderer: Renderer, config: Any) -> InlinePictures:
    """The Markdown extension that shows pictures in the text through the lead images'
    variants, put among the site's extensions (in place of a previous build's, under
    `mkdocs serve`): the pages and the feeds' own conversions use it."""
    settings = renderer.settings
    # The credit a lead image of the same file gives, shown under the picture in the text too.
    credits: dict[str, str] = {}
    for image in _lead_images(renderer.catalog):
        if image.credit:
            credits.setdefault(image.src, image.credit)  # the first named, articles before records

    def render(image_set: ImageSet, *, alt: str, caption: str | None, lang: str, alone: bool) -> str:
        shown = picture_of(image_set, alt=(alt, lang), caption=(caption, lang) if caption else None,
                           credit=credits.get(image_set.src), base=settings.base_path)
        return renderer.render("text_picture.html", lang, p=shown, alone=alone)

    others = [other for other in config.markdown_extensions if not isinstance(other, InlinePictures)]
    extension = InlinePictures(render=render, sets=renderer.images, root=settings.root,
                               asset_folders=settings.asset_folders, extensions=list(others),
                               configs=dict(config.mdx_configs or {}))
    config.markdown_extensions[:] = [*others, extension]
    return extension


def _lead_images(catalog: Catalog) -> list[LeadImage]:
    records = [record for _kind, records in catalog.record_folders() for record in records.values()]
    images = (*(a.meta.image for a in catalog.articles()), *(getattr(r, "image", None) for r in records))
    return [image for image in images if image]
