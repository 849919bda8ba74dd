"""Each concept of the hook has one home: no Python module names a language or holds a
language's text (the catalogues and mkdocs.yml do), and every catalogue holds the keys."""

from __future__ import annotations

import ast
import re

import pytest

from support.site import LANGUAGES, ROOT
from twincity.config.catalogue import load_catalogues
from twincity.errors import ConfigError

HOOKS = ROOT / "hooks"
MODULES = sorted(HOOKS.rglob("*.py"))
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CATALOGUES = ROOT / "hooks" / "twincity" / "locales"


def _strings(tree: ast.AST) -> list[ast.Constant]:
    """String constants that are not docstrings."""
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings
    ]


@pytest.mark.parametrize("module", MODULES, ids=[str(m.relative_to(HOOKS)) for m in MODULES])
def test_no_hook_module_names_a_language_or_holds_its_text(module):
    strings = _strings(ast.parse(module.read_text("utf-8")))
    codes = [s.value for s in strings if s.value in LANGUAGES]
    chinese = [s.value for s in strings if HAN.search(s.value)]
    assert not codes, f"{module.name} names languages {codes}: ask twincity.config.languages instead"
    assert not chinese, f"{module.name} holds Chinese text {chinese[:3]}: it belongs in a catalogue"


def test_every_configured_language_has_a_complete_catalogue():
    catalogues = load_catalogues(LANGUAGES, CATALOGUES)
    assert list(catalogues) == list(LANGUAGES)


def test_a_missing_key_names_the_language_and_every_missing_key(tmp_path):
    for code in LANGUAGES:
        text = (CATALOGUES / f"{code}.yml").read_text("utf-8")
        if code == LANGUAGES[-1]:
            text = text.replace("  search_dialog:", "  not_the_search_dialog:").replace("  og_locale:", "  og_local:")
        (tmp_path / f"{code}.yml").write_text(text, "utf-8")
    with pytest.raises(ConfigError) as raised:
        load_catalogues(LANGUAGES, tmp_path)
    message = str(raised.value)
    assert f"  {LANGUAGES[-1]}: " in message
    assert "lacks 2 key(s): a11y.search_dialog, language.og_locale" in message
    # The keys only the changed catalogue has are missing from every other one.
    for code in LANGUAGES[:-1]:
        assert f"  {code}: " in message and "a11y.not_the_search_dialog" in message


def test_a_language_without_a_catalogue_is_named(tmp_path):
    with pytest.raises(ConfigError, match=r"  xx: no catalogue: write .*xx\.yml"):
        load_catalogues(("xx",), tmp_path)
