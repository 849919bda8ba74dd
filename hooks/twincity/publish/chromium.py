"""How every Chromium of the project starts: the PDF step's, the browser tests' and the
audit's. Debian's /usr/bin/chromium where it exists (CI installs it), else Playwright's
own; and offline. Printing needs no network (the page and everything it shows are local
files), and the tests and the audit load the site from this machine.
"""

from __future__ import annotations

from pathlib import Path

SYSTEM_CHROMIUM = Path("/usr/bin/chromium")
# Left alone, Chromium calls Google's hosts on its own (component updates, account, time
# and variation services, DNS prefetch, safe browsing...): the flags switch those services
# off or point their addresses at a closed local port (9, which Chromium refuses as
# unsafe: not even a local connection is made), and the host resolver rule makes every
# name but the local ones unresolvable, so that a service the flags miss (or a new one)
# cannot reach a host either. tests/test_pdf_network.py watches Chromium's net log.
_NOWHERE = "http://127.0.0.1:9/"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--dns-prefetch-disable",
    "--no-pings",
    "--disable-quic",
    "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,"
    "AutofillServerCommunication,CertificateTransparencyComponentUpdater",
    f"--component-updater=url-source={_NOWHERE}",
    f"--variations-server-url={_NOWHERE}",
    f"--gaia-url={_NOWHERE}",
    f"--google-apis-url={_NOWHERE}",
    f"--lso-url={_NOWHERE}",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


def chromium_executable() -> str | None:
    """Debian's Chromium where it exists, else Playwright's own (None)."""
    return str(SYSTEM_CHROMIUM) if SYSTEM_CHROMIUM.exists() else None
