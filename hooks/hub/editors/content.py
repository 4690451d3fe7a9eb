"""Everything a build reads from the repository, loaded and checked in one place, so that
`mkdocs build` and `python -m hub check` see exactly the same problems."""

from __future__ import annotations

from ..errors import ContentError, ContentErrors
from ..pages.generate import generated_folders
from ..pages.translations import PAGE_PATH as TRANSLATIONS_PAGE
from ..safety.publishable import check_published_files
from ..source import publishing
from ..source.catalog import Catalog, load_catalog
from ..source.markdown_limits import check_pages
from ..source.paths import check_paths, ignored_pages, stray_generated
from ..source.settings import HubSettings
from ..source.ui import UI_FILE, UiStrings, load_ui


def load_content(settings: HubSettings, *, skip: frozenset[str] = frozenset()) -> tuple[UiStrings, Catalog]:
    """The UI strings and the catalog; raise ContentErrors listing every problem in both.
    `skip`: pages (docs/…) left out and not checked (the preview leaves out broken pages,
    hub.engine.preview_pages)."""
    errors: list[ContentError] = []
    ui = catalog = None
    languages = settings.checked_languages  # every language, even in a one-language preview
    try:
        ui = load_ui(settings.root / UI_FILE, settings.root, settings.text_languages,
                     settings.fallback)
    except ContentErrors as problems:
        errors.extend(problems.errors)
    try:
        catalog = load_catalog(settings.root, settings.text_languages, skip=skip, kinds=settings.record_kinds)
    except ContentErrors as problems:
        errors.extend(problems.errors)
    # Links out of the folders, unusable names, and Markdown shaped to crash or stall the build.
    errors.extend(check_paths(settings.root))
    errors.extend(ignored_pages(settings.root))  # written by hand where git would never take them
    # Pages that claim to be generated would be published unchecked. The only page the hub
    # generates outside its folders of generated pages is the translations report.
    reports = {f"{lang}/{TRANSLATIONS_PAGE}" for lang in languages}
    errors.extend(stray_generated(settings.root / "docs", languages, reports,
                                  generated_folders(settings.record_kinds)))
    errors.extend(check_pages(settings.root, languages))
    # Scripts, SVG, HTML or a file over one of the theme's: only what docs/ may publish.
    errors.extend(check_published_files(settings.root, languages, settings.asset_folders, settings.theme_dirs))
    errors = [error for error in errors if error.file not in skip]
    if errors or ui is None or catalog is None:
        raise ContentErrors(errors)
    # Everything was checked, drafts too; a published build then leaves them out.
    publishing.apply(catalog, settings.build_date, keep=settings.preview)
    return ui, catalog
