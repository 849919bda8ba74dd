"""Add a language the README's way ("Adding a language"), every text marked for translation.

    .venv/bin/python -m tools.add_language ja 日本語 --og-locale ja_JP --to /tmp/copy
    make test-language     # does it in a copy, then runs the tests there (see README)

It touches exactly the files the recipe names, and nothing else:

1. mkdocs.yml: the language's i18n entry, modelled on the language it copies from
   (`--from`, English): locale, name, site_name, site_description, copyright, the
   palette toggles' names and nav_translations;
2. hooks/twincity/locales/CODE.yml: the copied catalogue, every text marked, with
   `language.og_locale`, `language.foreign_han` and the search settings set; and the
   language's name under `language.names` of every catalogue;
3. docs/PAGE.CODE.md beside every page: the copied page, its description marked, same
   heading ids and markers;
4. data/*.yml and tests/fixtures/data/*.yml: a CODE text beside every text that has
   one in each language of the site;
5. tests/published_addresses.txt: the new language's addresses, from a build of the
   project (what `make addresses` does).

Texts are the copied language's, marked "[CODE] " in front (placeholders such as
{name} and any markup stay as they are), so that every one shows where it is used and
what is left to translate. Comments and layout of the edited YAML files are kept: the
new lines are inserted, not the files rewritten. With `--to DIR` the project is first
copied there (a git clone of the checkout, with its uncommitted changes), and the
checkout itself is left alone.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from tools.site_layout import ROOT, languages

CATALOGUES = Path("hooks") / "twincity" / "locales"
DATA_FOLDERS = (Path("data"), Path("tests") / "fixtures" / "data")
ADDRESSES = Path("tests") / "published_addresses.txt"
# Sections of a catalogue that are settings, not texts: set from the options, not marked.
SETTINGS = ("language", "search")


def mark(code: str, value):
    """Every text of a tree marked '[CODE] ' in front; numbers, booleans and null kept."""
    if isinstance(value, str):
        return f"[{code}] {value}"
    if isinstance(value, list):
        return [mark(code, v) for v in value]
    if isinstance(value, dict):
        return {k: mark(code, v) for k, v in value.items()}
    return value


def _quoted(text: str) -> str:
    """A YAML scalar that reads back as `text` (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _load(text: str):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load(text, Loader=Loader)


def _compose(text: str):
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.compose(text, Loader=Loader)


def _insert(text: str, edits: list[tuple[int, str]]) -> str:
    for offset, addition in sorted(edits, reverse=True):
        text = text[:offset] + addition + text[offset:]
    return text


def _line_end(text: str, node) -> int:
    """Where the line after a composed node starts (a block mapping's or sequence's own end
    mark can lie past the comments that follow it, so its last scalar is asked)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value and not node.flow_style:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = node.end_mark.index
    if end > 0 and text[end - 1] == "\n":  # a block scalar ends at the start of the next line
        return end
    return text.find("\n", end) + 1 or len(text)


def _add_key(text: str, mapping, key: str, value: str) -> tuple[int, str]:
    """The edit that adds `key: value` after the last entry of a composed mapping."""
    if mapping.flow_style:
        return mapping.end_mark.index - 1, f", {key}: {value}"
    indent = " " * mapping.value[-1][0].start_mark.column
    return _line_end(text, mapping), f"{indent}{key}: {value}\n"


# -----------------------------------------------------------------------------
# The recipe's steps
# -----------------------------------------------------------------------------


def add_to_config(project: Path, code: str, name: str, source: str) -> None:
    """Step 1: the language's i18n entry in mkdocs.yml, after the last one, modelled on `source`."""
    path = project / "mkdocs.yml"
    text = path.read_text("utf-8")
    config = _load(text)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    model = next(lang for lang in i18n["languages"] if lang["locale"] == source)
    entry = {"locale": code, "name": name, "build": True}
    for key in ("site_name", "site_description", "copyright"):
        if model.get(key):
            entry[key] = mark(code, model[key])
    palette = (model.get("theme") or {}).get("palette")
    if palette:
        palette = [dict(option) for option in palette]
        for option in palette:
            if option.get("toggle"):
                option["toggle"] = dict(option["toggle"], name=mark(code, option["toggle"]["name"]))
        entry["theme"] = {"palette": palette}
    if model.get("nav_translations"):
        entry["nav_translations"] = {title: mark(code, text) for title, text in model["nav_translations"].items()}
    root = _compose(text)
    plugins = next(v for k, v in root.value if k.value == "plugins")
    i18n_node = next(
        v for item in plugins.value if item.tag.endswith("map") for k, v in item.value if k.value == "i18n"
    )
    entries = next(v for k, v in i18n_node.value if k.value == "languages")
    last = entries.value[-1]
    indent = " " * (last.start_mark.column - 2)
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=10_000, indent=2)
    block = "".join(indent + line + "\n" for line in dumped.splitlines())
    path.write_text(_insert(text, [(_line_end(text, last), block)]), "utf-8")


def add_catalogue(
    project: Path,
    code: str,
    name: str,
    source: str,
    og_locale: str,
    foreign_han: str | None,
    search_pipeline: list[str],
) -> None:
    """Step 2: CODE.yml from the `source` catalogue, every text marked, and its name in every catalogue."""
    folder = project / CATALOGUES
    model = yaml.safe_load((folder / f"{source}.yml").read_text("utf-8"))
    tree = {key: value if key in SETTINGS else mark(code, value) for key, value in model.items()}
    # Date patterns are formats ({day} {month_name} {year}): the translator rewrites them; month names are texts.
    tree["dates"] = {key: value for key, value in model["dates"].items()}
    tree["dates"]["month_names"] = mark(code, model["dates"]["month_names"])
    names = {other: mark(code, other_name) for other, other_name in model["language"]["names"].items()}
    tree["language"] = dict(model["language"], og_locale=og_locale, foreign_han=foreign_han, names=names)
    tree["search"] = dict(model["search"], pipeline=search_pipeline, word_forms=False)
    names[code] = name  # its own name, as given
    header = (
        f"# Texts and settings in the language '{code}', made by tools/add_language.py from {source}.yml:\n"
        f"# every text starting with [{code}] is still to translate. Every catalogue holds the same keys.\n\n"
    )
    body = yaml.safe_dump(tree, allow_unicode=True, sort_keys=False, width=10_000)
    (folder / f"{code}.yml").write_text(header + body, "utf-8")
    for path in sorted(folder.glob("*.yml")):
        if path.stem == code:
            continue
        text = path.read_text("utf-8")
        root = _compose(text)
        language = next(v for k, v in root.value if k.value == "language")
        names_node = next(v for k, v in language.value if k.value == "names")
        # Its name as that language writes it is for the translator: the code, marked, until then.
        path.write_text(_insert(text, [_add_key(text, names_node, code, _quoted(mark(code, code)))]), "utf-8")


def add_pages(project: Path, code: str, source: str, default: str) -> None:
    """Step 3: docs/PAGE.CODE.md beside every page, copied from its `source` translation."""
    docs = project / "docs"
    for page in sorted(docs.rglob("*.md")):
        if page.name.count(".") != 1:  # a translation, not the default language's page
            continue
        copied = page if source == default else page.with_name(f"{page.stem}.{source}.md")
        text = copied.read_text("utf-8")
        front = re.match(r"---\n.*?\n---\n", text, re.S)
        if front:
            text = _mark_front_matter(front.group(), code) + text[front.end() :]
        text = re.sub(r"(?m)^# (.+?)(?: *\{([^}]*)\})? *$", lambda m: _mark_title(m, code), text, count=1)
        page.with_name(f"{page.stem}.{code}.md").write_text(text, "utf-8")


def _mark_front_matter(front: str, code: str) -> str:
    """The page's description and title (one line each) marked, quoted as YAML."""

    def marked(match: re.Match) -> str:
        value = yaml.safe_load(match.group(2))
        return f"{match.group(1)}: {_quoted(mark(code, value))}" if isinstance(value, str) else match.group()

    return re.sub(r"(?m)^(description|title): *(\S.*)$", marked, front)


def _mark_title(match: re.Match, code: str) -> str:
    """The page's title (its h1) marked; a given id stays. An id MkDocs makes from the
    title's words is the language's own, like the words (its address is added in step 5)."""
    title, attributes = match.group(1), match.group(2)
    return f"# {mark(code, title)}" + (f" {{{attributes}}}" if attributes is not None else "")


def add_data_texts(project: Path, code: str, source: str, codes: tuple[str, ...]) -> None:
    """Step 4: a CODE text beside every text of data/ (and the test fixtures) in every language."""
    for folder in DATA_FOLDERS:
        for path in sorted((project / folder).glob("*.yml")):
            text = path.read_text("utf-8")
            root = _compose(text)
            if root is None:
                continue
            edits = []
            for mapping in _mappings(root):
                keys = {k.value: v for k, v in mapping.value}
                if set(keys) == set(codes) and all(v.tag.endswith(":str") for v in keys.values()):
                    edits.append(_add_key(text, mapping, code, _quoted(mark(code, keys[source].value))))
            path.write_text(_insert(text, edits), "utf-8")


def _mappings(node):
    if isinstance(node, yaml.MappingNode):
        yield node
        for _, value in node.value:
            yield from _mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _mappings(item)


def add_addresses(project: Path, source_root: str, root: str) -> None:
    """Step 5: the new language's published addresses, as `make addresses` adds them: the
    project is built (without the PDFs) and every page, anchor and file of the build that
    the list lacks is added; a moved page of the copied language moves in the new one too."""
    from tools.published import Listed, read_build, read_list, update, write_list

    path = project / ADDRESSES
    if not path.exists():  # a copy of the site's parts alone, without its tests
        return
    listed = read_list(path)
    prefix = "/" + source_root
    moves = {f"/{root}{old[len(prefix) :]}": f"/{root}{new[len(prefix) :]}" for old, new in listed.moves.items()}
    if source_root and moves:
        write_list(Listed(listed.addresses, {**listed.moves, **moves}), path)
    with tempfile.TemporaryDirectory(prefix="add-language-") as site:
        env = dict(os.environ, SITE_URL="http://127.0.0.1:8000/", TWINCITY_PDF="off", NO_MKDOCS_2_WARNING="1")
        properdocs = Path(sys.executable).with_name("properdocs")
        built = subprocess.run(
            [str(properdocs), "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", site],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
        )
        if built.returncode != 0:
            raise SystemExit(f"add_language: the build of {project} stops:\n{built.stdout}{built.stderr}")
        update(read_build(Path(site)), path)


# -----------------------------------------------------------------------------
# Copy and command line
# -----------------------------------------------------------------------------


def copy_checkout(dest: Path, checkout: Path = ROOT) -> Path:
    """A git clone of the checkout with its uncommitted changes: the project as it is now, history included."""
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"add_language: {dest} exists and is not empty")
    subprocess.run(["git", "clone", "--quiet", "--shared", str(checkout), str(dest)], check=True)
    changed = subprocess.run(
        ["git", "-C", str(checkout), "ls-files", "-z", "--modified", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    deleted = subprocess.run(
        ["git", "-C", str(checkout), "ls-files", "-z", "--deleted"], check=True, capture_output=True, text=True
    ).stdout.split("\0")
    for name in filter(None, changed):
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        if (checkout / name).is_file():
            shutil.copy2(checkout / name, dest / name)
    for name in filter(None, deleted):
        (dest / name).unlink(missing_ok=True)
    return dest


def add_language(
    project: Path,
    code: str,
    name: str,
    *,
    source: str = "en",
    og_locale: str | None = None,
    foreign_han: str | None = None,
    search_pipeline: tuple[str, ...] = ("stopWordFilter",),
) -> None:
    site = languages(project / "mkdocs.yml")
    codes = tuple(language.code for language in site)
    if code in codes:
        raise SystemExit(f"add_language: {code!r} is already one of the site's languages {list(codes)}")
    if source not in codes:
        raise SystemExit(f"add_language: --from {source!r} is not one of the site's languages {list(codes)}")
    roots = {language.code: language.root for language in site}
    add_to_config(project, code, name, source)
    add_catalogue(
        project, code, name, source, og_locale or f"{code}_{code.upper()}", foreign_han, list(search_pipeline)
    )
    add_pages(project, code, source, codes[0])
    add_data_texts(project, code, source, codes)
    add_addresses(project, roots[source], f"{code}/")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.add_language", description=__doc__.split("\n\n")[0])
    parser.add_argument("code", help="the language's code, as i18n's locale: ja")
    parser.add_argument("name", help="its name, as the language switch shows it: 日本語")
    parser.add_argument("--from", dest="source", default="en", help="the language copied and marked (default: en)")
    parser.add_argument("--og-locale", help="its Open Graph locale: ja_JP (default: CODE_CODE)")
    parser.add_argument(
        "--foreign-han", default=None, help="the language of Han characters in its texts; none when Han is its own"
    )
    parser.add_argument(
        "--search-pipeline", default="stopWordFilter", help="lunr steps Material keeps for it, comma-separated"
    )
    parser.add_argument("--to", type=Path, help="copy the project there first and add the language to the copy")
    args = parser.parse_args(argv)
    project = copy_checkout(args.to.resolve()) if args.to else ROOT
    add_language(
        project,
        args.code,
        args.name,
        source=args.source,
        og_locale=args.og_locale,
        foreign_han=None if args.foreign_han in (None, "none", "null") else args.foreign_han,
        search_pipeline=tuple(filter(None, args.search_pipeline.split(","))),
    )
    print(f"{args.code} added to {project}; every text marked [{args.code}] is still to translate", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
