"""When each file last changed: its last commit, or its modification time when it has
uncommitted changes or there is no git checkout at all.

The whole history of docs/ is read in one `git log` pass (three git processes in all,
however many files there are). In a shallow clone the history is cut off: the answer then
says so, and the caller must not pretend to know which file changed last.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

History = Literal["git", "shallow", "files"]


def file_times(root: Path, paths: Iterable[str]) -> tuple[dict[str, float], History]:
    """Last change of each repository path: its last commit, or its modification time
    when it has uncommitted changes or there is no git checkout."""
    wanted = list(dict.fromkeys(paths))
    git = _git_history(root)
    if git is None:
        return {path: _mtime(root, path) for path in wanted}, "files"
    committed, changed, shallow = git
    times = {
        path: committed[path] if path in committed and path not in changed else _mtime(root, path) for path in wanted
    }
    return times, "shallow" if shallow else "git"


def _mtime(root: Path, path: str) -> float:
    try:
        return (root / path).stat().st_mtime
    except OSError:
        return 0.0


def git(root: Path, *args: str) -> str | None:
    """What a git command run in `root` prints; None outside a git checkout or on failure."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotePath=false", "-C", str(root), *args],
            capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _git_history(root: Path) -> tuple[dict[str, float], set[str], bool] | None:
    """({path: last commit time}, paths with uncommitted changes, shallow?) for docs/,
    paths relative to `root`; None outside a git checkout. Three git processes in all,
    however many files there are."""
    head = git(root, "rev-parse", "--show-prefix", "--is-shallow-repository")
    if head is None:
        return None
    prefix, shallow = [*head.split("\n"), "", ""][:2]
    log = git(root, "log", "--format=%x01%ct", "--name-only", "--no-renames", "--", "docs")
    status = git(root, "status", "--porcelain", "-z", "--untracked-files=all", "--", "docs")
    if log is None or status is None:
        return None
    committed: dict[str, float] = {}
    when = 0.0
    for line in log.split("\n"):
        if line.startswith("\x01"):
            when = float(line[1:])
        elif line and line.startswith(prefix):
            path = line[len(prefix):]
            # The latest time, not the first seen: with merged branches, log order is not time order.
            committed[path] = max(when, committed.get(path, when))
    return committed, _changed(status, prefix), shallow.strip() == "true"


def _changed(status: str, prefix: str) -> set[str]:
    """Paths in `git status --porcelain -z` output ("XY path\0"; a rename adds "old\0")."""
    changed = set()
    entries = iter(status.split("\0"))
    for entry in entries:
        if len(entry) < 4:
            continue
        if entry[0] in "RC":
            next(entries, None)
        if entry[3:].startswith(prefix):
            changed.add(entry[3 + len(prefix):])
    return changed
