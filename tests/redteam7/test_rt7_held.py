"""Ideas that held (these pass today): each makes an approval of doccontrol.yml, .mailmap or
mkdocs.yml carry a direct change, and the trail refuses it (DC516.adopts); a cached run and a
fresh run agree; approve refuses a conflicting merge and a pushed tag named main."""

from __future__ import annotations

import shutil

import pytest

from history_helpers import body, make_scenario
from rules_attacks import SELF, SITE, approve, blob, events, forge_merge, history, keys

ADOPTS = "problem.DC516.adopts"


def _direct_self(s):
    s.set_config(*SELF)
    s.git.commit("允许自己批准", who="liujing")


def _branch_site(s, name="cfg", start="main"):
    s.git.branch(name, start)
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")


def test_octopus_merge_adopting_a_direct_change(tmp_path):
    s = make_scenario(tmp_path)
    _direct_self(s)
    _branch_site(s, "a")
    s.git.branch("b")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei")
    s.git.checkout("main")
    s.git.merge_message(
        "Merge branches 'a' and 'b'\n\nApproved-by: 陈明远 <chen.mingyuan@example.com>\n"
        "Reviewed-by: 王芳 <wang.fang@example.com>",
        "a",
        "b",
    )
    assert ADOPTS in keys(events(s)[-1])
    assert b"allow_self_approval: false" in blob(s, history(s).config_in_force)


def test_trusted_squash_adopting_a_direct_change(tmp_path):
    s = make_scenario(
        tmp_path, "trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true"
    )
    _direct_self(s)
    s.set_config(*SITE)
    s.git.commit(
        "改站名 (!12)\n\nSee merge request it/sms!12\n\n"
        "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>",
        who="zhaolei",
    )
    last = events(s)[-1]
    assert last["kind"] == "squash" and ADOPTS in keys(last), last


@pytest.mark.parametrize("path", [".mailmap", "mkdocs.yml"])
def test_direct_first_version_then_an_approved_edit(tmp_path, path):
    s = make_scenario(tmp_path)
    s.files.write(
        path,
        "赵磊 <zhao.lei@example.com> <liu.jing@example.com>\n"
        if path == ".mailmap"
        else "site_name: a\n",
    )
    s.git.commit("直接添加", who="liujing")
    s.git.branch("edit")
    s.files.write(path, (s.root / path).read_text() + "# 评审过的注释\n")
    s.git.commit("修改", who="zhaolei")
    s.git.checkout("main")
    forge_merge(s, "edit")
    assert ADOPTS in keys(events(s)[-1])
    assert history(s).mailmap_in_force is None


def test_cached_and_fresh_runs_agree(tmp_path):
    def canon(h):
        return (
            [e.to_json() for e in h.events],
            {k: repr(v) for k, v in sorted(h.documents.items())},
            [repr(n) for n in h.notices],
            (h.config_in_force, h.mailmap_in_force, h.rules_unreadable),
        )

    s = make_scenario(tmp_path)
    steps = [
        lambda: _direct_self(s),
        lambda: _branch_site(s, "c1") or forge_merge(s, "c1"),
        lambda: (
            s.set_config("control_since: 2026-01-02", "control_since: 2025-12-01"),
            s.git.commit("提前", who="liujing"),
        ),
        lambda: _branch_site(s, "c2", "main~3") or forge_merge(s, "c2"),
    ]
    for step in steps:
        step()
        cached = canon(history(s, use_cache=True))
        shutil.rmtree(s.root / ".git" / "doccontrol", ignore_errors=True)
        assert cached == canon(history(s, use_cache=False))
        history(s, use_cache=True)


def test_approve_refuses_when_the_merge_conflicts(tmp_path):
    s = make_scenario(tmp_path)
    s.git.branch("cfg")
    s.set_config(*SITE)
    s.git.commit("改站名", who="zhaolei")
    s.git.checkout("main")
    s.set_config(SITE[0], "site_name: 直接改的站名")
    s.git.commit("直接改站名", who="liujing")
    result, merged = approve(s, "cfg")
    assert not merged and result.returncode == 1


def test_a_tag_named_main_stops_approve(tmp_path):
    s = make_scenario(tmp_path)
    _branch_site(s)
    s.git.run("tag", "main", "cfg")
    result, merged = approve(s, "cfg")
    assert not merged and result.returncode != 0
