"""What the build hook calls for the data pages: fill each page's markers in its
language, and publish the open-data files once, at the site root."""

from __future__ import annotations

from mkdocs.exceptions import PluginError

from ..config.languages import Languages
from ..config.pages import page_slug
from ..data.site_data import SiteData
from ..errors import PageError
from ..publish.open_data import write_open_data
from .links import PageLinks
from .markers import fill_markers
from .rendering import RenderContext


def fill_page(markdown: str, page, config, files, languages: Languages, data: SiteData, trust=None) -> str:
    """Replace the page's `<!-- twincity:... -->` markers with the blocks for the page's language."""
    language = languages[getattr(page.file, "locale", None) or languages.current(config).code]
    ctx = RenderContext(
        data=data,
        texts=language.texts,
        catalogues={lang.code: lang.texts for lang in languages},
        source=languages.source,
        links=PageLinks.from_files(page, files, language.code),
        src=f"docs/{page.file.src_uri}",
        home_url=languages.absolute(language),
        trust=trust,
    )
    try:
        return fill_markers(markdown, page_slug=page_slug(page.file.src_uri), ctx=ctx)
    except PageError as error:
        raise PluginError(str(error)) from None


def publish_open_data(config, languages: Languages, data: SiteData, licence=None) -> None:
    """Write /data/*.json and /data/*.csv into the root site dir, once per build.

    mkdocs-static-i18n builds the other languages from inside the default language's
    `on_post_build` and is `building` while they run: those inner passes write nothing.
    """
    if config.plugins["i18n"].building:
        return
    write_open_data(config.site_dir, data, {lang.code: lang.texts for lang in languages}, licence)
