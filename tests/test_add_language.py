"""A language is configuration: adding Spanish to a site is its entry in the i18n plugin's
languages and its fallback chain in mkdocs.yml, nothing in the package. Before its UI
strings are written they are shown in its fallback language, the build succeeds (strict
too) and `hub translations` lists them; its pages, feeds, search index and place in the
language menu are there like any other language's."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from sitebuild import HUB_CLI, MKDOCS, TEST_SITE_URL, BuiltSite, build, run

pytestmark = pytest.mark.slow

SPANISH = """\
        - locale: es
          name: Español
          build: true
          site_name: Chengdu Global Hub
          site_description: Noticias, oportunidades y eventos de Chengdu para sus ciudades hermanas
          nav_translations:
            首页: Inicio
            新闻: Noticias
"""
ARTICLE = "es/news/2025/first-article/"


def add_spanish(project: Path) -> None:
    """The two lines a maintainer adds (and a name and nav for the menu)."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    plugin_languages_end = text.index("\n# Articles stay out of the nav")
    text = text[:plugin_languages_end].rstrip("\n") + "\n" + SPANISH + text[plugin_languages_end:]
    chains = "      ja: [en, zh]\n"
    assert chains in text
    text = text.replace(chains, chains + "      es: [en, zh]\n")
    config.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def spanish(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    from sitebuild import MINIMAL, copy_project

    project = copy_project(tmp_path_factory.mktemp("spanish") / "project", content_from=MINIMAL)
    add_spanish(project)
    site = build(project, project.parent / "site", SOURCE_DATE_EPOCH="1745000000")
    assert site.result.returncode == 0, site.result.output
    return site


def test_the_build_succeeds_and_says_which_strings_fall_back(spanish: BuiltSite) -> None:
    assert "hub: es: " in spanish.result.output
    assert "UI strings not translated yet, shown in en" in spanish.result.output


def test_an_untranslated_page_is_shown_in_the_fallback_language_with_a_notice(spanish: BuiltSite) -> None:
    soup = spanish.soup(ARTICLE)
    assert soup.html["lang"] == "es"
    notice = soup.select_one(".hub-fallback").get_text(" ", strip=True)
    # The notice itself is not in Spanish yet: it is the English one, naming both languages in English.
    assert "not been translated into Spanish yet. It is shown in English." in notice
    assert soup.find("link", rel="canonical")["href"] == TEST_SITE_URL + "en/news/2025/first-article/"
    assert not soup.find_all("link", hreflang=True)  # a copy is not announced as a translation
    assert soup.find("h1").get_text(strip=True).startswith("First article")


def test_every_section_and_generated_page_exists_in_spanish(spanish: BuiltSite) -> None:
    for path in ("es/", "es/news/", "es/opportunities/", "es/events/", "es/cities/", "es/about/", "es/404.html"):
        assert spanish.path(path).is_file(), path
        assert spanish.soup(path).html["lang"] == "es", path
    assert spanish.soup("es/").select_one("nav a.md-tabs__link").get_text(strip=True) == "Inicio"


def test_the_language_menu_leads_to_the_same_page_in_spanish(spanish: BuiltSite) -> None:
    for page in ("", "en/news/2025/first-article/", "fr/cities/"):
        links = {a["hreflang"]: a["href"] for a in spanish.soup(page).select("a.md-select__link[hreflang]")}
        assert set(links) == {"zh", "en", "fr", "ja", "es"}, page
        target = "es/" + page.split("/", 1)[1] if page else "es/"
        assert urljoin(TEST_SITE_URL + page, links["es"]) == TEST_SITE_URL + target, (page, links["es"])
    # A record's page is generated in every language: the Spanish one is announced as such.
    hreflang = {link["hreflang"]: link["href"] for link in spanish.soup("opportunities/test-grant/").find_all(
        "link", hreflang=True)}
    assert hreflang["es"] == TEST_SITE_URL + "es/opportunities/test-grant/"
    assert "/hub/es/" in spanish.text("sitemap.xml")


def test_spanish_feeds_carry_the_entries_with_their_language(spanish: BuiltSite) -> None:
    feed = feedparser.parse(spanish.text("es/feeds/all.atom.xml"))
    assert not feed.bozo and feed.feed.language == "es"
    event = next(entry for entry in feed.entries if "test-event" in entry.link)
    assert event.link == TEST_SITE_URL + "es/events/test-event/"
    assert event.id.endswith(":es/event/test-event")
    # An entry shown in English says so, in the words the feed has for it until Spanish ones exist.
    assert "English" in event.content[0].value


def test_spanish_has_its_own_search_index(spanish: BuiltSite) -> None:
    entry = json.loads(spanish.text("pagefind/pagefind-entry.json"))
    assert "es" in entry["languages"] and entry["languages"]["es"]["page_count"] >= 1


def test_translations_lists_the_ui_strings_still_to_write(spanish: BuiltSite) -> None:
    assert spanish.project is not None
    result = run([*HUB_CLI, "translations", "--lang", "es"], spanish.project)
    assert result.returncode == 0, result.output
    assert "es (Spanish):" in result.stdout
    ui_line = next(line for line in result.stdout.splitlines() if line.lstrip().startswith("ui "))
    assert "overrides/hub/ui.yml" in ui_line and "fallback_notice" in ui_line and "reading_time" in ui_line
    others = run([*HUB_CLI, "translations", "--lang", "fr"], spanish.project)
    assert others.returncode == 0 and "ui " not in others.stdout  # French has every string


def test_records_may_carry_spanish_text_and_unknown_languages_are_named(spanish: BuiltSite) -> None:
    assert spanish.project is not None
    city = next((spanish.project / "data" / "cities").glob("*.yml"))
    text = city.read_text(encoding="utf-8")
    city.write_text("name_note: {es: Nombre no confirmado}\n" + text, encoding="utf-8")
    assert run([*HUB_CLI, "check"], spanish.project).returncode == 0
    city.write_text("name_note: {ko: 확인되지 않음}\n" + text, encoding="utf-8")
    refused = run([*HUB_CLI, "check"], spanish.project)
    assert refused.returncode == 1
    assert "name_note.ko: unknown language 'ko'; use one of zh, en, fr, ja, es" in refused.output
    city.write_text(text, encoding="utf-8")


def test_a_chain_naming_a_language_the_site_lacks_is_refused_clearly(minimal_project: Path) -> None:
    add_spanish(minimal_project)
    config = minimal_project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("es: [en, zh]", "es: [en, pt]"), encoding="utf-8")
    for args in ([*HUB_CLI, "check"], [*MKDOCS, "build", "-d", str(minimal_project / "site")]):
        result = run(args, minimal_project)
        assert result.returncode != 0
        assert ("extra.hub.fallback.es in mkdocs.yml names pt, not a language of the i18n plugin "
                "(zh, en, fr, ja, es)") in result.output
        assert "Traceback" not in result.output


def test_a_required_language_must_be_in_every_record(minimal_project: Path) -> None:
    add_spanish(minimal_project)
    config = minimal_project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("required_languages: [zh, en]", "required_languages: [zh, en, es]"),
                      encoding="utf-8")
    result = run([*HUB_CLI, "check"], minimal_project)
    assert result.returncode == 1
    assert ("data/cities/montpellier.yml:1: name.es: no es text; add the Spanish text as es: …; "
            "zh, en and es are required, fr and ja optional") in result.output
