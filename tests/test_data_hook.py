"""The hook's side: data loaded once per build, a data mistake turned into MkDocs'
PluginError (a message, no traceback), pages filled in their own language, open data
written once at the site root."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from data_helpers import FIXTURE_DATA, DataCopy
from twincity import data_pages, loading


def fake_config(root, *, building=False, default="zh"):
    i18n = SimpleNamespace(building=building, default_language=default, current_language=default)
    return SimpleNamespace(config_file_path=str(root / "mkdocs.yml"), plugins={"i18n": i18n}, site_dir=str(root / "site"))


def fake_page(src_uri, url, locale):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=locale), url=url)


@pytest.fixture
def project(tmp_path):
    shutil.copytree(FIXTURE_DATA, tmp_path / "data")
    return tmp_path


def test_data_is_loaded_once_for_all_pages_and_languages(project, monkeypatch):
    calls = []
    real_load = loading._load
    monkeypatch.setattr(loading, "_load", lambda folder: calls.append(folder) or real_load(folder))
    config = fake_config(project)
    for lang in ("zh", "en"):  # mkdocs-static-i18n runs on_config once per language
        data_pages.load_data(config)
        for slug in ("timeline", "agreements", "history", "quotes"):
            src = f"{slug}.md" if lang == "zh" else f"{slug}.en.md"
            marker = {"timeline": "timeline", "agreements": "agreement-index", "quotes": "quotes"}.get(slug)
            text = f"# T\n\n<!-- twincity:{marker} -->\n" if marker else "# T\n"
            data_pages.fill_page(text, fake_page(src, f"{slug}/" if lang == "zh" else f"en/{slug}/", lang), config)
    assert len(calls) == 1


def test_data_mistake_becomes_a_plugin_error_with_the_message(tmp_path):
    copy = DataCopy(tmp_path)
    copy.edit("agreements", "maritime-affairs", title={"zh": "海事"})
    with pytest.raises(PluginError) as caught:
        data_pages.load_data(fake_config(tmp_path))
    assert "data/agreements.yml: entry 'maritime-affairs' (#2): title.en: missing" in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_marker_mistake_becomes_a_plugin_error(project):
    config = fake_config(project)
    data_pages.load_data(config)
    with pytest.raises(PluginError, match="docs/timeline.en.md: the marker <!-- twincity:timeline --> is missing"):
        data_pages.fill_page("# Timeline\n", fake_page("timeline.en.md", "en/timeline/", "en"), config)


@pytest.mark.parametrize(("locale", "url", "expected"), [
    ("zh", "timeline/", "2025年2月17日"),
    ("en", "en/timeline/", "17 February 2025"),
])
def test_page_is_filled_in_its_own_language(project, locale, url, expected):
    config = fake_config(project)
    data_pages.load_data(config)
    src = "timeline.md" if locale == "zh" else "timeline.en.md"
    filled = data_pages.fill_page("# T\n\n<!-- twincity:timeline -->\n", fake_page(src, url, locale), config)
    assert expected in filled and "<!-- twincity" not in filled


def test_open_data_is_written_only_outside_the_inner_language_builds(project):
    data_pages.load_data(fake_config(project))
    data_pages.publish_open_data(fake_config(project, building=True))  # the en pass, inside the zh build
    assert not (project / "site").exists()
    data_pages.publish_open_data(fake_config(project, building=False))
    assert (project / "site" / "data" / "agreements.json").is_file()
