"""`python -m twincity.check` stops on exactly what stops the build in `on_config`: for every
kind of mistake the set-up catches, both fail with the same message, neither with a
traceback; on the project as it is, both pass."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from support.processes import run_command
from support.site import LANGUAGES, ROOT, copy_project, run_build


def run_check(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SITE_URL="http://127.0.0.1:8000/", PYTHONPATH="hooks")
    return run_command(
        [sys.executable, "-m", "twincity.check", "--config", "mkdocs.yml"], cwd=project, env=env, timeout=120
    )


def _edit_yaml(path: Path, change: Callable) -> None:
    entries = yaml.safe_load(path.read_text("utf-8"))
    change(entries)
    path.write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")


def citation_not_in_source(project: Path) -> str:
    _edit_yaml(project / "data" / "quotes.yml", lambda entries: entries[0].update(citation="本站杜撰的一句话"))
    return "citation: not in the source"


def correction_with_unknown_key(project: Path) -> str:
    _edit_yaml(project / "data" / "corrections.yml", lambda entries: entries[0].update(colour="red"))
    return "data/corrections.yml: entry 'headline-inside-sentence' (#1): colour:"


def correction_without_reason(project: Path) -> str:
    _edit_yaml(project / "data" / "corrections.yml", lambda entries: entries[1].pop("reason"))
    return "data/corrections.yml: entry 'split-tui-dong' (#2): reason:"


def corrections_only_a_comment(project: Path) -> str:
    (project / "data" / "corrections.yml").write_text("# nothing yet\n", "utf-8")
    return "data/corrections.yml: the file holds no entries"


def correction_not_in_article(project: Path) -> str:
    _edit_yaml(project / "data" / "corrections.yml", lambda entries: entries[1].update(wrong="并不存在的字样"))
    return "data/corrections.yml: entry 'split-tui-dong' (#2): wrong:"


def source_description_wrong(project: Path) -> str:
    path = project / "sources" / "source.yml"
    path.write_text(path.read_text("utf-8").replace("author: li-nannan", "author: nobody-known"), "utf-8")
    return "sources/source.yml: author: unknown person 'nobody-known'"


def text_missing_a_language(project: Path) -> str:
    _edit_yaml(project / "data" / "people.yml", lambda entries: entries[0]["name"].pop(LANGUAGES[-1]))
    return f"data/people.yml: entry '{yaml.safe_load((ROOT / 'data' / 'people.yml').read_text('utf-8'))[0]['id']}'"


def page_without_translation(project: Path) -> str:
    (project / "docs" / f"glossary.{LANGUAGES[-1]}.md").unlink()
    return f"docs/glossary.{LANGUAGES[-1]}.md is missing"


def catalogue_key_removed(project: Path) -> str:
    path = project / "hooks" / "twincity" / "locales" / f"{LANGUAGES[-1]}.yml"
    texts = yaml.safe_load(path.read_text("utf-8"))
    section = next(key for key, value in texts.items() if isinstance(value, dict) and key != "language")
    removed = next(iter(texts[section]))
    del texts[section][removed]
    path.write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), "utf-8")
    return f"{section}.{removed}"


MISTAKES = [
    citation_not_in_source,
    correction_with_unknown_key,
    correction_without_reason,
    corrections_only_a_comment,
    correction_not_in_article,
    source_description_wrong,
    text_missing_a_language,
    page_without_translation,
    catalogue_key_removed,
]


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda m: m.__name__)
def test_check_and_build_stop_on_the_same_mistake_with_the_same_message(tmp_path, mistake):
    project = copy_project(tmp_path / "project")
    expected = mistake(project)
    check, build = run_check(project), run_build(project)
    for name, result in (("check", check), ("build", build)):
        output = result.stdout + result.stderr
        assert result.returncode != 0, f"{name} passed despite {mistake.__name__}:\n{output}"
        assert "Traceback" not in output, f"{name} gave a traceback:\n{output}"
        assert expected in output, f"{name} did not say {expected!r}:\n{output}"


def test_check_passes_on_the_project_and_counts_every_kind(tmp_path):
    result = run_check(copy_project(tmp_path / "project"))
    assert result.returncode == 0, result.stderr
    from twincity.data.kinds import KINDS

    for kind in KINDS:
        assert f" {kind.name}" in result.stdout
