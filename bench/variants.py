"""The four things the benchmark builds from one generated hub, and how each is prepared.

(a) hub    the hub's own build, every feature on, as `make build` runs it
(b) bare   MkDocs + Material + mkdocs-static-i18n on the same pages: no hub hooks, no
           overrides, same languages, nav, Markdown extensions and fallback to the default
           language; no search plugin (the hub has none: Pagefind replaces it), so the
           i18n plugin's quadratic search de-duplication does not run
(c) floor  Python-Markdown converting every published page once, same extensions
(d) hugo   Hugo on the same pages (the Markdown the hub publishes per language), minimal layout

"The same pages" are the pages the hub publishes: hand-written and generated pages and
articles in every language, where a page missing in fr or ja is the text the hub falls
back to. They are read from the hub project after one build has written its generated
pages into docs/.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import yaml

LANGUAGES = ("zh", "en", "fr", "ja")
BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
BIN = Path(sys.executable).parent


def mkdocs_config(project: Path) -> dict:
    """The hub's mkdocs.yml as MkDocs reads it (with !ENV defaults)."""
    from mkdocs.utils.yaml import get_yaml_loader

    with open(project / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=get_yaml_loader())


def hub_fallbacks(config: dict) -> dict[str, tuple[str, ...]]:
    fallback = ((config.get("extra") or {}).get("hub") or {}).get("fallback") or {}
    return {lang: tuple(order) for lang, order in fallback.items()}


def published_pages(project: Path) -> dict[str, dict[str, Path]]:
    """For each language, page path -> the Markdown file the hub shows there."""
    config = mkdocs_config(project)
    fallbacks = hub_fallbacks(config)
    docs = project / "docs"
    default = LANGUAGES[0]
    uris = sorted(p.relative_to(docs / default).as_posix() for p in (docs / default).rglob("*.md"))
    pages: dict[str, dict[str, Path]] = {}
    for lang in LANGUAGES:
        chosen: dict[str, Path] = {}
        for uri in uris:
            for candidate in (lang, *fallbacks.get(lang, ()), default):
                path = docs / candidate / uri
                if path.is_file():
                    chosen[uri] = path
                    break
        pages[lang] = chosen
    return pages


def remove_generated(project: Path) -> int:
    """Delete the pages a build generated in docs/, as a fresh clone has none."""
    removed = 0
    for path in (project / "docs").rglob("*.md"):
        with open(path, encoding="utf-8", errors="replace") as handle:
            if handle.read(40).startswith("---\nhub_generated: true"):
                path.unlink()
                removed += 1
    return removed


# -- (b) the bare stack ------------------------------------------------------------------


def prepare_bare(project: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(project / "docs", target / "docs")
    config = mkdocs_config(project)
    for key in ("hooks", "watch", "extra_css", "extra_javascript"):
        config.pop(key, None)
    theme = dict(config["theme"])
    for key in ("custom_dir", "favicon", "logo"):
        theme.pop(key, None)
    config["theme"] = theme
    config["extra"] = {key: value for key, value in (config.get("extra") or {}).items() if key != "hub"}
    config["site_dir"] = "site"
    config["strict"] = False
    i18n = None
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            i18n = dict(plugin["i18n"])
    assert i18n is not None, "the hub's mkdocs.yml has no i18n plugin"
    i18n["reconfigure_search"] = False
    i18n["build_only_locale"] = None
    i18n["fallback_to_default"] = True
    config["plugins"] = [{"i18n": i18n}]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


# -- (c) the floor -----------------------------------------------------------------------


def prepare_floor(project: Path, target: Path) -> Path:
    """A list of every published page (one path a line) and the Markdown settings."""
    target.mkdir(parents=True, exist_ok=True)
    pages = published_pages(project)
    lines = [str(path) for lang in LANGUAGES for path in pages[lang].values()]
    (target / "pages.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = mkdocs_config(project)
    (target / "markdown.yml").write_text(
        yaml.safe_dump({"markdown_extensions": config.get("markdown_extensions") or []}), encoding="utf-8"
    )
    return target


# -- (d) Hugo ----------------------------------------------------------------------------

_HUGO_CONFIG = """\
baseURL = "https://example.org/hub/"
defaultContentLanguage = "zh"
defaultContentLanguageInSubdir = false
disableKinds = ["taxonomy", "term", "RSS"]
[pagination]
  path = "pages"
[markup.goldmark.renderer]
  unsafe = true
[markup.tableOfContents]
  startLevel = 2
"""

_BASEOF = """\
<!doctype html>
<html lang="{{ .Language.Lang }}">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>{{ .Title }} - {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Language.Lang }}" href="{{ .Permalink }}">{{ end }}
<link rel="stylesheet" href="{{ "site.css" | relURL }}">
</head>
<body>
<header><a href="{{ .Site.Home.RelPermalink }}">{{ .Site.Title }}</a>
<nav>{{ range .AllTranslations }}
<a hreflang="{{ .Language.Lang }}" href="{{ .RelPermalink }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav>
</header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
"""

_SINGLE = """\
{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Date }}<time>{{ .Format "2006-01-02" }}</time>{{ end }}
<nav class="toc">{{ .TableOfContents }}</nav>
{{ .Content }}</article>{{ end }}
"""

_LIST = """\
{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range first 20 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


def prepare_hugo(project: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    pages = published_pages(project)
    config = mkdocs_config(project)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    text = _HUGO_CONFIG
    for weight, lang in enumerate(i18n["languages"], start=1):
        text += (
            f'[languages.{lang["locale"]}]\n  contentDir = "content/{lang["locale"]}"\n  weight = {weight}\n'
            f'  languageName = "{lang["name"]}"\n  title = "{lang.get("site_name") or config["site_name"]}"\n'
        )
    target.mkdir(parents=True)
    (target / "hugo.toml").write_text(text, encoding="utf-8")
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(_BASEOF, encoding="utf-8")
    (layouts / "single.html").write_text(_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(_LIST, encoding="utf-8")
    (target / "static").mkdir()
    (target / "static" / "site.css").write_text("body{font-family:system-ui,sans-serif;max-width:48rem;margin:auto}\n")
    for lang, chosen in pages.items():
        for uri, source in chosen.items():
            # index.md would make a leaf bundle in Hugo and hide the pages below it.
            name = uri[: -len("index.md")] + "_index.md" if uri.endswith("index.md") else uri
            path = target / "content" / lang / name
            path.parent.mkdir(parents=True, exist_ok=True)
            os.link(source, path) if _same_device(source, target) else shutil.copy2(source, path)
    return target


def _same_device(a: Path, b: Path) -> bool:
    return a.stat().st_dev == b.stat().st_dev
