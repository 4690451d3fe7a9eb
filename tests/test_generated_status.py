"""Open, closing soon and closed; upcoming and past: what the generated lists and pages
say on a given build date. The minimal fixture gets opportunities and events around the
build date (and one whose text tries to carry markup), and is built on two dates.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import Tag
from sitebuild import MINIMAL, BuiltSite, build, copy_project

BEFORE = "2025-04-20"  # the build date of most assertions
AFTER = "2025-05-06"  # two weeks later: some have closed, some events are over

OPPORTUNITY = {
    "summary": {"zh": "摘要。", "en": "A summary."},
    "issuer": {"zh": "成都市", "en": "Chengdu"},
    "sector": "research-development",
    "kind": "grant",
    "published": "2025-04-01",
    "source": {"zh": "测试来源", "en": "Test source"},
}
# id -> (deadline, extra fields). The fixture's own test-grant closes on 2025-05-01.
OPPORTUNITIES = {
    "thirty-days": ("2025-05-20", {"title": {"zh": "三十天", "en": "Grant <i>now</i> & later"}}),
    "fifteen-days": ("2025-05-05", {}),
    "fourteen-days": ("2025-05-04", {}),
    "last-day": ("2025-04-20", {}),
    "closed-yesterday": ("2025-04-19", {}),
    "no-deadline": (None, {
        "sector": "trade",
        "details": {
            "zh": "详情。",
            "en": "Apply <b>now</b>.\n\n<script>alert(1)</script>\n\n"
                  "[bad](javascript:alert(1)) and [good](https://example.org/apply)",
        },
    }),
}
EVENT = {
    "summary": {"zh": "摘要。", "en": "A summary."},
    "place": {"zh": "成都", "en": "Chengdu"},
    "timezone": "Asia/Tokyo",
}
# id -> (start, end, status). The fixture's own test-event is on 2025-05-10, 09:30-17:00 Paris time.
EVENTS = {
    "over": ("2025-04-18", "2025-04-18", "scheduled"),
    "ends-today": ("2025-04-19", "2025-04-20", "scheduled"),
    "called-off": ("2025-06-01", "2025-06-02", "cancelled"),
}


def _write(path: Path, record: dict) -> None:
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("status") / "project", content_from=MINIMAL)
    sectors = root / "data" / "sectors.yml"
    sectors.write_text(sectors.read_text(encoding="utf-8") + "trade: {zh: 贸易, en: Trade}\n", encoding="utf-8")
    for opportunity_id, (deadline, extra) in OPPORTUNITIES.items():
        record = {"title": {"zh": opportunity_id, "en": opportunity_id}, **OPPORTUNITY, **extra}
        if deadline:
            record["deadline"] = deadline
        _write(root / "data" / "opportunities" / f"{opportunity_id}.yml", record)
    for event_id, (start, end, status) in EVENTS.items():
        record = {"title": {"zh": event_id, "en": event_id}, **EVENT, "start": start, "end": end, "status": status}
        _write(root / "data" / "events" / f"{event_id}.yml", record)
    return root


@pytest.fixture(scope="module")
def sites(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuiltSite]:
    built = {}
    for day in (BEFORE, AFTER):
        site = build(project, tmp_path_factory.mktemp("status-site") / day, HUB_BUILD_DATE=day)
        assert site.result.returncode == 0, site.result.output
        built[day] = site
    return built


def article(site: BuiltSite, url_path: str) -> Tag:
    node = site.soup(url_path).select_one("article.md-content__inner")
    assert node is not None, url_path
    return node


def cards(node: Tag) -> dict[str, Tag]:
    """Opportunity or event cards by record id, in the order shown."""
    found = {}
    for card in node.select("li.hub-card"):
        link = card.select_one(".hub-card__title a")["href"]
        found[link.rstrip("/").rsplit("/", 1)[1]] = card
    return found


def words(node: Tag | None) -> str:
    assert node is not None
    return " ".join(node.get_text(" ", strip=True).split())


def test_open_list_by_sector_nearest_deadline_first(sites: dict[str, BuiltSite]) -> None:
    page = article(sites[BEFORE], "en/opportunities/")
    sections = {h2["id"]: list(cards(h2.find_next_sibling("ul"))) for h2 in page.select("h2[id^=sector-]")}
    assert sections == {
        "sector-research-development": ["last-day", "test-grant", "fourteen-days", "fifteen-days", "thirty-days"],
        "sector-trade": ["no-deadline"],
    }
    assert "closed-yesterday" not in cards(page)


def test_closing_soon_is_marked_at_fourteen_days_or_fewer(sites: dict[str, BuiltSite]) -> None:
    listed = cards(article(sites[BEFORE], "en/opportunities/"))
    marked = {key for key, card in listed.items() if card.select_one(".hub-badge--soon")}
    assert marked == {"last-day", "test-grant", "fourteen-days"}
    assert words(listed["last-day"].select_one(".hub-deadline")) == "Deadline: April 20, 2025 · Last day today"
    assert words(listed["fourteen-days"].select_one(".hub-deadline")) == "Deadline: May 4, 2025 · 14 days left"
    assert words(listed["fifteen-days"].select_one(".hub-deadline")) == "Deadline: May 5, 2025 · 15 days left"
    assert words(listed["no-deadline"].select_one(".hub-deadline")) == "No deadline announced"
    assert words(listed["last-day"].select_one(".hub-badge--soon")) == "Closing soon"


def test_days_left_in_other_languages(sites: dict[str, BuiltSite]) -> None:
    expected = {"": "还剩 11 天", "fr/": "11 jours restants", "ja/": "残り11日"}
    for prefix, days in expected.items():
        card = cards(article(sites[BEFORE], prefix + "opportunities/"))["test-grant"]
        assert words(card.select_one(".hub-days-left")) == days


def test_closed_ones_leave_the_open_list_and_keep_their_pages(sites: dict[str, BuiltSite]) -> None:
    closed_on = {
        BEFORE: ["closed-yesterday"],
        AFTER: ["fifteen-days", "fourteen-days", "test-grant", "last-day", "closed-yesterday"],
    }
    still_open = {AFTER: ["thirty-days", "no-deadline"]}
    for day, closed in closed_on.items():
        site = sites[day]
        open_ids = set(cards(article(site, "en/opportunities/")))
        assert list(cards(article(site, "en/opportunities/closed/"))) == closed, day  # latest closed first
        assert open_ids.isdisjoint(closed), day
        if day in still_open:
            assert open_ids == set(still_open[day])
        for opportunity_id in closed:
            page = article(site, f"en/opportunities/{opportunity_id}/")
            assert page.select_one(".hub-closed-notice") is not None
            assert words(page.select_one(".hub-status-line")) == "Status: Closed"


def test_open_page_status_line(sites: dict[str, BuiltSite]) -> None:
    site = sites[BEFORE]
    assert words(article(site, "en/opportunities/thirty-days/").select_one(".hub-status-line")) == "Status: Open"
    assert words(article(site, "en/opportunities/fourteen-days/").select_one(".hub-status-line")) == (
        "Status: Closing soon"
    )
    assert article(site, "en/opportunities/thirty-days/").select_one(".hub-closed-notice") is None


def test_home_page_promotes_what_is_live_on_the_build_date(sites: dict[str, BuiltSite]) -> None:
    """Closing soon first, then open, nearest deadline first (three at most); events not
    over yet, soonest first, a cancelled one not advertised."""
    def promoted(site: BuiltSite, block: str) -> list[str]:
        return list(cards(article(site, "en/").select_one(f"section[aria-labelledby={block}]")))

    assert promoted(sites[BEFORE], "open-opportunities") == ["last-day", "test-grant", "fourteen-days"]
    # Two weeks later thirty-days closes within 14 days: closing soon, before the one without deadline.
    assert promoted(sites[AFTER], "open-opportunities") == ["thirty-days", "no-deadline"]
    assert promoted(sites[BEFORE], "events") == ["ends-today", "test-event"]
    assert promoted(sites[AFTER], "events") == ["test-event"]


def test_events_upcoming_until_their_last_day_and_past_newest_first(sites: dict[str, BuiltSite]) -> None:
    before = sites[BEFORE]
    assert list(cards(article(before, "en/events/"))) == ["ends-today", "test-event", "called-off"]
    assert list(cards(article(before, "en/events/past/"))) == ["over"]
    after = sites[AFTER]
    assert list(cards(article(after, "en/events/"))) == ["test-event", "called-off"]
    assert list(cards(article(after, "en/events/past/"))) == ["ends-today", "over"]


def test_cancelled_event_is_shown_clearly(sites: dict[str, BuiltSite]) -> None:
    site = sites[BEFORE]
    card = cards(article(site, "en/events/"))["called-off"]
    assert words(card.select_one(".hub-badge--cancelled")) == "Cancelled"
    page = article(site, "en/events/called-off/")
    assert words(page.select_one(".hub-event-notice")) == "This event has been cancelled."
    assert page.select_one(".hub-calendar") is None  # nothing to add to a calendar


def test_timed_event_shows_local_time_zone_and_offset(sites: dict[str, BuiltSite]) -> None:
    expected = {
        "en/": "May 10, 2025, 09:30 – 17:00 (Europe/Paris, UTC+02:00)",
        "fr/": "10 mai 2025, 09:30 – 17:00 (Europe/Paris, UTC+02:00)",
        "": "2025年5月10日 09:30–17:00（Europe/Paris，UTC+02:00）",
    }
    for prefix, text in expected.items():
        time = article(sites[BEFORE], prefix + "events/test-event/").select_one(".hub-when time")
        assert words(time) == text
        assert time["datetime"] == "2025-05-10T09:30+02:00"
    link = article(sites[BEFORE], "en/events/test-event/").select_one(".hub-calendar a")
    assert link["href"] == "/hub/en/calendars/events/test-event.ics"


def test_record_markdown_cannot_carry_markup(sites: dict[str, BuiltSite]) -> None:
    page = article(sites[BEFORE], "en/opportunities/no-deadline/")
    prose = page.select_one(".hub-prose")
    assert "Apply <b>now</b>." in words(prose)  # shown as the editor typed it
    assert "<script>alert(1)</script>" in words(prose)
    assert prose.find("b") is None and prose.find("script") is None
    links = {a.get_text(): a.get("href") for a in prose.find_all("a")}
    assert links == {"bad": None, "good": "https://example.org/apply"}


def test_record_titles_are_text(sites: dict[str, BuiltSite]) -> None:
    soup = sites[BEFORE].soup("en/opportunities/thirty-days/")
    assert soup.select_one("article h1").get_text() == "Grant <i>now</i> & later"
    assert soup.title.get_text().startswith("Grant <i>now</i> & later")
    assert soup.select_one("article h1 i") is None
    card = cards(article(sites[BEFORE], "en/opportunities/"))["thirty-days"]
    assert card.select_one(".hub-card__title a").get_text() == "Grant <i>now</i> & later"


def test_missing_translation_falls_back_with_a_lang_attribute(sites: dict[str, BuiltSite]) -> None:
    """The fixture's records have zh and en only: a French reader gets the English text,
    marked as English, inside a French page."""
    soup = sites[BEFORE].soup("fr/opportunities/test-grant/")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("article h1")["lang"] == "en"
    lede = soup.select_one(".hub-lede span[lang=en]")
    assert lede is not None and lede.get_text() == "A test grant."
    assert soup.find("span", lang="en", string="Research and development") is not None
    assert soup.select_one(".hub-status-line").get_text(" ", strip=True).startswith("Statut :")
