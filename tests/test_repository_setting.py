"""Where "Edit this page", "Translate this page" and "Report an error" lead: the repository
and branch come from mkdocs.yml, a fork's GitHub Actions run, or the environment."""

import pytest
from hub.source.settings import branch, repository


def test_the_repository_of_the_workflow_wins_over_mkdocs_yml_so_a_fork_links_to_itself():
    assert repository("chengdu-global-hub/hub", {}) == "chengdu-global-hub/hub"
    assert repository("chengdu-global-hub/hub", {"GITHUB_REPOSITORY": "someone/fork"}) == "someone/fork"
    assert repository("a/b", {"GITHUB_REPOSITORY": "someone/fork", "HUB_REPOSITORY": "x/y"}) == "x/y"
    assert repository(None, {}) == ""


@pytest.mark.parametrize("value", ["a/b/c", "https://github.com/a/b", "a/b?x=1", "-a/b", "a b/c", "a/b\nc"])
def test_a_repository_that_is_not_owner_slash_name_is_refused(value):
    with pytest.raises(ValueError, match="expected owner/name"):
        repository(None, {"HUB_REPOSITORY": value})


def test_branch_defaults_to_main_and_refuses_what_git_would_not_name():
    assert branch(None, {}) == "main"
    assert branch("release/2027", {}) == "release/2027"
    assert branch("main", {"HUB_BRANCH": "draft"}) == "draft"
    for bad in ("../x", "-x", "a b", "a?b"):
        with pytest.raises(ValueError, match="expected a branch name"):
            branch(bad, {})
