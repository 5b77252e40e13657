"""The demo's read-and-understood acknowledgements: on the site and in ack-due."""

from __future__ import annotations

import json
import subprocess
import sys

from site_helpers import page


def test_demo_acknowledgements_some_given_some_overdue(demo):
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "doccontrol",
            "ack-due",
            "--all",
            "--format",
            "json",
            "--today",
            "2026-11-26",
        ],
        cwd=demo,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    owed = data["owed"]
    assert sum(o["done"] for o in owed) == 24
    assert any(o["overdue"] for o in owed)
    assert [p["code"] for p in data["problems"]] == ["DC542"]
    # 刘静 signs hers with her key; the others' rest on branch protection
    evidence = {(o["person"], o["evidence"]) for o in owed if o["done"]}
    assert ("liujing", "person-signed") in evidence
    assert {e for p, e in evidence if p != "liujing"} == {"unsigned"}
    done = next(o for o in owed if o["done"])
    gate = subprocess.run(
        [
            sys.executable,
            "-m",
            "doccontrol",
            "ack-due",
            "--fail-on",
            "overdue",
            "--today",
            "2026-11-26",
        ],
        cwd=demo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert gate.returncode == 1
    people = page(demo / "site", "registers/acknowledgements")
    assert "逾期" in people
    section = people.split(f'id="person-{done["person"]}"')[1].split("<h2")[0]
    assert f">{done['document']}<" not in section  # acknowledged: not owed any more
    register = page(demo / "site", "registers/documents")
    assert "阅知确认：待确认文件" in register  # in the navigation
