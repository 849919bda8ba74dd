"""Whole builds of a temporary copy of the project: a data mistake stops the build with
its message and no traceback before anything is written, and links from prose pages to
generated anchors pass MkDocs' anchor check in both languages."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from site_helpers import ROOT

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data", "sources")


def copy_project(dest: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / part)
    return dest


def mkdocs_build(project: Path, *extra: str) -> subprocess.CompletedProcess:
    """`properdocs build` (ProperDocs replaces MkDocs) of a copy, at a local address."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/")
    properdocs = Path(sys.executable).with_name("properdocs")
    return subprocess.run(
        [str(properdocs), "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site"), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


def test_broken_data_stops_the_build_with_its_message_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path)
    path = project / "data" / "agreements.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    position = next(i for i, e in enumerate(entries) if e["id"] == "maritime-affairs")
    del entries[position]["title"]["en"]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")

    result = mkdocs_build(project)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"data/agreements.yml: entry 'maritime-affairs' (#{position + 1}): title.en: missing" in output
    assert "Traceback" not in output
    assert not (project / "site" / "index.html").exists()


@pytest.fixture(scope="module")
def anchor_build(tmp_path_factory) -> str:
    """A build of the project where prose pages link to generated anchors, real and missing."""
    project = copy_project(tmp_path_factory.mktemp("anchors"))
    links = (
        "\n\n[maritime](agreements.md#maritime-affairs) [proposal](timeline.md#joint-proposal-2024) "
        "[chen](quotes.md#chen-1-plus-15) [bohai](glossary.md#liu-enju) "
        "[missing](agreements.md#no-such-agreement)\n"
    )
    for name in ("history.md", "history.en.md"):
        page = project / "docs" / name
        page.write_text(page.read_text("utf-8") + links, "utf-8")
    result = mkdocs_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr


@pytest.mark.parametrize("page", ["history.md", "history.en.md"])
def test_link_to_a_missing_generated_anchor_warns(anchor_build, page):
    assert f"Doc file '{page}' contains a link 'agreements.md#no-such-agreement'" in anchor_build


@pytest.mark.parametrize("anchor", ["maritime-affairs", "joint-proposal-2024", "chen-1-plus-15", "liu-enju"])
def test_link_to_a_generated_anchor_passes_the_anchor_check(anchor_build, anchor):
    warnings = [line for line in anchor_build.splitlines() if line.startswith("WARNING")]
    assert not [w for w in warnings if f"#{anchor}'" in w]
