"""An evil merge: the approver's merge commit holds a version of a controlled file that neither
main nor the reviewed branch had. 赵磊's branch changes only the incident schema (reviewed by
王芳); 陈明远, a config approver, merges it by hand (`git merge --no-ff --no-commit`), and before
committing also flips `allow_self_approval: true` in doccontrol.yml (or rewrites the schema
beyond the reviewed diff), with the usual trailers, signed with his own key where
`require_signed` is on. Because main held doccontrol.yml as it is in force, `merge_made` skips the
comparison altogether (``main_clean``), so the unreviewed version is accepted and comes into
force; `trail --strict` passes. For a document the same hand edit makes the merger an author
(DC503: he approves his own text); for a controlled file nothing notices.

Safe: a merge whose version of a controlled file is neither a merged branch's own nor the clean
three-way merge of main and the branch (what git's merge makes of the reviewed diff) does not take
effect (DC516.merged), as the README promises ("a clean merge into the version in force is
fine"), or at least its maker counts as an author, as for documents."""

from __future__ import annotations

import subprocess

import pytest

from history_helpers import make_scenario
from rules_attacks import SELF, blob, events, history, keys, strict_trail

SCHEMA = "schemas/records/incident.schema.json"
TRAILERS = (
    "Approved-by: 陈明远 <chen.mingyuan@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"
)
CHEN = "roles: [general-manager]}"


def _keypair(folder, name):
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def _scenario(tmp_path, signed):
    if not signed:
        return make_scenario(tmp_path), None
    folder = tmp_path / "keys"
    folder.mkdir()
    key, pub = _keypair(folder, "chen")
    s = make_scenario(
        tmp_path,
        CHEN,
        f'roles: [general-manager], signing_keys: ["{pub}"]}}',
        "require_signed: false",
        "require_signed: true",
    )
    return s, key


def _evil_merge(s, key, edit):
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.git.branch("a")
    s.files.write(SCHEMA, text.replace('"title": "测试事件"', '"title": "测试事件（甲）"'))
    s.git.commit("改标题", who="zhaolei")
    s.git.checkout("main")
    s.git.run("merge", "--no-ff", "--no-commit", "a", who="chenmy")
    edit(s)  # what the merge's maker writes: no branch held it, no review showed it
    s.git.run("add", "-A")
    sign = ["-c", "gpg.format=ssh", "-c", f"user.signingkey={key}"] if key else []
    s.git.run(
        *sign,
        "commit",
        "-q",
        *(["-S"] if key else []),
        "-m",
        "Merge branch 'a'\n\n改标题\n\n" + TRAILERS,
        who="chenmy",
        date=s.git.next_date(),
    )
    return events(s)[-1]


def _flip(s):
    s.set_config(*SELF)


def _more_schema(s):
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 0'))


@pytest.mark.parametrize("signed", [False, True], ids=["unsigned", "approver-signed"])
def test_hand_edited_config_in_the_merge_does_not_take_effect(tmp_path, signed):
    s, key = _scenario(tmp_path, signed)
    last = _evil_merge(s, key, _flip)
    if signed:
        assert last["evidence"] == "approver-signed", last
    assert SCHEMA in last["accepted"], last  # the reviewed change itself is fine
    assert "doccontrol.yml" not in last["accepted"], last
    assert b"allow_self_approval: false" in blob(s, history(s).config_in_force)
    assert strict_trail(s) != 0


def test_hand_edited_schema_beyond_the_reviewed_diff(tmp_path):
    s, key = _scenario(tmp_path, False)
    last = _evil_merge(s, key, _more_schema)
    assert SCHEMA not in last["accepted"], last
    assert "problem.DC516.merged" in keys(last), last
