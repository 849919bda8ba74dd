"""Check the site's configuration, pages, catalogues, data and source exactly as a build
does in `on_config`, and print every problem.

    SITE_URL=http://127.0.0.1:8000/ PYTHONPATH=hooks .venv/bin/python -m twincity.check [--config mkdocs.yml]

(`make check` runs it so.) It calls the build's own set-up (`pipeline.set_up`), so it
stops on exactly what stops a build before the first page is written.

Exit status 0 when everything is valid, 1 when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import properdocs.replacement  # noqa: F401 - the hook's `mkdocs` imports are ProperDocs'
from mkdocs import exceptions

from . import pipeline
from .data.kinds import KINDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m twincity.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", help="the site's configuration (default: mkdocs.yml)")
    args = parser.parse_args(argv)
    from mkdocs.config import load_config

    try:
        config = load_config(args.config)
        site = pipeline.set_up(config)
    except (exceptions.ConfigurationError, exceptions.PluginError) as error:
        print(f"{Path(args.config)}: the build would stop:\n{error}", file=sys.stderr)
        return 1
    data = site.data
    counts = ", ".join(f"{len(data.entries(kind.name))} {kind.name}" for kind in KINDS)
    print(f"{args.config}: valid: {len(site.languages)} languages, {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
