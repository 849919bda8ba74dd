"""A copy of the project with one more language, added the README's way by
tools/add_language.py (the tool `make test-language` uses too): its entry in mkdocs.yml,
its catalogue and its name in the other catalogues, its pages and its text in every
data field, each text the copied language's marked "[CODE] ". Nothing of it is published.

The language is one the site does not have yet, so that the tests of a site that has
three languages (`make test-language`) add a fourth.
"""

from __future__ import annotations

from pathlib import Path

from tools.add_language import add_language, add_to_config

from .site import LANGUAGES, build_in_process, copy_project

# (code, name, Open Graph locale): the first the site does not have is added.
CANDIDATES = (("ja", "日本語", "ja_JP"), ("fr", "Français", "fr_FR"), ("de", "Deutsch", "de_DE"))
CODE, NAME, OG_LOCALE = next(c for c in CANDIDATES if c[0] not in LANGUAGES)
PLACEHOLDER = f"[{CODE}] "
# The language its texts are copied from: the first after the default one.
COPIED = LANGUAGES[1]
# Every language of the copy, in mkdocs.yml's order: the added one comes last.
ALL = (*LANGUAGES, CODE)


def add_language_to_config(project: Path) -> None:
    """Step 1 of the recipe alone: the language's entry in mkdocs.yml."""
    add_to_config(project, CODE, NAME, COPIED)


def project_with_third_language(dest: Path) -> Path:
    project = copy_project(dest)
    add_language(project, CODE, NAME, source=COPIED, og_locale=OG_LOCALE)
    return project


def build_third_language_site(folder: Path, url: str) -> tuple[Path, list[str]]:
    """Build the project with one more language in `folder` for `url`, with its PDFs (test_languages
    checks the third language's): support/shared.py builds it once per test run (the
    `third_language_site` fixture)."""
    project = project_with_third_language(folder / "project")
    return project / "site", build_in_process(project, project / "site", url)
