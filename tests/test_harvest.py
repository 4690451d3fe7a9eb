"""What the language builds of each process collect for the end of the build (hub.engine.harvest),
and how a forked worker's harvest joins this process's (hub.engine.parallel).

A site built by two processes must be the site one process builds: the sitemap, the 404
pages, the feeds and the search index are written from the merged harvest. The built
sites themselves are compared in tests/test_parallel_build.py."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hub.channels.feeds import page_key
from hub.engine.harvest import LanguageHarvest
from hub.engine.parallel import Forked, fork_available
from hub.site.alternates import page_versions
from sitebuild import ROOT
from syndicated import project_settings

PAGES = ("news/2025/conference/", "cities/montpellier/")


@pytest.fixture(scope="module")
def settings():
    return project_settings(ROOT)


def _harvest(settings, languages: list[str]) -> LanguageHarvest:
    """What the builds of `languages`, one after another, collect from two pages each."""
    harvest = LanguageHarvest()
    for lang in languages:
        for url_path in PAGES:
            versions = page_versions(settings, lang=lang, content_lang=lang, url_path=url_path,
                                     languages_with_text=set(settings.languages))
            harvest.sitemap.add(versions)
            harvest.search_pages.setdefault(lang, []).append(f"{settings.lang_prefix(lang)}{url_path}index.html")
            harvest.feed_pages[page_key(lang, url_path.rstrip("/") + ".md")] = f'<article lang="{lang}">…</article>'
        harvest.not_found_pages[lang] = f'<html lang="{lang}"><head></head><body>404</body></html>'
    return harvest


@pytest.mark.skipif(not fork_available(), reason="no fork on this platform: one process builds every language")
def test_a_harvest_from_a_forked_worker_arrives_whole_and_joins_ours_as_one_process_would(settings) -> None:
    languages = list(settings.languages)
    here, there = languages[:2], languages[2:]
    worker = Forked.start(lambda: _harvest(settings, there))
    theirs = worker.result()
    assert theirs == _harvest(settings, there)  # sent back pickled, nothing lost on the way

    merged = _harvest(settings, here)
    merged.merge(theirs)
    assert merged == _harvest(settings, languages)
    # Field by field, as the end of the build reads them.
    assert merged.search_pages == {lang: [f"{settings.lang_prefix(lang)}{url}index.html" for url in PAGES]
                                   for lang in languages}
    assert sorted(merged.not_found_pages) == sorted(languages)
    assert merged.not_found_pages[there[0]] == f'<html lang="{there[0]}"><head></head><body>404</body></html>'
    assert len(merged.sitemap.entries) == len(languages) * len(PAGES)
    assert all(settings.url(lang, PAGES[0]) in merged.sitemap.xml() for lang in languages)
    assert sorted(merged.feed_pages) == sorted(page_key(lang, url.rstrip("/") + ".md")
                                               for lang in languages for url in PAGES)


def test_every_field_of_a_harvest_is_merged(settings) -> None:
    """A field added to LanguageHarvest without its line in `merge` would lose what the
    worker collected: merged into an empty harvest, the other must come out whole."""
    theirs = _harvest(settings, list(settings.languages))
    empty = [item.name for item in fields(LanguageHarvest) if not _filled(getattr(theirs, item.name))]
    assert empty == [], "give _harvest() something for every field"
    merged = LanguageHarvest()
    merged.merge(theirs)
    assert merged == theirs


def _filled(value: object) -> bool:
    return bool(getattr(value, "entries", value))


def test_a_page_collected_differently_by_two_processes_stops_the_build(settings) -> None:
    """Each language is built by one process: the same page from two is a fault, said so."""
    ours = _harvest(settings, ["en"])
    theirs = LanguageHarvest(not_found_pages={"en": "<html>another</html>"})
    with pytest.raises(ValueError, match="404 page of the language 'en'"):
        ours.merge(theirs)
