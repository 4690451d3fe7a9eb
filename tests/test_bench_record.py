"""bench/recorded.json, where the benchmark leaves its last full run: the shape issue 17
gives it (medians per size and variant, the machine, the commit), and sizes run apart on
the same commit kept together."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

import run
from measure import artifact_size, tree_pss, tree_rss
from measure import run as measured

FIGURES = {"wall_s", "cpu_s", "peak_tree_mib", "peak_tree_pss_mib", "output_mib", "files", "artifact_mib"}


def result(*variants: str, wall: float = 40.0) -> dict:
    runs = [{"variant": v, "wall": wall, "cpu": 2 * wall, "peak_tree_rss": 2**30, "max_process_rss": 2**29,
             "peak_tree_pss": 3 * 2**28,
             "bytes": 5 * 2**20, "files": 12, "artifact_bytes": 2**20, "load_before": 1.5} for v in variants]
    return {"runs": runs, "summary": run.summarise(runs)}


def test_the_record_has_the_issues_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(run, "commit", lambda: "abc123")
    path = tmp_path / "recorded.json"
    run.record({2000: result("hub", "bare", "floor", "hugo", "hub-seq")}, path)
    run.record({20000: result("hub", wall=400.0)}, path)
    recorded = json.loads(path.read_text(encoding="utf-8"))
    assert set(recorded) == {"date", "commit", "machine", "runs"}
    assert recorded["commit"] == "abc123" and recorded["machine"].startswith(f"{run.os.cpu_count()} cores")
    assert list(recorded["runs"]) == ["2000", "20000"]
    assert set(recorded["runs"]["2000"]) == {"hub", "bare", "floor", "hugo"}, "optional variants stay out"
    assert set(recorded["runs"]["20000"]) == {"hub"}
    assert recorded["runs"]["2000"]["hub"] == {"wall_s": 40.0, "cpu_s": 80.0, "peak_tree_mib": 1024,
                                               "peak_tree_pss_mib": 768, "output_mib": 5.0, "files": 12,
                                               "artifact_mib": 1.0}
    assert set(recorded["runs"]["20000"]["hub"]) == FIGURES and recorded["runs"]["20000"]["hub"]["wall_s"] == 400.0


def test_another_commit_starts_the_record_afresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "recorded.json"
    monkeypatch.setattr(run, "commit", lambda: "old")
    run.record({2000: result("hub")}, path)
    monkeypatch.setattr(run, "commit", lambda: "new")
    run.record({20000: result("hub")}, path)
    assert list(json.loads(path.read_text(encoding="utf-8"))["runs"]) == ["20000"]


def test_the_deploys_artifact_is_the_site_compressed_without_git(tmp_path: Path):
    """What GitHub checks against Pages' 1 GB is the uploaded artifact: the site in one tar,
    zipped. Pages that repeat their frame pack several times smaller; `.git` is left out as
    actions/upload-pages-artifact leaves it out."""
    site = tmp_path / "site"
    for number in range(200):
        page = site / "news" / f"{number}" / "index.html"
        page.parent.mkdir(parents=True)
        page.write_text("<header>Chengdu Global Hub</header>" * 40 + f"<p>Article {number}</p>", encoding="utf-8")
    on_disk = sum(path.stat().st_size for path in site.rglob("*.html"))
    packed = artifact_size(site)
    assert 0 < packed < on_disk / 5
    (site / ".git").mkdir()
    (site / ".git" / "objects").write_bytes(bytes(range(256)) * 4096)
    assert artifact_size(site) == packed


# A process that fills 96 MiB, forks a child that keeps them without writing, and waits.
_SHARES = """
import os, sys, time
held = bytearray(96 * 2**20)
for at in range(0, len(held), 4096):
    held[at] = 1
if os.fork() == 0:
    time.sleep(30)
    os._exit(0)
print("forked", flush=True)
time.sleep(30)
"""


def test_pages_a_forked_child_shares_count_once_in_the_proportional_size():
    """The resident sizes of a parent and its forked child count the pages they share twice;
    the proportional sizes count them once. A build with a language worker is such a pair."""
    import subprocess

    process = subprocess.Popen([sys.executable, "-c", _SHARES], stdout=subprocess.PIPE)
    try:
        assert process.stdout.readline() == b"forked\n"
        time.sleep(0.2)
        rss, pss = tree_rss(process.pid), tree_pss(process.pid)
    finally:
        for child in forked_children(process.pid):
            os.kill(child, 9)
        process.kill()
        process.wait()
    assert rss >= 2 * 96 * 2**20
    assert 96 * 2**20 <= pss <= rss - 80 * 2**20


def forked_children(pid: int) -> list[int]:
    from measure import _children_map

    return _children_map().get(pid, [])


def test_a_measured_run_reports_the_peak_both_ways(tmp_path: Path):
    m = measured([sys.executable, "-c", _SHARES.replace("time.sleep(30)", "time.sleep(1)")], cwd=tmp_path,
                 env=dict(os.environ), log=tmp_path / "log")
    assert m.returncode == 0
    assert m.peak_tree_rss >= 2 * 96 * 2**20
    assert 96 * 2**20 <= m.peak_tree_pss <= m.peak_tree_rss - 80 * 2**20
