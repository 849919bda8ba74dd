"""The language switcher in Chromium: it lands on the same page in the other language,
at the same #anchor, without Material's sitemap.xml requests or console errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from support.site import LANGUAGES, PAGE_IDS, PAGES, other_language, page_slugs

DEFAULT = LANGUAGES[0]

# (page, anchor): agreement and timeline ids and heading ids are the same in both languages.
PLACES = [
    ("", ""),
    ("agreements", "maritime-affairs"),
    ("agreements", "structure"),
    ("timeline", "dengzhou-prefecture"),
    ("history", "shared-roots"),
]


def _watch(page) -> tuple[list[str], list[str]]:
    """Console errors and uncaught exceptions, and the paths of every request."""
    errors, requested = [], []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("request", lambda request: requested.append(urlsplit(request.url).path))
    return errors, requested


def _switch_to(page, lang: str) -> None:
    """Open the language menu as a reader does and choose a language."""
    page.locator(".md-select:has(a.md-select__link[hreflang])").hover()
    with page.expect_navigation():
        page.locator(f"a.md-select__link[hreflang='{lang}']").click()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(("slug", "anchor"), PLACES, ids=[f"{s or 'home'}#{a}" for s, a in PLACES])
def test_switching_language_keeps_the_page_and_its_anchor(page, site_server, built_site, slug, anchor, lang):
    errors, requested = _watch(page)
    start = built_site.page_url(slug, lang) + (f"#{anchor}" if anchor else "")
    page.goto(start)
    if anchor:
        assert page.locator(f"[id='{anchor}']").count() == 1, f"{start} has no #{anchor}"

    other = other_language(lang)
    _switch_to(page, other)

    assert page.url == built_site.page_url(slug, other) + (f"#{anchor}" if anchor else "")
    assert page.locator("html").get_attribute("lang") == other
    if anchor:
        assert page.locator(f"[id='{anchor}']").count() == 1
    assert not [path for path in requested if path.endswith("sitemap.xml")]
    assert errors == []


def test_switching_back_and_forth_returns_to_the_same_place(page, site_server, built_site):
    errors, _ = _watch(page)
    page.goto(built_site.page_url("agreements", DEFAULT) + "#maritime-affairs")
    _switch_to(page, other_language(DEFAULT))
    _switch_to(page, DEFAULT)
    assert page.url == built_site.page_url("agreements", DEFAULT) + "#maritime-affairs"
    assert errors == []


def test_the_anchor_followed_last_is_the_one_kept(page, site_server, built_site):
    page.goto(built_site.page_url("agreements", other_language(DEFAULT)))
    page.locator("article a[href='#maritime-affairs']").first.click()  # a link in the text
    assert page.url.endswith("#maritime-affairs")
    _switch_to(page, DEFAULT)
    assert page.url == built_site.page_url("agreements", DEFAULT) + "#maritime-affairs"


def test_switcher_can_be_used_with_the_keyboard(page, site_server, built_site):
    page.goto(built_site.page_url("timeline", DEFAULT) + "#chuang-guandong")
    link = page.locator(f"a.md-select__link[hreflang='{other_language(DEFAULT)}']")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == built_site.page_url("timeline", other_language(DEFAULT)) + "#chuang-guandong"


def test_hreflang_links_stay_in_the_head_for_readers_of_the_dom(page, site_server, built_site):
    page.goto(built_site.page_url("agreements", other_language(DEFAULT)))
    page.wait_for_load_state("load")
    page.wait_for_function(f"document.querySelectorAll('link[rel=alternate][hreflang]').length >= {len(LANGUAGES)}")
    hreflangs = page.locator("link[rel=alternate][hreflang]").evaluate_all("links => links.map(l => l.hreflang)")
    assert set(LANGUAGES) <= set(hreflangs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_requests_a_sitemap_or_logs_an_error(page, site_server, built_site, lang):
    errors, requested = _watch(page)
    for slug in page_slugs():
        page.goto(built_site.page_url(slug, lang))
        page.wait_for_load_state("load")
    page.wait_for_timeout(200)  # Material fetches on DOMContentLoaded; let any request start
    assert [path for path in requested if path.endswith("sitemap.xml")] == []
    assert errors == []


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_switcher_marks_the_language_of_the_page(built_site, slug, lang):
    links = built_site.soup(slug, lang).select("a.md-select__link[hreflang]")
    current = [a["hreflang"] for a in links if a.get("aria-current") == "page"]
    assert current == [lang]
    # Every entry names its language in that language, and says so (lang), on every page.
    assert {a["hreflang"]: a.get("lang") for a in links} == {code: code for code in LANGUAGES}


def test_switcher_works_by_touch_on_a_phone(phone_page, site_server, built_site):
    phone_page.goto(built_site.page_url("agreements", DEFAULT) + "#maritime-affairs")
    phone_page.locator(".md-select:has(a.md-select__link[hreflang]) button").tap()
    link = phone_page.locator(f"a.md-select__link[hreflang='{other_language(DEFAULT)}']")
    assert link.is_visible()
    with phone_page.expect_navigation():
        link.tap()
    assert phone_page.url == built_site.page_url("agreements", other_language(DEFAULT)) + "#maritime-affairs"
