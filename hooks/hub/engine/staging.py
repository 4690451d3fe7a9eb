"""A build that fails leaves no site behind where a deploy would pick it up.

MkDocs cleans `site_dir` first and writes into it as it goes: a build that stops halfway
leaves half a site, and in strict mode the warnings are counted only after every page was
written, so an aborted strict build leaves a complete-looking site that should not be
published. `mkdocs build` (and `gh-deploy`) here therefore write into a staging folder
beside `site_dir` (`.site.staging` for `site`) and move it into place only after MkDocs
finished without an error, strict check included. On failure the staging folder is
removed and `site_dir` stays as it was: the last good site, or nothing.

`mkdocs serve` builds into its own temporary folder and `--dirty` updates a site in place,
so neither is staged.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.hub")

STAGED_COMMANDS = ("build", "gh-deploy")


def staging_dir(target: Path) -> Path:
    return target.parent / f".{target.name}.staging"


def previous_dir(target: Path) -> Path:
    return target.parent / f".{target.name}.previous"


@dataclass
class SiteStaging:
    """State across one `mkdocs` invocation: MkDocs events in, folder moves out."""

    command: str | None = None
    dirty: bool = False
    target: Path | None = None
    completed: bool = False
    failed: bool = False

    def startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        self.target, self.completed, self.failed = None, False, False

    def redirect(self, config: Any) -> None:
        """Point the build at a fresh staging folder (outer build, before anything is written)."""
        if self.command not in STAGED_COMMANDS or self.dirty or self.target is not None:
            return
        self.target = Path(config.site_dir).resolve()
        staging = staging_dir(self.target)
        shutil.rmtree(staging, ignore_errors=True)  # left by a build that was killed
        config.site_dir = str(staging)

    def complete(self) -> None:
        """The outer build's last step ran; MkDocs' strict check still follows."""
        self.completed = True

    def fail(self) -> None:
        self.failed = True
        if self.target is not None:
            shutil.rmtree(staging_dir(self.target), ignore_errors=True)

    def shutdown(self) -> None:
        """End of the invocation: publish the staged site only if everything succeeded."""
        target, self.target = self.target, None
        if target is None:
            return
        staging = staging_dir(target)
        if not self.completed or self.failed or not staging.is_dir():
            shutil.rmtree(staging, ignore_errors=True)
            return
        previous = previous_dir(target)
        shutil.rmtree(previous, ignore_errors=True)
        if target.exists():
            target.rename(previous)
        staging.rename(target)
        shutil.rmtree(previous, ignore_errors=True)
        log.info(f"hub: site moved into place at {target}")
