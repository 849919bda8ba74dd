"""`make serve` runs the code as it is on disk.

MkDocs imports hooks/main.py once per process (ProperDocs caches the loaded hook), and
Python keeps the modules of this package from their first import, so an edit to a
module would not be seen until the server restarts. `refresh(namespace)`, called as the
first step of every build (`on_config`), forgets the package's modules when one of its
files has changed since they were imported, imports them afresh and rebinds the names
the hook took from them. In a build whose files do not change (every `make build`,
every test) it does nothing, and classes keep their identity.
"""

from __future__ import annotations

import importlib
import sys
import types
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

PACKAGE = __name__.rpartition(".")[0]
_ROOT = Path(__file__).resolve().parent


def _stamp() -> tuple[tuple[str, int, int], ...]:
    """Every Python file of the package with its modification time and size."""
    stamps = []
    for path in sorted(_ROOT.rglob("*.py")):
        try:
            stat = path.stat()
        except OSError:  # removed while we looked
            continue
        stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(stamps)


# The package's files as they were when its modules were imported (this one among them).
_IMPORTED = _stamp()


def refresh(namespace: MutableMapping[str, Any]) -> bool:
    """If a file of the package changed since the import, import its modules afresh and rebind
    every name of `namespace` (the hook's globals) that came from them; True if it did."""
    if _stamp() == _IMPORTED:
        return False
    for name in [name for name in sys.modules if name == PACKAGE or name.startswith(f"{PACKAGE}.")]:
        del sys.modules[name]
    # MkDocs puts the hook's folder on sys.path only while it imports the hook.
    sys.path.insert(0, str(_ROOT.parent))
    try:
        for name, value in list(namespace.items()):
            origin = value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
            if not isinstance(origin, str) or not (origin == PACKAGE or origin.startswith(f"{PACKAGE}.")):
                continue
            module = importlib.import_module(origin)
            namespace[name] = module if isinstance(value, types.ModuleType) else getattr(module, value.__name__)
    finally:
        sys.path.remove(str(_ROOT.parent))
    return True
