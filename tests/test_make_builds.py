"""The project's own build commands: a failed `make build` leaves the previous site/ as
it was (nothing half-made), and a warning fails `make addresses` (no -q hiding it from
--strict). Each runs the real make target on a copy of the project."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from support.site import LANGUAGES, PROJECT_PARTS, ROOT, copy_project
from tools import site_swap

MAKE_PARTS = (*PROJECT_PARTS, "Makefile", "requirements")


def _project(tmp_path):
    project = copy_project(tmp_path / "project", MAKE_PARTS)
    shutil.copytree(ROOT / "tools", project / "tools", ignore=shutil.ignore_patterns("__pycache__", "node_modules"))
    (project / "tests").mkdir()
    (project / "tests" / "published_addresses.txt").write_text(
        (ROOT / "tests" / "published_addresses.txt").read_text("utf-8"), "utf-8"
    )
    (project / ".venv").symlink_to((ROOT / ".venv").resolve())
    return project


def _make(project, target):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "MAKEFLAGS", "MAKELEVEL")}
    # -o: the shared environment is taken as installed (make never reinstalls it from a copy).
    return subprocess.run(
        ["make", "-o", ".venv/.dev", "-o", ".venv/.site", "-o", "chromium", target],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_failed_make_build_leaves_the_previous_site_as_it_was(tmp_path):
    project = _project(tmp_path)
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("the previous build", "utf-8")
    # A mistake on a page of the last language built: every other language is built first.
    page = project / "docs" / f"agreements.{LANGUAGES[-1]}.md"
    page.write_text(page.read_text("utf-8").replace("<!-- twincity:glance -->", "<!-- twincity:glanse -->"), "utf-8")
    result = _make(project, "build")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "unknown marker <!-- twincity:glanse -->" in output and "Traceback" not in output
    assert [p.name for p in (project / "site").iterdir()] == ["index.html"]
    assert (project / "site" / "index.html").read_text("utf-8") == "the previous build"
    assert not (project / site_swap_new()).exists()


def site_swap_new() -> str:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    return next(line.split(":=")[1].strip() for line in makefile.splitlines() if line.startswith("NEW_SITE"))


def test_a_warning_fails_make_addresses_and_leaves_the_list_as_it_was(tmp_path):
    project = _project(tmp_path)
    listed = (project / "tests" / "published_addresses.txt").read_text("utf-8")
    page = project / "docs" / "history.md"
    page.write_text(page.read_text("utf-8") + "\n见[不存在的页面](no-such-page.md)。\n", "utf-8")
    result = _make(project, "addresses")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "no-such-page.md" in output and "Aborted with" in output
    assert (project / "tests" / "published_addresses.txt").read_text("utf-8") == listed


def test_the_swap_replaces_the_site_only_with_a_built_one(tmp_path):
    site, new = tmp_path / "site", tmp_path / "site.new"
    site.mkdir()
    (site / "old.html").write_text("old", "utf-8")
    new.mkdir()
    with pytest.raises(SystemExit, match="holds no built site"):
        site_swap.replace(new, site)
    assert (site / "old.html").exists()
    (new / "index.html").write_text("new", "utf-8")
    site_swap.replace(new, site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert [p.name for p in site.iterdir()] == ["index.html"]
