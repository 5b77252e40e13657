"""approve and the trail disagree about files that are not regular files. The trail refuses a
symbolic link or a submodule in place of any controlled file (DC516.not-regular); approve asks
only `doccontrol check`, whose DC020 covers docs/, records/ and schemas/ symlinks and no
gitlink at all, and for a path named like a document asks only the document's approver. It
merges; the trail refuses the merge it made (trail --strict, the strict site build fail), and
for doccontrol.yml the history no longer knows where control began."""

from __future__ import annotations

import os

import pytest

from history_helpers import make_scenario
from rules_attacks import HOOK, HOOK_BASE, SITE_ON, approve, last_event


def _imported(tmp_path):
    s = make_scenario(tmp_path)
    s.files.write("mkdocs.yml", SITE_ON)
    s.files.write(HOOK, HOOK_BASE)
    s.files.write(".mailmap", "刘静 <liu.jing@example.com> <jing@old.example>\n")
    s.files.write(".gitlab-ci.yml", "pages:\n  script: [make site]\n")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")  # pre-control
    return s


@pytest.mark.parametrize(
    "path", ["doccontrol.yml", ".mailmap", "mkdocs.yml", HOOK, ".gitlab-ci.yml"]
)
def test_approve_merges_a_symlink_in_place_of_a_controlled_file(tmp_path, path):
    """zhaolei's branch moves the file to shared/ and leaves a link in its place (same text:
    the diff shows only the link). chenmy (configuration approver) runs approve: merged. The
    trail: DC516.not-regular, not accepted."""
    s = _imported(tmp_path)
    s.git.branch("ln")
    target = s.root / "shared" / path.replace("/", "_")
    target.parent.mkdir(exist_ok=True)
    target.write_bytes((s.root / path).read_bytes())
    (s.root / path).unlink()
    os.symlink(os.path.relpath(target, (s.root / path).parent), s.root / path)
    s.git.commit("改为链接", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "ln")
    if merged:
        last = last_event(s)
        assert path in last["accepted"], (last["problems"], result.stdout)


@pytest.mark.parametrize(
    "path,who", [("docs/img/flow.png", "chenmy"), ("docs/procedures/new.md", "liujing")]
)
def test_approve_merges_a_submodule_under_docs(tmp_path, path, who):
    """A gitlink under docs/ (for docs/procedures/new.md, approve takes it for a document and
    asks only the management representative). approve merges; the trail refuses it."""
    s = _imported(tmp_path)
    s.git.branch("sub")
    s.git.run("update-index", "--add", "--cacheinfo", f"160000,{s.git.head()},{path}")
    s.git.run("commit", "-q", "-m", "子模块", who="zhaolei")
    s.git.checkout("main")
    result, merged = approve(s, "sub", who=who)
    if merged:
        last = last_event(s)
        assert path in last["accepted"], (last["problems"], result.stdout)
