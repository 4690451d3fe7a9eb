"""The feed tests of tests/test_feeds.py that read only the feed and calendar files, run
again on files written in this process (tests/syndicated.py): the same checks on the
repository's own feeds. Mutation testing uses the narrower tests/test_feed_writer.py and
tests/test_feed_html.py (scripts/mutants.py)."""

from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, TEST_SITE_URL, BuiltSite, copy_project
from syndicated import syndicate
from test_feeds import (  # noqa: F401 (collected here again, on the fixtures below)
    EPOCH,
    Rebuilt,
    edit_titles_links_and_markup,
    test_a_feed_without_items_is_dated_by_source_date_epoch,
    test_an_event_announced_ahead_is_dated_by_its_announcement,
    test_an_event_without_an_announcement_day_is_dated_by_its_start,
    test_article_dates_are_in_shanghai_time,
    test_articles_appear_only_in_the_languages_they_are_written_in,
    test_atom_feeds_have_what_rfc_4287_requires,
    test_channel_links_to_its_section_page_and_feed_titles_are_in_the_language,
    test_city_feeds_carry_what_concerns_the_city,
    test_content_links_are_absolute_and_resolved_like_the_page,
    test_each_feed_keeps_its_newest_items_up_to_its_limit,
    test_every_feed_of_every_language_is_written,
    test_every_feed_parses_without_errors,
    test_ids_stay_when_titles_are_edited,
    test_items_carry_topics_as_categories_in_the_language,
    test_newest_first_and_channel_dates_come_from_the_newest_item,
    test_records_appear_in_every_language,
    test_rss_feeds_have_what_rss_2_requires,
    test_two_builds_of_the_same_content_give_the_same_bytes,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's feeds (and calendars), as the build writes them."""
    return syndicate(ROOT, tmp_path_factory.mktemp("feeds") / "site")


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory: pytest.TempPathFactory) -> Rebuilt:
    """As test_feeds.rebuilt: the minimal fixture twice as it is, then once edited."""
    project = copy_project(tmp_path_factory.mktemp("feeds-project"), content_from=ROOT / "tests/fixtures/minimal")
    env = {"SOURCE_DATE_EPOCH": EPOCH, "HUB_BUILD_DATE": ""}
    first = syndicate(project, tmp_path_factory.mktemp("feeds-first") / "site", **env)
    second = syndicate(project, tmp_path_factory.mktemp("feeds-second") / "site", **env)
    edit_titles_links_and_markup(project)
    edited = syndicate(project, tmp_path_factory.mktemp("feeds-edited") / "site", **env)
    return Rebuilt(first, second, edited, project)


def test_links_in_record_text_are_absolute_in_feeds(rebuilt: Rebuilt) -> None:
    """The event's description links the grant's page relatively (../../opportunities/…),
    as an editor writes it; in every feed format the link leads to that page."""
    grant = TEST_SITE_URL + "en/opportunities/test-grant/"
    for path in ("en/feeds/events.atom.xml", "en/feeds/events.rss.xml", "en/feeds/all.atom.xml"):
        parsed = feedparser.parse(rebuilt.edited.path(path).read_bytes())
        [entry] = [e for e in parsed.entries if e.link.endswith("/events/test-event/")]
        body = entry.content[0].value if "content" in entry else entry.description
        links = {a.get_text(strip=True): a["href"] for a in BeautifulSoup(body, "html.parser").find_all("a")}
        assert links["the grant"] == grant, path


def test_feed_content_is_cleaned_and_images_are_absolute(rebuilt: Rebuilt) -> None:
    parsed = feedparser.parse(rebuilt.edited.path("en/feeds/news.atom.xml").read_bytes())
    [article] = [e for e in parsed.entries if e.id.endswith("/first-article")]
    content = BeautifulSoup(article.content[0].value, "html.parser")
    assert content.find("script") is None and content.find("iframe") is None and "alert" not in str(content)
    assert [image["src"] for image in content.find_all("img")] == [TEST_SITE_URL + "assets/maps/map.png"]
    assert TEST_SITE_URL + "en/policies/test-policy/" in [a["href"] for a in content.find_all("a")]
