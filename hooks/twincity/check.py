"""Check data/*.yml the way the build does and print every problem.

    PYTHONPATH=hooks .venv/bin/python -m twincity.check [DATA_DIR] [--config mkdocs.yml]

Texts are checked against the languages mkdocs.yml declares.

Exit status 0 when the data is valid, 1 when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import properdocs.replacement  # noqa: F401 - the hook's `mkdocs` imports are ProperDocs'

from .data.loading import load_site_data
from .errors import DataError
from .pipeline import declared_languages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m twincity.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default="data", help="folder holding the YAML files (default: data)")
    parser.add_argument("--config", default="mkdocs.yml", help="the site's configuration, which declares its languages")
    args = parser.parse_args(argv)
    from mkdocs.config import load_config

    languages = declared_languages(load_config(args.config))
    try:
        data = load_site_data(Path(args.data_dir), languages, use_cache=False)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"{args.data_dir}: valid: {len(data.people)} people, {len(data.agreements)} agreements, "
        f"{len(data.timeline)} timeline events, {len(data.quotes)} quotes, {len(data.glossary)} glossary terms, "
        f"{len(data.places)} places"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
