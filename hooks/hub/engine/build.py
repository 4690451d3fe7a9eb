"""One build of the hub: the work each MkDocs event hands to it, for the language builds
that mkdocs-static-i18n runs one after another inside the first.

Work that does not depend on the language (loading and checking content, generating
pages) is done once, when the outer build starts (hub.engine.build_inputs); the per-language
events only look things up. What they collect for the end of the build is the harvest
(hub.engine.harvest): the one thing a forked language worker sends back (hub.engine.parallel).
"""

from __future__ import annotations

import gzip
import logging
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import stack, timing
from ..errors import display_path
from ..graphics import slots
from ..pages import edit_links, fallback_copies, sections
from ..site import error_report, layout, seo, subscribe
from ..site.alternates import SITEMAP_FILE, SITEMAP_PART, PageVersions, page_versions, strip_lang_prefix
from ..site.dates import language_name, long_date
from ..site.fragments import RenderedFragments, frame_key
from ..site.render import Renderer
from ..source import image_variants
from ..source.aliases import redirect_html, redirects
from ..source.catalog import GENERATED_MARKER, Catalog
from ..source.inline_pictures import PageSource
from ..source.settings import HubSettings
from ..source.ui import UiStrings
from ..stack import PagefindError
from . import not_found, preview_pages, search
from .build_inputs import BuildInputs
from .build_services import BuildServices
from .harvest import LanguageHarvest
from .page_bodies import PageBodies
from .parallel import alongside
from .source_files import SourceFiles

log = logging.getLogger("mkdocs.hooks.hub")


class HubBuild:
    """One build of the hub in this process: what it reads (`inputs`), the services it
    started (`services`), what its language builds collect for the end (`harvest`), and
    the stages that keep their own state between a page's events."""

    def __init__(self, inputs: BuildInputs, services: BuildServices) -> None:
        self.inputs = inputs
        self.services = services
        self.harvest = LanguageHarvest()
        self._files = SourceFiles(inputs)
        self._bodies = PageBodies()
        # Material's navigation and tabs, rendered once per folder by this process's builds.
        self._fragments = RenderedFragments()

    # The inputs every event reads, by their short names (read only).
    @property
    def settings(self) -> HubSettings:
        return self.inputs.settings

    @property
    def catalog(self) -> Catalog:
        return self.inputs.catalog

    @property
    def ui(self) -> UiStrings:
        return self.inputs.ui

    @property
    def renderer(self) -> Renderer:
        return self.inputs.renderer

    @classmethod
    def start(cls, config: Any, *, preview: bool = False) -> HubBuild:
        """`preview`: under `mkdocs serve` (hub.engine.preview_cache, hub.engine.preview_pages)."""
        inputs = BuildInputs.load(config, preview=preview)
        return cls(inputs, BuildServices.start(inputs, config, preview=preview))

    # -- files ---------------------------------------------------------------------------

    def remember_files(self, files: Files) -> None:
        self._files.remember(files)

    def apply_fallback_order(self, files: Files, lang: str) -> Files:
        return self._files.apply_fallback_order(files, lang)

    # -- pages ---------------------------------------------------------------------------

    def versions(self, page: Page, lang: str) -> PageVersions:
        url_path = strip_lang_prefix(self.settings, lang, page.url)
        content_lang = stack.file_locale(page.file, lang) or lang
        norm = stack.language_free_uri(page.file)
        if norm in self.inputs.generated_uris:
            languages = set(self.settings.languages)
        else:
            languages = self.catalog.page_languages.get(norm, {content_lang})
        return page_versions(
            self.settings, lang=lang, content_lang=content_lang, url_path=url_path, languages_with_text=languages
        )

    def page_markdown(self, markdown: str, page: Page, lang: str) -> str:
        if self.inputs.left_out and page.file.abs_src_path:
            shown = display_path(Path(page.file.abs_src_path), self.settings.root)
            # A translation goes with its original: without the original's facts it is no article.
            original = f"docs/{self.settings.default_language}/{stack.language_free_uri(page.file, '')}"
            for file in (shown, original):
                if file in self.inputs.left_out:
                    return preview_pages.problems_markdown(
                        file, self.inputs.left_out[file], lambda key, **values: self.ui.t(key, lang, **values))
        if page.meta.get(GENERATED_MARKER) is True:
            return self._bodies.skip_generated(markdown, page)
        norm = stack.language_free_uri(page.file)
        content_lang = stack.file_locale(page.file, lang) or lang
        pictures = self.services.inline_pictures
        if page.file.abs_src_path and (content_lang == lang or content_lang not in self.settings.languages):
            # Reported by the build of the text's own language (or by the one language built).
            for error in pictures.raw_html_pictures(markdown, Path(page.file.abs_src_path).resolve()):
                log.warning(error.format())
        if self._summary_copy(page, lang, norm):
            markdown = self._fallback_summary(markdown, norm, content_lang, lang)
        markdown = sections.render_page(self.renderer, markdown, norm, lang, page.meta)
        if page.file.abs_src_path:
            # Its pictures' paths are relative to the file the text comes from (a fallback
            # copy's: the original's, one folder as deep).
            pictures.next_page(PageSource.of(self.settings.root / "docs", Path(page.file.abs_src_path).resolve(),
                                             content_lang))
        if content_lang != lang:
            return self._bodies.convert_once(markdown, page, norm)
        return markdown

    def page_content(self, html: str, page: Page, lang: str) -> str:
        body = self._bodies.generated_html(page)
        if body is not None:
            return body
        html = self._bodies.fallback_html(html, page)
        norm = stack.language_free_uri(page.file)
        frame = sections.article_frame(self.renderer, norm, lang, summary_copy=self._summary_copy(page, lang, norm))
        if frame is None:
            return html
        above, below = (part.strip("\n") for part in frame)
        title_end = html.find("</h1>") + len("</h1>")
        html = f"{html[:title_end]}\n{above}\n{html[title_end:]}"
        return f"{html}\n{below}" if below else html

    def fill_slots(self, html: str, page: Page, lang: str) -> str:
        """Maps and QR codes, into the page's clean HTML (hub.graphics.slots)."""
        return slots.fill_slots(
            self.renderer, html, src_uri=stack.language_free_uri(page.file), lang=lang,
            url_path=strip_lang_prefix(self.settings, lang, page.url),
        )

    def _summary_copy(self, page: Page, lang: str, norm: str) -> bool:
        """The page shows, in `lang`, the summary of an article written in another language."""
        return ((stack.file_locale(page.file, lang) or lang) != lang
                and fallback_copies.shows_summary(self.settings, self.catalog, norm))

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
        self.harvest.sitemap.add(versions)
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
            self.harvest.search_pages.setdefault(lang, []).append(page.file.dest_uri)
        norm = stack.language_free_uri(page.file)
        if not versions.is_fallback:
            self.harvest.feed_pages.update(self.services.syndication.page_for_feeds(lang, norm, page.content))
        lead = self.renderer.catalog.lead_image(norm)
        card = self.services.cards.for_page(
            src_uri=norm, url_path=versions.url_path, lang=lang,
            content_lang=versions.content_lang, title=page.title or "",
            description=context["config"].site_description or "",
            # A page with a lead image gets a card made from it (its metadata-free copy).
            image=image_variants.picture_source(self.settings.root, lead) if lead else None,
        )
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
            "edit": edit_links.page_link(
                self.settings, self.catalog, self.ui, src_uri=norm, lang=lang, content_lang=versions.content_lang,
                generated=norm in self.inputs.generated_uris,
                with_text=not (versions.is_fallback and fallback_copies.shows_summary(
                    self.settings, self.catalog, norm))),
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
            "feeds": self.services.syndication.page_feeds(lang, versions.url_path),
            # "Report an error" at the foot of the page (overrides/main.html).
            "report": self._report_link(page, lang, versions.url_path),
            # Material's navigation and tabs, shared with the pages of the same frame.
            "frame_key": frame_key(page, nav, lang),
            "fragments": self._fragments,
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
        found = subscribe.offers(self.services.syndication.subscriptions, lambda key, **kw: self.ui.t(key, lang, **kw),
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

    def post_page(self, output: str, page: Page, lang: str) -> None:
        """An indexed page, as written, goes to the search index now (page_context, run
        just before for the same page, listed it last)."""
        indexed = self.harvest.search_pages.get(lang)
        if indexed and indexed[-1] == page.file.dest_uri:
            try:
                self.services.search.add(lang, page.file.dest_uri, search.search_document(output))
            except PagefindError as error:
                raise PluginError(f"The search index of {lang} could not take {page.file.dest_uri}: {error}") from None

    def language_built(self, lang: str) -> None:
        """The build of `lang` in this process is done: its search index is made now and
        its Pagefind process ends, before the next language's pages are built."""
        try:
            self.services.search.finish_language()
        except PagefindError as error:
            raise PluginError(f"The search index of {lang} could not be made: {error}") from None

    # -- the 404 page --------------------------------------------------------------------

    def not_found_context(self, context: dict[str, Any], lang: str) -> dict[str, Any]:
        context["hub_404"] = not_found.context(self.inputs, lang)
        return context

    def keep_not_found(self, output: str, lang: str) -> None:
        self.harvest.not_found_pages[lang] = output

    # -- end of all language builds ----------------------------------------------------------

    def finish(self, site_dir: Path, *, keep_search_and_feeds: bool = False) -> None:
        """`keep_search_and_feeds`: a `mkdocs serve --dirty` rebuild keeps the search index,
        feeds and calendars of the session's first build; they take seconds on a large hub
        and a preview is about the page being edited."""
        with timing.stage("finish: lead images"):
            image_variants.publish(self.settings.root, self.renderer.images, site_dir)
        with timing.stage("finish: scripts and 404 pages"):
            stack.keep_scripts_on_site(site_dir, self.settings.theme_dirs)
            not_found.write_pages(self.inputs, self.harvest.not_found_pages, site_dir)
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
        with alongside(lambda: self._write_search_index(site_dir)), timing.stage("finish: feeds and calendars"):
            self.services.syndication.write(site_dir, self.harvest.feed_pages)
        timing.report()

    def _write_sitemap(self, site_dir: Path) -> None:
        """`sitemap.xml` (and its gzip copy): one urlset, or an index of `sitemap-N.xml` files
        when the site has more addresses than one file may hold. Parts a previous build left
        in the folder (`mkdocs serve --dirty`) are removed: the index lists only this build's."""
        for stale in site_dir.glob("sitemap-*.xml"):
            if SITEMAP_PART.fullmatch(stale.name):
                stale.unlink()
        files = self.harvest.sitemap.files(self.settings.site_url, max_urls=self.settings.sitemap_max_urls)
        for name, text in files.items():
            (site_dir / name).write_text(text, encoding="utf-8")
        with open(site_dir / f"{SITEMAP_FILE}.gz", "wb") as raw, gzip.GzipFile(
            filename="", fileobj=raw, mode="wb", mtime=0
        ) as gz:
            gz.write(files[SITEMAP_FILE].encode("utf-8"))

    def _write_search_index(self, site_dir: Path) -> None:
        try:
            with timing.stage("search index: end of the build"):
                index = search.write_index(self.services.search, site_dir, self.harvest.search_pages,
                                           older=lambda lang, year: self.ui.t("search_older", lang, year=year))
        except PagefindError as error:
            raise PluginError(f"The search index could not be written: {error}") from None
        log.info(f"hub: search index ({index.describe()} pages)")

    def close_search(self) -> None:
        """Stop Pagefind without writing (a failed build, a preview that keeps its index)."""
        self.services.close()

    def _write_redirects(self, site_dir: Path) -> None:
        """A redirect page at each earlier address of an article, in every language (hub.source.aliases)."""
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
