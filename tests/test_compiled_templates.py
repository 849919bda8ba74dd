"""Compiled templates are kept between builds (pages/compiled_templates.py) and never
used stale: a second process reads them instead of compiling, an edited template is
compiled anew, an environment set up differently keeps its own, and a cache that cannot
be written only costs time."""

from __future__ import annotations

import logging

import jinja2
import pytest

from support.site import copy_project, run_build
from twincity.pages import compiled_templates, rendering


def _environment(templates, cache, **options) -> tuple[jinja2.Environment, list[str]]:
    """An environment as a new build process makes it, and the names it compiles."""
    compiled_templates._CACHES.clear()  # what a new process starts with
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(templates), autoescape=True, **options)
    compiled: list[str] = []
    compile_ = env.compile

    def counting(source, name=None, filename=None, *args, **kwargs):
        compiled.append(name)
        return compile_(source, name, filename, *args, **kwargs)

    env.compile = counting
    return compiled_templates.keep_compiled(env, cache), compiled


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("{% include 'part.html' %}: {{ value }}\n", "utf-8")
    (folder / "part.html").write_text("{% for n in range(2) %}\n<b>{{ n }}</b>\n{% endfor %}", "utf-8")
    return folder


def test_a_new_process_reads_the_compiled_templates_instead_of_compiling(templates, tmp_path):
    env, compiled = _environment(templates, tmp_path / "cache")
    first = env.get_template("page.html").render(value="<x>")
    assert sorted(compiled) == ["page.html", "part.html"]
    env, compiled = _environment(templates, tmp_path / "cache")
    assert env.get_template("page.html").render(value="<x>") == first
    assert compiled == [], "compiled again though nothing changed"
    assert "&lt;x&gt;" in first


def test_a_copy_of_the_templates_elsewhere_shares_them(templates, tmp_path):
    """The tests build copies of the project in new folders: the compiled code is keyed by source, not path."""
    env, _ = _environment(templates, tmp_path / "cache")
    env.get_template("page.html").render(value=1)
    copy = tmp_path / "copy"
    copy.mkdir()
    for path in templates.iterdir():
        (copy / path.name).write_text(path.read_text("utf-8"), "utf-8")
    env, compiled = _environment(copy, tmp_path / "cache")
    env.get_template("page.html").render(value=1)
    assert compiled == []


def test_an_edited_template_is_compiled_anew(templates, tmp_path):
    env, _ = _environment(templates, tmp_path / "cache")
    env.get_template("page.html").render(value=1)
    (templates / "part.html").write_text("changed", "utf-8")
    env, compiled = _environment(templates, tmp_path / "cache")
    assert env.get_template("page.html").render(value=1) == "changed: 1"
    assert compiled == ["part.html"]


def test_an_environment_set_up_differently_compiles_its_own(templates, tmp_path):
    """trim_blocks changes the compiled code, not the source: the cache must not mix them."""
    env, _ = _environment(templates, tmp_path / "cache")
    plain = env.get_template("part.html").render()
    env, compiled = _environment(templates, tmp_path / "cache", trim_blocks=True)
    trimmed = env.get_template("part.html").render()
    assert compiled == ["part.html"]
    assert trimmed != plain and trimmed == "<b>0</b>\n<b>1</b>\n"
    env.filters["new_filter"] = str  # a filter the compiled code may name
    assert compiled_templates.environment_fingerprint(env) != compiled_templates.environment_fingerprint(
        _environment(templates, None, trim_blocks=True)[0]
    )


def test_a_cache_that_cannot_be_written_only_costs_time(templates, tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", "utf-8")
    env, compiled = _environment(templates, blocked / "cache")
    with caplog.at_level(logging.INFO, logger="mkdocs.hooks.twincity"):
        assert env.get_template("page.html").render(value=1) == "\n<b>0</b>\n\n<b>1</b>\n: 1"
    assert sorted(compiled) == ["page.html", "part.html"]
    assert "Compiled templates not kept in" in caplog.text
    env.cache.clear()
    env.get_template("page.html")  # the same process: from memory
    assert sorted(compiled) == ["page.html", "part.html"]


def test_a_build_keeps_the_theme_s_and_our_compiled_templates(tmp_path, monkeypatch):
    """A build of a copy into an empty build cache: both environments leave their compiled
    templates there, ours (hooks/twincity/templates/) every one of them."""
    monkeypatch.setenv("TWINCITY_CACHE", str(tmp_path / "cache"))
    result = run_build(copy_project(tmp_path / "project"))
    assert result.returncode == 0, result.stderr[-2000:]
    folder = tmp_path / "cache" / compiled_templates.CACHE_NAME
    ours = folder / compiled_templates.environment_fingerprint(rendering.ENV)
    kept = {path.name for path in ours.glob("*.jinja")}
    cache = compiled_templates.CompiledTemplates(None)
    for name in rendering.ENV.list_templates():
        source = rendering.ENV.loader.get_source(rendering.ENV, name)[0]
        key = cache.get_bucket(rendering.ENV, name, None, source).key
        assert f"{key}.jinja" in kept, f"{name} not kept in {ours}"
    theirs = [path for path in folder.iterdir() if path != ours]
    assert len(theirs) == 1 and len(list(theirs[0].glob("*.jinja"))) > 20, theirs


def test_a_damaged_entry_is_compiled_again(templates, tmp_path):
    env, _ = _environment(templates, tmp_path / "cache")
    env.get_template("page.html").render(value=1)
    entries = sorted((tmp_path / "cache").rglob("*.jinja"))
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:40])  # a write cut short
    env, compiled = _environment(templates, tmp_path / "cache")
    assert env.get_template("page.html").render(value=1) == "\n<b>0</b>\n\n<b>1</b>\n: 1"
    assert sorted(compiled) == ["page.html", "part.html"]


def test_a_filter_that_changed_is_not_served_the_code_compiled_for_the_old_one(tmp_path):
    """The code Jinja writes depends on a filter's kind (given the context or not) and, for a
    constant, on what it returned while compiling: either change compiles anew."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.html").write_text("{{ 'x'|shout }} {{ value|shout }}", "utf-8")
    module = tmp_path / "filters_under_test.py"
    versions = [
        "def shout(text):\n    return text.upper()\n",
        "def shout(text):\n    return text + '!'\n",
        "import jinja2\n@jinja2.pass_context\ndef shout(context, text):\n    return text + context['value']\n",
    ]
    rendered = []
    for version in versions:
        module.write_text(version, "utf-8")
        namespace: dict = {}
        exec(compile(version, str(module), "exec"), namespace)  # noqa: S102 - the filter under test
        env, _ = _environment(folder, tmp_path / "cache")
        env.filters["shout"] = namespace["shout"]
        compiled_templates.keep_compiled(env, tmp_path / "cache")  # the fingerprint of its filters
        rendered.append(env.get_template("page.html").render(value="y"))
    assert rendered == ["X Y", "x! y!", "xy yy"]
