"""Addresses readers already hold, checked against what is published.

Links from other sites, bookmarks and search engines point at the addresses of published
pages; a page renamed or deleted without a redirect breaks all of them. So, compared with
a git ref of the published content (`make check BASE=origin/main`): every page file that
existed there and is gone now (deleted, or renamed with `git mv`) must have left its address
behind, as the address of a page of the same path in another language, of a record, or
as an `aliases:` entry of the page that replaces it (hub.source.aliases).

Only files gone since the ref are read from it (one `git diff`, then one `git show` per
gone page), so the check costs nothing on a pull request that removes nothing. A page that
was not published there (a draft, or scheduled after the build day) can go freely. Events
are checked by hub.editors.published_events, which asks for more (cancel, never delete).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path, PurePosixPath

from ..errors import ContentError
from ..safety.yamlsafe import YamlProblem, decode, load_yaml, split_front_matter
from ..source.aliases import all_aliases, page_address, taken_addresses
from ..source.catalog import Catalog
from ..source.history import git

RECORD_FOLDERS = ("cities", "opportunities")


def check_published_addresses(root: Path, base: str, catalog: Catalog, today: date,
                              languages: tuple[str, ...]) -> list[ContentError]:
    """Every page published in `base` whose address the content no longer has."""
    listed = git(root, "diff", "--name-status", "--no-renames", "-z", base, "--", "docs",
                 *(f"data/{folder}" for folder in RECORD_FOLDERS))
    if not listed:
        return []
    fields = listed.split("\0")
    gone = [path for status, path in zip(fields[::2], fields[1::2], strict=False) if status == "D"]
    now = taken_addresses(catalog) | all_aliases(catalog)
    errors: list[ContentError] = []
    for name in sorted(gone):
        parts = PurePosixPath(name).parts
        if parts[0] == "docs" and len(parts) > 2 and parts[1] in languages and name.endswith(".md"):
            address = page_address("/".join(parts[2:]))
            if address in now or not _was_published(root, base, name, today):
                continue
            hint = (f"restore the file, or add `aliases: [{address}]` to the front matter of the page that "
                    "replaces it, so that links to it lead there")
        elif parts[0] == "data" and len(parts) == 3 and name.endswith(".yml"):
            address = f"{parts[1]}/{PurePosixPath(name).stem}/"
            if address in now:
                continue
            hint = (f"restore the record (a closed opportunity keeps its page), or, if it was renamed, add "
                    f"`aliases: [{address}]` to the renamed record")
        else:
            continue
        errors.append(ContentError(name, 0, "", f"the published address {address} removed (it is in {base})", hint))
    return errors


def _was_published(root: Path, base: str, name: str, today: date) -> bool:
    """Whether the page at `name` in `base` was published: not a draft, not scheduled."""
    text = git(root, "show", f"{base}:./{name}")
    if text is None:
        return False
    try:
        front, _body, _line = split_front_matter(decode(text.encode("utf-8")))
        meta = load_yaml(front).value if front is not None else None
    except YamlProblem:
        return True
    if not isinstance(meta, dict):
        return True
    if meta.get("hub_generated") is True or meta.get("draft") is True:
        return False
    day = meta.get("date")
    if isinstance(day, str):
        try:
            day = date.fromisoformat(day.strip())
        except ValueError:
            return True
    return not (isinstance(day, date) and day > today)
