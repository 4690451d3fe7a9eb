"""The files of each language build: withheld articles removed, and the fallback text of
an untranslated page read in the order `extra.hub.fallback` gives.

Every language build sees the files as found on disk first (`remember`, before the i18n
plugin), then as the plugin gave them to its language (`apply_fallback_order`, after it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import File, Files

from .. import stack
from .build_inputs import BuildInputs


@dataclass
class SourceFiles:
    inputs: BuildInputs
    # The files as found on disk by the current language build, by src_uri.
    _on_disk: dict[str, File] = field(default_factory=dict)

    def remember(self, files: Files) -> None:
        """Keep the files as found on disk: the i18n plugin replaces them by language."""
        settings, catalog = self.inputs.settings, self.inputs.catalog
        if catalog.withheld and not settings.preview:
            # Drafts and scheduled articles: no page in any language (hub.source.publishing).
            languages = settings.checked_languages
            for uri in catalog.withheld:
                for lang in languages:
                    file = files.get_file_from_path(f"{lang}/{uri}")
                    if file is not None:
                        files.remove(file)
        self._on_disk = {file.src_uri: file for file in files}

    def apply_fallback_order(self, files: Files, lang: str) -> Files:
        """The i18n plugin falls back to the default language only; readers of fr and ja
        get the English text first where it exists (settings: extra.hub.fallback).

        The page keeps the i18n plugin's file, so its links resolve as the plugin resolves
        them; only the source it is read from changes."""
        settings = self.inputs.settings
        order = settings.fallbacks(lang)
        if lang == settings.default_language:
            return files
        for file in files.documentation_pages():
            locale = stack.file_locale(file, lang)
            if locale == lang:
                continue
            for candidate in order:
                source = self._on_disk.get(f"{candidate}/{stack.language_free_uri(file)}")
                if source is not None:
                    stack.read_from(file, source, candidate)
                    break
        return files
