"""`mkdocs serve` rebuilds after an edit to a record, doccontrol.yml or a schema, not only to
docs/ (the plugin's on_serve watches them). A real server process; its log is polled with a
generous bound, nothing is timed."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time

MKDOCS_YML = """site_name: serve test
docs_dir: docs
theme:
  name: material
  font: false
plugins:
  - search
  - doccontrol:
      history: false
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Log:
    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.lines: list[str] = []
        self.thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.thread.start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.append(line)

    def wait_for(self, text: str, count: int, bound: float = 120.0) -> None:
        deadline = time.monotonic() + bound
        while sum(text in line for line in self.lines) < count:
            assert time.monotonic() < deadline, "".join(self.lines)
            time.sleep(0.1)


def test_serve_rebuilds_after_editing_a_record_the_config_and_a_schema(repo):
    repo.doc()
    record = repo.record()
    (repo.root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=repo.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    try:
        log = Log(process.stderr)
        log.wait_for("Serving on", 1)
        builds = sum("Building documentation" in line for line in log.lines)
        record.write_text(record.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
        log.wait_for("Building documentation", builds + 1)
        config = repo.root / "doccontrol.yml"
        config.write_text(config.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        log.wait_for("Building documentation", builds + 2)
        schema = repo.root / "schemas/records/incident.schema.json"
        schema.write_text(schema.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        log.wait_for("Building documentation", builds + 3)
        assert any(
            "Detected file changes" in line or "Building documentation" in line
            for line in log.lines
        )
    finally:
        process.terminate()
        process.wait(timeout=60)
