"""The history cache: reused when nothing changed, extended with new commits, rebuilt when
the config or the history itself changed."""

from __future__ import annotations

import json
import subprocess
import sys

from doccontrol.history.derive import derive
from doccontrol.load import repository
from history_helpers import body


def merged_change(s, branch, version, when):
    s.git.branch(branch)
    s.files.doc(version=version, body=body(branch))
    s.git.commit(branch, who="zhaolei")
    s.git.merge(
        branch, f"修订 {branch}", approvers=("liujing",), reviewers=("wangfang",), date=when
    )


def as_json(history):
    return {
        "documents": {k: v.to_json() for k, v in history.documents.items()},
        "events": [e.to_json() for e in history.events],
        "head": history.head,
    }


def config(s):
    return repository.load(s.root, only=set()).config


def cache_file(s):
    """The cache lives in the Git directory, where no commit can put a file."""
    return s.root / ".git/doccontrol/history.json"


def test_warm_run_reads_the_cache_and_equals_the_cold_run(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["head"] == cold.head
    assert not (scenario.root / ".cache/doccontrol").exists()
    warm = derive(scenario.root, config(scenario))
    assert as_json(warm) == as_json(cold)


def test_new_commits_extend_the_cache_to_the_same_result_as_a_full_run(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    merged_change(scenario, "cr-2", "V1.2", "2026-03-01T10:00:00+08:00")
    scenario.files.doc(version="V1.3", body=body("直接"))
    scenario.git.commit("直接", who="zhouqiang")
    extended = derive(scenario.root, config(scenario))
    full = derive(scenario.root, config(scenario), use_cache=False)
    assert as_json(extended) == as_json(full)
    assert [r.version for r in full.documents["SM-P-01"].revisions] == ["V1.1", "V1.2", "V1.3"]


def test_state_names_approved_texts_by_blob_and_reads_them_only_when_touched(scenario):
    """The cached state keeps each approved version's blob id, not its text; a later run
    reads the text again for the documents it touches, so 更改处 still compares with the
    approved text (here: a document untouched by two extensions, then edited)."""

    def second(branch: str, version: str, purpose: str, when: str) -> None:
        scenario.git.branch(branch)
        scenario.files.doc(
            "docs/procedures/two.md", doc_id="SM-P-02", version=version, body=body(purpose)
        )
        scenario.git.commit(branch, who="zhaolei")
        scenario.git.merge(
            branch,
            f"修订 SM-P-02 {version}",
            approvers=("liujing",),
            reviewers=("wangfang",),
            date=when,
        )

    second("cr-two", "V1.0", "第二份的目的。", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    state = (scenario.root / ".git/doccontrol/state.json").read_text(encoding="utf-8")
    assert "第二份的目的。" not in state
    merged_change(scenario, "cr-1", "V1.1", "2026-03-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))  # SM-P-02 untouched: its text stays unread
    merged_change(scenario, "cr-3", "V1.2", "2026-03-05T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    second("cr-4", "V1.1", "第二份的新目的。", "2026-04-01T10:00:00+08:00")
    extended = derive(scenario.root, config(scenario))
    assert extended.documents["SM-P-02"].revisions[-1].sections == ("1 目的",)
    assert as_json(extended) == as_json(derive(scenario.root, config(scenario), use_cache=False))


def test_rewritten_history_is_derived_afresh(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    scenario.git.run("reset", "-q", "--hard", "HEAD~1")
    scenario.files.doc(version="V1.5", body=body("改写"))
    scenario.git.commit("改写历史", who="zhouqiang")
    after = derive(scenario.root, config(scenario))
    assert as_json(after) == as_json(derive(scenario.root, config(scenario), use_cache=False))
    assert [r.version for r in after.documents["SM-P-01"].revisions] == ["V1.5"]


def test_config_change_on_main_invalidates_the_cache_and_work_tree_edits_do_not(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    key = json.loads(cache_file(scenario).read_text())["key"]
    # an uncommitted edit is not the rules: the cache and the result stay as they were
    scenario.set_config("site_name: 服务管理体系文件发布平台", "site_name: 新名称")
    derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["key"] == key
    scenario.git.branch("cfg")
    scenario.git.commit("改站点名称", who="wangfang")
    scenario.git.merge("cfg", "改站点名称", approvers=("liujing",), reviewers=("wangfang",))
    derive(scenario.root, config(scenario))
    assert json.loads(cache_file(scenario).read_text())["key"] != key


def test_corrupt_cache_is_ignored(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    cache_file(scenario).write_text("{not json")
    assert (
        derive(scenario.root, config(scenario)).documents["SM-P-01"].revisions[0].version == "V1.1"
    )


def test_cache_of_the_wrong_shape_is_discarded_and_rebuilt(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    header = json.loads(cache_file(scenario).read_text())
    header["index"] = [["SM-P-01"]]  # the right key, the wrong shape
    cache_file(scenario).write_text(json.dumps(header))
    state_file = cache_file(scenario).with_name("state.json")
    state = json.loads(state_file.read_text())
    state["state"] = {"docs": 7}
    state_file.write_text(json.dumps(state))
    assert as_json(derive(scenario.root, config(scenario))) == as_json(cold)
    merged_change(scenario, "cr-2", "V1.2", "2026-03-01T10:00:00+08:00")
    state = json.loads(state_file.read_text())
    state["state"]["docs"] = {"SM-P-01": {"path": 1}}
    state_file.write_text(json.dumps(state))
    extended = derive(scenario.root, config(scenario))
    assert as_json(extended) == as_json(derive(scenario.root, config(scenario), use_cache=False))


def test_damaged_document_line_is_a_clear_error_once_then_derived_afresh(scenario):
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    (documents,) = cache_file(scenario).parent.glob("documents-*.jsonl")
    size = documents.stat().st_size  # as long as before: every line the index names is there
    damaged = '["SM-P-01", 1, 2]\n'
    documents.write_text(damaged + " " * (size - len(damaged)))  # right key, wrong shape
    first = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01"],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert first.returncode == 2 and "已损坏并已删除" in first.stderr
    assert "Traceback" not in first.stderr and "internal error" not in first.stderr
    second = subprocess.run(
        [sys.executable, "-m", "doccontrol", "log", "SM-P-01"],
        cwd=scenario.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert second.returncode in (0, 1), second.stderr  # 1: problems of the history itself
    assert "V1.1" in second.stdout and "internal error" not in second.stderr


def test_a_cache_file_that_is_a_link_or_a_device_is_no_cache(scenario):
    """A link to /dev/zero would be read for ever: the cache's files are read only when they
    are regular files, and a history is derived afresh instead."""
    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    header = cache_file(scenario)
    header.unlink()
    header.symlink_to("/dev/zero")
    state = header.with_name("state.json")
    state.unlink()
    state.symlink_to("/dev/zero")
    assert as_json(derive(scenario.root, config(scenario))) == as_json(cold)
    assert header.is_file() and not header.is_symlink()  # written again, as a file


def test_the_warm_path_answers_at_the_tip_and_nowhere_else(scenario):
    """`_cached` (one rev-parse) answers only where the checked-out commit is the tip: on any
    other commit the full path judges where the lines meet (_same_branch_where_lines_meet)."""
    from doccontrol.history import derive as derive_module

    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    cold = derive(scenario.root, config(scenario))
    now = cold_now = __import__("datetime").datetime.now(__import__("datetime").UTC)
    warm = derive_module._cached(scenario.root, config(scenario), False, now)
    assert warm is not None and as_json(warm) == as_json(cold)
    scenario.git.run("checkout", "-q", "--detach", "HEAD^")
    assert derive_module._cached(scenario.root, config(scenario), False, cold_now) is None


def _signed_merge(scenario, tmp_path, version: str) -> str:
    """cr-2 (SM-P-01 at ``version``) merged into main with an SSH-signed merge: its commit."""
    scenario.git.branch("cr-2")
    scenario.files.doc(version=version, body=body("签名"))
    scenario.git.commit("cr-2", who="zhaolei")
    scenario.git.checkout("main")
    key_file = tmp_path / "key"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key_file)], check=True)
    scenario.git.run(
        *("-c", "gpg.format=ssh", "-c", f"user.signingkey={key_file}"),
        *("merge", "-S", "--no-ff", "-q", "-m", "签名批准", "cr-2"),
        who="liujing",
        date="2026-03-01T10:00:00+08:00",
    )
    return scenario.git.run("rev-parse", "HEAD")


def test_a_history_with_signatures_is_not_reused_across_a_change_of_keyring(scenario, tmp_path):
    """What git says of a GPG signature is the keyring's: a key revoked, imported or trusted
    since changes it. A history that judged a signature is written with the keyring's state
    and expires within a day (a key also expires with time alone); one with no signature is
    reused whatever the keyring."""
    import datetime

    from doccontrol.history import cache, signatures

    home = tmp_path / "gnupg"
    home.mkdir()
    keys = home / "pubring.kbx"
    keys.write_bytes(b"one")
    env = {"GNUPGHOME": str(home)}
    first = signatures.keyring_state(env)
    keys.write_bytes(b"one and a revocation")
    assert signatures.keyring_state(env) != first
    assert signatures.keyring_state({"GNUPGHOME": str(tmp_path / "none")}) != first

    merged_change(scenario, "cr-1", "V1.1", "2026-02-01T10:00:00+08:00")
    derive(scenario.root, config(scenario))
    folder = cache_file(scenario).parent
    header = json.loads(cache_file(scenario).read_text())
    assert header["keyring"] == "" and header["until"] == ""  # nothing signed: any keyring
    assert cache.open_history(folder, header["key"], header["head"], None, "other") is not None

    # the same history as if it had judged a signature under keyring "A"
    for name in ("history.json", "state.json"):
        data = json.loads((folder / name).read_text())
        data["keyring"] = "A"
        (folder / name).write_text(json.dumps(data))
    key, head = header["key"], header["head"]
    assert cache.open_history(folder, key, head, None, "A") is not None
    assert cache.open_history(folder, key, head, None, "B") is None
    assert cache.read_state(folder, key, head, None, "A") is not None
    assert cache.read_state(folder, key, head, None, "B") is None

    # signed: the derivation says so in its state, and the cache holds for a day at most
    merge = _signed_merge(scenario, tmp_path, "V1.2")
    before = datetime.datetime.now(datetime.UTC)
    signed = derive(scenario.root, config(scenario), use_cache=True)
    (event,) = [e for e in signed.events if e.commit == merge]
    assert event.signature.status != "none", event
    header = json.loads(cache_file(scenario).read_text())
    assert header["keyring"] == signatures.keyring_state(git_dir=str(scenario.root / ".git"))
    until = datetime.datetime.fromisoformat(header["until"])
    assert before < until <= datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=1)
    state = json.loads(cache_file(scenario).with_name("state.json").read_text())
    assert state["state"]["signed"] is True


def test_a_signed_history_is_not_reused_across_a_change_of_git_s_signature_settings(
    scenario, tmp_path
):
    """Which program checks a signature is git's configuration (gpg.ssh.program, gpg.program…),
    not the keyring: the repository's own config changed to one that finds nothing sound
    derives the signed history afresh, and so does a change by GIT_CONFIG_* variables."""
    from doccontrol.history import signatures

    merge = _signed_merge(scenario, tmp_path, "V1.1")

    def status() -> str:
        history = derive(scenario.root, config(scenario), use_cache=True)
        (event,) = [e for e in history.events if e.commit == merge]
        return event.signature.status

    sound = status()
    assert sound not in ("none", "bad"), sound
    assert status() == sound  # read back from the cache
    refuses = tmp_path / "refuses"
    # it reads what git gives it first: one that exits unread takes git down (SIGPIPE)
    refuses.write_text("#!/bin/sh\ncat >/dev/null\nexit 1\n")
    refuses.chmod(0o755)
    scenario.git.run("config", "gpg.ssh.program", str(refuses))
    assert status() != sound  # not the cache's verdict, made with the other program
    scenario.git.run("config", "--unset", "gpg.ssh.program")
    assert status() == sound

    git_dir = str(scenario.root / ".git")
    plain = signatures.keyring_state({"HOME": str(tmp_path)}, git_dir)
    assert signatures.keyring_state({"HOME": str(tmp_path)}, git_dir) == plain
    count = {"HOME": str(tmp_path), "GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "gpg.program"}
    assert signatures.keyring_state(count, git_dir) != plain
    (tmp_path / ".gitconfig").write_text("[gpg]\n\tformat = ssh\n")
    assert signatures.keyring_state({"HOME": str(tmp_path)}, git_dir) != plain
