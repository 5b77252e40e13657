"""Red team, round 2: odd Git objects and refs. The history reader ignores refs/replace/*
(GIT_NO_REPLACE_OBJECTS), but not every command reads Git through it. Real repositories, real
`ssh-keygen` keys and the real CLI; each test fails while its hole is open."""

from __future__ import annotations

import subprocess

from builders import RepoBuilder
from doccontrol import catalogue
from history_helpers import Scenario, body, cli

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")
# what --verify says of a key nobody allowed, up to the key (the tests' locale speaks Chinese)
NOT_ALLOWED = catalogue.load("zh").text(
    "pack.verify.unknown-key", file="MANIFEST.sha256.sig", key=""
)


def keypair(folder, name):
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def _signed_by_wang(tmp_path, wang_pub):
    """SM-P-01 under control from 2026-01-02, 王芳's SSH key her only signing key."""
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config(
        "roles: [qa-manager, document-controller, internal-auditor]}",
        "roles: [qa-manager, document-controller, internal-auditor], "
        f'signing_keys: ["{wang_pub}"]}}',
    )
    s.files.doc()
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    return s


def test_audit_pack_verify_reads_allowed_signers_through_a_replace_ref(tmp_path):
    """`audit-pack --verify` reads the allowed signers from doccontrol.yml at the pack's head
    with a plain `git show`, which follows refs/replace/*. Anyone who can push a ref adds
    refs/replace/<blob> swapping 王芳's key for their own, signs a forged pack with it, and the
    verifier (a mirror clone fetches every ref) is told it is signed by 王芳."""
    keys = tmp_path / "keys"
    keys.mkdir()
    _, wang_pub = keypair(keys, "wang")
    mallory, mallory_pub = keypair(keys, "mallory")
    s = _signed_by_wang(tmp_path, wang_pub)
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    pack = tmp_path / "forged.zip"
    made = cli(s.root, "audit-pack", *PERIOD, "-o", str(pack), "--sign", str(mallory))
    assert made.returncode == 0, made.stderr
    honest = cli(s.root, "audit-pack", "--verify", str(pack))
    assert honest.returncode == 1 and NOT_ALLOWED in honest.stdout, honest.stdout
    # the forgery: one object and one ref, no commit on any branch
    config = s.git.run("show", "HEAD:doccontrol.yml")
    forged = config.replace(wang_pub, mallory_pub) + "\n"
    (tmp_path / "forged.yml").write_text(forged, encoding="utf-8")
    blob = s.git.run("hash-object", "-w", str(tmp_path / "forged.yml"))
    s.git.run("replace", s.git.run("rev-parse", "HEAD:doccontrol.yml"), blob)
    fooled = cli(s.root, "audit-pack", "--verify", str(pack))
    assert fooled.returncode == 1, fooled.stdout
    assert "王芳" not in fooled.stdout, fooled.stdout


def test_audit_pack_verify_trusts_a_signing_key_added_by_an_unapproved_commit(tmp_path):
    """`--verify` takes the allowed signers from doccontrol.yml as committed at the pack's
    head, approved or not. 赵磊 pushes straight to main a doccontrol.yml listing his own key
    under 王芳 (DC516: never applied by history), makes and signs a pack there, and puts the
    file back; the pack then verifies as intact and signed by 王芳, head on main, exit 0."""
    keys = tmp_path / "keys"
    keys.mkdir()
    _, wang_pub = keypair(keys, "wang")
    zhao, zhao_pub = keypair(keys, "zhao")
    s = _signed_by_wang(tmp_path, wang_pub)
    s.set_config(wang_pub, zhao_pub)
    s.git.commit("更新签名密钥", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    pack = tmp_path / "pack.zip"
    made = cli(s.root, "audit-pack", *PERIOD, "-o", str(pack), "--sign", str(zhao))
    assert made.returncode == 0, made.stderr
    s.set_config(zhao_pub, wang_pub)
    s.git.commit("恢复签名密钥", who="zhaolei", date="2026-02-02T10:00:00+08:00")
    trail = cli(s.root, "trail")
    assert "DC516" in trail.stdout, trail.stdout  # history never applied the planted key
    verified = cli(s.root, "audit-pack", "--verify", str(pack))
    assert verified.returncode == 1, verified.stdout
    assert "王芳" not in verified.stdout, verified.stdout
