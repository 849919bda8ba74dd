"""What each page's <head> says to search engines and link previews.

The build hook puts a `PageHead` into every page's template context as `twincity_head`;
`overrides/main.html` writes it out, escaping every value. Everything absolute is
derived from `site_url` and the i18n plugin's language links, so there is no second
place to keep in step with mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The site's own preview image (tools/social_card.py draws it).
IMAGE_PATH = "assets/images/social-card.png"
IMAGE_WIDTH = 1200
IMAGE_HEIGHT = 630
IMAGE_ALT = {
    "zh": "烟大双城记：烟台与大连隔渤海海峡相望",
    "en": "Yantai–Dalian Twin-City Linkage: Yantai and Dalian face each other across the Bohai Strait",
}

# Open Graph locales of the site's languages.
OG_LOCALES = {"zh": "zh_CN", "en": "en_US"}


@dataclass(frozen=True)
class PageHead:
    """Plain-text values for a page's <head>; the template escapes them."""

    lang: str
    title: str  # the page's own title (the site name on the home page)
    document_title: str  # what <title> shows
    description: str
    site_name: str
    canonical: str
    alternates: tuple[tuple[str, str], ...]  # (hreflang, absolute URL), x-default last
    og_type: str
    og_locale: str
    og_locale_alternates: tuple[str, ...]
    image: str
    image_width: int
    image_height: int
    image_alt: str


# -----------------------------------------------------------------------------
# Functions
# -----------------------------------------------------------------------------


def page_head(page: Page, config: MkDocsConfig) -> PageHead:
    """The <head> values of one page in the language being built."""
    if not config.site_url:
        raise ValueError("mkdocs.yml: site_url must be set, canonical and hreflang links need it")
    i18n = config.plugins["i18n"]
    current = i18n.current_language
    prefixes = _language_prefixes(config)
    if current not in prefixes:
        raise ValueError(f"head: language {current!r} is not among the i18n languages")
    default = next(lang.locale for lang in i18n.config.languages if lang.default)

    # The page's URL without its language prefix is the same in every language.
    prefix = prefixes[current]
    if not page.url.startswith(prefix):
        raise ValueError(f"head: {page.file.src_uri}: URL {page.url!r} lacks the prefix {prefix!r}")
    base = page.url[len(prefix) :]
    site_url = config.site_url
    urls = {lang: urljoin(site_url, p + base) for lang, p in prefixes.items()}
    alternates = tuple(urls.items()) + (("x-default", urls[default]),)

    # Each language's home page ('', 'en/'): Material's is_homepage is true for '' only.
    is_home = base in ("", "index.html")
    site_name = config.site_name
    title = site_name if is_home else _plain(page.title or site_name)
    meta = page.meta or {}
    description = str(meta.get("description") or config.site_description or "")
    document_title = _plain(str(meta["title"])) if meta.get("title") else title
    if not is_home and document_title != site_name:
        document_title = f"{document_title} - {site_name}"

    return PageHead(
        lang=current,
        title=title,
        document_title=document_title,
        description=description,
        site_name=site_name,
        canonical=urls[current],
        alternates=alternates,
        og_type="website" if is_home else "article",
        og_locale=OG_LOCALES[current],
        og_locale_alternates=tuple(OG_LOCALES[lang] for lang in prefixes if lang != current),
        image=urljoin(site_url, IMAGE_PATH),
        image_width=IMAGE_WIDTH,
        image_height=IMAGE_HEIGHT,
        image_alt=IMAGE_ALT[current],
    )


def _language_prefixes(config: MkDocsConfig) -> dict[str, str]:
    """URL prefix of every built language: {'zh': '', 'en': 'en/'}."""
    prefixes = {}
    for lang in config.plugins["i18n"].config.languages:
        if not lang.build:
            continue
        if lang.locale not in OG_LOCALES:
            raise ValueError(f"head: no Open Graph locale for language {lang.locale!r}")
        link = (lang.link or "/").strip("/")
        prefixes[lang.locale] = f"{link}/" if link else ""
    return prefixes


def _plain(text: str) -> str:
    """Text without tags or entities, as a title shows it."""
    return Markup(text).striptags()
