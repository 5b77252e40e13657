"""Round 94: the approved .mailmap says a raw identity that bears 刘静's name is 赵磊 (a shared
lab machine set up as `刘静 <lab@…>` that 赵磊 uses). History maps it first and sees 赵磊,
so 刘静's approval of 赵磊's change is clean; `approve` also keeps the raw, unmapped
identity without an id, matches it to 刘静 by name and refuses. The two disagree."""

from __future__ import annotations

from builders import RepoBuilder
from gitrepo import ident
from history_helpers import Scenario, body
from rules_attacks import SOON, approve, events

MAILMAP = "赵磊 <zhao.lei@example.com> 刘静 <lab@shared.example>\n"


def _scenario(tmp_path, mailmap=MAILMAP) -> Scenario:
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(".mailmap", mailmap)
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    s.git.branch("a")
    s.files.doc(version="V1.1", body=body("赵磊的修订"), effective_date=SOON)
    s.git.run("add", "-A")
    s.git.run(
        "commit",
        "-q",
        "-m",
        "修订",
        "--author",
        "刘静 <lab@shared.example>",
        who="zhaolei",
        date=s.git.next_date(),
    )
    s.git.checkout("main")
    return s


def test_control_history_reads_the_mapped_writer_as_zhaolei(tmp_path):
    s = _scenario(tmp_path)
    s.git.merge_message(
        "Merge branch 'a'\n\n修订\n\nSee merge request it/sms!1\n\n"
        f"Approved-by: {ident('liujing')}\nReviewed-by: {ident('wangfang')}",
        "a",
        who="liujing",
    )
    event = events(s)[-1]
    assert [a["name"] for a in event["authors"]] == ["赵磊"]
    assert event["approved"] and not event["problems"], event


def test_approve_agrees_with_history_on_the_mapped_writer(tmp_path):
    s = _scenario(tmp_path)
    result, merged = approve(s, "a", "liujing")
    assert merged, result.stdout + result.stderr
