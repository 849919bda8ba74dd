"""The third-language edition in Chromium: the language switch keeps the reader's page
and anchor into and out of it, and the 404 page of a path under its root is in it."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.shared import serving
from support.site import LANGUAGES, SITE_LANGUAGES
from support.third_language import CODE, PLACEHOLDER, build_third_language_site


@pytest.fixture(scope="module")
def third_url(third_language_site, tmp_path_factory):
    yield from serving(third_language_site, tmp_path_factory, "third-language", build_third_language_site)


def _switch_to(page, lang: str) -> None:
    page.locator(".md-select:has(a.md-select__link[hreflang])").hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{lang}']").click()


@pytest.mark.parametrize("start, target", [(LANGUAGES[1], CODE), (CODE, LANGUAGES[0])])
def test_the_switch_keeps_page_and_anchor_into_and_out_of_the_third_language(page, third_url, start, target):
    root = {**{code: language.root for code, language in SITE_LANGUAGES.items()}, CODE: f"{CODE}/"}
    page.goto(f"{third_url}{root[start]}agreements/#maritime-affairs", wait_until="load")
    _switch_to(page, target)
    url = urlsplit(page.url)
    assert (url.path, url.fragment) == (f"/{root[target]}agreements/", "maritime-affairs")
    assert page.locator("html").get_attribute("lang") == target


def test_a_missing_path_under_the_third_language_shows_its_404(page, third_url):
    page.goto(f"{third_url}{CODE}/no/such/page/", wait_until="load")
    assert page.locator("html").get_attribute("lang") == CODE
    assert page.locator("h1").inner_text().startswith(PLACEHOLDER)
    assert page.locator("[data-twincity-home]").get_attribute("href") == f"/{CODE}/"
    visible = page.locator(f'[data-twincity-not-found] > div[data-twincity-lang="{CODE}"]')
    assert (
        visible.is_visible()
        and not page.locator(f'[data-twincity-not-found] > div[data-twincity-lang="{LANGUAGES[1]}"]').is_visible()
    )
