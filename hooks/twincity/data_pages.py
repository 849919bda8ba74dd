"""What the build hook calls for the data pages: load data/ once per build, fill each
page's marker in its language, and publish the open-data files once, at the site root."""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError

from .errors import DataError, PageError
from .loading import SiteData, load_site_data
from .open_data import write_open_data
from .rendering import PageLinks, fill_markers

# The data of the current build, by mkdocs.yml path (the i18n plugin runs every event once per language).
_loaded: dict[Path, SiteData] = {}


def load_data(config) -> SiteData:
    """Load and validate data/ beside mkdocs.yml; a data mistake stops the build before anything is written."""
    root = _root(config)
    try:
        data = load_site_data(root / "data")
    except DataError as error:
        raise PluginError(str(error)) from None
    _loaded[root] = data
    return data


def fill_page(markdown: str, page, config) -> str:
    """Replace the page's `<!-- twincity:... -->` marker with the block for the page's language."""
    lang, default = _languages(page, config)
    links = PageLinks.for_page_url(page.url, lang, default)
    try:
        return fill_markers(
            markdown, page_slug=_slug(page.file.src_uri), lang=lang, data=_data(config),
            links=links, src=f"docs/{page.file.src_uri}",
        )
    except PageError as error:
        raise PluginError(str(error)) from None


def publish_open_data(config) -> None:
    """Write /data/*.json and /data/*.csv into the root site dir, once per build.

    mkdocs-static-i18n builds the other languages from inside the default language's
    `on_post_build` and is `building` while they run: those inner passes write nothing.
    """
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    write_open_data(config.site_dir, _data(config))


# -----------------------------------------------------------------------------
# Helper functions
# -----------------------------------------------------------------------------


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _data(config) -> SiteData:
    return _loaded.get(_root(config)) or load_data(config)


def _slug(src_uri: str) -> str:
    """'agreements.en.md' -> 'agreements'; 'index.md' -> 'index'."""
    return PurePosixPath(src_uri).name.split(".")[0]


def _languages(page, config) -> tuple[str, str]:
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n is not None else "zh"
    lang = getattr(page.file, "locale", None) or (i18n.current_language if i18n is not None else default)
    return lang, default
