"""Round 60: forced signing (``signing_forced``) and the rules' own signatures
(``DC536.rules-signed``) as every output reads them. Real repositories, real SSH keys, the real
CLI and the real MkDocs build (rounds 56-59 helpers)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from rt56_helpers import in_force_text, people_change
from rt57_helpers import approve_signed
from rt58_helpers import switched_by_liu
from rt59_helpers import revert_branch

from ack_records import ack_path, ack_text
from builders import PROJECT, RepoBuilder
from forge_helpers import FORGE_ACCOUNTS, keypair, liu_signs
from history_helpers import Scenario, cli


def site_start(tmp_path: Path) -> Any:
    """round 56's ``unsigned_start`` (K1 a trusted forge key, 刘静 a config approver with her
    own SSH key, ``require_signed`` off), with the project's mkdocs.yml, vendored Mermaid and
    the acknowledgement schema in the initial import: a repository the real plugin builds.
    SM-P-01 V1.0 is in force from 2026-01-05 and distributed to qa (刘静, 王芳)."""
    k1, k1_pub = keypair(tmp_path, "forge")
    liu, liu_pub = keypair(tmp_path, "liu")
    builder = RepoBuilder(tmp_path / "repo")
    builder.doc()
    builder.write("mkdocs.yml", (PROJECT / "mkdocs.yml").read_text("utf-8"))
    vendor = builder.root / ".cache/vendor"
    vendor.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / ".cache/vendor/mermaid.min.js", vendor / "mermaid.min.js")
    shutil.copy(
        PROJECT / "schemas/records/acknowledgement.schema.json",
        builder.root / "schemas/records/acknowledgement.schema.json",
    )
    s = Scenario(builder)
    s.set_config("control_since: null", "control_since: 2026-01-02")
    edits = (
        *FORGE_ACCOUNTS,
        *liu_signs(liu_pub),
        "  trusted_forge_keys: []\n",
        f'  trusted_forge_keys: ["{k1_pub}"]\n'
        "  config_approvers: [general-manager, management-representative]\n",
    )
    for old, new in zip(edits[::2], edits[1::2], strict=True):
        s.set_config(old, new)
    s.git.commit("初始导入", who="wangfang")
    s.liu, s.k1 = liu, k1
    return s


def recovered(s: Any) -> str:
    """round 58's DC536.forced (赵磊 pushes a people change, 刘静 hand-signs the switch over
    it), then the README's recovery (session 26's fix keeps signatures forced): cr-11 restores
    the doccontrol.yml in force and 刘静 approves it with ``approve --sign``. Returns the
    revert: main's doccontrol.yml is now the one in force again, nothing is pending, and
    ``signing_forced`` stays on."""
    people_change(s, 7)
    s.git.checkout("main")
    s.git.run("merge", "--ff-only", "-q", "cr-7", who="zhaolei")
    switched_by_liu(s, 9)
    assert s.history().signing_forced
    revert_branch(s, 11, in_force_text(s))
    result, revert = approve_signed(s, "cr-11")
    assert result.returncode == 0, result.stdout + result.stderr
    return revert


def forged_ack(s: Any, person: str = "wangfang") -> str:
    """赵磊 commits an acknowledgement record of SM-P-01 V1.0 naming ``person``, straight to
    main, unsigned, with ``person`` typed as author and committer (git -c user.name/email):
    what ``doccontrol ack`` writes, except that nobody signed it."""
    s.git.checkout("main")
    s.files.write(ack_path(person), ack_text(person))
    return s.git.commit("阅知确认 SM-P-01 V1.0", who=person)


def ack_due(s: Any) -> dict[str, Any]:
    """``doccontrol ack-due --all --format json``: who owes what, by the rules in force."""
    out = cli(s.root, "ack-due", "--all", "--format", "json")
    assert out.returncode in (0, 1), out.stdout + out.stderr
    return json.loads(out.stdout)


__all__ = ["approve_signed", "in_force_text"]
