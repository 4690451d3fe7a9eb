"""mkdocs-static-i18n's files of one language, made without pathlib (checked against 1.3.1).

Each language build gives every file of `docs/` to the plugin's
`folder.create_i18n_file`, and its alternates pass most of them through it again for each
other language: 55,792 calls in a one-process build of the bench corpus at N = 500, about
twice as many at N = 2,000. Each call parses its paths with `pathlib` a dozen times and
formats two debug messages that are not shown; that was 5 % of a build's CPU time. The
paths it is given are already normalised (MkDocs' `File.src_uri` and `dest_uri`, language
codes), so the same results come from string operations. `make_file` gives the very `File`
the plugin's function gives, attribute for attribute (tests/test_i18n_files.py compares them
on every file of the site in every language), and hands anything outside that case to the
plugin's own function.
"""

from __future__ import annotations

import logging
import os
import posixpath
from collections.abc import Callable
from typing import Any

from mkdocs.structure.files import File
from mkdocs_static_i18n import folder, reconfigure
from mkdocs_static_i18n.config import RE_LOCALE

_original_make_file: Callable[..., File] = folder.create_i18n_file
_original_is_relative_to: Callable[[Any, Any], bool] = reconfigure.is_relative_to


def _plain(path: Any) -> bool:
    """A relative path with at least two parts that pathlib would leave as it is."""
    return (isinstance(path, str) and "/" in path and not path.startswith("/") and "\\" not in path
            and posixpath.normpath(path) == path)


def _plain_language(code: Any) -> bool:
    return isinstance(code, str) and code != "" and "/" not in code and code not in (".", "..")


def make_file(file: File, current_language: str, default_language: str, all_languages: list[str],
              config: Any) -> File:
    """`mkdocs_static_i18n.folder.create_i18n_file` (see the module's docstring)."""
    src_uri, dest_uri = file.src_uri, file.dest_uri
    if (not (_plain(src_uri) and _plain(dest_uri)) or folder.log.isEnabledFor(logging.DEBUG)
            or not all(map(_plain_language, (current_language, default_language, *all_languages)))):
        return _original_make_file(file, current_language, default_language, all_languages, config)
    made = File(src_uri, config.docs_dir, dest_uri, config.use_directory_urls, dest_uri=dest_uri,
                inclusion=file.inclusion)
    src_first, src_rest = src_uri.split("/", 1)
    locale, localization = default_language, None
    for language in all_languages:
        # As the plugin's loop: the first language decides unless its folder is not
        # the file's and the file's folder looks like a locale of its own.
        if src_first == language or RE_LOCALE.match(src_first):
            locale = localization = src_first
            break
    # The plugin renames README.html only where it moves the file to another folder.
    head, name = posixpath.split(dest_uri)
    renamed = posixpath.join(head, "index.html") if name.endswith("README.html") else dest_uri
    dest_first, dest_rest = renamed.split("/", 1)
    if locale != current_language or locale == default_language:
        if dest_first == locale:
            made.dest_uri = dest_rest if locale == current_language else f"{current_language}/{dest_rest}"
        elif current_language != default_language:
            made.dest_uri = f"{current_language}/{renamed}"
    made.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, made.dest_path))
    if made.name == "README":  # as the plugin does; MkDocs already names it index
        made.name = "index"
    made.url = made._get_url(config.use_directory_urls)
    made.alternates = {current_language: made}
    made.locale = locale
    made.locale_alternate_of = current_language
    made.localization = localization
    made.norm_src_uri = src_rest if localization else src_uri
    return made


def is_relative_to(path: Any, folder_path: Any) -> bool:
    """`mkdocs_static_i18n.is_relative_to` for the absolute paths the plugin asks about."""
    if (isinstance(path, str) and isinstance(folder_path, str) and path.startswith("/")
            and folder_path.startswith("/") and not path.startswith("//") and not folder_path.startswith("//")
            and os.path.normpath(path) == path and os.path.normpath(folder_path) == folder_path):
        return path == folder_path or path.startswith(folder_path.rstrip("/") + "/")
    return _original_is_relative_to(path, folder_path)


def use_string_paths() -> None:
    """Have the plugin make its files with `make_file` and `is_relative_to`. Why: no option
    makes it cheaper. On upgrade: `ExtendedPlugin.reconfigure_files` still looks up
    `folder.create_i18n_file` when it runs and calls `is_relative_to` of its module, and
    tests/test_i18n_files.py still finds the same files."""
    folder.create_i18n_file = make_file
    reconfigure.is_relative_to = is_relative_to
