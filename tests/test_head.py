"""Every page's <head> speaks for it to search engines and link previews, in its language."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import meta as front_matter

from support.site import (
    LANGUAGES,
    PAGE_IDS,
    PAGES,
    SITE_LANGUAGES,
    catalogues,
    copy_project,
    page_source,
    site_languages,
)
from twincity.errors import ConfigError
from twincity.head import a11y, meta

TEXTS = catalogues()
OG_LOCALE = {lang: TEXTS[lang]["language.og_locale"] for lang in LANGUAGES}
DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[1]


def _source(slug: str, lang: str):
    return front_matter.get_data(page_source(slug, lang).read_text("utf-8"))


def _meta(soup: BeautifulSoup, key: str) -> list[str]:
    """Contents of every <meta property=key> or <meta name=key>."""
    tags = soup.head.find_all("meta", attrs={"property": key}) + soup.head.find_all("meta", attrs={"name": key})
    return [tag["content"] for tag in tags]


def _one(soup: BeautifulSoup, key: str) -> str:
    values = _meta(soup, key)
    assert len(values) == 1, f"expected one {key}, found {values}"
    return values[0]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_canonical_is_the_absolute_url_of_the_page_in_its_own_language(built_site, slug, lang):
    links = built_site.soup(slug, lang).head.find_all("link", rel="canonical")
    assert [link["href"] for link in links] == [built_site.page_url(slug, lang)]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_hreflang_alternates_are_absolute_with_x_default_on_the_default_languages_page(built_site, slug, lang):
    links = built_site.soup(slug, lang).head.find_all("link", rel="alternate", hreflang=True)
    alternates = {link["hreflang"]: link["href"] for link in links}
    assert len(links) == len(alternates), "an hreflang appears twice"
    assert alternates == {
        **{other: built_site.page_url(slug, other) for other in LANGUAGES},
        "x-default": built_site.page_url(slug, DEFAULT),
    }


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_meta_description_is_the_pages_own_front_matter_description(built_site, slug, lang):
    _, front = _source(slug, lang)
    assert front.get("description"), f"docs page {slug or 'index'} ({lang}) has no description"
    soup = built_site.soup(slug, lang)
    assert _one(soup, "description") == front["description"]
    assert _one(soup, "og:description") == front["description"]
    assert _one(soup, "twitter:description") == front["description"]


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_open_graph_describes_the_page_in_its_language(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    h1 = soup.select_one("article h1").get_text(" ", strip=True).removesuffix("¶").strip()
    site_name = soup.select_one(".md-header__topic .md-ellipsis").get_text(strip=True)
    assert _one(soup, "og:site_name") == site_name
    # The home page's title stands alone in a chat: the site's name and what it is about.
    home_title = TEXTS[lang]["head.home_title"]
    assert slug or (home_title.startswith(site_name) and home_title != site_name)
    assert _one(soup, "og:title") == (home_title if not slug else h1)
    assert _one(soup, "og:url") == built_site.page_url(slug, lang)
    assert _one(soup, "og:type") == ("website" if not slug else "article")
    assert _one(soup, "og:locale") == OG_LOCALE[lang]
    assert _meta(soup, "og:locale:alternate") == [v for k, v in OG_LOCALE.items() if k != lang]
    assert _one(soup, "twitter:card") == "summary_large_image"
    assert _one(soup, "twitter:title") == _one(soup, "og:title")
    pattern = TEXTS[lang]["head.title_pattern"]
    assert soup.title.get_text() == (home_title if not slug else pattern.format(page=h1, site=site_name))


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_preview_image_is_the_sites_own_png_with_size_and_alt(built_site, slug, lang):
    soup = built_site.soup(slug, lang)
    image = _one(soup, "og:image")
    assert image == built_site.url + meta.IMAGE_PATH
    assert _one(soup, "twitter:image") == image
    assert _one(soup, "og:image:width") == "1200"
    assert _one(soup, "og:image:height") == "630"
    alt = _one(soup, "og:image:alt")
    assert alt == TEXTS[lang]["head.image_alt"] and alt == _one(soup, "twitter:image:alt")
    png = (built_site.dir / meta.IMAGE_PATH).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1200, 630)


@pytest.mark.parametrize(("slug", "lang"), PAGES, ids=PAGE_IDS)
def test_search_dialog_has_an_accessible_name_in_the_page_language(built_site, slug, lang):
    dialog = built_site.soup(slug, lang).select_one('.md-search[role="dialog"]')
    assert dialog["aria-label"] == TEXTS[lang]["a11y.search_dialog"]


def test_search_dialog_fix_fails_loudly_when_materials_markup_changes():
    changed = '<div class="md-search" role="dialog" data-md-component="search">'
    with pytest.raises(ConfigError, match="markup changed"):
        a11y.name_search_dialog(changed, TEXTS[DEFAULT]["a11y.search_dialog"])
    assert (
        a11y.name_search_dialog("<p>no search here</p>", TEXTS[DEFAULT]["a11y.search_dialog"])
        == "<p>no search here</p>"
    )


# -----------------------------------------------------------------------------
# Escaping: a crafted page in a temporary copy of the project
# -----------------------------------------------------------------------------

CRAFTED_DESCRIPTION = "Quotes \" and ' and <script>alert(1)</script> & “全角”"
CRAFTED_TITLE = 'A <em>crafted</em> & "quoted" title'


@pytest.fixture(scope="module")
def crafted_site(tmp_path_factory):
    """The project copied aside, its history page given a hostile description and title."""
    work = copy_project(tmp_path_factory.mktemp("crafted"))
    page = page_source("history", OTHER, work)
    _, front = front_matter.get_data(page.read_text("utf-8"))
    body = page.read_text("utf-8").split("---", 2)[2]
    description = CRAFTED_DESCRIPTION.replace("'", "''")
    page.write_text(f"---\ndescription: '{description}'\ntitle: '{CRAFTED_TITLE}'\n---\n{body}", "utf-8")
    config = load_config(str(work / "mkdocs.yml"), site_dir=str(work / "site"), site_url="https://example.org/twin/")
    build(config)
    html = (work / "site" / SITE_LANGUAGES[OTHER].root / "history" / "index.html").read_text("utf-8")
    return html


def test_description_with_quotes_and_markup_stays_inside_its_tags(crafted_site):
    soup = BeautifulSoup(crafted_site, "html.parser")
    for key in ("description", "og:description", "twitter:description"):
        assert _one(soup, key) == CRAFTED_DESCRIPTION
    assert "<script>alert(1)</script>" not in crafted_site
    assert not soup.head.find("script", string="alert(1)")


def test_title_with_html_is_shown_as_text(crafted_site):
    soup = BeautifulSoup(crafted_site, "html.parser")
    expected = TEXTS[OTHER]["head.title_pattern"].format(
        page='A crafted & "quoted" title', site=site_languages()[OTHER].site_name
    )
    assert soup.title.get_text() == expected
    assert soup.head.find("em") is None


def test_absolute_links_follow_site_url_with_a_path(crafted_site):
    soup = BeautifulSoup(crafted_site, "html.parser")
    root = SITE_LANGUAGES[OTHER].root
    assert soup.head.find("link", rel="canonical")["href"] == f"https://example.org/twin/{root}history/"
    alternates = {x["hreflang"]: x["href"] for x in soup.head.find_all("link", hreflang=True)}
    assert alternates["x-default"] == "https://example.org/twin/history/"
    assert _one(soup, "og:image") == "https://example.org/twin/assets/images/social-card.png"
