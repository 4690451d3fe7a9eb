"""One build of the hub: the state shared by the language builds that mkdocs-static-i18n
runs one after another inside the first, and the work each MkDocs event hands to it.

Work that does not depend on the language (loading and checking content, generating
pages) is done once, when the outer build starts; the per-language events only look
things up.
"""

from __future__ import annotations

import copy
import gzip
import hashlib
import logging
import re
from collections import Counter
from dataclasses import dataclass, field, fields
from functools import partial
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import (
    edit_links,
    error_report,
    fallback_copies,
    image_variants,
    layout,
    preview_cache,
    preview_pages,
    search,
    sections,
    seo,
    slots,
    stack,
    subscribe,
    timing,
)
from .aliases import redirect_html, redirects
from .alternates import (
    SITEMAP_FILE,
    SITEMAP_PART,
    PageVersions,
    SitemapCollector,
    page_versions,
    strip_lang_prefix,
)
from .cards import Cards, FontsRequired
from .catalog import GENERATED_MARKER, Catalog
from .content import load_content
from .dates import language_name, long_date
from .errors import ContentError, ContentErrors, display_path
from .fragments import RenderedFragments, frame_key
from .generate import GeneratedPage, PagesMade, make_pages
from .image_variants import ImageSet
from .inline_pictures import InlinePictures, PageSource
from .models import LeadImage
from .parallel import Forked, alongside, merge_collected
from .pictures import picture_of
from .render import Renderer
from .settings import HubSettings, settings_from_config
from .stack import PagefindError, PagefindService
from .syndication import Syndication
from .ui import UiStrings

log = logging.getLogger("mkdocs.hooks.hub")

_HTML_ID = re.compile(r"""<[^>]*?\sid=["']([^"']+)["']""")


@dataclass(frozen=True)
class Conversion:
    """A fallback page's text as the first language build that showed it converted it."""

    html: str
    toc: Any
    anchors: frozenset[str]


@dataclass
class HubBuild:
    settings: HubSettings
    catalog: Catalog
    ui: UiStrings
    renderer: Renderer
    generated: list[GeneratedPage]
    sitemap: SitemapCollector = field(default_factory=SitemapCollector)
    not_found_pages: dict[str, str] = field(default_factory=dict)
    raw_files: dict[str, File] = field(default_factory=dict)
    generated_uris: set[str] = field(default_factory=set)
    syndication: Syndication | None = None
    feed_pages: dict[str, str] = field(default_factory=dict)  # article HTML the feeds reuse
    # Bodies of generated pages between page_markdown and page_content (see there).
    verbatim: dict[str, str] = field(default_factory=dict)
    # Fallback pages: the same text converted once per process (page_markdown).
    conversions: dict[tuple[str, bytes], Conversion] = field(default_factory=dict)
    _reusing: dict[str, Conversion] = field(default_factory=dict)
    _converting: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    search_pages: list[str] = field(default_factory=list)  # indexed pages (site paths), as built
    search_service: PagefindService | None = None  # in the process that started it (hub.search)
    fragments: RenderedFragments = field(default_factory=RenderedFragments)  # hub.fragments
    cards: Cards | None = None  # social cards (hub.cards)
    # Under `mkdocs serve`: broken pages shown as their problems (hub.preview_pages).
    left_out: dict[str, list[ContentError]] = field(default_factory=dict)
    # Pictures in the text of pages, among the site's Markdown extensions (hub.inline_pictures).
    inline_pictures: InlinePictures | None = None

    @classmethod
    def start(cls, config: Any, *, preview: bool = False) -> HubBuild:
        """`preview`: under `mkdocs serve`, content loaded for the last rebuild is used
        again while only page texts changed (hub.preview_cache)."""
        try:
            settings = settings_from_config(config, preview=preview)
        except ValueError as error:  # a setting in mkdocs.yml or the environment; the message says which
            raise PluginError(str(error)) from None
        key = (settings.root, settings.languages, settings.checked_languages, settings.build_date, settings.site_url)
        left_out: dict[str, list[ContentError]] = {}
        try:
            with timing.stage("load and check content"):
                kept = preview_cache.reuse(settings.root, key) if preview else None
                ui, catalog = kept[:2] if kept else load_content(settings)
        except ContentErrors as errors:
            broken = preview_pages.broken_pages(errors.errors) if preview else None
            if broken is None:
                raise PluginError("The content has problems; nothing was built.\n" + errors.report()) from None
            # The preview goes on without the broken pages (hub.preview_pages).
            kept, left_out = None, broken
            try:
                ui, catalog = load_content(settings, skip=frozenset(broken))
            except ContentErrors as more:
                raise PluginError("The content has problems; nothing was built.\n" + more.report()) from None
            # Said as information: a warning would stop the preview (strict mode).
            log.info("hub: left out of the preview until fixed:\n" + errors.report())
        for lang in settings.languages:
            if missing := ui.missing(lang):
                # Information, not a warning: a language being translated is built (strict too).
                log.info(f"hub: {lang}: {len(missing)} UI strings not translated yet, shown in "
                         f"{ui.fallback[lang][0]}; `make translations` lists them")
        renderer = Renderer(settings, catalog, ui)
        try:
            with timing.stage("lead images"):
                images = image_variants.prepare(settings.root, catalog.image_sources, workers=settings.build_workers)
        except ContentErrors as errors:
            raise PluginError("The content has problems; nothing was built.\n" + errors.report()) from None
        if images.sets:
            log.info(f"hub: {image_variants.describe(images)}")
        renderer.images = images.sets
        docs_dir = Path(config.docs_dir)
        try:
            with timing.stage("generated pages"):
                if kept:  # the very same pages, already on disk; no front matter changed (hub.preview_cache)
                    generated, written, removed = kept[2], 0, 0
                else:
                    made = _make_pages(renderer, docs_dir, split=not preview and settings.build_workers > 1)
                    generated, written, removed = made.pages, made.written, made.removed
        except ContentErrors as errors:
            raise PluginError("The content has problems; nothing was built.\n" + errors.report()) from None
        log.info(f"hub: {len(generated)} generated pages ({written} written, {removed} removed)")
        if preview and not kept and not left_out:
            preview_cache.keep(settings.root, key, (ui, catalog, generated))
        if left_out:
            preview_cache.forget()
        build = cls(settings, catalog, ui, renderer, generated)
        build.left_out = left_out
        build.generated_uris = {page.src_uri for page in generated}
        build.inline_pictures = _inline_pictures(renderer, config)
        build.syndication = Syndication.from_config(renderer, config)
        try:
            build.cards = Cards.start(renderer, Path(config.site_dir), publishing=not preview)
        except FontsRequired as error:
            raise PluginError(str(error)) from None
        try:
            build.search_service = search.start_index()
        except PagefindError as error:
            raise PluginError(f"Pagefind could not start: {error}") from None
        return build

    def languages_by_indexed_pages(self) -> list[str]:
        """The languages, those with the most pages of their own first (what the search
        index takes: fallback copies are not indexed)."""
        own = Counter(lang for languages in self.catalog.page_languages.values() for lang in languages)
        return sorted(self.settings.languages, key=lambda lang: -own[lang])

    # -- files ---------------------------------------------------------------------------

    def remember_files(self, files: Files) -> None:
        """Keep the files as found on disk: the i18n plugin replaces them by language."""
        if self.catalog.withheld and not self.settings.preview:
            # Drafts and scheduled articles: no page in any language (hub.publishing).
            languages = self.settings.checked_languages
            for uri in self.catalog.withheld:
                for lang in languages:
                    file = files.get_file_from_path(f"{lang}/{uri}")
                    if file is not None:
                        files.remove(file)
        self.raw_files = {file.src_uri: file for file in files}

    def apply_fallback_order(self, files: Files, lang: str, config: Any) -> Files:
        """The i18n plugin falls back to the default language only; readers of fr and ja
        get the English text first where it exists (settings: extra.hub.fallback).

        The page keeps the i18n plugin's file, so its links resolve as the plugin resolves
        them; only the source it is read from changes."""
        order = self.settings.fallbacks(lang)
        if lang == self.settings.default_language:
            return files
        for file in files.documentation_pages():
            locale = stack.file_locale(file, lang)
            if locale == lang:
                continue
            for candidate in order:
                source = self.raw_files.get(f"{candidate}/{stack.language_free_uri(file)}")
                if source is not None:
                    stack.read_from(file, source, candidate)
                    break
        return files

    # -- pages ---------------------------------------------------------------------------

    def versions(self, page: Page, lang: str) -> PageVersions:
        url_path = strip_lang_prefix(self.settings, lang, page.url)
        content_lang = stack.file_locale(page.file, lang) or lang
        norm = stack.language_free_uri(page.file)
        if norm in self.generated_uris:
            languages = set(self.settings.languages)
        else:
            languages = self.catalog.page_languages.get(norm, {content_lang})
        return page_versions(
            self.settings, lang=lang, content_lang=content_lang, url_path=url_path, languages_with_text=languages
        )

    def page_markdown(self, markdown: str, page: Page, lang: str) -> str:
        if self.left_out and page.file.abs_src_path:
            shown = display_path(Path(page.file.abs_src_path), self.settings.root)
            # A translation goes with its original: without the original's facts it is no article.
            original = f"docs/{self.settings.default_language}/{stack.language_free_uri(page.file, '')}"
            for file in (shown, original):
                if file in self.left_out:
                    return preview_pages.problems_markdown(
                        file, self.left_out[file], lambda key, **values: self.ui.t(key, lang, **values))
        if page.meta.get(GENERATED_MARKER) is True:
            # A generated page is HTML from the hub's own templates. Markdown would only
            # parse it (every tag through Python's HTMLParser) to hand it back unchanged:
            # a third of all Markdown time at 2,000 articles. Its body skips the
            # conversion and becomes the page's HTML in page_content.
            self.verbatim[page.file.src_uri] = markdown
            return stack.skip_markdown()
        norm = stack.language_free_uri(page.file)
        content_lang = stack.file_locale(page.file, lang) or lang
        if (self.inline_pictures is not None and page.file.abs_src_path
                and (content_lang == lang or content_lang not in self.settings.languages)):
            # Reported by the build of the text's own language (or by the one language built).
            for error in self.inline_pictures.raw_html_pictures(markdown, Path(page.file.abs_src_path).resolve()):
                log.warning(error.format())
        if content_lang != lang and fallback_copies.shows_summary(self.settings, self.catalog.article(norm)):
            markdown = self._fallback_summary(markdown, norm, content_lang, lang)
        markdown = sections.render_page(self.renderer, markdown, norm, lang, page.meta)
        if self.inline_pictures is not None and page.file.abs_src_path:
            # Its pictures' paths are relative to the file the text comes from (a fallback
            # copy's: the original's, one folder as deep).
            self.inline_pictures.next_page(PageSource.of(self.settings.root / "docs",
                                                         Path(page.file.abs_src_path).resolve(), content_lang))
        if content_lang != lang:
            # A fallback copy: fr and ja readers of an untranslated article get the same
            # text, at the same place in their folder, so the same HTML. The first build
            # converts it; the next one of this process takes that conversion.
            key = (norm, hashlib.blake2b(markdown.encode("utf-8"), digest_size=16).digest())
            kept = self.conversions.get(key)
            if kept is not None:
                self._reusing[page.file.src_uri] = kept
                return stack.skip_markdown()
            self._converting[page.file.src_uri] = key
        return markdown

    def page_content(self, html: str, page: Page, lang: str) -> str:
        body = self.verbatim.pop(page.file.src_uri, None)
        if body is not None:
            # What MkDocs collects from raw HTML, so that links to these anchors are checked.
            stack.set_present_anchors(page, set(_HTML_ID.findall(body)))
            return body
        kept = self._reusing.pop(page.file.src_uri, None)
        if kept is not None:
            html = kept.html
            page.toc = copy.deepcopy(kept.toc)  # the sanitiser escapes each page's own copy
            stack.set_present_anchors(page, set(kept.anchors))
            # Its links to other pages' anchors were checked when the same text was converted.
        key = self._converting.pop(page.file.src_uri, None)
        if key is not None:
            self.conversions[key] = Conversion(html, copy.deepcopy(page.toc), stack.present_anchors(page))
        frame = sections.article_frame(self.renderer, stack.language_free_uri(page.file), lang)
        if frame is None:
            return html
        above, below = (part.strip("\n") for part in frame)
        title_end = html.find("</h1>") + len("</h1>")
        html = f"{html[:title_end]}\n{above}\n{html[title_end:]}"
        return f"{html}\n{below}" if below else html

    def fill_slots(self, html: str, page: Page, lang: str) -> str:
        """Maps and QR codes, into the page's clean HTML (hub.slots)."""
        return slots.fill_slots(
            self.renderer, html, src_uri=stack.language_free_uri(page.file), lang=lang,
            url_path=strip_lang_prefix(self.settings, lang, page.url),
        )

    def _fallback_summary(self, markdown: str, norm: str, content_lang: str, lang: str) -> str:
        """An article not translated into `lang` shows its summary and a link to the full
        text in the language it falls back to: a copy of every untranslated article in
        every language would be most of the build and of the published site, and its
        canonical link sends search engines to the original anyway."""
        article = self.catalog.article(norm)
        if article is None or content_lang not in article.texts:
            return markdown
        return self.renderer.render("fallback_article.html", lang, article=article, text=article.texts[content_lang])

    def page_context(self, context: dict[str, Any], page: Page, lang: str, nav: Any) -> dict[str, Any]:
        versions = self.versions(page, lang)
        self.sitemap.add(versions)
        notice = None
        if versions.is_fallback:
            # Language names in the language the notice is written in (English until a new
            # language's translators write theirs).
            written_in = self.ui.written_in("fallback_notice", lang)
            notice = {
                "text": self.ui.t("fallback_notice", lang, language=language_name(versions.content_lang, written_in),
                                  reader_language=language_name(lang, written_in)),
                "link_text": self.ui.t("fallback_original", lang),
                "href": versions.canonical,
            }
        layout.apply(page.meta, versions.url_path, has_toc=bool(page.toc.items))
        indexed = search.is_indexed(versions.url_path, is_fallback=versions.is_fallback,
                                   kinds=self.settings.record_kinds)
        if indexed:
            self.search_pages.append(page.file.dest_uri)
        norm = stack.language_free_uri(page.file)
        if self.syndication is not None and not versions.is_fallback:
            self.feed_pages.update(self.syndication.page_for_feeds(lang, norm, page.content))
        card = None
        if self.cards is not None:
            lead = self.renderer.catalog.lead_image(norm)
            card = self.cards.for_page(
                src_uri=norm, url_path=versions.url_path, lang=lang,
                content_lang=versions.content_lang, title=page.title or "",
                description=context["config"].site_description or "",
                # A page with a lead image gets a card made from it (its metadata-free copy).
                image=image_variants.picture_source(self.settings.root, lead) if lead else None,
            )
        if self.syndication is not None:
            # After the sanitiser (it would drop webcal: links) and after the feeds took the
            # page's HTML: the control is the hub's own, not the page's text.
            page.content = self._with_subscribe_box(page.content or "", lang, versions.url_path)
        page_seo = seo.page_seo(self.renderer, src_uri=norm, lang=lang, versions=versions)
        found = search.result_meta(page_seo.kind, page_seo.facts) if indexed else None
        context["hub"] = {
            "versions": versions,
            "card": card,  # the page's social card, or None (overrides/partials/hub-seo.html)
            "notice": notice,
            "unpublished": self._unpublished_banner(norm, lang),
            "edit": edit_links.page_link(self.settings, self.catalog, self.ui, src_uri=norm, lang=lang,
                                         content_lang=versions.content_lang, generated=norm in self.generated_uris,
                                         with_text=not (versions.is_fallback and fallback_copies.shows_summary(
                                             self.settings, self.catalog.article(norm)))),
            "base_path": self.settings.base_path,
            "search_indexed": indexed,
            # The copy buttons of subscribe boxes and the Feeds page (assets/hub-subscribe.js).
            "copy_script": "data-hub-copy=" in (page.content or ""),
            # OpenGraph and JSON-LD (overrides/partials/hub-seo.html).
            "seo": page_seo,
            # The kind and date a search result shows (Pagefind metadata, overrides/main.html).
            "search_meta": {"kind": self.ui.t(f"search_kind_{found[0]}", lang), "date": found[1]} if found else None,
            "search_more": self.ui.t("search_more", lang),
            # <link rel="alternate"> to the feeds of this language and section (and city).
            "feeds": self.syndication.page_feeds(lang, versions.url_path) if self.syndication else [],
            # "Report an error" at the foot of the page (overrides/main.html).
            "report": self._report_link(page, lang, versions.url_path),
            # Material's navigation and tabs, shared with the pages of the same frame.
            "frame_key": frame_key(page, nav, lang),
            "fragments": self.fragments,
        }
        return context

    def _unpublished_banner(self, src_uri: str, lang: str) -> str | None:
        """In a preview, what a draft or scheduled article says above its title."""
        reason = self.catalog.withheld.get(src_uri)
        if reason is None:
            return None
        if reason.draft:
            return self.ui.t("draft_banner", lang)
        return self.ui.t("scheduled_banner", lang, date=long_date(reason.scheduled, lang))

    def _with_subscribe_box(self, html: str, lang: str, url_path: str) -> str:
        found = subscribe.offers(self.syndication.subscriptions, lambda key, **kw: self.ui.t(key, lang, **kw),
                                 lang, url_path)
        if not found:
            return html
        box = self.renderer.render("subscribe.html", lang, offers=found)
        # Right under the title: after a generated page's own <h1>, else first (Material
        # writes the title of a hand-written page above the content).
        title_end = html.find("</h1>", 0, 2000)
        at = title_end + len("</h1>") if title_end >= 0 else 0
        return f"{html[:at]}\n{box}\n{html[at:]}"

    def _report_link(self, page: Page, lang: str, url_path: str) -> dict[str, str] | None:
        # The home page of each language (url_path "") is known by the site's name, not "Home".
        title = error_report.plain_title(str(page.title)) if page.title and url_path else self.settings.site_names[lang]
        href = error_report.report_url(self.settings, page_url=self.settings.url(lang, url_path), title=title)
        if not href:
            return None
        t = self.ui.t
        return {"href": href, "text": t("report_error_lead", lang), "link_text": t("report_error", lang)}

    def post_page(self, output: str, page: Page) -> None:
        """An indexed page, as written, goes to the search index now (page_context, run
        just before for the same page, listed it last)."""
        if self.search_service is not None and self.search_pages and self.search_pages[-1] == page.file.dest_uri:
            self.search_service.add(page.file.dest_uri, search.search_document(output))

    # -- the 404 page --------------------------------------------------------------------

    def not_found_context(self, context: dict[str, Any], lang: str) -> dict[str, Any]:
        context["hub_404"] = {
            "title": self.ui.t("not_found_title", lang),
            "text": self.ui.t("not_found_text", lang),
            "home_text": self.ui.t("go_home", lang),
            "home": self.renderer.href(lang, ""),
            "base_path": self.settings.base_path,
            # "Report the broken address": the page's script adds the address (overrides/404.html).
            "report": self._missing_report_link(lang),
            "search_more": self.ui.t("search_more", lang),
            # Material's selector would show the last page built; a 404 page's own
            # translations are the 404 pages of the other languages.
            "alternates": [
                {"name": self.settings.language_names[code], "lang": code,
                 "link": self.renderer.href(code, "404.html")}
                for code in self.settings.languages
            ],
        }
        return context

    def _missing_report_link(self, lang: str) -> dict[str, str] | None:
        t = self.ui.t
        text = t("report_missing_text", lang)
        href = error_report.missing_page_url(self.settings, title=t("not_found_title", lang), text=text)
        if not href:
            return None
        return {"href": href, "lead": t("report_missing_lead", lang), "link_text": t("report_missing", lang),
                "text": text, "linked_from": t("report_missing_from", lang, page="{page}")}

    def keep_not_found(self, output: str, lang: str) -> None:
        self.not_found_pages[lang] = output

    # -- language builds in other processes (hub.parallel) -----------------------------------

    # Made once by start() and the same in every process, or kept by each process for
    # itself. Every other field is collected by the language builds, and what a worker
    # process collected is merged in here.
    LANGUAGE_INDEPENDENT = (
        "settings", "catalog", "ui", "renderer", "generated", "generated_uris", "raw_files", "syndication",
        "search_service", "fragments", "conversions", "cards", "left_out", "inline_pictures",
    )

    def language_state(self) -> dict[str, Any]:
        return {item.name: getattr(self, item.name) for item in fields(self)
                if item.name not in self.LANGUAGE_INDEPENDENT}

    def merge_language_state(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            setattr(self, name, merge_collected(getattr(self, name), value, name))

    # -- end of all language builds ----------------------------------------------------------

    def finish(self, site_dir: Path, *, keep_search_and_feeds: bool = False) -> None:
        """`keep_search_and_feeds`: a `mkdocs serve --dirty` rebuild keeps the search index,
        feeds and calendars of the session's first build; they take seconds on a large hub
        and a preview is about the page being edited."""
        with timing.stage("finish: lead images"):
            image_variants.publish(self.settings.root, self.renderer.images, site_dir)
        with timing.stage("finish: scripts and 404 pages"):
            stack.keep_scripts_on_site(site_dir, self.settings.theme_dirs)
            self._write_not_found_pages(site_dir)
        with timing.stage("finish: redirects from earlier addresses"):
            self._write_redirects(site_dir)
        with timing.stage("finish: sitemap"):
            self._write_sitemap(site_dir)
        if keep_search_and_feeds and (site_dir / search.BUNDLE_DIR / search.ENTRY_FILE).is_file():
            self.close_search()
            timing.report()
            return
        # Pagefind takes the other processes' pages and writes the index in its own process
        # while the feeds and calendars are written here.
        with alongside(lambda: self._write_search_index(site_dir)):
            if self.syndication is not None:
                with timing.stage("finish: feeds and calendars"):
                    self.syndication.write(site_dir, self.feed_pages)
        timing.report()

    def _write_sitemap(self, site_dir: Path) -> None:
        """`sitemap.xml` (and its gzip copy): one urlset, or an index of `sitemap-N.xml` files
        when the site has more addresses than one file may hold. Parts a previous build left
        in the folder (`mkdocs serve --dirty`) are removed: the index lists only this build's."""
        for stale in site_dir.glob("sitemap-*.xml"):
            if SITEMAP_PART.fullmatch(stale.name):
                stale.unlink()
        files = self.sitemap.files(self.settings.site_url, max_urls=self.settings.sitemap_max_urls)
        for name, text in files.items():
            (site_dir / name).write_text(text, encoding="utf-8")
        with open(site_dir / f"{SITEMAP_FILE}.gz", "wb") as raw, gzip.GzipFile(
            filename="", fileobj=raw, mode="wb", mtime=0
        ) as gz:
            gz.write(files[SITEMAP_FILE].encode("utf-8"))

    def _write_search_index(self, site_dir: Path) -> None:
        if self.search_service is None:
            return
        try:
            with timing.stage("search index: end of the build"):
                index = search.write_index(self.search_service, site_dir, self.search_pages)
        except PagefindError as error:
            raise PluginError(f"The search index could not be written: {error}") from None
        log.info(f"hub: search index ({index.describe()} pages)")

    def close_search(self) -> None:
        """Stop Pagefind without writing (a failed build, a preview that keeps its index)."""
        if self.search_service is not None:
            self.search_service.close()

    def _write_redirects(self, site_dir: Path) -> None:
        """A redirect page at each earlier address of an article, in every language (hub.aliases)."""
        written = 0
        for redirect in redirects(self.catalog, self.settings.fallbacks):
            for lang in self.settings.languages:
                target = site_dir / self.settings.lang_prefix(lang) / redirect.alias / "index.html"
                if target.exists():  # the check refuses this; never overwrite a page
                    raise PluginError(f"aliases of {redirect.target}: '{redirect.alias}' is the address of a page "
                                      f"built in {lang}; remove it")
                title, content_lang = redirect.titles(lang)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(redirect_html(
                    lang=lang, title=title, alias=redirect.alias, target=redirect.target,
                    target_url=self.settings.url(content_lang, redirect.target),
                ), encoding="utf-8")
                written += 1
        if written:
            log.info(f"hub: {written} redirect pages from earlier addresses")

    def _write_not_found_pages(self, site_dir: Path) -> None:
        """Each language gets its own 404.html; GitHub Pages serves only the root one, so
        that one swaps itself for the reader's language when the missing URL is under /en/,
        /fr/ or /ja/."""
        default = self.settings.default_language
        base = self.settings.base_path
        for lang, html in self.not_found_pages.items():
            if lang != default:
                (site_dir / lang / "404.html").write_text(html, encoding="utf-8")
        root_html = self.not_found_pages.get(default)
        if root_html is None:
            return
        others = [lang for lang in self.settings.languages if lang != default and lang in self.not_found_pages]
        script = (
            "<script>(function(){var b=" + _js_string(base) + ",l=" + _js_string(",".join(others)) + ".split(',');"
            "var p=location.pathname;for(var i=0;i<l.length;i++){if(l[i]&&p.indexOf(b+l[i]+'/')===0){"
            "fetch(b+l[i]+'/404.html').then(function(r){return r.ok?r.text():null}).then(function(t){"
            "if(t){document.open();document.write(t);document.close()}});return}}})();</script>"
        )
        root_html = root_html.replace("</head>", script + "</head>", 1)
        (site_dir / "404.html").write_text(root_html, encoding="utf-8")


def _make_pages(renderer: Renderer, docs_dir: Path, *, split: bool) -> PagesMade:
    """Generated pages of every language, made and written; with `split`, the second half
    of the languages in a forked process meanwhile (the build has not started yet, and the
    other core is idle)."""
    languages = renderer.settings.languages
    if not split or len(languages) < 2:
        return make_pages(renderer, docs_dir, sections.GENERATORS, languages)
    here, there = languages[: len(languages) // 2], languages[len(languages) // 2 :]
    other = Forked.start(partial(make_pages, renderer, docs_dir, sections.GENERATORS, there))
    made: list[PagesMade] = []
    problems: list[ContentError] = []
    try:
        made.append(make_pages(renderer, docs_dir, sections.GENERATORS, here))
    except ContentErrors as errors:
        problems += errors.errors
    finally:
        try:
            made.append(other.result())  # always waited for, whatever happened here
        except ContentErrors as errors:
            problems += errors.errors
    if problems:
        raise ContentErrors(problems)
    return PagesMade([page for part in made for page in part.pages], sum(part.written for part in made),
                     sum(part.removed for part in made))


def _inline_pictures(renderer: Renderer, config: Any) -> InlinePictures:
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


def _js_string(value: str) -> str:
    return "'" + escape(value).replace("\\", "\\\\").replace("'", "\\'") + "'"
