"""The feeds, calendars and OPML files of a project, written in the test's own process by
the code a build runs at its end (hub.channels.syndication), without building the pages.

A built site (sitebuild.build) is the real thing, but it is made in another process, where
mutation testing (scripts/mutants.py) cannot see which functions a test relies on; the
tests of tests/test_calendar_files.py and tests/test_feed_files.py read these files as
subscribers get them, with the same checks as on a built site."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING
from unittest import mock

from mkdocs.config import load_config
from sitebuild import TEST_SITE_URL, BuiltSite, Result, hub_env

if TYPE_CHECKING:
    from hub.source.settings import HubSettings


def project_settings(project: Path, **env: str) -> HubSettings:
    """The hub's settings for `project`, read from its mkdocs.yml as a test build reads them."""
    from hub.source.settings import settings_from_config

    with mock.patch.dict(os.environ, hub_env(**env), clear=True):
        return settings_from_config(load_config(str(project / "mkdocs.yml")))


def syndicate(project: Path, site_dir: Path, **env: str) -> BuiltSite:
    """Write every feed, calendar and OPML file of `project` into `site_dir`, with the
    environment of a test build (sitebuild.hub_env); a BuiltSite holding only those."""
    from hub.channels.syndication import Syndication
    from hub.editors.content import load_content
    from hub.site.render import Renderer
    from hub.source.settings import settings_from_config

    with mock.patch.dict(os.environ, hub_env(**env), clear=True):
        config = load_config(str(project / "mkdocs.yml"))
        settings = settings_from_config(config)
        ui, catalog = load_content(settings)
        renderer = Renderer(settings, catalog, ui)
        Syndication.from_config(renderer, config).write(site_dir)
    return BuiltSite(site_dir, env.get("HUB_SITE_URL", TEST_SITE_URL), Result(0, "", ""), project)
