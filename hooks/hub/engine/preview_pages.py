"""Under `mkdocs serve`, a broken or unfinished page is left out, not the whole preview.

When every problem of the content is in pages editors wrote (a `make new` stub still
holding TODO, a wrong date in an article's front matter), the preview is built without
those pages, as if they did not exist yet: every other page, listing and feed shows. The
address of each page left out shows its own problems instead of its text, and reloads by
itself once it is fixed (the rebuild succeeds, so MkDocs' live reload fires). A problem
anywhere else (a record in data/, ui.yml) still stops the preview; hub.engine.preview_errors
then shows the problems at every address. `mkdocs build` never leaves anything out.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from ..errors import ContentError
from .preview_errors import COMMAND, with_command


def broken_pages(problems: list[ContentError]) -> dict[str, list[ContentError]] | None:
    """The pages to leave out, each with its problems; None when a problem is elsewhere."""
    pages: dict[str, list[ContentError]] = {}
    for problem in problems:
        if not (problem.file.startswith("docs/") and problem.file.endswith(".md")):
            return None
        pages.setdefault(problem.file, []).append(problem)
    return pages or None


def problems_markdown(file: str, problems: list[ContentError], t: Callable[..., str]) -> str:
    """What the page left out shows: its problems as `file:line`, in HTML that Markdown
    passes through; `t(key, **values)`: the UI strings in the language of the page shown."""
    items = "\n".join(
        f"<li><code>{escape(p.file)}{':' + str(p.line) if p.line else ''}</code> "
        f"{('<strong>' + escape(p.field) + '</strong>: ') if p.field else ''}{escape(p.found)}; "
        f"{escape(p.expected)}</li>"
        for p in problems
    )
    count = len(problems)
    return (
        f"# {escape(file)}\n\n"
        f'<div class="admonition failure" id="hub-page-problems">\n'
        f'<p class="admonition-title">{escape(t("preview_left_out", count=count))}</p>\n'
        f"<ul>\n{items}\n</ul>\n"
        f"<p>{with_command(t('preview_left_out_fix', command=COMMAND))}</p>\n</div>\n"
    )
