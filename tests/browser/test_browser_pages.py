"""Every page type in every language, in a real browser: no serious accessibility problem,
nothing loaded from another host, no sideways scrolling on a phone, CJK text in a CJK font."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from browser_support import LANGS, PAGE_TYPES, PHONE, Tab, TabFactory
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def axe_problems(tab: Tab) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now."""
    if not tab.page.evaluate("typeof window.axe !== 'undefined'"):
        tab.page.add_script_tag(path=str(AXE))  # inline: the page makes no request for it
    # The page as a reader sees it once it settles: a transition still running (Material fades
    # its section tabs in) would be measured half-way, at a contrast no reader is left with.
    tab.page.evaluate("document.getAnimations().forEach(a => { try { a.finish() } catch (e) {} })")
    violations = tab.page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    return [
        f"{v['id']} ({v['impact']}): {node['target']} {node['failureSummary']}"
        for v in violations
        if v["impact"] in BLOCKING
        for node in v["nodes"]
    ]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_serious_accessibility_violation(reader: Tab, lang: str, page_type: str) -> None:
    reader.open_page(lang, page_type)
    assert axe_problems(reader) == []


@pytest.mark.parametrize("lang", LANGS)
def test_menus_and_search_results_are_accessible(new_tab: TabFactory, lang: str) -> None:
    """The states a reader opens: the language menu, the search results, the phone drawer."""
    tab = new_tab()
    tab.open_page(lang, "article")
    tab.page.hover(".md-select")
    expect(tab.page.locator(".md-select__list")).to_be_visible()
    assert axe_problems(tab) == []
    tab.page.keyboard.press("/")
    tab.page.keyboard.type("成都" if lang in ("zh", "ja") else "Chengdu", delay=20)
    expect(tab.page.locator(".hub-search__link").first).to_be_visible()
    assert axe_problems(tab) == []

    phone = new_tab(PHONE)
    phone.open_page(lang, "article")
    phone.page.click("label.md-header__button[for='__drawer']")
    expect(phone.page.locator(".md-nav--primary")).to_be_in_viewport()
    assert axe_problems(phone) == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_request_goes_to_the_site_itself(tab: Tab, lang: str) -> None:
    """Loading every page type, opening the language menu and searching: all requests go to
    the site's own origin (anything else is refused and reported here)."""
    for page_type in PAGE_TYPES:
        tab.open_page(lang, page_type)
        tab.page.hover(".md-select")
    tab.page.keyboard.press("/")
    tab.page.keyboard.type("成都" if lang in ("zh", "ja") else "Chengdu", delay=20)
    expect(tab.page.locator(".hub-search__link").first).to_be_visible()
    assert tab.refused == []
    assert tab.foreign_requests() == []
    # The search itself was exercised: Pagefind's script, its index and a result's text.
    loaded = " ".join(tab.requests)
    for part in ("/pagefind/pagefind.js", "/pagefind/pagefind-entry.json", "/pagefind/index/", "/pagefind/fragment/"):
        assert part in loaded, part


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_no_sideways_scrolling_on_a_phone(phone_reader: Tab, lang: str, page_type: str) -> None:
    phone_reader.open_page(lang, page_type)
    width = phone_reader.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], width


def used_fonts(tab: Tab, selector: str) -> dict[str, int]:
    """The fonts that rendered the text of the first `selector` node, with their glyph
    counts, as Chromium reports them (DevTools protocol, CSS.getPlatformFontsForNode)."""
    cdp = tab.page.context.new_cdp_session(tab.page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, selector
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize(("lang", "variant"), [("zh", "SC"), ("ja", "JP")])
def test_cjk_text_renders_in_a_cjk_font(reader: Tab, lang: str, variant: str) -> None:
    """Chinese text in a Simplified Chinese face, Japanese in a Japanese one (the same
    characters are drawn differently): the Noto CJK fonts that setup installs."""
    reader.open_page(lang, "article")
    fonts = used_fonts(reader, "article h1")
    main = max(fonts, key=fonts.get)
    assert main.startswith(("Noto Sans CJK", "Noto Serif CJK")), fonts
    assert main.endswith(variant), fonts


@pytest.mark.parametrize("lang", ["zh", "fr"])
def test_the_404_page_reports_the_address_the_reader_followed(tab: Tab, lang: str) -> None:
    """A link on a page of the site leads to an address that does not exist: "Report the
    broken address" opens the form with that address, and the page whose link led there."""
    prefix = "" if lang == "zh" else f"{lang}/"
    tab.open(prefix + "about/")
    missing = tab.base + prefix + "news/2025/no-such-article/"
    # A link as a page would have it, followed as a reader follows it (the referrer is sent).
    tab.page.evaluate("href => { const a = document.createElement('a'); a.href = href; a.id = 'broken';"
                      " a.textContent = 'x'; document.body.prepend(a); }", missing)
    tab.page.click("#broken")
    tab.page.wait_for_function("lang => document.documentElement.lang === lang", arg=lang)
    link = tab.page.locator("a#hub-report-missing")
    expect(link).to_be_visible()
    query = parse_qs(urlsplit(link.get_attribute("href")).query)
    assert query["page_url"] == [missing]
    assert query["error"][0].endswith(tab.base + prefix + "about/")
    assert query["template"] == ["report-an-error.yml"]
