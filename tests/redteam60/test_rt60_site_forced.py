"""Round 60, question 3: do all outputs agree on forced signing? The CLI (``ack``, ``ack-due``,
``acks``, ``copies``, ``trail``, ``audit-pack``) reads the rules in force through
``publishing.config_in_force``/``approved_config``, which add ``signing_required`` while
``History.signing_forced``. The MkDocs plugin does so only while doccontrol.yml has a change
nobody approved (``approved_limit``'s ``lowered``); otherwise its ``site_config`` is
``repo.config``, the tip's file, which says ``require_signed: false`` whenever signing is
forced and nothing is pending: exactly the state the README's recovery from DC536.forced
(a signed revert to the file in force, session 26) leaves."""

from __future__ import annotations

import re

from rt60_helpers import ack_due, forged_ack, recovered, site_start

from site_helpers import built


def _text(path) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", path.read_text("utf-8")))


def _acknowledged_on_site(site, person_name: str) -> bool:
    """Whether SM-P-01's page lists ``person_name`` under 已确认 (acknowledged)."""
    text = _text(site / "procedures/test/index.html")
    done = text.split("已确认：", 1)
    return len(done) == 2 and person_name in done[1].split("1 目的", 1)[0]


def test_control_the_cli_refuses_an_unsigned_acknowledgement_while_signing_is_forced(tmp_path):
    """``ack-due`` judges by ``config_in_force`` + ``signing_required``: 赵磊's unsigned record
    in 王芳's name is DC540.signed, and 王芳 still owes SM-P-01 V1.0."""
    s = site_start(tmp_path)
    recovered(s)
    assert s.history().signing_forced
    forged = forged_ack(s)
    due = ack_due(s)
    owed = {o["person"]: o for o in due["owed"]}
    assert not owed["wangfang"]["done"]
    assert {(p["key"], p["commit"]) for p in due["problems"]} == {("problem.DC540.signed", forged)}


def test_control_before_the_forged_record_the_site_shows_wangfang_owing(tmp_path):
    s = site_start(tmp_path)
    recovered(s)
    site = built(s.root, tmp_path / "site")
    assert not _acknowledged_on_site(site, "王芳")


def test_the_site_counts_an_unsigned_acknowledgement_while_signing_is_forced(tmp_path):
    """The published site shows 王芳 as having acknowledged SM-P-01 V1.0 on 赵磊's unsigned
    record, which every CLI output refuses (DC540.signed) under the forced rules."""
    s = site_start(tmp_path)
    revert = recovered(s)
    history = s.history()
    assert history.signing_forced
    forged_ack(s)
    site = built(s.root, tmp_path / "site")
    assert not _acknowledged_on_site(site, "王芳"), (
        f"signing is forced (the README's recovery, {revert[:10]}, left the file in force "
        "with require_signed: false on main and nothing pending), so `ack-due` refuses 赵磊's "
        "unsigned record in 王芳's name (DC540.signed); but the MkDocs plugin judges records by "
        "repo.config (the tip's file) without signing_required, and SM-P-01's page says "
        "王芳 acknowledged it: "
        + _text(site / "procedures/test/index.html").split("阅知确认 1/2", 1)[-1][:160]
    )
