"""A copy of the project with a third language, written by the tests themselves.

Adding a language follows the README's recipe: its entry in mkdocs.yml's i18n
languages, its catalogue (hooks/twincity/locales/CODE.yml) and its name in the other
catalogues, its pages (docs/PAGE.CODE.md) and its text in every data field. The
texts are placeholders made from the English ones ("[ja] …"); nothing of it is
published.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tools.pages_server import free_port

from .site import BuiltSite, copy_project, printing_pdfs

CODE = "ja"
PLACEHOLDER = f"[{CODE}] "
CATALOGUES = Path("hooks") / "twincity" / "locales"


def _placeholder(value: Any) -> Any:
    if isinstance(value, str):
        return PLACEHOLDER + value
    if isinstance(value, list):
        return [_placeholder(v) for v in value]
    if isinstance(value, dict):
        return {k: _placeholder(v) for k, v in value.items()}
    return value


def add_language_to_config(project: Path, code: str = CODE) -> None:
    """The language's entry in mkdocs.yml (after English, modelled on it)."""
    path = project / "mkdocs.yml"
    text = path.read_text("utf-8")
    english = "        - locale: en\n"
    entry = (
        f"        - locale: {code}\n"
        f"          name: 日本語\n"
        f"          build: true\n"
        f"          site_name: '{PLACEHOLDER}Yantai–Dalian'\n"
        f"          site_description: '{PLACEHOLDER}site description'\n"
        f"          copyright: '{PLACEHOLDER}copyright'\n"
        f"          theme:\n"
        f"            palette:\n"
        f"              - media: '(prefers-color-scheme: light)'\n"
        f"                scheme: default\n"
        f"                toggle: {{icon: material/weather-night, name: '{PLACEHOLDER}dark'}}\n"
        f"              - media: '(prefers-color-scheme: dark)'\n"
        f"                scheme: slate\n"
        f"                toggle: {{icon: material/weather-sunny, name: '{PLACEHOLDER}light'}}\n"
        f"          nav_translations:\n"
        + "".join(
            f"            {_quoted(title)}: {_quoted(PLACEHOLDER + english)}\n"
            for title, english in _english_nav_translations(text).items()
        )
    )
    assert english in text, "mkdocs.yml no longer has the English i18n entry this test adds after"
    path.write_text(text.replace(english, entry + english, 1), "utf-8")


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def _english_nav_translations(config_text: str) -> dict[str, str]:
    """Every nav title and its English form, from mkdocs.yml (every title is translated)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    config = yaml.load(config_text, Loader=Loader)  # noqa: S506 - a SafeLoader subclass
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    english = next(lang for lang in i18n["languages"] if lang["locale"] == "en")
    return english["nav_translations"]


def add_catalogue(project: Path, code: str = CODE) -> None:
    """The language's catalogue, made from the English one, and its name in every catalogue."""
    folder = project / CATALOGUES
    english = yaml.safe_load((folder / "en.yml").read_text("utf-8"))
    texts = _placeholder(copy.deepcopy(english))
    texts["language"] = {"og_locale": "ja_JP", "names": {}, "foreign_han": None}
    texts["search"] = {"pipeline": ["stemmer"], "word_forms": False}
    texts["dates"] = dict(english["dates"], month_names=[f"{m}月" for m in range(1, 13)])
    for other in folder.glob("*.yml"):
        tree = yaml.safe_load(other.read_text("utf-8"))
        texts["language"]["names"][other.stem] = PLACEHOLDER + other.stem
        tree["language"]["names"][code] = PLACEHOLDER + code
        other.write_text(yaml.safe_dump(tree, allow_unicode=True, sort_keys=False), "utf-8")
    texts["language"]["names"][code] = PLACEHOLDER + code
    (folder / f"{code}.yml").write_text(yaml.safe_dump(texts, allow_unicode=True, sort_keys=False), "utf-8")


def add_pages(project: Path, code: str = CODE) -> None:
    """Every page in the language: the English page, its description marked as a placeholder
    (front matter written again as YAML: the placeholder's brackets need quotes)."""
    for page in (project / "docs").rglob("*.en.md"):
        text = page.read_text("utf-8")
        _, front, body = text.split("---\n", 2)
        meta = yaml.safe_load(front)
        meta["description"] = PLACEHOLDER + meta["description"]
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
        page.with_name(page.name.replace(".en.md", f".{code}.md")).write_text(f"---\n{front}---\n{body}", "utf-8")


def add_data_texts(project: Path, code: str = CODE) -> None:
    """A text in the language in every text field of data/: {zh, en} gains {code}."""

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {"zh", "en"} and all(isinstance(v, str) for v in node.values()):
                return dict(node, **{code: PLACEHOLDER + node["en"]})
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    for path in (project / "data").glob("*.yml"):
        entries = yaml.safe_load(path.read_text("utf-8"))
        path.write_text(yaml.safe_dump(walk(entries), allow_unicode=True, sort_keys=False), "utf-8")


def project_with_third_language(dest: Path) -> Path:
    project = copy_project(dest)
    add_language_to_config(project)
    add_catalogue(project)
    add_pages(project)
    add_data_texts(project)
    return project


@functools.cache
def built_third_language_site() -> BuiltSite:
    """The project with a third language, built once per test session for a free loopback port."""
    url = f"http://127.0.0.1:{free_port()}/"
    project = project_with_third_language(Path(tempfile.mkdtemp(prefix="third-language-")) / "project")
    site_dir = project / "site"
    messages: list[str] = []
    handler = logging.Handler(level=logging.WARNING)
    handler.emit = lambda record: messages.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with printing_pdfs():  # test_languages checks the third language's PDF
            build(load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), site_url=url))
    finally:
        logger.removeHandler(handler)
    return BuiltSite(dir=site_dir, url=url, warnings=messages)
