"""What a translator of an outdated page must redo: the changes to the original since the
translation was last committed, as a diff from git history (the original as it is now,
uncommitted edits included, against the original at that commit)."""

from __future__ import annotations

from pathlib import Path

from ..source.history import git

# A long rewrite is better read in an editor: the diff is cut, with the command that shows it whole.
MAX_LINES = 40


def changes_since_translation(root: Path, translation: str, original: str) -> list[str] | None:
    """The diff lines of `original` since the last commit of `translation` (repository
    paths), or None when git cannot tell (no checkout, the translation never committed)."""
    commit = (git(root, "log", "-1", "--format=%h", "--", translation) or "").strip()
    if not commit:
        return None
    diff = git(root, "diff", "--no-color", "--no-ext-diff", "-U1", commit, "--", original)
    if diff is None:
        return None
    # The header lines (diff --git, index, ---, +++) say nothing a translator needs.
    lines = [line for line in diff.splitlines()
             if not line.startswith(("diff --git", "index ", "--- ", "+++ ", "new file", "deleted file"))]
    if len(lines) > MAX_LINES:
        more = len(lines) - MAX_LINES
        lines = [*lines[:MAX_LINES], f"… {more} more lines: git diff {commit} -- {original}"]
    return [f"since {commit}:", *lines] if lines else None
