"""A local server that behaves like GitHub Pages, for the browser tests and `make audit`:
text is gzip-compressed when the browser accepts it, and a missing path gets /404.html
with status 404. Lighthouse's timings and the 404 tests depend on both."""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import threading
from pathlib import Path

# Formats GitHub Pages serves compressed; images and fonts go as they are.
COMPRESSED = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and accepts_gzip and content_type.startswith(COMPRESSED)):
            return super().do_GET()
        if (
            not self.path.split("?", 1)[0].endswith("/")
            and path.name == "index.html"
            and not self.path.endswith("index.html")
        ):
            return super().do_GET()  # let the parent redirect /page to /page/
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format, *args):  # keep test and audit output quiet
        pass


def free_port(preferred: int = 0) -> int:
    """A free loopback port: `preferred` when it is free, else any (to serve right away)."""
    with reserve_port(preferred) as sock:
        return sock.getsockname()[1]


def reserve_port(preferred: int = 0) -> socket.socket:
    """A loopback port held for a site to be served later: `preferred` when it is free,
    else any; `serve` takes the socket, so no other program can take the port meanwhile.

    A built site holds its own address (canonical links, the QR codes), so building it
    for the same port from one test run to the next lets the build cache find the
    fact-sheet PDFs printed for it last time."""
    for port in (preferred, 0) if preferred else (0,):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it
        try:
            sock.bind(("127.0.0.1", port))
            sock.listen()
        except OSError:  # taken: another run, or another program
            sock.close()
            continue
        return sock
    raise OSError("no free loopback port")


def serve(site_dir: Path, port: int, listener: socket.socket | None = None) -> http.server.ThreadingHTTPServer:
    """Serve site_dir on loopback at `port` in a background thread, through `listener` (from
    `reserve_port`) while it is open; call shutdown() and server_close() when done."""
    handler = functools.partial(PagesHandler, directory=str(site_dir))
    if listener is not None and listener.fileno() != -1:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler, bind_and_activate=False)
        server.socket.close()
        server.socket = listener
    else:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
