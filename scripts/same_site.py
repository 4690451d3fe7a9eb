"""Does a change leave the published site byte for byte as it was? Build the site of a git
revision and of the working tree, the same day and the same clock, and compare them.

    .venv/bin/python scripts/same_site.py main            the real site and the bench corpus at N = 500
    .venv/bin/python scripts/same_site.py main --only real     only the real site (about a minute a build)
    .venv/bin/python scripts/same_site.py HEAD~3 --size 2000   a larger corpus
    make same-site BASE=main

Two sites are compared, each built twice (once with the code of <rev>, once with the working
tree's), `mkdocs build --strict` in one process with SOURCE_DATE_EPOCH and HUB_BUILD_DATE pinned:

- the real site: <rev> is checked out in a temporary `git worktree` (.cache/same-site/base) and
  built there; the working tree is built where it is. Both are git checkouts, so the dates a page
  takes from git history are the same;
- the bench corpus (bench/README.md): generated once by the working tree's bench/generate.py
  (.cache/same-site/n<N>), then built with each tree's hooks/, overrides/ and mkdocs.yml put in
  place, the same content files under both, generated pages removed before each build.

The report is `diff -r` of the two outputs of each site: how many files differ or exist on one
side only, and the first lines of the differences. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".cache" / "same-site"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

# One clock and one day for every build: the output may then differ only through the code.
PINNED = {"SOURCE_DATE_EPOCH": "1764000000", "HUB_BUILD_DATE": "2026-12-05", "HUB_BUILD_WORKERS": "1",
          "NO_MKDOCS_2_WARNING": "1"}
# What a tree brings to a build of the corpus besides its content.
CODE = ("hooks", "overrides", "mkdocs.yml")
SHOWN_LINES = 40


def environment(tree: Path) -> dict[str, str]:
    """The caller's environment without anything that changes what the hub publishes (its
    HUB_* settings, the GitHub Actions variables it reads), with the tree's own hooks."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUB_", "GITHUB_", "SOURCE_DATE_EPOCH"))}
    env.update(PINNED, PYTHONPATH=str(tree / "hooks"), PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
               # Social cards are the same bytes whoever draws them; one cache spares drawing them twice.
               HUB_CARD_CACHE=str(WORK / "cards"))
    return env


def build(project: Path, code: Path, site: Path, label: str) -> None:
    shutil.rmtree(site, ignore_errors=True)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(site)],
                          cwd=project, env=environment(code), capture_output=True, text=True)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"  built {label} in {time.monotonic() - started:.0f} s (load average {load})", flush=True)
    if done.returncode != 0:
        raise SystemExit(f"the build of {label} failed ({done.returncode}):\n{(done.stdout + done.stderr)[-4000:]}")


def base_tree(rev: str) -> Path:
    """<rev> checked out in a worktree of its own, replacing the one a previous run left."""
    tree = WORK / "base"
    if tree.exists():
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False,
                       capture_output=True)
        shutil.rmtree(tree, ignore_errors=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", "--quiet", str(tree), rev],
                   check=True)
    return tree


def remove_base_tree() -> None:
    tree = WORK / "base"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False,
                   capture_output=True)
    subprocess.run(["git", "-C", str(ROOT), "worktree", "prune"], check=False)


def compare(label: str, before: Path, after: Path) -> int:
    """Print what `diff -r` finds between the two outputs; the number of files that differ."""
    brief = subprocess.run(["diff", "-rq", str(before), str(after)], capture_output=True, text=True)
    differing = [line for line in brief.stdout.splitlines() if line]
    files = sum(1 for p in after.rglob("*") if p.is_file())
    if not differing:
        print(f"{label}: identical ({files} files)")
        return 0
    print(f"{label}: {len(differing)} files differ or exist on one side only ({files} files built)")
    for line in differing[:10]:
        print(f"  {line}")
    full = subprocess.run(["diff", "-r", str(before), str(after)], capture_output=True, text=True)
    for line in full.stdout.splitlines()[:SHOWN_LINES]:
        print(f"    {line[:200]}")
    return len(differing)


def real_site(base: Path) -> int:
    print("real site:", flush=True)
    build(base, base, WORK / "site-base", "the real site at the base revision")
    build(ROOT, ROOT, WORK / "site-head", "the real site of the working tree")
    return compare("real site", WORK / "site-base", WORK / "site-head")


def corpus(base: Path, size: int) -> int:
    from generate import generate
    from variants import remove_generated

    project = WORK / f"n{size}"
    marker = project / ".generated"
    print(f"bench corpus, N = {size}:", flush=True)
    if not marker.exists():
        started = time.monotonic()
        plan = generate(project, size)
        marker.write_text(f"{plan}\n", encoding="utf-8")
        print(f"  generated in {time.monotonic() - started:.0f} s: {plan}", flush=True)
    sites = {}
    for label, tree in (("base", base), ("head", ROOT)):
        for name in CODE:
            target = project / name
            if target.is_dir():
                shutil.rmtree(target)
            if (tree / name).is_dir():
                shutil.copytree(tree / name, target, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy2(tree / name, target)
        remove_generated(project)
        sites[label] = WORK / f"n{size}-site-{label}"
        code = "the base revision" if label == "base" else "the working tree"
        build(project, project, sites[label], f"the corpus with the code of {code}")
    return compare(f"bench corpus N = {size}", sites["base"], sites["head"])


def warn_if_ahead(rev: str) -> None:
    """A base with commits the working tree lacks compares their changes too: say so."""
    def git(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)

    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}").stdout.strip()
    if not commit:
        raise SystemExit(f"{rev} is not a revision of this repository")
    print(f"base: {rev} ({commit[:10]})")
    if git("merge-base", "--is-ancestor", commit, "HEAD").returncode != 0:
        fork = git("merge-base", commit, "HEAD").stdout.strip()
        print(f"  {rev} has commits the working tree does not: their changes will show too; "
              f"the working tree's changes alone are compared with {fork[:10]} (git merge-base {rev} HEAD)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("rev", help="the revision to compare the working tree with (main, HEAD~1, a commit)")
    parser.add_argument("--size", type=int, default=500, help="articles in the bench corpus (default 500)")
    parser.add_argument("--only", choices=("real", "corpus"), help="compare one site only")
    parser.add_argument("--regenerate", action="store_true", help="generate the corpus again")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    if args.regenerate:
        shutil.rmtree(WORK / f"n{args.size}", ignore_errors=True)
    started = time.monotonic()
    warn_if_ahead(args.rev)
    # Stopped from outside, it still removes its worktree (see the finally below).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    base = base_tree(args.rev)
    try:
        differing = 0
        if args.only in (None, "real"):
            differing += real_site(base)
        if args.only in (None, "corpus"):
            differing += corpus(base, args.size)
    finally:
        remove_base_tree()
    print(f"{differing} files differ in all; {time.monotonic() - started:.0f} s")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
