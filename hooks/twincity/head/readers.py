"""What every page offers readers who arrive on a phone, often from WeChat: the
reading mode's labels, a share panel with the page's QR code (made here, at build
time, from the canonical address the <head> gives) and the filing numbers a copy
served in mainland China must show in its footer (mkdocs.yml, extra.twincity.filing).

The build hook puts a `Readers` into every page's template context as
`twincity_readers`; overrides/partials/ write it out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config.languages import Language
from ..pages.qr import qr_path
from .meta import PageHead

# The registers a filing number links to: the ICP register, and the public-security
# register's search for the number's digits.
ICP_REGISTER = "https://beian.miit.gov.cn/"
PSB_REGISTER = "https://beian.mps.gov.cn/#/query/webSearch?code={code}"


@dataclass(frozen=True)
class Filing:
    """A filing number as the footer shows it, and where it links."""

    number: str
    link: str


@dataclass(frozen=True)
class Readers:
    texts: dict  # the catalogue's readers section
    url: str  # the page's canonical address: what the QR code holds and the copy button copies
    qr_size: int  # in modules, quiet zone included
    qr_path: str
    filing: tuple[Filing, ...]  # ICP first, then public security; empty when not configured


def filing_numbers(settings: dict) -> tuple[Filing, ...]:
    """The filing numbers set in extra.twincity.filing (from ICP_FILING, PSB_FILING); none invented."""
    icp = str(settings.get("icp") or "").strip()
    psb = str(settings.get("psb") or "").strip()
    found = []
    if icp:
        found.append(Filing(icp, ICP_REGISTER))
    if psb:
        found.append(Filing(psb, PSB_REGISTER.format(code="".join(re.findall(r"\d", psb)))))
    return tuple(found)


def page_readers(head: PageHead, language: Language, config) -> Readers:
    size, path = qr_path(head.canonical)
    settings = (config.extra.get("twincity") or {}).get("filing") or {}
    return Readers(
        texts=language.texts["readers"], url=head.canonical, qr_size=size, qr_path=path, filing=filing_numbers(settings)
    )
