"""Signed approvals (SSH keys made in the test) and odd or broken Git histories."""

from __future__ import annotations

import subprocess
import sys

import pytest

from builders import RepoBuilder
from doccontrol.history import signatures
from doccontrol.history.derive import derive
from doccontrol.history.gitread import GitError
from doccontrol.load import repository
from gitrepo import GitRepo
from history_helpers import Scenario, body, cli


def keypair(tmp_path, name):
    key = tmp_path / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (tmp_path / f"{name}.pub").read_text().strip()


@pytest.fixture
def signed(tmp_path):
    """Signed approvals required; 刘静 owns key 'liu'; a stranger's key 'x' is unknown."""
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    liu, liu_pub = keypair(tmp_path, "liu")
    zhao, zhao_pub = keypair(tmp_path, "zhao")
    stranger, _ = keypair(tmp_path, "x")
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config("require_signed: false", "require_signed: true")
    s.set_config(
        "department: qa, roles: [management-representative, department-head]}",
        f'department: qa, roles: [management-representative, department-head], signing_keys: ["{liu_pub}"]}}',
    )
    s.set_config(
        "department: operations, roles: [service-manager,",
        f'signing_keys: ["{zhao_pub}"], department: operations, roles: [service-manager,',
    )
    s.git.commit("初始导入", who="wangfang")
    s.keys = {"liu": liu, "zhao": zhao, "x": stranger}
    return s


def _change(s, branch):
    s.git.branch(branch)
    s.files.doc(version="V1.1", body=body(branch))
    s.git.commit(branch, who="zhaolei")


def test_good_signature_by_the_approver(signed):
    _change(signed, "cr-1")
    signed.git.merge(
        "cr-1",
        "签名批准",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=signed.keys["liu"],
    )
    (rev,) = signed.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.signature.status, rev.signature.verified_for, rev.problems) == (
        True,
        "good",
        "liujing",
        (),
    )


def test_forged_trailers_in_an_unsigned_merge_are_not_an_approval(signed):
    _change(signed, "cr-1")
    signed.git.merge(
        "cr-1", "伪造的批准", who="zhaolei", approvers=("liujing",), reviewers=("wangfang",)
    )
    assert signed.summary() == [("approval", "V1.1", False, ["DC507"])]


def test_signature_by_an_unknown_key(signed):
    _change(signed, "cr-1")
    signed.git.merge(
        "cr-1",
        "陌生密钥",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=signed.keys["x"],
    )
    assert signed.summary() == [("approval", "V1.1", False, ["DC509"])]


def test_signature_by_a_known_key_of_someone_who_is_not_the_approver(signed):
    _change(signed, "cr-1")
    signed.git.merge(
        "cr-1",
        "别人签名",
        who="zhaolei",
        approvers=("liujing",),
        reviewers=("wangfang",),
        sign_key=signed.keys["zhao"],
    )
    rev = signed.history().documents["SM-P-01"].revisions[0]
    # the signature vouches for 赵磊 alone, so 刘静's name in the trailers does not count
    assert (rev.approved, [p.code for p in rev.problems], rev.signature.verified_for) == (
        False,
        ["DC509", "DC504"],
        "zhaolei",
    )


def test_trusted_forge_key_signs_for_the_forge(signed, tmp_path):
    forge, forge_pub = keypair(tmp_path, "forge")
    signed.set_config("trusted_forge_keys: []", f'trusted_forge_keys: ["{forge_pub}"]')
    signed.git.commit("信任平台密钥", date="2026-01-01T12:00:00+08:00")
    _change(signed, "cr-1")
    signed.git.merge(
        "cr-1", "平台签名", approvers=("liujing",), reviewers=("wangfang",), sign_key=forge
    )
    (rev,) = signed.history().documents["SM-P-01"].revisions
    assert (rev.approved, rev.signature.verified_for) == (True, signatures.FORGE)


def _derive(root):
    config = repository.load(root, only=set()).config
    return derive(root, config)


def test_not_a_git_repository(repo):
    with pytest.raises(GitError, match=r"^git\.not-a-repository$"):
        _derive(repo.root)


def test_cycle_collector_is_left_as_it_was_found(scenario, tmp_path):
    """Derivation pauses Python's cycle collector for speed; it must always put it back."""
    import gc

    assert gc.isenabled()
    scenario.history()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # nothing is left exempt from collection
    plain = RepoBuilder(tmp_path / "plain")  # files, but no Git
    plain.doc()
    with pytest.raises(GitError):
        _derive(plain.root)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.disable()
    try:
        scenario.history()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_empty_repository(repo):
    GitRepo(repo.root)
    with pytest.raises(GitError, match=r"^git\.no-commits$"):
        _derive(repo.root)


def test_missing_main_branch(repo):
    g = GitRepo(repo.root)
    g.commit("x")
    g.run("branch", "-m", "main", "trunk")
    with pytest.raises(GitError, match=r"^git\.no-branch$"):
        _derive(repo.root)


def test_detached_head_still_reads_main(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("x"))
    scenario.git.commit("x", who="zhaolei")
    scenario.git.merge("cr-1", "合并", approvers=("liujing",), reviewers=("wangfang",))
    scenario.git.run("checkout", "-q", "--detach", "HEAD~1")
    assert [r.version for r in scenario.history().documents["SM-P-01"].revisions] == ["V1.1"]


def test_shallow_clone_fails_clearly_unless_allowed(scenario, tmp_path):
    for n in range(3):
        scenario.files.doc(version=f"V1.{n + 1}", body=body(str(n)))
        scenario.git.commit(f"c{n}", who="zhouqiang")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "2", f"file://{scenario.root}", str(clone)], check=True
    )
    config = repository.load(scenario.root, only=set()).config
    with pytest.raises(GitError, match=r"^git\.shallow$"):
        derive(clone, config)
    history = derive(clone, config, allow_shallow=True)
    assert history.incomplete


def test_commit_messages_in_odd_encodings(scenario):
    scenario.git.branch("cr-1")
    scenario.files.doc(version="V1.1", body=body("x"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(
        "Révision du procédé".encode("latin-1"),
        who="zhaolei",
        config=("-c", "i18n.commitEncoding=ISO-8859-1"),
    )
    scenario.files.doc(version="V1.2", body=body("y"))
    scenario.git.run("add", "-A")
    scenario.git.commit_raw(b"bad \xff\xfe bytes", who="zhaolei")
    scenario.git.merge("cr-1", "Révision", approvers=("liujing",), reviewers=("wangfang",))
    (rev,) = scenario.history().documents["SM-P-01"].revisions
    assert rev.approved


def test_cli_reports_git_faults_without_traceback(repo):
    result = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "--all", "--format", "json"],
        cwd=repo.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert (
        # the catalogue's words, Chinese under the tests' pinned locale
        result.stderr.startswith("doccontrol：错误：") and "不是 Git 仓库" in result.stderr
    )
    assert "Traceback" not in result.stderr


def test_git_faults_are_said_in_the_repositorys_language(repo):
    """A GitError is a catalogue key: the CLI says it in English under ``language: en``."""
    config = repo.root / "doccontrol.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nlanguage: en\n", encoding="utf-8")
    result = cli(repo.root, "log", "--all")
    assert result.returncode == 2
    assert "is not a Git repository (history needs one" in result.stderr
    assert "不是" not in result.stderr and "Traceback" not in result.stderr


def test_a_git_that_stops_without_a_word_is_never_a_whole_history(signed, tmp_path):
    """A signature program that ends git (one that exits without reading what git writes to
    it takes git down with SIGPIPE, at random; here it kills git outright) leaves the log
    cut short with nothing on stderr: the commits after it, the approval among them, were
    once read as if they had never been. Now nothing is derived from it, nothing cached, and
    the CLI says so without a traceback."""
    _change(signed, "cr-1")
    signed.git.checkout("main")
    signed.git.run(
        *("-c", "gpg.format=ssh", "-c", f"user.signingkey={signed.keys['liu']}"),
        *("merge", "-S", "--no-ff", "-q", "-m", "批准 cr-1", "cr-1"),
        who="liujing",
        date="2026-02-01T10:00:00+08:00",
    )
    killer = tmp_path / "kills-git"
    killer.write_text("#!/bin/sh\nkill -KILL $PPID\n")
    killer.chmod(0o755)
    signed.git.run("config", "gpg.ssh.program", str(killer))
    with pytest.raises(GitError) as raised:
        derive(signed.root, repository.load(signed.root).config, use_cache=True)
    assert raised.value.key == "git.ended"
    assert not (signed.root / ".git/doccontrol").exists() or not list(
        (signed.root / ".git/doccontrol").glob("history*")
    )
    result = cli(signed.root, "log", "--all")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "没有读完就中止了" in result.stderr and "Traceback" not in result.stderr
    signed.git.run("config", "--unset", "gpg.ssh.program")
    history = derive(signed.root, repository.load(signed.root).config, use_cache=True)
    assert [e.summary for e in history.events] == ["批准 cr-1"]
