"""Whole builds of a temporary copy of the project: a data mistake stops the build with
its message and no traceback before anything is written, and links from prose pages to
generated anchors pass MkDocs' anchor check in both languages."""

from __future__ import annotations

import pytest
import yaml

from support.site import copy_project, run_build


def test_broken_data_stops_the_build_with_its_message_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path)
    path = project / "data" / "agreements.yml"
    entries = yaml.safe_load(path.read_text("utf-8"))
    position = next(i for i, e in enumerate(entries) if e["id"] == "maritime-affairs")
    del entries[position]["title"]["en"]
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")

    result = run_build(project)
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
    result = run_build(project)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stderr


@pytest.mark.parametrize("page", ["history.md", "history.en.md"])
def test_link_to_a_missing_generated_anchor_warns(anchor_build, page):
    assert f"Doc file '{page}' contains a link 'agreements.md#no-such-agreement'" in anchor_build


@pytest.mark.parametrize("anchor", ["maritime-affairs", "joint-proposal-2024", "chen-1-plus-15", "liu-enju"])
def test_link_to_a_generated_anchor_passes_the_anchor_check(anchor_build, anchor):
    warnings = [line for line in anchor_build.splitlines() if line.startswith("WARNING")]
    assert not [w for w in warnings if f"#{anchor}'" in w]
