"""Re-pin requirements/*.txt from requirements/*.in (run through `make lock`).

Installs site.in into a throw-away virtual environment and freezes it into site.txt,
then adds dev.in and writes what it brought on top of the site into dev.txt.
No extra tool is needed: only `venv` and `pip`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parent.parent / "requirements"
HEADERS = {
    "site": "# Generated from site.in by `make lock`: every package the site build uses, pinned.",
    "dev": "# Generated from dev.in by `make lock`: site packages plus test tools, pinned.\n-r site.txt",
}


def _pip(python: Path, *args: str) -> str:
    result = subprocess.run(
        [str(python), "-m", "pip", "--disable-pip-version-check", *args],
        check=True,
        capture_output=True,
        text=True,
    )
    return result.stdout


def _frozen(python: Path) -> list[str]:
    lines = _pip(python, "freeze", "--all", "--exclude", "pip", "--exclude", "setuptools")
    return sorted((line for line in lines.splitlines() if line.strip()), key=lambda pin: pin.split("==")[0].lower())


def _write(name: str, pins: list[str]) -> None:
    path = REQUIREMENTS / f"{name}.txt"
    text = HEADERS[name] + "\n" + "\n".join(pins) + "\n"
    if path.read_text(encoding="utf-8") != text:  # keep the mtime: make reinstalls on it
        path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(REQUIREMENTS.parent)}: {len(pins)} packages")


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="lock-") as tmp:
        venv.create(tmp, with_pip=True)
        python = Path(tmp) / "bin" / "python"
        _pip(python, "install", "--quiet", "-r", str(REQUIREMENTS / "site.in"))
        site = _frozen(python)
        _pip(python, "install", "--quiet", "-r", str(REQUIREMENTS / "dev.in"))
        dev = [pin for pin in _frozen(python) if pin not in set(site)]
    _write("site", site)
    _write("dev", dev)
    return 0


if __name__ == "__main__":
    sys.exit(main())
