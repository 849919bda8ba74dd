"""Pages fit a phone screen, the navigation drawer works there, and printing shows the content only."""

from __future__ import annotations

import pytest

from support.site import LANGUAGES, PAGE_IDS, PAGES, page_slugs

PHONE_WIDTH = 375
# What printing leaves out: header, navigation and table of contents, search, footer.
NOT_PRINTED = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search", ".md-footer", ".md-top"]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_page_does_not_scroll_sideways_on_a_phone(phone_page, site_server, built_site, slug, lang):
    phone_page.goto(built_site.page_url(slug, lang), wait_until="load")
    assert phone_page.evaluate("window.innerWidth") == PHONE_WIDTH
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    wide = phone_page.evaluate(
        """(limit) => [...document.querySelectorAll('.md-content *')]
             .filter(e => e.getBoundingClientRect().right > limit + 1
                          && getComputedStyle(e).overflowX !== 'auto'
                          && !e.closest('[style*=overflow], .md-typeset__scrollwrap, pre'))
             .slice(0, 5).map(e => e.tagName + '.' + e.className)""",
        PHONE_WIDTH,
    )
    assert width <= PHONE_WIDTH, f"page is {width} px wide; too wide: {wide}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_drawer_opens_on_a_phone_and_shows_every_page(phone_page, site_server, built_site, lang):
    phone_page.goto(built_site.page_url("history", lang), wait_until="load")
    links = phone_page.locator(".md-nav--primary > .md-nav__list > .md-nav__item > .md-nav__link")
    # The titles shown on screen (the current page's entry is a label that opens its contents).
    on_screen = """(links, width) => new Set(links.filter(a => {
        const r = a.getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.right <= width;
      }).map(a => a.textContent.trim())).size"""
    assert links.evaluate_all(on_screen, PHONE_WIDTH) == 0, "the navigation shows before the drawer is opened"
    phone_page.click('label.md-header__button[for="__drawer"]')
    phone_page.wait_for_function(
        "() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0"
    )
    assert links.evaluate_all(on_screen, PHONE_WIDTH) == len(page_slugs())


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_printing_shows_the_content_without_header_navigation_search_or_footer(
    page, site_server, built_site, slug, lang
):
    page.goto(built_site.page_url(slug, lang), wait_until="load")
    page.emulate_media(media="print")
    for selector in NOT_PRINTED:
        shown = [el for el in page.locator(selector).all() if el.is_visible()]
        assert shown == [], f"{selector} is printed"
    assert page.locator("article h1").first.is_visible()
    assert page.locator("article").first.inner_text().strip()
    box = page.locator(".md-content").first.bounding_box()
    assert box and box["width"] > 0.8 * page.viewport_size["width"], "the content does not use the page width"
