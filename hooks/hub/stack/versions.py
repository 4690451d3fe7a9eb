"""The versions of the stack that hub.stack was checked against, and the check at the
start of every build.

They are the pins of requirements.txt (a test keeps both equal): the pin says what to
install, TESTED says what the internals in hub.stack were read against, so a pin changed
without going through hub.stack.touches fails `make test`. Another version installed (a
`pip install -U` by hand, a stale virtual environment) is a warning at the start of the
build: strict builds (`make build`, `make preview`, CI, `strict: true` in mkdocs.yml) refuse
it, while `mkdocs build --no-strict` lets a maintainer who is trying the new version see
everything else it changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..errors import ContentError
from .touches import TOUCHES

log = logging.getLogger("mkdocs.hooks.hub")

TESTED: dict[str, str] = {
    "mkdocs": "1.6.1",
    "mkdocs-material": "9.8.2",
    "mkdocs-static-i18n": "1.3.1",
    "pagefind": "1.5.2",
    # The binary the hub talks to (pagefind[extended]: Chinese and Japanese word splitting).
    "pagefind-bin-extended": "1.5.2",
}
# The package whose touches cover another (the binary ships with Pagefind).
_COVERED_BY = {"pagefind-bin-extended": "pagefind"}
REQUIREMENTS = Path(__file__).resolve().parents[3] / "requirements.txt"


def installed_version(package: str) -> str | None:
    try:
        return version(package)
    except PackageNotFoundError:
        return None


def version_problems(installed: Callable[[str], str | None] = installed_version) -> list[ContentError]:
    """One problem per package of the stack installed in another version than TESTED."""
    problems = []
    for package, tested in TESTED.items():
        found = installed(package)
        if found == tested:
            continue
        covered = _COVERED_BY.get(package, package)
        touches = [touch.function for touch in TOUCHES if touch.package == covered]
        problems.append(ContentError(
            "requirements.txt", _pin_line(package), package,
            f"{found} is installed" if found else "not installed",
            f"the hub was tested with {tested}: install it with `.venv/bin/pip install -r requirements.txt` "
            "(make setup does when requirements.txt changes); to move to another version, check what the hub "
            f"relies on in {covered} ({len(touches)} internals: hooks/hub/stack/touches.py), then change its pin "
            "here and in hooks/hub/stack/versions.py",
        ))
    return problems


def check_versions() -> list[ContentError]:
    """Warn about every version other than TESTED (see the module's text)."""
    problems = version_problems()
    for problem in problems:
        log.warning(problem.format())
    return problems


def _pin_line(package: str) -> int:
    """The line of `package`'s pin in requirements.txt (0 when it cannot be read)."""
    name = _COVERED_BY.get(package, package)
    try:
        lines = REQUIREMENTS.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    for number, line in enumerate(lines, start=1):
        if line.split("[")[0].split("=")[0].strip().lower() == name:
            return number
    return 0
