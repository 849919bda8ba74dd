"""Check data/*.yml the way the build does and print every problem.

    PYTHONPATH=hooks .venv/bin/python -m twincity.check [DATA_DIR]

Exit status 0 when the data is valid, 1 when it is not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .errors import DataError
from .loading import load_site_data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m twincity.check", description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default="data", help="folder holding the YAML files (default: data)")
    args = parser.parse_args(argv)
    try:
        data = load_site_data(Path(args.data_dir), use_cache=False)
    except DataError as error:
        print(error, file=sys.stderr)
        return 1
    print(
        f"{args.data_dir}: valid: {len(data.people)} people, {len(data.agreements)} agreements, "
        f"{len(data.timeline)} timeline events, {len(data.quotes)} quotes, {len(data.glossary)} glossary terms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
