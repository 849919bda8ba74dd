"""mkdocs.yml holds no YAML anchors or aliases (`&name`, `*name`, `<<: *name`).

A handful of aliases can stand for billions of values (an "alias bomb"): PyYAML shares
them in memory, but MkDocs then walks the whole configuration (it logs every value
while loading it) and the build grows memory without bound before any hook runs. The
configuration needs none, so any is refused, before MkDocs reads the file: every
project command runs `python -m tools.config_guard mkdocs.yml` first (make serve, build,
pages, addresses; the tests' builds), and the hook refuses them too (too late for a
bomb, but the same rule for every build).

Only YAML's event stream is read (no value is built), so a bomb costs nothing here.
Imports nothing but PyYAML: tools/config_guard.py runs it before MkDocs is loaded.
"""

from __future__ import annotations

from pathlib import Path

import yaml


def alias_problems(path: str | Path, display: str | None = None) -> list[str]:
    """One message naming the first anchor or alias of the YAML file, its line and how many
    there are; [] when it has none."""
    path = Path(path)
    display = display or path.name
    first, count = None, 0
    try:
        with path.open("rb") as stream:
            for event in yaml.parse(stream, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
                if isinstance(event, yaml.AliasEvent):
                    what = f"the alias *{event.anchor}"
                elif getattr(event, "anchor", None):
                    what = f"the anchor &{event.anchor}"
                else:
                    continue
                count += 1
                first = first or (event.start_mark.line + 1, what)
    except yaml.YAMLError:
        return []  # MkDocs reports the syntax error itself, with its line
    except FileNotFoundError:
        return []  # and that there is no such file
    except OSError as error:
        return [f"{display}: cannot be read: {error.strerror or error}"]
    if first is None:
        return []
    line, what = first
    more = f" (and {count - 1} more anchors or aliases)" if count > 1 else ""
    return [
        f"{display}: line {line}: {what}{more}: {display} uses no YAML anchors or aliases "
        "(a few can expand into billions of values before anything is checked); write the values out"
    ]
