"""The stack's internals, in one place: everything the hub relies on in MkDocs,
mkdocs-material, mkdocs-static-i18n and Pagefind beyond their documented API.

The rest of the package calls these functions and never reaches into those packages'
internals itself. Each function says why no documented API does the job and what to check
when the package is upgraded; TOUCHES lists them by package, and the build refuses
versions other than those they were checked against (hub.stack.versions).
"""

from __future__ import annotations

from .i18n_files import use_string_paths
from .i18n_plugin import (
    build_languages,
    current_language,
    file_locale,
    hand_back_language_loop,
    in_language_build,
    language_free_uri,
    read_from,
    release_built_pages,
    take_over_language_loop,
)
from .material_theme import (
    COPIED_TEMPLATES,
    SCRIPT_REWRITES,
    changed_originals,
    keep_scripts_on_site,
    reach_material_templates,
)
from .mkdocs_core import (
    FRONT_MATTER,
    page_meta,
    present_anchors,
    raw_html_anchors,
    set_present_anchors,
    skip_blank_conversions,
    skip_markdown,
    title_from_nav,
    wrap_serve_build,
)
from .pagefind_service import PagefindError, PagefindService, pagefind_binary
from .touches import TOUCHES, Touch
from .versions import TESTED, check_versions, version_problems

__all__ = [
    "COPIED_TEMPLATES",
    "FRONT_MATTER",
    "SCRIPT_REWRITES",
    "TESTED",
    "TOUCHES",
    "PagefindError",
    "PagefindService",
    "Touch",
    "build_languages",
    "changed_originals",
    "check_versions",
    "current_language",
    "file_locale",
    "hand_back_language_loop",
    "in_language_build",
    "keep_scripts_on_site",
    "language_free_uri",
    "page_meta",
    "pagefind_binary",
    "present_anchors",
    "raw_html_anchors",
    "reach_material_templates",
    "read_from",
    "release_built_pages",
    "set_present_anchors",
    "skip_blank_conversions",
    "skip_markdown",
    "take_over_language_loop",
    "title_from_nav",
    "use_string_paths",
    "version_problems",
    "wrap_serve_build",
]
