"""The theme folder's own files that are build inputs, not part of the site."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def drop_template_sources(files: Any) -> None:
    """MkDocs publishes every non-template file of the theme folder; the hub's own
    templates and UI strings (overrides/hub/) are build inputs, not part of the site."""
    for file in [f for f in files if f.src_uri.startswith("hub/") and not f.is_documentation_page()]:
        if file.abs_src_path and "overrides" in Path(file.abs_src_path).parts:
            files.remove(file)
