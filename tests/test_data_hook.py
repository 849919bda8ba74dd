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
from support.site import LANGUAGES, ROOT, page_slugs
from twincity import pipeline
from twincity.data import loading
from twincity.pages import fill

# The real i18n languages of mkdocs.yml, read once (loading the config is cheap).
REAL = load_config(str(ROOT / "mkdocs.yml"), site_url="https://example.org/")


def fake_config(root, *, building=False, current="zh"):
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
            src = f"{slug}.md" if lang == LANGUAGES[0] else f"{slug}.{lang}.md"
            url = (
                ("" if slug == "index" else f"{slug}/")
                if lang == LANGUAGES[0]
                else f"{lang}/" + ("" if slug == "index" else f"{slug}/")
            )
            pages.append(SimpleNamespace(src_uri=src, url=url, locale=lang))
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
    for lang in ("zh", "en"):  # mkdocs-static-i18n runs on_config once per language
        config = fake_config(project, current=lang)
        pipeline.set_up(config)
        for slug in ("timeline", "agreements", "history", "quotes"):
            src = f"{slug}.md" if lang == "zh" else f"{slug}.en.md"
            marker = {"timeline": "timeline", "agreements": "agreement-index", "quotes": "quotes"}.get(slug)
            text = f"# T\n\n<!-- twincity:{marker} -->\n" if marker else "# T\n"
            fill_page(text, fake_page(src, f"{slug}/" if lang == "zh" else f"en/{slug}/", lang), config)
    assert len(calls) == 1


def test_data_mistake_becomes_a_plugin_error_with_the_message(tmp_path):
    copy = DataCopy(tmp_path)
    project_dir(tmp_path)
    copy.edit("agreements", "maritime-affairs", title={"zh": "海事"})
    with pytest.raises(PluginError) as caught:
        pipeline.set_up(fake_config(tmp_path))
    assert "1 problem in the site data:" in str(caught.value)
    assert "data/agreements.yml: entry 'maritime-affairs' (#2): title.en: missing" in str(caught.value)
    # No chained traceback: raised after the DataError was handled, or with its context suppressed.
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_marker_mistake_becomes_a_plugin_error(project):
    config = fake_config(project, current="en")
    pipeline.set_up(config)
    with pytest.raises(PluginError, match="docs/timeline.en.md: the marker <!-- twincity:timeline --> is missing"):
        fill_page("# Timeline\n", fake_page("timeline.en.md", "en/timeline/", "en"), config)


@pytest.mark.parametrize(
    ("locale", "url", "expected"),
    [
        ("zh", "timeline/", "2025年2月17日"),
        ("en", "en/timeline/", "17 February 2025"),
    ],
)
def test_page_is_filled_in_its_own_language(project, locale, url, expected):
    config = fake_config(project, current=locale)
    pipeline.set_up(config)
    src = "timeline.md" if locale == "zh" else "timeline.en.md"
    filled = fill_page("# T\n\n<!-- twincity:timeline -->\n", fake_page(src, url, locale), config)
    assert expected in filled and "<!-- twincity" not in filled


def test_open_data_is_written_only_outside_the_inner_language_builds(project):
    built = pipeline.set_up(fake_config(project))
    inner = fake_config(project, building=True, current="en")  # the en pass, inside the zh build
    fill.publish_open_data(inner, built.languages, built.data)
    assert not (project / "site").exists()
    fill.publish_open_data(fake_config(project, building=False), built.languages, built.data)
    assert (project / "site" / "data" / "agreements.json").is_file()
