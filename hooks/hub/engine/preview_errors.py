"""Under `mkdocs serve`, a content problem shows in the browser, not only in the terminal.

MkDocs' live preview keeps showing the last good pages when a rebuild fails, and stops
altogether when the first build fails: an editor who saved a broken file sees nothing
change. Here a failed preview build is turned into a successful one that shows an error
page: every page of the preview (and any address it does not have) lists the problems as
`file:line: field: found; expected`, the same list `make check` prints. Because that
rebuild succeeds, MkDocs' live reload reloads the open tab onto the error page; the next
rebuild after the fix succeeds too, and the tab reloads onto the real page again. The
page speaks the language of the address it stands at (/en/… English, the root the default
language), in the words of overrides/hub/ui.yml.

MkDocs calls `mkdocs.commands.serve.build` for the first build and for every rebuild, so
that one name is wrapped (hub.stack), and only for `mkdocs serve`. `mkdocs build` stays strict and
refuses, as before.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from .. import stack
from ..errors import MESSAGES_LANGUAGE, ContentError
from ..source.ui import Text, UiStrings

log = logging.getLogger("mkdocs.hooks.hub")

_PAGE_LIMIT = 2_000  # pages of the last good preview overwritten with the error page
MARKER = "hub-preview-problems"  # the error page's <main id>, for tests and scripts


def install() -> None:
    """Wrap the build that `mkdocs serve` runs (see the module's text)."""
    stack.wrap_serve_build(showing_errors)


def showing_errors(build: Callable[..., None]) -> Callable[..., None]:
    def build_or_show_problems(config: Any, *args: Any, **kwargs: Any) -> None:
        try:
            build(config, *args, **kwargs)
        except KeyboardInterrupt:
            raise
        except SystemExit as error:
            if error.code in (0, None):
                raise
            _show(config, error)
        except Exception as error:
            _show(config, error)

    return build_or_show_problems


# The page's words when overrides/hub/ui.yml cannot be read: it may be the very file with
# the problem. The same keys as there.
_ENGLISH: dict[str, Text] = {
    "preview_problems_heading": {"one": "{count} problem in the content", "other": "{count} problems in the content"},
    "preview_failed_heading": "The preview could not be built",
    "preview_fix_and_save": {
        "one": "Fix it in your editor and save: this page reloads by itself, and shows the site again once the "
               "content is valid. {command} prints the same list.",
        "other": "Fix them in your editor and save: this page reloads by itself, and shows the site again once the "
                 "content is valid. {command} prints the same list.",
    },
    "preview_title": "preview",
}


@dataclass(frozen=True)
class Words:
    """The error page's words in one language."""

    lang: str = MESSAGES_LANGUAGE
    ui: UiStrings = field(default_factory=lambda: UiStrings(
        {key: {MESSAGES_LANGUAGE: text} for key, text in _ENGLISH.items()}))

    def t(self, key: str, **values: object) -> str:
        return self.ui.t(key, self.lang, **values)


def words_of(config: Any) -> tuple[list[Words], tuple[str, ...]]:
    """The words in every language, and the languages the preview builds, the one at its
    root first (the default one, or the only one built by `make serve LANG_ONLY=en`);
    English alone when the languages or the strings cannot be read."""
    from ..source.settings import settings_from_config
    from ..source.ui import load_ui

    try:
        settings = settings_from_config(config)
        languages = settings.checked_languages
        ui = load_ui(settings.root / "overrides" / "hub" / "ui.yml", settings.root, settings.text_languages,
                     settings.fallback)
    except Exception:  # whatever is broken, the page must show
        return [Words()], (MESSAGES_LANGUAGE,)
    return [Words(lang, ui) for lang in languages], settings.languages


def _show(config: Any, error: BaseException) -> None:
    problems = problems_of(config)
    detail = "" if problems else f"{type(error).__name__}: {error}"
    words, built = words_of(config)
    pages = {each.lang: error_page(problems, detail, words=each) for each in words}
    written = write_everywhere(Path(config.site_dir), pages, built=built, docs_dir=Path(config.docs_dir))
    log.error(f"hub: the preview shows the {len(problems) or 'build'} problem(s) at every address "
              f"({written} pages); it comes back by itself once they are fixed")


def problems_of(config: Any) -> list[ContentError]:
    """What `make check` finds, from the preview's own configuration."""
    from ..editors.problems import all_problems
    from ..source.settings import settings_from_config

    try:
        settings = settings_from_config(config)
        return all_problems(settings, extensions=list(config.markdown_extensions),
                            configs=dict(config.mdx_configs or {}), nav=config.nav)[0]
    except Exception as error:  # the page must show, whatever broke
        log.warning(f"hub: could not list the problems: {type(error).__name__}: {error}")
        return []


def error_page(problems: list[ContentError], detail: str = "", *, words: Words | None = None) -> str:
    """A page that needs nothing else from the site: its own style, and a script that
    reloads it when the preview has rebuilt (MkDocs' own long poll, /livereload/)."""
    words = words or Words()
    by_file: dict[str, list[ContentError]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    sections = []
    for file, items in by_file.items():
        rows = "".join(
            f"<li><code>{escape(p.file)}{':' + str(p.line) if p.line else ''}</code> "
            f"{('<b>' + escape(p.field) + '</b>: ') if p.field else ''}{escape(p.found)}; "
            f"<span class=fix>{escape(p.expected)}</span></li>"
            for p in items
        )
        sections.append(f"<section><h2>{escape(file)}</h2><ul>{rows}</ul></section>")
    count = len(problems)
    heading = (words.t("preview_problems_heading", count=count) if problems
               else words.t("preview_failed_heading"))
    advice = with_command(words.t("preview_fix_and_save", count=count, command=COMMAND))
    body = "".join(sections) or f"<pre>{escape(detail)}</pre>"
    return f"""<!doctype html>
<html lang="{escape(words.lang)}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{escape(heading)} · {escape(words.t("preview_title"))}</title>
<style>
body{{font:16px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#fff8f6;color:#1d1b1a}}
main{{max-width:60rem;margin:0 auto;padding:1.5rem}}
h1{{color:#a4161a;font-size:1.5rem}} h2{{font-size:1.05rem;margin:1.5rem 0 .25rem}}
li{{margin:.4rem 0}} code{{background:#f3e7e4;padding:0 .25rem;overflow-wrap:anywhere}}
.fix{{color:#3d5a80}} pre{{white-space:pre-wrap}}
</style></head>
<body><main id="{MARKER}">
<h1>{escape(heading)}</h1>
<p>{advice}</p>
{body}
</main>
<script>
// Reload when the preview has rebuilt: MkDocs' live-reload long poll answers with the
// number of the newest build, at once for /livereload/0/… and after a change otherwise.
(function () {{
  var ask = function (epoch) {{
    fetch("/livereload/" + epoch + "/" + Date.now()).then(function (r) {{ return r.text(); }})
      .then(function (text) {{
        var now = parseInt(text, 10);
        if (epoch && now > epoch) {{ location.reload(); }} else {{ ask(now); }}
      }}, function () {{ setTimeout(function () {{ ask(epoch); }}, 1000); }});
  }};
  ask(0);
}})();
</script>
</body></html>
"""


# Where the command stands in a sentence of the UI strings: shown as code.
COMMAND = "\x00command\x00"


def with_command(sentence: str) -> str:
    """`sentence` escaped, with `make check` as code where COMMAND stands."""
    return escape(sentence).replace(escape(COMMAND), "<code>make check</code>")


def write_everywhere(site_dir: Path, pages: Mapping[str, str], *, built: tuple[str, ...],
                     docs_dir: Path | None = None) -> int:
    """The error page at the root, as the 404 page (which `mkdocs serve` answers for any
    address it lacks) and in place of every page the last good preview had; in the
    language of its address (`pages` by language: /en/… gets pages["en"]), else in the
    language at the root (`built[0]`; `built`: the languages the preview builds). With
    `docs_dir`, also at the address of every page of docs/<language>/ in every language
    built (a failed build may have left no page there, and the root 404 page would answer
    in the root's language)."""
    default = built[0]
    site_dir.mkdir(parents=True, exist_ok=True)
    targets = {site_dir / "index.html", site_dir / "404.html"}
    for current, _dirs, files in os.walk(site_dir):
        for name in files:
            if name.endswith(".html") and len(targets) < _PAGE_LIMIT:
                targets.add(Path(current) / name)
    if docs_dir is not None:
        for address in _page_addresses(docs_dir, [lang for lang in built if lang in pages], default):
            if len(targets) < _PAGE_LIMIT:
                targets.add(site_dir / address)
    encoded = {lang: page.encode("utf-8") for lang, page in pages.items()}
    fallback = encoded.get(default) or next(iter(encoded.values()))
    for target in targets:
        first = target.relative_to(site_dir).parts[0]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encoded.get(first, fallback))
        # Older than any source: `mkdocs serve --dirty` (make serve LANG_ONLY=…) rebuilds only
        # pages older than their source, and must rebuild every one of these once fixed.
        os.utime(target, (0, 0))
    return len(targets)


def _page_addresses(docs_dir: Path, languages: list[str], default: str) -> list[str]:
    """index.html of every page under docs/<language>/ (and of the default language's in
    every language, which shows them as fallbacks), at its address in each language."""
    uris: set[str] = set()
    for lang in languages:
        top = docs_dir / lang
        if top.is_dir():
            uris |= {path.relative_to(top).as_posix() for path in top.rglob("*.md")}
    addresses = []
    for uri in sorted(uris):
        stem = uri.removesuffix(".md")
        folder = stem.removesuffix("index") if stem == "index" or stem.endswith("/index") else stem + "/"
        for lang in languages:
            addresses.append(("" if lang == default else f"{lang}/") + folder + "index.html")
    return addresses
