"""The 404 pages: one per language, and at the root the one GitHub Pages serves, which
swaps itself for the reader's language.

Each language build renders its own 404.html (overrides/404.html) with `context`; the
page as written is collected (hub.engine.harvest) and written here once all languages are built.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from ..site import error_report
from .build_inputs import BuildInputs


def context(inputs: BuildInputs, lang: str) -> dict[str, Any]:
    """What overrides/404.html shows, as `hub_404`."""
    settings, renderer, t = inputs.settings, inputs.renderer, inputs.ui.t
    return {
        "title": t("not_found_title", lang),
        "text": t("not_found_text", lang),
        "home_text": t("go_home", lang),
        "home": renderer.href(lang, ""),
        "base_path": settings.base_path,
        # "Report the broken address": the page's script adds the address (overrides/404.html).
        "report": _missing_report_link(inputs, lang),
        "search_more": t("search_more", lang),
        # Material's selector would show the last page built; a 404 page's own
        # translations are the 404 pages of the other languages.
        "alternates": [
            {"name": settings.language_names[code], "lang": code, "link": renderer.href(code, "404.html")}
            for code in settings.languages
        ],
    }


def _missing_report_link(inputs: BuildInputs, lang: str) -> dict[str, str] | None:
    t = inputs.ui.t
    text = t("report_missing_text", lang)
    href = error_report.missing_page_url(inputs.settings, title=t("not_found_title", lang), text=text)
    if not href:
        return None
    return {"href": href, "lead": t("report_missing_lead", lang), "link_text": t("report_missing", lang),
            "text": text, "linked_from": t("report_missing_from", lang, page="{page}")}


def write_pages(inputs: BuildInputs, pages: dict[str, str], site_dir: Path) -> None:
    """Each language gets its own 404.html (`pages`: by language); GitHub Pages serves only
    the root one, so that one swaps itself for the reader's language when the missing URL
    is under /en/, /fr/ or /ja/."""
    default = inputs.settings.default_language
    base = inputs.settings.base_path
    for lang, html in pages.items():
        if lang != default:
            (site_dir / lang / "404.html").write_text(html, encoding="utf-8")
    root_html = pages.get(default)
    if root_html is None:
        return
    others = [lang for lang in inputs.settings.languages if lang != default and lang in pages]
    script = (
        "<script>(function(){var b=" + _js_string(base) + ",l=" + _js_string(",".join(others)) + ".split(',');"
        "var p=location.pathname;for(var i=0;i<l.length;i++){if(l[i]&&p.indexOf(b+l[i]+'/')===0){"
        "fetch(b+l[i]+'/404.html').then(function(r){return r.ok?r.text():null}).then(function(t){"
        "if(t){document.open();document.write(t);document.close()}});return}}})();</script>"
    )
    root_html = root_html.replace("</head>", script + "</head>", 1)
    (site_dir / "404.html").write_text(root_html, encoding="utf-8")


def _js_string(value: str) -> str:
    return "'" + escape(value).replace("\\", "\\\\").replace("'", "\\'") + "'"
