"""The Nu HTML Checker's messages that come from Material for MkDocs, not from this
project: each is one message text, one exact piece of markup, and the reason it stays.

Anything else the checker says, error or warning, fails `make test`
(tests/test_html_valid.py). An entry that no longer matches anything fails too, so
this list cannot outlive what it excuses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    message: re.Pattern[str]  # vnu's message text (fullmatch)
    markup: re.Pattern[str]  # the highlighted markup the message is about (fullmatch)
    source: str  # where that markup comes from
    reason: str

    def matches(self, message: str, markup: str) -> bool:
        return bool(self.message.fullmatch(message) and self.markup.fullmatch(markup))


ALLOWED = (
    Allowed(
        message=re.compile(
            r"Attribute “autocomplete” is only allowed when the input type is “color”, “date”, "
            r"“datetime-local”, “email”, “hidden”, “month”, “number”, “password”, “range”, "
            r"“search”, “tel”, “text”, “time”, “url”, or “week”\."
        ),
        markup=re.compile(
            r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" '
            r'id="__(drawer|search)" autocomplete="off">'
        ),
        source="mkdocs-material 9.8.2, material/templates/base.html lines 99-100 (not overridden here)",
        reason=(
            "Material's two state toggles (navigation drawer, search) are hidden checkboxes with "
            'autocomplete="off" so that Firefox does not restore their checked state on '
            "reload (leaving the drawer or search open). Invalid on a checkbox, harmless; "
            "overriding base.html to drop it would fork Material's page skeleton."
        ),
    ),
)


def allowed_by(message: str, markup: str) -> Allowed | None:
    return next((entry for entry in ALLOWED if entry.matches(message, markup)), None)
