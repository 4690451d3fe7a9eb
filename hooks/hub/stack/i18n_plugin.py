"""mkdocs-static-i18n, beyond its documented options (checked against 1.3.1).

The plugin documents its configuration and the variables it gives templates; how it
builds the languages (one nested `build()` per language from its `on_post_build`, with
`mkdocs.utils.clean_directory` switched off meanwhile), which language it is building and
what it writes on each `File` are its own affair. The hub needs all of them: hooks run once
per language, the parallel build runs that loop itself, and fr/ja fall back along
`extra.hub.fallback` instead of to the default language only.
"""

from __future__ import annotations

from typing import Any

from mkdocs import utils
from mkdocs.commands.build import build


def _plugin(config: Any) -> Any:
    return config.plugins["i18n"]


def current_language(config: Any) -> str:
    """The language being built. Why: hooks are given no language; the plugin keeps it in
    `I18n.current_language` (set by its loop, read by its own events).
    On upgrade: the attribute still exists and is set before each language's `build()`."""
    return _plugin(config).current_language


def in_language_build(config: Any) -> bool:
    """True inside the language builds the plugin nests in the first one. Why: no event
    tells an outer build from a nested one; the plugin's `I18n.building` flag does.
    On upgrade: the flag is still True during its loop and False outside it."""
    return bool(_plugin(config).building)


def take_over_language_loop(config: Any) -> None:
    """Make the plugin's own loop over the languages do nothing: the hub builds them
    (hub.engine.parallel). Why: no option turns the loop off; its `on_post_build` returns at once
    while `building` is True. On upgrade: that early return is still there."""
    _plugin(config).building = True


def hand_back_language_loop(config: Any) -> None:
    """Undo `take_over_language_loop` once the hub's language builds are done."""
    _plugin(config).building = False


def build_languages(config: Any, languages: list[str], *, dirty: bool = False) -> None:
    """What mkdocs-static-i18n's loop does for each language after the first: one build
    into the language's folder, without cleaning the site folder first. Why: the loop is
    not callable on its own, and the hub runs it for a share of the languages in each
    process. On upgrade: compare with `I18n.on_post_build` (it sets `current_language`,
    calls `mkdocs.commands.build.build` and patches `mkdocs.utils.clean_directory` the same
    way; anything it adds per language must be added here)."""
    i18n = _plugin(config)
    clean = utils.clean_directory
    utils.clean_directory = lambda path: path  # as the plugin does during its loop
    try:
        for lang in languages:
            i18n.current_language = lang
            build(config, dirty=dirty)
    finally:
        utils.clean_directory = clean


def release_built_pages(config: Any) -> None:
    """Let go of the Markdown and the HTML of the pages of the language just built. Why: the
    plugin keeps the documentation files of every language it has built until the build
    ends (`I18n.i18n_files_per_language`, for its template variable `i18n_alternates`,
    which the hub's templates do not use), and with them each page's text and HTML: zh's
    pages were still held while en was built, and fr's while ja was. Nothing reads them
    once their language is written: what the feeds, the sitemap and the search index need
    is in the hub's harvest (hub.engine.harvest). On upgrade: the attribute is still the
    current language's `documentation_pages()`, set in `on_files`, and nothing of the
    plugin reads a page's `markdown` or `content` after its build."""
    for file in _plugin(config).i18n_files_per_language.get(current_language(config), ()):
        if file.page is not None:
            file.page.markdown = None
            file.page.content = None


def file_locale(file: Any, default: str | None) -> str | None:
    """The language a page's text is in: the plugin writes it on each `File` it keeps
    (`File.locale`) and documents only the template variable `i18n_file_locale`.
    On upgrade: `folder.reconfigure_file` still sets `file.locale`."""
    return getattr(file, "locale", default)


def language_free_uri(file: Any, missing: str | None = None) -> str:
    """A page's path without its language folder (`en/news/x.md` -> `news/x.md`), the key
    the hub's catalog uses: the plugin writes it on each `File` (`File.norm_src_uri`),
    undocumented. `missing`: what a file the plugin did not touch gives (its own src_uri
    when None). On upgrade: `folder.reconfigure_file` still sets `file.norm_src_uri`."""
    return getattr(file, "norm_src_uri", file.src_uri if missing is None else missing)


def read_from(file: Any, source: Any, locale: str) -> None:
    """Build the page of `file` from the text of `source`, in `locale`. Why: the plugin
    falls back to the default language only; readers of fr and ja get the English text
    first where it exists (extra.hub.fallback). The page keeps the plugin's file (so its
    links resolve as the plugin resolves them); MkDocs reads the text from
    `File.abs_src_path`, which is settable but documented only as where a file was found,
    and the plugin reads `File.locale` for the page's language. On upgrade: MkDocs still
    reads a page's text through `abs_src_path` (`File.content_string`), and the plugin
    still decides a fallback page by `file.locale`."""
    file.abs_src_path = source.abs_src_path
    file.locale = locale
