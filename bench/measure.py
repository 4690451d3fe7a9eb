"""Run one command and measure it: wall time, CPU time of its whole process tree, peak
memory, exit status.

CPU comes from os.wait4, which returns the rusage of the child and of every descendant it
waited for (user + sys). Peak memory is measured two ways, because ru_maxrss is the peak of
the largest single process only: `max_process_rss` (ru_maxrss from wait4) and `peak_tree_rss`
(the largest sum of the resident sizes of all processes of the tree at one moment, sampled
from /proc every 20 ms), which is what counts when a build runs workers side by side.

A forked worker shares the pages its parent had when it was forked until either writes
them, and the resident sizes of both count those pages twice. `peak_tree_pss` is the same
peak as proportional set sizes (each shared page divided among the processes that map it,
/proc/<pid>/smaps_rollup): the memory the tree takes from the machine. Reading it makes the
kernel walk every page table, so it is read only near the peak of the resident sizes, at
most every 0.1 s. For one process (Hugo, the bare stack) the two are about equal.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

_PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True)
class Measurement:
    wall: float  # seconds
    cpu: float  # seconds, user + sys of the process tree
    peak_tree_rss: int  # bytes
    max_process_rss: int  # bytes
    peak_tree_pss: int  # bytes
    returncode: int
    log: Path


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        # The command name may contain spaces and parentheses: the fields start after the last ")".
        fields = stat[stat.rfind(b")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    return children


def _tree(root: int) -> list[int]:
    """`root` and all its descendants, now."""
    children = _children_map()
    found = []
    stack = [root]
    while stack:
        pid = stack.pop()
        found.append(pid)
        stack.extend(children.get(pid, ()))
    return found


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, now."""
    total = 0
    for pid in _tree(root):
        try:
            with open(f"/proc/{pid}/statm", "rb") as handle:
                total += int(handle.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def tree_pss(root: int) -> int:
    """Proportional set size in bytes of `root` and all its descendants, now: pages shared
    between them (a forked worker and its parent) counted once in all."""
    total = 0
    for pid in _tree(root):
        try:
            with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
                rollup = handle.read()
        except OSError:
            continue
        at = rollup.find(b"\nPss:")
        if at >= 0:
            total += int(rollup[at + 5 :].split(None, 1)[0]) * 1024  # in kB
    return total


def run(args: list[str], *, cwd: Path, env: dict[str, str], log: Path, timeout: float = 3600) -> Measurement:
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = peak_pss = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak, peak_pss
            pss_read = 0.0
            while not done.is_set():
                rss = tree_rss(proc.pid)
                peak = max(peak, rss)
                if rss >= 0.95 * peak and time.perf_counter() - pss_read >= 0.1:
                    peak_pss = max(peak_pss, tree_pss(proc.pid))
                    pss_read = time.perf_counter()
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
            time.sleep(0.01)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return Measurement(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        peak_tree_rss=peak,
        max_process_rss=usage.ru_maxrss * 1024,
        peak_tree_pss=peak_pss,
        returncode=proc.returncode,
        log=log,
    )


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of everything under `folder`."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            count += 1
    return total, count


def artifact_size(folder: Path) -> int:
    """Bytes of the artifact a deploy uploads for `folder`, which is what GitHub checks
    against Pages' 1 GB. actions/upload-pages-artifact (v5) puts the site in one tar (GNU
    tar, `--dereference --hard-dereference`, `.git` and `.github` left out) and
    actions/upload-artifact (v7) zips that file at its default level, zlib's 6;
    actions/deploy-pages then warns when the artifact's size exceeds 1 GiB. Measured here
    as the same tar deflated by zlib at level 6 (a zip adds about a hundred bytes)."""
    tar = subprocess.Popen(
        ["tar", "--dereference", "--hard-dereference", "--directory", str(folder), "-cf", "-",
         "--exclude=.git", "--exclude=.github", "."],
        stdout=subprocess.PIPE,
    )
    deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    total = 0
    assert tar.stdout is not None
    while block := tar.stdout.read(1 << 20):
        total += len(deflate.compress(block))
    total += len(deflate.flush())
    if tar.wait() != 0:
        raise RuntimeError(f"tar failed on {folder}")
    return total
