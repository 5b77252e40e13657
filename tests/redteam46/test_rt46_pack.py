"""Round 46: the signed audit pack's verification inside the repository."""

from __future__ import annotations

from rt46_helpers import PERIOD, fingerprint, forge_pack, keypair, run, signed_repo

from history_helpers import body


def _verify(root, pack, *extra):
    result = run(root, "audit-pack", "--verify", str(pack), *extra)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout


def test_pack_head_on_a_merged_side_branch_takes_the_branchs_own_unapproved_keys(tmp_path):
    """An author puts his own key under 王芳's entry in doccontrol.yml in one commit of a
    branch, takes it out again in the next, and gets the branch (a real document change)
    approved: the reviewed diff never shows doccontrol.yml. The key commit is now an ancestor
    of main. He then signs a pack of his own making with his key and names that commit as the
    pack's head: `--verify` reads the keys 'in force at the head' along the head's own
    first-parent line (the side branch), where his key stands, and says the pack is signed by
    王芳."""
    s, _wang, wang_pub = signed_repo(tmp_path)
    mallory, mallory_pub = keypair(tmp_path / "keys", "zhaolei")
    git = s.git
    git.branch("cr-2")
    s.set_config(f'signing_keys: ["{wang_pub}"]', f'signing_keys: ["{mallory_pub}"]')
    planted = git.commit("调整配置格式", who="zhaolei")
    s.set_config(f'signing_keys: ["{mallory_pub}"]', f'signing_keys: ["{wang_pub}"]')
    git.commit("撤回配置调整", who="zhaolei")
    s.files.doc(version="V1.2", body=body("再次修订"))
    git.commit("修订 V1.2", who="zhaolei")
    git.merge("cr-2", "批准修订 V1.2", approvers=("liujing",), reviewers=("wangfang",), number=2)
    trail = run(s.root, "trail", "--strict")
    assert trail.returncode == 0, trail.stdout + trail.stderr  # nothing to see in the trail

    honest = tmp_path / "honest.zip"
    made = run(s.root, "audit-pack", *PERIOD, "-o", str(honest))
    assert made.returncode == 0, made.stderr
    forged = forge_pack(
        honest,
        tmp_path / "forged.zip",
        mallory,
        info_edit={"head": planted},
        edits={"register/register.csv": "文件编号,版本\nSM-P-01,V9.9\n".encode()},
    )
    code, out = _verify(s.root, forged)
    mallory_fp = fingerprint(tmp_path / "keys" / "zhaolei.pub")
    assert not ("王芳" in out and mallory_fp in out), out
    assert code == 1, out


def test_a_forged_archive_put_in_front_of_a_genuine_signed_pack_is_verified_as_genuine(tmp_path):
    """A zip is read from its end (the central directory); a streaming reader reads the local
    entries from the start. 赵磊 takes 王芳's genuine signed pack and puts a zip of his own in
    front of it (a register saying V9.9). `--verify` reads the genuine pack at the end and says
    'intact, signed by 王芳'; an auditor who unpacks it with a streaming reader (here `jar x`
    reading the file on its standard input, as Java's ZipInputStream and many web and mobile
    unpackers do) gets the forged register. The verifier should refuse bytes that are not the
    pack's own entries (anything before the first entry, between entries, after the
    directory)."""
    import shutil
    import subprocess
    import zipfile

    s, wang, _ = signed_repo(tmp_path)
    genuine = tmp_path / "genuine.zip"
    made = run(s.root, "audit-pack", *PERIOD, "-o", str(genuine), "--sign", str(wang))
    assert made.returncode == 0, made.stderr
    front = tmp_path / "front.zip"
    with zipfile.ZipFile(front, "w") as archive:
        archive.writestr("register/register.csv", "文件编号,版本\nSM-P-01,V9.9\n")
    forged = tmp_path / "forged.zip"
    forged.write_bytes(front.read_bytes() + genuine.read_bytes())
    if shutil.which("jar"):
        out = tmp_path / "unpacked"
        out.mkdir()
        with forged.open("rb") as stdin:
            subprocess.run(["jar", "x"], stdin=stdin, cwd=out, check=True)
        assert "V9.9" in (out / "register" / "register.csv").read_text(encoding="utf-8")
    code, said = _verify(s.root, forged)
    assert code == 1, said


def test_held_a_key_planted_by_a_direct_commit_on_main_never_signs_a_pack(tmp_path):
    """Held: the same forged pack naming a direct (unapproved) commit on main's own line that
    put the author's key under 王芳: that change never took effect, the key is unknown."""
    s, _wang, wang_pub = signed_repo(tmp_path)
    mallory, mallory_pub = keypair(tmp_path / "keys", "zhaolei")
    s.set_config(f'signing_keys: ["{wang_pub}"]', f'signing_keys: ["{mallory_pub}"]')
    planted = s.git.commit("调整配置", who="zhaolei")
    honest = tmp_path / "honest.zip"
    assert run(s.root, "audit-pack", *PERIOD, "-o", str(honest)).returncode == 0
    forged = forge_pack(honest, tmp_path / "forged.zip", mallory, info_edit={"head": planted})
    code, out = _verify(s.root, forged)
    assert code == 1 and "王芳" not in out, out
