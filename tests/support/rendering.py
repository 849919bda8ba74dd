"""The context a generated block is rendered in on a page of the site, as the hook gives
it (pages/rendering.RenderContext), for tests that render blocks without a build: the
language's catalogue, and links to every page of the site under the language's root."""

from __future__ import annotations

from twincity.config.pages import page_url as url_from_root
from twincity.pages.links import PageLinks
from twincity.pages.rendering import RenderContext

from .site import SITE_LANGUAGES, SOURCE_LANGUAGE, catalogues, page_slugs

# Every page of the site by its file's slug ('index' is the home page).
SLUGS = [slug or "index" for slug in page_slugs()]


def page_links(page_url: str, lang: str, titles: dict[str, str] | None = None) -> PageLinks:
    """Links from a page at `page_url` to the site's pages in `lang`, as MkDocs' files give them."""
    root = SITE_LANGUAGES[lang].root
    targets = {slug: root + url_from_root(slug) for slug in SLUGS}
    return PageLinks(page_url=page_url, targets=targets, titles=titles or {})


def render_context(
    lang: str, data, page: str = "x", *, url: str | None = None, src: str | None = None
) -> RenderContext:
    """As on the page `page` of the language (its URL unless `url` is given), with `data`."""
    texts = catalogues()
    url = url if url is not None else SITE_LANGUAGES[lang].root + url_from_root(page)
    return RenderContext(
        data=data,
        texts=texts[lang],
        catalogues=texts,
        source=SOURCE_LANGUAGE,
        links=page_links(url, lang),
        src=src or f"docs/{page}.md",
    )
