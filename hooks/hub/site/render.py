"""Rendering the hub's own templates (overrides/hub/*.html).

Unlike the MkDocs theme environment, this one autoescapes: every value from a data file
or front matter is escaped where it lands in HTML, unless a template says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import jinja2

from ..source.catalog import Article, Catalog
from ..source.image_variants import ImageSet
from ..source.models import LeadImage
from ..source.pictures import Picture, picture
from ..source.settings import HubSettings
from ..source.ui import UiStrings
from . import dates
from .subscribe import breakable_url


@dataclass
class Renderer:
    settings: HubSettings
    catalog: Catalog
    ui: UiStrings
    # Lead images by src, once the build has made their variants (hub.source.image_variants).
    images: dict[str, ImageSet] = field(default_factory=dict)

    @cached_property
    def env(self) -> jinja2.Environment:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(self.settings.root / "overrides" / "hub"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=False,
            # One Renderer lives for one build: templates cannot change under it, and
            # checking their files on every include costs seconds on a large hub.
            auto_reload=False,
        )
        env.filters["long_date"] = dates.long_date
        env.filters["medium_date"] = dates.medium_date
        env.filters["breakable_url"] = breakable_url
        return env

    def render(self, template: str, lang: str, **values: Any) -> str:
        """Render `template` for a reader of `lang`; blank lines are dropped so that the
        HTML stays one raw block to Markdown."""
        html = self.env.get_template(template).render(
            lang=lang,
            t=lambda key, **kw: self.ui.t(key, lang, **kw),
            href=lambda path, in_lang=lang: self.href(in_lang, path),
            language_name=dates.language_name,
            settings=self.settings,
            catalog=self.catalog,
            article_text=lambda article: self.article_text(article, lang),
            picture=lambda image: self.picture(image, lang),
            **values,
        )
        return "\n".join(line for line in html.splitlines() if line.strip())

    def href(self, lang: str, path: str) -> str:
        """Site-absolute link (works under a project sub-path too) to `path` in `lang`."""
        return self.settings.base_path + self.settings.lang_prefix(lang) + path.lstrip("/")

    def picture(self, image: LeadImage | None, lang: str) -> Picture | None:
        """A lead image for a reader of `lang`; None without one (or under `hub check`)."""
        return picture(image, self.images, lang=lang, fallbacks=self.settings.fallbacks(lang),
                       base=self.settings.base_path)

    def article_text(self, article: Article, lang: str) -> Any:
        return article.text(lang, self.settings.fallbacks(lang))
