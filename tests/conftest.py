"""Shared fixtures: the site (and the site with a third language) is built once per test
run, in-process, however many pytest-xdist workers share the run (support/shared.py), and
served locally the way GitHub Pages serves it (404.html for every missing path)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# ProperDocs replaces MkDocs: from here on every `mkdocs.*` import (Material, the i18n
# plugin, the hook, the tests) is served by `properdocs.*`, as its command does.
import properdocs.replacement  # noqa: F401  (isort: skip)

from support.marks import may_select
from support.shared import holding, serving, shared_site, xdist_worker
from support.site import BUILD_CACHE, ROOT, SITE_PORT, THIRD_LANGUAGE_PORT, BuiltSite, build_in_process
from support.third_language import build_third_language_site

# The tests' builds do not print the fact-sheet PDFs (seconds of Chromium each), except
# the shared site's and those a test about the PDFs or links to them asks for
# (support.site.printing_pdfs, run_build(pdf=True)). make build and make pages print.
os.environ["TWINCITY_PDF"] = "off"
# Every build of the session, of the checkout or of a copy, keeps its compiled templates
# and printed PDFs in the checkout's build cache (hooks/twincity/build_cache.py): entries
# are keyed by what they are made from, so the copies share them safely.
os.environ["TWINCITY_CACHE"] = str(BUILD_CACHE)
# The tests' builds are not a copy served in mainland China: no filing numbers from the
# shell (tests/test_filing.py sets them where it is about them).
for _name in ("ICP_FILING", "PSB_FILING"):
    os.environ.pop(_name, None)

# -----------------------------------------------------------------------------
# Collection
# -----------------------------------------------------------------------------

BROWSER_TESTS = Path(__file__).parent / "browser"  # every test there is marked browser (its conftest)


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """The browser tests' folder is not even imported (Playwright, about 0.6 s in each
    process) when the mark expression (-m) selects no test marked browser, whatever other
    marks it carries: `make test`'s first phase, `-m "not browser"`."""
    if collection_path == BROWSER_TESTS and not may_select(config.getoption("markexpr"), "browser", config):
        return True
    return None


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A pytest-xdist worker whose tests all passed removes its own folder of the run as it
    ends, as pytest removes a passed run's (tmp_path_retention_policy = "failed" in
    pyproject.toml) but only in the controller, which otherwise deletes every worker's
    copies of the project alone, after the last test."""
    factory = session.config._tmp_path_factory  # pytest's own, behind the tmp_path_factory fixture
    if exitstatus == 0 and xdist_worker(session.config, factory) and factory._retention_policy == "failed":
        shutil.rmtree(factory.getbasetemp(), ignore_errors=True)


# -----------------------------------------------------------------------------
# The built site
# -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_site(pytestconfig, tmp_path_factory) -> BuiltSite:
    """The project as it is, built once for the run (support/shared.py), with its PDFs."""
    yield from holding(shared_site(pytestconfig, tmp_path_factory, "site", SITE_PORT, _build_project))


def _build_project(folder: Path, url: str) -> tuple[Path, list[str]]:
    return folder, build_in_process(ROOT, folder, url)  # the PDF tests and the link check read its PDFs


@pytest.fixture(scope="session")
def site_server(built_site, tmp_path_factory):
    """The URL of the built site, served on loopback for the browser tests."""
    yield from serving(built_site, tmp_path_factory, "site", _build_project)


@pytest.fixture(scope="session")
def third_language_site(pytestconfig, tmp_path_factory) -> BuiltSite:
    """The project with one more language added the README's way (support/third_language.py)."""
    site = shared_site(pytestconfig, tmp_path_factory, "third-language", THIRD_LANGUAGE_PORT, build_third_language_site)
    yield from holding(site)
