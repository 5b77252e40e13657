"""An id withdrawn before control began (control_since: 2026-01-02): SM-P-06 imported, then
deleted the same day before control. `register` and `trail` have it withdrawn (a baseline of
kind "withdrawal", which since session 19 keeps the text it withdrew). Do the other outputs
agree?"""

from __future__ import annotations

import datetime
import zipfile

from rt27_helpers import cli_env, register

from builders import procedure

C = "docs/procedures/c.md"
PRE = "2026-01-01T15:00:00+08:00"  # before control began
TODAY = datetime.date.today().isoformat()


def _withdrawn_before_control(tmp_path):
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(C, procedure(doc_id="SM-P-06", title="删除的程序"))
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    (s.root / C).unlink()
    s.git.commit("控制前删除", who="wangfang", date=PRE)
    assert register(s)["SM-P-06"]["state"] == "withdrawn"
    return s


def _run(s, *args):
    return cli_env(s.root, {"LANG": "en"}, *args)


def test_a_precontrol_withdrawal_is_withdrawn_everywhere(tmp_path):
    """`show --as-of` today, `pdf --as-of` today, `ack` and the audit pack's register all
    treat SM-P-06 as withdrawn: nothing offers it as in force."""
    from rules_attacks import identity

    s = _withdrawn_before_control(tmp_path)
    shown = _run(s, "show", "SM-P-06", "--as-of", TODAY)
    assert shown.returncode == 0 and "withdrawn on" in shown.stdout.splitlines()[0], shown.stdout
    pdf = _run(s, "pdf", "SM-P-06", "-o", str(tmp_path / "c.pdf"), "--as-of", TODAY)
    assert pdf.returncode != 0 and "Withdrawn" in pdf.stderr, pdf.stdout + pdf.stderr
    identity(s, "zhaolei")
    ack = _run(s, "ack", "SM-P-06")
    assert ack.returncode != 0 and "Withdrawn" in ack.stderr, ack.stdout + ack.stderr
    due = _run(s, "ack-due", "--all", "--format", "json")
    assert due.returncode == 0 and "SM-P-06" not in due.stdout, due.stdout
    pack = _run(
        s, "audit-pack", "--from", "2026-01-01", "--to", TODAY, "-o", str(tmp_path / "p.zip")
    )
    assert pack.returncode == 0, pack.stderr
    with zipfile.ZipFile(tmp_path / "p.zip") as z:
        rows = z.read("register/register.csv").decode("utf-8").splitlines()
        documents = [n for n in z.namelist() if n.startswith("documents/")]
    row = next(r for r in rows if r.startswith('"SM-P-06"'))
    assert '"Withdrawn"' in row, row
    assert not any("SM-P-06" in n for n in documents), documents


def test_diff_reads_the_version_a_precontrol_withdrawal_keeps(tmp_path):
    """`show` prints SM-P-06 V1.0 (the text the withdrawal keeps); `diff SM-P-06 V1.0 V1.0`
    answers "no version V1.0 in Git (versions: V1.0)". Safe: diff finds the version it lists
    (as show does), or does not list it."""
    s = _withdrawn_before_control(tmp_path)
    shown = _run(s, "show", "SM-P-06", "--as-of", TODAY)
    assert "version V1.0" in shown.stdout, shown.stdout
    live = _run(s, "diff", "SM-P-01", "V1.0", "V1.0")  # the premise: a version with itself
    assert live.returncode == 0, live.stdout + live.stderr
    diff = _run(s, "diff", "SM-P-06", "V1.0", "V1.0")
    assert diff.returncode == 0, (
        "show reads SM-P-06 V1.0, diff says it has no such version while listing it:\n"
        + diff.stdout
        + diff.stderr
    )
