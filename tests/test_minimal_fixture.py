"""The minimal fixture site is valid and builds: every test that breaks it starts from green."""

from sitebuild import build


def test_minimal_project_builds_strict(minimal_project, tmp_path):
    built = build(minimal_project, tmp_path / "site")
    assert built.result.returncode == 0, built.result.output
    assert (built.dir / "en" / "news" / "2025" / "first-article" / "index.html").is_file()
