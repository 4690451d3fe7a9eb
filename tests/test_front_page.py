"""The front page as a reader meets it: the newest story first, with no "Home" heading or
welcome above it; then the latest news, opportunities still on offer, events, partner
cities (with the reported total, its source and date) and policy explainers; the welcome
last. When nothing is open or coming up, it says so instead of showing a zero.

Expectations come from the content files, read as plain YAML and Markdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import Tag
from sitebuild import MINIMAL, ROOT, BuiltSite, build, copy_project
from test_generated_pages import LANGS, PREFIX, content, href, originals, records, text_of

BLOCKS = ["latest-news", "open-opportunities", "events", "partner-cities", "policies", "about-the-hub"]


def newest_article() -> str:
    """URL path (inside a language root) of the newest news article: by date, then slug."""
    def key(item: tuple[str, dict]) -> tuple[str, str]:
        return str(item[1]["date"])[:10], item[0].rstrip("/").rsplit("/", 1)[1]

    return max(originals("news").items(), key=key)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_the_lead_story_comes_first(site: BuiltSite, lang: str) -> None:
    page = content(site, PREFIX[lang])
    body = page.select_one("[data-pagefind-body]") or page
    first_visible = next(node for node in body.find_all(True, recursive=False)
                     if "hub-visually-hidden" not in (node.get("class") or []) and not node.has_attr("hidden"))
    assert "hub-lead" in first_visible.get("class", []), first_visible.name
    lead = first_visible.select_one(".hub-card--lead")
    assert lead.select_one(".hub-card__title a")["href"] == href(lang, newest_article())
    assert lead.select_one("time[datetime]") is not None
    assert text_of(lead.select_one(".hub-card__summary"))
    # The page's only h1 is the site's name, for screen readers; nothing says "Home".
    h1 = page.find_all("h1")
    assert len(h1) == 1 and "hub-visually-hidden" in h1[0]["class"]
    # The lead is not listed again under the latest news.
    latest = page.select_one("section[aria-labelledby=latest-news]")
    assert href(lang, newest_article()) not in [a["href"] for a in latest.select(".hub-card__title a")]


@pytest.mark.parametrize("lang", LANGS)
def test_blocks_follow_in_order_and_the_welcome_closes_the_page(site: BuiltSite, lang: str) -> None:
    page = content(site, PREFIX[lang])
    assert [h2["id"] for h2 in page.find_all("h2") if h2.get("id") in BLOCKS] == BLOCKS
    welcome = (ROOT / "docs" / lang / "index.md").read_text(encoding="utf-8").split("---\n", 2)[2].strip()
    last = page.find("h2", id="about-the-hub").find_next_sibling("p")
    assert text_of(last)[:20] == " ".join(welcome.split())[:20]
    assert page.select(".hub-figure") == []  # no number tiles


@pytest.mark.parametrize(("lang", "figure"), [
    ("en", "4 listed of the 244 reported"),
    ("zh", "据报道共有 244 座国际友城，本站已收录 4 座"),
])
def test_the_partner_city_total_names_its_source_and_date(site: BuiltSite, lang: str, figure: str) -> None:
    reported = yaml.safe_load((ROOT / "data" / "hub.yml").read_text(encoding="utf-8"))["partner_cities_reported"]
    block = content(site, PREFIX[lang]).select_one("section[aria-labelledby=partner-cities]")
    assert text_of(block.select_one(".hub-home-figure strong")) == figure
    source = text_of(block.select_one(".hub-total__source"))
    assert reported["source"][lang] in source
    assert ("2025" in source) and ("16" in source)
    cities = [a["href"] for a in block.select("a.hub-tag")]
    assert sorted(cities) == sorted(href(lang, f"cities/{city}/") for city in records("cities"))


def test_policy_explainers_are_listed(site: BuiltSite) -> None:
    block = content(site, "en/").select_one("section[aria-labelledby=policies]")
    shown = [a["href"] for a in block.select(".hub-card__title a")]
    assert shown and set(shown) <= {href("en", path) for path in originals("policies")}


# -- nothing live: the minimal site long after its only deadline and event -------------------


@pytest.fixture(scope="module")
def quiet(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    project = copy_project(tmp_path_factory.mktemp("quiet") / "project", content_from=MINIMAL)
    built = build(project, tmp_path_factory.mktemp("quiet-site") / "site", HUB_BUILD_DATE="2025-09-01")
    assert built.result.returncode == 0, built.result.output
    return built


def block(site: BuiltSite, url_path: str, name: str) -> Tag:
    node = site.soup(url_path).select_one(f"article.md-content__inner section[aria-labelledby={name}]")
    assert node is not None, name
    return node


def test_with_nothing_open_it_says_so_and_links_the_list(quiet: BuiltSite) -> None:
    opportunities = block(quiet, "en/", "open-opportunities")
    assert opportunities.select(".hub-card") == []
    assert text_of(opportunities.select_one(".hub-empty")) == (
        "No opportunity is open at the moment. See all opportunities →"
    )
    assert opportunities.select_one(".hub-empty a")["href"] == "/hub/en/opportunities/"
    assert "0" not in text_of(opportunities)


def test_with_no_event_coming_the_latest_are_marked_past(quiet: BuiltSite) -> None:
    events = block(quiet, "en/", "events")
    assert text_of(events.find("h2")) == "Recent events"
    assert text_of(events.select_one(".hub-empty")) == (
        "No event is coming up at the moment. These have already taken place."
    )
    assert [a["href"] for a in events.select(".hub-past .hub-card__title a")] == ["/hub/en/events/test-event/"]
    zh = block(quiet, "", "events")
    assert text_of(zh.find("h2")) == "最近举行的活动"


def test_a_hub_without_news_still_has_a_front_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project", content_from=MINIMAL)
    for path in (project / "docs").glob("*/news/2025/*.md"):
        path.unlink()
    built = build(project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output
    page = built.soup("en/").select_one("article.md-content__inner")
    assert page.select(".hub-lead") == [] and page.select_one("section[aria-labelledby=open-opportunities]")
