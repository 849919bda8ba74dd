"""What each page's <head> says to search engines and link previews.

The build hook puts a `PageHead` into every page's template context as `twincity_head`;
`overrides/main.html` writes it out, escaping every value. Everything absolute is
derived from `site_url` and the languages (`languages.py`), so there is no second
place to keep in step with mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from ..config.languages import Languages
from ..errors import ConfigError

# -----------------------------------------------------------------------------
# Data
# -----------------------------------------------------------------------------

# The site's own preview image (tools/social_card.py draws it); its alt text is in the catalogues.
IMAGE_PATH = "assets/images/social-card.png"
IMAGE_WIDTH = 1200
IMAGE_HEIGHT = 630


@dataclass(frozen=True)
class PageHead:
    """Plain-text values for a page's <head>; the template escapes them."""

    lang: str
    title: str  # the page's own title (on the home page: the site's name and what it is about)
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


def page_head(page: Page, config: MkDocsConfig, languages: Languages) -> PageHead:
    """The <head> values of one page in the language being built."""
    current = languages.current(config)
    if languages.of_url(page.url) is not current:
        raise ConfigError(
            f"{page.file.src_uri}: URL {page.url!r} is not under the root {current.root!r} "
            f"of its language {current.code!r}"
        )
    # The page's URL without its language root is the same in every language.
    base = languages.without_root(page.url)
    urls = {lang.code: languages.absolute(lang, base) for lang in languages}
    alternates = tuple(urls.items()) + (("x-default", urls[languages.default.code]),)

    # Each language's home page ('', 'en/'): Material's is_homepage is true for '' only.
    is_home = base in ("", "index.html")
    site_name = config.site_name
    # The home page's title says what the site is about, not only its short name: in a
    # chat it is shown alone (catalogue: head.home_title).
    title = current.texts["head.home_title"] if is_home else _plain(page.title or site_name)
    meta = page.meta or {}
    description = str(meta.get("description") or config.site_description or "")
    document_title = _plain(str(meta["title"])) if meta.get("title") else title
    if not is_home and document_title != site_name:
        document_title = current.texts["head.title_pattern"].format(page=document_title, site=site_name)

    return PageHead(
        lang=current.code,
        title=title,
        document_title=document_title,
        description=description,
        site_name=site_name,
        canonical=urls[current.code],
        alternates=alternates,
        og_type="website" if is_home else "article",
        og_locale=current.texts["language.og_locale"],
        og_locale_alternates=tuple(lang.texts["language.og_locale"] for lang in languages if lang is not current),
        image=urljoin(languages.site_url, IMAGE_PATH),
        image_width=IMAGE_WIDTH,
        image_height=IMAGE_HEIGHT,
        image_alt=current.texts["head.image_alt"],
    )


def _plain(text: str) -> str:
    """Text without tags or entities, as a title shows it."""
    return Markup(text).striptags()
