"""Social cards in the build: what each page's card says, where it is published, and a
cache so that a rebuild does not draw it again.

One card per page and language of its text, at `assets/cards/<lang>/<page path>.png` (the
home page: `assets/cards/<lang>/index.png`); a news article published `extra.hub.card_days`
days or more before the newest shows the news section's card instead. A page shown in a fallback language uses the
card of the text it shows, the original's: same URL, drawn once. A card is drawn by the
language build that builds its page in its own language, so every card is drawn once in
the whole build, whichever process builds that language (hub.engine.parallel). (Should a fallback
page ever be built without its original's language, it draws the card itself; a
one-language preview, `make serve LANG_ONLY=fr`, builds no fallback pages.)

Cards are cached in `.cache/cards/` under a hash of everything they are drawn from (the
texts, the font files, the code that draws them, Pillow's version, a lead image's bytes).

Without the fonts (Debian's fonts-noto-cjk), `mkdocs serve` builds the site without cards
and says why; `mkdocs build` refuses: a published page must have its card.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import time
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import timing
from ..build_cache import CARD_CACHE, mark_used
from ..kinds import kind_in
from ..site.dates import long_date
from ..site.render import Renderer
from . import card_draw, card_fonts, card_text
from .card_draw import Card
from .card_fonts import FONT_DIRS, FontSet, FontsMissing, font_set

log = logging.getLogger("mkdocs.hooks.hub")

CARD_DIR = "assets/cards"
# Pages 2…N of the news listing and of a year or topic of the archive, and every page of a
# partner city's news (hub.kinds.article): the city's own page has its card.
_FURTHER_PAGE = re.compile(r"(news/)(?:(?:page|archive/[0-9]+|topics/[^/]+)/[0-9]+|cities/[^/]+(?:/[0-9]+)?)/")
SECTION_KICKERS = {
    "news": "card_section_news",
    "opportunities": "card_section_opportunities",
    "events": "card_section_events",
    "policies": "card_section_policies",
    "cities": "card_section_cities",
    "about": "card_section_about",
    "feeds": "card_section_about",
}


@dataclass(frozen=True)
class CardRef:
    """What a page's head says about its card (overrides/partials/hub-seo.html)."""

    url: str  # absolute
    alt: str
    width: int = card_draw.WIDTH
    height: int = card_draw.HEIGHT


class FontsRequired(Exception):
    """A build that publishes cannot go without them."""


@dataclass
class Cards:
    renderer: Renderer
    site_dir: Path
    cache_dir: Path
    font_dirs: tuple[Path, ...]
    missing: str | None = None  # why there are no cards (fonts not installed)
    drawn: int = 0
    from_cache: int = 0

    @classmethod
    def start(cls, renderer: Renderer, site_dir: Path, *, publishing: bool) -> Cards:
        """`publishing`: `mkdocs build`, whose output is meant to be published; it then
        refuses to go on without the fonts (FontsRequired). The fonts are looked for in
        HUB_FONT_DIRS if set (hub.source.settings), else where Debian installs them."""
        font_dirs = renderer.settings.font_dirs or FONT_DIRS
        cache_dir = renderer.settings.card_cache or renderer.settings.root.joinpath(*CARD_CACHE)
        cards = cls(renderer, site_dir, cache_dir, font_dirs)
        card_fonts.codepoint_cache = cache_dir
        try:
            for lang in renderer.settings.checked_languages:
                font_set(lang, font_dirs)  # only looks for the files: cheap
        except FontsMissing as error:
            if publishing:
                raise FontsRequired(f"Social cards cannot be drawn: {error}. A published site needs them.") from None
            cards.missing = str(error)
            log.info(f"hub: no social cards in this preview: {error}")
        return cards

    def for_page(self, *, src_uri: str, url_path: str, lang: str, content_lang: str, title: str,
                 description: str, image: Path | None = None) -> CardRef | None:
        """The card of a page built in `lang` whose text is in `content_lang`, drawn now
        unless another language build draws it (see the module's docstring). `image`: a
        picture file to make the card from (a page's lead image, stripped of its metadata),
        shown on the card's right third."""
        if self.missing is not None:
            return None
        draw = content_lang == lang or content_lang not in self.renderer.settings.languages
        listing = _FURTHER_PAGE.fullmatch(url_path)
        # Page 2, 3… of a listing shows the news section's card, drawn on news/; so does an
        # older news article (extra.hub.card_days).
        section = listing.group(1) if listing else "news/" if self._past_card_days(src_uri) else None
        if section is not None:
            url_path = section
            title = self.renderer.ui.t(SECTION_KICKERS[url_path.split("/")[0]], content_lang)
            src_uri, draw = url_path + "index.md", False
        card = card_for(self.renderer, src_uri=src_uri, url_path=url_path, lang=content_lang, title=title,
                        description=description)
        path = card_path(content_lang, url_path)
        if draw:
            started = time.perf_counter()
            self._publish(card, path, image)
            timing.add("social cards", time.perf_counter() - started)
        return CardRef(url=self.renderer.settings.site_url + path, alt=card_alt(card))

    def _past_card_days(self, src_uri: str) -> bool:
        """A news article published `card_days` days or more before the newest: its own
        card would rarely be seen (a link preview is mostly of recent news) and a decade of
        them would weigh more than the rest of the site. Policy explainers keep theirs:
        they are few, and stay current."""
        article = self.renderer.catalog.article(src_uri)
        if article is None or article.kind != "news":
            return False
        newest = self.renderer.catalog.news[0].date
        return (newest - article.date).days >= self.renderer.settings.card_days

    def _publish(self, card: Card, path: str, image: Path | None = None) -> None:
        fonts = font_set(card.lang, self.font_dirs)
        key = cache_key(card, fonts, image)
        cached = self.cache_dir / key[:2] / f"{key}.png"
        target = self.site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(cached, target)  # copied by the kernel, not read into this process
            mark_used(cached)  # kept by `make cache-prune` (hub.build_cache)
            self.from_cache += 1
        except FileNotFoundError:
            drawn = card_draw.render(card, fonts, image)
            if drawn.dropped:
                codes = " ".join(f"U+{ord(char):04X}" for char in dict.fromkeys(drawn.dropped))
                log.info(f"hub: card {path}: left out what the font cannot draw ({codes})")
            _write_atomically(cached, drawn.png)
            target.write_bytes(drawn.png)
            self.drawn += 1


def card_path(lang: str, url_path: str) -> str:
    """assets/cards/en/news/2025/x.png for en's news/2025/x/; …/index.png for the home page."""
    return f"{CARD_DIR}/{lang}/{url_path.strip('/') or 'index'}.png"


def card_alt(card: Card) -> str:
    return " · ".join(part for part in (card.title, card.kicker, card.date, card.site_name) if part)


def cache_key(card: Card, fonts: FontSet, image: Path | None) -> str:
    digest = hashlib.blake2b(digest_size=20)
    digest.update(repr((_drawing_code(), fonts.fingerprint(), sorted(asdict(card).items()))).encode("utf-8"))
    if image is not None:
        digest.update(image.read_bytes())
    return digest.hexdigest()


@cache
def _drawing_code() -> str:
    """Changes with the code that draws and lays out a card, and with Pillow: a cached card
    drawn by other code is never taken for a new one."""
    from PIL import __version__ as pillow

    digest = hashlib.blake2b(pillow.encode(), digest_size=16)
    for module in (card_draw, card_text, card_fonts):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


def card_for(renderer: Renderer, *, src_uri: str, url_path: str, lang: str, title: str, description: str) -> Card:
    """What the card of a page says, in `lang` (the language of the page's text). `title`
    and `description` are the page's own (HTML allowed in the title: its text is taken)."""
    settings, catalog, ui = renderer.settings, renderer.catalog, renderer.ui
    site_name = settings.site_names.get(lang, "")
    fallbacks = settings.fallbacks(lang)
    title = Markup(title).striptags() if title else ""

    def pick(text: Any) -> str:
        return text.pick(lang, fallbacks)[0] if text is not None else ""

    article = catalog.article(src_uri)
    if article is not None:
        kicker = ui.t("card_kind_news" if article.kind == "news" else "policy_explainer", lang)
        return Card(lang, article.text(lang, fallbacks).title, kicker, site_name, long_date(article.date, lang))
    folder, _, stem = src_uri.removesuffix(".md").partition("/")
    kind = kind_in(catalog.kinds, folder)
    record = catalog.records.get(folder, {}).get(stem) if kind is not None else None
    if kind is not None and record is not None:
        if kind.card is not None:
            return kind.card(renderer, record, lang, site_name)
        return Card(lang, pick(getattr(record, "title", None)), "", site_name)
    if url_path.strip("/") == "":
        return Card(lang, site_name, "", site_name, subtitle=description)
    section = url_path.strip("/").split("/")[0]
    kicker = ui.t(SECTION_KICKERS[section], lang) if section in SECTION_KICKERS else ""
    if kicker == title:  # a section's own page: its name, and what the site is
        return Card(lang, title, "", site_name, subtitle=description)
    return Card(lang, title or site_name, kicker, site_name)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    partial.write_bytes(data)
    os.replace(partial, path)
