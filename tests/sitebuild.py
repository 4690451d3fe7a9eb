"""Building sites for tests: the real repository, or a small fixture site, with the real
MkDocs command line, and reading what came out."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
# A small valid project: fixture sites start from it and change one thing.
MINIMAL = Path(__file__).resolve().parent / "fixtures" / "minimal"
MKDOCS = [sys.executable, "-m", "mkdocs"]
HUB_CLI = [sys.executable, "-m", "hub"]
# A fixed build date makes opportunity and event statuses predictable: on 20 April 2025
# the conference is past and the Japan roadshows (21-25 April) are upcoming.
BUILD_DATE = "2025-04-20"
TEST_SITE_URL = "https://example.org/hub/"


def site_languages():
    """The languages of the real site's content (mkdocs.yml), as the models check them."""
    from hub.source.languages import TextLanguages

    return TextLanguages(("zh", "en", "fr", "ja"), ("zh", "en"))


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


@dataclass
class BuiltSite:
    dir: Path
    site_url: str
    result: Result
    project: Path | None = None  # what was built: docs/ then holds the generated pages too

    def path(self, url_path: str) -> Path:
        """The file served at `url_path` (e.g. "en/news/" or "fr/feeds/all.atom.xml")."""
        target = self.dir / url_path.lstrip("/")
        if url_path.endswith("/") or url_path == "":
            target = target / "index.html"
        return target

    def text(self, url_path: str) -> str:
        return self.path(url_path).read_text(encoding="utf-8")

    def soup(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.text(url_path), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.dir.rglob("*.html"))

    def files(self) -> list[str]:
        """Every built file, as sorted paths relative to the site."""
        return sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*") if p.is_file())


def hub_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("GITHUB_ACTIONS", None)
    env.update(
        NO_MKDOCS_2_WARNING="1",
        HUB_BUILD_DATE=BUILD_DATE,
        HUB_SITE_URL=TEST_SITE_URL,
        PYTHONPATH=str(ROOT / "hooks"),
    )
    env.pop("HUB_ONLY_LANGUAGE", None)
    # A SOURCE_DATE_EPOCH from the caller's shell would move every feed timestamp; a test
    # that wants one passes it.
    env.pop("SOURCE_DATE_EPOCH", None)
    # Every fixture build shares one cache of social cards (keyed by what each is drawn from).
    env.setdefault("HUB_CARD_CACHE", str(ROOT / ".cache" / "cards"))
    env.update(extra)
    return env


def run(args: list[str], cwd: Path, **env: str) -> Result:
    done = subprocess.run(args, cwd=cwd, env=hub_env(**env), capture_output=True, text=True, timeout=1800)
    return Result(done.returncode, done.stdout, done.stderr)


def build(project: Path, site_dir: Path, *, strict: bool = True, **env: str) -> BuiltSite:
    args = [*MKDOCS, "build", "--quiet" if False else "--clean", "-d", str(site_dir)]
    # mkdocs.yml sets `strict: true`: without --no-strict a build is strict anyway.
    args.append("--strict" if strict else "--no-strict")
    result = run(args, project, **env)
    return BuiltSite(site_dir, env.get("HUB_SITE_URL", TEST_SITE_URL), result, project)


def copy_project(target: Path, *, content_from: Path | None = None) -> Path:
    """A copy of the project to change and build: code and templates from the repository,
    content (docs/ and data/) from `content_from` (the repository when None)."""
    source = content_from or ROOT
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("docs", "data"):
        shutil.copytree(source / name, target / name, ignore=_ignore_generated)
    return target


def _ignore_generated(folder: str, names: list[str]) -> set[str]:
    """Leave out pages a previous build generated: a copy starts clean."""
    ignored = set()
    for name in names:
        path = Path(folder) / name
        if path.suffix == ".md" and path.is_file():
            with open(path, encoding="utf-8", errors="replace") as handle:
                if handle.read(40).startswith("---\nhub_generated: true"):
                    ignored.add(name)
    return ignored
