"""The calendar tests of tests/test_calendars.py that read only .ics files, run again on
calendars written in this process (tests/syndicated.py): the same checks on the
repository's own calendars. Mutation testing uses the narrower tests/test_calendar_writer.py
(scripts/mutants.py)."""

from __future__ import annotations

import pytest
from sitebuild import ROOT, BuiltSite
from syndicated import syndicate
from test_calendars import (  # noqa: F401 (collected here again, on the fixtures below)
    calendar_project,
    test_all_day_events_are_dates_with_an_exclusive_end,
    test_cancelled_and_moved_events_stay_with_status_and_sequence,
    test_deadlines_calendar_holds_open_deadlines_as_all_day_events,
    test_dtstamp_is_the_build_moment,
    test_every_calendar_carries_the_shanghai_zone,
    test_every_calendar_file_is_written,
    test_every_calendar_reparses_strictly,
    test_every_zone_a_calendar_names_is_defined_in_that_calendar,
    test_fixture_calendars_reparse_strictly,
    test_lines_end_in_crlf_and_are_folded_at_75_octets,
    test_timed_events_keep_their_own_zone,
    test_titles_places_and_names_are_in_the_calendars_language,
    test_uids_are_stable_and_the_same_in_every_language,
)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The repository's calendars (and feeds), as the build writes them."""
    return syndicate(ROOT, tmp_path_factory.mktemp("calendars") / "site")


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The minimal fixture with the events and opportunities of tests/test_calendars.py."""
    return syndicate(calendar_project(tmp_path_factory), tmp_path_factory.mktemp("calendar-site") / "site")
