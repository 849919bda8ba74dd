"""The site as the hook sees it in one build: its languages and its data, set up once
in `on_config` and asked for by every later event.

Setting up checks everything a language needs before anything is written: its entry
in mkdocs.yml, its catalogue, a translation of every page and a text in every data
field. All that is missing is listed in one message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from .config.checks import nav_problems
from .config.languages import Languages, built_codes
from .config.report import trust_settings
from .config.yaml_aliases import alias_problems
from .data.loading import load_site_data
from .data.site_data import SiteData
from .errors import ConfigError, DataError
from .pages.checks import page_problems
from .pages.updates import TrustContext, check_updates
from .publish import not_found
from .publish.open_data import check_descriptions


@dataclass(frozen=True)
class Site:
    languages: Languages | None
    data: SiteData | None
    trust: TrustContext | None = None  # licence, report address, the pages' titles (config/report.py, pages/updates.py)
    # Under `make serve` a mistake does not stop the server: the build goes on with every
    # page showing this message (STOPPED_PAGE), and the events skip their work.
    stopped: str | None = None


# By mkdocs.yml path: mkdocs-static-i18n runs every event once per language, and tests
# build several projects in one process.
_sites: dict[Path, Site] = {}

log = logging.getLogger("mkdocs.hooks.twincity")

# For the maintainer at the console and in the browser under `make serve`, like the build's own messages.
STOPPED_PAGE = "# The build stopped\n\nFix these files and the page reloads:\n\n```text\n{message}\n```\n"


def set_up(config, *, serving: bool = False) -> Site:
    """Read the languages, check what each needs and load data/; ConfigError lists every problem.

    `serving` (`make serve`): instead of stopping, log the problems and return a stopped
    Site, so that the browser shows them in place of every page until they are fixed.
    """
    problems: list[str] = []
    languages = None
    try:
        languages = Languages.from_config(config)
        check_descriptions({lang.code: lang.texts for lang in languages})
    except ConfigError as error:
        problems.append(str(error))
    try:
        codes = built_codes(config)
    except ConfigError:  # no default language (reported above): nothing else can be checked
        raise ConfigError("\n".join(problems)) from None
    problems += missing_translations(Path(config.docs_dir), codes)
    problems += nav_problems(config)
    problems += page_problems(Path(config.docs_dir), codes)
    problems += alias_problems(config.config_file_path, "mkdocs.yml")  # tools/config_guard.py runs it earlier
    trust = None
    try:
        trust = TrustContext(trust_settings(config), Path(config.docs_dir), codes[0])
    except ConfigError as error:
        problems.append(str(error))
    data = None
    try:
        data = load_site_data(config_root(config) / "data", codes, sources_dir=config_root(config) / "sources")
        check_updates(data, Path(config.docs_dir))
    except DataError as error:
        problems.append(str(error))
    if problems and not serving:
        raise ConfigError("\n".join(problems))
    if problems:
        message = "\n".join(problems)
        log.error(f"twincity: the build stopped (the server goes on; fix the files and it rebuilds):\n{message}")
        site = Site(languages, data, trust, stopped=message)
    else:
        site = Site(languages, data, trust)
    _sites[config_root(config)] = site
    return site


def keep_serving(config) -> None:
    """A stopped served build writes its pages only: the 404 page needs the languages the set-up could not give."""
    config.theme.static_templates.discard(not_found.TEMPLATE)


def stopped_page(site: Site) -> str:
    """The Markdown every page shows while a served build is stopped: the problems, as the console has them."""
    return STOPPED_PAGE.format(message=site.stopped)


def site_of(config) -> Site:
    """The site set up by this build's `on_config`."""
    site = _sites.get(config_root(config))
    return site if site is not None else set_up(config)


def missing_translations(docs_dir: Path, codes: tuple[str, ...]) -> list[str]:
    """Every page of the default language without its translation, and every page in a
    language the site does not have (docs/page.CODE.md with CODE not among the languages)."""
    problems = []
    pages = sorted(docs_dir.rglob("*.md"))
    originals = [p for p in pages if "." not in p.name[: -len(".md")]]
    missing = [
        _display(page.with_name(page.name.replace(".md", f".{code}.md")), docs_dir)
        for code in codes[1:]
        for page in originals
        if not page.with_name(page.name.replace(".md", f".{code}.md")).exists()
    ]
    if missing:
        problems.append(
            f"{len(missing)} page(s) have no translation (every page is written in every language):\n  "
            + "\n  ".join(f"{path} is missing" for path in missing)
        )
    strays = [p for p in pages if "." in p.name[: -len(".md")] and p.name.split(".")[-2] not in codes]
    if strays:
        problems.append(
            "page(s) in a language the site does not have (mkdocs.yml's i18n languages: "
            f"{', '.join(codes)}):\n  " + "\n  ".join(_display(p, docs_dir) for p in strays)
        )
    return problems


def _display(path: Path, docs_dir: Path) -> str:
    return str(path.relative_to(docs_dir.parent))


def config_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent
