"""Mutation testing of the core modules: small bugs are planted one at a time in a module and
the fast tests that exercise it must fail for each (mutmut 3, see README, "Mutation score").

    .venv/bin/python scripts/mutants.py                  every module, 2 workers
    .venv/bin/python scripts/mutants.py status search    some modules
    .venv/bin/python scripts/mutants.py --report         the score of the last run, no new run
    .venv/bin/python scripts/mutants.py --show status    what each mutant still to judge changes

mutmut names a mutant after the module path relative to where it runs (`src/` is stripped) and
tests import the package as `hub` (PYTHONPATH=hooks), so each module runs in a workspace of its
own, .cache/mutants/<module>/, where `src` is the repository's hooks/. mutmut copies it into
`mutants/src` and plants the mutants there; `mutants/hooks` points at that copy, so the tests
(and any `python -m hub` they start) import the mutated package, while the content they read
(mkdocs.yml, docs/, data/, overrides/) is the repository's own, linked read-only by use.

Each module is tested only by the test files that exercise it (MODULE_TESTS): mutmut records
which of their tests call each function and runs only those for a mutant of it. Mutants that
survive and cannot be told apart from the original by any reader are listed, with the reason,
in tests/MUTANTS.md; the report counts them as equivalent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import tomllib
from collections import Counter
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKSPACES = ROOT / ".cache" / "mutants"
EQUIVALENT_LIST = ROOT / "tests" / "MUTANTS.md"

# Module (by its name, in whichever sub-package of hooks/hub/ it is) -> the fast test files that
# exercise it in-process. Tests that build a site run the build in another process, where mutmut
# cannot see which functions they call, so the tests that count here call the module's functions
# and check what readers get.
SECURITY = ["tests/test_security.py",
            "--deselect", "tests/test_security.py::test_the_build_refuses_a_script_in_docs",
            "--deselect", "tests/test_security.py::test_city_feed_channel_text_is_the_text_as_written"]
SANITIZER = ["tests/test_images.py::test_content_cannot_load_pictures_from_another_host_through_srcset",
             "tests/test_images.py::test_content_keeps_its_own_pictures"]
# The checks of front matter and of Markdown in records, through `make check` on the minimal
# fixture: what the unit tests of yamlsafe and markdown_limits cannot see from inside.
FRONT_MATTER = ["tests/test_security.py::test_front_matter_is_split_where_mkdocs_splits_it",
                "tests/test_security.py::test_front_matter_in_every_form_mkdocs_reads_is_checked"]
MARKDOWN_FIELDS = ["tests/test_security.py::test_a_markdown_field_has_the_limits_of_a_page",
                   "tests/test_security.py::test_the_converter_never_sees_text_over_the_limits"]
MODULE_TESTS: dict[str, list[str]] = {
    "status": ["tests/test_page_formats.py"],
    # An event's start dates its feed entry when it was not announced ahead (all day: midnight
    # in its own zone); the calendars take a timed start only.
    "event_time": ["tests/test_page_formats.py",
                   "tests/test_feed_writer.py::test_each_kind_of_item_is_dated_as_the_module_says"],
    "sanitize": ["tests/test_sanitize_units.py", "tests/test_sanitizer.py", *SANITIZER],
    "prose": ["tests/test_record_text.py", "tests/test_inline_pictures.py::test_a_records_text_shows_no_picture",
              *SECURITY],
    "markdown_limits": ["tests/test_markdown_limits.py", *MARKDOWN_FIELDS],
    "feeds": ["tests/test_feed_writer.py"],
    "feed_html": ["tests/test_feed_html.py", "tests/test_feed_writer.py"],
    "calendars": ["tests/test_calendar_writer.py"],
    "yamlsafe": ["tests/test_yaml_loading.py", *FRONT_MATTER],
    "content": ["tests/test_content_loading.py"],
    "alternates": ["tests/test_page_versions.py"],
    "search": ["tests/test_page_versions.py", "tests/test_search_bundle.py"],
}

# Top-level entries of the repository the tests read besides the code, linked into each
# workspace's mutants/ folder.
SHARED_ENTRIES = ("mkdocs.yml", "docs", "data", "overrides", "node_modules", "package.json", "requirements.txt",
                  "README.md", "CONTRIBUTING.md", "Makefile", ".github")

# mutmut's exit codes, grouped as the report counts them.
STATUS_BY_EXIT_CODE = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests"}
TIMEOUT_CODES = {24, -24, 152, 255, 36}
COLUMNS = ("killed", "survived", "equivalent", "no tests", "timeout", "other")


def module_file(module: str) -> Path:
    """Where a module named in MODULE_TESTS is, relative to hooks/ (hub/<sub-package>/<module>.py):
    found by its name, which is unique in the package (hooks/hub/README.md)."""
    found = sorted((ROOT / "hooks" / "hub").rglob(f"{module}.py"))
    if len(found) != 1:
        raise SystemExit(f"{len(found)} files named {module}.py in hooks/hub/: name the module by a unique name")
    return found[0].relative_to(ROOT / "hooks")


def mutmut_settings() -> dict[str, object]:
    """The [tool.mutmut] section of pyproject.toml: what every module's run shares."""
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["tool"]["mutmut"]


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(value)


def prepare(module: str) -> Path:
    """A fresh workspace for one module: its own pyproject.toml (pytest's settings and
    mutmut's, restricted to the module and its tests) and links to the repository."""
    workspace = WORKSPACES / module
    shutil.rmtree(workspace, ignore_errors=True)
    (workspace / "mutants").mkdir(parents=True)
    (workspace / "src").symlink_to(ROOT / "hooks")
    (workspace / "mutants" / "hooks").symlink_to("src")
    for name in SHARED_ENTRIES:
        if (ROOT / name).exists():
            (workspace / "mutants" / name).symlink_to(ROOT / name)
    settings = {
        **mutmut_settings(),
        "source_paths": ["src"],
        "only_mutate": [f"src/{module_file(module).as_posix()}"],
        "pytest_add_cli_args_test_selection": MODULE_TESTS[module],
    }
    pytest_section = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("[tool.pytest.ini_options]")[1]
    pytest_section = pytest_section.split("\n[", 1)[0]
    mutmut_section = "\n".join(f"{key} = {toml_value(value)}" for key, value in settings.items())
    (workspace / "pyproject.toml").write_text(
        f"[tool.pytest.ini_options]{pytest_section}\n[tool.mutmut]\n{mutmut_section}\n", encoding="utf-8"
    )
    shutil.copytree(ROOT / "tests", workspace / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    return workspace


def run(module: str, workers: int, *, resume: bool = False) -> None:
    workspace = WORKSPACES / module
    if not (resume and (workspace / "mutants").is_dir()):
        prepare(module)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("PYTHONPATH", None)
    mutmut = Path(sys.executable).parent / "mutmut"
    log = workspace / "mutmut.log"
    started, cpu = time.monotonic(), children_cpu()
    with open(log, "w", encoding="utf-8") as out:
        # In a session of its own, so that stopping this script stops mutmut and its workers.
        done = subprocess.Popen([str(mutmut), "run", "--max-children", str(workers)], cwd=workspace, env=env,
                                stdout=out, stderr=out, start_new_session=True)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
        try:
            done.wait()
        finally:
            if done.poll() is None:
                os.killpg(done.pid, signal.SIGTERM)
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"{module}: mutmut exited {done.returncode}; wall {time.monotonic() - started:.0f} s, "
          f"CPU {children_cpu() - cpu:.0f} s, load average {load} (log: {log})", flush=True)


def children_cpu() -> float:
    """CPU seconds (user and system) of the processes this one started and waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def equivalent_mutants() -> set[str]:
    """Mutant names listed in tests/MUTANTS.md (each a `hub.<sub-package>.<module>.x_function__mutmut_N`)."""
    text = EQUIVALENT_LIST.read_text(encoding="utf-8") if EQUIVALENT_LIST.exists() else ""
    return set(re.findall(r"`(hub\.[\w.ǁ]+__mutmut_\d+)`", text))


def results(module: str) -> dict[str, str]:
    """Each mutant of the module's last run and what became of it."""
    meta = WORKSPACES / module / "mutants" / "src" / f"{module_file(module)}.meta"
    if not meta.exists():
        return {}
    codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    equivalent = equivalent_mutants()
    outcome = {}
    for name, code in codes.items():
        status = STATUS_BY_EXIT_CODE.get(code, "timeout" if code in TIMEOUT_CODES else "other")
        if status == "survived" and name in equivalent:
            status = "equivalent"
        outcome[name] = status
    return outcome


def report(modules: list[str]) -> int:
    """The score table (Markdown, as the README records it) and the mutants still to judge;
    non-zero when a mutant survived that tests/MUTANTS.md does not explain."""
    total: Counter[str] = Counter()
    lines = ["| module | " + " | ".join(COLUMNS) + " | total |", "|---" * (len(COLUMNS) + 2) + "|"]
    unexplained = []
    for module in modules:
        outcome = results(module)
        counts = Counter(outcome.values())
        total.update(counts)
        lines.append(
            f"| {module} | " + " | ".join(str(counts[c]) for c in COLUMNS) + f" | {sum(counts.values())} |"
        )
        unexplained += sorted(n for n, s in outcome.items() if s not in ("killed", "equivalent"))
    lines.append("| **all** | " + " | ".join(str(total[c]) for c in COLUMNS) + f" | {sum(total.values())} |")
    print("\n".join(lines))
    if unexplained:
        print(f"\n{len(unexplained)} mutants neither killed nor listed as equivalent in tests/MUTANTS.md:")
        print("\n".join(f"  {name}" for name in unexplained))
        print("See one with: cd .cache/mutants/<module> && ../../../.venv/bin/mutmut show <name>")
    return 1 if unexplained else 0


def show(modules: list[str]) -> None:
    """The change each mutant not yet killed nor explained makes, as lines taken out (-)
    and put in (+): what a new test must tell apart, or tests/MUTANTS.md explain."""
    from mutmut.configuration import reset_config
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    for module in modules:
        os.chdir(WORKSPACES / module)
        reset_config()
        for name, status in sorted(results(module).items()):
            if status in ("killed", "equivalent"):
                continue
            diff = get_diff_for_mutant(name, path=Path("src") / module_file(module)).splitlines()
            changed = [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]
            print(f"## {name} ({status})", *changed, sep="\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", help=f"modules of hooks/hub/ (all: {' '.join(MODULE_TESTS)})")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--report", action="store_true", help="only print the score of the last run")
    parser.add_argument("--resume", action="store_true",
                        help="go on with a run that was stopped: mutants with a result are not run again")
    parser.add_argument("--show", action="store_true", help="print what each mutant still to judge changes")
    args = parser.parse_args()
    modules = args.modules or list(MODULE_TESTS)
    unknown = sorted(set(modules) - set(MODULE_TESTS))
    if unknown:
        parser.error(f"no tests are mapped to {', '.join(unknown)}; add the module to MODULE_TESTS")
    if args.show:
        show(modules)
        return 0
    if not args.report:
        started, cpu = time.monotonic(), children_cpu()
        for module in modules:
            run(module, args.workers, resume=args.resume)
        print(f"all: wall {time.monotonic() - started:.0f} s, CPU {children_cpu() - cpu:.0f} s, "
              f"{args.workers} workers, on {date.today().isoformat()}\n")
    return report(modules)


if __name__ == "__main__":
    sys.exit(main())
