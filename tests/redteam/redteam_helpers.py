"""Shared pieces of the red-team tests: repositories built with the real git, as an author with
push access (but not an approver) would shape them."""

from __future__ import annotations

import datetime
import shutil

from builders import PROJECT, RepoBuilder, procedure
from history_helpers import Scenario, body, make_scenario


def ack_scenario(tmp_path) -> Scenario:
    """SM-P-01 V1.0 in force from 2026-01-05 (the pre-control baseline), distributed to the
    qa department: 刘静 (liujing) and 王芳 (wangfang) owe an acknowledgement by 2026-01-19."""
    s = make_scenario(tmp_path)
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        s.root / "schemas/records/acknowledgement.schema.json",
    )
    s.git.commit("阅知确认记录模式", who="wangfang", date="2026-01-01T12:00:00+08:00")
    return s


def owed(s: Scenario, today: str):
    """(person, version) → Owed as of ``today``, the problem codes, and the judged records."""
    from doccontrol import acks, registers
    from doccontrol.load import repository

    repo = repository.load(s.root)
    history = s.history()
    day = datetime.date.fromisoformat(today)
    records = acks.ledger(history.acknowledgements, repo.config, history)
    stands = registers.standings(repo, history, day)
    documents = acks.status(repo.config, history, stands, day, records)
    problems = acks.problems(records)
    rows = {(o.person, o.version): o for d in documents for o in d.owed}
    return rows, sorted(p.code for p in problems), records


def copy_schemas(s: Scenario, *names: str) -> None:
    for name in names:
        shutil.copy(
            PROJECT / f"schemas/records/{name}.schema.json",
            s.root / f"schemas/records/{name}.schema.json",
        )


def secret(text: str) -> str:
    return text.replace("confidentiality: internal", "confidentiality: secret")


def public(text: str) -> str:
    return text.replace("confidentiality: internal", "confidentiality: public")


SECRET_ID = "SM-P-07"
SECRET_TITLE = "绝密并购应急程序"


def secret_scenario(tmp_path, *config_edits: str) -> Scenario:
    """The baseline (2026-01-01) holds SM-P-01 (internal) and the secret SM-P-07, both in force
    from 2026-01-05 and due for review on 2027-01-05."""
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(
        "docs/procedures/secret.md",
        secret(procedure(doc_id=SECRET_ID, title=SECRET_TITLE, body=body("并购对象：甲公司。"))),
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    for old, new in zip(config_edits[::2], config_edits[1::2], strict=True):
        s.set_config(old, new)
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T09:00:00+08:00")
    return s
