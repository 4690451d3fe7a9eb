"""What the hub relies on in each package of the stack beyond its documented API, by
package (its name in requirements.txt): the list to go through before changing a pin.
Each function named here says why and what to check."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Touch:
    """One internal the hub relies on: the package (its name in requirements.txt), what is
    relied on, and the function of hub.stack that does it (in parentheses: the two that
    are not calls, and stay where they act)."""

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
    Touch("mkdocs-static-i18n", "its events run at priority -100: hooks/hub_hooks.py places its own before and "
          "after them (100, -80, -90, -200)", "(hooks/hub_hooks.py, event priorities)"),
    Touch("mkdocs-static-i18n", "I18n.i18n_files_per_language: the pages of each language built so far, whose "
          "Markdown and HTML are let go once their language is written", "release_built_pages"),
    Touch("mkdocs-static-i18n", "File.locale: the language of a page's text", "file_locale"),
    Touch("mkdocs-static-i18n", "File.norm_src_uri: a page's path without its language folder", "language_free_uri"),
    Touch("mkdocs-static-i18n", "folder.create_i18n_file and reconfigure.is_relative_to replaced by string "
          "versions that give the same files", "use_string_paths"),
    Touch("mkdocs", "File.abs_src_path set to read a page from another language's file (and File.locale, "
          "mkdocs-static-i18n)", "read_from"),
    Touch("mkdocs", "on_page_markdown returning an empty text to skip a page's conversion", "skip_markdown"),
    Touch("mkdocs", "Page.render replaced: a page with blank text gets what its conversion gives, without a "
          "converter", "skip_blank_conversions"),
    Touch("mkdocs", "Page.present_anchor_ids: the ids links to a page may point at", "set_present_anchors"),
    Touch("mkdocs", "Page.present_anchor_ids, read", "present_anchors"),
    Touch("mkdocs", "vars(page): a title from the nav is stored on the page, others come through a property",
          "title_from_nav"),
    Touch("mkdocs", "mkdocs.structure.pages._RawHTMLPreprocessor: the ids in a page's raw HTML", "raw_html_anchors"),
    Touch("mkdocs", "mkdocs.utils.meta.YAML_RE and get_data: front matter found as the build finds it",
          "FRONT_MATTER, page_meta"),
    Touch("mkdocs", "mkdocs.commands.serve.build replaced: a failed preview shows its problems", "wrap_serve_build"),
    Touch("mkdocs", "the long poll of mkdocs serve's live reload (/livereload/<build>/), which the preview's "
          "error page follows to reload itself", "(hub.preview_errors.error_page)"),
    Touch("mkdocs-material", "its templates/ folder, put beside ours (Jinja loader of MkDocs' on_env replaced) so "
          "overrides/partials/nav.html and tabs.html render Material's own", "reach_material_templates"),
    Touch("mkdocs-material", "its minified bundle, rewritten so that no script loads from another host",
          "keep_scripts_on_site (SCRIPT_REWRITES)"),
    Touch("mkdocs-material", "partials/header.html, partials/alternate.html, partials/top.html and the blocks "
          "site_meta, htmltitle and config of base.html, copied into overrides/ and changed", "COPIED_TEMPLATES"),
    Touch("mkdocs-material", "its icon files (templates/.icons/): the paths of overrides/assets/hub-icons.svg, "
          "compared with them by the tests", "material_icon (ICON_SPRITE)"),
    Touch("pagefind", "the protocol of `pagefind --service`, spoken directly", "PagefindService"),
    Touch("pagefind", "pagefind.service.get_executable: the binary of pagefind[extended]", "pagefind_binary"),
)
