"""The fact-sheet PDFs are printed only when what they are printed from changed: the
built page, the files it uses (stylesheets first) and the printing itself. Otherwise
they are copied from the cache, and Chromium is not started."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from support.site import LANGUAGES, SITE_LANGUAGES, site_languages
from twincity.config.pages import FACTSHEET
from twincity.pages.rendering import factsheet_pdf_name
from twincity.publish import pdf


@pytest.fixture
def site_copy(built_site, tmp_path, monkeypatch):
    """A copy of the built site, a cache folder of its own, and a stand-in for Chromium that
    counts the pages it is asked to print."""
    site = tmp_path / "site"
    shutil.copytree(built_site.dir, site, ignore=shutil.ignore_patterns("*.pdf"))
    monkeypatch.setenv("TWINCITY_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("TWINCITY_PDF", raising=False)
    monkeypatch.delenv("TWINCITY_REQUIRE_PDF", raising=False)
    printed: list[list[str]] = []

    def print_pdfs(jobs):
        printed.append([lang for lang, _ in jobs])
        paths = []
        for lang, folder in jobs:
            path = folder / factsheet_pdf_name(lang)
            path.write_bytes(b"%PDF-1.7 printed from " + (folder / "index.html").read_bytes()[:64])
            paths.append(path)
        return paths

    monkeypatch.setattr(pdf, "print_pdfs", print_pdfs)
    monkeypatch.setattr(pdf, "unavailable", lambda: None)
    config = SimpleNamespace(site_dir=str(site), config_file_path=str(tmp_path / "mkdocs.yml"))
    return SimpleNamespace(dir=site, printed=printed, publish=lambda: pdf.publish(config, site_languages()))


def _pdfs(site: Path) -> dict[str, bytes]:
    return {
        lang: (site / SITE_LANGUAGES[lang].root / FACTSHEET / factsheet_pdf_name(lang)).read_bytes()
        for lang in LANGUAGES
    }


def test_a_second_build_with_the_same_inputs_copies_the_pdfs_without_starting_chromium(site_copy):
    site_copy.publish()
    assert site_copy.printed == [list(LANGUAGES)]
    first = _pdfs(site_copy.dir)
    for path in site_copy.dir.rglob("*.pdf"):
        path.unlink()
    site_copy.publish()
    assert site_copy.printed == [list(LANGUAGES)], "printed again though nothing changed"
    assert _pdfs(site_copy.dir) == first


def test_a_changed_stylesheet_prints_again(site_copy):
    site_copy.publish()
    html = (site_copy.dir / FACTSHEET / "index.html").read_text("utf-8")
    stylesheets = [p for p in pdf.referenced_files(site_copy.dir / FACTSHEET / "index.html", site_copy.dir)]
    ours = [p for p in stylesheets if p.suffix == ".css" and p.name in html and "assets/stylesheets/extra" in str(p)]
    assert ours, stylesheets
    with ours[0].open("a", encoding="utf-8") as css:
        css.write("\n@media print { h1 { letter-spacing: 0.01em; } }\n")
    site_copy.publish()
    assert site_copy.printed == [list(LANGUAGES), list(LANGUAGES)]


def test_a_changed_page_prints_its_language_only(site_copy):
    site_copy.publish()
    lang = LANGUAGES[-1]
    page = site_copy.dir / SITE_LANGUAGES[lang].root / FACTSHEET / "index.html"
    page.write_text(page.read_text("utf-8").replace("</main>", "<p>new</p></main>"), "utf-8")
    site_copy.publish()
    assert site_copy.printed == [list(LANGUAGES), [lang]]


def test_the_key_covers_the_files_the_page_uses_and_no_pdf(site_copy):
    page = site_copy.dir / FACTSHEET / "index.html"
    used = pdf.referenced_files(page, site_copy.dir)
    assert any(p.suffix == ".css" for p in used) and any(p.suffix == ".js" for p in used)
    assert not any(p.suffix == ".pdf" for p in used)
    assert all(p.is_relative_to(site_copy.dir.resolve()) for p in used)


def test_printing_off_prints_nothing_unless_the_pdfs_are_required(site_copy, monkeypatch):
    monkeypatch.setenv("TWINCITY_PDF", "off")
    messages: list[str] = []
    handler = logging.Handler(level=logging.INFO)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    level = pdf.log.level
    pdf.log.setLevel(logging.INFO)
    pdf.log.addHandler(handler)
    try:
        assert site_copy.publish() == []
    finally:
        pdf.log.removeHandler(handler)
        pdf.log.setLevel(level)
    assert site_copy.printed == [] and not list(site_copy.dir.rglob("*.pdf"))
    assert any("TWINCITY_PDF=off" in message for message in messages), messages
    monkeypatch.setenv("TWINCITY_REQUIRE_PDF", "1")  # make build, make pages
    site_copy.publish()
    assert site_copy.printed == [list(LANGUAGES)]


def test_the_cache_keeps_the_most_recently_used_pdfs_and_never_an_empty_one(tmp_path):
    """Builds for several addresses share the folder: the ones used last stay; a PDF that is
    gone (another build dropped it) is printed again, never copied as an empty file."""
    cache = pdf.PdfCache(tmp_path / "cache")
    printed = tmp_path / "printed.pdf"
    printed.write_bytes(b"%PDF-1.7 a fact sheet")
    lang = LANGUAGES[0]
    for number in range(cache.KEEP + 3):
        cache.store(lang, f"key{number}", printed)
        os.utime(cache.folder / f"{lang}-key{number}.pdf", (1_000_000 + number,) * 2)  # one a second
    kept = sorted(path.name for path in cache.folder.glob(f"{lang}-*.pdf"))
    assert len(kept) == cache.KEEP and f"{lang}-key0.pdf" not in kept, kept
    out = tmp_path / "site"
    out.mkdir()
    assert cache.copy(lang, f"key{cache.KEEP + 2}", out)
    assert (out / factsheet_pdf_name(lang)).read_bytes() == printed.read_bytes()
    assert not cache.copy(lang, "key0", out)
    assert not (cache.folder / f"{lang}-key0.pdf").exists()
    assert not list(cache.folder.glob("*.tmp")), "a temporary file was left behind"
