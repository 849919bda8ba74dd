"""The built site opens in Chromium in both languages."""

import pytest

from support.site import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_opens_in_chromium(page, site_server, built_site, lang):
    response = page.goto(built_site.page_url("", lang))
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").first.is_visible()
