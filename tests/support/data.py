"""Helpers for the data tests: a writable copy of the small valid fixture data set, and
the fixture loaded for the site's languages."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from twincity.data.loading import load_site_data
from twincity.errors import DataError

from .site import LANGUAGES

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "fixtures" / "data"
# The project's one source: the fixture data's citations and corrections are checked against it too.
SOURCES = Path(__file__).resolve().parents[2] / "sources"


class DataCopy:
    """A copy of tests/fixtures/data in a temp folder named `data`, to break on purpose."""

    def __init__(self, tmp_path: Path) -> None:
        self.dir = tmp_path / "data"
        shutil.copytree(FIXTURE_DATA, self.dir)
        # sources/ beside data/, where loading reads the source from.
        self.sources = tmp_path / "sources"
        shutil.copytree(SOURCES, self.sources)

    def read(self, name: str) -> list[dict[str, Any]]:
        return yaml.safe_load((self.dir / f"{name}.yml").read_text("utf-8"))

    def write(self, name: str, entries: Any) -> None:
        (self.dir / f"{name}.yml").write_text(yaml.safe_dump(entries, allow_unicode=True, sort_keys=False), "utf-8")

    def write_text(self, name: str, text: str) -> None:
        (self.dir / f"{name}.yml").write_text(text, "utf-8")

    def edit(self, file: str, entry_id: str, **changes: Any) -> None:
        """Set (or, with value DELETE, remove) top-level keys of one entry."""
        entries = self.read(file)
        entry = next(e for e in entries if e["id"] == entry_id)
        for key, value in changes.items():
            if value is DELETE:
                entry.pop(key, None)
            else:
                entry[key] = value
        self.write(file, entries)


DELETE = object()
# The default language, whose fixture texts are Chinese, and the others, whose are English.
DEFAULT, OTHERS = LANGUAGES[0], LANGUAGES[1:]


def text(default: str, other: str | None = None) -> dict[str, str]:
    """A data text in every language of the site: `default` in the default language and
    `other` (or `default` again) in each other one, as the fixtures write them."""
    return {DEFAULT: default, **{lang: default if other is None else other for lang in OTHERS}}


def load(data_dir: Path = FIXTURE_DATA, languages: tuple[str, ...] = LANGUAGES, sources_dir: Path | None = None):
    """Data loaded and validated for the site's languages, bypassing the cache; the source
    from `sources/` beside the data, or the project's for the fixture."""
    if sources_dir is None and not (Path(data_dir).parent / "sources").is_dir():
        sources_dir = SOURCES
    return load_site_data(data_dir, languages, sources_dir=sources_dir, use_cache=False)


def project_source():
    """The project's source, loaded with the project's data, as the build loads it."""
    return load(SOURCES.parent / "data").source


def problems(data: DataCopy) -> list[str]:
    """What loading the copy's data finds wrong: each problem's message; it must find some."""
    with pytest.raises(DataError) as caught:
        load(data.dir)
    return [str(p) for p in caught.value.problems]
