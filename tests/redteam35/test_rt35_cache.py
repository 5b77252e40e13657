"""The history cache after session 21 (`cache._code()` in the key): what else a derivation
depends on that the key does not hold, the warm path the key is read by, and damaged caches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from builders import RepoBuilder
from history_helpers import Scenario, body, cli, make_scenario

REPO = Path(__file__).resolve().parents[2]
EN = {"LC_ALL": "en_US.UTF-8"}
TRAILERS = "\n\nApproved-by: 刘静 <liu.jing@example.com>\nReviewed-by: 王芳 <wang.fang@example.com>"


def _gpg_key(home: Path) -> str:
    """A GPG signing key for 刘静 in ``home`` (no passphrase); its fingerprint."""
    home.mkdir(mode=0o700)
    subprocess.run(
        [
            *("gpg", "--batch", "--passphrase", "", "--quick-gen-key"),
            *("Liu Jing <liu.jing@example.com>", "ed25519", "sign", "never"),
        ],
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        ["gpg", "--list-keys", "--with-colons"], capture_output=True, text=True, check=True
    ).stdout
    return next(line.split(":")[9] for line in listed.splitlines() if line.startswith("fpr"))


def _revoke(home: Path, fingerprint: str) -> None:
    """Import the revocation certificate gpg made with the key (as after a key compromise)."""
    cert = (home / "openpgp-revocs.d" / f"{fingerprint}.rev").read_text()
    cert = cert.replace(":-----BEGIN", "-----BEGIN")  # gpg's guard against a stray import
    subprocess.run(["gpg", "--batch", "--import"], input=cert, text=True, check=True)


def signed_approval(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path, require_signed: bool
) -> tuple[Scenario, str]:
    """SM-P-01 imported (control from 2026-01-02), 刘静's GPG key in ``home`` and in
    doccontrol.yml, and V1.1 approved by her signed merge on 2026-01-05; the scenario and
    her key's fingerprint."""
    monkeypatch.setenv("GNUPGHOME", str(home))
    fingerprint = _gpg_key(home)
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.files.doc()
    s.set_config("control_since: null", "control_since: 2026-01-02")
    if require_signed:
        s.set_config("require_signed: false", "require_signed: true")
    s.set_config(
        "department: qa, roles: [management-representative, department-head]}",
        "department: qa, roles: [management-representative, department-head], "
        f'signing_keys: ["{fingerprint}"]}}',
    )
    s.git.commit("初始导入", who="wangfang")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("签名的修订"))
    s.git.commit("cr-1", who="zhaolei")
    s.git.checkout("main")
    message = "Merge branch 'cr-1' into 'main'\n\n签名批准\n\nSee merge request it/sms!1" + TRAILERS
    s.git.run(
        *("-c", "gpg.format=openpgp", "-c", f"user.signingkey={fingerprint}"),
        *("merge", "-S", "--no-ff", "-q", "-m", message, "cr-1"),
        who="liujing",
        date="2026-01-05T10:00:00+08:00",
    )
    return s, fingerprint


@pytest.mark.skipif(shutil.which("gpg") is None, reason="needs gpg")
def test_a_revoked_signing_key_does_not_stay_approved_in_a_warm_clone(tmp_path, monkeypatch):
    """require_signed, 刘静's GPG key in doccontrol.yml. She signs an approval merge; the
    runner's keyring has her key, so `trail --strict` passes and the cache is written. Her key
    is then revoked (its revocation imported into the keyring, as after a compromise). A fresh
    derivation now says DC509 (signing key revoked, not approved). The warm clone keeps the
    cached "Good signature / Approved", and keeps it when main moves on (the cache is extended,
    old verdicts never judged again). The key holds nothing of what git's check used."""
    home = tmp_path / "gnupg"
    s, fingerprint = signed_approval(tmp_path, monkeypatch, home, require_signed=True)
    before = cli(s.root, "trail", "--strict", env=EN)
    assert before.returncode == 0 and "Good signature" in before.stdout, before.stdout

    _revoke(home, fingerprint)
    (s.root / "notes.txt").write_text("main moves on\n", encoding="utf-8")
    s.git.commit("无关的提交", who="zhaolei", date="2026-01-06T10:00:00+08:00")
    fresh_clone = tmp_path / "fresh"
    subprocess.run(["git", "clone", "-q", str(s.root), str(fresh_clone)], check=True)
    fresh = cli(fresh_clone, "trail", "--strict", env=EN)
    assert fresh.returncode == 1 and "DC509" in fresh.stdout, fresh.stdout  # the truth now
    warm = cli(s.root, "trail", "--strict", env=EN)
    assert "DC509" in warm.stdout and warm.returncode == 1, warm.stdout


def test_a_warm_run_is_decided_by_one_rev_parse(tmp_path):
    """`derive._cached` promises "one git rev-parse and a small header read" on a warm run.
    `gitread.probe` passes `--end-of-options`, which `git rev-parse` echoes back as an output
    line (every git since 2.30 does), so it gets six lines, not five, returns None every time,
    and every warm run goes the full way (GitReader, cat-file --batch, the tip's config…)."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准")
    assert cli(s.root, "log", "SM-P-01", env=EN).returncode == 0  # writes the cache
    trace = tmp_path / "trace"
    warm = cli(s.root, "log", "SM-P-01", env={**EN, "GIT_TRACE": str(trace)})
    assert warm.returncode == 0
    commands = [line for line in trace.read_text().splitlines() if "built-in: git " in line]
    assert not [c for c in commands if "git cat-file" in c], commands


def _evil_branch(s) -> None:
    """evil branched from main's import, with a merge of typed approvals that names it the
    main branch (tests/history/test_which_branch.py's shape)."""
    s.git.branch("evil")
    s.git.branch("side", "evil")
    s.files.doc(version="V2.0", body=body("作者自己的规定"), effective_date="2026-02-01")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("修订", who="zhaolei")
    s.git.run("checkout", "-q", "evil")
    s.git.run("merge", "--no-ff", "-q", "-m", "伪造" + TRAILERS, "side", who="liujing")


def _switch_after_evil_was_cached(s, env) -> subprocess.CompletedProcess[str]:
    """Someone ran doccontrol with evil checked out (a CI job on every branch, a reviewer
    looking at it): the cache now holds evil's history. Then main gets a direct commit that
    points main_branch at evil, and `trail --strict` runs on main in the same clone."""
    _evil_branch(s)
    on_evil = _run(s.root, env, "trail", "--strict")
    assert on_evil.returncode == 0, on_evil.stderr
    s.git.checkout("main")
    s.set_config("main_branch: main", "main_branch: evil")
    s.git.commit("主分支", who="zhaolei")
    return _run(s.root, env, "trail", "--strict")


def _run(root, env, *args):
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **EN, **env},
    )


def test_a_branch_switch_is_refused_after_the_branch_was_cached(tmp_path):
    """The warm path (`_cached`, now taken: see the test above) found the key (FORMAT, code,
    refs/heads/evil, evil's config blob) and the tip, and would have returned evil's history
    without the checks `_derive` makes first (main_branch disowned,
    `_same_branch_where_lines_meet`): V2.0 from evil's typed approvals, exit 0. It held
    before only because the warm path never ran.
    Fixed (session 22): `_cached` answers only where the tip is the checked-out commit (the key
    then holds what those checks ask); elsewhere the full path judges where the lines meet."""
    out = _switch_after_evil_was_cached(make_scenario(tmp_path), {})
    assert out.returncode == 2, out.stdout
    assert "where the checked-out history meets that branch" in out.stderr


def _damage(folder: Path, how: str) -> None:
    header = json.loads((folder / "history.json").read_text(encoding="utf-8"))
    documents = folder / header["documents"]
    if how == "a length past the file":
        header["index"] = {k: [0, 2**40] for k in header["index"]}
    elif how == "a revision's date of the wrong type":
        lines = documents.read_text(encoding="utf-8").splitlines()
        index = {}
        offset = 0
        out = []
        for raw in lines:
            doc = json.loads(raw)
            for revision in doc[4]:
                revision[4] = 12
            line = json.dumps(doc, ensure_ascii=False) + "\n"
            index[doc[0]] = [offset, len(line.encode())]
            offset += len(line.encode())
            out.append(line)
        documents.write_text("".join(out), encoding="utf-8")
        header["index"] = index
    elif how == "until of the wrong type":
        header["until"] = 12345
    elif how == "a person of the wrong types":
        header["people"] = [[1, 2, 3, 4]]
    elif how == "a truncated document line":
        documents.write_bytes(documents.read_bytes()[:40])
    (folder / "history.json").write_text(json.dumps(header), encoding="utf-8")


@pytest.mark.parametrize(
    "how",
    [
        "a length past the file",  # MemoryError, uncaught: "This is a bug in doccontrol"
        "a revision's date of the wrong type",  # decoded unchecked: TypeError in cli/history
        "until of the wrong type",
        "a person of the wrong types",
        "a truncated document line",
    ],
)
def test_a_damaged_cache_is_a_clear_message_or_a_fresh_derivation(tmp_path, how):
    """A cache of the wrong shape (a disk fault, a crash, a tool that wrote there) ends in
    `git.cache-damaged` or in a fresh derivation; never in "This is a bug in doccontrol"."""
    s = make_scenario(tmp_path)
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei")
    s.git.merge("cr-1", "批准")
    assert cli(s.root, "log", "SM-P-01", env=EN).returncode == 0
    _damage(s.root / ".git" / "doccontrol", how)
    for args in (("log", "SM-P-01"), ("register",)):
        out = cli(s.root, *args, env=EN)
        assert "This is a bug" not in out.stderr and "Traceback" not in out.stderr, (
            args,
            out.stderr,
        )
        assert out.returncode == 0 or "was damaged and has been removed" in out.stderr, (
            args,
            out.stderr,
        )
    again = cli(s.root, "log", "SM-P-01", env=EN)
    assert again.returncode == 0 and "V1.1" in again.stdout, again.stderr
