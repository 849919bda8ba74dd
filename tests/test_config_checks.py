"""Configuration is checked like data (issue 18): what mkdocs.yml or the environment
puts on every page is an https address, a plain e-mail address or plain text, and every
nav title is translated in every language; each mistake is one message naming the file
and the key, and the build stops without a traceback."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from support.site import LANGUAGES, ROOT, copy_project, run_build, settings_config
from twincity.config import checks, report
from twincity.errors import ConfigError

CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), Loader=yaml.BaseLoader)
LICENCE = CONFIG["extra"]["twincity"]["licence"]


def _trust(licence=None, report_settings=None):
    return report.trust_settings(settings_config(licence={**LICENCE, **(licence or {})}, report=report_settings or {}))


@pytest.mark.parametrize(
    ("licence", "report_settings", "expected"),
    [
        ({"url": "javascript:alert(document.domain)"}, None, "extra.twincity.licence.url: must be an https address"),
        ({"url": "http://creativecommons.org/licenses/by/4.0/"}, None, "extra.twincity.licence.url: must be an https"),
        ({"url": "data:text/html,<script>alert(1)</script>"}, None, "extra.twincity.licence.url: must be an https"),
        ({"url": 'https://example.org/" onmouseover="alert(1)'}, None, "extra.twincity.licence.url: "),
        ({"url": "//evil.example/licence"}, None, "extra.twincity.licence.url: must be an https"),
        ({"url": "https://example.org/\u200blicence"}, None, "U+200B"),
        ({"name": "CC BY <b>4.0</b>"}, None, "extra.twincity.licence.name: 'CC BY <b>4.0</b>' holds markup"),
        (None, {"repository": "javascript:alert(1)//github.com/o/r"}, "extra.twincity.report.repository (REPO_URL): "),
        (None, {"email": "a@b.example?cc=c@d.example&bcc=e@f.example"}, "extra.twincity.report.email (REPORT_EMAIL): "),
        (None, {"email": "a@b.example,c@d.example"}, "not a plain one"),
        (None, {"email": "a@b.example\r\nBcc: c@d.example"}, "not a plain one"),
    ],
)
def test_a_published_setting_that_is_not_a_plain_address_or_text_is_refused(licence, report_settings, expected):
    with pytest.raises(ConfigError) as caught:
        _trust(licence, report_settings)
    assert str(caught.value).startswith("mkdocs.yml: extra.twincity.") and expected in str(caught.value)


@pytest.mark.parametrize(
    ("licence", "report_settings"),
    [
        ({"url": "/sources/#licence"}, None),  # a path of this site
        (None, {"repository": "https://github.com/owner/name", "email": "errors@example.org"}),
    ],
)
def test_a_site_path_an_https_address_and_a_plain_email_are_accepted(licence, report_settings):
    _trust(licence, report_settings)


def _nav_config(nav, translations):
    default = SimpleNamespace(locale=LANGUAGES[0], build=True, default=True, nav_translations=None)
    others = [
        SimpleNamespace(locale=code, build=True, default=False, nav_translations=translations) for code in LANGUAGES[1:]
    ]
    return SimpleNamespace(
        nav=nav, plugins={"i18n": SimpleNamespace(config=SimpleNamespace(languages=[default, *others]))}
    )


def test_nav_titles_need_a_plain_translation_in_every_language_and_no_stray_one():
    nav = [{"首页": "index.md"}, {"资料": [{"词汇表": "glossary.md"}]}]
    assert checks.nav_problems(_nav_config(nav, {"首页": "Home", "资料": "Resources", "词汇表": "Glossary"})) == []
    found = checks.nav_problems(
        _nav_config(nav, {"首页": "Home", "资料": "<img src=x onerror=alert(1)>", "词汇表x": "Glossary"})
    )
    where = f"mkdocs.yml: plugins.i18n.languages[{LANGUAGES[-1]}].nav_translations"
    assert f"{where}: no translation of '词汇表'" in "\n".join(found)
    assert f"{where}: '词汇表x' is not a title of the nav" in "\n".join(found)
    assert any(p.startswith(f"{where}.资料: '<img src=x onerror=alert(1)>' holds markup") for p in found)
    assert checks.nav_problems(_nav_config([{"首页 <script>": "index.md"}], {"首页 <script>": "Home"})) == [
        "mkdocs.yml: nav: '首页 <script>': '首页 <script>' holds markup ('<'); a title is plain text"
    ]


def _first_nav_title() -> str:
    return next(iter(CONFIG["nav"][0]))


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        # A page's title left out of an English nav_translations: its pages showed the Chinese title.
        (
            lambda text: text.replace(f"            {_first_nav_title()}: ", "            gone: ", 1),
            "no translation of",
        ),
        # Markup in a translation ran on every English page.
        (
            lambda text: text.replace(
                f"            {_first_nav_title()}: ",
                f"            {_first_nav_title()}: <img src=x onerror=alert(1)> ",
                1,
            ),
            "holds markup",
        ),
        # A javascript: licence address was published in every footer, feed and JSON-LD.
        (
            lambda text: text.replace(f"url: {LICENCE['url']}", 'url: "javascript:alert(1)"', 1),
            "mkdocs.yml: extra.twincity.licence.url: must be an https address",
        ),
    ],
    ids=["missing-translation", "markup-in-translation", "javascript-licence"],
)
def test_a_configuration_mistake_stops_the_build_with_one_clear_message(tmp_path, edit, expected):
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    changed = edit(config.read_text("utf-8"))
    assert changed != config.read_text("utf-8")
    config.write_text(changed, "utf-8")
    result = run_build(project, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert expected in output
    assert not (project / "site" / "index.html").exists()


BOMB = """  bomb:
    a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
    e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
    f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
    g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
    h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
    i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_a_yaml_alias_bomb_in_mkdocs_yml_is_refused_before_mkdocs_reads_it(tmp_path):
    """Once it grew memory at 50 MB/s inside MkDocs (killed at 6.8 GB); now refused at once."""
    project = copy_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    bombed = text.replace("\nextra:\n", "\nextra:\n" + BOMB, 1)
    config.write_text(bombed, "utf-8")
    line = bombed.splitlines().index(BOMB.splitlines()[1]) + 1
    result = run_build(project, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert f"mkdocs.yml: line {line}: the anchor &a (and 80 more anchors or aliases)" in output
    assert not (project / "site").exists()


def test_even_one_alias_in_mkdocs_yml_stops_the_build(tmp_path):
    """The hook applies the same rule, for builds that do not go through the guard."""
    from twincity.config.yaml_aliases import alias_problems

    config = tmp_path / "mkdocs.yml"
    config.write_text("a: &x 1\nb: *x\n", "utf-8")
    assert alias_problems(config) == [
        "mkdocs.yml: line 1: the anchor &x (and 1 more anchors or aliases): mkdocs.yml uses no YAML anchors "
        "or aliases (a few can expand into billions of values before anything is checked); write the values out"
    ]
    assert alias_problems(ROOT / "mkdocs.yml") == []
