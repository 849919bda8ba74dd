"""One catalogue of texts per language: `<code>.yml` in the folder mkdocs.yml names
(`extra.twincity.catalogues`, hooks/twincity/locales/ beside this module).

A catalogue holds every text and language setting the hook, its templates and the
theme overrides produce in that language: labels, headings, date formats, open-data
titles and field descriptions, accessible names, 404 texts, search settings. The
catalogues of the configured languages must hold the same keys (and a name for every
configured language under `language.names`); anything missing stops the build with
the language and every missing key. Nothing falls back to another language.

YAML rather than gettext: the texts are structured (groups, kinds, date patterns,
search settings), keyed by meaning rather than by a source-language string, and a
translator reads and writes one plain file per language that the build checks.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError


@dataclass(frozen=True)
class Catalogue:
    """The texts of one language, as nested mappings (templates read them as `t`)."""

    code: str
    tree: dict[str, Any]

    def __getitem__(self, path: str) -> Any:
        """A text by its dotted key: texts['agreements.group.sector']."""
        node: Any = self.tree
        for part in path.split("."):
            node = node[part]
        return node


_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_catalogues(codes: list[str] | tuple[str, ...], folder: Path) -> dict[str, Catalogue]:
    """The catalogue of every language, each checked to hold every key; ConfigError otherwise."""
    trees, problems = {}, []
    for code in codes:
        path = folder / f"{code}.yml"
        try:
            # libyaml's safe loader where PyYAML has it (its wheels do): ten times the pure-Python one.
            tree = yaml.load(path.read_text("utf-8"), Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader
        except FileNotFoundError:
            problems.append(
                (code, f"no catalogue: write {_display(path)} (copy another language's file and translate it)")
            )
            continue
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append((code, f"{_display(path)} cannot be read: {error}"))
            continue
        if not isinstance(tree, dict):
            problems.append((code, f"{_display(path)} must be a mapping of keys to texts"))
            continue
        trees[code] = tree
    required = set().union(*(set(_leaf_keys(tree)) for tree in trees.values())) if trees else set()
    required |= {f"language.names.{code}" for code in codes}
    for code, tree in trees.items():
        keys = set(_leaf_keys(tree))
        missing = sorted(required - keys)
        empty = sorted(key for key, value in _leaves(tree) if value is None and key not in _MAY_BE_NULL)
        if missing:
            problems.append(
                (code, f"{_display(folder / f'{code}.yml')} lacks {len(missing)} key(s): {', '.join(missing)}")
            )
        if empty:
            problems.append((code, f"{_display(folder / f'{code}.yml')} has no text for: {', '.join(empty)}"))
        months = tree.get("dates", {}).get("month_names") if isinstance(tree.get("dates"), dict) else None
        if months is not None and (not isinstance(months, list) or len(months) != 12):
            problems.append((code, f"{_display(folder / f'{code}.yml')}: dates.month_names must list 12 month names"))
    if problems:
        lines = [f"  {code}: {message}" for code, message in problems]
        raise ConfigError("the text catalogues of the configured languages are incomplete:\n" + "\n".join(lines))
    return {code: Catalogue(code, trees[code]) for code in codes}


# Settings that are absent on purpose in some languages.
_MAY_BE_NULL = {"language.foreign_han"}


def _leaves(tree: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in tree.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            yield from _leaves(value, f"{path}.")
        else:
            yield path, value


def _leaf_keys(tree: Mapping[str, Any]) -> Iterator[str]:
    return (key for key, _ in _leaves(tree))


def _display(path: Path) -> str:
    """The path from the project's root (the folder above hooks/), as a person would type it."""
    for parent in path.parents:
        if (parent / "mkdocs.yml").exists():
            return str(path.relative_to(parent))
    return str(path)
