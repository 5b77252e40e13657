"""Nobody closes their own nonconformity (DC521.own), except through a second identity.

Attack 1 (unknown alias): 陈明远, the config approver, pushes a direct change to the incident
schema from a machine whose Git identity is `陈明远 <chenmy@home.example>` (an address
doccontrol.yml does not list; no .mailmap entry). An approved revert undoes it. He then approves
(Approved-by: 陈明远, Reviewed-by: 王芳) 刘静's change adding
`approval.dispositions: [{commit: <his push>, record: NC-2026-001}]`.
On b9b0c8d: `trail --strict` exits 0; the trail row of the push says "Changed by 陈明远" and the
disposition line says "handled as nonconformity NC-2026-001 (approved by 陈明远 …)".
`_people` keys people by person id, else by `<email>`, so an unknown address never matches the
approver's id.

Attack 2 (require_signed): the same push is signed with 陈明远's own registered SSH key (the
trail shows signature good, signer `chenmy`), but authored as 赵磊 (`git commit --author`).
The own-check reads only authors/approvers/merger (the author field anyone types), never the
one thing Git proves: who signed (nor the committer). `trail --strict` exits 0.

Safe: the disposition does not count (DC521.own, or a refusal for a commit by someone
doccontrol.yml does not know / whose signer or committer is the approver); `--strict` fails.
"""

from __future__ import annotations

import subprocess

import gitrepo
from disposition_helpers import (
    SCHEMA,
    direct_schema_change,
    dispose,
    entry,
    record,
    revert,
    scenario,
    strict,
    trail,
)
from gitrepo import ident


def test_a_config_approver_disposes_of_his_own_push_made_under_an_unknown_address(
    tmp_path, monkeypatch
):
    monkeypatch.setitem(gitrepo.PEOPLE, "chen_home", ("陈明远", "chenmy@home.example"))
    s = scenario(tmp_path)
    push, text = direct_schema_change(s, who="chen_home")
    revert(s, text)
    dispose(s, push, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert not verdict["counts"], verdict
    assert strict(s).returncode != 0


def _keypair(folder, name):
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def test_a_config_approver_disposes_of_his_own_signed_push_authored_in_another_name(tmp_path):
    folder = tmp_path / "keys"
    folder.mkdir()
    key, pub = _keypair(folder, "chen")
    s = scenario(
        tmp_path,
        "roles: [general-manager]}",
        f'roles: [general-manager], signing_keys: ["{pub}"]}}',
        "require_signed: false",
        "require_signed: true",
    )
    text = (s.root / SCHEMA).read_text(encoding="utf-8")
    s.files.write(SCHEMA, text.replace('"retention_years": 3', '"retention_years": 1'))
    s.git.run("add", "-A")
    sign = ("-c", "gpg.format=ssh", "-c", f"user.signingkey={key}")
    s.git.run(
        *sign, "commit", "-q", "-S", "--author", ident("zhaolei"), "-m", "直接修改",
        who="chenmy", date=s.git.next_date(),
    )  # fmt: skip
    push = s.git.head()

    def signed_merge(branch, edit):
        s.git.branch(branch)
        edit()
        s.git.commit(branch, who="zhaolei")
        s.git.checkout("main")
        return s.git.merge(branch, branch, who="chenmy", approvers=("chenmy",), sign_key=key)

    signed_merge("revert", lambda: s.files.write(SCHEMA, text))

    def nc():
        record(s)
        s.set_config("approval:\n", entry(push))

    signed_merge("nc", nc)
    data = trail(s)
    event = next(e for e in data["events"] if e["commit"] == push)
    assert event["signature"]["signer"] == "chenmy"  # Git proves who made it
    (verdict,) = data["dispositions"]
    assert not verdict["counts"], verdict
    assert strict(s).returncode != 0


def mailmapped(tmp_path):
    """make_scenario with a .mailmap in the first commit (in force from the start)."""
    from builders import RepoBuilder
    from history_helpers import Scenario

    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write(".mailmap", "陈明远 <chen.mingyuan@example.com> <chenmy@home.example>\n")
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.git.commit("初始导入", who="wangfang")
    return s


def test_held_an_alias_mapped_in_the_mailmap_in_force_is_caught(tmp_path, monkeypatch):
    """Held: when .mailmap (in force from the start) maps the alias to 陈明远, DC521.own."""
    monkeypatch.setitem(gitrepo.PEOPLE, "chen_home", ("陈明远", "chenmy@home.example"))
    s = mailmapped(tmp_path)
    push, text = direct_schema_change(s, who="chen_home")
    revert(s, text)
    dispose(s, push, approvers=("chenmy",))
    (verdict,) = trail(s)["dispositions"]
    assert verdict["refusal"]["key"] == "problem.DC521.own", verdict
    assert strict(s).returncode != 0
