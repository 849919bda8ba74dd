"""Valid HTML: the Nu HTML Checker (vnu.jar, pinned in tools/vnu/) over every built page,
in one JVM. The project's templates, overrides and data give no error and no warning;
Material's known messages are in tools/vnu/allowlist.py, each with its reason.

The whole report (ours / Material's counts and every message) is also written to
test-artifacts/nu-checker.txt."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from support.site import LANGUAGES, ROOT, SITE_LANGUAGES, awaiting_translation
from tools.nu_check import check, html_files, summary
from tools.vnu.allowlist import ALLOWED

MATERIAL_TOGGLE = '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'


@pytest.fixture(scope="module")
def nu_report(built_site):
    files = html_files(built_site.dir)
    names = {str(f.relative_to(built_site.dir)) for f in files}
    roots = [SITE_LANGUAGES[lang].root for lang in LANGUAGES]
    assert {
        "404.html",
        *(f"{root}index.html" for root in roots),
        *(f"{root}timeline/index.html" for root in roots),
    } <= names
    messages = check(files, built_site.dir)
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    report = "\n".join(
        [summary(messages), f"{len(files)} pages checked", ""]
        + [("[Material, allowlisted] " if m.allowed else "") + str(m) for m in messages]
    )
    (artifacts / "nu-checker.txt").write_text(report + "\n", "utf-8")
    return messages


_WRONG_LANGUAGE = re.compile(r"This document appears to be written in .+\. Consider using .+ instead\.")


def _awaiting_translation(site_dir, message) -> bool:
    """A page of a language still being translated, its texts copied from another and
    marked "[CODE] " (tools/add_language.py): the Nu checker's language detection rightly
    says it reads as the copied language. Only that warning, only on such a page."""
    if message.kind != "warning" or not _WRONG_LANGUAGE.fullmatch(message.text):
        return False
    lang = BeautifulSoup((site_dir / message.file).read_text("utf-8"), "html.parser").html["lang"]
    return lang in LANGUAGES and awaiting_translation(lang)


def test_no_error_and_no_warning_from_the_project(nu_report, built_site):
    ours = [m for m in nu_report if m.allowed is None and not _awaiting_translation(built_site.dir, m)]
    assert not ours, (
        f"{summary(nu_report)}\nThe Nu HTML checker reports, on pages built from this project's "
        "templates, overrides and data:\n" + "\n".join(map(str, ours))
    )


def test_every_allowlist_entry_still_excuses_a_message(nu_report):
    for entry in ALLOWED:
        assert any(m.allowed is entry for m in nu_report), (
            f"tools/vnu/allowlist.py: nothing matches any more, remove it: {entry.message.pattern}"
        )


def test_every_allowlist_entry_says_where_it_comes_from_and_why():
    for entry in ALLOWED:
        assert "material" in entry.source.lower() and len(entry.reason) > 40
        # Precise: a message text and one piece of markup, never a catch-all.
        assert not entry.message.fullmatch("anything") and not entry.markup.fullmatch("<p>")


def test_the_checker_reports_a_mistake_and_excuses_only_material_s_exact_markup(tmp_path):
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>{body}</body></html>'
    )
    mistakes = {
        "span.html": '<p><time datetime="2023/2025-02">2023–2025</time></p>',
        "own-toggle.html": '<input type="checkbox" id="mine" autocomplete="off"><label for="mine">x</label>',
        "material.html": MATERIAL_TOGGLE + '<label for="__drawer">menu</label>',
        "headings.html": "<h1>Page</h1><article><p>No heading here.</p></article>",
    }
    for name, body in mistakes.items():
        (tmp_path / name).write_text(page.format(body=body), "utf-8")
    messages = check(sorted(tmp_path.glob("*.html")), tmp_path)
    by_file = {name: [m for m in messages if m.file == name] for name in mistakes}

    [span] = by_file["span.html"]
    assert span.kind == "error" and span.allowed is None
    assert span.text.startswith("Bad value “2023/2025-02” for attribute “datetime” on element “time”")
    assert str(span).startswith("span.html:1: error: Bad value") and "timeline.html" in str(span)

    [own] = by_file["own-toggle.html"]
    assert own.allowed is None and "Attribute “autocomplete” is only allowed" in own.text

    [material] = by_file["material.html"]
    assert material.allowed is ALLOWED[0] and material.markup == MATERIAL_TOGGLE

    assert [m.kind for m in by_file["headings.html"]] == ["warning"]
    assert by_file["headings.html"][0].allowed is None

    text = summary(messages)
    assert text.startswith("Nu HTML checker: project 2 errors, 1 warnings; Material (allowlisted) 1 errors, 0 warnings")
