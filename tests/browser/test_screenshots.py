"""A full-page screenshot of every page at desktop and phone width, for a person to look at.

Saved as test-artifacts/screenshots/<lang>/<page>-<width>.png.
"""

from __future__ import annotations

import pytest

from support.site import PAGE_IDS, PAGES

WIDTHS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 740}}
# Noto Sans CJK / PingFang / YaHei draw a Chinese character about as wide as it is high;
# a missing CJK font shows boxes or falls back to narrow glyphs.
CJK_GLYPH_RATIO = (0.9, 1.1)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_screenshot_shows_the_page_heading_and_text(browser, site_server, built_site, artifacts_dir, slug, lang, width):
    phone = width == "phone"
    context = browser.new_context(viewport=WIDTHS[width], is_mobile=phone, has_touch=phone, locale="zh-CN")
    page = context.new_page()
    try:
        page.goto(built_site.page_url(slug, lang), wait_until="load")
        page.evaluate("document.fonts.ready")
        h1 = page.locator("article h1").first
        assert h1.is_visible() and h1.inner_text().strip()
        box = h1.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[width]["width"]
        assert len(page.locator("article").first.inner_text().strip()) > len(h1.inner_text().strip()), (
            "no text under the heading"
        )
        glyph = page.evaluate(
            """() => { const s = document.createElement('span');
                       s.textContent = '烟'; s.style.fontSize = '100px';
                       document.querySelector('article').append(s);
                       const r = s.getBoundingClientRect(); s.remove(); return r.width / 100; }"""
        )
        assert CJK_GLYPH_RATIO[0] <= glyph <= CJK_GLYPH_RATIO[1], f"Chinese glyph width ratio {glyph}"
        path = artifacts_dir / "screenshots" / lang / f"{slug or 'home'}-{WIDTHS[width]['width']}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        png = page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    height = int.from_bytes(png[20:24], "big")
    assert height >= WIDTHS[width]["height"] - 1
    # A blank page compresses to almost nothing; a page with a header and text does not.
    assert len(png) > 15_000, f"screenshot is only {len(png)} bytes: blank?"
