from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def demo(tmp_path_factory) -> Path:
    """The demo repository and its site, built once with the real git and mkdocs."""
    sys.path.insert(0, str(PROJECT / "tools/demo"))
    import build_demo

    out = tmp_path_factory.mktemp("demo") / "demo"
    build_demo.build(out, site=True)
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(demo):
    """The demo site served over HTTP on a free port (the browser tests' address)."""
    handler = functools.partial(_Quiet, directory=str(demo / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # the flags keep Chromium from calling home on a machine with no internet
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()
