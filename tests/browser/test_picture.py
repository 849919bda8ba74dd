"""What a reader sees of the schematic, the 1+15 picture and the fact sheet, in Chromium:
every place drawn and linked, labels readable at 375 px and in the dark scheme, a QR code
that scans to the right address, and a fact sheet and PDF that are one A4 page each."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from support.data import load
from support.qr import decode_png
from support.site import LANGUAGES, ROOT, catalogues
from twincity.pages.rendering import factsheet_pdf_name as pdf_name

DATA = load(ROOT / "data")
CATALOGUES = catalogues()
SCHEMATIC_PAGES = ["agreements", "factsheet"]
PAGES = [(slug, lang) for slug in SCHEMATIC_PAGES for lang in LANGUAGES]
PAGE_IDS = [f"{lang}:{slug or 'home'}" for slug, lang in PAGES]
A4 = (595.28, 841.89)  # points
# The key figures each language's PDF must hold as text.
KEY_FIGURES = {
    "zh": ["59海里（109公里）", "1+15", "70%以上", "1200万辆次", "4700万人次", "2035年", "2025年2月17日"],
    "en": [
        "59 nautical miles (109 km)",
        "1+15",
        "Over 70%",
        "12 million vehicles",
        "47 million passengers",
        "2035",
        "17 February 2025",
    ],
}
SCHEMES = {"light": "default", "dark": "slate"}


def _open(browser, url, *, width=1280, scheme="light", phone=False):
    context = browser.new_context(
        viewport={"width": width, "height": 800},
        color_scheme=scheme,
        is_mobile=phone,
        has_touch=phone,
        device_scale_factor=2 if phone else 1,
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(url, wait_until="load")
    page.evaluate("document.fonts.ready.then(() => true)")
    return context, page


# -----------------------------------------------------------------------------
# The schematic
# -----------------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_schematic_draws_and_links_every_place_in_the_pages_language(browser, site_server, built_site, slug, lang):
    t = CATALOGUES[lang]["schematic"]
    agreement_ids = {tag["id"] for tag in built_site.soup("agreements", lang).select("[id]")}
    context, page = _open(browser, built_site.page_url(slug, lang))
    try:
        svg = page.locator("svg.twincity-schematic__svg")
        assert svg.count() == 1
        assert svg.get_attribute("lang") == lang
        assert page.locator("#twincity-schematic__title").text_content() == t["title"]
        places = page.eval_on_selector_all(
            "svg.twincity-schematic__svg a[data-place]",
            """links => links.map(a => ({id: a.dataset.place, href: new URL(a.getAttribute('href'), location.href).href, lang: a.querySelector('text').getAttribute('lang'),
                                       text: a.querySelector('text').textContent, visible: a.getBoundingClientRect().width > 0}))""",
        )
        assert sorted(p["id"] for p in places) == sorted(p.id for p in DATA.places)
        names = {p.id: p.name[lang] for p in DATA.places}
        for place in places:
            assert place["lang"] == lang and place["text"] == names[place["id"]] and place["visible"]
            page_url, _, anchor = place["href"].partition("#")
            assert page_url == built_site.page_url("agreements", lang) and anchor in agreement_ids, place
        # Every link takes the keyboard focus.
        for index in range(len(places)):
            focused = page.evaluate(
                "i => { const a = document.querySelectorAll('svg.twincity-schematic__svg a')[i]; a.focus(); return document.activeElement === a; }",
                index,
            )
            assert focused
        # The label is visible; the text alternative and the table give the same pairs.
        assert page.locator("svg.twincity-schematic__svg text", has_text=t["not_a_map"]).is_visible()
        description = page.locator("#twincity-schematic__desc").text_content()
        rows = page.eval_on_selector_all(
            "table.twincity-schematic__pairs tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
        )
        assert len(rows) == 5
        for dalian, yantai, _ in rows:
            assert t["pair"].format(dalian=dalian, yantai=yantai) in description
        follows = page.evaluate("""() => {
            const fig = document.querySelector('figure.twincity-schematic');
            const next = fig.nextElementSibling;
            return next && next.matches('table.twincity-schematic__pairs'); }""")
        assert follows, "the table of pairs comes right after the schematic"
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_picture_labels_are_at_least_12_px(browser, site_server, built_site, slug, lang, width):
    context, page = _open(browser, built_site.page_url(slug, lang), width=width, phone=width == 375)
    try:
        sizes = page.eval_on_selector_all(
            "svg.twincity-schematic__svg text, svg.twincity-glance__svg text",
            "els => els.map(e => e.getScreenCTM().a * parseFloat(getComputedStyle(e).fontSize))",
        )
        assert sizes and min(sizes) >= 12, min(sizes)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, "the page scrolls sideways"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pictures_follow_the_colour_scheme(browser, site_server, built_site, lang):
    fills = {}
    for scheme, material in SCHEMES.items():
        # The agreements page draws both pictures (the home page, since issue 17, the 1+15 one only).
        context, page = _open(browser, built_site.page_url("agreements", lang), scheme=scheme)
        try:
            assert page.locator("body").get_attribute("data-md-color-scheme") == material
            fills[scheme] = page.evaluate("""() => ({
                text: getComputedStyle(document.querySelector('.twincity-schematic__side')).fill,
                body: getComputedStyle(document.querySelector('.md-typeset')).color,
                link: getComputedStyle(document.querySelector('.twincity-schematic__svg a text')).fill,
                linkColour: getComputedStyle(document.querySelector('.md-typeset a')).color,
                cell: getComputedStyle(document.querySelector('.twincity-glance__cell')).fill })""")
        finally:
            context.close()
        assert fills[scheme]["text"] == fills[scheme]["body"]
    assert fills["light"]["text"] != fills["dark"]["text"]
    assert fills["light"]["cell"] != fills["dark"]["cell"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glance_links_each_group_with_its_count(browser, site_server, built_site, lang):
    context, page = _open(browser, built_site.page_url("", lang))
    try:
        groups = page.eval_on_selector_all(
            "svg.twincity-glance__svg a[data-group]",
            "links => links.map(a => [a.dataset.group, new URL(a.getAttribute('href'), location.href).href, a.querySelectorAll('rect.twincity-glance__cell').length])",
        )
        counts = {
            g: sum(1 for a in DATA.agreements if a.group == g)
            for g in ("framework", "sector", "district", "enterprise")
        }
        assert [(g, n) for g, _, n in groups] == list(counts.items())
        headings = {tag["id"] for tag in built_site.soup("agreements", lang).select("h2[id], h3[id]")}
        for group, href, _ in groups:
            assert href == built_site.page_url("agreements", lang) + f"#group-{group}" and f"group-{group}" in headings
    finally:
        context.close()


# -----------------------------------------------------------------------------
# The fact sheet
# -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_qr_code_scans_to_the_languages_home_page(browser, site_server, built_site, lang):
    context, page = _open(browser, built_site.page_url("factsheet", lang))
    try:
        code = page.locator("svg.twincity-qr__code")
        assert code.get_attribute("role") == "img" and code.locator("title").text_content()
        assert decode_png(page, code.screenshot()) == [built_site.page_url("", lang)]
        page.emulate_media(media="print")
        assert decode_png(page, code.screenshot()) == [built_site.page_url("", lang)]
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_printed_fact_sheet_is_one_a4_page_without_navigation(browser, site_server, built_site, artifacts_dir, lang):
    context, page = _open(browser, built_site.page_url("factsheet", lang))
    try:
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        page.emulate_media(media="print")
        for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
            assert not page.locator(chrome).first.is_visible(), chrome
        page.set_viewport_size({"width": 703, "height": 1039})  # A4 less the page margins, at 96 dpi
        path = artifacts_dir / "screenshots" / lang / "factsheet-print.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=True)
    finally:
        context.close()
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width), 0), round(float(box.height), 0)) == (round(A4[0]), round(A4[1]))


def _fonts(resources, seen=None) -> list:
    """Every font a page uses, in its resources and in those of its form XObjects."""
    seen = set() if seen is None else seen
    fonts = []
    resources = resources.get_object() if resources is not None else {}
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        if font["/Subtype"] == "/Type3":  # glyph outlines in the PDF itself: embedded by nature
            fonts.append(font)
            continue
        fonts += [d.get_object() for d in font.get("/DescendantFonts", [font])]
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.idnum not in seen and "/Resources" in xobject.get_object():
            seen.add(xobject.idnum)
            fonts += _fonts(xobject.get_object()["/Resources"], seen)
    return fonts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_published_pdf_is_one_a4_page_of_real_text_in_its_language(built_site, lang):
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    path = built_site.dir / prefix / "factsheet" / pdf_name(lang)
    reader = PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(A4[0]), round(A4[1]))
    text = reader.pages[0].extract_text()
    for figure in KEY_FIGURES[lang]:
        assert figure in text, figure
    # Chinese is extracted as the page writes it (no Kangxi radicals for shared glyphs).
    page_text = built_site.soup("factsheet", lang).get_text()
    assert {c for c in text if "\u2e80" <= c <= "\u9fff"} - set(page_text) == set()
    title = built_site.soup("factsheet", lang).title.get_text()
    assert reader.metadata.title == title
    assert str(reader.trailer["/Root"]["/Lang"]).startswith(lang)
    fonts = _fonts(reader.pages[0]["/Resources"])
    # Embedded: Latin as TrueType subsets; Chinese as Type 3 outlines (Chromium cannot subset CFF-based Noto CJK).
    assert fonts
    for font in fonts:
        assert (
            font["/Subtype"] == "/Type3"
            and "/CharProcs" in font
            or any(k in font["/FontDescriptor"].get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
        ), font
    # Linked from the fact sheet and from the home page.
    for slug in ("factsheet", ""):
        hrefs = [
            a["href"] for a in built_site.soup(slug, lang).select(".twincity-factsheet__pdf a[type='application/pdf']")
        ]
        assert len(hrefs) == 1
        target = (built_site.page_path(slug, lang).parent / hrefs[0]).resolve()
        assert target == path.resolve()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_screenshots_of_the_pictures(browser, site_server, built_site, artifacts_dir, slug, lang, width, scheme):
    """For a person to look at: test-artifacts/screenshots/<lang>/pictures/<page>-<width>-<scheme>.png."""
    context, page = _open(browser, built_site.page_url(slug, lang), width=width, scheme=scheme, phone=width == 375)
    try:
        folder = artifacts_dir / "screenshots" / lang / "pictures"
        folder.mkdir(parents=True, exist_ok=True)
        figure = page.locator("figure.twincity-schematic")
        figure.scroll_into_view_if_needed()
        png = figure.screenshot(path=str(folder / f"{slug or 'home'}-schematic-{width}-{scheme}.png"))
        page.locator("figure.twincity-glance").screenshot(
            path=str(folder / f"{slug or 'home'}-glance-{width}-{scheme}.png")
        )
    finally:
        context.close()
    assert len(png) > 5_000
