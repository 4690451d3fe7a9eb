"""The build's two clocks: the day statuses describe, and the moment stamped into output.

The daily deploy rebuilds an unchanged commit with HUB_BUILD_DATE=today and
SOURCE_DATE_EPOCH=<commit time>: statuses must follow the calendar while timestamps follow
the commit.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hub.source.settings import build_day, build_moment

ZONE = "Asia/Shanghai"
COMMIT_TIME = "1744971200"  # 2025-04-18 18:13:20 in Shanghai


def test_a_pinned_date_pins_both_clocks():
    env = {"HUB_BUILD_DATE": "2025-04-20"}
    assert build_day(ZONE, env) == date(2025, 4, 20)
    assert build_moment(ZONE, env) == datetime(2025, 4, 20, 12, tzinfo=ZoneInfo(ZONE))


def test_source_date_epoch_alone_pins_both_clocks():
    env = {"SOURCE_DATE_EPOCH": COMMIT_TIME}
    assert build_day(ZONE, env) == date(2025, 4, 18)
    assert build_moment(ZONE, env) == datetime(2025, 4, 18, 18, 13, 20, tzinfo=ZoneInfo(ZONE))


def test_the_deploy_gets_todays_statuses_and_the_commits_timestamps():
    env = {"HUB_BUILD_DATE": "today", "SOURCE_DATE_EPOCH": COMMIT_TIME}
    before = datetime.now(ZoneInfo(ZONE)).date()
    day = build_day(ZONE, env)
    after = datetime.now(ZoneInfo(ZONE)).date()
    assert day in {before, after}
    assert day > date(2025, 4, 18)
    assert build_moment(ZONE, env) == datetime(2025, 4, 18, 18, 13, 20, tzinfo=ZoneInfo(ZONE))


def test_today_is_the_day_in_the_hubs_time_zone():
    # At any instant, two zones 25 hours apart are on different calendar days.
    env = {"HUB_BUILD_DATE": "today"}
    assert build_day("Pacific/Kiritimati", env) != build_day("Pacific/Pago_Pago", env)


def test_a_pinned_date_with_a_commit_time_keeps_the_date_for_statuses():
    env = {"HUB_BUILD_DATE": "2025-04-20", "SOURCE_DATE_EPOCH": COMMIT_TIME}
    assert build_day(ZONE, env) == date(2025, 4, 20)
    assert build_moment(ZONE, env).date() == date(2025, 4, 18)


def test_a_malformed_build_date_says_what_is_expected():
    expected = r"HUB_BUILD_DATE: found 'yesterday'; expected a date like 2025-04-20, or today"
    with pytest.raises(ValueError, match=expected):
        build_day(ZONE, {"HUB_BUILD_DATE": "yesterday"})
