"""The demo's read-and-understood acknowledgements (阅知确认).

Acknowledgements are asked for from versions that took effect on or after 1 June 2026
(``acknowledgement.since`` in the demo's doccontrol.yml). On 21 and 22 November some of the
people who owe one acknowledge, each in a commit of their own, the way ``doccontrol ack``
commits it (刘静, who has a signing key, signs hers: their evidence is stronger); the others
are left owing, overdue on the demo's date, and one record names a version of its document
that was never approved (DC542: it counts for nothing). The commits are dated in order: a
commit dated before the one before it on the main line is reported (DC543).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from build_demo import Demo

SINCE = "2026-06-01"
DAYS = ("2026-11-21", "2026-11-22")  # before the copies and the change impact steps (23rd on)
SIGNER = "liujing"  # the person with a signing key in the demo's doccontrol.yml


def configure(config: str) -> str:
    """doccontrol.yml as the demo starts it: acknowledgements owed from 1 June 2026 on."""
    marker = "  exempt: [front-matter, editorial]\n"
    if marker not in config:
        raise SystemExit("demo: doccontrol.yml has no acknowledgement.exempt line")
    return config.replace(marker, marker + f"  since: {SINCE}\n")


def add(d: Demo, as_of: str) -> None:
    due = subprocess.run(
        [sys.executable, "-m", "doccontrol", "ack-due", "--format", "json", "--today", as_of],
        cwd=d.root,
        capture_output=True,
        text=True,
        check=False,
    )
    if due.returncode != 0:
        raise SystemExit(f"demo: doccontrol ack-due failed:\n{due.stderr}")
    owed = json.loads(due.stdout)["owed"]
    # of the first 36 owed, two in three acknowledge, in a fixed order; the rest stay owing
    given = [o for i, o in enumerate(owed[:36]) if i % 3 != 2]
    for i, o in enumerate(given):
        day = DAYS[i * len(DAYS) // len(given)]
        _acknowledge(d, o["person"], o["document"], o["title"], o["version"], day, i)
    # an acknowledgement of a version no longer in force: it is kept, and counts for nothing
    if owed:
        first = owed[-1]
        _acknowledge(d, first["person"], first["document"], first["title"], "V1.0", DAYS[-1], 99)


def _acknowledge(
    d: Demo, person: str, document: str, title: str, version: str, day: str, n: int
) -> None:
    from doccontrol import acks

    rid = acks.record_id(document, version, person)
    path = d.path(f"{acks.ACK_FOLDER}/{rid}.yaml")
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    name = next(p.name for p in _people(d) if p.id == person)
    path.write_text(
        f"id: {rid}\n"
        f"title: {json.dumps(f'{name} 确认已阅读并理解 {document} {title} {version}', ensure_ascii=False)}\n"
        f"person: {person}\ndocument: {document}\nversion: {json.dumps(version)}\ndate: {day}\n"
        'statement: "本人已阅读并理解本文件此版本的内容，并将在工作中遵照执行。"\n',
        encoding="utf-8",
    )
    d.git("add", "-A")
    minute = 10 + n % 50
    sign = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={d.key}") if person == SIGNER else ()
    d.git(
        *sign,
        "commit",
        *(("-S",) if sign else ()),
        "-q",
        "-m",
        f"阅知确认：{document} {version}（{name}）",
        who=person,
        when=f"{day}T09:{minute:02d}:00+08:00",
    )


def _people(d: Demo) -> tuple:  # type: ignore[type-arg]
    from doccontrol.load.repository import load_config

    config = load_config(d.path("doccontrol.yml").read_bytes())[0]
    assert config is not None
    return config.people
