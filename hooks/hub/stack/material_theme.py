"""mkdocs-material, beyond its documented customisation (checked against 9.8.2): its own
templates reached from ours, partials of it copied into overrides/, and rewrites of its
minified scripts."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from mkdocs.exceptions import PluginError

from .versions import TESTED, installed_version

# Material's own templates, reachable as "material/partials/nav.html" beside ours.
MATERIAL_PREFIX = "material"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def reach_material_templates(env: Environment) -> Environment:
    """Let templates include Material's partial that one of ours replaces
    (overrides/partials/hub-frame.html renders Material's nav.html and tabs.html once per
    folder). Why: Material documents overriding a partial, not calling the original from
    the override; MkDocs documents `on_env`, not what its loader is. On upgrade: the
    partials still live in the package's `templates/` folder, and `env.loader` is still
    one loader that can be wrapped."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({MATERIAL_PREFIX: FileSystemLoader(str(MATERIAL_TEMPLATES))})])
    return env


# -- Material's templates copied into overrides/ -----------------------------------------


@dataclass(frozen=True)
class CopiedTemplate:
    """A template of Material's (or one `block` of it) that a changed copy in overrides/
    replaces, and the digest of the original it was copied from. Why: Material documents
    overriding a partial or a block, and the copy then stops following the original.
    On upgrade: tests/test_stack.py names each original that changed; carry the change
    into the copy, then update `version` and `sha256` here."""

    override: str  # under overrides/
    original: str  # under Material's templates/
    block: str | None
    version: str
    sha256: str


COPIED_TEMPLATES = (
    # The hub's search (Pagefind) in place of Material's; titles and names escaped.
    CopiedTemplate("partials/header.html", "partials/header.html", None, "9.8.2",
                   "8cf3fb15bcf969ff596649616fd99366b3c31c08d57a86d05308efc16d8fa75f"),
    # The 404 page lists the other languages' 404 pages; names escaped, each link with lang.
    CopiedTemplate("partials/alternate.html", "partials/alternate.html", None, "9.8.2",
                   "572b1d4dae611aa5fd65107edec95e44331b6141abf86834ea4dc6c1ddd7241b"),
    # Its icon from the site's icon sprite (overrides/partials/hub-icon.html, ICON_SPRITE).
    CopiedTemplate("partials/top.html", "partials/top.html", None, "9.8.2",
                   "98f6f9ac2ebf6ef943b62c0b0781a373cc03ca7e0959cfc60d9c3c7060157227"),
    # Only the settings Material's scripts read on the hub's pages (no search worker, no
    # search or version strings); rendered once per language and depth.
    CopiedTemplate("main.html", "base.html", "config", "9.8.2",
                   "b84001acaa9dc3791d04b24d2533025797fbe59d71702bd25693fe05aac34ddf"),
    # Canonical, hreflang, feeds, social cards; the description escaped.
    CopiedTemplate("main.html", "base.html", "site_meta", "9.8.2",
                   "26f3fa30991041e52860342b32b079b4c576cb769766e265537384d7a5d4643b"),
    # The title escaped.
    CopiedTemplate("main.html", "base.html", "htmltitle", "9.8.2",
                   "8ebd0d3f80cb7be8baa6a77ed0759e9d08eba8a72047270089a452cd911f83ef"),
)


def original_text(copied: CopiedTemplate, templates: Path = MATERIAL_TEMPLATES) -> str:
    """The installed Material's text that `copied` was made from (its block, if one)."""
    text = templates.joinpath(copied.original).read_text(encoding="utf-8")
    if copied.block is None:
        return text
    found = re.search(r"\{%-?\s*block " + re.escape(copied.block) + r"\s*-?%\}.*?\{%-?\s*endblock\s*-?%\}",
                      text, re.DOTALL)
    return found.group(0) if found else ""


def changed_originals(templates: Path = MATERIAL_TEMPLATES) -> list[CopiedTemplate]:
    """The copies whose original is no longer the text they were copied from."""
    return [copied for copied in COPIED_TEMPLATES
            if hashlib.sha256(original_text(copied, templates).encode("utf-8")).hexdigest() != copied.sha256]


# -- Material's scripts ------------------------------------------------------------------
#
# Keeping the reader's browser on the site: Material's bundle can load scripts from
# unpkg.com (a ResizeObserver polyfill for old browsers, Mermaid when a page has a diagram).
# The hub uses neither, so those addresses are replaced by an empty inline script: nothing
# is ever requested from another host.
THIRD_PARTY_SCRIPT = re.compile(r"""(["'])https://unpkg\.com/[^"']+\1""")
EMPTY_SCRIPT = '"data:text/javascript,"'

# Material also fetches `sitemap.xml` next to every <link rel="alternate"> of a page, to
# remap its language selector. The hub's hreflang links are absolute (the published host;
# another host under a preview or a test server) and feeds are alternates too, so that
# lookup only requests other hosts or files that do not exist; the hub's selector already
# links each page's own translation. The lookup is given no links to follow.
ALTERNATE_LOOKUP = re.compile(r"""[A-Za-z_$][\w$]*\("link\[rel=alternate\]"\)""")
NO_LINKS = "[]"


@dataclass(frozen=True)
class ScriptRewrite:
    """One rewrite of Material's minified scripts. Why: Material has no setting for
    either; its bundle is minified, so the rewrite matches the code as 9.8.2 minifies it.
    A rewrite that matches nothing fails the build (`unless`: what readers would get)."""

    name: str
    pattern: re.Pattern[str]
    replacement: str
    unless: str


SCRIPT_REWRITES = (
    ScriptRewrite("scripts loaded from unpkg.com", THIRD_PARTY_SCRIPT, EMPTY_SCRIPT,
                  "readers' browsers may load scripts from unpkg.com"),
    ScriptRewrite('the language selector\'s lookup of sitemap.xml beside each link[rel=alternate]',
                  ALTERNATE_LOOKUP, NO_LINKS, "readers' browsers request sitemap.xml from the feeds' and "
                  "translations' addresses, other hosts under a preview"),
)
SCRIPTS_DIR = ("assets", "javascripts")


def keep_scripts_on_site(site_dir: Path, theme_dirs: Sequence[Path] = ()) -> list[str]:
    """Rewrite theme scripts in place; return what was replaced. Each script is rewritten
    from the theme's own copy when `theme_dirs` has it (a `--dirty` rebuild leaves the
    site's copy, already rewritten, in place). PluginError when a rewrite matches nothing:
    the bundle changed, and the promise it keeps would silently be broken."""
    replaced: list[str] = []
    matched: set[str] = set()
    for script in sorted(site_dir.joinpath(*SCRIPTS_DIR).glob("*.js")):
        text = _theme_copy(script.name, theme_dirs) or script.read_text(encoding="utf-8")
        found = []
        for rewrite in SCRIPT_REWRITES:
            hits = [match.group(0) for match in rewrite.pattern.finditer(text)]
            if hits:
                matched.add(rewrite.name)
            found += hits
        if not found:
            continue
        replaced.extend(found)
        for rewrite in SCRIPT_REWRITES:
            text = rewrite.pattern.sub(rewrite.replacement, text)
        script.write_text(text, encoding="utf-8")
    missed = [rewrite for rewrite in SCRIPT_REWRITES if rewrite.name not in matched]
    if missed:
        raise PluginError(
            "\n".join(
                f"{'/'.join(SCRIPTS_DIR)}/*.js: {rewrite.name}: not found in Material's scripts; without "
                f"this rewrite {rewrite.unless}"
                for rewrite in missed
            )
            + "\n" + _what_to_do()
        )
    return replaced


def _what_to_do() -> str:
    tested, found = TESTED["mkdocs-material"], installed_version("mkdocs-material")
    change = "change SCRIPT_REWRITES in hooks/hub/stack/material_theme.py to what the bundle now does"
    if found != tested:
        return (f"mkdocs-material {found} is installed; the rewrites were written for {tested}. Install the "
                f"tested versions (.venv/bin/pip install -r requirements.txt), or {change}.")
    return f"The theme's scripts differ from mkdocs-material {tested}'s (a script in overrides/?): {change}."


def _theme_copy(name: str, theme_dirs: Sequence[Path]) -> str | None:
    for folder in theme_dirs:
        path = folder.joinpath(*SCRIPTS_DIR, name)
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


# -- Material's icons, from one sprite ---------------------------------------------------
#
# The header's icons (menu, languages, search twice) and the "Back to top" button's are drawn
# with <svg><use href="…/assets/hub-icons.svg#material-menu"/></svg> (overrides/partials/
# hub-icon.html) instead of Material's inline SVG on every page. Why: Material's templates
# include the icon's file (`.icons/<name>.svg`, an internal of its package) into every page:
# 1.2 KB of every page, 0.35 KB as references. On upgrade: tests/test_page_icons.py compares
# each symbol of the sprite with the installed icon file; copy a changed path into
# overrides/assets/hub-icons.svg.
ICON_SPRITE = ("assets", "hub-icons.svg")  # under overrides/, published at the same path
ICONS_DIR = MATERIAL_TEMPLATES / ".icons"
_SVG = re.compile(r'<svg\b[^>]*\bviewBox="(?P<box>[^"]+)"[^>]*>(?P<inner>.*)</svg>', re.DOTALL)


def material_icon(name: str, icons: Path = ICONS_DIR) -> tuple[str, str]:
    """(viewBox, drawing) of Material's icon `name` ("material/menu"), as its file has them."""
    found = _SVG.search(icons.joinpath(f"{name}.svg").read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{name}.svg: no <svg viewBox> in Material's icon file")
    return found.group("box"), found.group("inner").strip()


def icon_symbol_id(name: str) -> str:
    """The id of icon `name` in the sprite: "material/menu" -> "material-menu"."""
    return name.replace("/", "-")
