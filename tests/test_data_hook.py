"""The hook's side: data loaded once per build, a data mistake turned into MkDocs'
PluginError (a message, no traceback), pages filled in their own language, open data
written once at the site root."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from support.data import DataCopy
from support.site import LANGUAGES, ROOT, SITE_LANGUAGES, page_slugs, site_languages
from twincity import pipeline
from twincity.data import loading
from twincity.pages import fill

# The real i18n languages of mkdocs.yml, read once (loading the config is cheap).
REAL = load_config(str(ROOT / "mkdocs.yml"), site_url="https://example.org/")


DEFAULT, OTHER = LANGUAGES[0], LANGUAGES[1]


def _src(slug: str, lang: str) -> str:
    """A page's file in a language: 'timeline.md', 'timeline.en.md'."""
    return f"{slug}.md" if lang == DEFAULT else f"{slug}.{lang}.md"


def _url(slug: str, lang: str) -> str:
    return SITE_LANGUAGES[lang].root + ("" if slug == "index" else f"{slug}/")


def fake_config(root, *, building=False, current=DEFAULT):
    i18n = SimpleNamespace(building=building, current_language=current, config=REAL.plugins["i18n"].config)
    return SimpleNamespace(
        config_file_path=str(root / "mkdocs.yml"),
        nav=REAL.nav,
        plugins={"i18n": i18n},
        site_dir=str(root / "site"),
        docs_dir=str(root / "docs"),
        site_url=REAL.site_url,
        site_name=REAL.site_name,
        copyright=REAL.copyright,
        extra=REAL.extra,
        theme=REAL.theme,
    )


def fake_page(src_uri, url, locale):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), url=url)


def fake_files():
    """MkDocs' files of every page in every language, as mkdocs-static-i18n gives them."""
    pages = []
    for lang in LANGUAGES:
        for slug in ["index", *filter(None, page_slugs())]:
            pages.append(SimpleNamespace(src_uri=_src(slug, lang), url=_url(slug, lang), locale=lang))
    return SimpleNamespace(documentation_pages=lambda: pages)


def fill_page(text, page, config):
    """What on_page_markdown does: the page filled from the site set up by on_config."""
    built = pipeline.site_of(config)
    return fill.fill_page(text, page, config, fake_files(), built.languages, built.data)


def project_dir(root):
    """A project to build from: no pages, the site's text catalogues (where mkdocs.yml names them)."""
    (root / "docs").mkdir()
    catalogues = REAL.extra["twincity"]["catalogues"]
    shutil.copytree(ROOT / catalogues, root / catalogues)
    return root


@pytest.fixture
def project(tmp_path):
    DataCopy(tmp_path)  # data/ and the sources/ it is checked against
    return project_dir(tmp_path)


def test_data_is_loaded_once_for_all_pages_and_languages(project, monkeypatch):
    calls = []
    real_load = loading._load
    monkeypatch.setattr(
        loading,
        "_load",
        lambda folder, sources, languages: calls.append(folder) or real_load(folder, sources, languages),
    )
    for lang in LANGUAGES:  # mkdocs-static-i18n runs on_config once per language
        config = fake_config(project, current=lang)
        pipeline.set_up(config)
        for slug in ("timeline", "agreements", "history", "quotes"):
            marker = {"timeline": "timeline", "agreements": "agreement-index", "quotes": "quotes"}.get(slug)
            text = f"# T\n\n<!-- twincity:{marker} -->\n" if marker else "# T\n"
            fill_page(text, fake_page(_src(slug, lang), _url(slug, lang), lang), config)
    assert len(calls) == 1


def test_data_mistake_becomes_a_plugin_error_with_the_message(tmp_path):
    copy = DataCopy(tmp_path)
    project_dir(tmp_path)
    copy.edit("agreements", "maritime-affairs", title={lang: "海事" for lang in LANGUAGES[:-1]})
    with pytest.raises(PluginError) as caught:
        pipeline.set_up(fake_config(tmp_path))
    assert "1 problem in the site data:" in str(caught.value)
    assert f"data/agreements.yml: entry 'maritime-affairs' (#2): title.{LANGUAGES[-1]}: missing" in str(caught.value)
    # No chained traceback: raised after the DataError was handled, or with its context suppressed.
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_marker_mistake_becomes_a_plugin_error(project):
    config = fake_config(project, current=OTHER)
    pipeline.set_up(config)
    message = f"docs/{_src('timeline', OTHER)}: the marker <!-- twincity:timeline --> is missing"
    with pytest.raises(PluginError, match=message):
        fill_page("# Timeline\n", fake_page(_src("timeline", OTHER), _url("timeline", OTHER), OTHER), config)


@pytest.mark.parametrize("locale", LANGUAGES)
def test_page_is_filled_in_its_own_language(project, locale):
    config = fake_config(project, current=locale)
    pipeline.set_up(config)
    filled = fill_page(
        "# T\n\n<!-- twincity:timeline -->\n",
        fake_page(_src("timeline", locale), _url("timeline", locale), locale),
        config,
    )
    # The signing day of the fixture's conference, in the language's own date pattern.
    texts = site_languages()[locale].texts
    day = texts["dates.day"].format(year=2025, month=2, day=17, month_name=texts["dates.month_names"][1])
    assert day in filled and "<!-- twincity" not in filled


def test_open_data_is_written_only_outside_the_inner_language_builds(project):
    built = pipeline.set_up(fake_config(project))
    inner = fake_config(project, building=True, current=OTHER)  # another language's pass, inside the default's build
    fill.publish_open_data(inner, built.languages, built.data)
    assert not (project / "site").exists()
    fill.publish_open_data(fake_config(project, building=False), built.languages, built.data)
    assert (project / "site" / "data" / "agreements.json").is_file()
