"""The demo's PDFs are opt-in (``make demo-pdf``, ``build_demo.py --pdf``): the option sets
``publish.pdf`` in the demo's own approved doccontrol.yml. (The PDFs a site build makes are
tested on a small repository in test_pdf_copies.py: building the demo's ~50 takes minutes.)"""

from __future__ import annotations

import subprocess
import sys

from builders import PROJECT


def test_the_pdf_option_turns_publish_pdf_on_in_the_demo_config(tmp_path):
    from doccontrol.load.repository import load_config

    built = subprocess.run(
        [
            sys.executable,
            str(PROJECT / "tools/demo/build_demo.py"),
            "--out",
            str(tmp_path / "demo"),
            "--no-site",
            "--pdf",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    root = tmp_path / "demo"
    config = load_config((root / "doccontrol.yml").read_bytes())[0]
    assert config is not None and config.publish.pdf is True
    # committed with the start of the demo's history: the rules the history applies
    first = subprocess.run(
        ["git", "log", "--format=%H", "--reverse", "--", "doccontrol.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[0]
    shown = subprocess.run(
        ["git", "show", f"{first}:doccontrol.yml"], cwd=root, capture_output=True, text=True
    ).stdout
    assert "  pdf: true" in shown
