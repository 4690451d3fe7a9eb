"""What the deploy keeps between runs (.github/workflows/deploy.yml): after `make build`,
`make cache-prune` drops the cached cards and picture variants that build did not use, and
keeps every one it used (and the fonts' character maps), so the next deploy draws nothing
again."""

from __future__ import annotations

import os
from pathlib import Path

from photos import image_project
from sitebuild import HUB_CLI, build, run

LONG_AGO = 1_000_000_000  # 2001: what a restored cache holds before a build reads it


def files(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def age(folders: list[Path]) -> None:
    for folder in folders:
        for path in folder.rglob("*"):
            os.utime(path, (LONG_AGO, LONG_AGO))


def test_the_cache_keeps_what_the_build_used_and_nothing_else(tmp_path: Path) -> None:
    project = image_project(tmp_path / "project")
    cards, images = tmp_path / "cards", project / ".cache" / "images"
    first = build(project, tmp_path / "site", HUB_CARD_CACHE=str(cards))
    assert first.result.returncode == 0, first.result.output
    used = {"cards": files(cards), "images": files(images)}
    assert any(name.endswith(".png") for name in used["cards"]) and any(n.endswith(".webp") for n in used["images"])
    # What a deploy restores: this build's files and a former build's, all of them old.
    (cards / "zz").mkdir()
    (cards / "zz" / "an-edited-title.png").write_bytes(b"\x89PNG old card")
    (images / "0123-480.webp").write_bytes(b"old variant")
    age([cards, images])

    started = project / ".cache" / "build-started"
    started.touch()  # as `make build` does
    again = build(project, tmp_path / "site", HUB_CARD_CACHE=str(cards))
    assert again.result.returncode == 0, again.result.output
    pruned = run([*HUB_CLI, "prune-cache"], project, HUB_CARD_CACHE=str(cards))
    assert pruned.returncode == 0, pruned.output
    assert {"cards": files(cards), "images": files(images)} == used
    assert "removed 2 cached files" in pruned.output

    # A build that was never noted has nothing to prune against: say so, remove nothing.
    started.unlink()
    refused = run([*HUB_CLI, "prune-cache"], project, HUB_CARD_CACHE=str(cards))
    assert refused.returncode == 1 and "run `make build` first" in refused.output
    assert files(cards) == used["cards"]
