"""Checks of the pages' Markdown at set-up, before anything is written: every page has
well-formed front matter with its own `description` (a text), and the heading ids given
with `{#…}` are the same set in every language of a page (the language switch keeps the
reader's anchor, and links to a section work in every language).

MkDocs itself takes front matter it cannot read for body text and a page without a
description for one with the site's: both were silent.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from ..config.pages import file_name, originals

# MkDocs' own front matter pattern (mkdocs.utils.meta): '---' lines around YAML at the very start.
_FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
_HEADING_ID = re.compile(r"^#{1,6}[ \t].*?\{[^}\n]*#([^\s}]+)[^}\n]*\}[ \t]*$", re.M)
_FENCED = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]{0,3}\1[ \t]*$|\Z)", re.M | re.S)


def page_problems(docs_dir: Path, codes: tuple[str, ...]) -> list[str]:
    """Every front-matter and heading-id mistake of the pages, one message each."""
    docs_dir = Path(docs_dir)
    problems: list[str] = []
    for original in originals(docs_dir):
        slug = original.name[: -len(".md")]
        ids: dict[str, set[str]] = {}
        for code in codes:
            path = docs_dir / file_name(slug, code, codes[0])
            if not path.exists():
                continue  # missing_translations (pipeline.py) reports it
            display = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
            text = path.read_text("utf-8-sig").replace("\r\n", "\n")
            problems += front_matter_problems(text, display)
            ids[display] = set(_HEADING_ID.findall(_FENCED.sub("", text)))
        problems += _heading_id_problems(ids)
    return problems


def front_matter_problems(text: str, display: str) -> list[str]:
    if not text.startswith("---"):
        return [f"{display}: no front matter; a page starts with '---', a description: line in its language, and '---'"]
    match = _FRONT_MATTER.match(text)
    if not match:
        return [f"{display}: the front matter is not closed (a line '---' after it is missing)"]
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.MarkedYAMLError as error:
        # Where the faulty value starts (an unclosed quote's opening), else where parsing failed.
        mark = error.context_mark or error.problem_mark
        where = f"line {mark.line + 2}: " if mark else ""
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        return [f"{display}: {where}the front matter is not valid YAML: {reason} (MkDocs would show it as text)"]
    except yaml.YAMLError as error:
        return [f"{display}: the front matter is not valid YAML: {error}"]
    if not isinstance(meta, dict):
        return [f"{display}: the front matter must be key: value lines (description: …)"]
    description = meta.get("description")
    if "description" not in meta:
        return [f"{display}: front matter: description: missing (each page describes itself, in its language)"]
    if not isinstance(description, str) or not description.strip():
        return [f"{display}: front matter: description: expected a text, got {description!r}"]
    return []


def _heading_id_problems(ids: dict[str, set[str]]) -> list[str]:
    if len(ids) < 2:
        return []
    (first, expected), *others = ids.items()
    problems = []
    for display, found in others:
        missing, extra = sorted(expected - found), sorted(found - expected)
        if missing or extra:
            parts = [
                f"missing {', '.join('#' + i for i in missing)}" if missing else "",
                f"not in {first}: {', '.join('#' + i for i in extra)}" if extra else "",
            ]
            problems.append(
                f"{display}: heading ids ({{#…}}) differ from {first}'s: "
                + "; ".join(p for p in parts if p)
                + " (every language of a page gives the same ids, so that links and the language switch keep their anchor)"
            )
    return problems
