"""Chromium through Playwright against the built site, served locally like GitHub Pages.

Debian's /usr/bin/chromium is used where it exists (Playwright's own browser download
is not possible on every machine); elsewhere Playwright's own Chromium.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from twincity.publish.chromium import CHROMIUM_ARGS, chromium_executable

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}
# Screenshots for a person to look at: test-artifacts/screenshots/<lang>/<page>-<width>.png
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        # Started as the PDF step starts it: offline but for this machine (publish/chromium.py).
        browser = playwright.chromium.launch(executable_path=chromium_executable(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture()
def context(browser):
    context = browser.new_context(viewport=DESKTOP, locale="zh-CN")
    yield context
    context.close()


@pytest.fixture()
def page(context):
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    page.close()


@pytest.fixture()
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    path = Path(os.environ.get("TWINCITY_ARTIFACTS", ARTIFACTS))
    path.mkdir(parents=True, exist_ok=True)
    return path
