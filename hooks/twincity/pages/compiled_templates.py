"""Compiled Jinja templates kept for the life of the process.

mkdocs-static-i18n builds every language with a Jinja environment of its own, so the
theme's templates (Material's, about fifty, and overrides/) were parsed and compiled
again for each language, and again on every rebuild of `make serve`. `on_env` gives
each environment this one cache of compiled code. Jinja keys it by template name and
file and checks it against the template's source: an edited template is compiled anew.
"""

from __future__ import annotations

import jinja2


class ProcessBytecodeCache(jinja2.BytecodeCache):
    """Jinja's bytecode cache, held in memory."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        compiled = self._compiled.get(bucket.key)
        if compiled is not None:
            bucket.bytecode_from_string(compiled)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


CACHE = ProcessBytecodeCache()


def keep_compiled(env: jinja2.Environment) -> jinja2.Environment:
    env.bytecode_cache = CACHE
    return env
