"""The stack's internals, in one place: everything the hub relies on in MkDocs,
mkdocs-material, mkdocs-static-i18n and Pagefind beyond their documented API.

The rest of the package calls these functions and never reaches into those packages'
internals itself. Each function says why no documented API does the job and what to check
when the package is upgraded; TOUCHES lists them by package, and the build refuses
versions other than those they were checked against (hub.stack.versions).
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n_plugin import (
    build_languages,
    current_language,
    file_locale,
    hand_back_language_loop,
    in_language_build,
    language_free_uri,
    read_from,
    take_over_language_loop,
)
from .material_theme import SCRIPT_REWRITES, keep_scripts_on_site, reach_material_templates
from .mkdocs_core import (
    FRONT_MATTER,
    page_meta,
    present_anchors,
    raw_html_anchors,
    set_present_anchors,
    skip_markdown,
    title_from_nav,
    wrap_serve_build,
)


@dataclass(frozen=True)
class Touch:
    """One internal the hub relies on: the package (its name in requirements.txt), what is
    relied on, and the function of hub.stack that does it."""

    package: str
    internal: str
    function: str


TOUCHES: tuple[Touch, ...] = (
    Touch("mkdocs-static-i18n", "I18n.current_language: the language being built", "current_language"),
    Touch("mkdocs-static-i18n", "I18n.building: outer build or nested language build", "in_language_build"),
    Touch("mkdocs-static-i18n", "I18n.building set to turn its loop over the languages off",
          "take_over_language_loop"),
    Touch("mkdocs-static-i18n", "its on_post_build loop: build() per language, mkdocs.utils.clean_directory "
          "switched off", "build_languages"),
    Touch("mkdocs-static-i18n", "File.locale: the language of a page's text", "file_locale"),
    Touch("mkdocs-static-i18n", "File.norm_src_uri: a page's path without its language folder", "language_free_uri"),
    Touch("mkdocs", "File.abs_src_path set to read a page from another language's file (and File.locale, "
          "mkdocs-static-i18n)", "read_from"),
    Touch("mkdocs", "on_page_markdown returning an empty text to skip a page's conversion", "skip_markdown"),
    Touch("mkdocs", "Page.present_anchor_ids: the ids links to a page may point at", "set_present_anchors"),
    Touch("mkdocs", "Page.present_anchor_ids, read", "present_anchors"),
    Touch("mkdocs", "vars(page): a title from the nav is stored on the page, others come through a property",
          "title_from_nav"),
    Touch("mkdocs", "mkdocs.structure.pages._RawHTMLPreprocessor: the ids in a page's raw HTML", "raw_html_anchors"),
    Touch("mkdocs", "mkdocs.utils.meta.YAML_RE and get_data: front matter found as the build finds it",
          "FRONT_MATTER, page_meta"),
    Touch("mkdocs", "mkdocs.commands.serve.build replaced: a failed preview shows its problems", "wrap_serve_build"),
    Touch("mkdocs-material", "its templates/ folder, put beside ours (Jinja loader of MkDocs' on_env replaced) so "
          "overrides/partials/nav.html and tabs.html render Material's own", "reach_material_templates"),
    Touch("mkdocs-material", "its minified bundle, rewritten so that no script loads from another host",
          "keep_scripts_on_site (SCRIPT_REWRITES)"),
)

__all__ = [
    "FRONT_MATTER",
    "SCRIPT_REWRITES",
    "TOUCHES",
    "Touch",
    "build_languages",
    "current_language",
    "file_locale",
    "hand_back_language_loop",
    "in_language_build",
    "keep_scripts_on_site",
    "language_free_uri",
    "page_meta",
    "present_anchors",
    "raw_html_anchors",
    "reach_material_templates",
    "read_from",
    "set_present_anchors",
    "skip_markdown",
    "take_over_language_loop",
    "title_from_nav",
    "wrap_serve_build",
]
