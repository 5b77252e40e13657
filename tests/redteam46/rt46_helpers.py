"""Round 46 helpers: real repositories with SSH signing keys, packs forged as an author would."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

from builders import RepoBuilder
from doccontrol import auditpack
from history_helpers import Scenario, body

PERIOD = ("--from", "2026-01-01", "--to", "2026-12-31")


def run(
    cwd: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "doccontrol", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )


def keypair(folder: Path, name: str) -> tuple[Path, str]:
    key = folder / name
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)], check=True
    )
    return key, (folder / f"{name}.pub").read_text().strip()


def fingerprint(pub: Path) -> str:
    out = subprocess.run(
        ["ssh-keygen", "-lf", str(pub)], capture_output=True, text=True, check=True
    )
    return out.stdout.split()[1]


def signed_repo(tmp_path: Path) -> tuple[Scenario, Path, str]:
    """王芳 (wangfang) holds an SSH signing key in the approved doccontrol.yml; one approved
    change on main. Returns the scenario, wang's private key and public key text."""
    keys = tmp_path / "keys"
    keys.mkdir()
    wang, wang_pub = keypair(keys, "wang")
    s = Scenario(RepoBuilder(tmp_path / "repo"))
    s.set_config("control_since: null", "control_since: 2026-01-02")
    s.set_config(
        "roles: [qa-manager, document-controller, internal-auditor]}",
        f'roles: [qa-manager, document-controller, internal-auditor], signing_keys: ["{wang_pub}"]}}',
    )
    s.git.commit("初始导入", who="wangfang", date="2026-01-01T10:00:00+08:00")
    s.git.branch("cr-1")
    s.files.doc(version="V1.1", body=body("修订"))
    s.git.commit("修订", who="zhaolei", date="2026-02-01T10:00:00+08:00")
    s.git.checkout("main")
    s.git.merge("cr-1", "批准修订", approvers=("liujing",), reviewers=("wangfang",))
    return s, wang, wang_pub


def pack_entries(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as archive:
        return {i.filename: archive.read(i.filename) for i in archive.infolist()}


def ssh_sign(data: bytes, key: Path) -> bytes:
    out = subprocess.run(
        ["ssh-keygen", "-Y", "sign", "-n", auditpack.NAMESPACE, "-f", str(key)],
        input=data,
        capture_output=True,
        check=True,
    )
    return out.stdout


def forge_pack(
    source: Path,
    target: Path,
    key: Path,
    info_edit: dict[str, str] | None = None,
    edits: dict[str, bytes] | None = None,
) -> Path:
    """A pack rebuilt as a forger would: entries edited, PACK.json fields changed, the manifest
    recomputed and signed with ``key``."""
    entries = {
        n: d
        for n, d in pack_entries(source).items()
        if n not in (auditpack.MANIFEST, auditpack.SIGNATURE)
    }
    entries.update(edits or {})
    if info_edit:
        info = json.loads(entries[auditpack.PACK_INFO])
        info.update(info_edit)
        entries[auditpack.PACK_INFO] = (
            json.dumps(info, ensure_ascii=False, indent=2).encode() + b"\n"
        )
    manifest = auditpack.manifest_bytes(entries)
    entries[auditpack.MANIFEST] = manifest
    entries[auditpack.SIGNATURE] = ssh_sign(manifest, key)
    target.write_bytes(auditpack.zip_bytes(entries))
    return target


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
