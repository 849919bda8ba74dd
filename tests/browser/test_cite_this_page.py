"""In the browser: the citation box copies the page's citation (with the reader's own
date of access where the style has one) through Material's copy button, and neither
that nor opening the box asks any other host for anything."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from support.site import LANGUAGES


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_citation_box_copies_the_right_text(page, context, site_server, built_site, lang):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_server.rstrip("/"))
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(built_site.page_url("agreements", lang), wait_until="load")
    box = page.locator(".twincity-cite")
    box.locator("summary").click()
    code = box.locator("pre code")
    expected = code.inner_text().strip()
    today = page.evaluate(
        """() => { const d = new Date();
                   return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')
                          + '-' + String(d.getDate()).padStart(2, '0'); }"""
    )
    accessed = box.locator("[data-twincity-accessed]")
    if accessed.count():  # GB/T 7714: the reader's date of access, put in by the browser
        assert accessed.inner_text() == today
        assert f"[{today}]" in expected
    button = box.locator('button[data-md-type="copy"]')  # Material's copy button (9.8: .md-code__button)
    button.wait_for()
    assert button.get_attribute("title")  # Material's own label, in the page's language
    button.click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == expected
    assert built_site.page_url("agreements", lang) in copied
    assert re.search(r"\d{4}", copied)
    own = urlsplit(site_server).netloc
    assert [u for u in requests if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != own] == []
